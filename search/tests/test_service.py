import pytest
from django.http import QueryDict

from search import service
from search.engines.base import EngineUnavailable, SearchEngine

pytestmark = pytest.mark.django_db


def test_parse_query_reads_repeatable_filters_and_defaults():
    query = service.parse_query(QueryDict("q=ma+t%C3%BAy&kind=article&kind=resource&kind=article&topic=&sort=date"))

    assert query.text == "ma túy"
    assert query.locale == "vi"
    assert query.filters == {"kind": ("article", "resource")}
    assert (query.sort, query.page, query.page_size) == ("date", 1, 10)


def test_parse_query_accepts_a_plain_dict_and_cuts_long_values():
    query = service.parse_query({"q": "x" * 500, "topic": ["a" * 500], "page": "3", "page_size": "80"}, locale="en")

    assert len(query.text) == 200
    assert query.filters["topic"] == ("a" * 100,)
    assert (query.locale, query.page, query.page_size) == ("en", 3, 50)
    assert service.parse_query({"sort": "score"}).sort == "relevance"


@pytest.mark.parametrize("params", [{"page": "x"}, {"page": "0"}, {"page_size": "-5"}, {"page": "2.0"}])
def test_parse_query_refuses_malformed_numbers(params):
    with pytest.raises(service.BadRequest):
        service.parse_query(params)


def test_safe_highlight_keeps_only_mark():
    assert service.safe_highlight("<mark>a</mark> <b>b</b> &amp; <mark x>") == (
        "<mark>a</mark> &lt;b&gt;b&lt;/b&gt; &amp; &lt;mark x&gt;"
    )


class UnavailableEngine(SearchEngine):
    name = "elasticsearch"

    def search(self, query):
        raise EngineUnavailable("connection refused")

    def suggest(self, *, text, locale, limit=8):
        raise EngineUnavailable("connection refused")


def test_falls_back_to_the_database_when_the_engine_is_unavailable(monkeypatch, publish_article):
    article = publish_article(title="Phòng chống ma túy")
    warnings = []
    monkeypatch.setattr(service, "query_engine", UnavailableEngine)
    monkeypatch.setattr(service.logger, "warning", lambda message, *args: warnings.append(message % args))

    response = service.search(params={"q": "ma tuy"})
    suggestions = service.suggest(params={"q": "phong ch"})

    assert [item["url"] for item in response["results"]] == [article.url]
    assert suggestions[0]["url"] == article.url
    assert len(warnings) == 2
    assert "unavailable" in warnings[0]


def test_search_does_not_count_unless_asked(publish_article):
    from search.models import SearchQueryDay

    service.search(params={"q": "ma tuy"})
    assert not SearchQueryDay.objects.exists()
    service.search(params={"q": "ma tuy"}, record=True)
    assert SearchQueryDay.objects.get().searches_without_results == 1
