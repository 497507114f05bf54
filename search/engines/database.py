"""The database engine: always available, the default, and the fallback of every other engine.

It answers from `SearchEntry` rows through the full-text index created in
`search/migrations/0002_full_text_index.py`: FTS5 with `bm25()` on SQLite,
GIN-indexed `tsvector` columns with `ts_rank()` on PostgreSQL. Text is
folded in Python (`search.text`) on both sides, so `phong chong ma tuy`
finds `phòng, chống ma túy` on every database.

Ranking: every query word (or a synonym) must match, accent-insensitively;
then the whole query as a phrase, words with the same accents as typed, a
matching document number and matches in the title count extra; newer pages
come first among equals. When no page holds every word, pages holding any
of them are listed instead.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, transaction
from django.utils import timezone
from wagtail.models import Page

from search.engines.base import FACETS, IndexDocument, SearchEngine, SearchHit, SearchQuery, SearchResults
from search.highlight import highlight
from search.models import SearchEntry, SearchFacetValue
from search.query import build_plan
from search.text import compact, fold_tokens, folded_tokens, normalize, tokenize

ENTRY_TABLE = "search_searchentry"
FACET_TABLE = "search_searchfacetvalue"
SUGGEST_MIN_CHARS = 2
SUGGEST_MAX_TOKENS = 6
# Facets stored as a column of the entry; the others are only in the facet table.
COLUMN_FACETS = {"kind": "kind", "resource_type": "resource_type"}


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


class SqliteDialect:
    """FTS5. `bm25()` is lower for better matches, so scores sort ascending."""

    ALL_COLUMNS = "{title_folded text_folded numbers}"
    WEIGHTS = "10.0, 1.0, 10.0, 5.0, 0.5"  # title, text, numbers, title exact, text exact

    @staticmethod
    def _phrase(tokens):
        return '"' + " ".join(token.replace('"', '""') for token in tokens) + '"'

    def _alternative(self, alternative):
        if alternative.phrase or len(alternative.tokens) == 1:
            return self._phrase(alternative.tokens)
        return "(" + " AND ".join(self._phrase((token,)) for token in alternative.tokens) + ")"

    def _required(self, plan, *, any_unit):
        units = ("(" + " OR ".join(self._alternative(alt) for alt in unit) + ")" for unit in plan.units)
        return f"{self.ALL_COLUMNS} : (" + (" OR " if any_unit else " AND ").join(units) + ")"

    def _ranking(self, plan, *, any_unit):
        required = self._required(plan, any_unit=any_unit)
        bonuses = [
            "{title_normalized text_normalized} : ("
            + " OR ".join(self._phrase((token,)) for token in plan.normalized)
            + ")"
        ]
        if len(plan.folded) > 1:
            bonuses.append("{title_folded text_folded} : " + self._phrase(plan.folded))
            bonuses.append("{title_normalized text_normalized} : " + self._phrase(plan.normalized))
            bonuses.extend(
                "{title_folded text_folded} : " + self._phrase(plan.folded[i : i + 2])
                for i in range(len(plan.folded) - 1)
            )
        if plan.document_number:
            bonuses.append("{numbers} : " + self._phrase((plan.document_number,)))
        # `required AND (bonus OR ... OR required)` matches what `required` does; bm25() scores the bonuses.
        return f"{required} AND ({' OR '.join(bonuses)} OR {required})"

    def match(self, plan, *, any_unit):
        return sql(
            "e.id IN (SELECT rowid FROM search_entry_fts WHERE search_entry_fts MATCH %s)",
            self._required(plan, any_unit=any_unit),
        )

    def ranked_source(self, plan, *, any_unit):
        """(FROM clause, score expression, extra condition)."""
        source = sql(
            f"(SELECT rowid AS id, bm25(search_entry_fts, {self.WEIGHTS}) AS score FROM search_entry_fts "
            f"WHERE search_entry_fts MATCH %s) m JOIN {ENTRY_TABLE} e ON e.id = m.id",
            self._ranking(plan, any_unit=any_unit),
        )
        return source, sql("m.score"), None

    def suggest_source(self, tokens):
        expression = " AND ".join(self._phrase((token,)) for token in tokens[:-1])
        prefix = self._phrase((tokens[-1],)) + " *"
        expression = f"{{title_folded numbers}} : ({expression + ' AND ' if expression else ''}{prefix})"
        source = sql(
            f"(SELECT rowid AS id, bm25(search_entry_fts, {self.WEIGHTS}) AS score FROM search_entry_fts "
            f"WHERE search_entry_fts MATCH %s) m JOIN {ENTRY_TABLE} e ON e.id = m.id",
            expression,
        )
        return source, sql("m.score"), None


class PostgresqlDialect:
    """`tsvector` columns with the `simple` configuration; `ts_rank` is negated so scores sort ascending."""

    WEIGHTS = "'{0.1, 0.2, 0.4, 1.0}'"  # D (text), C, B, A (title, document number)

    @staticmethod
    def _quote(token):
        return "'" + token.replace("'", "''").replace("\\", "\\\\") + "'"

    def _phrase(self, tokens):
        return " <-> ".join(self._quote(token) for token in tokens)

    def _alternative(self, alternative):
        if alternative.phrase or len(alternative.tokens) == 1:
            return "(" + self._phrase(alternative.tokens) + ")"
        return "(" + " & ".join(self._quote(token) for token in alternative.tokens) + ")"

    def _required(self, plan, *, any_unit):
        units = ("(" + " | ".join(self._alternative(alt) for alt in unit) + ")" for unit in plan.units)
        return (" | " if any_unit else " & ").join(units)

    def match(self, plan, *, any_unit):
        return sql("e.fold_vector @@ to_tsquery('simple', %s)", self._required(plan, any_unit=any_unit))

    def _rank(self, vector, query, factor=1):
        return sql(f"{factor} * ts_rank({self.WEIGHTS}, e.{vector}, to_tsquery('simple', %s), 1)", query)

    def ranked_source(self, plan, *, any_unit):
        terms = [self._rank("fold_vector", self._required(plan, any_unit=any_unit))]
        terms.append(self._rank("norm_vector", " | ".join(self._quote(token) for token in plan.normalized), 0.5))
        if len(plan.folded) > 1:
            terms.append(self._rank("fold_vector", self._phrase(plan.folded), 2))
            terms.append(self._rank("norm_vector", self._phrase(plan.normalized), 0.5))
        if plan.document_number:
            terms.append(self._rank("fold_vector", self._quote(plan.document_number), 2))
        score = sql("-(") + join(terms, " + ") + sql(")")
        return sql(f"{ENTRY_TABLE} e"), score, self.match(plan, any_unit=any_unit)

    def suggest_source(self, tokens):
        parts = [self._quote(token) + ":A" for token in tokens[:-1]] + [self._quote(tokens[-1]) + ":*A"]
        query = " & ".join(parts)
        condition = sql("e.fold_vector @@ to_tsquery('simple', %s)", query)
        score = sql(f"-ts_rank({self.WEIGHTS}, e.fold_vector, to_tsquery('simple', %s), 1)", query)
        return sql(f"{ENTRY_TABLE} e"), score, condition


DIALECTS = {"sqlite": SqliteDialect, "postgresql": PostgresqlDialect}


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
        text_tokens = tokenize(body)
        title_tokens = tokenize(document.title)
        number = document.document_number
        numbers = " ".join(dict.fromkeys([compact(number), *folded_tokens(number)])) if number else ""
        fields = {
            "kind": document.kind,
            "locale": document.locale,
            "slug": document.slug[:255],
            "url": document.url[:500],
            "title": document.title[:255],
            "summary": document.summary,
            "body": body,
            "published_at": document.published_at,
            "expire_at": expire_at.first(),
            "topics": encode_values(document.topics)[:1000],
            "audiences": encode_values(document.audiences)[:255],
            "school_levels": encode_values(document.school_levels)[:255],
            "resource_type": document.resource_type[:30],
            "document_number": document.document_number[:100],
            "issuer": document.issuer[:255],
            "title_folded": " ".join(fold_tokens(title_tokens)),
            "title_normalized": " ".join(title_tokens),
            "text_folded": " ".join(fold_tokens(text_tokens)),
            "text_normalized": " ".join(text_tokens),
            "numbers": numbers,
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
            entry, _created = SearchEntry.objects.using(self.using).update_or_create(
                page_id=document.page_id, defaults=fields
            )
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
        any_unit = False
        count = self._count(self._conditions(query, plan, dialect, any_unit=False))
        if count == 0 and plan is not None and len(plan.units) > 1 and not self._filters_exclude_all(query, plan):
            any_unit = True
            count = self._count(self._conditions(query, plan, dialect, any_unit=True))
        hits = self._hits(query, plan, dialect, any_unit=any_unit) if count else []
        facets = self._facets(query, plan, dialect, any_unit=any_unit)
        return DatabaseSearchResults(count=count, hits=hits, facets=facets, partial=any_unit)

    def _filters_exclude_all(self, query, plan):
        """True when pages hold every word but the filters leave none: no point in a looser query."""
        if not query.filters:
            return False
        unfiltered = SearchQuery(text=query.text, locale=query.locale)
        return self._count(self._conditions(unfiltered, plan, self.dialect, any_unit=False)) > 0

    def _conditions(self, query, plan, dialect, *, any_unit, without_facet=None):
        conditions = [
            sql("e.locale = %s", query.locale),
            sql("(e.expire_at IS NULL OR e.expire_at > %s)", timezone.now()),
        ]
        if plan is not None:
            conditions.append(dialect.match(plan, any_unit=any_unit))
        for facet, values in query.filters.items():
            if facet != without_facet and facet in FACETS:
                conditions.append(self._filter(facet, values))
        return conditions

    @staticmethod
    def _filter(facet, values):
        values = list(values)
        if not values:
            return sql("1 = 0")
        if facet in COLUMN_FACETS:
            return sql(f"e.{COLUMN_FACETS[facet]} IN ({placeholders(values)})", *values)
        return sql(
            f"EXISTS (SELECT 1 FROM {FACET_TABLE} f WHERE f.entry_id = e.id AND f.facet = %s "
            f"AND f.value IN ({placeholders(values)}))",
            facet,
            *values,
        )

    def _fetch(self, statement):
        with self.connection.cursor() as cursor:
            cursor.execute(statement.text, statement.params)
            return cursor.fetchall()

    def _count(self, conditions):
        statement = sql(f"SELECT COUNT(*) FROM {ENTRY_TABLE} e WHERE ") + join(conditions, " AND ")
        return self._fetch(statement)[0][0]

    def _hits(self, query, plan, dialect, *, any_unit):
        offset = (query.page - 1) * query.page_size
        conditions = self._conditions(query, None, dialect, any_unit=any_unit)
        if plan is None:
            source, score = sql(f"{ENTRY_TABLE} e"), sql("0")
        else:
            source, score, condition = dialect.ranked_source(plan, any_unit=any_unit)
            if condition is not None:
                conditions.append(condition)
        if plan is None or query.sort == "date":
            order = "e.published_at DESC, e.id DESC"
        else:
            order = "score ASC, e.published_at DESC, e.id DESC"
        statement = (
            sql("SELECT e.page_id, ")
            + score
            + sql(" AS score, e.body FROM ")
            + source
            + sql(" WHERE ")
            + join(conditions, " AND ")
            + sql(f" ORDER BY {order} LIMIT %s OFFSET %s", query.page_size, offset)
        )
        terms = plan.highlight_terms() if plan is not None else set()
        return [
            SearchHit(page_id=page_id, score=-float(score or 0), highlight=highlight(text=body, terms=terms))
            for page_id, score, body in self._fetch(statement)
        ]

    def _facets(self, query, plan, dialect, *, any_unit):
        """Disjunctive counts: each facet counted with every other filter applied."""
        facets = {name: {} for name in FACETS}
        filtered = [name for name in FACETS if query.filters.get(name) is not None]
        groups = [([name for name in FACETS if name not in filtered], None)]
        groups += [([name], name) for name in filtered]
        for names, without in groups:
            if not names:
                continue
            conditions = self._conditions(query, plan, dialect, any_unit=any_unit, without_facet=without)
            statement = (
                sql(
                    f"SELECT v.facet, v.value, COUNT(*) FROM {FACET_TABLE} v JOIN {ENTRY_TABLE} e "
                    f"ON e.id = v.entry_id WHERE v.facet IN ({placeholders(names)}) AND ",
                    *names,
                )
                + join(conditions, " AND ")
                + sql(" GROUP BY v.facet, v.value")
            )
            for facet, value, count in self._fetch(statement):
                facets[facet][value] = count
        return {
            name: dict(sorted(values.items(), key=lambda item: (-item[1], item[0]))) for name, values in facets.items()
        }

    # Suggest ----------------------------------------------------------------------

    def suggest(self, *, text: str, locale: str, limit: int = 8) -> list[dict]:
        tokens = folded_tokens(text)[:SUGGEST_MAX_TOKENS]
        if sum(len(token) for token in tokens) < SUGGEST_MIN_CHARS:
            return []
        source, score, condition = self.dialect.suggest_source(tokens)
        conditions = [
            sql("e.locale = %s", locale),
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
        return [{"title": title, "url": url, "kind": kind} for title, url, kind, _score in self._fetch(statement)]
