import datetime
from contextlib import contextmanager
from unittest import mock

import pytest
from django.http import QueryDict
from django.test import override_settings

from campaigns.factories import CampaignPageFactory
from campaigns.models import CampaignStatus
from campaigns.selectors import campaign_index_context
from home.factories import TopicFactory
from home.services import ensure_index_page

pytestmark = pytest.mark.django_db

VIETNAM = datetime.timezone(datetime.timedelta(hours=7))
LAST_SECOND_OF_JUNE_30 = datetime.datetime(2026, 6, 30, 23, 59, 59, tzinfo=VIETNAM)  # 16:59:59 UTC
MIDNIGHT_JULY_1 = datetime.datetime(2026, 7, 1, 0, 0, 0, tzinfo=VIETNAM)  # 17:00:00 UTC, still 30 June in UTC


@contextmanager
def frozen_at(instant):
    with mock.patch("django.utils.timezone.now", return_value=instant):
        yield


def day(month, day_of_month):
    return datetime.date(2026, month, day_of_month)


def sections(index_page, query=""):
    context = campaign_index_context(index_page=index_page, params=QueryDict(query))
    return {
        CampaignStatus.RUNNING: [page.title for page in context["running_campaigns"]],
        CampaignStatus.UPCOMING: [page.title for page in context["upcoming_campaigns"]],
        CampaignStatus.ENDED: [page.title for page in context["past_campaigns"].object_list],
    }


def test_a_campaign_ending_on_june_30_moves_to_past_at_midnight_in_vietnam(campaign_index):
    CampaignPageFactory(parent=campaign_index, title="June", starts_on=day(6, 1), ends_on=day(6, 30))
    CampaignPageFactory(parent=campaign_index, title="July", starts_on=day(7, 1), ends_on=day(7, 31))

    with frozen_at(LAST_SECOND_OF_JUNE_30):
        assert sections(campaign_index) == {
            CampaignStatus.RUNNING: ["June"],
            CampaignStatus.UPCOMING: ["July"],
            CampaignStatus.ENDED: [],
        }
    with frozen_at(MIDNIGHT_JULY_1):
        assert sections(campaign_index) == {
            CampaignStatus.RUNNING: ["July"],
            CampaignStatus.UPCOMING: [],
            CampaignStatus.ENDED: ["June"],
        }


def test_every_campaign_sits_in_the_section_of_its_status(campaign_index):
    dates = [
        (day(5, 1), day(5, 31)),
        (day(6, 1), day(6, 30)),
        (day(6, 30), day(6, 30)),
        (day(7, 1), day(7, 1)),
        (day(7, 1), None),
        (day(1, 1), None),
        (day(7, 2), day(8, 1)),
    ]
    for number, (starts_on, ends_on) in enumerate(dates):
        CampaignPageFactory(parent=campaign_index, title=f"Campaign {number}", starts_on=starts_on, ends_on=ends_on)

    for instant in (LAST_SECOND_OF_JUNE_30, MIDNIGHT_JULY_1, MIDNIGHT_JULY_1 + datetime.timedelta(days=1)):
        with frozen_at(instant):
            context = campaign_index_context(index_page=campaign_index, params=QueryDict())
            listed = {
                CampaignStatus.RUNNING: context["running_campaigns"],
                CampaignStatus.UPCOMING: context["upcoming_campaigns"],
                CampaignStatus.ENDED: context["past_campaigns"].object_list,
            }
            assert sum(len(pages) for pages in listed.values()) == len(dates)
            for status, pages in listed.items():
                assert {page.status for page in pages} <= {status}, (instant, status)


def test_sections_are_ordered_for_reading(campaign_index):
    for title, starts_on, ends_on in [
        ("Open-ended", day(1, 1), None),
        ("Ends late", day(5, 1), day(9, 30)),
        ("Ends soon", day(6, 1), day(6, 20)),
        ("Starts later", day(8, 1), day(8, 31)),
        ("Starts soon", day(7, 1), None),
        ("Ended long ago", day(1, 1), day(1, 31)),
        ("Ended lately", day(5, 1), day(5, 31)),
    ]:
        CampaignPageFactory(parent=campaign_index, title=title, starts_on=starts_on, ends_on=ends_on)

    with frozen_at(datetime.datetime(2026, 6, 10, 12, tzinfo=VIETNAM)):
        assert sections(campaign_index) == {
            CampaignStatus.RUNNING: ["Ends soon", "Ends late", "Open-ended"],
            CampaignStatus.UPCOMING: ["Starts soon", "Starts later"],
            CampaignStatus.ENDED: ["Ended lately", "Ended long ago"],
        }


def test_only_live_campaigns_of_the_index_locale_are_listed(campaign_index, locale_en):
    CampaignPageFactory(parent=campaign_index, title="Live", starts_on=day(6, 1), ends_on=None)
    CampaignPageFactory(parent=campaign_index, title="Draft", starts_on=day(6, 1), ends_on=None, live=False)
    english_index = ensure_index_page(kind_name="campaign", locale=locale_en)
    CampaignPageFactory(parent=english_index, title="English", starts_on=day(6, 1), ends_on=None)

    with frozen_at(LAST_SECOND_OF_JUNE_30):
        assert sections(campaign_index)[CampaignStatus.RUNNING] == ["Live"]
        assert sections(english_index)[CampaignStatus.RUNNING] == ["English"]


@override_settings(PORTAL_LISTING_PAGE_SIZE=2)
@pytest.mark.parametrize(
    ("past_page", "expected"),
    [("", ["May", "April"]), ("2", ["March"]), ("9", ["March"]), ("x", ["May", "April"]), ("-3", ["March"])],
)
def test_past_campaigns_are_paginated_by_past_page(campaign_index, past_page, expected):
    for month, name in [(3, "March"), (4, "April"), (5, "May")]:
        CampaignPageFactory(parent=campaign_index, title=name, starts_on=day(month, 1), ends_on=day(month, 28))

    with frozen_at(LAST_SECOND_OF_JUNE_30):
        assert sections(campaign_index, f"past_page={past_page}")[CampaignStatus.ENDED] == expected


@override_settings(PORTAL_LISTING_PAGE_SIZE=2)
def test_past_pagination_links_use_past_page(campaign_index):
    for month in (3, 4, 5):
        CampaignPageFactory(parent=campaign_index, starts_on=day(month, 1), ends_on=day(month, 28))

    with frozen_at(LAST_SECOND_OF_JUNE_30):
        pagination = campaign_index_context(index_page=campaign_index, params=QueryDict("past_page=1"))[
            "past_pagination"
        ]

    assert pagination["next_url"] == "?past_page=2"
    assert pagination["previous_url"] is None


def test_topics_are_shown_in_the_index_locale(campaign_index, locale_en):
    drugs = TopicFactory(slug="drugs", name="Ma túy")
    TopicFactory(locale=locale_en, slug="drugs", name="Drugs", translation_key=drugs.translation_key)
    english_index = ensure_index_page(kind_name="campaign", locale=locale_en)
    CampaignPageFactory(parent=english_index, starts_on=day(6, 1), ends_on=None, topics=[drugs])

    with frozen_at(LAST_SECOND_OF_JUNE_30):
        [campaign] = campaign_index_context(index_page=english_index, params=QueryDict())["running_campaigns"]

    assert [topic.name for topic in campaign.localized_topics] == ["Drugs"]


# Measured with 30 campaigns on SQLite and PostgreSQL: 9 queries for the
# context (topics, view restrictions, then for each section its campaigns and
# their topic links, plus the count of past campaigns) and 24-25 for the whole
# page, about 15 of them Wagtail's routing and the site frame.
CAMPAIGN_CONTEXT_MAX_QUERIES = 9
CAMPAIGN_PAGE_MAX_QUERIES = 28


def many_campaigns(campaign_index, *, count=30):
    topics = [TopicFactory(slug=slug, name=slug.title()) for slug in ("drugs", "violence", "traffic")]
    for number in range(count):
        starts_on = day(1, 1) + datetime.timedelta(days=7 * number)
        ends_on = None if number % 4 == 0 else starts_on + datetime.timedelta(days=20)
        CampaignPageFactory(
            parent=campaign_index,
            starts_on=starts_on,
            ends_on=ends_on,
            topics=[topics[number % 3], topics[(number + 1) % 3]],
        )


def test_campaign_index_context_uses_a_fixed_number_of_queries(campaign_index, django_assert_max_num_queries):
    many_campaigns(campaign_index)

    with frozen_at(LAST_SECOND_OF_JUNE_30), django_assert_max_num_queries(CAMPAIGN_CONTEXT_MAX_QUERIES):
        context = campaign_index_context(index_page=campaign_index, params=QueryDict())
        listed = [*context["running_campaigns"], *context["upcoming_campaigns"], *context["past_campaigns"].object_list]
        for campaign in listed:
            assert len(campaign.localized_topics) == 2

    assert context["running_campaigns"]
    assert context["upcoming_campaigns"]
    assert context["past_campaigns"].object_list


def test_campaign_index_page_renders_three_sections_with_status_badges(client, campaign_index):
    CampaignPageFactory(parent=campaign_index, title="June drive", starts_on=day(6, 1), ends_on=day(6, 30))
    CampaignPageFactory(parent=campaign_index, title="Summer drive", starts_on=day(7, 1), ends_on=None)

    with frozen_at(LAST_SECOND_OF_JUNE_30):
        before = client.get(campaign_index.url).content.decode()
    with frozen_at(MIDNIGHT_JULY_1):
        after = client.get(campaign_index.url).content.decode()

    for html in (before, after):
        assert 'id="running"' in html
        assert 'id="upcoming"' in html
        assert 'id="past"' in html
    running_before = before.split('id="upcoming"')[0]
    assert "June drive" in running_before
    assert '<span class="badge badge--running">' in running_before
    assert '<span class="badge badge--upcoming">' in before
    past_after = after.split('id="past"')[1]
    assert "June drive" in past_after
    assert '<span class="badge badge--ended">' in past_after
    assert "Summer drive" not in past_after


def test_campaign_index_page_survives_bad_past_page(client, campaign_index):
    CampaignPageFactory(parent=campaign_index, starts_on=day(1, 1), ends_on=day(1, 2))

    for value in ("abc", "0", "-1", "99999999999999999999", ""):
        assert client.get(campaign_index.url, {"past_page": value}).status_code == 200


def test_campaign_index_page_has_a_bounded_query_count(client, campaign_index, django_assert_max_num_queries):
    many_campaigns(campaign_index)
    client.get(campaign_index.url)

    with frozen_at(LAST_SECOND_OF_JUNE_30), django_assert_max_num_queries(CAMPAIGN_PAGE_MAX_QUERIES):
        response = client.get(campaign_index.url)

    assert response.status_code == 200
