import datetime

import pytest
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from home.factories import DocumentFactory, StandardPageFactory
from resources.factories import ArticlePageFactory, GuidancePageFactory
from search.documents import build_index_document
from search.tests.conftest import body, publish

pytestmark = pytest.mark.django_db


def test_article_document_holds_text_metadata_and_url(article_index, topic_drugs):
    article = publish(
        ArticlePageFactory(
            parent=article_index,
            title="Phòng chống ma tuý",
            summary="Tóm tắt.",
            body=[*body("Đoạn một."), ("heading", {"text": "Tiêu đề phụ", "level": "h2"})],
            audiences=["parents"],
            topics=[topic_drugs],
        )
    )

    document = build_index_document(article)

    assert document.page_id == article.pk
    assert (document.kind, document.locale, document.slug) == ("article", "vi", article.slug)
    assert document.url == article.url
    assert document.title == "Phòng chống ma túy"  # normalised
    assert document.body.startswith("Tóm tắt.")
    assert "Đoạn một." in document.body
    assert "Tiêu đề phụ" in document.body
    assert gettext("Heading 2") not in document.body  # a block's settings are not content
    assert topic_drugs.name in document.body
    assert document.topics == ("drugs",)
    assert document.audiences == ("parents",)


def test_resource_document_adds_file_text_except_from_private_collections(guidance_index):
    public_file = DocumentFactory(title="Công văn")
    public_file.extracted_text = "Nội dung tệp công khai."
    public_file.save()
    private_collection = Collection.get_first_root_node().add_child(name="Nội bộ")
    CollectionViewRestriction.objects.create(collection=private_collection, restriction_type="login")
    private_file = DocumentFactory(title="Nội bộ", collection=private_collection)
    private_file.extracted_text = "Bí mật."
    private_file.save()
    resource = publish(
        GuidancePageFactory(
            parent=guidance_index,
            title="Hướng dẫn",
            document_number="2935/GDĐT-CTTT",
            issuer="Sở GD&ĐT",
            resource_type="legal-document",
            school_levels=["primary"],
            files=[public_file, private_file],
        )
    )

    document = build_index_document(resource)

    assert document.kind == "resource"
    assert (document.document_number, document.issuer) == ("2935/GDĐT-CTTT", "Sở GD&ĐT")
    assert (document.resource_type, document.school_levels) == ("legal-document", ("primary",))
    assert "Nội dung tệp công khai." in document.body
    assert "Bí mật." not in document.body


def test_campaign_document_includes_the_goal(publish_campaign):
    campaign = publish_campaign(title="Mùa hè an toàn", goal="Không để trẻ đuối nước.")

    assert "Không để trẻ đuối nước." in build_index_document(campaign).body


def test_pages_that_are_not_public_content_have_no_document(article_index, home_page):
    standard = publish(StandardPageFactory(parent=home_page, title="Giới thiệu"))
    draft = ArticlePageFactory(parent=article_index, title="Nháp", live=False)
    private = publish(ArticlePageFactory(parent=article_index, title="Riêng"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    expired = publish(ArticlePageFactory(parent=article_index, title="Hết hạn"))
    expired.expire_at = timezone.now() - datetime.timedelta(seconds=1)

    assert build_index_document(standard) is None
    assert build_index_document(home_page) is None
    assert build_index_document(article_index) is None
    assert build_index_document(draft) is None
    assert build_index_document(private) is None
    assert build_index_document(expired) is None
