"""The database engine: always available, the default, and the fallback of every other engine.

It answers from `SearchEntry` rows through the full-text index built on
`SearchEntryText` (`search/migrations/0002_full_text_index.py`): FTS5 with
`bm25()` on SQLite, a GIN-indexed `tsvector` with `ts_rank()` on PostgreSQL.
Text is folded in Python (`search.text`) on both sides, so
`phong chong ma tuy` finds `phòng, chống ma túy` on every database.

Matching: every query word (or one of its synonyms) must match,
accent-insensitively. When nothing matches, a word that matches nowhere
(a typo at its end, most often) also accepts words starting like it; then,
for queries of three words or more, pages with 60% of the words are listed
(`partial`).

Ranking, in two steps so that a query matching thousands of pages stays
fast: the full-text index ranks every match by the query words (title and
document number first); the best `RESCORE_WINDOW` of them, plus the pages
holding the whole query as a phrase when those are few, are then rescored
in Python (`Rescorer`): phrase, adjacent word pairs, accents as typed,
document number typed whole. Newer pages come first among equals.

Facets and the count come from one grouped query over the matching entries
(one row per distinct combination of facet values), so each facet can be
counted with every other filter applied.
"""

import datetime
import itertools
import math
from collections import Counter
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, transaction
from django.utils import timezone
from wagtail.models import Page

from search.engines.base import FACETS, IndexDocument, SearchEngine, SearchHit, SearchQuery, SearchResults
from search.highlight import highlight
from search.models import SearchEntry, SearchEntryText, SearchFacetValue
from search.query import build_plan
from search.text import compact, fold_tokens, folded_tokens, normalize, tokenize

ENTRY_TABLE = "search_searchentry"
TEXT_TABLE = "search_searchentrytext"
FACET_TABLE = "search_searchfacetvalue"
RESCORE_WINDOW = 200
RESCORE_TEXT_CHARS = 8_000
PARTIAL_MIN_UNITS = 3
PARTIAL_SHARE = 0.6
MAX_PARTIAL_COMBINATIONS = 64
SUGGEST_MIN_CHARS = 2
SUGGEST_MAX_TOKENS = 6
# Facets that are a column of the entry; the others are "|a|b|" columns, filtered through the facet table.
COLUMN_FACETS = {"kind": "kind", "resource_type": "resource_type"}
FACET_COLUMNS = ("kind", "resource_type", "topics", "audiences", "school_levels")  # in FACETS order below
FACET_OF_COLUMN = {
    "kind": "kind",
    "resource_type": "resource_type",
    "topics": "topic",
    "audiences": "audience",
    "school_levels": "school_level",
}


def encode_values(values):
    values = [value for value in values if value]
    return f"|{'|'.join(values)}|" if values else ""


def decode_values(text):
    return [value for value in (text or "").split("|") if value]


@dataclass
class Sql:
    """A fragment of SQL and its parameters, composed in order."""

    text: str = ""
    params: list = field(default_factory=list)

    def __add__(self, other):
        return Sql(self.text + other.text, self.params + other.params)


def sql(text, *params):
    return Sql(text, list(params))


def join(fragments, separator):
    result = Sql()
    for index, fragment in enumerate(fragments):
        result = result + (sql(separator) if index else Sql()) + fragment
    return result


def placeholders(values):
    return ", ".join(["%s"] * len(values))


# --- Dialects ------------------------------------------------------------------
#
# `minimum`: None when every unit of the plan must match, else how many must.
# Scores sort ascending (best first) on both databases.


class SqliteDialect:
    """FTS5; `bm25()` is lower for better matches."""

    ALL_COLUMNS = "{title_folded text_folded numbers}"
    WEIGHTS = "10.0, 1.0, 10.0, 0.0, 0.0"  # title, text, document number; the accented columns only match

    @staticmethod
    def _phrase(tokens):
        return '"' + " ".join(token.replace('"', '""') for token in tokens) + '"'

    def _alternative(self, alternative):
        if alternative.prefix:
            return self._phrase(alternative.tokens) + " *"
        if alternative.phrase or len(alternative.tokens) == 1:
            return self._phrase(alternative.tokens)
        return "(" + " AND ".join(self._phrase((token,)) for token in alternative.tokens) + ")"

    def _unit(self, unit):
        return "(" + " OR ".join(self._alternative(alternative) for alternative in unit) + ")"

    def _units(self, plan, *, every):
        return f"{self.ALL_COLUMNS} : (" + (" AND " if every else " OR ").join(map(self._unit, plan.units)) + ")"

    @staticmethod
    def session(connection):
        return nullcontext()

    @staticmethod
    def _fts(expression):
        return sql("SELECT rowid FROM search_entry_fts WHERE search_entry_fts MATCH %s", expression)

    @staticmethod
    def locale_condition(locale, *, selective_match):
        # The unary + keeps SQLite from scanning the locale index when a full-text match or a filter
        # is more selective.
        return sql(f"{'+' if selective_match else ''}e.locale = %s", locale)

    def match(self, plan, *, minimum=None):
        if minimum is None:
            return sql("e.id IN (") + self._fts(self._units(plan, every=True)) + sql(")")
        each = join([self._fts(f"{self.ALL_COLUMNS} : {self._unit(unit)}") for unit in plan.units], " UNION ALL ")
        return sql("e.id IN (SELECT rowid FROM (") + each + sql(") GROUP BY rowid HAVING COUNT(*) >= %s)", minimum)

    def phrase_match(self, plan):
        return sql("e.id IN (") + self._fts("{title_folded text_folded} : " + self._phrase(plan.folded)) + sql(")")

    def unit_exists(self, unit):
        return self._fts(f"{self.ALL_COLUMNS} : {self._unit(unit)}") + sql(" LIMIT 1")

    def ranked_source(self, plan, *, minimum=None):
        """(FROM clause joining `e`, score expression, extra condition or None)."""
        source = sql(
            f"(SELECT rowid AS id, bm25(search_entry_fts, {self.WEIGHTS}) AS score FROM search_entry_fts "
            f"WHERE search_entry_fts MATCH %s) m JOIN {ENTRY_TABLE} e ON e.id = m.id",
            self._units(plan, every=minimum is None),
        )
        return source, sql("m.score"), None if minimum is None else self.match(plan, minimum=minimum)

    def suggest_source(self, tokens):
        words = [self._phrase((token,)) for token in tokens[:-1]] + [self._phrase((tokens[-1],)) + " *"]
        source = sql(
            f"(SELECT rowid AS id, bm25(search_entry_fts, {self.WEIGHTS}) AS score FROM search_entry_fts "
            f"WHERE search_entry_fts MATCH %s) m JOIN {ENTRY_TABLE} e ON e.id = m.id",
            "{title_folded numbers} : (" + " AND ".join(words) + ")",
        )
        return source, sql("m.score"), None


class PostgresqlDialect:
    """A `tsvector` with the `simple` configuration; `ts_rank` is negated."""

    WEIGHTS = "'{0.1, 0.2, 0.4, 1.0}'"  # D (text), C, B, A (title, document number)

    @staticmethod
    def _quote(token):
        return "'" + token.replace("'", "''").replace("\\", "\\\\") + "'"

    def _phrase(self, tokens):
        return " <-> ".join(self._quote(token) for token in tokens)

    def _alternative(self, alternative):
        if alternative.prefix:
            return self._quote(alternative.tokens[0]) + ":*"
        if alternative.phrase or len(alternative.tokens) == 1:
            return "(" + self._phrase(alternative.tokens) + ")"
        return "(" + " & ".join(self._quote(token) for token in alternative.tokens) + ")"

    def _unit(self, unit):
        return "(" + " | ".join(self._alternative(alternative) for alternative in unit) + ")"

    def _units(self, plan, *, every):
        return (" & " if every else " | ").join(map(self._unit, plan.units))

    @staticmethod
    def _matches(query):
        return sql("t.fold_vector @@ to_tsquery('simple', %s)", query)

    def _text_match(self, plan, *, minimum):
        condition = self._matches(self._units(plan, every=minimum is None))
        if minimum is None:
            return condition
        if math.comb(len(plan.units), minimum) <= MAX_PARTIAL_COMBINATIONS:
            # Any `minimum` of the units, as one query the GIN index answers without reading the rows.
            groups = itertools.combinations(map(self._unit, plan.units), minimum)
            return self._matches(" | ".join("(" + " & ".join(group) + ")" for group in groups))
        matched = join([sql("(") + self._matches(self._unit(unit)) + sql(")::int") for unit in plan.units], " + ")
        return condition + sql(" AND (") + matched + sql(") >= %s", minimum)

    @staticmethod
    def _entries_where(condition):
        return sql(f"e.id IN (SELECT t.entry_id FROM {TEXT_TABLE} t WHERE ") + condition + sql(")")

    @staticmethod
    def locale_condition(locale, *, selective_match):
        return sql("e.locale = %s", locale)

    def match(self, plan, *, minimum=None):
        return self._entries_where(self._text_match(plan, minimum=minimum))

    def phrase_match(self, plan):
        # The GIN index finds the pages with the words; the small rank vector (title, start of the
        # text) checks the phrase without reading the long one.
        words = self._matches(" & ".join(self._quote(token) for token in plan.folded))
        phrase = sql("t.rank_vector @@ to_tsquery('simple', %s)", self._phrase(plan.folded))
        return self._entries_where(words + sql(" AND ") + phrase)

    def unit_exists(self, unit):
        return sql(f"SELECT 1 FROM {TEXT_TABLE} t WHERE ") + self._matches(self._unit(unit)) + sql(" LIMIT 1")

    def ranked_source(self, plan, *, minimum=None):
        score = sql(
            f"-ts_rank({self.WEIGHTS}, t.rank_vector, to_tsquery('simple', %s), 1)",
            self._units(plan, every=minimum is None),
        )
        source = sql(f"{ENTRY_TABLE} e JOIN {TEXT_TABLE} t ON t.entry_id = e.id")
        return source, score, self._text_match(plan, minimum=minimum)

    def suggest_source(self, tokens):
        query = " & ".join([self._quote(token) for token in tokens[:-1]] + [self._quote(tokens[-1]) + ":*"])
        score = sql("-ts_rank(t.title_vector, to_tsquery('simple', %s), 1)", query)
        source = sql(f"{ENTRY_TABLE} e JOIN {TEXT_TABLE} t ON t.entry_id = e.id")
        return source, score, sql("t.title_vector @@ to_tsquery('simple', %s)", query)

    @staticmethod
    @contextmanager
    def session(connection):
        """Steer the planner to the GIN index.

        It underestimates what a sequential scan costs here: checking `@@` row by
        row reads every long `tsvector` (tens of milliseconds), where the GIN
        index answers in a few.
        """
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off")
            try:
                yield
            finally:
                cursor.execute("SET LOCAL enable_seqscan = on; SET LOCAL enable_indexscan = on")


DIALECTS = {"sqlite": SqliteDialect, "postgresql": PostgresqlDialect}


# --- Rescoring ---------------------------------------------------------------------


def _sortable_date(value):
    """Newest first: a key that sorts descending dates ascending (SQLite returns text, PostgreSQL datetimes)."""
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    return -value.timestamp()


class Rescorer:
    """Multiplies the full-text relevance of a page by what makes a match better than another.

    - the whole query as a phrase: in the title (×3), else in the text (×2);
    - adjacent pairs of query words found as pairs (up to ×1.5);
    - words found with the accents as typed (up to ×1.5, only for words typed with accents);
    - the document number typed whole (×3).
    """

    def __init__(self, plan):
        self.phrase = " ".join(plan.folded)
        self.pairs = [" ".join(plan.folded[i : i + 2]) for i in range(len(plan.folded) - 1)]
        self.accented = [token for token, folded in zip(plan.normalized, plan.folded, strict=True) if token != folded]
        self.document_number = plan.document_number

    def score(self, relevance, title_folded, title_normalized, numbers, text_folded, text_normalized):
        title, text = f" {title_folded} ", f" {text_folded} "
        factor = 1.0
        if self.pairs:
            if f" {self.phrase} " in title:
                factor *= 3
            elif f" {self.phrase} " in text:
                factor *= 2
            if len(self.pairs) > 1:
                found = sum(1 for pair in self.pairs if f" {pair} " in title or f" {pair} " in text)
                factor *= 1 + 0.5 * found / len(self.pairs)
        if self.accented:
            exact = f" {title_normalized} {text_normalized} "
            factor *= 1 + 0.5 * sum(1 for token in self.accented if f" {token} " in exact) / len(self.accented)
        if self.document_number and self.document_number in numbers.split():
            factor *= 3
        return relevance * factor


# --- Facets ------------------------------------------------------------------------


def disjunctive_facets(combinations, filters):
    """(count, facets) from [(kind, resource_type, topics, audiences, school_levels, number of entries)].

    An entry counts towards the query when it passes every filter, and towards
    a facet's values when it passes every filter of the other facets.
    """
    accepted = {facet: set(values) for facet, values in filters.items() if facet in FACETS}
    counts = {facet: Counter() for facet in FACETS}
    total = 0
    for *columns, number in combinations:
        values = {
            FACET_OF_COLUMN[column]: set(decode_values(value)) if column not in COLUMN_FACETS else {value} - {""}
            for column, value in zip(FACET_COLUMNS, columns, strict=True)
        }
        failing = [facet for facet, wanted in accepted.items() if not values[facet] & wanted]
        if not failing:
            total += number
        if len(failing) > 1:
            continue
        for facet in failing or FACETS:
            counts[facet].update(dict.fromkeys(values[facet], number))
    return total, {
        facet: dict(sorted(counter.items(), key=lambda item: (-item[1], item[0]))) for facet, counter in counts.items()
    }


# --- Engine ----------------------------------------------------------------------


@dataclass(frozen=True)
class DatabaseSearchResults(SearchResults):
    partial: bool = False  # no page has every word: these pages have some of them


class DatabaseEngine(SearchEngine):
    name = "database"

    def __init__(self, *, using="default"):
        self.using = using

    @property
    def connection(self):
        return connections[self.using]

    @property
    def dialect(self):
        dialect = DIALECTS.get(self.connection.vendor)
        if dialect is None:
            raise ImproperlyConfigured(f"The database search engine does not support {self.connection.vendor}.")
        return dialect()

    # Index ----------------------------------------------------------------------

    def index_document(self, document: IndexDocument) -> None:
        expire_at = Page.objects.using(self.using).filter(pk=document.page_id).values_list("expire_at", flat=True)
        body = normalize(document.body)
        text_tokens = tokenize(body, normalized=True)
        title_tokens = tokenize(document.title)
        number = document.document_number
        entry_fields = {
            "kind": document.kind,
            "locale": document.locale,
            "slug": document.slug[:255],
            "url": document.url[:500],
            "title": document.title[:255],
            "summary": document.summary,
            "published_at": document.published_at,
            "expire_at": expire_at.first(),
            "topics": encode_values(document.topics)[:1000],
            "audiences": encode_values(document.audiences)[:255],
            "school_levels": encode_values(document.school_levels)[:255],
            "resource_type": document.resource_type[:30],
            "document_number": number[:100],
            "issuer": document.issuer[:255],
        }
        text_fields = {
            "title_folded": " ".join(fold_tokens(title_tokens)),
            "title_normalized": " ".join(title_tokens),
            "numbers": " ".join(dict.fromkeys([compact(number), *folded_tokens(number)])) if number else "",
            "text_folded": " ".join(fold_tokens(text_tokens)),
            "text_normalized": " ".join(text_tokens),
            "body": body,
        }
        facet_values = {
            ("kind", document.kind),
            *(("topic", value) for value in document.topics),
            *(("audience", value) for value in document.audiences),
            *(("school_level", value) for value in document.school_levels),
        }
        if document.resource_type:
            facet_values.add(("resource_type", document.resource_type))
        with transaction.atomic(using=self.using):
            entries = SearchEntry.objects.using(self.using)
            entry, _created = entries.update_or_create(page_id=document.page_id, defaults=entry_fields)
            SearchEntryText.objects.using(self.using).update_or_create(entry=entry, defaults=text_fields)
            SearchFacetValue.objects.using(self.using).filter(entry=entry).delete()
            SearchFacetValue.objects.using(self.using).bulk_create(
                SearchFacetValue(entry=entry, facet=facet, value=value[:100]) for facet, value in sorted(facet_values)
            )

    def remove_document(self, *, page_id: int) -> None:
        SearchEntry.objects.using(self.using).filter(page_id=page_id).delete()

    # Query ----------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResults:
        from search.selectors import synonym_groups

        plan = build_plan(query.text, synonym_groups=synonym_groups()) if query.text.strip() else None
        if plan is not None and plan.is_empty:
            return DatabaseSearchResults(count=0, hits=[], facets={name: {} for name in FACETS})
        dialect = self.dialect
        with dialect.session(self.connection):
            return self._search(query, plan, dialect)

    def _search(self, query, plan, dialect):
        minimum = None
        count, facets = self._count_and_facets(query, plan, dialect, minimum=None)
        if count == 0 and plan is not None:
            unknown = [index for index, unit in enumerate(plan.units) if not self._fetch(dialect.unit_exists(unit))]
            if unknown:
                plan = plan.with_prefixes_for(unknown)
                count, facets = self._count_and_facets(query, plan, dialect, minimum=None)
        if self._worth_a_partial_match(query, plan, dialect, count):
            minimum = math.ceil(PARTIAL_SHARE * len(plan.units))
            count, facets = self._count_and_facets(query, plan, dialect, minimum=minimum)
        offset = (query.page - 1) * query.page_size
        hits = self._hits(query, plan, dialect, minimum=minimum) if offset < count else []
        return DatabaseSearchResults(count=count, hits=hits, facets=facets, partial=minimum is not None)

    def _worth_a_partial_match(self, query, plan, dialect, count):
        """Nothing has every word of a long enough query, and not because of the filters."""
        if count or plan is None or len(plan.units) < PARTIAL_MIN_UNITS:
            return False
        if not query.filters:
            return True
        unfiltered = SearchQuery(text=query.text, locale=query.locale)
        statement = sql(f"SELECT 1 FROM {ENTRY_TABLE} e WHERE ") + join(
            self._conditions(unfiltered, plan, dialect, minimum=None), " AND "
        )
        return not self._fetch(statement + sql(" LIMIT 1"))

    def _conditions(self, query, plan, dialect, *, minimum, with_filters=True):
        filters = query.filters if with_filters else {}
        conditions = [
            dialect.locale_condition(query.locale, selective_match=plan is not None or bool(filters)),
            sql("(e.expire_at IS NULL OR e.expire_at > %s)", timezone.now()),
        ]
        if plan is not None:
            conditions.append(dialect.match(plan, minimum=minimum))
        conditions.extend(self._filter(facet, values) for facet, values in filters.items() if facet in FACETS)
        return conditions

    @staticmethod
    def _filter(facet, values):
        values = list(values)
        if not values:
            return sql("1 = 0")
        if facet in COLUMN_FACETS:
            return sql(f"e.{COLUMN_FACETS[facet]} IN ({placeholders(values)})", *values)
        accepted = f"f.facet = %s AND f.value IN ({placeholders(values)})"
        return sql(f"e.id IN (SELECT f.entry_id FROM {FACET_TABLE} f WHERE {accepted})", facet, *values)

    def _fetch(self, statement):
        with self.connection.cursor() as cursor:
            cursor.execute(statement.text, statement.params)
            return cursor.fetchall()

    def _count_and_facets(self, query, plan, dialect, *, minimum):
        """The count and the disjunctive facet counts, from one query grouped by facet values."""
        columns = ", ".join(f"e.{column}" for column in FACET_COLUMNS)
        statement = (
            sql(f"SELECT {columns}, COUNT(*) FROM {ENTRY_TABLE} e WHERE ")
            + join(self._conditions(query, plan, dialect, minimum=minimum, with_filters=False), " AND ")
            + sql(f" GROUP BY {columns}")
        )
        return disjunctive_facets(self._fetch(statement), query.filters)

    def _hits(self, query, plan, dialect, *, minimum):
        if plan is None or query.sort == "date":
            statement = (
                sql(f"SELECT e.page_id, 0 FROM {ENTRY_TABLE} e WHERE ")
                + join(self._conditions(query, plan, dialect, minimum=minimum), " AND ")
                + sql(
                    " ORDER BY e.published_at DESC, e.id DESC LIMIT %s OFFSET %s",
                    query.page_size,
                    (query.page - 1) * query.page_size,
                )
            )
            ranked = self._fetch(statement)
        else:
            offset = (query.page - 1) * query.page_size
            ranked = self._rescored_window(query, plan, dialect, minimum)[offset : offset + query.page_size]
        bodies = self._bodies([page_id for page_id, _score in ranked])
        terms = plan.highlight_terms() if plan is not None else set()
        return [
            SearchHit(
                page_id=page_id,
                score=float(score),
                highlight=highlight(text=bodies.get(page_id, ""), terms=terms, normalized=True),
            )
            for page_id, score in ranked
        ]

    def _rescored_window(self, query, plan, dialect, minimum):
        """[(page id, score)], best first: the full-text index's best matches, rescored (see `Rescorer`)."""
        window = max(RESCORE_WINDOW, (query.page * query.page_size // RESCORE_WINDOW + 1) * RESCORE_WINDOW)
        conditions = self._conditions(query, None, dialect, minimum=minimum)
        conditions[0] = dialect.locale_condition(query.locale, selective_match=True)
        source, score, condition = dialect.ranked_source(plan, minimum=minimum)
        statement = (
            sql("SELECT e.id, ")
            + score
            + sql(" AS score FROM ")
            + source
            + sql(" WHERE ")
            + join([*conditions, condition] if condition is not None else conditions, " AND ")
            + sql(" ORDER BY score ASC, e.published_at DESC, e.id DESC LIMIT %s", window)
        )
        relevance = {entry_id: -float(score or 0) for entry_id, score in self._fetch(statement)}
        if not relevance:
            return []
        if len(plan.folded) > 1 and len(relevance) == window:  # more matches than rescored: add phrase pages
            floor = min(relevance.values())
            phrase = sql(f"SELECT e.id FROM {ENTRY_TABLE} e WHERE ") + join(
                [*conditions, dialect.phrase_match(plan)], " AND "
            )
            phrase_ids = [row[0] for row in self._fetch(phrase + sql(" LIMIT %s", RESCORE_WINDOW + 1))]
            if len(phrase_ids) <= RESCORE_WINDOW:  # a rare phrase: make sure its pages are rescored
                for entry_id in phrase_ids:
                    relevance.setdefault(entry_id, floor)
        ids = list(relevance)
        details = sql(
            "SELECT e.id, e.page_id, e.published_at, t.title_folded, t.title_normalized, t.numbers, "
            f"SUBSTR(t.text_folded, 1, {RESCORE_TEXT_CHARS}), SUBSTR(t.text_normalized, 1, {RESCORE_TEXT_CHARS}) "
            f"FROM {ENTRY_TABLE} e JOIN {TEXT_TABLE} t ON t.entry_id = e.id WHERE e.id IN ({placeholders(ids)})",
            *ids,
        )
        rescorer = Rescorer(plan)
        rows = [
            (rescorer.score(relevance[entry_id], *texts), _sortable_date(published_at), -entry_id, page_id)
            for entry_id, page_id, published_at, *texts in self._fetch(details)
        ]
        rows.sort(key=lambda row: (-row[0], row[1], row[2]))
        return [(page_id, score) for score, _date, _id, page_id in rows]

    def _bodies(self, page_ids):
        if not page_ids:
            return {}
        statement = sql(
            f"SELECT e.page_id, t.body FROM {ENTRY_TABLE} e JOIN {TEXT_TABLE} t ON t.entry_id = e.id "
            f"WHERE e.page_id IN ({placeholders(page_ids)})",
            *page_ids,
        )
        return dict(self._fetch(statement))

    # Suggest ----------------------------------------------------------------------

    def suggest(self, *, text: str, locale: str, limit: int = 8) -> list[dict]:
        tokens = folded_tokens(text)[:SUGGEST_MAX_TOKENS]
        if sum(len(token) for token in tokens) < SUGGEST_MIN_CHARS:
            return []
        dialect = self.dialect
        source, score, condition = dialect.suggest_source(tokens)
        conditions = [
            dialect.locale_condition(locale, selective_match=True),
            sql("(e.expire_at IS NULL OR e.expire_at > %s)", timezone.now()),
        ]
        if condition is not None:
            conditions.append(condition)
        statement = (
            sql("SELECT e.title, e.url, e.kind, ")
            + score
            + sql(" AS score FROM ")
            + source
            + sql(" WHERE ")
            + join(conditions, " AND ")
            + sql(" ORDER BY score ASC, e.published_at DESC, e.id DESC LIMIT %s", limit)
        )
        with dialect.session(self.connection):
            rows = self._fetch(statement)
        return [{"title": title, "url": url, "kind": kind} for title, url, kind, _score in rows]
