from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from campaigns.models import CampaignIndexPage, CampaignPage
from home.engagement.feeds import LatestPagesAtomFeed, LatestPagesRssFeed


class CampaignRssFeed(LatestPagesRssFeed):
    page_model = CampaignPage
    index_model = CampaignIndexPage
    section_title = _("Campaigns")
    section_description = _("The latest campaigns published on the portal.")

    def item_description(self, page):
        return f"{campaign_dates(page)}. {super().item_description(page)}".strip()


class CampaignAtomFeed(LatestPagesAtomFeed, CampaignRssFeed):
    pass


def campaign_dates(page):
    starts = date_format(page.starts_on, "DATE_FORMAT")
    if page.ends_on is None:
        return _("From %(start)s") % {"start": starts}
    return _("%(start)s to %(end)s") % {"start": starts, "end": date_format(page.ends_on, "DATE_FORMAT")}
