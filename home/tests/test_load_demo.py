import datetime as dt
import io
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, Revision

from campaigns.models import CampaignPage
from home.documents import check_upload
from home.factories import get_home_page
from home.models import HomePage, Hotline, PortalDocument, PortalSettings, StandardPage
from resources.models import ArticlePage, GuidancePage

BUNDLE = Path(settings.BASE_DIR) / "demo" / "bundle"
# The campaigns' statuses depend on today's date: the demo is dated for this day.
FROZEN_NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


def load_demo(*options):
    output = io.StringIO()
    call_command("load_demo", str(BUNDLE), *options, stdout=output)
    return output.getvalue()


@pytest.fixture(scope="class")
def demo_site(django_db_setup, django_db_blocker):
    """The demo, loaded once for a class of tests (loading takes a while) and rolled back after them."""
    with (
        django_db_blocker.unblock(),
        pytest.MonkeyPatch.context() as patch,
        transaction.atomic(),
    ):
        patch.setattr(timezone, "now", lambda: FROZEN_NOW)
        yield load_demo()
        transaction.set_rollback(True)


def live_in(model, language_code):
    return model.objects.live().filter(locale__language_code=language_code)


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_site")
class TestLoadedDemo:
    def test_demo_has_articles_in_vietnamese_and_english_translations(self):
        articles = live_in(ArticlePage, "vi")
        translations = live_in(ArticlePage, "en")

        assert articles.count() >= 12
        assert translations.count() >= 4
        vietnamese_keys = set(articles.values_list("translation_key", flat=True))
        assert set(translations.values_list("translation_key", flat=True)) <= vietnamese_keys
        assert all(article.topics and article.audiences for article in articles)

    def test_demo_campaigns_are_past_running_upcoming_and_open_ended(self):
        campaigns = live_in(CampaignPage, "vi")

        statuses = sorted((campaign.status, campaign.ends_on is None) for campaign in campaigns)

        assert statuses == [("ended", False), ("running", False), ("running", True), ("upcoming", False)]
        assert all(campaign.call_to_action_label and campaign.call_to_action_url for campaign in campaigns)

    def test_demo_resources_each_have_an_acceptable_file(self):
        resources = live_in(GuidancePage, "vi")

        assert resources.count() == 10
        for resource in resources:
            documents = [link.document for link in resource.files.all()]
            assert documents, resource.slug
            for document in documents:
                with document.file.open("rb") as handle:
                    data = handle.read()
                check_upload(name=document.file.name, data=data)
                assert len(data) < 100 * 1024
        dispatch = resources.get(document_type="cong-van")
        assert dispatch.resource_type == "legal-document"
        assert dispatch.document_number and dispatch.issuer and dispatch.issued_on

    def test_demo_home_pages_are_set_in_both_locales(self):
        home = get_home_page()
        home_en = HomePage.objects.get(depth=2, locale__language_code="en")

        assert home_en.live
        assert home_en.translation_key == home.translation_key
        assert home.hero_title and home.hotlines_message and home.search_prompt
        assert home_en.hero_title == "Together for safe schools"
        assert [link.page.specific.status for link in home.featured_campaigns.all()] == ["running", "upcoming"]
        assert home.featured_resources.count() == 3
        for link in [*home_en.featured_campaigns.all(), *home_en.featured_resources.all()]:
            assert link.page.locale_id == home_en.locale_id
            assert link.page.live

    def test_demo_hotlines_are_translated_and_linked_from_the_settings(self):
        hotlines = Hotline.objects.filter(locale__language_code="vi")
        portal_settings = PortalSettings.for_site(get_home_page().get_site())

        assert {"111", "113", "114", "115"} <= set(hotlines.values_list("number", flat=True))
        for hotline in hotlines:
            translation = hotline.get_translation_or_none(Locale.objects.get(language_code="en"))
            assert translation is not None
            assert translation.number == hotline.number
            assert translation.name != hotline.name
        assert [link.hotline for link in portal_settings.hotline_links.all()] == list(hotlines.order_by("sort_order"))
        assert portal_settings.contact_email

    def test_demo_standard_pages_exist_in_both_locales(self):
        pages = live_in(StandardPage, "vi")
        translations = live_in(StandardPage, "en")

        assert set(pages.values_list("slug", flat=True)) == {"gioi-thieu", "chinh-sach-bao-mat", "kha-nang-tiep-can"}
        assert set(translations.values_list("slug", flat=True)) == {"about", "privacy-policy", "accessibility"}
        assert set(translations.values_list("translation_key", flat=True)) == set(
            pages.values_list("translation_key", flat=True)
        )
        assert not Redirect.objects.filter(old_path__in=["/en/gioi-thieu", "/en/chinh-sach-bao-mat"]).exists()

    def test_every_demo_page_and_file_is_served(self, client):
        pages = Page.objects.live().filter(depth__gte=2).specific()

        assert pages.count() > 40
        for page in pages:
            response = client.get(page.url)
            assert response.status_code == 200, page.url
        for document in PortalDocument.objects.all():
            response = client.get(document.url)
            assert response.status_code == 200, document.url
            assert b"".join(response.streaming_content if response.streaming else [response.content])

    def test_second_run_with_if_empty_changes_nothing(self):
        before = site_snapshot()

        output = load_demo("--if-empty")

        assert "Trang đã có nội dung: không nạp dữ liệu mẫu." in output
        assert site_snapshot() == before


def test_if_empty_loads_an_empty_site(db, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: FROZEN_NOW)

    output = load_demo("--if-empty")

    assert "Đã nạp xong trang mẫu." in output
    assert live_in(ArticlePage, "vi").count() >= 12


def test_a_bad_bundle_leaves_the_site_untouched(db, tmp_path):
    (tmp_path / "content.jsonl").write_text('{"kind": "topic", "slug": "ma-tuy", "colour": "red"}\n', encoding="utf-8")
    before = site_snapshot()

    with pytest.raises(CommandError):
        call_command("load_demo", str(tmp_path), stdout=io.StringIO())

    assert site_snapshot() == before
    assert get_home_page().hero_title == "Cổng thông tin An toàn học đường"


def site_snapshot():
    return {
        "pages": sorted(Page.objects.values_list("pk", "latest_revision_id", "live")),
        "revisions": Revision.objects.count(),
        "hotlines": sorted(Hotline.objects.values_list("pk", "number", "name")),
        "documents": sorted(PortalDocument.objects.values_list("pk", "file")),
        "settings_hotlines": sorted(PortalSettings.objects.values_list("hotline_links__pk", flat=True)),
        "redirects": Redirect.objects.count(),
    }
