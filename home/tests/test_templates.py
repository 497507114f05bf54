"""The public frame and the foundation's pages: home, standard, errors, robots and sitemap."""

import datetime
import re

import pytest
from django.test import RequestFactory
from django.utils import timezone
from wagtail.rich_text import RichText

from campaigns.factories import CampaignPageFactory
from home.factories import HotlineFactory, ImageFactory, SiteAlertFactory, StandardPageFactory
from home.models import HomePageFeaturedCampaign, HomePageFeaturedResource, PortalSettings, PortalSettingsHotline
from home.views import server_error
from resources.factories import ArticlePageFactory, GuidancePageFactory

pytestmark = pytest.mark.django_db

HOME_MAX_QUERIES = 22
STANDARD_MAX_QUERIES = 18


@pytest.fixture
def site_hotlines(home_page):
    portal_settings = PortalSettings.for_site(home_page.get_site())
    hotlines = [HotlineFactory(number="111", name="Tổng đài 111"), HotlineFactory(number="113", name="Công an")]
    for order, hotline in enumerate(hotlines):
        PortalSettingsHotline.objects.create(settings=portal_settings, hotline=hotline, sort_order=order)
    return hotlines


@pytest.fixture
def furnished_home(home_page, article_index, guidance_index, campaign_index, site_hotlines):
    """A home page with every section filled in."""
    today = timezone.localdate()
    campaign = CampaignPageFactory(
        parent=campaign_index,
        title="Tháng hành động",
        starts_on=today - datetime.timedelta(days=1),
        ends_on=today + datetime.timedelta(days=30),
    )
    ended = CampaignPageFactory(
        parent=campaign_index,
        title="Chiến dịch năm ngoái",
        starts_on=today - datetime.timedelta(days=400),
        ends_on=today - datetime.timedelta(days=300),
    )
    resource = GuidancePageFactory(parent=guidance_index, title="Công văn hướng dẫn", document_number="12/BGDĐT")
    for day in range(1, 5):
        ArticlePageFactory(
            parent=article_index,
            title=f"Bài viết {day}",
            published_at=datetime.datetime(2025, 1, day, tzinfo=datetime.UTC),
        )
    HomePageFeaturedCampaign.objects.create(home_page=home_page, page=campaign, sort_order=0)
    HomePageFeaturedCampaign.objects.create(home_page=home_page, page=ended, sort_order=1)
    HomePageFeaturedResource.objects.create(home_page=home_page, page=resource, sort_order=0)
    home_page.refresh_from_db()  # the index pages were added through another instance
    home_page.hero_title = "An toàn học đường"
    home_page.hero_message = "Thông tin cho học sinh, phụ huynh và thầy cô."
    home_page.hero_image = ImageFactory()
    home_page.search_prompt = "Ví dụ: bạo lực học đường"
    home_page.campaigns_heading = "Chiến dịch nổi bật"
    home_page.articles_heading = "Bài viết mới"
    home_page.latest_articles_count = 3
    home_page.resources_heading = "Tài liệu"
    home_page.hotlines_heading = "Cần giúp đỡ?"
    home_page.hotlines_message = "Gọi ngay cho các số sau."
    home_page.save_revision().publish()
    return home_page


def section(html, heading_id):
    match = re.search(rf'<section[^>]*aria-labelledby="{heading_id}".*?</section>', html, re.S)
    assert match, f"no section labelled by {heading_id}"
    return match.group(0)


# --- Frame -------------------------------------------------------------------


def test_every_page_has_the_accessible_frame(client, home_page):
    html = client.get("/").content.decode()

    assert '<html lang="vi">' in html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert '<link rel="stylesheet" href="/static/css/portal.css">' in html
    assert re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html) is None  # no inline script (strict CSP ahead)
    assert re.search(r"\son[a-z]+=", html) is None


def test_header_has_search_form_language_switcher_and_main_navigation(
    client, home_page, home_page_en, article_index, guidance_index
):
    standard = StandardPageFactory(parent=home_page, title="Giới thiệu")
    html = client.get(standard.url).content.decode()

    assert '<form class="site-search" role="search" action="/search/" method="get">' in html
    assert '<input type="search" name="q" id="site-search" autocomplete="off"' in html
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    assert f'<a href="{article_index.url}">' in nav
    assert f'<a href="{guidance_index.url}">' in nav
    assert '<nav class="language-switcher"' in html
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in html


def test_language_switcher_is_hidden_while_only_one_language_has_a_site(client, home_page):
    assert '<nav class="language-switcher"' not in client.get("/").content.decode()


def test_language_switcher_points_to_the_live_translation(client, article_index, locale_en):
    from home.services import ensure_index_page

    english = ensure_index_page(kind_name="article", locale=locale_en)
    html = client.get(article_index.url).content.decode()

    assert f'<a href="{english.url}" hreflang="en" lang="en">English</a>' in html
    english_html = client.get(english.url).content.decode()
    assert f'<a href="{article_index.url}" hreflang="vi" lang="vi">Tiếng Việt</a>' in english_html
    assert '<span aria-current="true" lang="en">English</span>' in english_html


def test_social_image_is_offered_to_sharing_sites_at_full_url(client, home_page):
    home_page.refresh_from_db()
    home_page.social_image = ImageFactory()
    home_page.search_description = "Cổng thông tin cho học sinh."
    home_page.save_revision().publish()

    html = client.get("/").content.decode()

    assert re.search(r'<meta property="og:image" content="http://testserver/media/images/[^"]+\.fill-1200x630', html)
    assert '<meta property="og:description" content="Cổng thông tin cho học sinh.">' in html
    assert '<link rel="canonical" href="http://localhost/">' in html


def test_site_alert_is_shown_on_every_page(client, home_page):
    portal_settings = PortalSettings.for_site(home_page.get_site())
    portal_settings.alert = SiteAlertFactory(message="Nghỉ học do bão", level="urgent", link_url="https://example.org")
    portal_settings.save()

    html = client.get("/").content.decode()

    assert '<div class="site-alert site-alert--urgent"' in html
    assert "Nghỉ học do bão" in html
    assert '<a href="https://example.org">' in html


def test_footer_lists_the_site_hotlines_as_phone_links(client, article_index, site_hotlines):
    html = client.get(article_index.url).content.decode()
    footer = re.search(r'<footer class="site-footer">.*?</footer>', html, re.S).group(0)

    assert '<a class="hotline__number" href="tel:111">' in footer
    assert '<span class="hotline__name">Công an</span>' in footer


# --- Home page ---------------------------------------------------------------


def test_home_page_shows_hero_and_big_search_box(client, furnished_home):
    html = client.get("/").content.decode()

    assert '<h1 id="hero-title">An toàn học đường</h1>' in html
    assert "Thông tin cho học sinh, phụ huynh và thầy cô." in html
    assert 'placeholder="Ví dụ: bạo lực học đường"' in html
    assert html.count('id="site-search"') == 1
    assert '<div class="hero__image"><picture>' in html


def test_home_page_features_campaigns_with_status_badges(client, furnished_home, campaign_index):
    campaigns = section(client.get("/").content.decode(), "campaigns-heading")

    assert "Chiến dịch nổi bật" in campaigns
    assert campaigns.index("Tháng hành động") < campaigns.index("Chiến dịch năm ngoái")
    assert '<span class="badge badge--running">' in campaigns
    assert '<span class="badge badge--ended">' in campaigns
    assert f'<a href="{campaign_index.url}">' in campaigns


def test_home_page_lists_the_latest_articles(client, furnished_home):
    articles = section(client.get("/").content.decode(), "articles-heading")

    assert "Bài viết mới" in articles
    assert re.findall(r">(Bài viết \d)<", articles) == ["Bài viết 4", "Bài viết 3", "Bài viết 2"]


def test_home_page_shows_featured_resources_and_hotlines(client, furnished_home):
    html = client.get("/").content.decode()

    resources = section(html, "resources-heading")
    assert "Công văn hướng dẫn" in resources
    hotlines = section(html, "hotlines-heading")
    assert "Cần giúp đỡ?" in hotlines
    assert "Gọi ngay cho các số sau." in hotlines
    assert 'href="tel:113"' in hotlines


def test_english_home_page_renders_in_english(client, furnished_home, home_page, home_page_en):
    # wagtail-localize synchronises the featured links, so they point at the Vietnamese pages.
    for link in home_page.featured_campaigns.all():
        HomePageFeaturedCampaign.objects.create(home_page=home_page_en, page=link.page, sort_order=link.sort_order)
    response = client.get("/en/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert '<form class="site-search site-search--large" role="search" action="/en/search/"' in html
    assert "Tháng hành động" not in html  # Vietnamese pages are not featured on the English home page


def test_home_page_query_count_is_bounded(client, furnished_home, django_assert_max_num_queries):
    client.get("/")
    with django_assert_max_num_queries(HOME_MAX_QUERIES):
        assert client.get("/").status_code == 200


# --- Standard page -----------------------------------------------------------


def test_standard_page_shows_introduction_and_body(client, home_page, locale_en, home_page_en):
    page = StandardPageFactory(
        parent=home_page,
        title="Giới thiệu",
        introduction="Về cổng thông tin.",
        body=[
            ("heading", {"text": "Chúng tôi là ai", "level": "h2"}),
            ("paragraph", RichText("<p>Một dự án của nhà trường.</p>")),
            ("quote", {"text": "Học đi đôi với hành.", "attribution": ""}),
        ],
    )
    html = client.get(page.url).content.decode()

    assert "<h1>Giới thiệu</h1>" in html
    assert '<p class="lead">Về cổng thông tin.</p>' in html
    assert "<h2>Chúng tôi là ai</h2>" in html
    assert "<blockquote><p>Học đi đôi với hành.</p></blockquote>" in html

    english = page.copy_for_translation(locale_en)
    english.save_revision().publish()
    english_html = client.get(english.get_url()).content.decode()
    assert '<html lang="en">' in english_html
    assert "<h2>Chúng tôi là ai</h2>" in english_html


def test_standard_page_query_count_is_bounded(client, home_page, site_hotlines, django_assert_max_num_queries):
    page = StandardPageFactory(parent=home_page, title="Chính sách riêng tư")
    client.get(page.url)
    with django_assert_max_num_queries(STANDARD_MAX_QUERIES):
        assert client.get(page.url).status_code == 200


# --- Errors, robots, sitemap -------------------------------------------------


def test_unknown_url_gets_the_404_page_in_vietnamese(client, home_page):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert '<div class="container error-page">' in html
    assert '<a class="button button--primary" href="/">' in html


def test_unknown_english_url_gets_the_404_page_in_english(client, home_page_en):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Page not found</h1>" in html
    assert '<a class="button button--primary" href="/en/">' in html


@pytest.mark.parametrize(
    ("path", "language", "home_path"), [("/bai-viet/", "vi", "/"), ("/en/articles/", "en", "/en/")]
)
def test_server_error_page_needs_no_database(path, language, home_path, django_assert_num_queries):
    request = RequestFactory().get(path)

    with django_assert_num_queries(0):
        response = server_error(request)

    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f'href="{home_path}"' in html


def test_server_error_page_in_english_is_in_english(rf):
    html = server_error(rf.get("/en/anything/")).content.decode()

    assert "Sorry, something went wrong" in html


def test_robots_txt_and_sitemap_respond(client, home_page):
    robots = client.get("/robots.txt")
    assert robots.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in robots.content.decode()

    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert "<urlset" in sitemap.content.decode()
