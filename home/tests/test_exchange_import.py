import datetime
import io

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import IntegrityError
from wagtail.models import Locale, Revision

from campaigns.exchange import CampaignExchange
from campaigns.models import CampaignPage
from home.exchange.importer import import_bundle
from home.factories import TopicFactory
from home.models import PortalDocument, Topic
from home.tests.exchange_support import (
    PDF,
    article_line,
    campaign_line,
    english_messages,  # noqa: F401 - used through pytestmark
    fresh_storage,  # noqa: F401 - used through pytestmark
    resource_line,
    site_counts,
    stored_names,
    topic_line,
    write_bundle,
)
from resources.models import ArticleIndexPage, ArticlePage, GuidancePage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_storage", "english_messages")]


def run_import(path, *args):
    out = io.StringIO()
    call_command("import_content", str(path), *args, stdout=out)
    return out.getvalue()


def import_error(path, *args):
    with pytest.raises(CommandError) as caught:
        run_import(path, *args)
    return str(caught.value)


def full_bundle(folder):
    return write_bundle(
        folder,
        [
            "# Nội dung thử nghiệm",
            topic_line(description={"vi": "Mô tả", "en": "About"}),
            article_line(
                topics=["ma-tuy"],
                audiences=["students", "parents"],
                published_at="2024-09-05T08:30:00+07:00",
                author="Ban biên tập",
                summary="Tóm tắt.",
                body="## Điều 8\n\nĐoạn **một**.",
            ),
            article_line(locale="en", translation_of="bai-viet", title="Article", topics=["ma-tuy"]),
            campaign_line(ends_on="2026-06-30", call_to_action={"label": "Tham gia", "url": "https://example.org/"}),
            resource_line(issued_on="2024-09-05", school_levels=["primary"], document_type="cong-van"),
        ],
        files={"files/huong-dan.pdf": PDF},
    )


# --- success -------------------------------------------------------------------------


def test_import_creates_published_pages_and_reports_counts(tmp_path):
    output = run_import(full_bundle(tmp_path / "bundle"))

    assert output.splitlines() == [
        "topic: 1 created, 0 updated, 0 unchanged",
        "article: 2 created, 0 updated, 0 unchanged",
        "campaign: 1 created, 0 updated, 0 unchanged",
        "resource: 1 created, 0 updated, 0 unchanged",
    ]
    article = ArticlePage.objects.get(locale__language_code="vi", slug="bai-viet")
    assert article.live
    assert not article.has_unpublished_changes
    assert article.title == "Bài viết"
    assert article.summary == "Tóm tắt."
    assert article.author == "Ban biên tập"
    assert article.audiences == ["parents", "students"]
    assert article.topic_slugs == ["ma-tuy"]
    assert article.published_at == datetime.datetime(2024, 9, 5, 1, 30, tzinfo=datetime.UTC)
    assert [(block.block_type, block.value.source if block.block_type == "paragraph" else dict(block.value))
            for block in article.body] == [("heading", {"text": "Điều 8", "level": "h2"}),
                                           ("paragraph", "<p>Đoạn <b>một</b>.</p>")]  # fmt: skip
    assert article.get_parent().specific_class is ArticleIndexPage
    assert article.revisions.count() == 1


def test_pages_go_under_their_kind_index_in_their_locale(tmp_path):
    run_import(full_bundle(tmp_path / "bundle"))

    english = ArticlePage.objects.get(locale__language_code="en")
    assert english.url == "/en/know-the-law/bai-viet/"
    assert ArticlePage.objects.get(locale__language_code="vi").url == "/tim-hieu-phap-luat/bai-viet/"
    assert CampaignPage.objects.get().url == "/chien-dich/chien-dich-he/"
    assert GuidancePage.objects.get().url == "/thu-vien-tai-lieu/tai-lieu/"


def test_translations_share_the_translation_key(tmp_path):
    run_import(full_bundle(tmp_path / "bundle"))

    vietnamese = ArticlePage.objects.get(locale__language_code="vi")
    english = ArticlePage.objects.get(locale__language_code="en")
    assert english.translation_key == vietnamese.translation_key
    assert english.get_parent().translation_key == vietnamese.get_parent().translation_key
    assert english.title == "Article"
    assert english.live
    assert english.topics[0].locale.language_code == "en"


def test_translations_leave_no_automatic_redirect(tmp_path, django_capture_on_commit_callbacks):
    from wagtail.contrib.redirects.models import Redirect

    bundle = write_bundle(
        tmp_path / "bundle",
        [
            article_line(),
            article_line(slug="an-article", locale="en", translation_of="bai-viet", title="Article"),
        ],
    )
    with django_capture_on_commit_callbacks(execute=True):
        run_import(bundle)

    assert ArticlePage.objects.get(locale__language_code="en").slug == "an-article"
    assert not Redirect.objects.exists()


def test_topics_are_created_with_translations_in_each_locale(tmp_path):
    run_import(full_bundle(tmp_path / "bundle"))

    vietnamese = Topic.objects.get(locale__language_code="vi", slug="ma-tuy")
    english = Topic.objects.get(locale__language_code="en", slug="ma-tuy")
    assert (vietnamese.name, vietnamese.description) == ("Phòng, chống ma túy", "Mô tả")
    assert (english.name, english.description) == ("Drug prevention", "About")
    assert english.translation_key == vietnamese.translation_key


def test_lines_may_use_topics_already_on_the_site(tmp_path):
    TopicFactory(slug="bao-luc")
    run_import(write_bundle(tmp_path / "bundle", [article_line(topics=["bao-luc"])]))
    assert ArticlePage.objects.get().topic_slugs == ["bao-luc"]


def test_a_lone_jsonl_file_is_a_bundle(tmp_path):
    write_bundle(tmp_path / "bundle", [article_line()])
    run_import(tmp_path / "bundle" / "content.jsonl")
    assert ArticlePage.objects.filter(slug="bai-viet").exists()


def test_published_at_defaults_to_now_and_a_date_means_midnight_in_vietnam(tmp_path):
    run_import(write_bundle(tmp_path / "bundle", [article_line(), article_line(slug="hai", published_at="2024-01-02")]))
    assert ArticlePage.objects.get(slug="bai-viet").published_at.date() >= datetime.date(2025, 1, 1)
    assert ArticlePage.objects.get(slug="hai").published_at == datetime.datetime(2024, 1, 1, 17, tzinfo=datetime.UTC)


# --- idempotence and updates -----------------------------------------------------------


def snapshot():
    pages = {}
    for page in [*ArticlePage.objects.all(), *CampaignPage.objects.all(), *GuidancePage.objects.all()]:
        pages[(type(page).__name__, page.locale.language_code, page.slug)] = (
            page.pk,
            page.title,
            page.published_at,
            page.latest_revision_id,
            page.last_published_at,
            list(page.body.raw_data),
        )
    return pages


def test_importing_the_same_bundle_twice_changes_nothing(tmp_path):
    folder = full_bundle(tmp_path / "bundle")
    run_import(folder)
    counts, pages = site_counts(), snapshot()
    topics = list(Topic.objects.values_list("pk", "name", "description"))

    output = run_import(folder)

    assert site_counts() == counts
    assert snapshot() == pages
    assert list(Topic.objects.values_list("pk", "name", "description")) == topics
    assert output.splitlines() == [
        "topic: 0 created, 0 updated, 1 unchanged",
        "article: 0 created, 0 updated, 2 unchanged",
        "campaign: 0 created, 0 updated, 1 unchanged",
        "resource: 0 created, 0 updated, 1 unchanged",
    ]


def test_published_at_is_kept_when_absent(tmp_path):
    folder = write_bundle(tmp_path / "bundle", [article_line()])
    run_import(folder)
    first = ArticlePage.objects.get().published_at
    write_bundle(folder, [article_line(title="Tiêu đề mới")])

    run_import(folder)

    article = ArticlePage.objects.get()
    assert article.title == "Tiêu đề mới"
    assert article.published_at == first


def test_a_changed_line_updates_the_page_in_place_with_a_new_revision(tmp_path):
    folder = write_bundle(tmp_path / "bundle", [campaign_line()])
    run_import(folder)
    campaign = CampaignPage.objects.get()
    CampaignPage.objects.filter(pk=campaign.pk).update(goal="Mục tiêu do biên tập viên viết.")
    write_bundle(folder, [campaign_line(title="Chiến dịch mới", ends_on="2026-07-31")])

    output = run_import(folder)

    assert "campaign: 0 created, 1 updated, 0 unchanged" in output
    updated = CampaignPage.objects.get()
    assert updated.pk == campaign.pk
    assert (updated.title, updated.ends_on) == ("Chiến dịch mới", datetime.date(2026, 7, 31))
    assert updated.goal == "Mục tiêu do biên tập viên viết."  # not a key of the format: kept
    assert updated.revisions.count() == 2
    assert updated.live and not updated.has_unpublished_changes


def test_an_optional_key_left_out_clears_the_field(tmp_path):
    folder = write_bundle(tmp_path / "bundle", [article_line(summary="Tóm tắt", audiences=["teachers"])])
    run_import(folder)
    write_bundle(folder, [article_line()])
    run_import(folder)
    article = ArticlePage.objects.get()
    assert (article.summary, article.audiences) == ("", [])


def test_topic_names_are_updated_in_place(tmp_path):
    folder = write_bundle(tmp_path / "bundle", [topic_line()])
    run_import(folder)
    write_bundle(folder, [topic_line(vi="Ma túy", en="Drugs")])

    assert "topic: 0 created, 1 updated, 0 unchanged" in run_import(folder)
    assert set(Topic.objects.values_list("locale__language_code", "name")) == {("vi", "Ma túy"), ("en", "Drugs")}


# --- drafts ---------------------------------------------------------------------------


def test_draft_import_saves_revisions_without_publishing(tmp_path):
    folder = full_bundle(tmp_path / "bundle")
    run_import(folder, "--draft")

    for page in [*ArticlePage.objects.all(), *CampaignPage.objects.all(), *GuidancePage.objects.all()]:
        assert not page.live
        assert page.latest_revision is not None
        assert page.get_latest_revision_as_object().title == page.title

    counts = site_counts()
    assert "article: 0 created, 0 updated, 2 unchanged" in run_import(folder, "--draft")
    assert site_counts() == counts


def test_a_later_import_without_draft_publishes_the_drafts(tmp_path):
    folder = full_bundle(tmp_path / "bundle")
    run_import(folder, "--draft")

    output = run_import(folder)

    assert "article: 0 created, 2 updated, 0 unchanged" in output
    assert all(page.live for page in ArticlePage.objects.all())


def test_a_draft_update_leaves_the_live_version_alone(tmp_path):
    folder = write_bundle(tmp_path / "bundle", [article_line()])
    run_import(folder)
    write_bundle(folder, [article_line(title="Bản nháp")])

    run_import(folder, "--draft")

    article = ArticlePage.objects.get()
    assert article.live and article.title == "Bài viết"
    assert article.has_unpublished_changes
    assert article.get_latest_revision_as_object().title == "Bản nháp"


# --- all or nothing --------------------------------------------------------------------


def test_a_bad_line_in_the_middle_leaves_the_site_unchanged(tmp_path):
    folder = write_bundle(
        tmp_path / "bundle",
        [topic_line(), resource_line(), article_line(slug="Sai Slug"), campaign_line()],
        files={"files/huong-dan.pdf": PDF},
    )
    before = site_counts()

    message = import_error(folder)

    assert message == "line 3: slug: “Sai Slug” is not a slug: use only a-z, 0-9 and hyphens"
    assert site_counts() == before
    assert stored_names(default_storage) == []


def test_a_failure_while_writing_rolls_back_and_deletes_stored_files(tmp_path, monkeypatch):
    def fail(self, **kwargs):
        raise IntegrityError("simulated failure")

    monkeypatch.setattr(CampaignExchange, "desired_extra", fail)
    folder = write_bundle(
        tmp_path / "bundle", [topic_line(), resource_line(), campaign_line()], files={"files/huong-dan.pdf": PDF}
    )
    before = site_counts()

    message = import_error(folder)

    assert message == "line 3: -: could not be saved: simulated failure"
    assert site_counts() == before
    assert stored_names(default_storage) == []


def test_line_numbers_count_blank_and_comment_lines(tmp_path):
    folder = write_bundle(
        tmp_path / "bundle", ["# chú thích", "", article_line(), "   ", article_line(slug="x", titel="Lỗi")]
    )
    assert import_error(folder) == "line 5: titel: unknown key (did you mean “title”?)"


def test_the_error_goes_to_stderr_with_a_non_zero_exit(tmp_path, capsys):
    from home.management.commands.import_content import Command

    folder = write_bundle(tmp_path / "bundle", [article_line(audiences=["ong-ba"])])
    with pytest.raises(SystemExit) as exit_info:
        Command().run_from_argv(["manage.py", "import_content", str(folder)])

    assert exit_info.value.code != 0
    assert "line 1: audiences: unknown value “ong-ba”" in capsys.readouterr().err


# --- one rule each ---------------------------------------------------------------------

TOPIC = topic_line()


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (['{"kind": "article", "slug": }'], "line 1: json: not valid JSON: Expecting value (column 29)"),
        (["[1, 2]"], "line 1: json: a line must be a JSON object"),
        (['{"kind": "topic", "slug": "a", "slug": "b"}'], "line 1: slug: given twice"),
        ([{"slug": "x"}], "line 1: kind: is required"),
        ([{"kind": "page"}], "line 1: kind: unknown kind “page”; expected one of article, campaign, resource, topic"),
        ([{"kind": 3}], "line 1: kind: must be a string, not number"),
        ([article_line(colour="red")], "line 1: colour: unknown key; expected audiences, author, body, kind, locale, "
         "published_at, slug, summary, title, topics, translation_of"),
        ([{"kind": "article", "slug": "a", "body": "x"}], "line 1: title: is required"),
        ([article_line(title=5)], "line 1: title: must be a string, not number"),
        ([article_line(title="  ")], "line 1: title: must not be empty"),
        ([article_line(title="a\nb")], "line 1: title: must be a single line"),
        ([article_line(title="a" * 256)], "line 1: title: may have at most 255 characters, not 256"),
        ([article_line(slug="bai_viet")], "line 1: slug: “bai_viet” is not a slug: use only a-z, 0-9 and hyphens"),
        ([article_line(slug="bài-viết")], "line 1: slug: “bài-viết” is not a slug: use only a-z, 0-9 and hyphens"),
        ([article_line(), article_line()], "line 2: slug: the article “bai-viet” in “vi” is already on line 1"),
        ([article_line(locale="fr")], "line 1: locale: unknown locale “fr”; this site has vi, en"),
        ([article_line(body="")], "line 1: body: must not be empty"),
        ([article_line(body="# H1")], "line 1: body: text line 1: only ## and ### headings are supported, not “#”"),
        ([article_line(body="a\n\n[x](javascript:alert(1))")],
         "line 1: body: text line 3: the link “javascript:alert(1)” is not allowed: only http(s), mailto and "
         "relative links are accepted"),
        ([article_line(topics="ma-tuy")], "line 1: topics: must be a list, not string"),
        ([article_line(topics=["ma-tuy"])],
         "line 1: topics: unknown topic “ma-tuy”: define it on an earlier line or on the site"),
        ([article_line(topics=["ma-tuy"]), TOPIC],
         "line 1: topics: unknown topic “ma-tuy”: define it on an earlier line or on the site"),
        ([TOPIC, article_line(topics=["ma-tuy", "ma-tuy"])], "line 2: topics: “ma-tuy” is listed twice"),
        ([article_line(audiences=["ong-ba"])],
         "line 1: audiences: unknown value “ong-ba”; expected one of parents, students, teachers"),
        ([article_line(published_at="05/09/2024")],
         "line 1: published_at: “05/09/2024” is not an ISO date or date-time (YYYY-MM-DD or "
         "YYYY-MM-DDTHH:MM:SS+07:00)"),
        ([article_line(published_at="2024-02-30")],
         "line 1: published_at: “2024-02-30” is not an ISO date or date-time (YYYY-MM-DD or "
         "YYYY-MM-DDTHH:MM:SS+07:00)"),
        ([article_line(translation_of="bai-viet")],
         "line 1: translation_of: only an item in another locale than “vi” can be a translation"),
        ([article_line(locale="en", translation_of="goc")],
         "line 1: translation_of: no article “goc” in “vi” on an earlier line or on the site"),
        ([article_line(slug="en-truoc", locale="en", translation_of="goc"), article_line(slug="goc")],
         "line 1: translation_of: no article “goc” in “vi” on an earlier line or on the site"),
        ([campaign_line(slug="goc"), article_line(locale="en", translation_of="goc")],
         "line 2: translation_of: no article “goc” in “vi” on an earlier line or on the site"),
        ([article_line(slug="goc"), article_line(slug="a", locale="en", translation_of="goc"),
          article_line(slug="b", locale="en", translation_of="goc")],
         "line 3: translation_of: “goc” already has a translation in “en” on line 2"),
        ([{"kind": "topic", "slug": "a"}], "line 1: name: is required"),
        ([{"kind": "topic", "slug": "a", "name": "Ma túy"}], "line 1: name: must be an object, not string"),
        ([{"kind": "topic", "slug": "a", "name": {"en": "Drugs"}}], "line 1: name.vi: is required"),
        ([{"kind": "topic", "slug": "a", "name": {"vi": "A", "fr": "B"}}],
         "line 1: name.fr: unknown locale “fr”; this site has vi, en"),
        ([{"kind": "topic", "slug": "a", "name": {"vi": "A"}, "description": {"en": "B"}}],
         "line 1: description.en: there is no name in this locale"),
        ([TOPIC, TOPIC], "line 2: slug: topic “ma-tuy” is already defined on line 1"),
    ],
)  # fmt: skip
def test_each_rule_has_a_precise_message(tmp_path, lines, message):
    before = site_counts()
    assert import_error(write_bundle(tmp_path / "bundle", lines)) == message
    assert site_counts() == before


def test_the_line_and_key_stay_put_whatever_the_language(tmp_path):
    from django.utils import translation

    with translation.override("vi"):
        message = import_error(write_bundle(tmp_path / "bundle", [article_line(title="")]))
    assert message.startswith("line 1: title: ")


def test_invalid_utf8_is_reported_with_its_line(tmp_path):
    folder = write_bundle(tmp_path / "bundle", [topic_line()])
    with (folder / "content.jsonl").open("ab") as content:
        content.write(b'{"kind": "topic", "slug": "x", "name": {"vi": "\xff"}}\n')
    assert import_error(folder) == "line 2: json: not valid UTF-8"


def test_a_byte_order_mark_is_ignored(tmp_path):
    folder = write_bundle(tmp_path / "bundle", [article_line()])
    (folder / "content.jsonl").write_bytes(b"\xef\xbb\xbf" + (folder / "content.jsonl").read_bytes())
    run_import(folder)
    assert ArticlePage.objects.count() == 1


def test_a_missing_bundle_is_reported(tmp_path):
    assert import_error(tmp_path / "nowhere") == f"{tmp_path / 'nowhere'}: no such bundle folder or file"
    (tmp_path / "empty").mkdir()
    assert import_error(tmp_path / "empty") == f"{tmp_path / 'empty'}: the bundle folder has no content.jsonl"


def test_an_existing_page_that_is_not_the_translation_is_refused(tmp_path):
    run_import(write_bundle(tmp_path / "one", [article_line(slug="goc"), article_line(slug="khac", locale="en")]))
    message = import_error(
        write_bundle(tmp_path / "two", [article_line(slug="khac", locale="en", translation_of="goc")])
    )
    assert message == "line 1: translation_of: the article “khac” in “en” exists and is not a translation of “goc”"


def test_a_source_already_translated_under_another_slug_is_refused(tmp_path):
    run_import(
        write_bundle(
            tmp_path / "one", [article_line(slug="goc"), article_line(slug="a", locale="en", translation_of="goc")]
        )
    )
    message = import_error(write_bundle(tmp_path / "two", [article_line(slug="b", locale="en", translation_of="goc")]))
    assert message == "line 1: translation_of: “goc” already has a translation in “en”: “a”"


def test_a_topic_translation_that_is_not_linked_is_refused(tmp_path, locale_en):
    TopicFactory(slug="ma-tuy", locale=locale_en, name="Drugs")
    message = import_error(write_bundle(tmp_path / "bundle", [topic_line()]))
    assert message == "line 1: name.en: the topic “ma-tuy” in “en” is not a translation of the one in “vi”"


def test_a_translation_may_point_to_a_page_already_on_the_site(tmp_path):
    run_import(write_bundle(tmp_path / "one", [article_line(slug="goc")]))
    run_import(write_bundle(tmp_path / "two", [article_line(slug="source", locale="en", translation_of="goc")]))
    assert ArticlePage.objects.get(slug="source").translation_key == ArticlePage.objects.get(slug="goc").translation_key


def test_import_service_can_be_called_directly(tmp_path):
    report = import_bundle(path=write_bundle(tmp_path / "bundle", [topic_line()]), draft=False)
    assert report.summary_lines() == ["topic: 1 created, 0 updated, 0 unchanged"]
    assert Locale.objects.filter(language_code="en").exists()
    assert Revision.objects.count() == 0
    assert PortalDocument.objects.count() == 0
