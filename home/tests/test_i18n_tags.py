import re

import pytest
from django.template import Context, Template
from wagtail.models import PageViewRestriction

from home.services import ensure_index_page
from resources.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')


def render_links(page, request):
    template = Template("{% load i18n_tags %}{% hreflang_links page %}")
    return LINK.findall(template.render(Context({"page": page, "request": request})))


@pytest.fixture
def article_pair(article_index, locale_en):
    ensure_index_page(kind_name="article", locale=locale_en)
    vietnamese = ArticlePageFactory(parent=article_index, title="Ma túy", slug="ma-tuy")
    english = vietnamese.copy_for_translation(locale_en)
    english.title, english.slug = "Drugs", "drugs"
    english.save_revision().publish()
    english.refresh_from_db()
    return vietnamese, english


def test_links_every_live_version_with_absolute_urls_and_x_default(article_pair, rf):
    vietnamese, english = article_pair

    links = render_links(english, rf.get(english.url))

    assert links == [
        ("vi", vietnamese.get_full_url()),
        ("en", english.get_full_url()),
        ("x-default", vietnamese.get_full_url()),
    ]
    assert all(href.startswith(("http://", "https://")) for _lang, href in links)
    assert links[1][1].endswith("/en/know-the-law/drugs/")


def test_same_links_from_either_version(article_pair, rf):
    vietnamese, english = article_pair
    assert render_links(vietnamese, rf.get("/")) == render_links(english, rf.get("/"))


def test_draft_translation_is_not_linked(article_pair, rf):
    vietnamese, english = article_pair
    english.unpublish()
    assert render_links(vietnamese, rf.get("/")) == []


def test_private_translation_is_not_linked(article_pair, rf):
    vietnamese, english = article_pair
    # bulk_create sends no signal: a restriction on the English side only,
    # as a database from before restrictions were mirrored could hold.
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=english.get_parent(), restriction_type=PageViewRestriction.LOGIN)]
    )
    assert not vietnamese.view_restrictions.exists()
    assert render_links(vietnamese, rf.get("/")) == []


def test_private_page_has_no_links(article_pair, rf):
    vietnamese, english = article_pair
    PageViewRestriction.objects.create(page=vietnamese, restriction_type=PageViewRestriction.LOGIN)
    assert render_links(vietnamese, rf.get("/")) == []
    assert render_links(english, rf.get("/")) == []


def test_nothing_for_a_page_without_translations_or_a_non_page(article_index, rf):
    lonely = ArticlePageFactory(parent=article_index)
    assert render_links(lonely, rf.get("/")) == []
    assert render_links(None, rf.get("/")) == []
