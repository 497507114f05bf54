"""Anonymous page cache: whole responses kept in the Django cache, shared by every app server.

`PageCacheMiddleware` sits just inside WhiteNoise (see MIDDLEWARE), so
everything outside it (security headers, HSTS) is still applied to cached
responses, and everything inside it (sessions, auth, the page itself) is
skipped on a hit.

What is cached: GET/HEAD requests without a session cookie, a messages
cookie or an `Authorization` header, whose response is a 200 that sets no
cookie, carries no `Cache-Control: private / no-store / no-cache`, does not
vary on `Cookie` (Django adds that when a template uses `{% csrf_token %}`
or the session is read), is not streamed, and was rendered in the language
its URL names. Never cached: the admin, documents, the API
(`PAGE_CACHE_EXCLUDED_PATHS`) and the search page (`PAGE_CACHE_EXCLUDED_URL_NAMES`):
every search is recorded for the editors' statistics and most query strings
are asked once.

Invalidation: a *generation* number stored in the cache itself stamps every
entry, and an entry of an older generation is a miss. `bump_generation()`
(called by `home.page_cache_receivers` on publish, unpublish, move, delete,
snippet and setting saves) increments it, so with Redis every app server sees
the change at once. Keys contain today's date in Vietnam (campaign status
changes at midnight); entries expire after `PAGE_CACHE_SECONDS`.

Production turns the cache on by default only with `REDIS_URL`: with each
worker's own memory, a publish would empty only the cache of the worker that
handled it.

When the cache is unreachable the page is served uncached.
"""

import hashlib
import logging
import time
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import cc_delim_re

logger = logging.getLogger(__name__)

GENERATION_KEY = "page_cache:generation"
HEADER = "X-Page-Cache"
MAX_QUERY_FIELDS = 20
MAX_BODY_BYTES = 2 * 1024 * 1024
UNCACHEABLE_CACHE_CONTROL = {"private", "no-store", "no-cache"}
# The language of an i18n URL comes from its path alone (Vietnamese without a
# prefix), so LocaleMiddleware's `Vary: Accept-Language` does not split the cache.
IGNORED_VARY = {"accept-language", "accept-encoding"}


def _settings_value(name, default):
    return getattr(settings, name, default)


class PageCache:
    """Rendered responses in one cache backend, each stamped with the generation it was rendered under.

    A lookup reads the generation and the entry in one round trip
    (`get_many`, a single MGET on Redis); an entry from an older generation
    is a miss and is overwritten by the next render.
    """

    def __init__(self, backend):
        self.backend = backend

    def start_generation(self):
        # A fresh start (or an evicted counter) must never reuse an old
        # generation, so it starts from the clock rather than from 1.
        self.backend.add(GENERATION_KEY, time.time_ns(), timeout=None)
        return self.backend.get(GENERATION_KEY)

    def bump(self):
        try:
            self.backend.incr(GENERATION_KEY)
        except ValueError:  # missing: any new value invalidates
            self.start_generation()

    def key(self, address):
        digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()
        return f"page_cache:{timezone.localdate().isoformat()}:{digest}"

    def lookup(self, address):
        """(current generation, cached response or None)."""
        key = self.key(address)
        found = self.backend.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or self.start_generation()
        entry = found.get(key)
        if entry is None or entry[0] != generation:
            return generation, None
        _generation, status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        return generation, response

    def store(self, address, response, *, generation):
        """Keep `response`, rendered from what the site held at `generation`."""
        headers = [(name, value) for name, value in response.items() if name != HEADER]
        entry = (generation, response.status_code, headers, response.content)
        self.backend.set(self.key(address), entry, timeout=_settings_value("PAGE_CACHE_SECONDS", 300))


def page_cache():
    return PageCache(caches[_settings_value("PAGE_CACHE_ALIAS", "default")])


def bump_generation():
    """Invalidate every cached page on every server. Never raises."""
    try:
        page_cache().bump()
    except Exception:
        logger.warning("page cache unavailable; could not invalidate cached pages")


# --- Which requests and responses ---------------------------------------------------------


def cache_address(request):
    """The key material of a cacheable request (scheme, host, path, sorted query), or None when it is not one."""
    if not _settings_value("PAGE_CACHE_ENABLED", False) or request.method not in ("GET", "HEAD"):
        return None
    if "HTTP_AUTHORIZATION" in request.META:
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return None
    if request.path_info.startswith(tuple(_settings_value("PAGE_CACHE_EXCLUDED_PATHS", ()))):
        return None
    query = normalised_query(request.META.get("QUERY_STRING", ""))
    if query is None:
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None  # the view answers 400, uncached
    return f"{request.scheme}://{host}{request.path}?{query}"


def normalised_query(query_string):
    """The query string with its fields sorted by name (values keep their order), or None when not worth caching."""
    if len(query_string) > _settings_value("PAGE_CACHE_MAX_QUERY_LENGTH", 300):
        return None
    try:
        fields = parse_qsl(query_string, keep_blank_values=True, max_num_fields=MAX_QUERY_FIELDS)
    except ValueError:
        return None
    return urlencode(sorted(fields, key=lambda field: field[0]))


def is_storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if len(response.content) > MAX_BODY_BYTES:
        return False
    if _header_tokens(response, "Cache-Control") & UNCACHEABLE_CACHE_CONTROL:
        return False
    if _header_tokens(response, "Vary") - IGNORED_VARY:
        return False
    match = getattr(request, "resolver_match", None)
    if match is not None and match.url_name in _settings_value("PAGE_CACHE_EXCLUDED_URL_NAMES", ()):
        return False
    return _rendered_in_path_language(request)


def _header_tokens(response, name):
    """Lower-cased names in a comma-separated header (`max-age=0, private` gives {"max-age", "private"})."""
    parts = cc_delim_re.split(response.get(name, ""))
    return {part.split("=")[0].strip().lower() for part in parts if part.strip()}


def _rendered_in_path_language(request):
    """False for a URL outside i18n_patterns answered in a language picked from a cookie or header."""
    language_from_path = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    return getattr(request, "LANGUAGE_CODE", language_from_path) == language_from_path


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        address = cache_address(request)
        if address is None:
            return self.get_response(request)
        cache = page_cache()
        generation, cached = self._lookup(cache, address)
        if cached is not None:
            cached[HEADER] = "hit"
            if request.method == "HEAD":
                cached.content = b""
            return cached
        response = self.get_response(request)
        response[HEADER] = "miss"
        if generation is not None and request.method == "GET" and is_storable(request, response):
            self._store(cache, address, response, generation=generation)
        return response

    def _lookup(self, cache, address):
        try:
            return cache.lookup(address)
        except Exception:
            logger.warning("page cache unavailable; serving uncached")
            return None, None

    def _store(self, cache, address, response, *, generation):
        try:
            cache.store(address, response, generation=generation)
        except Exception:
            logger.warning("page cache unavailable; response not stored")
