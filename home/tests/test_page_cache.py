"""The anonymous page cache: what is served from it, what never is, and what empties it."""

import datetime
import os
import uuid

import pytest
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory, override_settings
from django.utils import timezone

from home.factories import HotlineFactory, StandardPageFactory
from home.models import PortalSettings, PortalSettingsHotline
from home.page_cache import HEADER, PageCache, PageCacheMiddleware, normalised_query

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache_on():
    cache.clear()
    with override_settings(PAGE_CACHE_ENABLED=True):
        yield
    cache.clear()


@pytest.fixture
def page(home_page):
    PortalSettings.for_site(home_page.get_site())  # created on first use otherwise, which empties the cache
    return StandardPageFactory(parent=home_page, title="Nội quy trường học", slug="noi-quy")


def test_second_anonymous_request_is_served_from_the_cache_without_queries(
    client, page, page_cache_on, django_assert_num_queries
):
    first = client.get(page.url)
    with django_assert_num_queries(0):
        second = client.get(page.url)

    assert first[HEADER] == "miss"
    assert second[HEADER] == "hit"
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_cache_is_off_unless_enabled(client, page):
    client.get(page.url)

    assert HEADER not in client.get(page.url)


def test_publishing_a_change_is_seen_at_once(client, page, page_cache_on):
    client.get(page.url)
    page.title = "Nội quy mới"
    page.save_revision().publish()

    response = client.get(page.url)

    assert response[HEADER] == "miss"
    assert "Nội quy mới" in response.content.decode()


def test_unpublishing_a_page_removes_it_from_the_cache(client, page, page_cache_on):
    client.get(page.url)
    page.unpublish()

    assert client.get(page.url).status_code == 404


def test_a_new_page_appears_in_its_parent_menu(client, home_page, page, page_cache_on):
    page.show_in_menus = True
    page.save_revision().publish()
    client.get(home_page.url)
    StandardPageFactory(parent=home_page, title="Trang vừa đăng", show_in_menus=True)

    assert "Trang vừa đăng" in client.get(home_page.url).content.decode()


def test_saving_a_site_wide_snippet_empties_the_cache(client, home_page, page, page_cache_on):
    client.get(page.url)
    hotline = HotlineFactory(number="111", name="Tổng đài 111")
    PortalSettingsHotline.objects.create(
        settings=PortalSettings.for_site(home_page.get_site()), hotline=hotline, sort_order=0
    )

    response = client.get(page.url)

    assert response[HEADER] == "miss"
    assert "Tổng đài 111" in response.content.decode()


def test_signed_in_users_are_never_served_or_stored(client, admin_user, page, page_cache_on):
    client.get(page.url)  # cached for anonymous visitors
    client.force_login(admin_user)

    signed_in = client.get(page.url)

    assert HEADER not in signed_in
    client.logout()
    client.cookies.clear()
    assert client.get(page.url)[HEADER] == "hit"


def test_requests_with_authorization_are_not_served_from_the_cache(client, page, page_cache_on):
    client.get(page.url)

    assert HEADER not in client.get(page.url, HTTP_AUTHORIZATION="Basic dXNlcjpwYXNz")


def test_query_strings_differing_only_in_field_order_share_an_entry(client, page, page_cache_on):
    client.get(f"{page.url}?b=2&a=1&a=0")

    assert client.get(f"{page.url}?a=1&b=2&a=0")[HEADER] == "hit"
    assert client.get(f"{page.url}?a=0&a=1&b=2")[HEADER] == "miss"  # same field, other order


@pytest.mark.parametrize("query", ["%zz=%%&&=&a", "a=" + "x" * 400, "&".join(f"f{n}=1" for n in range(50))])
def test_odd_or_oversized_query_strings_are_answered_never_a_500(client, page, page_cache_on, query):
    assert client.get(f"{page.url}?{query}").status_code == 200
    assert client.get(f"{page.url}?{query}").status_code == 200


def test_oversized_query_strings_are_not_cached():
    assert normalised_query("a=" + "x" * 400) is None
    assert normalised_query("&".join(f"f{n}=1" for n in range(50))) is None
    assert normalised_query("q=ma+t%C3%BAy&page=2") == "page=2&q=ma+t%C3%BAy"


def test_head_requests_are_answered_from_the_cache_without_a_body(client, page, page_cache_on):
    full = client.get(page.url)

    head = client.head(page.url)

    assert head[HEADER] == "hit"
    assert head.content == b""
    assert head["Content-Length"] == str(len(full.content))


def test_search_page_is_never_cached(client, page, page_cache_on):
    client.get("/search/?q=noi+quy")

    assert client.get("/search/?q=noi+quy")[HEADER] == "miss"


def test_security_headers_of_outer_middleware_are_added_to_hits(client, page, page_cache_on):
    client.get(page.url)

    hit = client.get(page.url)

    assert hit[HEADER] == "hit"
    assert hit["X-Content-Type-Options"] == "nosniff"
    assert hit["Referrer-Policy"]
    assert hit["X-Frame-Options"] == "DENY"  # stored from the inner middleware's response


def test_page_cache_sits_inside_security_and_whitenoise():
    order = settings.MIDDLEWARE
    cache_position = order.index("home.page_cache.PageCacheMiddleware")

    assert order.index("django.middleware.security.SecurityMiddleware") < cache_position
    assert order.index("whitenoise.middleware.WhiteNoiseMiddleware") == cache_position - 1
    assert cache_position < order.index("django.contrib.sessions.middleware.SessionMiddleware")


def test_a_new_day_starts_a_new_cache(client, page, page_cache_on, monkeypatch):
    client.get(page.url)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr("home.page_cache.timezone.localdate", lambda: tomorrow)

    assert client.get(page.url)[HEADER] == "miss"


# --- Responses that must never be stored -------------------------------------------------


def _middleware(make_response):
    calls = []

    def view(request):
        calls.append(request)
        return make_response()

    return PageCacheMiddleware(view), calls


def _response_with_cookie():
    response = HttpResponse("hello")
    response.set_cookie("csrftoken", "x")
    return response


def _response_with(header, value):
    response = HttpResponse("hello")
    response[header] = value
    return response


@pytest.mark.parametrize(
    "make_response",
    [
        _response_with_cookie,
        lambda: _response_with("Cache-Control", "private"),
        lambda: _response_with("Cache-Control", "max-age=0, no-cache, no-store, must-revalidate, private"),
        lambda: _response_with("Vary", "Accept-Language, Cookie"),
        lambda: HttpResponse("missing", status=404),
        lambda: HttpResponse(status=302),
        lambda: StreamingHttpResponse(iter([b"file"])),
    ],
    ids=["sets-cookie", "private", "no-store", "vary-cookie", "404", "redirect", "streaming"],
)
def test_responses_that_are_personal_or_not_plain_pages_are_not_stored(page_cache_on, make_response):
    middleware, calls = _middleware(make_response)
    request_factory = RequestFactory()

    middleware(request_factory.get("/trang/"))
    middleware(request_factory.get("/trang/"))

    assert len(calls) == 2


def test_vary_on_accept_language_alone_is_stored(page_cache_on):
    middleware, calls = _middleware(lambda: _response_with("Vary", "Accept-Language"))

    middleware(RequestFactory().get("/trang/"))
    second = middleware(RequestFactory().get("/trang/"))

    assert len(calls) == 1
    assert second[HEADER] == "hit"


@pytest.mark.parametrize("path", ["/admin/", "/documents/1/file.pdf", "/api/search/suggest/?q=ma"])
def test_admin_documents_and_api_are_never_looked_up(page_cache_on, path):
    middleware, calls = _middleware(lambda: HttpResponse("ok"))

    middleware(RequestFactory().get(path))
    response = middleware(RequestFactory().get(path))

    assert len(calls) == 2
    assert HEADER not in response


def test_requests_with_a_session_cookie_are_not_served(page_cache_on):
    middleware, calls = _middleware(lambda: HttpResponse("ok"))
    middleware(RequestFactory().get("/trang/"))
    request = RequestFactory().get("/trang/")
    request.COOKIES[settings.SESSION_COOKIE_NAME] = "abc"

    response = middleware(request)

    assert len(calls) == 2
    assert HEADER not in response


def test_disallowed_host_is_left_to_the_view(page_cache_on):
    middleware, calls = _middleware(lambda: HttpResponse("bad request", status=400))

    response = middleware(RequestFactory().get("/trang/", HTTP_HOST="evil.example"))

    assert len(calls) == 1
    assert response.status_code == 400


class _BrokenCache:
    def get(self, *args, **kwargs):
        raise ConnectionError("cache down")

    add = set = incr = get_many = get


def test_an_unreachable_cache_serves_pages_uncached(page_cache_on, monkeypatch):
    monkeypatch.setattr("home.page_cache.page_cache", lambda: PageCache(_BrokenCache()))
    middleware, calls = _middleware(lambda: HttpResponse("ok"))

    responses = [middleware(RequestFactory().get("/trang/")) for _ in range(2)]

    assert len(calls) == 2
    assert all(response.status_code == 200 for response in responses)


def test_invalidation_survives_an_unreachable_cache(page, monkeypatch):
    monkeypatch.setattr("home.page_cache.page_cache", lambda: PageCache(_BrokenCache()))

    page.save_revision().publish()  # no exception reaches the editor


# --- Several app servers sharing Redis ---------------------------------------------------


def _redis_available(url):
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
    except Exception:
        return False
    return True


REDIS_URL = os.environ.get("PAGE_CACHE_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture
def two_servers():
    """Two app servers' cache clients on the same Redis, under a key prefix of this test only."""
    if not _redis_available(REDIS_URL):
        if os.environ.get("CI"):
            pytest.fail(f"Redis unreachable at {REDIS_URL}")
        pytest.skip(f"Redis unreachable at {REDIS_URL}")
    prefix = f"page-cache-test-{uuid.uuid4().hex}"
    server = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": prefix}
    caches = {"default": settings.CACHES["default"], "server_a": server, "server_b": dict(server)}
    with override_settings(CACHES=caches, PAGE_CACHE_ENABLED=True):
        yield
        import redis

        client = redis.Redis.from_url(REDIS_URL)
        for key in client.scan_iter(match=f"{prefix}:*"):
            client.delete(key)


def test_publishing_on_one_server_invalidates_the_pages_cached_on_another(client, page, two_servers):
    from django.core.cache import caches

    assert caches["server_a"] is not caches["server_b"]
    with override_settings(PAGE_CACHE_ALIAS="server_a"):
        client.get(page.url)
        assert client.get(page.url)[HEADER] == "hit"
    with override_settings(PAGE_CACHE_ALIAS="server_b"):
        assert client.get(page.url)[HEADER] == "hit"  # one shared cache
        page.title = "Nội quy sửa trên máy chủ B"
        page.save_revision().publish()
    with override_settings(PAGE_CACHE_ALIAS="server_a"):
        response = client.get(page.url)

    assert response[HEADER] == "miss"
    assert "Nội quy sửa trên máy chủ B" in response.content.decode()


def test_scheduled_publishing_empties_the_cache(client, page, page_cache_on):
    from django.core.management import call_command

    client.get(page.url)
    page.title = "Nội quy lên lịch"
    page.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision = page.save_revision()
    revision.approved_go_live_at = page.go_live_at
    revision.save()

    call_command("publish_scheduled", verbosity=0)

    assert "Nội quy lên lịch" in client.get(page.url).content.decode()
