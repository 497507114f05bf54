"""Admin wiring of reader feedback: the report, its menu item, a button on each page.

Imported from `HomeConfig.ready()` (Wagtail only auto-imports `wagtail_hooks`).
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from home.engagement.admin_views import FeedbackReportView, PageFeedbackView
from home.engagement.selectors import accepts_feedback, user_can_read_feedback, user_can_read_page_feedback


@hooks.register("register_admin_urls")
def register_feedback_urls():
    return [
        path("reports/reader-feedback/", FeedbackReportView.as_view(), name="page_feedback_report"),
        path(
            "reports/reader-feedback/results/",
            FeedbackReportView.as_view(results_only=True),
            name="page_feedback_report_results",
        ),
        path("reports/reader-feedback/<int:page_id>/", PageFeedbackView.as_view(), name="page_feedback_detail"),
    ]


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_read_feedback(request.user)


@hooks.register("register_reports_menu_item")
def register_feedback_menu_item():
    return FeedbackMenuItem(
        _("Reader feedback"), reverse("page_feedback_report"), name="reader-feedback", icon_name="help", order=1300
    )


@hooks.register("register_page_header_buttons")
def page_feedback_button(page, user, view_name, next_url=None):
    if accepts_feedback(page) and user_can_read_page_feedback(user=user, page=page):
        yield Button(
            _("Reader feedback"),
            url=reverse("page_feedback_detail", args=[page.pk]),
            icon_name="help",
            priority=66,
        )
