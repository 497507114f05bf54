"""Campaign pages as readers get them."""

import datetime
import re

import pytest
from django.utils import timezone

from campaigns.factories import CampaignPageFactory
from campaigns.models import CampaignRelatedLink
from home.factories import HotlineFactory, TopicFactory
from home.models import PortalSettings, PortalSettingsHotline
from home.services import ensure_index_page
from resources.factories import ArticlePageFactory, GuidancePageFactory

pytestmark = pytest.mark.django_db

CAMPAIGN_MAX_QUERIES = 25


@pytest.fixture
def site_hotline(home_page):
    hotline = HotlineFactory(number="111", name="Tổng đài quốc gia bảo vệ trẻ em")
    PortalSettingsHotline.objects.create(settings=PortalSettings.for_site(home_page.get_site()), hotline=hotline)
    return hotline


@pytest.fixture
def campaign(campaign_index, article_index, guidance_index, site_hotline):
    today = timezone.localdate()
    page = CampaignPageFactory(
        parent=campaign_index,
        title="Tháng hành động phòng chống ma túy",
        summary="Cả trường cùng hành động.",
        starts_on=today - datetime.timedelta(days=10),
        ends_on=today + datetime.timedelta(days=20),
        goal="Mọi học sinh biết cách từ chối ma túy.",
        call_to_action_label="Đăng ký tham gia",
        call_to_action_url="https://example.org/dang-ky",
        activities=[
            ("activity", {"date": datetime.date(2026, 6, 5), "title": "Mít tinh", "description": "Tại sân trường"}),
            ("activity", {"date": datetime.date(2026, 6, 20), "title": "Thi vẽ tranh", "description": ""}),
        ],
        hotlines=[("hotline", {"hotline": HotlineFactory(number="113", name="Công an")})],
        topics=[TopicFactory(slug="drugs", name="Ma túy")],
    )
    related = [
        ArticlePageFactory(parent=article_index, title="Ma túy và pháp luật"),
        GuidancePageFactory(parent=guidance_index, title="Kế hoạch tháng hành động"),
    ]
    for order, related_page in enumerate(related):
        CampaignRelatedLink.objects.create(campaign=page, page=related_page, sort_order=order)
    return page


def test_campaign_shows_status_dates_goal_and_call_to_action(client, campaign):
    html = client.get(campaign.url).content.decode()

    assert '<span class="badge badge--running">Đang diễn ra</span>' in html
    assert "<h1>Tháng hành động phòng chống ma túy</h1>" in html
    start = campaign.starts_on
    assert f"Ngày {start:%d} tháng {start.month} năm {start.year}" in html
    assert "Mọi học sinh biết cách từ chối ma túy." in html
    assert '<a class="button button--primary" href="https://example.org/dang-ky">Đăng ký tham gia</a>' in html


def test_campaign_status_badge_follows_the_dates(client, campaign):
    campaign.starts_on = timezone.localdate() + datetime.timedelta(days=3)
    campaign.ends_on = None
    campaign.save_revision().publish()

    html = client.get(campaign.url).content.decode()

    assert '<span class="badge badge--upcoming">Sắp diễn ra</span>' in html
    assert "<dt>Kết thúc</dt>\n<dd>Chưa có ngày kết thúc</dd>" in html


def test_campaign_activities_form_a_dated_timeline(client, campaign):
    html = client.get(campaign.url).content.decode()
    timeline = re.search(r'<ol class="timeline">.*?</ol>', html, re.S).group(0)

    assert timeline.count('<li class="timeline__item">') == 2
    assert '<time class="timeline__date" datetime="2026-06-05">' in timeline
    assert "Thi vẽ tranh" in timeline


def test_campaign_lists_its_own_hotlines_then_the_sites(client, campaign):
    html = client.get(campaign.url).content.decode()
    aside = re.search(r'<aside class="help-aside".*?</aside>', html, re.S).group(0)

    assert aside.index('href="tel:113"') < aside.index('href="tel:111"')


def test_campaign_lists_its_related_items_in_order(client, campaign):
    html = client.get(campaign.url).content.decode()
    related = re.search(r'<section class="related".*?</section>', html, re.S).group(0)

    assert related.index("Ma túy và pháp luật") < related.index("Kế hoạch tháng hành động")


def test_campaign_renders_in_english(client, campaign, locale_en):
    ensure_index_page(kind_name="campaign", locale=locale_en)
    english = campaign.copy_for_translation(locale_en)
    english.save_revision().publish()

    response = client.get(english.get_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert english.get_url().startswith("/en/")
    assert '<span class="badge badge--running">Running</span>' in html
    assert "June 5, 2026" in html


def test_campaign_query_count_is_bounded(client, campaign, django_assert_max_num_queries):
    client.get(campaign.url)
    with django_assert_max_num_queries(CAMPAIGN_MAX_QUERIES):
        assert client.get(campaign.url).status_code == 200
