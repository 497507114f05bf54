"""Shared helpers of the editorial tests: users per role, admin edit-form data."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.editorial import CONTENT_MANAGERS_GROUP, EDITORS_GROUP, REVIEWERS_GROUP

ROLE_GROUPS = {
    "editor": EDITORS_GROUP,
    "reviewer": REVIEWERS_GROUP,
    "content_manager": CONTENT_MANAGERS_GROUP,
}


def make_user(username, *groups):
    """An active user in `groups` (Group instances or names), created once per username."""
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org"}
    )
    if created:
        user.set_password("pw")
        user.save()
    for group in groups:
        user.groups.add(group if isinstance(group, Group) else Group.objects.get(name=group))
    return user


def make_role_user(role):
    return make_user(role, ROLE_GROUPS[role])


def assert_refused(response):
    """Wagtail answers a refused admin action with 403, or a redirect to the dashboard with an error."""
    if response.status_code == 302:
        assert response.url == reverse("wagtailadmin_home")
    else:
        assert response.status_code == 403


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def article_form_data(page, *, body_text="Nội dung đã sửa.", action=None, **fields):
    """POST data of the admin edit form of ArticlePage `page`, with `fields` changed.

    `action` is "publish" or "submit" (for review); None saves a draft.
    """
    values = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body": streamfield([("paragraph", rich_text(f"<p>{body_text}</p>"))]),
        "legal_references": streamfield([]),
        "published_at": timezone.localtime(page.published_at).strftime("%Y-%m-%d %H:%M"),
        "author": page.author,
        "topic_links": inline_formset([]),
        "related_links": inline_formset([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        **fields,
    }
    data = nested_form_data(values)
    if action:
        data[f"action-{action}"] = action
    return data
