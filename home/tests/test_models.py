import pytest
from wagtail.models import Page

from home.factories import StandardPageFactory, TopicFactory
from home.models import HomePage, StandardPage
from resources.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

PAGE_TYPES_UNDER_HOME = {
    "home.StandardPage",
    "resources.ArticleIndexPage",
    "resources.GuidanceIndexPage",
    "campaigns.CampaignIndexPage",
    "home.MailboxPage",
}


def fresh(page):
    """`page` read again: treebeard trusts a stale `numchild`, so rules must see the current tree."""
    return Page.objects.get(pk=page.pk).specific


def creatable_under(parent):
    """Labels of the page types an editor is offered under `parent` (as Wagtail's "add child page" view)."""
    parent = fresh(parent)
    return {model._meta.label for model in type(parent).creatable_subpage_models() if model.can_create_at(parent)}


# --- home page ------------------------------------------------------------------------


def test_home_pages_sit_under_the_root_once(home_page):
    root = Page.get_first_root_node()

    assert HomePage.allowed_parent_page_models() == [Page]
    assert HomePage.max_count_per_parent == 1
    # Other locales' home pages are translations, never created by hand.
    assert not HomePage.can_create_at(fresh(root))


def test_home_pages_cannot_be_nested(home_page):
    standard = StandardPageFactory(parent=home_page)

    for parent in (home_page, standard):
        assert not HomePage.can_create_at(fresh(parent))


def test_editors_are_offered_the_sections_and_standard_pages_under_an_empty_home_page(home_page):
    assert {model._meta.label for model in HomePage.allowed_subpage_models()} == PAGE_TYPES_UNDER_HOME
    assert creatable_under(home_page) == PAGE_TYPES_UNDER_HOME


def test_each_section_index_is_offered_only_until_it_exists(home_page, article_index, guidance_index, campaign_index):
    assert creatable_under(home_page) == {"home.StandardPage", "home.MailboxPage"}


def test_articles_resources_and_campaigns_are_not_offered_under_the_home_page(home_page):
    offered = creatable_under(home_page)

    assert not offered & {"resources.ArticlePage", "resources.GuidancePage", "campaigns.CampaignPage"}


def test_admin_add_child_page_view_under_home_lists_only_what_makes_sense(admin_client, home_page, article_index):
    response = admin_client.get(f"/admin/pages/{home_page.pk}/add_subpage/")

    assert response.status_code == 200
    offered = {f"{app_label}.{model_name}" for _name, app_label, model_name, _help in response.context["page_types"]}
    assert offered == {
        "home.standardpage",
        "home.mailboxpage",
        "resources.guidanceindexpage",
        "campaigns.campaignindexpage",
    }


# --- standard pages -----------------------------------------------------------------------


def test_standard_pages_sit_under_home_or_other_standard_pages(home_page, article_index, campaign_index):
    about = StandardPageFactory(parent=home_page)

    assert StandardPage.can_create_at(fresh(home_page))
    assert StandardPage.can_create_at(fresh(about))
    for parent in (article_index, campaign_index):
        assert not StandardPage.can_create_at(fresh(parent)), parent


def test_standard_pages_only_hold_standard_pages(home_page):
    about = StandardPageFactory(parent=home_page)

    assert creatable_under(about) == {"home.StandardPage"}


def test_standard_page_description_falls_back_to_its_introduction(home_page):
    page = StandardPageFactory(parent=home_page, introduction="Giới thiệu.")
    assert page.meta_description == "Giới thiệu."
    page.search_description = "Mô tả."
    assert page.meta_description == "Mô tả."


# --- content page helpers ------------------------------------------------------------------


def test_content_page_topics_follow_the_link_order(article_index):
    first, second = TopicFactory(slug="b-first"), TopicFactory(slug="a-second")
    article = ArticlePageFactory(parent=article_index, topics=[first, second])

    assert article.topics == [first, second]
    assert article.topic_slugs == ["b-first", "a-second"]


def test_content_page_description_falls_back_to_its_summary(article_index):
    article = ArticlePageFactory(parent=article_index, summary="Tóm tắt.")
    assert article.meta_description == "Tóm tắt."
