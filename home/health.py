"""`/healthz/` for load balancers and monitoring: is this app server able to serve?

The answer names each dependency and its state, nothing more: no versions,
host names or error texts (those go to the log, by exception type only).

- `database`: one `SELECT 1`. When it fails the server cannot serve: 503.
- `search`: the database engine needs nothing else ("ok"). With
  `ELASTICSEARCH_URL` set, a ping; when Elasticsearch does not answer, search
  still works from the database: "fallback".
- `cache`: a write and a read. A failing cache slows pages and disables rate
  limits, but pages are still served.

`home` may not import the `search` app, so Elasticsearch is pinged here from
the setting alone.
"""

import logging
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

OK, FAIL, FALLBACK, DEGRADED = "ok", "fail", "fallback", "degraded"
CACHE_PROBE_KEY = "health:probe"


def database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:
        logger.error("health check: database unavailable (%s)", type(error).__name__)
        return FAIL
    return OK


def elasticsearch_reachable(url):
    from elasticsearch import Elasticsearch

    client = Elasticsearch(url, request_timeout=settings.ELASTICSEARCH_TIMEOUT, max_retries=0)
    try:
        return bool(client.ping())
    finally:
        client.close()


def search_status(*, database):
    url = getattr(settings, "ELASTICSEARCH_URL", "")
    if not url:
        return database
    try:
        if elasticsearch_reachable(url):
            return OK
    except Exception as error:
        logger.warning("health check: Elasticsearch unavailable (%s)", type(error).__name__)
    return FALLBACK if database == OK else FAIL


def cache_status():
    token = secrets.token_hex(8)
    try:
        cache.set(CACHE_PROBE_KEY, token, timeout=10)
        if cache.get(CACHE_PROBE_KEY) == token:
            return OK
    except Exception as error:
        logger.warning("health check: cache unavailable (%s)", type(error).__name__)
    return FAIL


def overall_status(checks):
    if checks["database"] == FAIL:
        return FAIL
    if any(state != OK for state in checks.values()):
        return DEGRADED
    return OK


@never_cache
@require_safe
def healthz(request):
    database = database_status()
    checks = {"database": database, "search": search_status(database=database), "cache": cache_status()}
    status = overall_status(checks)
    return JsonResponse({"status": status, **checks}, status=503 if status == FAIL else 200)
