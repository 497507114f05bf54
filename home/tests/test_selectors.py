import datetime

import pytest
from django.utils import timezone

from campaigns.factories import CampaignPageFactory
from home import selectors
from home.factories import HotlineFactory, SiteAlertFactory, StandardPageFactory, TopicFactory
from home.models import (
    HomePageFeaturedCampaign,
    HomePageFeaturedResource,
    PageTopic,
    PortalSettings,
    PortalSettingsHotline,
)
from home.services import ensure_index_page
from resources.factories import ArticlePageFactory, GuidancePageFactory

pytestmark = pytest.mark.django_db


def translate(instance, locale):
    """A published (pages) or saved (snippets) translation of `instance`."""
    copy = instance.copy_for_translation(locale)
    if hasattr(copy, "save_revision"):
        copy.save_revision().publish()
        return type(copy).objects.get(pk=copy.pk)
    copy.save()
    return copy


def titles(pages):
    return [page.title for page in pages]


# --- home_page_context -------------------------------------------------------


def test_featured_campaigns_are_live_specific_and_in_link_order(home_page, campaign_index):
    first = CampaignPageFactory(parent=campaign_index, title="Thứ nhất")
    second = CampaignPageFactory(parent=campaign_index, title="Thứ hai")
    draft = CampaignPageFactory(parent=campaign_index, title="Bản nháp", live=False)
    for order, page in enumerate([second, draft, first]):
        HomePageFeaturedCampaign.objects.create(home_page=home_page, page=page, sort_order=order)

    featured = selectors.home_page_context(home_page=home_page)["featured_campaigns"]

    assert titles(featured) == ["Thứ hai", "Thứ nhất"]
    assert all(hasattr(page, "starts_on") for page in featured)


def test_english_home_features_the_english_versions_of_linked_pages(
    home_page, campaign_index, guidance_index, home_page_en, locale_en
):
    campaign = CampaignPageFactory(parent=campaign_index, title="Chiến dịch")
    only_vietnamese = CampaignPageFactory(parent=campaign_index, title="Chỉ tiếng Việt")
    resource = GuidancePageFactory(parent=guidance_index, title="Tài liệu")
    HomePageFeaturedCampaign.objects.create(home_page=home_page_en, page=campaign, sort_order=0)
    HomePageFeaturedCampaign.objects.create(home_page=home_page_en, page=only_vietnamese, sort_order=1)
    HomePageFeaturedResource.objects.create(home_page=home_page_en, page=resource)
    ensure_index_page(kind_name="campaign", locale=locale_en)
    english_campaign = translate(campaign, locale_en)

    context = selectors.home_page_context(home_page=home_page_en)

    assert [page.pk for page in context["featured_campaigns"]] == [english_campaign.pk]
    assert context["featured_resources"] == []


def test_latest_articles_are_the_newest_live_ones_of_the_locale(home_page, article_index, locale_en):
    for day in range(1, 5):
        ArticlePageFactory(
            parent=article_index, title=f"Ngày {day}", published_at=datetime.datetime(2025, 1, day, tzinfo=datetime.UTC)
        )
    ArticlePageFactory(parent=article_index, title="Nháp", live=False)
    home_page.latest_articles_count = 2

    latest = selectors.home_page_context(home_page=home_page)["latest_articles"]

    assert titles(latest) == ["Ngày 4", "Ngày 3"]


def test_latest_articles_can_be_switched_off(home_page, article_index):
    ArticlePageFactory(parent=article_index)
    home_page.latest_articles_count = 0

    assert selectors.home_page_context(home_page=home_page)["latest_articles"] == []


def test_home_context_has_index_pages_by_kind_and_site_hotlines(home_page, article_index, guidance_index):
    hotline = HotlineFactory(number="111")
    PortalSettingsHotline.objects.create(settings=PortalSettings.for_site(home_page.get_site()), hotline=hotline)
    home_page.refresh_from_db()

    context = selectors.home_page_context(home_page=home_page)

    assert context["index_pages"]["article"].pk == article_index.pk
    assert context["index_pages"]["resource"].pk == guidance_index.pk
    assert "campaign" not in context["index_pages"]
    assert context["hotlines"] == [hotline]


def test_english_home_gets_the_english_wording_of_the_site_hotlines(home_page, home_page_en, locale_en):
    hotline = HotlineFactory(number="111", name="Tổng đài bảo vệ trẻ em")
    PortalSettingsHotline.objects.create(settings=PortalSettings.for_site(home_page.get_site()), hotline=hotline)
    english = translate(hotline, locale_en)
    english.name = "Child protection hotline"
    english.save()

    assert [h.name for h in selectors.home_page_context(home_page=home_page_en)["hotlines"]] == [english.name]


# --- navigation --------------------------------------------------------------


def test_main_menu_has_index_pages_and_pages_shown_in_menus_in_tree_order(home_page, article_index, campaign_index):
    StandardPageFactory(parent=home_page, title="Giới thiệu", show_in_menus=True)
    StandardPageFactory(parent=home_page, title="Chính sách riêng tư", show_in_menus=False)
    home_page.refresh_from_db()

    assert titles(selectors.main_menu_pages(home_page=home_page)) == [
        article_index.title,
        campaign_index.title,
        "Giới thiệu",
    ]


def test_breadcrumbs_run_from_home_to_the_parent(home_page, article_index):
    article = ArticlePageFactory(parent=article_index)

    assert [page.pk for page in selectors.breadcrumb_pages(page=article)] == [home_page.pk, article_index.pk]
    assert selectors.breadcrumb_pages(page=home_page) == []


def test_language_versions_prefer_the_translation_then_the_home_page(article_index, home_page_en, locale_en):
    article = ArticlePageFactory(parent=article_index)
    versions = {v["code"]: v for v in selectors.language_versions(page=article, current_language="vi")}

    assert versions["vi"]["page"] == article
    assert versions["vi"]["is_current"]
    assert versions["en"]["page"].pk == home_page_en.pk

    ensure_index_page(kind_name="article", locale=locale_en)
    english = translate(article, locale_en)
    versions = {v["code"]: v for v in selectors.language_versions(page=article, current_language="vi")}
    assert versions["en"]["page"].pk == english.pk


def test_language_versions_without_a_page_are_the_home_pages(home_page):
    versions = {v["code"]: v for v in selectors.language_versions(current_language="en")}

    assert versions["vi"]["page"].pk == home_page.pk
    assert versions["en"]["page"] is None
    assert versions["en"]["is_current"]


# --- site-wide settings ------------------------------------------------------


def test_alert_is_shown_in_the_locale_else_as_linked(home_page, locale_en, locale_vi):
    portal_settings = PortalSettings.for_site(home_page.get_site())
    assert selectors.localized_alert(portal_settings=portal_settings, locale_id=locale_vi.pk) is None

    alert = SiteAlertFactory(message="Bão sắp đến")
    portal_settings.alert = alert
    portal_settings.save()
    assert selectors.localized_alert(portal_settings=portal_settings, locale_id=locale_en.pk) == alert

    english = translate(alert, locale_en)
    assert selectors.localized_alert(portal_settings=portal_settings, locale_id=locale_en.pk) == english
    assert selectors.localized_alert(portal_settings=portal_settings, locale_id=locale_vi.pk) == alert


def test_topics_are_shown_in_the_pages_locale_when_translated(article_index, locale_en):
    drugs = TopicFactory(slug="drugs", name="Ma túy")
    violence = TopicFactory(slug="violence", name="Bạo lực")
    english_drugs = translate(drugs, locale_en)
    english_drugs.name = "Drugs"
    english_drugs.save()
    ensure_index_page(kind_name="article", locale=locale_en)
    english_article = translate(ArticlePageFactory(parent=article_index), locale_en)
    PageTopic.objects.filter(page=english_article).delete()
    for topic in (drugs, violence):  # links still pointing at the Vietnamese topics
        PageTopic.objects.create(page=english_article, topic=topic)

    assert [topic.name for topic in selectors.localized_topics(page=english_article)] == ["Drugs", "Bạo lực"]


def test_featured_upcoming_campaign_knows_its_status(home_page, campaign_index):
    starts_on = timezone.localdate() + datetime.timedelta(days=5)
    upcoming = CampaignPageFactory(parent=campaign_index, starts_on=starts_on, ends_on=None)
    HomePageFeaturedCampaign.objects.create(home_page=home_page, page=upcoming)

    assert [page.status for page in selectors.home_page_context(home_page=home_page)["featured_campaigns"]] == [
        "upcoming"
    ]
