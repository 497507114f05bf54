import pytest
from django.utils import translation
from wagtail.models import Page

from campaigns.models import CampaignIndexPage, CampaignPage
from home.factories import paragraph_body
from home.models import HomePage, StandardPage
from resources.factories import ArticlePageFactory, GuidancePageFactory
from resources.models import ArticleIndexPage, ArticlePage, GuidanceIndexPage, GuidancePage

pytestmark = pytest.mark.django_db

ALL_PAGE_TYPES = (
    HomePage,
    StandardPage,
    ArticleIndexPage,
    ArticlePage,
    GuidanceIndexPage,
    GuidancePage,
    CampaignIndexPage,
    CampaignPage,
)


def fresh(page):
    """`page` read again: treebeard trusts a stale `numchild`, so rules must see the current tree."""
    return Page.objects.get(pk=page.pk).specific


def creatable_under(parent):
    """The page types an editor is offered under `parent` (as Wagtail's "add child page" view)."""
    parent = fresh(parent)
    return {model for model in type(parent).creatable_subpage_models() if model.can_create_at(parent)}


# --- article index and articles --------------------------------------------------


def test_article_index_sits_once_under_each_home_page(home_page, home_page_en, article_index):
    assert ArticleIndexPage.allowed_parent_page_models() == [HomePage]
    assert not ArticleIndexPage.can_create_at(fresh(home_page))
    assert ArticleIndexPage.can_create_at(fresh(home_page_en))


def test_article_index_only_holds_articles(article_index):
    assert creatable_under(article_index) == {ArticlePage}


def test_articles_cannot_be_created_under_the_home_page_or_another_index(
    home_page, article_index, guidance_index, campaign_index
):
    assert ArticlePage.allowed_parent_page_models() == [ArticleIndexPage]
    assert ArticlePage.can_create_at(fresh(article_index))
    for parent in (home_page, guidance_index, campaign_index):
        assert not ArticlePage.can_create_at(fresh(parent)), parent


def test_articles_have_no_children(article_index):
    article = ArticlePageFactory(parent=article_index)

    assert ArticlePage.allowed_subpage_models() == []
    assert creatable_under(article) == set()
    for model in ALL_PAGE_TYPES:
        assert not model.can_create_at(fresh(article)), model


# --- resource library and resources ------------------------------------------------


def test_resource_library_sits_once_under_each_home_page(home_page, home_page_en, guidance_index):
    assert GuidanceIndexPage.allowed_parent_page_models() == [HomePage]
    assert not GuidanceIndexPage.can_create_at(fresh(home_page))
    assert GuidanceIndexPage.can_create_at(fresh(home_page_en))


def test_resource_library_only_holds_resources(guidance_index):
    assert creatable_under(guidance_index) == {GuidancePage}


def test_resources_only_live_in_the_resource_library(home_page, article_index, guidance_index, campaign_index):
    assert GuidancePage.allowed_parent_page_models() == [GuidanceIndexPage]
    assert GuidancePage.can_create_at(fresh(guidance_index))
    for parent in (home_page, article_index, campaign_index):
        assert not GuidancePage.can_create_at(fresh(parent)), parent


def test_resources_have_no_children(guidance_index):
    resource = GuidancePageFactory(parent=guidance_index)

    assert GuidancePage.allowed_subpage_models() == []
    assert creatable_under(resource) == set()


# --- model helpers -------------------------------------------------------------------


def test_reading_time_counts_summary_and_body_at_200_words_a_minute(article_index):
    body = paragraph_body("một hai ba")  # three words

    short = ArticlePageFactory(parent=article_index, summary="Ngắn.", body=body)
    five_minutes = ArticlePageFactory(parent=article_index, summary=" ".join(["chữ"] * 997), body=body)
    just_over = ArticlePageFactory(parent=article_index, summary=" ".join(["chữ"] * 998), body=body)

    assert short.reading_time == 1
    assert five_minutes.reading_time == 5
    assert just_over.reading_time == 6


def test_labels_of_school_levels_and_audiences_follow_the_choice_order(guidance_index):
    resource = GuidancePageFactory(
        parent=guidance_index, school_levels=["upper-secondary", "primary"], audiences=["teachers", "parents"]
    )
    resource.refresh_from_db()

    with translation.override("en"):
        assert resource.get_school_level_labels() == ["Primary school", "Upper secondary school"]
        assert resource.get_audience_labels() == ["Parents", "Teachers"]


def test_file_label_defaults_to_the_document_title(guidance_index):
    resource = GuidancePageFactory(parent=guidance_index)
    [guidance_file] = resource.files.all()

    assert guidance_file.display_label == guidance_file.document.title
    guidance_file.label = "Bản PDF"
    assert guidance_file.display_label == "Bản PDF"
