"""Writes of search: the index (driven by publishing signals) and the query counts.

`index_page` and `remove_page` write to every indexing engine. The database
entries are always written first; an unavailable Elasticsearch is logged and
left for `manage.py search_reindex` to repair, never an error for an editor.
"""

import datetime
import logging

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from home.kinds import all_kinds
from search.documents import build_index_document, restricted_page_paths
from search.engines.base import EngineUnavailable
from search.engines.registry import indexing_engines
from search.models import SearchEntry, SearchQueryDay
from search.text import normalize

logger = logging.getLogger(__name__)

QUERY_LOG_KEEP_DAYS = 90
QUERY_LOG_MAX_CHARS = 200


def index_page(*, page, engines=None):
    """Index `page` as it is stored now, or remove it when it is no longer public content.

    Returns the `IndexDocument` written, or None when the page was removed.
    """
    page_id = page.pk
    page = Page.objects.filter(pk=page_id).select_related("locale").first()
    return _index_loaded_page(page_id=page_id, page=page, engines=engines)


def _index_loaded_page(*, page_id, page, engines=None, restricted_paths=None):
    document = build_index_document(page, restricted_paths=restricted_paths) if page is not None else None
    if document is None:
        remove_page(page_id=page_id, engines=engines)
        return None
    for engine in engines or indexing_engines():
        _write(engine, "index_document", document)
    return document


def remove_page(*, page_id, engines=None):
    if page_id is None:
        return
    for engine in engines or indexing_engines():
        _write(engine, "remove_document", page_id=page_id)


def _write(engine, method, *args, **kwargs):
    if engine.name == "database":
        getattr(engine, method)(*args, **kwargs)
        return
    try:
        getattr(engine, method)(*args, **kwargs)
    except EngineUnavailable as error:
        logger.warning("Search engine %s could not %s: %s", engine.name, method, error)


def index_subtree(*, page, engines=None):
    """Re-index `page` and its descendants (after a move or a change of view restrictions)."""
    pages = Page.objects.filter(path__startswith=page.path, depth__gte=page.depth)
    indexed = set(SearchEntry.objects.filter(page__in=pages).values_list("page_id", flat=True))
    for descendant in pages.filter(live=True).specific().iterator():
        index_page(page=descendant, engines=engines)
        indexed.discard(descendant.pk)
    for page_id in indexed:  # no longer live
        remove_page(page_id=page_id, engines=engines)


def index_descendants_with_stale_urls(*, page, engines=None):
    """After a parent's slug changed, re-index descendants whose stored URL no longer starts with its URL."""
    url = page.get_url()
    if not url:
        return
    stale = SearchEntry.objects.filter(page__path__startswith=page.path, page__depth__gt=page.depth).exclude(
        url__startswith=url
    )
    for entry in stale.select_related("page"):
        index_page(page=entry.page, engines=engines)


def index_all(*, engines=None):
    """Index every live page of every kind; remove the other entries. Returns the number of pages indexed."""
    engines = engines or indexing_engines()
    restricted_paths = restricted_page_paths()
    kept = set()
    for kind in all_kinds():
        pages = kind.page_model.objects.live().select_related("locale").prefetch_related("topic_links__topic")
        for page in pages.order_by("pk").iterator(chunk_size=500):
            if _index_loaded_page(page_id=page.pk, page=page, engines=engines, restricted_paths=restricted_paths):
                kept.add(page.pk)
    for page_id in set(SearchEntry.objects.values_list("page_id", flat=True)) - kept:
        remove_page(page_id=page_id, engines=engines)
    return len(kept)


# --- Query counts ----------------------------------------------------------------


def normalize_logged_query(text):
    return " ".join(normalize(text).lower().split())[:QUERY_LOG_MAX_CHARS]


def record_query(*, text, locale, found, day=None):
    """Count one search of `text` today: the query and counts only, no IP, no user, no time."""
    query = normalize_logged_query(text)
    if not query:
        return
    day = day or timezone.localdate()
    without_results = 0 if found else 1
    rows = SearchQueryDay.objects.filter(day=day, locale=locale, query=query)
    updates = {
        "searches": F("searches") + 1,
        "searches_without_results": F("searches_without_results") + without_results,
    }
    if not rows.update(**updates):
        try:
            with transaction.atomic():
                SearchQueryDay.objects.create(
                    day=day, locale=locale, query=query, searches=1, searches_without_results=without_results
                )
        except IntegrityError:  # created meanwhile by another request
            rows.update(**updates)
        _forget_old_queries_once_a_day(today=day)


def _forget_old_queries_once_a_day(*, today):
    key = f"search:query-log-pruned:{today.isoformat()}"
    if cache.add(key, True, 60 * 60 * 25):
        forget_old_queries(today=today)


def forget_old_queries(*, today=None, keep_days=QUERY_LOG_KEEP_DAYS):
    today = today or timezone.localdate()
    SearchQueryDay.objects.filter(day__lt=today - datetime.timedelta(days=keep_days)).delete()


def index_pages_with_documents(*, documents):
    """Re-index the live pages whose files include one of `documents` (new extracted text, privacy)."""
    from resources.models import GuidanceFile

    page_ids = set(GuidanceFile.objects.filter(document__in=documents).values_list("page_id", flat=True))
    for page in Page.objects.filter(pk__in=page_ids, live=True):
        index_page(page=page)
