import pytest
from wagtail.contrib.redirects.models import Redirect

from campaigns.factories import CampaignPageFactory
from home import demo
from home.models import HomePage, Hotline, PortalSettings, PortalSettingsHotline, StandardPage
from home.services import ensure_index_page
from resources.factories import ArticlePageFactory, GuidancePageFactory

pytestmark = pytest.mark.django_db


def counts():
    return {
        "home_pages": HomePage.objects.count(),
        "hotlines": Hotline.objects.count(),
        "settings_hotlines": PortalSettingsHotline.objects.count(),
        "standard_pages": StandardPage.objects.count(),
        "redirects": Redirect.objects.count(),
    }


def test_set_up_demo_site_twice_creates_nothing_new(home_page):
    demo.set_up_demo_site()
    after_first_run = counts()

    demo.set_up_demo_site()

    assert counts() == after_first_run
    assert after_first_run == {
        "home_pages": 2,
        "hotlines": 2 * len(demo.HOTLINES),
        "settings_hotlines": len(demo.HOTLINES),
        "standard_pages": 2 * len(demo.STANDARD_PAGES),
        "redirects": 0,
    }


def test_set_up_demo_site_writes_both_languages(home_page, locale_en):
    demo.set_up_demo_site()

    home_page.refresh_from_db()
    home_en = HomePage.objects.get(depth=2, locale=locale_en)
    assert home_page.hero_title == demo.HOME_PAGE_TEXT["vi"]["hero_title"]
    assert home_en.hero_title == demo.HOME_PAGE_TEXT["en"]["hero_title"]
    assert home_en.live
    hotline_en = Hotline.objects.get(locale=locale_en, number="111")
    assert hotline_en.name == "National child protection hotline"
    settings = PortalSettings.for_site(home_page.get_site())
    assert [hotline.number for hotline in settings.localized_hotlines(locale_en)][:4] == ["111", "113", "114", "115"]


def test_standard_pages_link_the_policy_pages_of_their_own_locale(home_page, locale_en):
    pages = demo.set_up_demo_site()["standard_pages"]

    for language_code in ("vi", "en"):
        about = StandardPage.objects.get(pk=pages[language_code]["about"].pk)
        sources = "".join(block.value.source for block in about.body if block.block_type == "paragraph")
        for key in ("privacy", "accessibility"):
            assert f'linktype="page" id="{pages[language_code][key].pk}"' in sources
    about_en = pages["en"]["about"]
    assert about_en.translation_key == pages["vi"]["about"].translation_key
    assert about_en.get_parent().specific == HomePage.objects.get(depth=2, locale=locale_en)


def test_feature_demo_content_links_each_home_page_to_its_own_locale(home_page, campaign_index, guidance_index):
    demo.set_up_demo_site()
    running, upcoming = (CampaignPageFactory(parent=campaign_index, slug=slug) for slug in demo.FEATURED_CAMPAIGN_SLUGS)
    resource = GuidancePageFactory(parent=guidance_index, slug=demo.FEATURED_RESOURCE_SLUGS[0])
    CampaignPageFactory(parent=campaign_index, slug="not-featured")
    home_en = HomePage.objects.get(depth=2, locale__language_code="en")
    ensure_index_page(kind_name="campaign", locale=home_en.locale)
    running_en = running.copy_for_translation(home_en.locale)
    running_en.save_revision().publish()

    featured = demo.feature_demo_content()

    home_page.refresh_from_db()
    home_en.refresh_from_db()
    assert [link.page_id for link in home_page.featured_campaigns.all()] == [running.pk, upcoming.pk]
    assert [link.page_id for link in home_page.featured_resources.all()] == [resource.pk]
    assert [link.page_id for link in home_en.featured_campaigns.all()] == [running_en.pk]
    assert list(home_en.featured_resources.all()) == []
    assert featured == {"vi": (2, 1), "en": (1, 0)}


def test_site_has_content_only_with_content_pages(home_page, article_index):
    demo.set_up_demo_site()
    assert not demo.site_has_content()

    ArticlePageFactory(parent=article_index)

    assert demo.site_has_content()
