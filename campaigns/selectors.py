"""Reads of campaigns: the index's running, upcoming and past sections.

A campaign's status comes from its dates and today's date in Vietnam
(TIME_ZONE), through `status_filter` on the query side and
`CampaignPage.status` on the Python side; both use `timezone.localdate()`.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import F, Prefetch, Q
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant

from campaigns.models import CampaignPage, CampaignStatus, status_filter
from home.models import PageTopic, Topic

PAST_PAGE_PARAM = "past_page"


def campaign_pages(*, index_page):
    """Live, public campaigns of `index_page` in its locale, with their topic links."""
    return (
        CampaignPage.objects.live()
        .public()
        .child_of(index_page)
        .filter(locale_id=index_page.locale_id)
        .prefetch_related(
            Prefetch("topic_links", queryset=PageTopic.objects.select_related("topic").order_by("sort_order", "pk"))
        )
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


def topics_by_slug(*, locale_id):
    """Every topic keyed by slug, in the locale `locale_id`, else in the default locale."""
    default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    topics = {}
    for topic in Topic.objects.filter(Q(locale_id=locale_id) | Q(locale__language_code=default_language)):
        if topic.locale_id == locale_id or topic.slug not in topics:
            topics[topic.slug] = topic
    return topics


def attach_localized_topics(pages, *, topics):
    for page in pages:
        page.localized_topics = [topics.get(link.topic.slug, link.topic) for link in page.topic_links.all()]
    return pages


def paginate_past(queryset, *, params):
    """One page of past campaigns (`?past_page=`); a bad page number gets the first or last page."""
    page_obj = Paginator(queryset, settings.PORTAL_LISTING_PAGE_SIZE).get_page(params.get(PAST_PAGE_PARAM))
    page_obj.object_list = list(page_obj.object_list)

    def url_for(number):
        return f"?{PAST_PAGE_PARAM}={number}"

    pagination = {
        "page_obj": page_obj,
        "pages": [
            {
                "number": number,
                "url": url_for(number) if isinstance(number, int) else None,
                "current": number == page_obj.number,
            }
            for number in page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
        ],
        "previous_url": url_for(page_obj.previous_page_number()) if page_obj.has_previous() else None,
        "next_url": url_for(page_obj.next_page_number()) if page_obj.has_next() else None,
    }
    return page_obj, pagination


def campaign_index_context(*, index_page, params):
    """Context of the campaign index: running and upcoming campaigns, and one page of past ones."""
    today = timezone.localdate()
    sections = campaigns_by_status(pages=campaign_pages(index_page=index_page), today=today)
    topics = topics_by_slug(locale_id=index_page.locale_id)

    running = list(sections[CampaignStatus.RUNNING])
    upcoming = list(sections[CampaignStatus.UPCOMING])
    past_page, past_pagination = paginate_past(sections[CampaignStatus.ENDED], params=params)
    for campaigns in (running, upcoming, past_page.object_list):
        attach_localized_topics(campaigns, topics=topics)
    return {
        "today": today,
        "running_campaigns": running,
        "upcoming_campaigns": upcoming,
        "past_campaigns": past_page,
        "past_pagination": past_pagination,
    }
