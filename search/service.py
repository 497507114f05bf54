"""The public search: request parameters in, the response of `/api/search/` out.

The JSON API and the HTML page both call `run_search()`, so they show the
same results for the same parameters. The contract: `search-api.md` in the
team's shared documents.
"""

import html
import logging
import re
import zoneinfo
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from search import selectors, services
from search.engines.base import FACETS, EngineUnavailable, SearchQuery
from search.engines.registry import database_engine, query_engine
from search.highlight import highlight
from search.query import build_plan
from search.text import strip_invisible

logger = logging.getLogger(__name__)

LOCALES = ("vi", "en")
DEFAULT_LOCALE = "vi"
MAX_QUERY_CHARS = 200
DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 50
MAX_PAGE = 10_000  # deeper pages are empty; keeps offsets small
MAX_FILTER_VALUES = 20
MAX_FILTER_VALUE_CHARS = 100
SORTS = ("relevance", "date")
# Query parameter for each facet (they happen to be the same names).
FILTER_PARAMS = {facet: facet for facet in FACETS}
INTEGER_RE = re.compile(r"[0-9]{1,9}")
MARK_RE = re.compile(r"(</?mark>)")


class BadRequest(ValueError):
    """Parameters the API refuses with HTTP 400; `str(error)` is the message for the client."""


@dataclass(frozen=True)
class Search:
    query: SearchQuery
    response: dict
    promoted_count: int = 0
    partial: bool = False  # no page has every word; these have some of them


def _getlist(params, name):
    if hasattr(params, "getlist"):
        return params.getlist(name)
    value = params.get(name)
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def _get(params, name):
    values = _getlist(params, name)
    return values[-1] if values else None


def _positive_int(raw, *, name, default):
    if raw is None or raw == "":
        return default
    raw = str(raw).strip()
    if not INTEGER_RE.fullmatch(raw) or int(raw) < 1:
        raise BadRequest(_("“%(name)s” must be a whole number of at least 1.") % {"name": name})
    return int(raw)


def _clean(value):
    """A parameter value fit for the database: no NUL or other invisible characters, no outer spaces."""
    return strip_invisible(str(value)).strip()


def _locale(params):
    return _clean(_get(params, "locale") or DEFAULT_LOCALE)[:10]


def parse_query(params, *, locale=None):
    """A `SearchQuery` from request parameters; raises `BadRequest` for a malformed page or page size."""
    text = str(_get(params, "q") or "")[:MAX_QUERY_CHARS]
    page = _positive_int(_get(params, "page"), name="page", default=1)
    page_size = min(
        _positive_int(_get(params, "page_size"), name="page_size", default=DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE
    )
    filters = {}
    for facet, param in FILTER_PARAMS.items():
        values = [_clean(value)[:MAX_FILTER_VALUE_CHARS] for value in _getlist(params, param)]
        values = list(dict.fromkeys(value for value in values if value))[:MAX_FILTER_VALUES]
        if values:
            filters[facet] = tuple(values)
    sort = _get(params, "sort")
    return SearchQuery(
        text=text,
        locale=locale or _locale(params),
        filters=filters,
        sort=sort if sort in SORTS else "relevance",
        page=page,
        page_size=page_size,
    )


def run_engine(query):
    """Results from the configured engine, or from the database when that engine is unavailable."""
    engine = query_engine()
    engine_query = query if query.page <= MAX_PAGE else _beyond_last_page(query)
    try:
        return engine.search(engine_query)
    except EngineUnavailable as error:
        if engine.name == "database":
            raise
        logger.warning("Search engine %s unavailable, answering from the database: %s", engine.name, error)
        return database_engine().search(engine_query)


def _beyond_last_page(query):
    return SearchQuery(
        text=query.text,
        locale=query.locale,
        filters=query.filters,
        sort=query.sort,
        page=MAX_PAGE + 1,
        page_size=query.page_size,
    )


def search(*, params, locale=None, record=False) -> dict:
    """The API response for `params` (a QueryDict or a dict). `record=True` counts the query for the report."""
    return run_search(params=params, locale=locale, record=record).response


def run_search(*, params, locale=None, record=False) -> Search:
    query = parse_query(params, locale=locale)
    results = run_engine(query)
    entries = selectors.entries_by_page_id(page_ids=[hit.page_id for hit in results.hits])
    items = [
        result_item(entries[hit.page_id], highlight=hit.highlight)
        for hit in results.hits
        if hit.page_id in entries and entries[hit.page_id].locale == query.locale
    ]
    promoted = _promoted_items(query) if query.text.strip() and query.page == 1 and query.sort == "relevance" else []
    promoted_urls = {item["url"] for item in promoted}
    organic_urls = {item["url"] for item in items}
    count = results.count + len(promoted_urls - organic_urls)
    items = promoted + [item for item in items if item["url"] not in promoted_urls]
    response = {
        "query": query.text,
        "locale": query.locale,
        "count": count,
        "page": query.page,
        "page_size": query.page_size,
        "results": items,
        "facets": {name: dict(results.facets.get(name, {})) for name in FACETS},
    }
    help_content = help_for(text=query.text, locale=query.locale)
    if help_content is not None:
        response["help"] = help_content
    partial = bool(getattr(results, "partial", False))
    if record and query.text.strip() and query.page == 1:
        _record(query=query, found=count > 0 and not partial)
    return Search(query=query, response=response, promoted_count=len(promoted), partial=partial)


def _promoted_items(query):
    plan = build_plan(query.text, synonym_groups=selectors.synonym_groups())
    items = []
    for entry in selectors.promoted_entries(text=query.text, locale=query.locale):
        if entry_matches_filters(entry, query.filters):
            item = result_item(entry, highlight=highlight(text=entry.text.body, terms=plan.highlight_terms()))
            item["promoted"] = True
            items.append(item)
    return items


def entry_matches_filters(entry, filters):
    values = {
        "kind": {entry.kind},
        "topic": set(entry.topics.split("|")),
        "audience": set(entry.audiences.split("|")),
        "school_level": set(entry.school_levels.split("|")),
        "resource_type": {entry.resource_type},
    }
    return all(values[facet] & set(accepted) for facet, accepted in filters.items() if facet in values)


def result_item(entry, *, highlight):
    timezone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return {
        "kind": entry.kind,
        "slug": entry.slug,
        "locale": entry.locale,
        "title": entry.title,
        "url": entry.url,
        "summary": entry.summary,
        "highlight": safe_highlight(highlight),
        "published_at": entry.published_at.astimezone(timezone).isoformat(timespec="seconds"),
        "topics": [value for value in entry.topics.split("|") if value],
        "audiences": [value for value in entry.audiences.split("|") if value],
    }


def safe_highlight(text):
    """Escape everything but `<mark>` and `</mark>`, whatever the engine returned."""
    parts = MARK_RE.split(text or "")
    return "".join(part if MARK_RE.fullmatch(part) else html.escape(html.unescape(part), quote=False) for part in parts)


def help_for(*, text, locale):
    """Help and hotlines for a query that asks how to get or use drugs or how to hurt someone, else None."""
    if not text.strip():
        return None
    rule = selectors.matching_help_rule(text=text, locale=locale)
    if rule is None:
        return None
    hotlines = [
        {"number": hotline.number, "name": hotline.name, "tel": hotline.tel_url}
        for hotline in selectors.hotlines(locale_code=locale)
    ]
    return {"title": rule["title"], "message": rule["message"], "hotlines": hotlines}


def _record(*, query, found):
    try:
        with transaction.atomic():
            services.record_query(text=query.text, locale=query.locale, found=found)
    except DatabaseError:
        logger.exception("Could not count a search query")


def suggest(*, params, locale=None, limit=8) -> list[dict]:
    """Up to `limit` title suggestions for the text typed so far: [{"title", "url", "kind"}]."""
    text = str(_get(params, "q") or "")[:MAX_QUERY_CHARS]
    locale = locale or _locale(params)
    if not text.strip():
        return []
    engine = query_engine()
    try:
        suggestions = engine.suggest(text=text, locale=locale, limit=limit)
    except EngineUnavailable as error:
        if engine.name == "database":
            raise
        logger.warning("Search engine %s unavailable for suggestions: %s", engine.name, error)
        suggestions = database_engine().suggest(text=text, locale=locale, limit=limit)
    return [
        {"title": item.get("title", ""), "url": item.get("url", ""), "kind": item.get("kind", "")}
        for item in suggestions[:limit]
    ]
