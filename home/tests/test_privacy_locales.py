"""Privacy across locales: drafts, view restrictions, sitemap and listings never leak."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from home.services import ensure_index_page
from home.tests.editorial_support import make_role_user
from resources.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

SECRET = "Nội dung nội bộ chưa công bố"


@pytest.fixture
def article_index_en(article_index, locale_en):
    return ensure_index_page(kind_name="article", locale=locale_en)


def translate(page, *, locale, title, slug, publish=True):
    translation = page.copy_for_translation(locale)
    translation.title, translation.draft_title, translation.slug = title, title, slug
    translation.save()
    if publish:
        translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


@pytest.fixture
def article_pair(article_index, article_index_en, locale_en):
    vietnamese = ArticlePageFactory(parent=article_index, title="Ma túy học đường", slug="ma-tuy", summary=SECRET)
    english = translate(vietnamese, locale=locale_en, title="Drugs at school", slug="drugs")
    return vietnamese, english


def is_hidden(response):
    """Refused, sent to log in, or asked for a password: in no case is the content shown."""
    return response.status_code in {302, 401, 403, 404} or SECRET not in response.content.decode()


# --- Drafts ----------------------------------------------------------------------


def test_draft_is_404_in_both_locales(client, article_pair):
    vietnamese, english = article_pair
    vietnamese.unpublish()
    english.unpublish()
    assert client.get(vietnamese.url).status_code == 404
    assert client.get(english.get_url()).status_code == 404


def test_unpublished_translation_is_404_while_source_is_live(client, article_index, article_index_en, locale_en):
    vietnamese = ArticlePageFactory(parent=article_index, slug="bao-luc")
    english = translate(vietnamese, locale=locale_en, title="Violence", slug="violence", publish=False)
    assert client.get(vietnamese.url).status_code == 200
    assert client.get("/en/know-the-law/violence/").status_code == 404
    assert not english.live


def test_draft_changes_to_live_translation_are_not_served(client, article_pair):
    _vietnamese, english = article_pair
    english.title = "Draft title that must not show"
    english.save_revision()
    assert "Draft title that must not show" not in client.get(english.get_url()).content.decode()


# --- View restrictions ---------------------------------------------------------------


def test_restriction_on_vietnamese_index_protects_existing_english_children(client, article_index, article_pair):
    """The English index existed before the restriction: the restriction is mirrored to it."""
    _vietnamese, english = article_pair
    PageViewRestriction.objects.create(page=article_index, restriction_type=PageViewRestriction.LOGIN)

    restriction_en = english.get_parent().view_restrictions.get()
    assert restriction_en.restriction_type == PageViewRestriction.LOGIN
    response = client.get(english.get_url())
    assert response.status_code == 302
    assert "/_util/login/?next=/en/know-the-law/drugs/" in response.url
    assert client.get("/en/know-the-law/").status_code == 302


def test_restricted_section_translated_with_localize_stays_private(client, article_index, locale_en):
    """Restriction first, translation after (wagtail-localize's own path)."""
    PageViewRestriction.objects.create(page=article_index, restriction_type=PageViewRestriction.PASSWORD, password="x")
    vietnamese = ArticlePageFactory(parent=article_index, slug="ma-tuy", summary=SECRET)
    client.force_login(make_role_user("content_manager"))
    url = reverse("wagtail_localize:submit_page_translation", args=[vietnamese.pk])
    assert client.post(url, {"locales": [locale_en.pk], "include_subtree": ""}).status_code == 302
    english = vietnamese.get_translation(locale_en)
    english.save_revision().publish()
    client.logout()

    assert english.get_parent().view_restrictions.get().restriction_type == PageViewRestriction.PASSWORD
    response = client.get(english.get_url())
    assert is_hidden(response)
    assert "password" in response.content.decode().lower()


def test_logged_in_user_sees_login_restricted_page_in_both_locales(client, article_index, article_pair):
    vietnamese, english = article_pair
    PageViewRestriction.objects.create(page=article_index, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(make_role_user("editor"))
    assert client.get(vietnamese.url).status_code == 200
    assert client.get(english.get_url()).status_code == 200


def test_group_restriction_and_its_groups_are_mirrored(article_pair):
    vietnamese, english = article_pair
    reviewers = Group.objects.get(name="Người duyệt bài")
    restriction = PageViewRestriction.objects.create(page=vietnamese, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([reviewers])

    mirrored = english.view_restrictions.get()
    assert mirrored.restriction_type == PageViewRestriction.GROUPS
    assert list(mirrored.groups.all()) == [reviewers]


def test_changing_restriction_on_english_changes_vietnamese(article_pair):
    vietnamese, english = article_pair
    PageViewRestriction.objects.create(page=vietnamese, restriction_type=PageViewRestriction.LOGIN)
    restriction_en = english.view_restrictions.get()
    restriction_en.restriction_type, restriction_en.password = PageViewRestriction.PASSWORD, "mat-khau"
    restriction_en.save()

    restriction_vi = vietnamese.view_restrictions.get()
    assert (restriction_vi.restriction_type, restriction_vi.password) == (PageViewRestriction.PASSWORD, "mat-khau")


def test_making_page_public_again_applies_to_every_locale(client, article_pair):
    vietnamese, english = article_pair
    PageViewRestriction.objects.create(page=vietnamese, restriction_type=PageViewRestriction.LOGIN)

    vietnamese.view_restrictions.get().delete()

    assert not english.view_restrictions.exists()
    assert client.get(english.get_url()).status_code == 200


def test_deleting_a_translation_keeps_the_source_private(article_pair):
    vietnamese, english = article_pair
    PageViewRestriction.objects.create(page=vietnamese, restriction_type=PageViewRestriction.LOGIN)

    english.delete()

    assert vietnamese.view_restrictions.count() == 1


def test_privacy_set_in_admin_is_mirrored(client, article_pair):
    vietnamese, english = article_pair
    client.force_login(make_role_user("reviewer"))
    url = reverse("wagtailadmin_pages:set_privacy", args=[vietnamese.pk])

    response = client.post(url, {"restriction_type": "password", "password": "bi-mat"})

    assert response.status_code == 200
    assert english.view_restrictions.get().password == "bi-mat"
    client.logout()
    assert is_hidden(client.get(english.get_url()))


# --- Sitemap -----------------------------------------------------------------------------


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


def test_sitemap_lists_both_locales_each_page_once_with_its_own_url(client, home_page_en, article_pair):
    vietnamese, english = article_pair

    locations = sitemap_locations(client)

    assert locations.count(vietnamese.get_full_url()) == 1
    assert locations.count(english.get_full_url()) == 1
    assert english.get_full_url().endswith("/en/know-the-law/drugs/")
    assert len(locations) == len(set(locations))


def test_sitemap_leaves_out_drafts_and_private_pages(client, article_index, article_pair, locale_en):
    _vietnamese, english = article_pair
    draft = ArticlePageFactory(parent=article_index, slug="ban-nhap", live=False)
    private = ArticlePageFactory(parent=article_index, slug="noi-bo")
    private_en = translate(private, locale=locale_en, title="Internal", slug="internal")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    locations = sitemap_locations(client)

    assert draft.get_full_url() not in locations
    assert private.get_full_url() not in locations
    assert private_en.get_full_url() not in locations
    assert english.get_full_url() in locations


def test_sitemap_is_the_same_whatever_the_browser_language(client, article_pair):
    english_browser = client.get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="en").content
    vietnamese_browser = client.get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="vi").content
    assert english_browser == vietnamese_browser


# --- Listings -----------------------------------------------------------------------------


def test_english_article_index_lists_only_english_articles(client, article_pair):
    vietnamese, english = article_pair
    html = client.get("/en/know-the-law/").content.decode()
    assert english.title in html
    assert vietnamese.title not in html


def test_vietnamese_article_index_lists_only_vietnamese_articles(client, article_index, article_pair):
    vietnamese, english = article_pair
    html = client.get(article_index.url).content.decode()
    assert vietnamese.title in html
    assert english.title not in html


def test_listings_leave_out_drafts_and_private_articles(client, article_index_en, article_pair, locale_en):
    _vietnamese, english = article_pair
    draft_en = ArticlePageFactory(parent=article_index_en, title="Unpublished English draft", live=False)
    html = client.get("/en/know-the-law/").content.decode()
    assert draft_en.title not in html
    PageViewRestriction.objects.create(page=english, restriction_type=PageViewRestriction.LOGIN)
    assert english.title not in client.get("/en/know-the-law/").content.decode()
