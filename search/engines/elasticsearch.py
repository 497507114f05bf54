"""The Elasticsearch engine: one index document per live page per locale, behind an alias.

Searches go to the alias `<prefix>pages`; `manage.py search_reindex` builds
`<prefix>pages_<timestamp>`, fills it, then moves the alias in one atomic
call, so search never sees an empty or half-built index. Any transport error,
timeout or missing index becomes `EngineUnavailable` and the service falls
back to the database engine.
"""

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch, NotFoundError
from elasticsearch.dsl import Q, Search
from elasticsearch.helpers import BulkIndexError, streaming_bulk

from search.engines.base import (
    FACETS,
    EngineUnavailable,
    IndexDocument,
    SearchEngine,
    SearchHit,
    SearchQuery,
    SearchResults,
)
from search.engines.es_mapping import FACET_FIELDS, index_body, to_source

logger = logging.getLogger(__name__)

FACET_SIZE = 100
ALL_WORDS_AGG = "unfiltered"
ADJACENT_MARKS = re.compile(r"</mark>([\s,;:]+)<mark>")
HIGHLIGHT_FIELDS = ("body", "body.folded", "summary", "summary.folded", "title", "title.folded")
ACCENTED_QUERY_FIELDS = ["title^3", "summary^2", "body", "issuer"]
FOLDED_QUERY_FIELDS = ["title.folded^3", "summary.folded^2", "body.folded", "issuer.folded"]
RECALL_FIELDS = [*FOLDED_QUERY_FIELDS, "document_number.text^4"]
SHINGLE_QUERY_FIELDS = ["title.shingles^3", "summary.shingles^2", "body.shingles"]
REINDEX_TIMEOUT = 120
QUOTED = re.compile(r'["\u201c\u201d]([^"\u201c\u201d]+)["\u201c\u201d]')


def index_prefix():
    prefix = getattr(settings, "ELASTICSEARCH_INDEX_PREFIX", None)
    if prefix is None:
        prefix = settings.WAGTAILSEARCH_BACKENDS.get("default", {}).get("INDEX_PREFIX", "")
    return prefix


@cache
def _client(url, timeout, max_retries):
    return Elasticsearch(url, request_timeout=timeout, max_retries=max_retries, retry_on_timeout=False)


def default_client():
    """A shared client for queries: fail fast (no retries) so the fallback answers quickly."""
    return _client(settings.ELASTICSEARCH_URL, float(getattr(settings, "ELASTICSEARCH_TIMEOUT", 2)), 0)


def page_expirations(*, page_ids=None):
    """{page id: expiry} of pages with a scheduled expiry, so searches hide them the moment they expire
    (as the database engine does), not only once the scheduler has unpublished them."""
    from wagtail.models import Page

    pages = Page.objects.filter(expire_at__isnull=False)
    if page_ids is not None:
        pages = pages.filter(pk__in=page_ids)
    return dict(pages.values_list("pk", "expire_at"))


def synonym_groups():
    from search.selectors import synonym_groups as current_synonym_groups

    return current_synonym_groups()


class ElasticsearchEngine(SearchEngine):
    name = "elasticsearch"

    def __init__(self, *, client=None, prefix=None, refresh=False):
        """`refresh="wait_for"` makes each write visible to the next search (tests, not publishing)."""
        self._client = client
        self.prefix = index_prefix() if prefix is None else prefix
        self.alias = f"{self.prefix}pages"
        self.refresh = refresh

    @property
    def client(self):
        if self._client is None:
            if not settings.ELASTICSEARCH_URL:
                raise EngineUnavailable("ELASTICSEARCH_URL is not set")
            self._client = default_client()
        return self._client

    def _call(self, method, **kwargs):
        try:
            return method(**kwargs)
        except (TransportError, ApiError) as error:
            logger.warning("Elasticsearch %s failed: %s", getattr(method, "__name__", "call"), error)
            raise EngineUnavailable(str(error)) from error

    # Writes

    def index_document(self, document: IndexDocument) -> None:
        expire_at = page_expirations(page_ids=[document.page_id]).get(document.page_id)
        source = to_source(document, expire_at=expire_at)
        write = {"id": str(document.page_id), "document": source, "refresh": self.refresh}
        try:
            self.client.index(index=self.alias, require_alias=True, **write)
        except NotFoundError:
            # First write ever: no alias yet. Create an index behind the alias and retry once.
            self.create_index(make_live=True)
            self._call(self.client.index, index=self.alias, require_alias=True, **write)
        except (TransportError, ApiError) as error:
            logger.warning("Elasticsearch index of page %s failed: %s", document.page_id, error)
            raise EngineUnavailable(str(error)) from error

    def remove_document(self, *, page_id: int) -> None:
        self._call(
            self.client.options(ignore_status=404).delete, index=self.alias, id=str(page_id), refresh=self.refresh
        )

    # Index lifecycle (used by `manage.py search_reindex`)

    def new_index_name(self):
        return f"{self.alias}_{datetime.now(UTC).strftime('%Y%m%d%H%M%S%f')}"

    def create_index(self, *, name=None, make_live=False):
        """Create an index with the current settings, mappings and synonyms; optionally point the alias at it."""
        name = name or self.new_index_name()
        body = index_body(synonym_groups=synonym_groups())
        self._call(self.client.indices.create, index=name, settings=body["settings"], mappings=body["mappings"])
        if make_live:
            self.swap_alias(new_index=name)
        return name

    def live_indices(self):
        """Names of the indices the alias points to now."""
        response = self._call(self.client.options(ignore_status=404).indices.get_alias, name=self.alias)
        if response.meta.status == 404:
            return []
        return sorted(name for name in response.body if name != self.alias)

    def swap_alias(self, *, new_index):
        """Point the alias at `new_index` only, in one atomic call; returns the indices it left."""
        old = self.live_indices()
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        if self._call(self.client.indices.exists, index=self.alias) and not old:
            # A concrete index squats the alias name (e.g. auto-created by a stray write): replace it atomically.
            actions.append({"remove_index": {"index": self.alias}})
        actions.append({"add": {"index": new_index, "alias": self.alias}})
        self._call(self.client.indices.update_aliases, actions=actions)
        return old

    def stale_indices(self, *, keep):
        """Indices of this alias's family (`<alias>_<timestamp>`) other than `keep`."""
        response = self._call(
            self.client.options(ignore_status=404).indices.get, index=f"{self.alias}_*", expand_wildcards="open,closed"
        )
        if response.meta.status == 404:
            return []
        return sorted(name for name in response.body if name != keep)

    def rebuild(self, documents, *, chunk_size=500):
        """Build a new index from `documents`, make it live, delete the previous ones.

        Returns (new index name, number of documents indexed, deleted index names).
        The alias is untouched if anything fails before the swap.
        """
        # Unlike queries, a rebuild may wait and retry: nobody is waiting on it.
        client = self.client.options(request_timeout=REINDEX_TIMEOUT, max_retries=3, retry_on_timeout=True)
        new_index = self.create_index()
        expirations = page_expirations()
        indexed = 0
        try:
            actions = (
                {
                    "_index": new_index,
                    "_id": str(doc.page_id),
                    "_source": to_source(doc, expire_at=expirations.get(doc.page_id)),
                }
                for doc in documents
            )
            for ok, _item in streaming_bulk(client, actions, chunk_size=chunk_size, raise_on_error=True):
                indexed += ok
            self._call(client.indices.refresh, index=new_index)
            self.swap_alias(new_index=new_index)
        except (TransportError, ApiError, BulkIndexError, EngineUnavailable) as error:
            self._discard(new_index)
            if isinstance(error, EngineUnavailable):
                raise
            raise EngineUnavailable(str(error)) from error
        deleted = self.stale_indices(keep=new_index)
        if deleted:
            self._call(client.indices.delete, index=",".join(deleted))
        return new_index, indexed, deleted

    def _discard(self, index):
        """Delete a half-built index; the live alias never pointed at it."""
        try:
            self.client.options(ignore_status=404).indices.delete(index=index)
        except (TransportError, ApiError) as error:
            logger.warning("Could not delete the unfinished index %s: %s", index, error)

    def delete_all_indices(self):
        """Drop the alias's whole family (tests with a throwaway prefix)."""
        stale = self.stale_indices(keep=None)
        if stale:
            self._call(self.client.indices.delete, index=",".join(stale))

    def refresh_index(self):
        self._call(self.client.indices.refresh, index=self.alias)

    # Reads

    def search(self, query: SearchQuery) -> SearchResults:
        """Pages holding every word (or a synonym); when none does and no filter is the reason,
        pages holding some of the words, flagged `partial` (as the database engine does)."""
        from search.text import tokenize

        words = tokenize(query.text)
        if query.text.strip() and not words:  # only punctuation or invisible characters
            return ElasticsearchSearchResults(count=0, hits=[], facets={facet: {} for facet in FACETS})
        response = self._call(self.client.search, index=self.alias, **build_search_body(query)).body
        if len(words) > 1 and unfiltered_count(response) == 0:
            looser = build_search_body(query, every_word=False)
            response = self._call(self.client.search, index=self.alias, **looser).body
            return parse_search_response(response, partial=True)
        return parse_search_response(response)

    def suggest(self, *, text: str, locale: str, limit: int = 8) -> list[dict]:
        limit = max(0, min(limit, 8))
        body = build_suggest_body(text=text, locale=locale, limit=limit)
        if body is None or limit == 0:
            return []
        response = self._call(self.client.search, index=self.alias, **body)
        return parse_suggest_response(response.body, limit=limit)


@dataclass(frozen=True)
class ElasticsearchSearchResults(SearchResults):
    partial: bool = False  # no page has every word: these pages have some of them


# Query bodies: pure functions of the query, tested without a server.


def facet_filter(facet, values):
    return Q("terms", **{FACET_FIELDS[facet]: list(values)})


def text_query(text, *, every_word=True):
    """Recall: every word must match, accent-insensitively (or a document number, or within one typo);
    with `every_word=False`, any word will do. Ranking: exact accents (boost 3) over folded (1),
    adjacent words (shingles) as a phrase bonus."""
    from search.text import normalize

    normalized = normalize(text)
    number_terms = query_document_numbers(normalized)
    operator = "and" if every_word else "or"
    recall = [
        Q("multi_match", query=normalized, type="cross_fields", operator=operator, fields=RECALL_FIELDS),
        Q(
            "multi_match",
            query=normalized,
            type="best_fields",
            fields=FOLDED_QUERY_FIELDS,
            operator=operator,
            fuzziness="AUTO",
            prefix_length=1,
            analyzer="vi_folded",  # no synonym graph under fuzzy matching
            boost=0.3,
        ),
        Q("match", **{"document_number.text": {"query": normalized, "operator": operator, "boost": 5}}),
    ]
    if number_terms:
        recall.append(Q("terms", document_number_terms=number_terms, boost=10))
    phrases = [
        Q("multi_match", query=phrase, type="phrase", fields=FOLDED_QUERY_FIELDS)
        for phrase in quoted_phrases(normalized)
    ]
    ranking = [
        Q("multi_match", query=normalized, type="best_fields", fields=ACCENTED_QUERY_FIELDS, tie_breaker=0.3, boost=3),
        Q("multi_match", query=normalized, type="best_fields", fields=FOLDED_QUERY_FIELDS, tie_breaker=0.3, boost=1),
        Q("multi_match", query=normalized, type="best_fields", fields=SHINGLE_QUERY_FIELDS, tie_breaker=0.3, boost=2),
    ]
    return Q("bool", must=[Q("bool", should=recall, minimum_should_match=1), *phrases], should=ranking)


def query_document_numbers(text):
    """Whole and compact forms of the document numbers in the query (`2935/GDĐT-CTTT`, `2935gddtcttt`)."""
    from search.text import document_number_terms, looks_like_document_number

    terms = []
    for token in text.split():
        if looks_like_document_number(token):
            terms.extend(document_number_terms(token.strip(".,;:()[]\"'"))[:2])
    return list(dict.fromkeys(terms))


def quoted_phrases(text):
    """Phrases the reader put in straight or curly double quotes: they must appear as written."""
    return [" ".join(phrase.split()) for phrase in QUOTED.findall(text) if phrase.strip()]


def gentle_recency(query):
    """Multiply relevance by 0.8–1.0: a year-old page keeps 90% of the score of today's."""
    return Q(
        "function_score",
        query=query,
        functions=[
            {"filter": {"match_all": {}}, "weight": 0.8},
            {
                "gauss": {"published_at": {"origin": "now", "scale": "365d", "offset": "30d", "decay": 0.5}},
                "weight": 0.2,
            },
        ],
        score_mode="sum",
        boost_mode="multiply",
    )


def facet_aggregations(filters):
    """Disjunctive facets: each facet counts the results with every OTHER facet's filter applied."""
    aggregations = {}
    for facet in FACETS:
        others = [facet_filter(name, values) for name, values in filters.items() if name != facet]
        aggregations[facet] = {
            "filter": Q("bool", filter=others).to_dict() if others else {"match_all": {}},
            "aggs": {"values": {"terms": {"field": FACET_FIELDS[facet], "size": FACET_SIZE}}},
        }
    return aggregations


def highlight_settings():
    return {
        "pre_tags": ["<mark>"],
        "post_tags": ["</mark>"],
        "encoder": "html",
        "type": "unified",
        "fragment_size": 180,
        "number_of_fragments": 1,
        "fields": {name: {} for name in HIGHLIGHT_FIELDS},
    }


def build_search_body(query: SearchQuery, *, every_word=True) -> dict:
    from search.text import normalize

    filters = {name: tuple(values) for name, values in query.filters.items() if name in FACET_FIELDS}
    text = normalize(query.text).strip()
    search = Search().extra(track_total_hits=True)
    # This locale's pages that have not expired (the scheduler may not have unpublished them yet).
    scope = {"filter": [Q("term", locale=query.locale)], "must_not": [Q("range", expire_at={"lte": "now"})]}
    if text:
        query_body = Q("bool", must=[text_query(text, every_word=every_word)], **scope)
        search = search.query(gentle_recency(query_body))
        options = highlight_settings()
        search = search.highlight_options(**{key: value for key, value in options.items() if key != "fields"})
        search = search.highlight(*options["fields"])
        if query.sort == "date":
            search = search.sort({"published_at": {"order": "desc"}}, "_score", {"page_id": {"order": "desc"}})
        else:
            search = search.sort("_score", {"published_at": {"order": "desc"}}, {"page_id": {"order": "desc"}})
    else:
        search = search.query(Q("bool", must=[Q("match_all")], **scope))
        search = search.sort({"published_at": {"order": "desc"}}, {"page_id": {"order": "desc"}})
    if filters:
        search = search.post_filter(Q("bool", filter=[facet_filter(name, values) for name, values in filters.items()]))
    page_size = max(1, query.page_size)
    start = (max(1, query.page) - 1) * page_size
    search = search[start : start + page_size].source(False)
    body = search.to_dict()
    # Aggregations see the query before `post_filter`: ALL_WORDS_AGG counts the matches without the filters.
    body["aggs"] = {**facet_aggregations(filters), ALL_WORDS_AGG: {"filter": {"match_all": {}}}}
    return body


def unfiltered_count(response):
    """How many pages matched the words before the facet filters (None if the response does not say)."""
    return response.get("aggregations", {}).get(ALL_WORDS_AGG, {}).get("doc_count")


def best_highlight(highlight):
    """The first fragment, preferring accented (exact) matches over folded ones, body over summary over title.

    Adjacent marked words become one mark: `<mark>phòng, chống ma túy</mark>`.
    """
    for name in HIGHLIGHT_FIELDS:
        fragments = highlight.get(name)
        if fragments:
            return ADJACENT_MARKS.sub(r"\1", fragments[0])
    return ""


def parse_search_response(body, *, partial=False) -> SearchResults:
    hits = [
        SearchHit(
            page_id=int(hit["_id"]),
            score=float(hit.get("_score") or 0.0),
            highlight=best_highlight(hit.get("highlight", {})),
        )
        for hit in body["hits"]["hits"]
    ]
    aggregations = body.get("aggregations", {})
    facets = {
        facet: {
            bucket["key"]: bucket["doc_count"]
            for bucket in aggregations.get(facet, {}).get("values", {}).get("buckets", [])
            if bucket["doc_count"]
        }
        for facet in FACETS
    }
    return ElasticsearchSearchResults(count=body["hits"]["total"]["value"], hits=hits, facets=facets, partial=partial)


def build_suggest_body(*, text, locale, limit):
    """The completion request, or None when the text holds no word (an empty prefix would match every title)."""
    from search.text import normalize, tokenize

    prefix = " ".join(normalize(text).split())
    if not tokenize(prefix):
        return None
    return {
        "size": 0,
        "_source": ["display_title", "url", "kind"],
        "suggest": {
            "titles": {
                "prefix": prefix,
                "completion": {
                    "field": "title_suggest",
                    # Several inputs of one page can match; ask for more and keep one per page.
                    "size": limit * 3,
                    "skip_duplicates": True,
                    "contexts": {"locale": [locale]},
                },
            }
        },
    }


def parse_suggest_response(body, *, limit):
    suggestions, seen = [], set()
    for entry in body.get("suggest", {}).get("titles", []):
        for option in entry.get("options", []):
            if option["_id"] in seen:
                continue
            seen.add(option["_id"])
            source = option.get("_source", {})
            suggestions.append(
                {
                    "title": source.get("display_title", option.get("text", "")),
                    "url": source.get("url", ""),
                    "kind": source.get("kind", ""),
                }
            )
            if len(suggestions) == limit:
                return suggestions
    return suggestions
