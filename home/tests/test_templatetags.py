import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import resolve
from django.utils import translation

from home.factories import HotlineFactory, SiteAlertFactory
from home.models import PortalSettings, PortalSettingsHotline
from home.templatetags import portal_tags
from resources.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def page_request(path="/"):
    request = RequestFactory().get(path)
    request.resolver_match = resolve(path)
    return request


def render(source, **context):
    return Template("{% load portal_tags %}" + source).render(Context(context))


def english_version(hotline, locale_en, name):
    english = hotline.copy_for_translation(locale_en)
    english.name = name
    english.save()
    return english


def test_localized_hotline_uses_the_pages_language_version(article_index, locale_en):
    hotline = HotlineFactory(number="111", name="Tổng đài")
    english = english_version(hotline, locale_en, "Hotline")
    from home.services import ensure_index_page

    english_index = ensure_index_page(kind_name="article", locale=locale_en)
    context = {"request": page_request(), "page": english_index}

    assert portal_tags.localized_hotline(context, hotline) == english
    assert portal_tags.localized_hotline({"request": page_request(), "page": article_index}, hotline) == hotline


def test_localized_hotline_outside_a_response_is_left_as_chosen(locale_en, django_assert_num_queries):
    hotline = HotlineFactory(number="111")
    english_version(hotline, locale_en, "Hotline")

    with django_assert_num_queries(0):
        assert portal_tags.localized_hotline({}, hotline) == hotline


def test_hotlines_with_site_puts_the_pages_first_without_repeating_numbers(home_page, article_index):
    portal_settings = PortalSettings.for_site(home_page.get_site())
    site_wide = [HotlineFactory(number="111", name="Tổng đài"), HotlineFactory(number="113", name="Công an")]
    for order, hotline in enumerate(site_wide):
        PortalSettingsHotline.objects.create(settings=portal_settings, hotline=hotline, sort_order=order)
    own = HotlineFactory(number="113", name="Công an phường")
    campaign_stream = [type("Block", (), {"value": {"hotline": own}})()]
    context = Context({"request": page_request(), "page": article_index})

    hotlines = portal_tags.hotlines_with_site(context, campaign_stream)

    assert [(h.number, h.name) for h in hotlines] == [("113", "Công an phường"), ("111", "Tổng đài")]


def test_site_alert_renders_nothing_when_unset(home_page):
    assert render("{% site_alert %}", request=page_request(), page=home_page).strip() == ""


def test_site_alert_renders_the_message_and_its_link(home_page):
    portal_settings = PortalSettings.for_site(home_page.get_site())
    portal_settings.alert = SiteAlertFactory(message="Lịch nghỉ Tết", link_url="https://example.org/tet")
    portal_settings.save()

    html = render("{% site_alert %}", request=page_request(), page=home_page)

    assert 'class="site-alert site-alert--info"' in html
    assert "Lịch nghỉ Tết" in html
    assert 'href="https://example.org/tet"' in html


def test_breadcrumbs_are_empty_on_the_home_page(home_page):
    assert render("{% breadcrumbs %}", request=page_request(), page=home_page).strip() == ""


def test_page_description_falls_back_to_summary_and_is_shortened(article_index):
    article = ArticlePageFactory(parent=article_index, summary="Một câu rất dài. " * 30)

    description = portal_tags.page_description({"page": article})

    assert len(description) <= portal_tags.DESCRIPTION_LENGTH
    assert description.startswith("Một câu rất dài.")
    article.search_description = "Mô tả riêng."
    assert portal_tags.page_description({"page": article}) == "Mô tả riêng."


def test_language_links_of_a_django_view_keep_the_path_and_query(home_page):
    request = page_request("/search/")
    request.META["QUERY_STRING"] = "q=ma+t%C3%BAy"

    with translation.override("vi"):
        links = {link["code"]: link for link in portal_tags.language_links(Context({"request": request}))}

    assert links["en"]["url"] == "/en/search/?q=ma+t%C3%BAy"
    assert links["vi"]["is_current"]


def test_menu_items_mark_the_section_of_the_current_page(article_index, guidance_index):
    article = ArticlePageFactory(parent=article_index)

    items = portal_tags.menu_items(Context({"request": page_request(), "page": article}))

    assert [(item["url"], item["is_current"]) for item in items] == [
        (article_index.url, True),
        (guidance_index.url, False),
    ]
