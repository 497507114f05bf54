import pytest
from django.core.cache import cache
from django.test import RequestFactory

from home.network import address_fingerprint, client_address, rate_limit_count, rate_limit_exceeded


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def request_from(address, forwarded=None):
    extra = {"REMOTE_ADDR": address}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_client_address_ignores_forwarded_header_unless_proxies_are_trusted(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request_from("10.0.0.9", "1.2.3.4")) == "10.0.0.9"


def test_client_address_reads_the_address_our_proxy_saw(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client forged "6.6.6.6"; our proxy appended the real peer last.
    assert client_address(request_from("10.0.0.9", "6.6.6.6, 203.0.113.7")) == "203.0.113.7"


def test_client_address_falls_back_to_peer_when_header_is_too_short(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_address(request_from("10.0.0.9", "203.0.113.7")) == "10.0.0.9"


def test_rate_limit_allows_up_to_the_limit_then_refuses():
    outcomes = [rate_limit_exceeded(scope="t", address="203.0.113.7", limit=3, window_seconds=60) for _ in range(5)]
    assert outcomes == [False, False, False, True, True]
    assert rate_limit_exceeded(scope="t", address="203.0.113.8", limit=3, window_seconds=60) is False


def test_rate_limit_keys_never_hold_the_address():
    rate_limit_exceeded(scope="t", address="203.0.113.7", limit=3, window_seconds=60)
    assert rate_limit_count(scope="t", address="203.0.113.7") == 1
    assert "203.0.113.7" not in address_fingerprint("203.0.113.7")


def test_rate_limit_fails_open_when_the_cache_is_down(monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "add", broken)
    assert rate_limit_exceeded(scope="t", address="203.0.113.7", limit=0, window_seconds=60) is False
