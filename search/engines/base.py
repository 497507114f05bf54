"""The contract between the search service and its engines.

The service (`search/service.py`) turns request parameters into a
`SearchQuery`, asks the configured engine, and falls back to the database
engine when another engine raises `EngineUnavailable`.
Index documents (`search/documents.py`) are built once per live page at
publish time; engines store them and never touch page models at query time.
"""

from dataclasses import dataclass, field
from datetime import datetime

KINDS = ("article", "campaign", "resource")
FACETS = ("kind", "topic", "audience", "school_level", "resource_type")


class EngineUnavailable(Exception):
    """The engine cannot answer now (unreachable, timed out, index missing)."""


@dataclass(frozen=True)
class IndexDocument:
    """What is indexed for one live, public page in one locale."""

    page_id: int
    kind: str
    locale: str
    slug: str
    url: str
    title: str
    summary: str
    body: str  # plain text of the body, plus extracted file text for resources
    published_at: datetime
    topics: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    school_levels: tuple[str, ...] = ()
    resource_type: str = ""
    document_number: str = ""
    issuer: str = ""


@dataclass(frozen=True)
class SearchQuery:
    text: str  # as typed, already cut to 200 characters
    locale: str = "vi"
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)  # facet name -> accepted values
    sort: str = "relevance"  # or "date"
    page: int = 1
    page_size: int = 10


@dataclass(frozen=True)
class SearchHit:
    page_id: int
    score: float
    highlight: str  # HTML-safe: only <mark> markup


@dataclass(frozen=True)
class SearchResults:
    count: int
    hits: list[SearchHit]
    facets: dict[str, dict[str, int]]  # facet name -> value -> count (disjunctive)


class SearchEngine:
    name = "base"

    def index_document(self, document: IndexDocument) -> None:
        raise NotImplementedError

    def remove_document(self, *, page_id: int) -> None:
        raise NotImplementedError

    def search(self, query: SearchQuery) -> SearchResults:
        raise NotImplementedError

    def suggest(self, *, text: str, locale: str, limit: int = 8) -> list[dict]:
        """Up to `limit` title suggestions: [{"title": ..., "url": ...}]."""
        raise NotImplementedError
