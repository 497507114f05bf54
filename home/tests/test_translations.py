"""The translation workflow with wagtail-localize, and the out-of-date translations report."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from home.factories import TopicFactory
from home.services import ensure_index_page
from home.tests.editorial_support import assert_refused, edit_url, make_role_user
from home.translations import describe_outdated_translations, language_versions, outdated_translations
from resources.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/reports/outdated-translations/"


@pytest.fixture
def source_article(article_index, locale_en):
    ensure_index_page(kind_name="article", locale=locale_en)
    return ArticlePageFactory(parent=article_index, title="Phòng chống bạo lực học đường")


def submit_translation(client, *, page, locale):
    """What a content manager does with "Translate this page"."""
    client.force_login(make_role_user("content_manager"))
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = client.post(url, {"locales": [locale.pk]})
    assert response.status_code == 302
    return page.get_translation(locale)


def publish_in_localize_editor(client, *, translated_page, on_commit):
    """wagtail-localize publishes once the transaction commits: `on_commit` runs those callbacks."""
    client.force_login(make_role_user("reviewer"))
    with on_commit(execute=True):
        response = client.post(edit_url(translated_page), {"action": "publish"})
    assert response.status_code == 302


def publish_again(page):
    page.refresh_from_db()
    page.save_revision().publish()


def sync(client, *, page):
    client.force_login(make_role_user("content_manager"))
    source = TranslationSource.objects.get_for_instance(page)
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302


# --- Translating never leaks a draft --------------------------------------------


def test_translating_a_live_page_creates_an_english_draft(client, source_article, locale_en):
    english = submit_translation(client, page=source_article, locale=locale_en)

    assert english.locale == locale_en
    assert not english.live
    client.logout()
    assert client.get(english.get_url()).status_code == 404
    assert client.get("/en/know-the-law/").status_code == 200


def test_editor_cannot_publish_a_translation(client, source_article, locale_en):
    english = submit_translation(client, page=source_article, locale=locale_en)
    client.force_login(make_role_user("editor"))

    response = client.post(edit_url(english), {"action": "publish"})

    assert_refused(response)
    assert not Page.objects.get(pk=english.pk).live


def test_reviewer_publishes_translation_from_localize_editor(
    client, source_article, locale_en, django_capture_on_commit_callbacks
):
    english = submit_translation(client, page=source_article, locale=locale_en)
    publish_in_localize_editor(client, translated_page=english, on_commit=django_capture_on_commit_callbacks)
    assert Page.objects.get(pk=english.pk).live
    client.logout()
    assert client.get(english.get_url()).status_code == 200


# --- The out-of-date report ---------------------------------------------------------


@pytest.fixture
def published_translation(client, source_article, locale_en, django_capture_on_commit_callbacks):
    english = submit_translation(client, page=source_article, locale=locale_en)
    publish_in_localize_editor(client, translated_page=english, on_commit=django_capture_on_commit_callbacks)
    client.logout()
    return english


def test_fresh_translation_is_not_out_of_date(published_translation):
    assert list(outdated_translations()) == []


def test_publishing_source_again_makes_translation_out_of_date(source_article, published_translation, locale_en):
    publish_again(source_article)

    rows = describe_outdated_translations(outdated_translations())

    assert [(row.source_page.pk, row.target_page.pk) for row in rows] == [(source_article.pk, published_translation.pk)]
    assert rows[0].translation.target_locale == locale_en
    assert rows[0].source_published_at > rows[0].last_synced_at


def test_saving_a_draft_of_the_source_does_not(source_article, published_translation):
    source_article.refresh_from_db()
    source_article.save_revision()
    assert list(outdated_translations()) == []


def test_sync_takes_translation_off_the_report(client, source_article, published_translation):
    publish_again(source_article)
    sync(client, page=source_article)
    assert list(outdated_translations()) == []


def test_stopped_translations_are_left_out(source_article, published_translation):
    publish_again(source_article)
    Translation.objects.update(enabled=False)
    assert list(outdated_translations()) == []


def test_snippet_translations_are_left_out(client, locale_en):
    topic = TopicFactory(slug="ma-tuy", name="Ma túy")
    client.force_login(make_role_user("content_manager"))
    url = reverse("wagtail_localize:submit_snippet_translation", args=["home", "topic", topic.pk])
    assert client.post(url, {"locales": [locale_en.pk]}).status_code == 302
    topic.name = "Ma túy và chất gây nghiện"
    topic.save()
    assert list(outdated_translations()) == []


def test_report_lists_translation_with_update_and_edit_links(client, source_article, published_translation):
    publish_again(source_article)
    client.force_login(make_role_user("content_manager"))

    response = client.get(REPORT_URL)

    assert response.status_code == 200
    html = response.content.decode()
    source = TranslationSource.objects.get_for_instance(source_article)
    assert reverse("wagtail_localize:update_translations", args=[source.pk]) in html
    assert edit_url(published_translation) in html
    assert published_translation.title in html
    results = client.get(reverse("outdated_translations_report_results"))
    assert results.status_code == 200
    assert edit_url(published_translation) in results.content.decode()


def test_report_after_sync_is_empty(client, source_article, published_translation):
    publish_again(source_article)
    sync(client, page=source_article)
    client.force_login(make_role_user("content_manager"))

    response = client.get(REPORT_URL)

    assert response.status_code == 200
    assert edit_url(published_translation) not in response.content.decode()


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_report_is_for_users_with_translation_permission(client, role):
    client.force_login(make_role_user(role))
    assert_refused(client.get(REPORT_URL))
    assert REPORT_URL not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_report_is_in_the_reports_menu_of_content_managers(client):
    client.force_login(make_role_user("content_manager"))
    assert REPORT_URL in client.get(reverse("wagtailadmin_home")).content.decode()


# --- Language versions -----------------------------------------------------------------


def test_language_versions_lists_live_public_versions_default_first(client, source_article, published_translation, rf):
    versions = language_versions(page=published_translation, request=rf.get("/"))
    assert [code for code, _url in versions] == ["vi", "en"]
    assert versions[1][1].endswith(published_translation.get_url())
    assert versions[1][1].startswith("http")


def test_language_versions_skip_drafts(client, source_article, locale_en):
    submit_translation(client, page=source_article, locale=locale_en)
    assert [code for code, _url in language_versions(page=source_article)] == ["vi"]
