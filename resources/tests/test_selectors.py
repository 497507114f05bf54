import datetime

import pytest
from django.http import QueryDict
from django.test import override_settings
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.factories import TopicFactory
from home.services import ensure_index_page
from resources.factories import ArticlePageFactory, GuidancePageFactory
from resources.models import ResourceType
from resources.selectors import (
    FACET_LEGENDS,
    MAX_VALUES_PER_PARAMETER,
    article_index_context,
    library_context,
    library_pages,
)

pytestmark = pytest.mark.django_db


def at_noon(year, month, day):
    return datetime.datetime(year, month, day, 12, tzinfo=datetime.UTC)


def library(index_page, query=""):
    return library_context(index_page=index_page, params=QueryDict(query))


def titles(context):
    return [page.title for page in context["page_obj"].object_list]


def facet(context, name):
    return next(facet for facet in context["facets"] if facet.name == name)


def counts(context, name):
    return {option.value: option.count for option in facet(context, name).options}


def selected(context, name):
    return [option.value for option in facet(context, name).options if option.selected]


@pytest.fixture
def drugs():
    return TopicFactory(slug="drugs", name="Ma túy")


@pytest.fixture
def violence():
    return TopicFactory(slug="violence", name="Bạo lực học đường")


@pytest.fixture
def small_library(guidance_index, drugs, violence):
    """Four resources whose facets overlap in known ways."""
    return {
        "poster": GuidancePageFactory(
            parent=guidance_index,
            title="Poster",
            resource_type=ResourceType.POSTER,
            audiences=["students"],
            school_levels=["primary"],
            issued_on=datetime.date(2025, 3, 1),
            topics=[drugs],
        ),
        "guide": GuidancePageFactory(
            parent=guidance_index,
            title="Guide",
            resource_type=ResourceType.GUIDE,
            audiences=["parents", "teachers"],
            school_levels=["primary", "lower-secondary"],
            issued_on=datetime.date(2024, 9, 5),
            topics=[drugs, violence],
        ),
        "circular": GuidancePageFactory(
            parent=guidance_index,
            title="Circular",
            resource_type=ResourceType.LEGAL_DOCUMENT,
            audiences=["teachers"],
            school_levels=["upper-secondary"],
            issued_on=datetime.date(2023, 1, 10),
            topics=[violence],
        ),
        "slides": GuidancePageFactory(
            parent=guidance_index,
            title="Slides",
            resource_type=ResourceType.SLIDES,
            audiences=["students", "teachers"],
            school_levels=["lower-secondary"],
            issued_on=None,
            published_at=at_noon(2024, 12, 1),
            topics=[],
        ),
    }


# --- what the library lists ----------------------------------------------


def test_library_lists_live_public_children_of_its_own_locale(guidance_index, locale_en):
    listed = GuidancePageFactory(parent=guidance_index, title="Listed")
    GuidancePageFactory(parent=guidance_index, title="Draft", live=False)
    private = GuidancePageFactory(parent=guidance_index, title="Private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    english_index = ensure_index_page(kind_name="resource", locale=locale_en)
    GuidancePageFactory(parent=english_index, title="English")

    assert titles(library(guidance_index)) == [listed.title]
    assert titles(library(english_index)) == ["English"]


def test_library_lists_newest_first_by_issue_date_then_publication_day(small_library, guidance_index):
    # The slides have no issue date: they sort by their publication day, 2024-12-01.
    assert titles(library(guidance_index)) == ["Poster", "Slides", "Guide", "Circular"]


def test_year_falls_back_to_the_publication_year_in_vietnam(guidance_index):
    # 2024-12-31 20:00 UTC is already 2025-01-01 in Vietnam.
    GuidancePageFactory(
        parent=guidance_index,
        title="New year",
        issued_on=None,
        published_at=datetime.datetime(2024, 12, 31, 20, tzinfo=datetime.UTC),
    )
    GuidancePageFactory(
        parent=guidance_index, title="Issued", issued_on=datetime.date(2021, 5, 1), published_at=at_noon(2025, 6, 1)
    )

    context = library(guidance_index)
    assert counts(context, "year") == {"2025": 1, "2021": 1}
    assert titles(library(guidance_index, "year=2025")) == ["New year"]
    assert titles(library(guidance_index, "year=2021")) == ["Issued"]
    assert library_pages(index_page=guidance_index).get(title="New year").listing_year == 2025


# --- filters ---------------------------------------------------------------


def test_each_facet_filters(small_library, guidance_index):
    assert titles(library(guidance_index, "topic=violence")) == ["Guide", "Circular"]
    assert titles(library(guidance_index, "audience=parents")) == ["Guide"]
    assert titles(library(guidance_index, "level=lower-secondary")) == ["Slides", "Guide"]
    assert titles(library(guidance_index, "type=poster")) == ["Poster"]
    assert titles(library(guidance_index, "year=2024")) == ["Slides", "Guide"]


def test_values_of_one_facet_are_ored_and_facets_are_anded(small_library, guidance_index):
    assert titles(library(guidance_index, "type=poster&type=slides")) == ["Poster", "Slides"]
    assert titles(library(guidance_index, "audience=students&audience=parents")) == ["Poster", "Slides", "Guide"]
    assert titles(library(guidance_index, "audience=teachers&level=lower-secondary")) == ["Slides", "Guide"]
    assert titles(library(guidance_index, "audience=teachers&level=lower-secondary&topic=drugs")) == ["Guide"]
    assert titles(library(guidance_index, "type=poster&year=2023")) == []


def test_counts_without_filters_count_every_resource(small_library, guidance_index):
    context = library(guidance_index)
    assert counts(context, "topic") == {"drugs": 2, "violence": 2}
    assert counts(context, "audience") == {"parents": 1, "students": 2, "teachers": 3}
    assert counts(context, "level") == {"preschool": 0, "primary": 2, "lower-secondary": 2, "upper-secondary": 1}
    assert counts(context, "type")["poster"] == 1
    assert counts(context, "type")["form"] == 0
    assert counts(context, "year") == {"2025": 1, "2024": 2, "2023": 1}


def test_counts_are_disjunctive(small_library, guidance_index):
    context = library(guidance_index, "audience=teachers&type=guide")

    assert titles(context) == ["Guide"]
    # Another type would be OR-ed with "guide": its count ignores the type filter
    # but keeps the audience filter (teachers: guide, circular, slides).
    assert counts(context, "type") == {
        "guide": 1,
        "legal-document": 1,
        "poster": 0,
        "slides": 1,
        "lesson-plan": 0,
        "form": 0,
        "other": 0,
    }
    # Audiences ignore the audience filter but keep type=guide.
    assert counts(context, "audience") == {"parents": 1, "students": 0, "teachers": 1}
    # Facets without a selection apply both filters.
    assert counts(context, "topic") == {"drugs": 1, "violence": 1}
    assert counts(context, "year") == {"2024": 1}
    assert selected(context, "audience") == ["teachers"]
    assert selected(context, "type") == ["guide"]


def test_topic_and_year_facets_keep_a_selected_value_that_leaves_nothing(small_library, guidance_index):
    context = library(guidance_index, "year=1999&type=poster")

    assert titles(context) == []
    assert context["unknown_filters"] == []
    assert [(option.value, option.count, option.selected) for option in facet(context, "year").options] == [
        ("2025", 1, False),
        ("1999", 0, True),
    ]


def test_topic_labels_are_in_the_library_locale_with_default_locale_fallback(locale_en, drugs, violence):
    TopicFactory(locale=locale_en, slug="drugs", name="Drugs", translation_key=drugs.translation_key)
    english_index = ensure_index_page(kind_name="resource", locale=locale_en)
    GuidancePageFactory(parent=english_index, title="Both", topics=[drugs, violence])

    context = library(english_index)

    assert [option.label for option in facet(context, "topic").options] == ["Bạo lực học đường", "Drugs"]
    [resource] = context["page_obj"].object_list
    assert [topic.name for topic in resource.localized_topics] == ["Drugs", "Bạo lực học đường"]


# --- robustness --------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    ["topic=no-such-topic", "audience=grandparents", "level=university", "type=video", "year=last", "year=0000"],
)
def test_an_unknown_filter_value_lists_nothing_and_says_which(small_library, guidance_index, query):
    context = library(guidance_index, query)

    assert titles(context) == []
    assert context["result_count"] == 0
    name, value = query.split("=")
    assert [(unknown.legend, unknown.value) for unknown in context["unknown_filters"]] == [(FACET_LEGENDS[name], value)]


def test_an_unknown_value_next_to_known_ones_still_lists_nothing(small_library, guidance_index):
    context = library(guidance_index, "type=poster&type=video")

    assert titles(context) == []
    assert counts(context, "type")["poster"] == 1


def test_blank_values_and_unknown_parameters_are_ignored(small_library, guidance_index):
    context = library(guidance_index, "type=&utm_source=mail&sort=oldest&audience=%20")

    assert titles(context) == ["Poster", "Slides", "Guide", "Circular"]
    assert context["filters_active"] is False
    assert context["unknown_filters"] == []


def test_a_hand_made_url_with_thousands_of_values_is_cut_short(small_library, guidance_index):
    years = "&".join(f"year={year}" for year in range(1000, 9999))

    context = library(guidance_index, f"{years}&year=2025")

    assert titles(context) == []
    assert len(selected(context, "year")) == MAX_VALUES_PER_PARAMETER


def test_values_are_matched_whole_not_as_substrings(small_library, guidance_index):
    # "secondary" is part of two stored school levels but not a level itself.
    assert titles(library(guidance_index, "level=secondary")) == []
    assert titles(library(guidance_index, "audience=|students|teachers|")) == []


@override_settings(PORTAL_LISTING_PAGE_SIZE=2)
@pytest.mark.parametrize(
    ("page", "expected_number"),
    [("", 1), ("2", 2), ("0", 2), ("-1", 2), ("99", 2), ("abc", 1), ("1.5", 1), ("9" * 5000, 1)],
)
def test_a_malformed_or_out_of_range_page_gets_a_sensible_page(small_library, guidance_index, page, expected_number):
    context = library(guidance_index, f"page={page}")

    assert context["page_obj"].number == expected_number
    assert len(context["page_obj"].object_list) == 2


@override_settings(PORTAL_LISTING_PAGE_SIZE=2)
def test_page_links_keep_the_filters_and_drop_other_parameters(small_library, guidance_index):
    context = library(guidance_index, "audience=teachers&audience=students&utm_source=x&page=1")
    pagination = context["pagination"]

    assert context["result_count"] == 4
    assert pagination["previous_url"] is None
    assert QueryDict(pagination["next_url"][1:]) == QueryDict("audience=teachers&audience=students&page=2")
    assert [link["number"] for link in pagination["pages"]] == [1, 2]
    assert [link["current"] for link in pagination["pages"]] == [True, False]


@override_settings(PORTAL_LISTING_PAGE_SIZE=1)
def test_many_pages_are_elided(small_library, guidance_index):
    for number in range(20):
        GuidancePageFactory(parent=guidance_index, title=f"Extra {number}")

    pages = library(guidance_index, "page=12")["pagination"]["pages"]

    numbers = [link["number"] for link in pages]
    assert numbers[0] == 1
    assert numbers[-1] == 24
    assert 12 in numbers
    assert len(numbers) < 24
    assert [link["url"] for link in pages if not isinstance(link["number"], int)] == [None, None]


# --- efficiency -----------------------------------------------------------------


def realistic_library(guidance_index, *, count=30):
    """`count` resources spread over topics, audiences, levels, types and years."""
    topics = [TopicFactory(slug=slug, name=slug.title()) for slug in ("drugs", "violence", "traffic", "online", "law")]
    audiences = ["parents", "students", "teachers"]
    levels = ["preschool", "primary", "lower-secondary", "upper-secondary"]
    types = ResourceType.values
    for number in range(count):
        GuidancePageFactory(
            parent=guidance_index,
            resource_type=types[number % len(types)],
            audiences=audiences[: 1 + number % 3],
            school_levels=[levels[number % 4], levels[(number + 1) % 4]],
            issued_on=None if number % 5 == 0 else datetime.date(2020 + number % 6, 1 + number % 12, 1),
            topics=[topics[number % 5], topics[(number + 2) % 5]],
        )
    return topics


# Query counts measured on SQLite and PostgreSQL: 10 queries for the library
# context whatever the number of resources (topics, view restrictions, result
# count, page of results, its topic links, five facet counts).
LIBRARY_CONTEXT_MAX_QUERIES = 10


def test_library_context_uses_a_fixed_number_of_queries(guidance_index, django_assert_max_num_queries):
    realistic_library(guidance_index, count=30)

    with django_assert_max_num_queries(LIBRARY_CONTEXT_MAX_QUERIES):
        context = library(guidance_index, "audience=teachers&audience=parents&level=primary")
        for resource in context["page_obj"].object_list:
            assert [topic.slug for topic in resource.localized_topics]

    assert 0 < context["result_count"] < 30


def test_article_index_context_uses_a_fixed_number_of_queries(article_index, django_assert_max_num_queries):
    topics = [TopicFactory(slug=slug, name=slug.title()) for slug in ("drugs", "violence", "traffic")]
    for number in range(30):
        ArticlePageFactory(parent=article_index, topics=[topics[number % 3]])

    # Topics, view restrictions, result count, page of results, topic links, topic counts.
    with django_assert_max_num_queries(6):
        context = article_index_context(index_page=article_index, params=QueryDict("topic=drugs"))
        for article in context["page_obj"].object_list:
            assert [topic.slug for topic in article.localized_topics] == ["drugs"]

    assert context["result_count"] == 10


# --- articles -------------------------------------------------------------------


def test_article_index_lists_live_articles_of_its_locale_newest_first(article_index, locale_en):
    ArticlePageFactory(parent=article_index, title="Older", published_at=at_noon(2025, 1, 1))
    ArticlePageFactory(parent=article_index, title="Newer", published_at=at_noon(2025, 6, 1))
    ArticlePageFactory(parent=article_index, title="Draft", live=False)
    english_index = ensure_index_page(kind_name="article", locale=locale_en)
    ArticlePageFactory(parent=english_index, title="English")

    context = article_index_context(index_page=article_index, params=QueryDict())

    assert titles(context) == ["Newer", "Older"]
    assert context["filters_active"] is False


def test_article_index_filters_by_topic_and_counts_topics(article_index, drugs, violence):
    ArticlePageFactory(parent=article_index, title="Drugs", topics=[drugs])
    ArticlePageFactory(parent=article_index, title="Both", topics=[drugs, violence])
    ArticlePageFactory(parent=article_index, title="None")

    context = article_index_context(index_page=article_index, params=QueryDict("topic=violence"))

    assert titles(context) == ["Both"]
    assert counts(context, "topic") == {"drugs": 2, "violence": 1}
    assert selected(context, "topic") == ["violence"]
    assert facet(context, "topic").input_type == "radio"


def test_article_index_with_an_unknown_topic_lists_nothing(article_index, drugs):
    ArticlePageFactory(parent=article_index, topics=[drugs])

    context = article_index_context(index_page=article_index, params=QueryDict("topic=nope&page=zz"))

    assert titles(context) == []
    assert [unknown.value for unknown in context["unknown_filters"]] == ["nope"]
    assert context["page_obj"].number == 1


@override_settings(PORTAL_LISTING_PAGE_SIZE=2)
def test_article_index_paginates_and_keeps_the_topic(article_index, drugs):
    for day in range(1, 6):
        ArticlePageFactory(parent=article_index, title=f"Day {day}", published_at=at_noon(2025, 1, day), topics=[drugs])

    context = article_index_context(index_page=article_index, params=QueryDict("topic=drugs&page=3"))

    assert titles(context) == ["Day 1"]
    assert QueryDict(context["pagination"]["previous_url"][1:]) == QueryDict("topic=drugs&page=2")


# --- rendered pages -------------------------------------------------------------


@override_settings(PORTAL_LISTING_PAGE_SIZE=2)
def test_library_page_renders_a_plain_get_form_with_counts(client, small_library, guidance_index):
    response = client.get(guidance_index.url, {"type": ["poster", "slides", "guide"], "page": "2"})
    html = response.content.decode()

    assert response.status_code == 200
    assert '<form class="filters" id="filters" method="get"' in html
    assert html.count('<fieldset class="facet">') == 5
    assert '<input type="checkbox" name="type" value="poster" checked>' in html
    assert '<input type="checkbox" name="type" value="form">' in html
    assert '<span class="count"><span aria-hidden="true">0</span>' in html
    assert 'type="submit"' in html
    assert f'<a href="{guidance_index.url}">Xóa bộ lọc</a>' in html
    assert '<nav class="pagination"' in html
    assert 'href="?type=poster&amp;type=slides&amp;type=guide&amp;page=1"' in html
    assert ">Guide</a>" in html
    assert ">Poster</a>" not in html


def test_library_card_shows_title_summary_date_type_and_topics(client, small_library, guidance_index):
    html = client.get(guidance_index.url, {"type": "guide"}).content.decode()

    assert f'<a href="{small_library["guide"].url}">Guide</a>' in html
    assert '<p class="card__summary">Tóm tắt thử nghiệm.</p>' in html
    assert '<time datetime="2024-09-05">' in html
    assert f'<span class="badge">{ResourceType.GUIDE.label}</span>' in html
    assert f'<a href="{guidance_index.url}?topic=violence">Bạo lực học đường</a>' in html


@pytest.mark.parametrize(
    "query", ["?type=video", "?page=abc", "?page=999999", "?year=99999999999999999999", "?topic=%00", "?x=1"]
)
def test_library_page_never_fails_on_bad_input(client, small_library, guidance_index, query):
    response = client.get(guidance_index.url + query)

    assert response.status_code == 200


def test_library_page_explains_an_unknown_filter_value(client, small_library, guidance_index):
    html = client.get(guidance_index.url, {"type": "video"}).content.decode()

    assert '<div class="empty-state">' in html
    assert "Một số giá trị lọc không hợp lệ nên không có mục nào được liệt kê:" in html
    assert "“video”" in html


def test_empty_library_says_so(client, guidance_index):
    html = client.get(guidance_index.url).content.decode()

    assert '<div class="empty-state">' in html
    assert "Xóa bộ lọc" not in html


# Whole pages, measured on SQLite and PostgreSQL: 26 queries for the library
# and 22 for the article index, of which about 16 are Wagtail's routing and the
# site frame (navigation, language links, alert, hotlines). A little headroom
# is left for the frame.
LIBRARY_PAGE_MAX_QUERIES = 30
ARTICLE_PAGE_MAX_QUERIES = 26


def test_library_page_with_30_resources_has_a_bounded_query_count(
    client, guidance_index, django_assert_max_num_queries
):
    realistic_library(guidance_index, count=30)
    client.get(guidance_index.url)  # warm Wagtail's per-process caches (site root paths)

    with django_assert_max_num_queries(LIBRARY_PAGE_MAX_QUERIES):
        response = client.get(guidance_index.url, {"audience": ["teachers", "parents"], "level": "primary"})

    assert response.status_code == 200


def test_article_index_page_renders_topic_radios(client, article_index, drugs):
    ArticlePageFactory(parent=article_index, title="Ma túy và pháp luật", topics=[drugs])

    with_filter = client.get(article_index.url, {"topic": "drugs"}).content.decode()
    unknown = client.get(article_index.url, {"topic": "nope"})

    assert '<input type="radio" name="topic" value="drugs" checked>' in with_filter
    assert '<input type="radio" name="topic" value="">' in with_filter
    assert "Ma túy và pháp luật" in with_filter
    assert unknown.status_code == 200
    assert "“nope”" in unknown.content.decode()


def test_article_index_page_has_a_bounded_query_count(client, article_index, django_assert_max_num_queries):
    topics = [TopicFactory(slug=slug, name=slug.title()) for slug in ("drugs", "violence", "traffic")]
    for number in range(30):
        ArticlePageFactory(
            parent=article_index,
            topics=[topics[number % 3]],
            published_at=timezone.now() - datetime.timedelta(days=number),
        )
    client.get(article_index.url)

    with django_assert_max_num_queries(ARTICLE_PAGE_MAX_QUERIES):
        response = client.get(article_index.url)

    assert response.status_code == 200
