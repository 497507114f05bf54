"""Fixtures for search tests: published pages (indexed through the publish signals) and engines.

`engine` runs a test once per available engine: the database engine always,
Elasticsearch too when `ELASTICSEARCH_URL` is set (a throwaway index prefix,
writes visible at once).
"""

import datetime
import uuid

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from wagtail.rich_text import RichText

from campaigns.factories import CampaignPageFactory
from home.factories import TopicFactory
from home.services import ensure_index_page
from resources.factories import ArticlePageFactory, GuidancePageFactory
from search.engines import registry
from search.engines.database import DatabaseEngine

ENGINE_NAMES = ["database", *(["elasticsearch"] if settings.ELASTICSEARCH_URL else [])]


def body(*paragraphs):
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs]


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture(autouse=True)
def fresh_cache():
    """Editors' lists are cached; each test starts from its own database state."""
    cache.clear()
    yield
    cache.clear()


def publisher(factory, *, default_parent):
    """make(title=..., text=..., parent=None, **factory_kwargs): a published page of `factory`, indexed."""

    def make(*, title, text="", parent=None, **kwargs):
        kwargs.setdefault("summary", "")
        kwargs.setdefault("published_at", days_ago(30))
        page = factory(parent=parent or default_parent, title=title, body=body(text or title), **kwargs)
        return publish(page)

    return make


@pytest.fixture
def publish_article(article_index):
    return publisher(ArticlePageFactory, default_parent=article_index)


@pytest.fixture
def publish_resource(guidance_index):
    return publisher(GuidancePageFactory, default_parent=guidance_index)


@pytest.fixture
def publish_campaign(campaign_index):
    return publisher(CampaignPageFactory, default_parent=campaign_index)


@pytest.fixture
def article_index_en(home_page_en, locale_en):
    return ensure_index_page(kind_name="article", locale=locale_en)


@pytest.fixture
def topic_drugs(locale_vi):
    return TopicFactory(locale=locale_vi, slug="drugs", name="Phòng chống ma túy")


@pytest.fixture
def topic_violence(locale_vi):
    return TopicFactory(locale=locale_vi, slug="school-violence", name="Bạo lực học đường")


@pytest.fixture
def filler_articles(publish_article):
    """Unrelated articles, so that word statistics look like a real collection."""
    subjects = [
        "An toàn giao thông cho học sinh tiểu học",
        "Kỹ năng sơ cứu khi bị đuối nước",
        "Giáo dục giới tính trong nhà trường",
        "Quyền trẻ em theo Luật Trẻ em",
        "Phòng cháy chữa cháy ở khu dân cư",
        "Dinh dưỡng học đường và bữa ăn bán trú",
        "Sử dụng mạng xã hội an toàn",
        "Tư vấn tâm lý cho học sinh trung học",
    ]
    return [publish_article(title=subject, text=f"{subject}. Nội dung hướng dẫn chi tiết.") for subject in subjects]


@pytest.fixture(params=ENGINE_NAMES)
def engine(request, db):
    if request.param == "database":
        return DatabaseEngine()
    return request.getfixturevalue("elasticsearch_test_engine")


@pytest.fixture
def elasticsearch_test_engine(monkeypatch):
    """An Elasticsearch engine on a throwaway index, which the publish signals also write to."""
    from search.engines.elasticsearch import ElasticsearchEngine

    engine = ElasticsearchEngine(prefix=f"test_{uuid.uuid4().hex[:8]}_", refresh="wait_for")
    engine.create_index(make_live=True)
    monkeypatch.setattr(registry, "elasticsearch_engine", lambda: engine)
    yield engine
    engine.delete_all_indices()
