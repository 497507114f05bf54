"""The benchmark machinery on a tiny corpus (not timed): metrics, corpus, judged set, the full loop."""

import math

import pytest

from search import bench
from search.bench_corpus import ANCHORS, RESERVED_PHRASES, build_corpus, reserved_phrases_in
from search.bench_queries import CATEGORIES, CONG_VAN_1520, QUERIES, SYNONYM_GROUPS


def test_ndcg_is_one_for_the_ideal_ranking_and_lower_when_the_best_page_drops():
    assert bench.ndcg_at_k([3, 2, 0], [3, 2]) == 1.0
    swapped = bench.ndcg_at_k([2, 3], [3, 2])
    assert swapped == pytest.approx((3 + 7 / math.log2(3)) / (7 + 3 / math.log2(3)))
    assert bench.ndcg_at_k([0] * 10 + [3], [3]) == 0.0  # beyond the top 10
    assert bench.ndcg_at_k([3], [3, 3]) == pytest.approx(7 / (7 + 7 / math.log2(3)))


def test_queries_without_relevant_pages_score_only_when_nothing_comes_back():
    assert bench.ndcg_at_k([], []) == 1.0
    assert bench.ndcg_at_k([0], []) == 0.0
    assert bench.reciprocal_rank([], []) == 1.0
    assert bench.reciprocal_rank([0, 0], []) == 0.0


def test_reciprocal_rank_of_the_first_relevant_result():
    assert bench.reciprocal_rank([0, 0, 1], [3, 1]) == pytest.approx(1 / 3)
    assert bench.reciprocal_rank([0] * 10, [3]) == 0.0


def test_percentile_is_nearest_rank():
    values = list(range(1, 101))
    assert bench.percentile(values, 0.5) == 50
    assert bench.percentile(values, 0.95) == 95
    assert bench.percentile([7.0], 0.95) == 7.0


def test_judge_counts_a_repeated_page_once():
    query = QUERIES[0]
    (best,) = [key for key, grade in query.relevant.items() if grade == 3]
    result = {"kind": best[0], "slug": best[1]}
    outcome = bench.judge(query, {"count": 2, "results": [result, result]})

    assert outcome.results == (best,)
    assert outcome.reciprocal_rank == 1.0


def test_corpus_is_deterministic_and_holds_every_anchor():
    corpus = build_corpus(size=300, seed=7)

    assert corpus == build_corpus(size=300, seed=7)
    assert corpus != build_corpus(size=300, seed=8)
    assert len(corpus) == 300
    assert corpus[: len(ANCHORS)] == list(ANCHORS)
    assert len({page.key for page in corpus}) == 300
    assert {page.locale for page in corpus} == {"vi", "en"}
    assert {page.kind for page in corpus} == {"article", "resource", "campaign"}


def test_generated_pages_never_hold_a_reserved_phrase():
    fillers = build_corpus(size=2000)[len(ANCHORS) :]

    assert reserved_phrases_in("Hộp THƯ, thuốc lá; 1520/SGDĐT-CTTT") == ["1520", "hop thu", "thuoc la"]
    assert not [page.slug for page in fillers if reserved_phrases_in(page.text)]
    assert all(phrase == phrase.lower() for phrase in RESERVED_PHRASES)


def test_the_judged_set_covers_every_category_with_known_pages():
    anchors = {(page.locale, page.kind, page.slug) for page in ANCHORS}

    assert len(QUERIES) >= 40
    for category in CATEGORIES:
        assert sum(query.category == category for query in QUERIES) >= 5, category
    for query in QUERIES:
        assert all(grade in (1, 2, 3) for grade in query.relevant.values()), query.label
        assert {(query.locale, kind, slug) for kind, slug in query.relevant} <= anchors, query.label
        assert bool(query.relevant) == (query.category != "nothing"), query.label


def test_synonym_queries_use_words_their_answers_do_not_contain():
    from search.text import folded_tokens

    anchors = {(page.kind, page.slug): page for page in ANCHORS if page.locale == "vi"}
    for query in (query for query in QUERIES if query.category == "synonyms"):
        (best,) = [key for key, grade in query.relevant.items() if grade == 3]
        words = set(folded_tokens(anchors[best].text))
        assert not set(folded_tokens(query.text)) <= words, query.label
        assert any(query.text in group for group in SYNONYM_GROUPS), query.label


@pytest.mark.django_db
def test_the_benchmark_loop_runs_on_a_tiny_corpus(home_page):
    pages = build_corpus(size=50)
    bench.install_synonyms()
    ids = bench.load_corpus(pages)

    outcomes = bench.evaluate()
    summary = bench.summarize(outcomes)
    latency = bench.measure_latency(queries=QUERIES[:3], rounds=1)
    report = bench.format_report(summary=summary, latency=latency, outcomes=outcomes, heading="tiny")

    assert len(ids) == 50
    assert len(outcomes) == len(QUERIES)
    assert all(0.0 <= outcome.ndcg <= 1.0 and 0.0 <= outcome.reciprocal_rank <= 1.0 for outcome in outcomes)
    assert list(summary) == [*CATEGORIES, "overall"]
    assert summary["overall"][0] == len(QUERIES)
    (by_number,) = [outcome for outcome in outcomes if outcome.query.text == "1520/SGDĐT-CTTT"]
    assert by_number.results[0] == CONG_VAN_1520  # loaded, indexed and found through the public service
    assert len(latency["search"]) == 3
    assert len(latency["suggest"]) == len(bench.suggest_inputs(QUERIES[:3]))
    assert all(sample > 0 for sample in latency["search"])
    assert [query for query, _samples in latency["search_by_query"]] == list(QUERIES[:3])
    for line in ("overall", "search", "suggest", "Slowest searches", *CATEGORIES):
        assert line in report
