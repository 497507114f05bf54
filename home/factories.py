"""Factories for the shared foundation. Other apps' factories build on these."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale
from wagtail.rich_text import RichText

from home.models import HomePage, Hotline, PageTopic, PortalDocument, SiteAlert, StandardPage, Topic


def default_locale():
    return Locale.get_default()


def paragraph_body(text="Nội dung thử nghiệm."):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("locale", "slug")

    locale = factory.LazyFunction(default_locale)
    slug = factory.Sequence(lambda n: f"topic-{n}")
    name = factory.Sequence(lambda n: f"Chủ đề {n}")


class HotlineFactory(DjangoModelFactory):
    class Meta:
        model = Hotline

    locale = factory.LazyFunction(default_locale)
    number = "111"
    name = "Tổng đài quốc gia bảo vệ trẻ em"


class SiteAlertFactory(DjangoModelFactory):
    class Meta:
        model = SiteAlert

    locale = factory.LazyFunction(default_locale)
    message = "Thông báo thử nghiệm"


class DocumentFactory(wagtail_factories.DocumentFactory):
    class Meta:
        model = PortalDocument

    file = factory.django.FileField(filename="huong-dan.pdf", data=b"%PDF-1.4\n%test\n%%EOF\n")


class ImageFactory(wagtail_factories.ImageFactory):
    pass


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Trang {n}")
    body = factory.LazyFunction(paragraph_body)


class ContentPageFactory(wagtail_factories.PageFactory):
    """Base for article, campaign and guidance factories. `topics=[...]` links topics."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    summary = "Tóm tắt thử nghiệm."
    body = factory.LazyFunction(paragraph_body)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if not create or not extracted:
            return
        for topic in extracted:
            PageTopic.objects.create(page=self, topic=topic)


def get_home_page(locale=None):
    locale = locale or default_locale()
    return HomePage.objects.get(depth=2, locale=locale)
