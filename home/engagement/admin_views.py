"""Editors' view of reader feedback: a report over all their pages and one page's answers."""

import django_filters
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.filters import DateRangePickerWidget, LocaleFilter, WagtailFilterSet
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page

from home.engagement.selectors import (
    feedback_counts_by_page,
    feedback_visible_to,
    latest_comments_by_page,
    page_feedback_summary,
    user_can_read_feedback,
    user_can_read_page_feedback,
)
from home.models import PageFeedback

REPORT_COMMENTS_PER_PAGE = 3
PAGE_REPORT_COMMENTS = 100


class PageLocaleFilter(LocaleFilter):
    def filter(self, qs, language_code):
        if not language_code:
            return qs
        return qs.filter(page__locale__language_code=language_code)


def locale_choices():
    return [(locale.language_code, locale.get_display_name()) for locale in Locale.objects.order_by("pk")]


class FeedbackReportFilterSet(WagtailFilterSet):
    created_on = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)
    locale = PageLocaleFilter(
        label=_("Language"),
        choices=locale_choices,
        empty_label=None,
        null_label=_("All"),
        null_value=None,
    )

    class Meta:
        model = PageFeedback
        fields = ["created_on", "locale"]


class FeedbackReportView(ReportView):
    page_title = _("Reader feedback")
    header_icon = "help"
    results_template_name = "home/admin/feedback_report_results.html"
    index_url_name = "page_feedback_report"
    index_results_url_name = "page_feedback_report_results"
    filterset_class = FeedbackReportFilterSet
    no_results_message = _("No reader has answered “Was this page helpful?” on your pages yet.")
    paginate_by = 50
    list_export = []

    def dispatch(self, request, *args, **kwargs):
        if not user_can_read_feedback(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return feedback_visible_to(self.request.user)

    def get_filtered_queryset(self):
        self.filtered_feedback = self.filter_queryset(self.get_queryset())
        return feedback_counts_by_page(self.filtered_feedback)

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        page_ids = [row["page_id"] for row in rows]
        pages = Page.objects.filter(pk__in=page_ids).select_related("locale").in_bulk()
        comments = latest_comments_by_page(
            feedback=self.filtered_feedback, page_ids=page_ids, per_page=REPORT_COMMENTS_PER_PAGE
        )
        return [
            {
                **row,
                "page": pages[row["page_id"]],
                "latest_comments": comments[row["page_id"]],
                "detail_url": reverse("page_feedback_detail", args=[row["page_id"]]),
            }
            for row in rows
        ]


class PageFeedbackView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "home/admin/page_feedback.html"
    header_icon = "help"

    def dispatch(self, request, *args, **kwargs):
        self.page = get_object_or_404(Page.objects.select_related("locale"), pk=kwargs["page_id"])
        if not user_can_read_page_feedback(user=request.user, page=self.page):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Reader feedback: %(title)s") % {"title": self.page.get_admin_display_title()}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("page_feedback_report"), "label": _("Reader feedback")},
            {"url": "", "label": self.page.get_admin_display_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = self.page
        context["summary"] = page_feedback_summary(page=self.page, comment_limit=PAGE_REPORT_COMMENTS)
        context["comment_limit"] = PAGE_REPORT_COMMENTS
        context["edit_url"] = reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        return context
