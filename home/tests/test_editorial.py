"""Editorial roles: each role tries what it must and must not do, through the real admin views."""

import importlib

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home import editorial
from home.editorial import create_section_editors, grant_section
from home.factories import DocumentFactory
from home.models import PortalSettings, Topic
from home.services import ensure_index_page
from home.tests.editorial_support import article_form_data, assert_refused, edit_url, make_role_user, make_user
from resources.factories import ArticlePageFactory, GuidancePageFactory
from resources.models import ArticlePage

pytestmark = pytest.mark.django_db

ALL_ROLES = ["editor", "reviewer", "content_manager"]


@pytest.fixture
def live_article(article_index):
    return ArticlePageFactory(parent=article_index, title="Bài đang đăng")


def settings_url():
    return reverse("wagtailsettings:edit", args=["home", "portalsettings", Site.objects.get(is_default_site=True).pk])


# --- The groups ---------------------------------------------------------------


def test_migration_and_module_agree_on_names():
    groups_migration = importlib.import_module("home.migrations.0003_editorial_groups")
    workflow_migration = importlib.import_module("home.migrations.0004_moderation_workflow")
    assert set(groups_migration.ROLES) == set(editorial.EDITORIAL_GROUPS)
    assert workflow_migration.WORKFLOW == editorial.MODERATION_WORKFLOW
    assert workflow_migration.TASK == editorial.REVIEW_TASK


def test_the_three_groups_exist_and_wagtail_defaults_are_gone():
    names = set(Group.objects.values_list("name", flat=True))
    assert set(editorial.EDITORIAL_GROUPS) <= names
    assert not names & {"Editors", "Moderators"}


def test_page_permissions_sit_on_root_so_every_locale_is_covered(home_page_en):
    root = Page.get_first_root_node()
    for name in editorial.EDITORIAL_GROUPS:
        assert GroupPagePermission.objects.filter(group__name=name).exclude(page=root).count() == 0
    editor = make_role_user("editor")
    assert home_page_en.permissions_for_user(editor).can_edit()
    assert not home_page_en.permissions_for_user(editor).can_publish()


# --- Publishing ---------------------------------------------------------------


def test_editor_is_offered_no_publish_action(client, live_article):
    client.force_login(make_role_user("editor"))
    response = client.get(edit_url(live_article))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html


def test_editor_posting_publish_only_saves_a_draft(client, live_article):
    client.force_login(make_role_user("editor"))

    response = client.post(
        edit_url(live_article), article_form_data(live_article, title="Sửa trái phép", action="publish")
    )

    assert response.status_code == 302
    article = ArticlePage.objects.get(pk=live_article.pk)
    assert article.title == "Bài đang đăng"
    assert article.has_unpublished_changes
    client.logout()
    assert "Sửa trái phép" not in client.get(article.url).content.decode()


@pytest.mark.parametrize("role", ["reviewer", "content_manager"])
def test_reviewers_and_content_managers_publish(client, live_article, role):
    client.force_login(make_role_user(role))

    response = client.post(
        edit_url(live_article), article_form_data(live_article, title="Bản cập nhật", action="publish")
    )

    assert response.status_code == 302
    article = ArticlePage.objects.get(pk=live_article.pk)
    assert article.title == "Bản cập nhật"
    assert not article.has_unpublished_changes


def test_editor_cannot_unpublish(client, live_article):
    client.force_login(make_role_user("editor"))
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[live_article.pk]))
    assert_refused(response)
    assert ArticlePage.objects.get(pk=live_article.pk).live


# --- Settings, taxonomy, users ------------------------------------------------


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_only_content_managers_edit_settings(client, role):
    client.force_login(make_role_user(role))
    assert_refused(client.get(settings_url()))
    assert_refused(client.post(settings_url(), {"contact_email": "x@example.org"}))
    assert PortalSettings.for_site(Site.objects.get(is_default_site=True)).contact_email == ""


def test_content_manager_edits_settings(client):
    client.force_login(make_role_user("content_manager"))
    assert client.get(settings_url()).status_code == 200
    data = nested_form_data(
        {"contact_email": "lienhe@example.org", "contact_address": "Hà Nội", "hotline_links": inline_formset([])}
    )

    response = client.post(settings_url(), data)

    assert response.status_code == 302
    assert PortalSettings.for_site(Site.objects.get(is_default_site=True)).contact_email == "lienhe@example.org"


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_only_content_managers_manage_taxonomy(client, role):
    client.force_login(make_role_user(role))
    add_url = reverse("wagtailsnippets_home_topic:add") + "?locale=vi"
    assert_refused(client.get(add_url))
    assert_refused(client.post(add_url, {"name": "Ma túy", "slug": "ma-tuy"}))
    assert not Topic.objects.filter(slug="ma-tuy").exists()


def test_content_manager_adds_topic(client):
    client.force_login(make_role_user("content_manager"))
    response = client.post(
        reverse("wagtailsnippets_home_topic:add") + "?locale=vi", {"name": "Ma túy", "slug": "ma-tuy"}
    )
    assert response.status_code == 302
    assert Topic.objects.filter(slug="ma-tuy", locale__language_code="vi").exists()


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_only_content_managers_manage_users(client, role):
    client.force_login(make_role_user(role))
    assert_refused(client.get(reverse("wagtailusers_users:index")))
    assert_refused(client.get(reverse("wagtailusers_groups:index")))


def new_user_data(**extra):
    return {
        "username": "bientapvien2",
        "email": "btv2@example.org",
        "first_name": "Lan",
        "last_name": "Nguyễn",
        "password1": "mat-khau-dai-va-kho-doan-42",
        "password2": "mat-khau-dai-va-kho-doan-42",
        "groups": [Group.objects.get(name=editorial.EDITORS_GROUP).pk],
        **extra,
    }


def test_content_manager_adds_an_editor(client):
    client.force_login(make_role_user("content_manager"))

    response = client.post(reverse("wagtailusers_users:add"), new_user_data())

    assert response.status_code == 302
    user = get_user_model().objects.get(username="bientapvien2")
    assert list(user.groups.values_list("name", flat=True)) == [editorial.EDITORS_GROUP]
    assert not user.is_superuser


def test_content_manager_cannot_create_an_administrator(client):
    client.force_login(make_role_user("content_manager"))
    response = client.post(reverse("wagtailusers_users:add"), new_user_data(is_superuser="on"))
    assert_refused(response)
    assert not get_user_model().objects.filter(username="bientapvien2").exists()


def test_content_manager_cannot_edit_an_administrator(client):
    admin = get_user_model().objects.create_superuser(username="admin", email="admin@example.org", password="pw")
    client.force_login(make_role_user("content_manager"))
    url = reverse("wagtailusers_users:edit", args=[admin.pk])
    assert_refused(client.get(url))
    assert_refused(client.post(url, {"username": "admin", "email": "x@example.org", "is_active": ""}))
    admin.refresh_from_db()
    assert admin.is_active and admin.email == "admin@example.org"


def test_content_manager_cannot_promote_a_user(client):
    editor = make_role_user("editor")
    client.force_login(make_role_user("content_manager"))
    data = {"username": "editor", "email": "editor@example.org", "is_active": "on", "is_superuser": "on"}
    assert_refused(client.post(reverse("wagtailusers_users:edit", args=[editor.pk]), data))
    editor.refresh_from_db()
    assert not editor.is_superuser


# --- Documents and images -------------------------------------------------------


@pytest.mark.parametrize("role", ALL_ROLES)
def test_every_role_uploads_documents_and_images(client, role):
    client.force_login(make_role_user(role))
    assert client.get(reverse("wagtaildocs:add_multiple")).status_code == 200
    assert client.get(reverse("wagtailimages:add_multiple")).status_code == 200


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_only_content_managers_delete_documents(client, role):
    document = DocumentFactory()
    client.force_login(make_role_user(role))
    assert_refused(client.post(reverse("wagtaildocs:delete", args=[document.pk])))
    assert type(document).objects.filter(pk=document.pk).exists()


# --- Translation permission ------------------------------------------------------


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_only_content_managers_start_translations(client, live_article, role):
    client.force_login(make_role_user(role))
    assert_refused(client.get(reverse("wagtail_localize:submit_page_translation", args=[live_article.pk])))


def test_content_manager_opens_translation_form(client, live_article):
    client.force_login(make_role_user("content_manager"))
    response = client.get(reverse("wagtail_localize:submit_page_translation", args=[live_article.pk]))
    assert response.status_code == 200


# --- Sections ---------------------------------------------------------------------


@pytest.fixture
def law_section_editor(article_index):
    group = create_section_editors(name="Biên tập viên – Tìm hiểu pháp luật", page=article_index)
    return make_user("section_editor", group)


def test_section_editor_edits_own_section(client, law_section_editor, live_article):
    client.force_login(law_section_editor)
    assert client.get(edit_url(live_article)).status_code == 200
    response = client.post(edit_url(live_article), article_form_data(live_article, title="Sửa trong chuyên mục"))
    assert response.status_code == 302
    assert ArticlePage.objects.get(pk=live_article.pk).get_latest_revision_as_object().title == "Sửa trong chuyên mục"


def test_section_editor_cannot_edit_another_section(client, law_section_editor, guidance_index):
    other = GuidancePageFactory(parent=guidance_index, title="Tài liệu chuyên mục khác")
    client.force_login(law_section_editor)

    assert_refused(client.get(edit_url(other)))
    assert_refused(client.post(edit_url(other), {"title": "Bị sửa"}))
    other.refresh_from_db()
    assert other.title == "Tài liệu chuyên mục khác"
    assert other.get_latest_revision_as_object().title == "Tài liệu chuyên mục khác"


def test_section_editor_cannot_publish_own_section(law_section_editor, live_article):
    perms = live_article.permissions_for_user(law_section_editor)
    assert perms.can_edit()
    assert not perms.can_publish()


def test_section_covers_existing_translations(article_index, locale_en):
    english_index = ensure_index_page(kind_name="article", locale=locale_en)
    group = create_section_editors(name="Chuyên mục pháp luật", page=article_index)
    editor = make_user("section_editor", group)
    assert ArticlePageFactory(parent=english_index).permissions_for_user(editor).can_edit()


def test_section_covers_translations_created_later(law_section_editor, article_index, locale_en):
    english_index = ensure_index_page(kind_name="article", locale=locale_en)
    english_article = ArticlePageFactory(parent=english_index)
    assert english_article.permissions_for_user(law_section_editor).can_edit()
    guidance_en = ensure_index_page(kind_name="resource", locale=locale_en)
    assert not guidance_en.permissions_for_user(law_section_editor).can_edit()


def test_grant_section_twice_changes_nothing(article_index):
    group = Group.objects.create(name="Chuyên mục")
    grant_section(group=group, page=article_index)
    count = GroupPagePermission.objects.filter(group=group).count()
    grant_section(group=group, page=article_index)
    assert GroupPagePermission.objects.filter(group=group).count() == count == 2
