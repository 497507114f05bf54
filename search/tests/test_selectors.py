import datetime

import pytest

from search import selectors
from search.models import HelpRule, SearchQueryDay, SynonymGroup

pytestmark = pytest.mark.django_db


def test_synonym_groups_are_normalised_and_follow_edits():
    SynonymGroup.objects.all().delete()
    group = SynonymGroup.objects.create(terms="Vape\nthuốc lá điện tử, thuốc lá điện tử; THUỐC LÁ ĐIỆN TỬ")

    assert selectors.synonym_groups() == [["vape", "thuốc lá điện tử"]]

    group.terms = "ma tuý\nchất cấm"
    group.save()
    assert selectors.synonym_groups() == [["ma túy", "chất cấm"]]


def test_the_starting_synonyms_are_there():
    groups = selectors.synonym_groups()

    assert any({"vape", "thuốc lá điện tử"} <= set(group) for group in groups)
    assert any({"bắt nạt", "bạo lực học đường"} <= set(group) for group in groups)
    assert any({"ma túy", "chất cấm"} <= set(group) for group in groups)


def test_help_rules_match_words_in_order_accent_insensitively():
    HelpRule.objects.all().delete()
    HelpRule.objects.create(name="x", language="vi", patterns="mua ma túy\ncách đánh người", title="T", message="M")

    assert selectors.matching_help_rule(text="Mua MA TUY ở đâu", locale="vi") == {"title": "T", "message": "M"}
    assert selectors.matching_help_rule(text="mua loại ma túy nào", locale="vi") is not None
    assert selectors.matching_help_rule(text="ma túy mua", locale="vi") is None
    assert selectors.matching_help_rule(text="mua ma túy", locale="en") is None
    assert selectors.matching_help_rule(text="tác hại ma túy", locale="vi") is None


def test_query_report_sums_the_last_30_days():
    today = datetime.date(2026, 3, 31)
    for days_ago, query, searches, without in [(0, "ma túy", 3, 0), (10, "ma túy", 2, 1), (40, "ma túy", 50, 50)]:
        SearchQueryDay.objects.create(
            day=today - datetime.timedelta(days=days_ago),
            locale="vi",
            query=query,
            searches=searches,
            searches_without_results=without,
        )
    SearchQueryDay.objects.create(day=today, locale="vi", query="xyzzy", searches=1, searches_without_results=1)

    report = selectors.query_report(today=today)

    assert [(row["query"], row["total"]) for row in report["top"]] == [("ma túy", 5), ("xyzzy", 1)]
    assert [(row["query"], row["without_results"]) for row in report["without_results"]] == [
        ("ma túy", 1),
        ("xyzzy", 1),
    ]
    assert report["total_searches"] == 6
