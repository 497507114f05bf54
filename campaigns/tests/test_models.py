import datetime
from contextlib import contextmanager
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Page

from campaigns.factories import CampaignPageFactory
from campaigns.models import CampaignIndexPage, CampaignPage, CampaignStatus, status_filter, status_on
from home.models import HomePage, StandardPage
from resources.models import ArticleIndexPage, ArticlePage, GuidanceIndexPage, GuidancePage

UTC = datetime.UTC
VIETNAM = datetime.timezone(datetime.timedelta(hours=7))


@contextmanager
def frozen_at(instant):
    """Make `timezone.now()` (and so `timezone.localdate()`) return `instant`."""
    with mock.patch("django.utils.timezone.now", return_value=instant):
        yield


def campaign(starts_on, ends_on):
    return CampaignPage(title="Chiến dịch", starts_on=starts_on, ends_on=ends_on)


JUNE_1, JUNE_30 = datetime.date(2026, 6, 1), datetime.date(2026, 6, 30)


# --- status around midnight in Vietnam ----------------------------------------------


def test_last_second_of_the_end_day_in_vietnam_is_still_running():
    instant = datetime.datetime(2026, 6, 30, 23, 59, 59, tzinfo=VIETNAM)
    assert instant == datetime.datetime(2026, 6, 30, 16, 59, 59, tzinfo=UTC)

    with frozen_at(instant):
        assert timezone.localdate() == JUNE_30
        assert campaign(JUNE_1, JUNE_30).status == CampaignStatus.RUNNING


def test_midnight_after_the_end_day_in_vietnam_has_ended_while_utc_is_still_on_the_end_day():
    instant = datetime.datetime(2026, 7, 1, 0, 0, 0, tzinfo=VIETNAM)
    assert instant == datetime.datetime(2026, 6, 30, 16, 59, 59, tzinfo=UTC) + datetime.timedelta(seconds=1)
    assert instant.astimezone(UTC).date() == JUNE_30

    with frozen_at(instant):
        assert timezone.localdate() == datetime.date(2026, 7, 1)
        assert campaign(JUNE_1, JUNE_30).status == CampaignStatus.ENDED
        assert campaign(JUNE_1, JUNE_30).get_status_display() == CampaignStatus.ENDED.label


def test_start_day_begins_at_midnight_in_vietnam():
    last_second_before = datetime.datetime(2026, 5, 31, 16, 59, 59, tzinfo=UTC)  # 23:59:59 on 31 May in Vietnam
    midnight = last_second_before + datetime.timedelta(seconds=1)  # 00:00 on 1 June in Vietnam, still 31 May in UTC

    with frozen_at(last_second_before):
        assert campaign(JUNE_1, JUNE_30).status == CampaignStatus.UPCOMING
    with frozen_at(midnight):
        assert midnight.astimezone(UTC).date() == datetime.date(2026, 5, 31)
        assert campaign(JUNE_1, JUNE_30).status == CampaignStatus.RUNNING


def test_a_one_day_campaign_runs_for_that_whole_day_in_vietnam():
    day = datetime.date(2026, 6, 15)
    start_of_day = datetime.datetime(2026, 6, 15, 0, 0, tzinfo=VIETNAM)
    end_of_day = datetime.datetime(2026, 6, 15, 23, 59, 59, tzinfo=VIETNAM)

    for instant, expected in [
        (start_of_day - datetime.timedelta(seconds=1), CampaignStatus.UPCOMING),
        (start_of_day, CampaignStatus.RUNNING),
        (end_of_day, CampaignStatus.RUNNING),
        (end_of_day + datetime.timedelta(seconds=1), CampaignStatus.ENDED),
    ]:
        with frozen_at(instant):
            assert campaign(day, day).status == expected, instant


def test_an_open_ended_campaign_never_ends():
    for instant in (
        datetime.datetime(2026, 6, 1, 0, 0, tzinfo=VIETNAM),
        datetime.datetime(2030, 1, 1, tzinfo=UTC),
        datetime.datetime(9999, 12, 30, tzinfo=UTC),
    ):
        with frozen_at(instant):
            assert campaign(JUNE_1, None).status == CampaignStatus.RUNNING


def test_status_on_is_inclusive_of_both_dates():
    assert status_on(starts_on=JUNE_1, ends_on=JUNE_30, today=datetime.date(2026, 5, 31)) == CampaignStatus.UPCOMING
    assert status_on(starts_on=JUNE_1, ends_on=JUNE_30, today=JUNE_1) == CampaignStatus.RUNNING
    assert status_on(starts_on=JUNE_1, ends_on=JUNE_30, today=JUNE_30) == CampaignStatus.RUNNING
    assert status_on(starts_on=JUNE_1, ends_on=JUNE_30, today=datetime.date(2026, 7, 1)) == CampaignStatus.ENDED


@pytest.mark.django_db
def test_status_filter_agrees_with_status_at_every_boundary(campaign_index):
    campaigns = [
        CampaignPageFactory(parent=campaign_index, starts_on=JUNE_1, ends_on=JUNE_30),
        CampaignPageFactory(parent=campaign_index, starts_on=JUNE_30, ends_on=JUNE_30),
        CampaignPageFactory(parent=campaign_index, starts_on=JUNE_1, ends_on=None),
        CampaignPageFactory(parent=campaign_index, starts_on=datetime.date(2026, 7, 1), ends_on=None),
        CampaignPageFactory(
            parent=campaign_index, starts_on=datetime.date(2026, 5, 1), ends_on=datetime.date(2026, 5, 31)
        ),
    ]
    midnights = [
        datetime.datetime(2026, month, day, 0, 0, tzinfo=VIETNAM)
        for month, day in [(5, 31), (6, 1), (6, 30), (7, 1), (7, 2)]
    ]
    instants = [
        instant + delta for instant in midnights for delta in (-datetime.timedelta(seconds=1), datetime.timedelta())
    ]

    for instant in instants:
        with frozen_at(instant):
            today = timezone.localdate()
            for status in CampaignStatus:
                in_query = set(
                    CampaignPage.objects.filter(status_filter(status, today=today)).values_list("pk", flat=True)
                )
                in_python = {page.pk for page in campaigns if CampaignPage.objects.get(pk=page.pk).status == status}
                assert in_query == in_python, (instant, status)


# --- validation -------------------------------------------------------------------------


def test_end_date_cannot_be_before_start_date():
    with pytest.raises(ValidationError) as error:
        campaign(JUNE_30, JUNE_1).clean()
    assert "ends_on" in error.value.message_dict


def test_end_date_may_be_the_start_date_or_empty():
    campaign(JUNE_1, JUNE_1).clean()
    campaign(JUNE_1, None).clean()


# --- page tree ----------------------------------------------------------------------------


def fresh(page):
    """`page` read again: treebeard trusts a stale `numchild`, so rules must see the current tree."""
    return Page.objects.get(pk=page.pk).specific


def creatable_under(parent):
    """The page types an editor is offered under `parent` (as Wagtail's "add child page" view)."""
    parent = fresh(parent)
    return {model for model in type(parent).creatable_subpage_models() if model.can_create_at(parent)}


@pytest.mark.django_db
def test_campaign_index_sits_once_under_each_home_page(home_page, home_page_en, campaign_index):
    assert CampaignIndexPage.allowed_parent_page_models() == [HomePage]
    assert not CampaignIndexPage.can_create_at(fresh(home_page))
    assert CampaignIndexPage.can_create_at(fresh(home_page_en))
    assert CampaignIndexPage not in creatable_under(home_page)


@pytest.mark.django_db
def test_campaign_index_only_holds_campaigns(campaign_index):
    assert creatable_under(campaign_index) == {CampaignPage}
    for model in (ArticlePage, GuidancePage, StandardPage, ArticleIndexPage, GuidanceIndexPage, CampaignIndexPage):
        assert not model.can_create_at(fresh(campaign_index)), model


@pytest.mark.django_db
def test_campaigns_live_only_in_a_campaign_index_and_have_no_children(
    home_page, campaign_index, article_index, guidance_index
):
    page = CampaignPageFactory(parent=campaign_index)

    assert CampaignPage.allowed_parent_page_models() == [CampaignIndexPage]
    assert CampaignPage.can_create_at(fresh(campaign_index))
    for parent in (home_page, article_index, guidance_index, page):
        assert not CampaignPage.can_create_at(fresh(parent)), parent
    assert creatable_under(page) == set()
