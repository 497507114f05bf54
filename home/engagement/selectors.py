"""Reads for reader feedback: which pages take it, and what editors may see of it."""

from django.db.models import Count, F, Max, Q, Window
from django.db.models.functions import RowNumber
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from home.models import PageFeedback

EDITOR_ACTIONS = {"change", "publish"}


def accepts_feedback(page):
    return bool(getattr(page.specific_class, "accepts_feedback", False))


def page_accepting_feedback(*, page_id):
    """The live, public page `page_id` if its type takes feedback, else None."""
    page = Page.objects.live().public().filter(pk=page_id).select_related("content_type").first()
    if page is None or not accepts_feedback(page):
        return None
    return page


def user_can_read_feedback(user):
    return PagePermissionPolicy().user_has_any_permission(user, EDITOR_ACTIONS)


def user_can_read_page_feedback(*, user, page):
    permissions = page.permissions_for_user(user)
    return permissions.can_edit() or permissions.can_publish()


def feedback_visible_to(user):
    """Feedback on the pages `user` may edit or publish."""
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(user, EDITOR_ACTIONS)
    return PageFeedback.objects.filter(page__in=pages.values("pk"))


def feedback_counts_by_page(feedback):
    """One row per page: page id, yes / no / comment counts and the latest day, most answered first."""
    return (
        feedback.order_by()
        .values("page_id")
        .annotate(
            yes=Count("pk", filter=Q(helpful=True)),
            no=Count("pk", filter=Q(helpful=False)),
            comments=Count("pk", filter=~Q(comment="")),
            total=Count("pk"),
            latest=Max("created_on"),
        )
        .order_by("-total", "-latest", "page_id")
    )


def latest_comments_by_page(*, feedback, page_ids, per_page):
    """The `per_page` newest comments of each page in `page_ids`, in one query."""
    ranked = (
        feedback.filter(page_id__in=page_ids)
        .exclude(comment="")
        .annotate(
            rank=Window(RowNumber(), partition_by=F("page_id"), order_by=[F("created_on").desc(), F("pk").desc()])
        )
        .filter(rank__lte=per_page)
        .order_by("page_id", "rank")
    )
    comments = {page_id: [] for page_id in page_ids}
    for entry in ranked:
        comments[entry.page_id].append(entry)
    return comments


def page_feedback_summary(*, page, comment_limit):
    feedback = PageFeedback.objects.filter(page=page)
    counts = feedback.aggregate(
        yes=Count("pk", filter=Q(helpful=True)),
        no=Count("pk", filter=Q(helpful=False)),
        comments=Count("pk", filter=~Q(comment="")),
    )
    return {**counts, "latest_comments": list(feedback.exclude(comment="")[:comment_limit])}


def latest_public_pages(*, model, locale, limit):
    """The `limit` newest live, public pages of `model` in `locale`."""
    return list(model.objects.live().public().filter(locale=locale).order_by("-published_at", "-pk")[:limit])


def section_index(*, model, locale):
    return model.objects.live().filter(locale=locale).order_by("path").first()
