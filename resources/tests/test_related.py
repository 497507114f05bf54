import datetime

import pytest

from campaigns.factories import CampaignPageFactory
from home.factories import TopicFactory
from home.services import ensure_index_page
from resources.factories import ArticlePageFactory
from resources.models import ArticleRelatedLink
from resources.related import related_pages

pytestmark = pytest.mark.django_db


def at(day):
    return datetime.datetime(2025, 5, day, tzinfo=datetime.UTC)


def titles(pages):
    return [page.title for page in pages]


def test_chosen_related_items_come_first_in_their_order_and_are_specific(article_index, campaign_index):
    article = ArticlePageFactory(parent=article_index)
    campaign = CampaignPageFactory(parent=campaign_index, title="Chiến dịch")
    other = ArticlePageFactory(parent=article_index, title="Bài khác")
    ArticleRelatedLink.objects.create(article=article, page=campaign, sort_order=0)
    ArticleRelatedLink.objects.create(article=article, page=other, sort_order=1)

    related = related_pages(article=article)

    assert titles(related) == ["Chiến dịch", "Bài khác"]
    assert related[0].get_status_display()


def test_without_chosen_items_newest_live_articles_sharing_a_topic(article_index):
    drugs, violence, unrelated = (TopicFactory(slug=slug) for slug in ("drugs", "violence", "traffic"))
    article = ArticlePageFactory(parent=article_index, topics=[drugs, violence])
    ArticlePageFactory(parent=article_index, title="Cũ", published_at=at(1), topics=[drugs])
    ArticlePageFactory(parent=article_index, title="Mới", published_at=at(9), topics=[drugs, violence])
    ArticlePageFactory(parent=article_index, title="Vừa", published_at=at(5), topics=[violence])
    ArticlePageFactory(parent=article_index, title="Cũ nhất", published_at=at(1).replace(month=1), topics=[drugs])
    ArticlePageFactory(parent=article_index, title="Nháp", published_at=at(10), topics=[drugs], live=False)
    ArticlePageFactory(parent=article_index, title="Khác chủ đề", published_at=at(10), topics=[unrelated])

    assert titles(related_pages(article=article)) == ["Mới", "Vừa", "Cũ"]


def test_topic_matches_stay_in_the_articles_locale(article_index, locale_en):
    drugs = TopicFactory(slug="drugs")
    article = ArticlePageFactory(parent=article_index, topics=[drugs])
    ensure_index_page(kind_name="article", locale=locale_en)
    sibling = ArticlePageFactory(parent=article_index, title="Cùng chủ đề", topics=[drugs])
    english_sibling = sibling.copy_for_translation(locale_en)
    english_sibling.save_revision().publish()

    assert titles(related_pages(article=article)) == ["Cùng chủ đề"]


def test_article_without_topics_or_links_has_no_related_items(article_index):
    ArticlePageFactory(parent=article_index)

    assert related_pages(article=ArticlePageFactory(parent=article_index)) == []
