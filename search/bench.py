"""The search benchmark: relevance and speed of the public search, on a corpus of 10,000 pages.

    python -m search.bench                      # SQLite, in a temporary file
    DATABASE_URL=postgres://... python -m search.bench   # PostgreSQL, in a new bench_<pid> database

It never touches the developer's database: Django's test-database machinery
creates a throwaway database (`bench_<pid>` on the server of `DATABASE_URL`,
or a temporary SQLite file) and drops it at the end. With `ELASTICSEARCH_URL`
set, the Elasticsearch engine answers, on indices prefixed `bench_<pid>_`
that are deleted at the end.

Loading (not measured): the corpus of `search/bench_corpus.py` becomes real
pages, created live under each locale's index pages without revisions (the
fast path; publishing one by one would only be slower), the synonym groups of
`search/bench_queries.py` are stored as editors would, then the index is
built by `manage.py search_reindex`, the same code publishing uses per page,
and the database's planner statistics are refreshed (`ANALYZE`), as
autovacuum would do on a live site.

Measuring: every judged query goes through `search.service.search()` and
`search.service.suggest()`, the code path of `/api/search/`. Printed:
nDCG@10 and MRR per category and overall, and p50/p95 latencies.
"""

import argparse
import contextlib
import logging
import math
import os
import shutil
import statistics
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass

from search.bench_queries import CATEGORIES, QUERIES, SYNONYM_GROUPS

TOP_K = 10
TARGET_NDCG_OVERALL = 0.85
TARGET_NDCG_CATEGORY = 0.8
TARGET_SEARCH_P95_MS = 100
TARGET_SUGGEST_P95_MS = 30
SUGGEST_PREFIX_LENGTHS = (3, 5, 8)
QUEUE_ONLY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


# --- Relevance metrics ----------------------------------------------------------------


def dcg(grades):
    return sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(grades))


def ndcg_at_k(ranked_grades, judged_grades, k=TOP_K):
    """nDCG@k of a ranking (grades of the results in order) against all judged grades.

    A query without any relevant page scores 1 when nothing came back, else 0.
    """
    ideal = dcg(sorted((grade for grade in judged_grades if grade > 0), reverse=True)[:k])
    if ideal == 0:
        return 1.0 if not ranked_grades else 0.0
    return dcg(ranked_grades[:k]) / ideal


def reciprocal_rank(ranked_grades, judged_grades, k=TOP_K):
    """1/rank of the first relevant result in the top k (0 if none); for an empty answer key, 1 if nothing came back."""
    if not any(grade > 0 for grade in judged_grades):
        return 1.0 if not ranked_grades else 0.0
    for rank, grade in enumerate(ranked_grades[:k], start=1):
        if grade > 0:
            return 1 / rank
    return 0.0


def percentile(values, fraction):
    """Nearest-rank percentile (fraction 0..1) of a non-empty list."""
    ordered = sorted(values)
    index = max(0, math.ceil(fraction * len(ordered)) - 1)
    return ordered[index]


@dataclass(frozen=True)
class Outcome:
    query: object  # JudgedQuery
    results: tuple[tuple[str, str], ...]  # (kind, slug) of the top results, in order
    count: int
    ndcg: float
    reciprocal_rank: float


def judge(query, response):
    seen, ranked = set(), []
    for item in response["results"]:
        key = (item["kind"], item["slug"])
        if key not in seen:
            seen.add(key)
            ranked.append(key)
    grades = [query.relevant.get(key, 0) for key in ranked[:TOP_K]]
    judged = list(query.relevant.values())
    return Outcome(
        query=query,
        results=tuple(ranked[:TOP_K]),
        count=response["count"],
        ndcg=ndcg_at_k(grades, judged),
        reciprocal_rank=reciprocal_rank(grades, judged),
    )


def search_params(query):
    params = {"q": query.text, "locale": query.locale, "page_size": str(TOP_K)}
    params.update({name: list(values) for name, values in query.filters.items()})
    return params


def evaluate(queries=QUERIES):
    """Run each judged query through the public search service; one `Outcome` per query."""
    from search import service

    return [judge(query, service.search(params=search_params(query))) for query in queries]


def summarize(outcomes):
    """{category: (queries, mean nDCG@10, MRR)}, categories in the set's order, plus "overall"."""
    summary = {}
    for category in CATEGORIES:
        chosen = [outcome for outcome in outcomes if outcome.query.category == category]
        if chosen:
            summary[category] = (
                len(chosen),
                statistics.fmean(outcome.ndcg for outcome in chosen),
                statistics.fmean(outcome.reciprocal_rank for outcome in chosen),
            )
    summary["overall"] = (
        len(outcomes),
        statistics.fmean(outcome.ndcg for outcome in outcomes),
        statistics.fmean(outcome.reciprocal_rank for outcome in outcomes),
    )
    return summary


# --- Latency --------------------------------------------------------------------------


def suggest_inputs(queries=QUERIES):
    """(prefix, locale) pairs typed on the way to each query: 3, 5 and 8 characters and the whole text."""
    inputs = []
    for query in queries:
        text = unicodedata.normalize("NFC", query.text).strip('"')
        if len(text) < 2:
            continue
        for prefix in dict.fromkeys([*(text[:length] for length in SUGGEST_PREFIX_LENGTHS), text]):
            inputs.append((prefix, query.locale))
    return inputs


def timed(call, arguments, *, rounds):
    """Milliseconds of `call(argument)`, one list per argument, `rounds` each, after an unmeasured warm-up round."""
    for argument in arguments:
        call(argument)
    samples = [[] for _argument in arguments]
    for _round in range(rounds):
        for index, argument in enumerate(arguments):
            started = time.perf_counter()
            call(argument)
            samples[index].append((time.perf_counter() - started) * 1000)
    return samples


def measure_latency(*, queries=QUERIES, rounds=5):
    """{"search": [ms...], "suggest": [ms...], "search_by_query": [(query, [ms...])...]} through the service."""
    from search import service

    searches = [search_params(query) for query in queries]
    suggestions = [{"q": prefix, "locale": locale} for prefix, locale in suggest_inputs(queries)]
    search_samples = timed(lambda params: service.search(params=params), searches, rounds=rounds)
    suggest_samples = timed(lambda params: service.suggest(params=params), suggestions, rounds=rounds)
    return {
        "search": [ms for samples in search_samples for ms in samples],
        "suggest": [ms for samples in suggest_samples for ms in samples],
        "search_by_query": list(zip(queries, search_samples, strict=True)),
    }


# --- Loading the corpus ---------------------------------------------------------------


def install_synonyms(groups=SYNONYM_GROUPS):
    """Store the benchmark's synonym groups the way editors do (one term per line)."""
    from search.models import SynonymGroup
    from search.selectors import clear_editors_lists_cache

    for group in groups:
        SynonymGroup.objects.create(terms="\n".join(group))
    clear_editors_lists_cache()


def _topics(locales):
    from home.models import Topic
    from search.bench_corpus import TOPICS

    topics = {}
    for slug, (vi_name, en_name) in TOPICS.items():
        source, _created = Topic.objects.get_or_create(locale=locales["vi"], slug=slug, defaults={"name": vi_name})
        topics["vi", slug] = source
        translation = Topic.objects.filter(locale=locales["en"], slug=slug).first()
        if translation is None:
            translation = source.copy_for_translation(locales["en"])
            translation.name = en_name
            translation.save()
        topics["en", slug] = translation
    return topics


def _page(spec, kind):
    from django.utils.html import escape
    from wagtail.rich_text import RichText

    fields = {
        "title": spec.title,
        "slug": spec.slug,
        "summary": spec.summary,
        "body": [("paragraph", RichText(f"<p>{escape(paragraph)}</p>")) for paragraph in spec.body],
        "audiences": list(spec.audiences),
        "published_at": spec.published_at,
        "first_published_at": spec.published_at,
        "last_published_at": spec.published_at,
        "live": True,
        "has_unpublished_changes": False,
    }
    if spec.kind == "resource":
        fields |= {
            "resource_type": spec.resource_type,
            "school_levels": list(spec.school_levels),
            "document_number": spec.document_number,
            "document_type": spec.document_type,
            "issuer": spec.issuer,
        }
    if spec.kind == "campaign":
        fields |= {"starts_on": spec.published_at.date(), "ends_on": spec.published_at.date() + _days(30)}
    return kind.page_model(**fields)


def _days(count):
    from datetime import timedelta

    return timedelta(days=count)


def load_corpus(pages, *, report=None):
    """Create `pages` (PageSpec) as live pages, then build the search index with `manage.py search_reindex`.

    Returns {(locale, kind, slug): page id}.
    """
    from django.core.management import call_command
    from django.db import transaction
    from django.test import override_settings
    from wagtail.models import Locale

    from home.services import get_or_create_locale

    report = report or (lambda message: None)
    locales = {"vi": Locale.get_default(), "en": get_or_create_locale(language_code="en")}
    topics = _topics(locales)
    started = time.perf_counter()
    # One commit, and Wagtail's background tasks (its admin search index, the reference index) left
    # queued, not run: loading speed is not what is measured, and neither feeds the portal's search.
    with transaction.atomic(), override_settings(TASKS=QUEUE_ONLY_TASKS):
        ids = _create_pages(pages, locales=locales, topics=topics, report=report, started=started)
    created = time.perf_counter()
    with transaction.atomic():
        call_command("search_reindex", stdout=open(os.devnull, "w"))  # noqa: SIM115
    refresh_planner_statistics()
    report(f"Corpus loaded: pages {created - started:.1f} s, index {time.perf_counter() - created:.1f} s")
    return ids


def refresh_planner_statistics():
    """ANALYZE, as autovacuum would soon after a bulk load: without statistics PostgreSQL's planner
    believes the new tables are nearly empty and scans rows instead of using the full-text index."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _create_pages(pages, *, locales, topics, report, started):
    from home.kinds import get_kind
    from home.models import PageTopic
    from home.services import ensure_index_page

    parents, ids, links = {}, {}, []
    for number, spec in enumerate(pages, start=1):
        kind = get_kind(spec.kind)
        parent_key = (spec.locale, spec.kind)
        if parent_key not in parents:
            parents[parent_key] = ensure_index_page(kind_name=spec.kind, locale=locales[spec.locale])
        page = _page(spec, kind)
        page.locale = locales[spec.locale]
        parents[parent_key].add_child(instance=page)
        ids[spec.key] = page.pk
        links.extend(
            PageTopic(page_id=page.pk, topic=topics[spec.locale, slug], sort_order=order)
            for order, slug in enumerate(spec.topics)
        )
        if number % 1000 == 0:
            report(f"  {number} pages created ({time.perf_counter() - started:.0f} s)")
    PageTopic.objects.bulk_create(links)
    return ids


# --- The run --------------------------------------------------------------------------


def format_report(*, summary, latency, outcomes, heading):
    by_category = {}
    for query, samples in latency.get("search_by_query", []):
        by_category.setdefault(query.category, []).extend(samples)
        by_category.setdefault("overall", []).extend(samples)
    lines = [heading, "", f"{'category':<18}{'queries':>8}{'nDCG@10':>10}{'MRR':>8}{'search p50 ms':>15}"]
    for category, (count, ndcg, mrr) in summary.items():
        target = TARGET_NDCG_OVERALL if category == "overall" else TARGET_NDCG_CATEGORY
        mark = "" if ndcg >= target else f"   below {target:.2f}"
        median = f"{percentile(by_category[category], 0.5):.1f}" if category in by_category else "-"
        lines.append(f"{category:<18}{count:>8}{ndcg:>10.3f}{mrr:>8.3f}{median:>15}{mark}")
    lines += ["", f"{'latency (ms)':<18}{'calls':>8}{'p50':>10}{'p95':>8}{'target p95':>12}"]
    for name, target in (("search", TARGET_SEARCH_P95_MS), ("suggest", TARGET_SUGGEST_P95_MS)):
        samples = latency[name]
        p95 = percentile(samples, 0.95)
        mark = "" if p95 < target else "   over target"
        median = percentile(samples, 0.5)
        lines.append(f"{name:<18}{len(samples):>8}{median:>10.1f}{p95:>8.1f}{'< ' + str(target):>12}{mark}")
    slowest = sorted(latency.get("search_by_query", []), key=lambda item: -percentile(item[1], 0.5))[:5]
    if slowest:
        lines += ["", "Slowest searches (median ms):"]
        lines += [f"  {percentile(samples, 0.5):8.1f}  [{query.category}] {query.label}" for query, samples in slowest]
    weak = [outcome for outcome in outcomes if outcome.ndcg < TARGET_NDCG_CATEGORY]
    if weak:
        lines += ["", "Queries below 0.8 nDCG@10 (top results as kind/slug, * = judged relevant):"]
        for outcome in weak:
            shown = ", ".join(
                f"{'*' if key in outcome.query.relevant else ''}{key[0]}/{key[1]}" for key in outcome.results[:5]
            )
            lines.append(
                f"  [{outcome.query.category}] {outcome.query.label}: nDCG {outcome.ndcg:.2f}, "
                f"{outcome.count} found: {shown or '-'}"
            )
    return "\n".join(lines)


def run(*, size, seed, rounds, report):
    from django.conf import settings
    from django.db import connection

    from search.bench_corpus import build_corpus
    from search.engines.registry import query_engine

    started = time.perf_counter()
    pages = build_corpus(size=size, seed=seed)
    report(f"Corpus of {len(pages)} pages generated in {time.perf_counter() - started:.1f} s; loading…")
    install_synonyms()
    load_corpus(pages, report=report)
    outcomes = evaluate()
    latency = measure_latency(rounds=rounds)
    locales = {locale: sum(1 for page in pages if page.locale == locale) for locale in ("vi", "en")}
    engine = query_engine().name
    heading = (
        f"Search benchmark: {len(pages)} pages ({locales['vi']} vi, {locales['en']} en), {len(outcomes)} judged "
        f"queries; engine {engine}, database {connection.vendor}"
        + (f", Elasticsearch {settings.ELASTICSEARCH_URL}" if engine == "elasticsearch" else "")
    )
    return format_report(summary=summarize(outcomes), latency=latency, outcomes=outcomes, heading=heading)


@contextlib.contextmanager
def throwaway_database(*, report, keep=False):
    """A new, migrated database for the run (never the configured one), dropped afterwards unless `keep`."""
    from django.db import connection

    name = f"bench_{os.getpid()}"
    folder = tempfile.mkdtemp(prefix="portal-bench-")
    test_settings = connection.settings_dict.setdefault("TEST", {})
    test_settings["NAME"] = os.path.join(folder, f"{name}.sqlite3") if connection.vendor == "sqlite" else name
    original_name = connection.settings_dict["NAME"]
    report(f"Creating the throwaway {connection.vendor} database {test_settings['NAME']} (migrations)…")
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield
    finally:
        if keep:
            report(f"Kept the database {test_settings['NAME']}.")
        else:
            connection.creation.destroy_test_db(original_name, verbosity=0)
            shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def throwaway_elasticsearch_indices():
    from django.conf import settings

    if not settings.ELASTICSEARCH_URL:
        yield
        return
    from search.engines.elasticsearch import ElasticsearchEngine

    settings.ELASTICSEARCH_INDEX_PREFIX = f"bench_{os.getpid()}_"
    try:
        yield
    finally:
        ElasticsearchEngine().delete_all_indices()


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m search.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=10_000, help="corpus size (default 10000)")
    parser.add_argument("--seed", type=int, default=20240905, help="corpus seed (default 20240905)")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds over the query set (default 5)")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway database (to inspect it)")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

    import django

    django.setup()
    logging.disable(logging.INFO)  # page creation logs one line per page

    def report(message):
        print(message, file=sys.stderr, flush=True)

    with throwaway_database(report=report, keep=args.keep), throwaway_elasticsearch_indices():
        print(run(size=args.pages, seed=args.seed, rounds=args.rounds, report=report))


if __name__ == "__main__":
    main()
