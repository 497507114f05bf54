"""The moderation workflow, driven through the real admin views."""

import datetime
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page, TaskState, WorkflowState

from campaigns.factories import CampaignPageFactory
from home.editorial import MODERATION_WORKFLOW, REVIEW_TASK, get_moderation_workflow
from home.services import ensure_home_page, ensure_index_page
from home.tests.editorial_support import article_form_data, assert_refused, edit_url, make_role_user
from resources.factories import ArticlePageFactory, GuidancePageFactory
from resources.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_article(article_index):
    return ArticlePageFactory(parent=article_index, title="Bản nháp", live=False)


def submit_for_review(client, page, **fields):
    client.force_login(make_role_user("editor"))
    response = client.post(edit_url(page), article_form_data(page, action="submit", **fields))
    assert response.status_code == 302
    client.logout()
    return WorkflowState.objects.for_instance(page).get()


def workflow_action(client, *, page, action, comment=""):
    task_state = WorkflowState.objects.for_instance(page).get().current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def test_workflow_has_one_review_task_for_the_reviewers():
    workflow = get_moderation_workflow()
    tasks = [task.specific for task in workflow.tasks]
    assert workflow.active
    assert [task.name for task in tasks] == [REVIEW_TASK]
    assert [group.name for group in tasks[0].groups.all()] == ["Người duyệt bài"]


@pytest.mark.parametrize("factory_name", ["article", "guidance", "campaign"])
def test_workflow_applies_to_content_pages_in_both_locales(
    factory_name, article_index, guidance_index, campaign_index, locale_en
):
    factories = {
        "article": (ArticlePageFactory, "article"),
        "guidance": (GuidancePageFactory, "resource"),
        "campaign": (CampaignPageFactory, "campaign"),
    }
    factory, kind_name = factories[factory_name]
    for locale in (Locale.get_default(), locale_en):
        page = factory(parent=ensure_index_page(kind_name=kind_name, locale=locale))
        assert page.get_workflow().name == MODERATION_WORKFLOW


def test_workflow_covers_home_pages_created_later(locale_en):
    """Assigned to Root, so a locale added after the migration is covered without any step."""
    locale_fr = Locale.objects.create(language_code="fr")
    home_fr = ensure_home_page(locale=locale_fr)
    assert home_fr.get_workflow().name == MODERATION_WORKFLOW
    assert Page.get_first_root_node().workflowpage.workflow.name == MODERATION_WORKFLOW


def test_submit_starts_review_and_publishes_nothing(client, draft_article):
    workflow_state = submit_for_review(client, draft_article, title="Bài gửi duyệt")

    assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert workflow_state.current_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert workflow_state.current_task_state.task.name == REVIEW_TASK
    draft_article.refresh_from_db()
    assert not draft_article.live
    assert client.get(draft_article.url).status_code == 404


def test_reviewer_approval_publishes(client, draft_article):
    submit_for_review(client, draft_article, title="Bài đã duyệt", body_text="Nội dung được duyệt.")
    client.force_login(make_role_user("reviewer"))

    response = workflow_action(client, page=draft_article, action="approve", comment="Tốt.")

    assert response.status_code == 302
    article = ArticlePage.objects.get(pk=draft_article.pk)
    assert article.live
    assert article.title == "Bài đã duyệt"
    assert WorkflowState.objects.for_instance(article).get().status == WorkflowState.STATUS_APPROVED
    client.logout()
    assert "Nội dung được duyệt." in client.get(article.url).content.decode()


def test_reviewer_rejection_keeps_page_unpublished_with_comment(client, draft_article):
    submit_for_review(client, draft_article, title="Cần sửa")
    client.force_login(make_role_user("reviewer"))

    response = workflow_action(client, page=draft_article, action="reject", comment="Thiếu căn cứ pháp lý.")

    assert response.status_code == 302
    workflow_state = WorkflowState.objects.for_instance(draft_article).get()
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state = TaskState.objects.filter(workflow_state=workflow_state).get()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.get_comment() == "Thiếu căn cứ pháp lý."
    assert not ArticlePage.objects.get(pk=draft_article.pk).live
    assert client.get(draft_article.url).status_code == 404


def test_rejected_change_to_live_page_leaves_live_version_alone(client, article_index):
    article = ArticlePageFactory(parent=article_index, title="Bản đang đăng", body__0__paragraph="x")
    submit_for_review(client, article, title="Bản sửa bị từ chối", body_text="Nội dung chưa đạt.")
    client.force_login(make_role_user("reviewer"))

    workflow_action(client, page=article, action="reject", comment="Chưa đạt.")

    article.refresh_from_db()
    assert article.live
    assert article.title == "Bản đang đăng"
    assert article.has_unpublished_changes
    client.logout()
    assert "Nội dung chưa đạt." not in client.get(article.url).content.decode()


def test_rejected_page_goes_back_to_its_editor(client, draft_article):
    """The editor sees the reviewer's comment on the edit page and can resubmit."""
    submit_for_review(client, draft_article)
    client.force_login(make_role_user("reviewer"))
    workflow_action(client, page=draft_article, action="reject", comment="Bổ sung số hiệu văn bản.")

    client.force_login(get_user_model().objects.get(username="editor"))  # who submitted it
    response = client.get(edit_url(draft_article))
    assert response.status_code == 200
    assert "Bổ sung số hiệu văn bản." in response.content.decode()


@pytest.mark.parametrize("role", ["editor", "content_manager"])
def test_only_reviewers_can_approve(client, draft_article, role):
    submit_for_review(client, draft_article)
    client.force_login(make_role_user(role))

    response = workflow_action(client, page=draft_article, action="approve")

    assert_refused(response)
    assert not ArticlePage.objects.get(pk=draft_article.pk).live
    assert WorkflowState.objects.for_instance(draft_article).get().status == WorkflowState.STATUS_IN_PROGRESS


def test_approved_page_with_go_live_date_waits_for_its_schedule(client, draft_article):
    go_live_at = timezone.localtime() + datetime.timedelta(days=1)
    submit_for_review(client, draft_article, go_live_at=go_live_at.strftime("%Y-%m-%d %H:%M"))
    client.force_login(make_role_user("reviewer"))
    workflow_action(client, page=draft_article, action="approve")

    assert not ArticlePage.objects.get(pk=draft_article.pk).live

    call_command("publish_scheduled")
    assert not ArticlePage.objects.get(pk=draft_article.pk).live

    the_day_after = timezone.now() + datetime.timedelta(days=2)
    with mock.patch("django.utils.timezone.now", return_value=the_day_after):
        call_command("publish_scheduled")
    assert ArticlePage.objects.get(pk=draft_article.pk).live
