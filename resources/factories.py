import datetime

import factory
import wagtail_factories

from home.factories import ContentPageFactory, DocumentFactory
from resources.models import ArticleIndexPage, ArticlePage, GuidanceFile, GuidanceIndexPage, GuidancePage, ResourceType


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticleIndexPage

    title = "Tìm hiểu pháp luật"
    slug = "tim-hieu-phap-luat"


class ArticlePageFactory(ContentPageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Bài viết số {n}")
    author = "Ban biên tập"


class GuidanceIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GuidanceIndexPage

    title = "Thư viện tài liệu"
    slug = "thu-vien-tai-lieu"


class GuidancePageFactory(ContentPageFactory):
    """A guidance page with one PDF file unless `files=[]` is given."""

    class Meta:
        model = GuidancePage

    title = factory.Sequence(lambda n: f"Tài liệu số {n}")
    resource_type = ResourceType.GUIDE
    issued_on = datetime.date(2024, 9, 5)

    @factory.post_generation
    def files(self, create, extracted, **kwargs):
        if not create:
            return
        documents = [DocumentFactory()] if extracted is None else extracted
        for document in documents:
            GuidanceFile.objects.create(page=self, document=document)
