"""RSS and Atom feeds of the latest campaigns, one per language."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from campaigns.factories import CampaignPageFactory
from home.services import ensure_index_page

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def test_rss_lists_campaigns_with_their_dates(client, campaign_index):
    campaign = CampaignPageFactory(
        parent=campaign_index,
        title="Tháng hành động phòng chống ma túy",
        summary="Cùng nói không.",
        starts_on=datetime.date(2026, 6, 1),
        ends_on=datetime.date(2026, 6, 30),
    )
    CampaignPageFactory(parent=campaign_index, title="Nháp", live=False)

    response = client.get("/rss/campaigns/")

    items = ET.fromstring(response.content).find("channel").findall("item")
    assert [item.findtext("title") for item in items] == ["Tháng hành động phòng chống ma túy"]
    assert items[0].findtext("link") == campaign.get_full_url()
    description = items[0].findtext("description")
    assert "01/06/2026" in description or "tháng 6 năm 2026" in description
    assert description.endswith("Cùng nói không.")


def test_english_atom_feed_lists_english_campaigns(client, campaign_index, locale_en):
    campaign = CampaignPageFactory(parent=campaign_index, ends_on=None)
    ensure_index_page(kind_name="campaign", locale=locale_en)
    english = campaign.copy_for_translation(locale_en)
    english.title = "Drug-free June"
    english.save_revision().publish()

    feed = ET.fromstring(client.get("/en/atom/campaigns/").content)

    (entry,) = feed.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Drug-free June"
    assert entry.findtext(f"{ATOM}summary").startswith("From ")


def test_campaign_pages_and_index_advertise_the_feeds(client, campaign_index):
    campaign = CampaignPageFactory(parent=campaign_index)

    for url in (campaign.url, campaign_index.url):
        html = client.get(url).content.decode()
        assert 'type="application/rss+xml"' in html and 'href="/rss/campaigns/"' in html
        assert 'type="application/atom+xml"' in html and 'href="/atom/campaigns/"' in html
