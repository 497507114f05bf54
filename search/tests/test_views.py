"""The public API (`/api/search/`, `/api/search/suggest/`) and the HTML page (`/search/`, `/en/search/`)."""

import re

import pytest
from django.conf import settings
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from home.factories import HotlineFactory
from home.models import PortalSettings, PortalSettingsHotline
from search.models import SearchQueryDay
from search.tests.conftest import days_ago

pytestmark = pytest.mark.django_db

API = "/api/search/"
RESULT_KEYS = {"kind", "slug", "locale", "title", "url", "summary", "highlight", "published_at", "topics", "audiences"}
FACET_KEYS = {"kind", "topic", "audience", "school_level", "resource_type"}


@pytest.fixture
def drugs_article(publish_article, topic_drugs):
    return publish_article(
        title="Phòng, chống ma túy trong trường học",
        summary="Những điều cha mẹ cần biết.",
        text="Hướng dẫn công tác phòng, chống ma túy cho nhà trường <script>alert(1)</script>.",
        topics=[topic_drugs],
        audiences=["parents", "students"],
    )


def test_api_response_has_the_documented_shape(client, drugs_article, filler_articles):
    response = client.get(API, {"q": "phong chong ma tuy"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert set(data) == {"query", "locale", "count", "page", "page_size", "results", "facets"}
    assert data["query"] == "phong chong ma tuy"
    assert (data["locale"], data["page"], data["page_size"]) == ("vi", 1, 10)
    assert data["count"] >= 1
    first = data["results"][0]
    assert set(first) == RESULT_KEYS
    assert first["title"] == drugs_article.title
    assert first["url"] == drugs_article.url
    assert first["kind"] == "article"
    assert first["slug"] == drugs_article.slug
    assert first["summary"] == "Những điều cha mẹ cần biết."
    assert first["topics"] == ["drugs"]
    assert first["audiences"] == ["parents", "students"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", first["published_at"])
    assert "<mark>" in first["highlight"]
    assert re.sub(r"</?mark>", "", first["highlight"]).count("<") == 0
    assert set(data["facets"]) == FACET_KEYS
    assert data["facets"]["topic"] == {"drugs": 1}


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "0"},
        {"page": "-1"},
        {"page": "1.5"},
        {"page_size": "0"},
        {"page_size": "x"},
        {"page_size": "١٠"},
        {"page": "99999999999999999999"},
    ],
)
def test_malformed_page_or_page_size_is_a_400_with_a_message(client, params):
    response = client.get(API, params)

    assert response.status_code == 400
    assert response.json()["error"]


def test_page_size_is_capped_and_pages_beyond_the_end_are_empty(client, publish_article):
    publish_article(title="Ma túy")

    assert client.get(API, {"page_size": "500"}).json()["page_size"] == 50
    deep = client.get(API, {"page": "123456789"}).json()
    assert deep["results"] == []
    assert deep["count"] == 1


def test_query_is_cut_to_200_characters(client):
    assert len(client.get(API, {"q": "a" * 10_000}).json()["query"]) == 200


def test_unknown_filter_values_match_nothing(client, drugs_article):
    assert client.get(API, {"topic": "drugs"}).json()["count"] == 1
    assert client.get(API, {"topic": "no-such-topic"}).json()["count"] == 0
    assert client.get(API, {"kind": "blog"}).json()["count"] == 0
    assert client.get(API, {"locale": "fr"}).json()["count"] == 0


def test_empty_query_with_filters_lists_newest_first(client, publish_article, topic_drugs):
    old = publish_article(title="Cũ", slug="cu", topics=[topic_drugs], published_at=days_ago(100))
    new = publish_article(title="Mới", slug="moi", topics=[topic_drugs], published_at=days_ago(1))
    publish_article(title="Khác", slug="khac")

    data = client.get(API, {"topic": "drugs"}).json()

    assert [item["url"] for item in data["results"]] == [new.url, old.url]


def test_api_locale_parameter(client, publish_article, article_index_en):
    publish_article(title="An toàn trường học")
    english = publish_article(title="School safety", parent=article_index_en)

    data = client.get(API, {"q": "school safety", "locale": "en"}).json()

    assert data["locale"] == "en"
    assert [item["url"] for item in data["results"]] == [english.url]
    assert data["results"][0]["url"].startswith("/en/")


def test_editors_picks_come_first_on_the_first_page(client, publish_article, filler_articles):
    best = publish_article(title="Phòng chống ma túy", text="Phòng chống ma túy, phòng chống ma túy.")
    pick = publish_article(title="Đường dây nóng tư vấn", text="Gọi khi cần giúp đỡ về ma túy.")
    promotion_query = Query.get("Ma túy")
    SearchPromotion.objects.create(query=promotion_query, page=pick, sort_order=0)

    first_page = client.get(API, {"q": "ma tuy"}).json()
    second_page = client.get(API, {"q": "ma tuy", "page": "2", "page_size": "1"}).json()

    assert [item["url"] for item in first_page["results"][:2]] == [pick.url, best.url]
    assert first_page["results"][0].get("promoted") is True
    assert [item["url"] for item in first_page["results"]].count(pick.url) == 1
    assert all(not item.get("promoted") for item in second_page["results"])
    assert client.get(API, {"q": "ma tuy", "kind": "resource"}).json()["results"] == []


def test_harmful_queries_get_help_and_hotlines(client, publish_article, home_page):
    publish_article(title="Tác hại của ma túy")
    hotline = HotlineFactory(number="111", name="Tổng đài quốc gia bảo vệ trẻ em")
    portal_settings = PortalSettings.for_site(home_page.get_site())
    PortalSettingsHotline.objects.create(settings=portal_settings, hotline=hotline)

    data = client.get(API, {"q": "mua ma tuy o dau"}).json()
    calm = client.get(API, {"q": "tác hại của ma túy"}).json()

    assert data["help"]["title"]
    assert data["help"]["hotlines"] == [{"number": "111", "name": hotline.name, "tel": "tel:111"}]
    assert "help" not in calm


def test_queries_are_counted_without_personal_data(client, publish_article):
    publish_article(title="Ma túy")

    client.get(API, {"q": "  Ma   TUÝ "}, REMOTE_ADDR="10.1.2.3")
    client.get(API, {"q": "ma tuý"})
    client.get(API, {"q": "ma tuý", "page": "2"})  # paging is not a new search
    client.get(API, {"q": "xyzzy"})
    client.get(API, {"topic": "drugs"})  # no query text: nothing to count

    rows = {row.query: row for row in SearchQueryDay.objects.all()}
    assert set(rows) == {"ma túy", "xyzzy"}
    assert (rows["ma túy"].searches, rows["ma túy"].searches_without_results) == (2, 0)
    assert (rows["xyzzy"].searches, rows["xyzzy"].searches_without_results) == (1, 1)
    stored = [str(value) for row in SearchQueryDay.objects.values() for value in row.values()]
    assert not any("10.1.2.3" in value for value in stored)


def test_suggest_returns_titles_accent_insensitively(client, drugs_article, filler_articles):
    response = client.get(f"{API}suggest/", {"q": "phong chong ma"})

    assert response.status_code == 200
    suggestions = response.json()
    assert suggestions[0] == {"title": drugs_article.title, "url": drugs_article.url, "kind": "article"}
    assert len(suggestions) <= 8
    assert client.get(f"{API}suggest/", {"q": ""}).json() == []
    assert client.get(f"{API}suggest/", {"q": "\x00\"'*"}).json() == []


def test_api_refuses_other_methods_without_a_500(client):
    assert client.post(API, {"q": "x"}).status_code == 405


# --- HTML page ---------------------------------------------------------------------


def test_page_shows_the_same_results_as_the_api(client, drugs_article, filler_articles, publish_resource):
    publish_resource(title="Tài liệu phòng chống ma túy cho giáo viên")
    params = {"q": "phong chong ma tuy"}

    api = client.get(API, params).json()
    page = client.get("/search/", params)
    html = page.content.decode()

    assert page.status_code == 200
    assert '<meta name="robots" content="noindex">' in html
    positions = [html.index(f'href="{item["url"]}"') for item in api["results"]]
    assert positions == sorted(positions)
    assert "<mark>" in html
    assert "<script>alert(1)</script>" not in html


def test_page_facets_are_filter_links_with_counts(client, drugs_article, publish_resource, topic_drugs):
    publish_resource(title="Áp phích ma túy", topics=[topic_drugs], resource_type="poster")

    html = client.get("/search/", {"q": "ma tuy"}).content.decode()
    filtered = client.get("/search/", {"q": "ma tuy", "kind": "resource"}).content.decode()

    assert 'href="?q=ma+tuy&amp;kind=article"' in html
    assert topic_drugs.name in html
    assert 'aria-current="true"' in filtered
    assert 'href="?q=ma+tuy"' in filtered  # the link that removes the filter


def test_page_paginates(client, publish_article):
    for number in range(12):
        publish_article(title=f"Ma túy bài {number}", slug=f"bai-{number}")

    html = client.get("/search/", {"q": "ma tuy"}).content.decode()
    second = client.get("/search/", {"q": "ma tuy", "page": "2"}).content.decode()

    assert 'class="pagination"' in html
    assert 'href="?q=ma+tuy&amp;page=2"' in html
    assert second.count('<li class="card') == 2


def test_page_without_results_offers_topics_and_hotlines(client, drugs_article, home_page):
    hotline = HotlineFactory(number="18001567", name="Tổng đài tư vấn")
    PortalSettingsHotline.objects.create(settings=PortalSettings.for_site(home_page.get_site()), hotline=hotline)

    html = client.get("/search/", {"q": "xyzzy"}).content.decode()

    assert 'class="empty-state"' in html
    assert "?topic=drugs" in html
    assert "tel:18001567" in html


def test_page_shows_help_above_results(client, publish_article):
    publish_article(title="Tội mua bán trái phép chất ma túy")

    html = client.get("/search/", {"q": "mua ma túy"}).content.decode()

    assert html.index("search-help") < html.index("card-list")


def test_english_page_searches_english_pages(client, publish_article, article_index_en):
    vietnamese = publish_article(title="School safety in Vietnamese", slug="vi-page")
    english = publish_article(title="School safety", parent=article_index_en)

    html = client.get("/en/search/", {"q": "school safety"}).content.decode()

    assert english.url in html
    assert vietnamese.url not in html


def test_page_reports_a_malformed_page_number_without_a_500(client):
    response = client.get("/search/", {"q": "x", "page": "abc"})

    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_suggest_script_is_small_and_dependency_free():
    script = (settings.BASE_DIR / "static_src" / "js" / "search-suggest.js").read_text()

    assert len(script.encode()) < 3 * 1024
    assert "/api/search/suggest/" in script
    assert "import " not in script
