"""The public "Was this page helpful?" endpoint: stores anonymous answers, refuses bad ones."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from campaigns.factories import CampaignPageFactory
from home.engagement import views
from home.models import PageFeedback
from home.models.feedback import FEEDBACK_COMMENT_MAX_LENGTH
from home.services import ensure_index_page
from resources.factories import ArticlePageFactory, GuidancePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def article(article_index):
    return ArticlePageFactory(parent=article_index, title="Phòng chống bạo lực học đường")


def feedback_url(page, language="vi"):
    with translation.override(language):
        return reverse("page_feedback", args=[page.pk])


def test_yes_with_a_comment_is_stored_and_redirects_to_the_thank_you(client, article):
    response = client.post(feedback_url(article), {"helpful": "yes", "comment": "  Rất dễ hiểu.  "})

    assert response.status_code == 302
    assert response.url == f"{article.url}#feedback-thanks"
    entry = PageFeedback.objects.get()
    assert (entry.page_id, entry.helpful, entry.comment) == (article.pk, True, "Rất dễ hiểu.")


def test_no_without_a_comment_is_stored(client, guidance_index):
    guidance = GuidancePageFactory(parent=guidance_index)

    client.post(feedback_url(guidance), {"helpful": "no"})

    entry = PageFeedback.objects.get()
    assert (entry.page_id, entry.helpful, entry.comment) == (guidance.pk, False, "")


def test_the_answer_keeps_nothing_about_the_reader(client, article):
    client.post(
        feedback_url(article),
        {"helpful": "yes", "comment": "Hay"},
        REMOTE_ADDR="203.0.113.77",
        HTTP_USER_AGENT="MarkerAgent/9.9",
    )

    response = client.post(feedback_url(article), {"helpful": "no"})

    assert "Set-Cookie" not in response.headers and not response.cookies
    stored = [str(value) for value in PageFeedback.objects.values_list().get(helpful=True)]
    assert not any("203.0.113.77" in value or "MarkerAgent" in value for value in stored)
    fields = {field.name for field in PageFeedback._meta.get_fields()}
    assert fields == {"id", "page", "helpful", "comment", "created_on"}


def test_the_endpoint_is_csrf_exempt(article):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(feedback_url(article), {"helpful": "yes"})

    assert response.status_code == 302
    assert PageFeedback.objects.count() == 1


def test_english_page_answer_redirects_to_the_english_page(client, article, locale_en):
    ensure_index_page(kind_name="article", locale=locale_en)
    english = article.copy_for_translation(locale_en)
    english.save_revision().publish()

    response = client.post(feedback_url(english, "en"), {"helpful": "yes"})

    assert response.url.startswith("/en/")
    assert PageFeedback.objects.get().page_id == english.pk


@pytest.mark.parametrize(
    "data",
    [{}, {"helpful": "maybe"}, {"helpful": ""}, {"helpful": "YES", "comment": "Hay"}, {"comment": "Hay"}],
    ids=["empty", "unknown-answer", "blank-answer", "wrong-case", "comment-only"],
)
def test_malformed_posts_get_a_clear_message_and_store_nothing(client, article, data):
    response = client.post(feedback_url(article), data)

    assert response.status_code == 400
    assert "Hãy chọn “Có” hoặc “Không”." in response.content.decode()
    assert PageFeedback.objects.count() == 0


def test_a_comment_with_a_null_character_is_refused(client, article):
    response = client.post(feedback_url(article), {"helpful": "yes", "comment": "a\x00b"})

    assert response.status_code == 400
    assert PageFeedback.objects.count() == 0


def test_too_long_comment_is_refused_and_shown_back(client, article):
    comment = "Ý kiến dài " + "x" * FEEDBACK_COMMENT_MAX_LENGTH

    response = client.post(feedback_url(article), {"helpful": "no", "comment": comment})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Ý kiến quá dài" in html
    assert comment in html  # the reader does not lose what they wrote
    assert PageFeedback.objects.count() == 0


def test_comment_of_exactly_the_limit_is_accepted(client, article):
    client.post(feedback_url(article), {"helpful": "yes", "comment": "é" * FEEDBACK_COMMENT_MAX_LENGTH})

    assert len(PageFeedback.objects.get().comment) == FEEDBACK_COMMENT_MAX_LENGTH


def test_unknown_page_is_a_404_with_a_message(client):
    response = client.post(reverse("page_feedback", args=[987654]), {"helpful": "yes"})

    assert response.status_code == 404
    assert "Trang này không nhận câu trả lời." in response.content.decode()
    assert PageFeedback.objects.count() == 0


def test_draft_page_takes_no_answer(client, article_index):
    draft = ArticlePageFactory(parent=article_index, live=False)

    response = client.post(feedback_url(draft), {"helpful": "yes"})

    assert response.status_code == 404
    assert PageFeedback.objects.count() == 0


def test_unpublished_page_takes_no_answer(client, article):
    article.unpublish()

    assert client.post(feedback_url(article), {"helpful": "yes"}).status_code == 404
    assert PageFeedback.objects.count() == 0


def test_page_types_without_feedback_take_no_answer(client, campaign_index, home_page):
    campaign = CampaignPageFactory(parent=campaign_index)

    for page in (campaign, home_page):
        assert client.post(feedback_url(page), {"helpful": "yes"}).status_code == 404
    assert PageFeedback.objects.count() == 0


def test_get_is_not_allowed(client, article):
    assert client.get(feedback_url(article)).status_code == 405


def test_honeypot_answers_are_thanked_but_not_stored(client, article):
    response = client.post(feedback_url(article), {"helpful": "yes", "website": "http://spam.example"})

    assert response.status_code == 302
    assert PageFeedback.objects.count() == 0


def test_rate_limit_refuses_a_flood_from_one_address(client, article, monkeypatch):
    monkeypatch.setattr(views, "RATE_LIMIT", 3)

    statuses = [client.post(feedback_url(article), {"helpful": "yes"}).status_code for _ in range(5)]

    assert statuses == [302, 302, 302, 429, 429]
    assert PageFeedback.objects.count() == 3
    other = client.post(feedback_url(article), {"helpful": "yes"}, REMOTE_ADDR="198.51.100.9")
    assert other.status_code == 302


def test_answers_still_work_when_the_cache_is_down(client, article, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr("home.network.cache.add", broken)

    assert client.post(feedback_url(article), {"helpful": "yes"}).status_code == 302
    assert PageFeedback.objects.count() == 1


def test_out_of_range_page_id_is_a_404(client):
    response = client.post("/feedback/99999999999999999999999/", {"helpful": "yes"})

    assert response.status_code == 404
