"""Counsellors' admin views of the student help mailbox, and the access log for managers.

Every case view answers 403 to anyone outside the counsellors group (whatever
their other rights) and 404 for a case outside the counsellor's schools
(`home.mailbox.counselling.cases_visible_to`). Opening, replying, exporting
and printing are recorded in the access log by the services.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.defaults import permission_denied
from django.views.generic import TemplateView, View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.base import BaseListingView, WagtailAdminTemplateMixin

from home.mailbox import counselling, counselling_services
from home.mailbox.pdf import render_case_pdf
from home.models import MailboxAccessLog, MailboxCase

REPLY_MAX_LENGTH = 5000
NO_SCHOOL = "none"


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Your reply"),
        max_length=REPLY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = _(
            "Plain text, at most %(limit)s characters. The student reads it with their case code and PIN."
        ) % {"limit": REPLY_MAX_LENGTH}


def forbidden(request):
    """A plain 403: Wagtail's admin would turn a raised PermissionDenied into a redirect to the dashboard."""
    return permission_denied(request, PermissionDenied())


class CounsellorOnlyMixin:
    """403 for everyone outside the counsellors group; 404 for a case outside their schools."""

    @method_decorator(never_cache)
    def dispatch(self, request, *args, **kwargs):
        if not counselling.is_counsellor(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_case(self):
        queryset = counselling.cases_visible_to(self.request.user).select_related("school")
        return get_object_or_404(queryset, pk=self.kwargs["case_id"])


# --- Case list ---------------------------------------------------------------


class CaseFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=MailboxCase.Status.choices, widget=forms.RadioSelect, empty_label=_("All")
    )
    school = django_filters.ChoiceFilter(label=_("School"), method="filter_school", empty_label=_("All"))

    class Meta:
        model = MailboxCase
        fields = ["status", "school"]

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        choices = [(str(school.pk), school.name) for school in counselling.schools_visible_to(request.user)]
        if counselling.is_city_wide(request.user):
            choices.append((NO_SCHOOL, _("No school given")))
        self.filters["school"].extra["choices"] = choices

    def filter_school(self, queryset, name, value):
        if value == NO_SCHOOL:
            return queryset.filter(school__isnull=True)
        return queryset.filter(school_id=value)


class CaseListView(CounsellorOnlyMixin, BaseListingView):
    page_title = _("Student help mailbox")
    header_icon = "mail"
    index_url_name = "mailbox_cases"
    index_results_url_name = "mailbox_cases_results"
    filterset_class = CaseFilterSet
    default_ordering = "-last_activity_at"
    paginate_by = 50
    verbose_name = _("case")
    verbose_name_plural = _("cases")
    columns = [
        TitleColumn("code", label=_("Case code"), url_name="mailbox_case"),
        Column("school", label=_("School"), accessor=counselling.school_label),
        Column("topic", label=_("Topic"), accessor=counselling.topic_label),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("last_activity_at", label=_("Last activity"), sort_key="last_activity_at"),
    ]

    def get_base_queryset(self):
        return counselling.cases_visible_to(self.request.user).select_related("school")


# --- One case ----------------------------------------------------------------


class CaseDetailView(CounsellorOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "home/mailbox/admin/case_detail.html"
    header_icon = "mail"

    def get(self, request, *args, **kwargs):
        return self.render_case(ReplyForm())

    def render_case(self, reply_form, *, status=200):
        self.case = self.get_case()
        counselling_services.record_access(
            user=self.request.user, case=self.case, action=MailboxAccessLog.Action.OPENED
        )
        context = self.get_context_data(reply_form=reply_form)
        return self.render_to_response(context, status=status)

    def get_page_title(self):
        return _("Case %(code)s") % {"code": self.case.code}

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": reverse("mailbox_cases"), "label": _("Student help mailbox")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            case=self.case,
            thread=counselling.case_thread(self.case),
            is_closed=self.case.status == MailboxCase.Status.CLOSED,
            reply_max_length=REPLY_MAX_LENGTH,
            **kwargs,
        )


class CaseReplyView(CaseDetailView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        case = self.get_case()
        if case.status == MailboxCase.Status.CLOSED:
            messages.error(request, _("This case is closed. Reopen it before replying."))
            return redirect("mailbox_case", case_id=case.pk)
        form = ReplyForm(request.POST)
        if not form.is_valid():
            return self.render_case(form, status=400)
        counselling_services.reply_to_case(case=case, user=request.user, text=form.cleaned_data["text"])
        messages.success(request, _("Your reply was sent. The student sees it when they come back."))
        return redirect("mailbox_case", case_id=case.pk)


class CaseStatusView(CounsellorOnlyMixin, View):
    """POST only: close the case, or reopen it."""

    http_method_names = ["post"]
    close = True

    def post(self, request, *args, **kwargs):
        case = self.get_case()
        if self.close:
            counselling_services.close_case(case=case)
            messages.success(request, _("Case %(code)s is closed.") % {"code": case.code})
        else:
            counselling_services.reopen_case(case=case)
            messages.success(request, _("Case %(code)s is open again.") % {"code": case.code})
        return redirect("mailbox_case", case_id=case.pk)


class CaseExportView(CounsellorOnlyMixin, View):
    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        case = self.get_case()
        pdf = render_case_pdf(counselling.case_thread(case))
        counselling_services.record_access(user=request.user, case=case, action=MailboxAccessLog.Action.EXPORTED)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="case-{case.code}.pdf"'
        return response


class CasePrintView(CounsellorOnlyMixin, View):
    """The thread alone on a plain page, for the browser's Print command."""

    http_method_names = ["get"]

    def get(self, request, *args, **kwargs):
        case = self.get_case()
        counselling_services.record_access(user=request.user, case=case, action=MailboxAccessLog.Action.PRINTED)
        return TemplateResponse(
            request,
            "home/mailbox/admin/case_print.html",
            {"case": case, "thread": counselling.case_thread(case)},
        )


# --- Access log (managers) ---------------------------------------------------


class AccessLogFilterSet(WagtailFilterSet):
    action = django_filters.ChoiceFilter(
        label=_("Action"), choices=MailboxAccessLog.Action.choices, widget=forms.RadioSelect, empty_label=_("All")
    )

    class Meta:
        model = MailboxAccessLog
        fields = ["action"]


class AccessLogView(BaseListingView):
    """Who opened, answered, exported or printed which case: never any message content."""

    page_title = _("Mailbox access log")
    header_icon = "history"
    index_url_name = "mailbox_access_log"
    index_results_url_name = "mailbox_access_log_results"
    filterset_class = AccessLogFilterSet
    is_searchable = True
    search_fields = ["case_code", "username"]
    search_backend_name = None
    paginate_by = 100
    verbose_name = _("access log entry")
    verbose_name_plural = _("access log entries")
    columns = [
        Column("at", label=_("When"), accessor=lambda entry: counselling.format_local_datetime(entry.at)),
        Column("username", label=_("User")),
        Column("case_code", label=_("Case code")),
        Column("action", label=_("Action"), accessor="get_action_display"),
    ]

    @method_decorator(never_cache)
    def dispatch(self, request, *args, **kwargs):
        if not counselling.user_can_read_access_log(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return counselling.access_log_entries()
