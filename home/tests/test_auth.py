import logging
import time

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from home.auth import FAILURES_BY_ADDRESS, FAILURES_BY_USERNAME, is_locked_out, locked_out_error, record_failure
from home.network import rate_limit_count

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def empty_cache(settings):
    settings.ADMIN_LOGIN_MAX_FAILURES = 3
    settings.ADMIN_LOGIN_LOCKOUT_SECONDS = 900
    settings.TRUSTED_PROXY_COUNT = 0
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("quantri", "quantri@example.com", PASSWORD)


def sign_in(client, username, password, address="203.0.113.7", **extra):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **extra,
    )


def error_codes(response):
    form = response.context["form"]
    return [error.code for error in form.non_field_errors().as_data()]


def signed_in(client):
    return "_auth_user_id" in client.session


def test_correct_password_signs_in(client, admin_user):
    response = sign_in(client, "quantri", PASSWORD)
    assert response.status_code == 302
    assert signed_in(client)


def test_wrong_passwords_up_to_the_limit_then_locked_even_with_the_right_password(client, admin_user):
    for _attempt in range(2):
        assert error_codes(sign_in(client, "quantri", "wrong")) == ["invalid_login"]
    # The third failure reaches the limit and says so.
    assert error_codes(sign_in(client, "quantri", "wrong")) == ["locked_out"]

    response = sign_in(client, "quantri", PASSWORD)
    assert response.status_code == 200
    assert error_codes(response) == ["locked_out"]
    assert not signed_in(client)


def test_username_lock_holds_from_any_address(client, admin_user):
    for number in range(3):
        sign_in(client, "quantri", "wrong", address=f"198.51.100.{number}")
    response = sign_in(client, "Quantri ", PASSWORD, address="192.0.2.50")
    assert error_codes(response) == ["locked_out"]


def test_address_lock_holds_for_every_username(client, admin_user):
    for number in range(3):
        sign_in(client, f"khach{number}", "wrong")
    assert error_codes(sign_in(client, "quantri", PASSWORD)) == ["locked_out"]
    # Another address is not affected.
    assert sign_in(client, "quantri", PASSWORD, address="192.0.2.50").status_code == 302


def test_unknown_and_known_usernames_are_refused_alike(client, admin_user):
    for _attempt in range(3):
        sign_in(client, "nobody", "wrong", address="198.51.100.1")
        sign_in(client, "quantri", "wrong", address="198.51.100.2")
    unknown = sign_in(client, "nobody", "wrong", address="192.0.2.1")
    known = sign_in(client, "quantri", "wrong", address="192.0.2.2")
    assert error_codes(unknown) == error_codes(known) == ["locked_out"]
    assert unknown.context["form"].non_field_errors() == known.context["form"].non_field_errors()


def test_success_clears_the_username_failures_but_not_the_address(client, admin_user):
    sign_in(client, "quantri", "wrong")
    sign_in(client, "quantri", "wrong")
    assert sign_in(client, "quantri", PASSWORD).status_code == 302
    assert rate_limit_count(scope=FAILURES_BY_USERNAME, address="quantri") == 0
    assert rate_limit_count(scope=FAILURES_BY_ADDRESS, address="203.0.113.7") == 2


def test_forged_forwarded_header_is_ignored_without_trusted_proxies(client, admin_user):
    for number in range(3):
        sign_in(client, f"khach{number}", "wrong", HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")
    # Changing the forged header does not escape the lock on the real peer address.
    response = sign_in(client, "quantri", PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert error_codes(response) == ["locked_out"]


def test_forwarded_header_names_the_client_behind_a_trusted_proxy(client, admin_user, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(3):
        sign_in(client, f"khach{number}", "wrong", address="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.9")
    # Same proxy, another client: not locked. The locked client stays locked.
    assert sign_in(client, "quantri", PASSWORD, address="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.8").status_code == 302
    client.logout()
    locked = sign_in(client, "quantri", PASSWORD, address="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert error_codes(locked) == ["locked_out"]


def test_lockout_is_logged_without_the_address_or_username(client, admin_user, caplog):
    with caplog.at_level(logging.WARNING, logger="home.auth"):
        for _attempt in range(4):
            sign_in(client, "quantri", "wrong")
    messages = [record.getMessage() for record in caplog.records if record.name == "home.auth"]
    assert len(messages) == 2  # one for the username, one for the address; not repeated
    assert any("username fingerprint" in message for message in messages)
    assert not any("203.0.113.7" in message or "quantri" in message for message in messages)


def test_cache_keys_hold_neither_username_nor_address(client, admin_user):
    sign_in(client, "quantri", "wrong")
    keys = " ".join(str(key) for key in cache._cache)
    assert keys
    assert "quantri" not in keys and "203.0.113.7" not in keys


def test_backend_refuses_the_right_password_while_locked(admin_user, rf):
    request = rf.post("/", REMOTE_ADDR="203.0.113.7")
    for _attempt in range(3):
        record_failure(request=request, username="quantri")
    assert is_locked_out(request=request, username="quantri")
    assert authenticate(request, username="quantri", password=PASSWORD) is None


def test_failures_without_a_request_still_lock_the_username(admin_user):
    for _attempt in range(3):
        assert authenticate(None, username="quantri", password="wrong") is None
    assert authenticate(None, username="quantri", password=PASSWORD) is None


def test_lock_lasts_the_lockout_period(client, admin_user, monkeypatch):
    for _attempt in range(3):
        sign_in(client, "quantri", "wrong")
    start = time.time()
    monkeypatch.setattr(time, "time", lambda: start + 890)
    assert error_codes(sign_in(client, "quantri", PASSWORD)) == ["locked_out"]
    monkeypatch.setattr(time, "time", lambda: start + 910)
    assert sign_in(client, "quantri", PASSWORD).status_code == 302


def test_lockout_message_in_vietnamese_and_english(client, admin_user):
    for _attempt in range(3):
        sign_in(client, "quantri", "wrong")
    # The admin sign-in page is in Vietnamese, the default language.
    vietnamese = sign_in(client, "quantri", PASSWORD).content.decode()
    assert "Đăng nhập sai quá nhiều lần" in vietnamese and "tối đa 15 phút" in vietnamese
    with translation.override("en"):
        assert locked_out_error().messages == [
            "Too many failed sign-in attempts. Sign-in is paused for up to 15 minutes; please try again later."
        ]
