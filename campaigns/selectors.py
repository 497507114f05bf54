"""Reads of campaigns: the index's running, upcoming and past sections.

A campaign's status comes from its dates and today's date in Vietnam
(TIME_ZONE), through `status_filter` on the query side and
`CampaignPage.status` on the Python side; both use `timezone.localdate()`.
"""

from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from campaigns.models import CampaignPage, CampaignStatus, status_filter
from home.selectors import attach_localized_topics, paginate, topics_by_slug, with_topic_links

PAST_PAGE_PARAM = "past_page"


def campaign_pages(*, index_page):
    """Live, public campaigns of `index_page` in its locale, with their topic links."""
    return with_topic_links(
        CampaignPage.objects.live().public().child_of(index_page).filter(locale_id=index_page.locale_id)
    )


def campaigns_by_status(*, pages, today):
    """{status: queryset} in reading order.

    Running campaigns end soonest first (open-ended last), upcoming ones
    start soonest first, past ones ended most recently first.
    """
    return {
        CampaignStatus.RUNNING: pages.filter(status_filter(CampaignStatus.RUNNING, today=today)).order_by(
            F("ends_on").asc(nulls_last=True), "starts_on", "pk"
        ),
        CampaignStatus.UPCOMING: pages.filter(status_filter(CampaignStatus.UPCOMING, today=today)).order_by(
            "starts_on", F("ends_on").asc(nulls_last=True), "pk"
        ),
        CampaignStatus.ENDED: pages.filter(status_filter(CampaignStatus.ENDED, today=today)).order_by(
            "-ends_on", "-starts_on", "-pk"
        ),
    }


def campaign_index_context(*, index_page, params):
    """Context of the campaign index: running and upcoming campaigns, and one page of past ones."""
    today = timezone.localdate()
    sections = campaigns_by_status(pages=campaign_pages(index_page=index_page), today=today)
    topics = topics_by_slug(locale_id=index_page.locale_id)

    running = list(sections[CampaignStatus.RUNNING])
    upcoming = list(sections[CampaignStatus.UPCOMING])
    past_page, past_pagination = paginate(sections[CampaignStatus.ENDED], params=params, param_name=PAST_PAGE_PARAM)
    for campaigns in (running, upcoming, past_page.object_list):
        attach_localized_topics(campaigns, topics=topics)
    return {
        "today": today,
        "running_campaigns": running,
        "upcoming_campaigns": upcoming,
        "past_campaigns": past_page,
        "past_pagination": past_pagination,
    }


def live_public_campaign(*, page_id):
    # Looked up through the base page: a lookup on the child's page_ptr key is
    # not range-checked, and an id beyond the column's range would be a 500.
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None or page.specific_class is not CampaignPage:
        return None
    return CampaignPage.objects.select_related("locale").get(pk=page.pk)
