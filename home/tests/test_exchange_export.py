import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from campaigns.factories import CampaignPageFactory
from home.factories import DocumentFactory, TopicFactory
from home.models import PortalDocument, Topic
from home.services import ensure_index_page
from home.tests.exchange_support import (
    PDF,
    article_line,
    english_messages,  # noqa: F401 - used through pytestmark
    fresh_storage,  # noqa: F401 - used through pytestmark
    use_empty_storage,
    write_bundle,
)
from resources.factories import ArticlePageFactory, GuidancePageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_storage", "english_messages")]

VN = datetime.timezone(datetime.timedelta(hours=7))


def run_export(path):
    out, err = io.StringIO(), io.StringIO()
    call_command("export_content", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_import(path):
    call_command("import_content", str(path), stdout=io.StringIO())


def read_lines(folder):
    return [json.loads(line) for line in (folder / "content.jsonl").read_text(encoding="utf-8").splitlines()]


def tree(folder):
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def body(*blocks):
    return json.dumps([{"type": block_type, "value": value} for block_type, value in blocks])


def translate(page, locale, **fields):
    """An English translation of `page`, published, as an editor would make it."""
    ensure_index_page(
        kind_name={"ArticlePage": "article", "CampaignPage": "campaign"}[type(page).__name__], locale=locale
    )
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return type(page).objects.get(pk=translation.pk)


@pytest.fixture
def site(article_index, campaign_index, guidance_index, locale_en):
    drugs = TopicFactory(slug="ma-tuy", name="Ma túy", description="Mô tả\nhai dòng")
    english_drugs = drugs.copy_for_translation(locale_en)
    english_drugs.name, english_drugs.description = "Drugs", "About drugs"
    english_drugs.save()
    TopicFactory(slug="an-toan", name="An toàn")
    english_only = TopicFactory(slug="english-only", name="Only in English", locale=locale_en)

    later = ArticlePageFactory(
        parent=article_index,
        slug="sau",
        title="Bài sau",
        published_at=datetime.datetime(2024, 9, 6, 9, tzinfo=VN),
        topics=[english_only],
    )
    first = ArticlePageFactory(
        parent=article_index,
        slug="truoc",
        title="Bài trước",
        summary="Tóm tắt.",
        author="Ban biên tập",
        audiences=["students", "parents"],
        published_at=datetime.datetime(2024, 9, 5, 8, 30, tzinfo=VN),
        topics=[drugs],
        body=body(
            ("heading", {"text": "Điều 8", "level": "h2"}),
            ("paragraph", f'<p>Xem <b>bài</b> <a linktype="page" id="{later.pk}">sau</a> và <i>luật</i>.</p>'),
            ("quote", {"text": "Trích dẫn", "attribution": ""}),
            ("paragraph", "<ul><li>một</li><li>hai</li></ul><ol><li>ba</li></ol>"),
        ),
    )
    translate(first, locale_en, title="Earlier article", slug="earlier", summary="Summary.")
    same_time = ArticlePageFactory(
        parent=article_index,
        slug="cung-luc",
        title="Cùng lúc",
        published_at=datetime.datetime(2024, 9, 6, 9, tzinfo=VN),
    )
    ArticlePageFactory(parent=article_index, slug="nhap", title="Bản nháp", live=False)
    ArticlePageFactory(parent=article_index, slug="bài-lỗi", title="Slug có dấu")

    campaign = CampaignPageFactory(
        parent=campaign_index,
        slug="thang-hanh-dong",
        title="Tháng hành động",
        published_at=datetime.datetime(2024, 5, 1, tzinfo=VN),
        starts_on=datetime.date(2026, 6, 1),
        ends_on=None,
        call_to_action_label="Tham gia",
        call_to_action_url="https://example.org/tham-gia",
    )
    translate(campaign, locale_en, title="Action month", slug="action-month")

    shared = DocumentFactory(title="Hướng dẫn", file__filename="huong-dan.pdf", file__data=PDF)
    copy = DocumentFactory(title="Bản sao", file__filename="ban-sao.pdf", file__data=PDF)
    GuidancePageFactory(
        parent=guidance_index,
        slug="huong-dan",
        title="Hướng dẫn",
        published_at=datetime.datetime(2024, 3, 1, tzinfo=VN),
        school_levels=["primary"],
        document_number="2935/GDĐT-CTTT",
        document_type="cong-van",
        issuer="Sở GD&ĐT",
        files=[shared],
    )
    GuidancePageFactory(
        parent=guidance_index,
        slug="ban-sao",
        title="Bản sao",
        published_at=datetime.datetime(2024, 3, 2, tzinfo=VN),
        issued_on=None,
        files=[copy],
    )
    GuidancePageFactory(parent=guidance_index, slug="khong-tep", title="Không tệp", files=[])
    return {"same_time": same_time}


def test_export_order_topics_then_each_item_followed_by_its_translations(site, tmp_path):
    run_export(tmp_path / "bundle")

    assert [(line["kind"], line["slug"], line.get("locale")) for line in read_lines(tmp_path / "bundle")] == [
        ("topic", "an-toan", None),
        ("topic", "ma-tuy", None),
        ("article", "truoc", "vi"),
        ("article", "earlier", "en"),
        ("article", "cung-luc", "vi"),
        ("article", "sau", "vi"),
        ("campaign", "thang-hanh-dong", "vi"),
        ("campaign", "action-month", "en"),
        ("resource", "huong-dan", "vi"),
        ("resource", "ban-sao", "vi"),
    ]


def test_export_lines_have_a_fixed_key_order_and_vietnam_time(site, tmp_path):
    run_export(tmp_path / "bundle")
    content = (tmp_path / "bundle" / "content.jsonl").read_text(encoding="utf-8").splitlines()
    later_url = Page.objects.get(slug="sau").url

    assert json.loads(content[1]) == {
        "kind": "topic",
        "slug": "ma-tuy",
        "name": {"vi": "Ma túy", "en": "Drugs"},
        "description": {"vi": "Mô tả\nhai dòng", "en": "About drugs"},
    }
    article = json.loads(content[2])
    assert list(article) == [
        "kind", "slug", "locale", "title", "summary", "published_at", "author", "topics", "audiences", "body"
    ]  # fmt: skip
    assert article["published_at"] == "2024-09-05T08:30:00+07:00"
    assert article["audiences"] == ["parents", "students"]
    assert article["topics"] == ["ma-tuy"]
    assert article["body"] == (f"## Điều 8\n\nXem **bài** [sau]({later_url}) và *luật*.\n\n- một\n- hai\n\n1. ba")
    translation = json.loads(content[3])
    assert list(translation)[:5] == ["kind", "slug", "locale", "translation_of", "title"]
    assert translation["translation_of"] == "truoc"
    campaign = json.loads(content[6])
    assert list(campaign) == ["kind", "slug", "locale", "title", "summary", "published_at", "starts_on",
                              "call_to_action", "body"]  # fmt: skip
    assert campaign["call_to_action"] == {"label": "Tham gia", "url": "https://example.org/tham-gia"}
    resource = json.loads(content[8])
    assert list(resource) == [
        "kind", "slug", "locale", "title", "summary", "published_at", "file", "resource_type",
        "school_levels", "document_number", "document_type", "issuer", "issued_on", "body",
    ]  # fmt: skip


def test_each_file_is_copied_once_beside_the_content(site, tmp_path):
    run_export(tmp_path / "bundle")
    lines = read_lines(tmp_path / "bundle")

    assert lines[8]["file"] == "files/vi/huong-dan/huong-dan.pdf"
    assert lines[9]["file"] == "files/vi/huong-dan/huong-dan.pdf"  # same content: one file
    assert (tmp_path / "bundle" / "files/vi/huong-dan/huong-dan.pdf").read_bytes() == PDF
    assert [path for path in tree(tmp_path / "bundle") if path.startswith("files/")] == [
        "files/vi/huong-dan/huong-dan.pdf"
    ]


def test_what_the_format_cannot_hold_is_reported_on_stderr(site, tmp_path):
    out, err = run_export(tmp_path / "bundle")

    assert "article “truoc” (vi): body blocks left out (the format has no place for them): quote" in err
    assert "article “bài-lỗi” (vi) left out: its slug is not made of a-z, 0-9 and hyphens" in err
    assert "resource “khong-tep” (vi) left out: it has no file" in err
    assert "topic “english-only” (en) left out: it has no vi version" in err
    assert "article “sau” (vi): topics left out (not in the bundle): english-only" in err
    assert "nhap" not in err  # drafts are not exported, silently: they are not published content
    assert out.splitlines() == [
        "topic: 2 exported",
        "article: 4 exported",
        "campaign: 2 exported",
        "resource: 2 exported",
    ]


def empty_the_site(settings, media):
    Page.objects.filter(depth__gt=2).delete()
    Topic.objects.all().delete()
    PortalDocument.objects.all().delete()
    use_empty_storage(settings, media)


def test_export_import_export_gives_identical_bundles(site, tmp_path, settings):
    run_export(tmp_path / "first")
    empty_the_site(settings, tmp_path / "new-server-media")
    assert PortalDocument.objects.count() == 0

    run_import(tmp_path / "first")
    run_export(tmp_path / "second")

    first, second = tree(tmp_path / "first"), tree(tmp_path / "second")
    assert len(read_lines(tmp_path / "first")) == 10
    assert "files/vi/huong-dan/huong-dan.pdf" in first
    assert second == first


def test_exporting_twice_gives_identical_bundles(site, tmp_path):
    run_export(tmp_path / "one")
    run_export(tmp_path / "two")
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_a_lone_jsonl_file_when_no_file_is_needed(tmp_path):
    run_import(write_bundle(tmp_path / "bundle", [article_line(published_at="2024-09-05")]))

    run_export(tmp_path / "out" / "content.jsonl")

    assert read_lines(tmp_path / "out") == [
        {
            "kind": "article",
            "slug": "bai-viet",
            "locale": "vi",
            "title": "Bài viết",
            "published_at": "2024-09-05T00:00:00+07:00",
            "body": "Nội dung bài viết.",
        }
    ]


def test_a_lone_jsonl_file_is_refused_when_files_are_needed(site, tmp_path):
    with pytest.raises(CommandError, match="this content includes files; export to a folder instead"):
        run_export(tmp_path / "content.jsonl")
    assert not (tmp_path / "content.jsonl").exists()


def test_a_folder_that_is_not_empty_is_refused(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "stale.pdf").write_bytes(PDF)
    with pytest.raises(CommandError, match="the bundle folder must be new or empty"):
        run_export(tmp_path / "old")


def test_an_empty_site_exports_an_empty_bundle(tmp_path):
    out, _err = run_export(tmp_path / "bundle")
    assert (tmp_path / "bundle" / "content.jsonl").read_bytes() == b""
    assert out == "Nothing to export.\n"
