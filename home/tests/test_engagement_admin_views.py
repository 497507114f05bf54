"""Editors' report of reader feedback: who may read it, what it shows, its filters."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from home.editorial import create_section_editors
from home.models import PageFeedback
from home.services import ensure_index_page
from home.tests.editorial_support import assert_refused, edit_url, make_role_user, make_user
from resources.factories import ArticlePageFactory, GuidancePageFactory

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/reports/reader-feedback/"


@pytest.fixture
def article(article_index):
    return ArticlePageFactory(parent=article_index, title="Bài về ma túy")


@pytest.fixture
def guidance(guidance_index):
    return GuidancePageFactory(parent=guidance_index, title="Tài liệu hướng dẫn")


def answer(page, helpful, comment="", days_ago=0):
    return PageFeedback.objects.create(
        page=page,
        helpful=helpful,
        comment=comment,
        created_on=datetime.date(2026, 6, 30) - datetime.timedelta(days=days_ago),
    )


def admin_only_user():
    """Signs in to the admin, but may edit no page."""
    user = make_user("reader-of-nothing")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_report_counts_answers_per_page_with_the_latest_comments(client, article, guidance):
    answer(article, True, "Rất hữu ích", days_ago=2)
    answer(article, True)
    answer(article, False, "Thiếu ví dụ", days_ago=1)
    answer(guidance, False)
    client.force_login(make_role_user("editor"))

    response = client.get(REPORT_URL)

    assert response.status_code == 200
    rows = {row["page"].pk: row for row in response.context["object_list"]}
    assert (rows[article.pk]["yes"], rows[article.pk]["no"]) == (2, 1)
    assert [entry.comment for entry in rows[article.pk]["latest_comments"]] == ["Thiếu ví dụ", "Rất hữu ích"]
    assert (rows[guidance.pk]["yes"], rows[guidance.pk]["no"]) == (0, 1)
    html = response.content.decode()
    assert "Bài về ma túy" in html and "Thiếu ví dụ" in html


def test_report_shows_comments_escaped(client, article):
    answer(article, False, '<script>alert("x")</script><b>đậm</b>')
    client.force_login(make_role_user("reviewer"))

    html = client.get(REPORT_URL).content.decode()

    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;đậm&lt;/b&gt;" in html
    assert '<script>alert("x")' not in html


def test_report_keeps_three_comments_per_page_and_links_to_the_rest(client, article):
    for number in range(5):
        answer(article, True, f"Ý kiến {number}", days_ago=number)
    client.force_login(make_role_user("editor"))

    response = client.get(REPORT_URL)

    (row,) = response.context["object_list"]
    assert [entry.comment for entry in row["latest_comments"]] == ["Ý kiến 0", "Ý kiến 1", "Ý kiến 2"]
    assert reverse("page_feedback_detail", args=[article.pk]) in response.content.decode()


def test_report_filters_by_date(client, article, guidance):
    answer(article, True, days_ago=10)
    answer(guidance, True, days_ago=0)
    client.force_login(make_role_user("editor"))

    response = client.get(REPORT_URL, {"created_on_from": "2026-06-25", "created_on_to": "2026-06-30"})

    assert [row["page"].pk for row in response.context["object_list"]] == [guidance.pk]


def test_report_filters_by_language(client, article, locale_en):
    ensure_index_page(kind_name="article", locale=locale_en)
    english = article.copy_for_translation(locale_en)
    english.save_revision().publish()
    answer(article, True)
    answer(english, False)
    client.force_login(make_role_user("editor"))

    english_rows = client.get(REPORT_URL, {"locale": "en"}).context["object_list"]
    all_rows = client.get(REPORT_URL).context["object_list"]

    assert [row["page"].pk for row in english_rows] == [english.pk]
    assert len(all_rows) == 2


def test_invalid_filter_values_do_not_break_the_report(client, article):
    answer(article, True)
    client.force_login(make_role_user("editor"))

    response = client.get(REPORT_URL, {"created_on_from": "not-a-date", "locale": "xx"})

    assert response.status_code == 200


def test_section_editors_see_only_their_sections_feedback(client, article, guidance):
    answer(article, True, "Về bài viết")
    answer(guidance, True, "Về tài liệu")
    group = create_section_editors(name="Biên tập tài liệu", page=guidance.get_parent())
    client.force_login(make_user("section-editor", group))

    response = client.get(REPORT_URL)

    assert [row["page"].pk for row in response.context["object_list"]] == [guidance.pk]
    assert_refused(client.get(reverse("page_feedback_detail", args=[article.pk])))


def test_users_who_can_edit_no_page_cannot_read_feedback(client, article):
    answer(article, False, "Bí mật")
    client.force_login(admin_only_user())

    assert_refused(client.get(REPORT_URL))
    assert_refused(client.get(reverse("page_feedback_detail", args=[article.pk])))
    reports_menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert REPORT_URL not in reports_menu


def test_anonymous_visitors_are_sent_to_the_login(client, article):
    response = client.get(REPORT_URL)

    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response.url


def test_page_report_shows_counts_and_escaped_comments(client, article):
    answer(article, True, "Dễ hiểu")
    answer(article, False, "<i>khó</i>")
    answer(article, False)
    client.force_login(make_role_user("editor"))

    response = client.get(reverse("page_feedback_detail", args=[article.pk]))

    assert response.status_code == 200
    summary = response.context["summary"]
    assert (summary["yes"], summary["no"], summary["comments"]) == (1, 2, 2)
    html = response.content.decode()
    assert "Dễ hiểu" in html and "&lt;i&gt;khó&lt;/i&gt;" in html


def test_page_report_of_an_unknown_page_is_a_404(client):
    client.force_login(make_role_user("editor"))

    assert client.get(reverse("page_feedback_detail", args=[987654])).status_code == 404


def test_edit_view_links_to_the_page_report(client, article, campaign_index):
    from campaigns.factories import CampaignPageFactory

    campaign = CampaignPageFactory(parent=campaign_index)
    client.force_login(make_role_user("editor"))
    link = reverse("page_feedback_detail", args=[article.pk])

    assert link in client.get(edit_url(article)).content.decode()
    assert reverse("page_feedback_detail", args=[campaign.pk]) not in client.get(edit_url(campaign)).content.decode()
