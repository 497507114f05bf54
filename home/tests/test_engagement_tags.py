"""The "Was this page helpful?" form as readers get it on article and guidance pages."""

import re

import pytest
from django.urls import reverse

from campaigns.factories import CampaignPageFactory
from resources.factories import ArticlePageFactory, GuidancePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(article_index):
    return ArticlePageFactory(parent=article_index)


def test_article_has_the_feedback_form_without_a_csrf_token(client, article):
    response = client.get(article.url)
    html = response.content.decode()

    assert f'action="{reverse("page_feedback", args=[article.pk])}" method="post"' in html
    assert 'name="helpful" value="yes"' in html and 'name="helpful" value="no"' in html
    assert re.search(r'<textarea id="feedback-comment" name="comment"[^>]* maxlength="500"', html)
    assert 'id="feedback-thanks"' in html
    assert "csrfmiddlewaretoken" not in html


def test_article_with_the_form_stays_cacheable(client, article):
    response = client.get(article.url)

    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies
    assert "private" not in response.get("Cache-Control", "") and "no-store" not in response.get("Cache-Control", "")


def test_guidance_has_the_feedback_form(client, guidance_index):
    guidance = GuidancePageFactory(parent=guidance_index)

    html = client.get(guidance.url).content.decode()

    assert reverse("page_feedback", args=[guidance.pk]) in html


def test_campaign_has_no_feedback_form(client, campaign_index):
    campaign = CampaignPageFactory(parent=campaign_index)

    assert 'id="feedback"' not in client.get(campaign.url).content.decode()


def test_english_article_form_posts_to_the_english_endpoint(client, article, locale_en):
    from home.services import ensure_index_page

    ensure_index_page(kind_name="article", locale=locale_en)
    english = article.copy_for_translation(locale_en)
    english.save_revision().publish()

    html = client.get(english.url).content.decode()

    assert f'action="/en/feedback/{english.pk}/"' in html
    assert "Was this page helpful?" in html
