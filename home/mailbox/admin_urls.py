"""URLs of the counsellors' mailbox views and the access log, under /admin/mailbox/.

Included from `portal/urls.py` ahead of Wagtail's admin rather than through
the `register_admin_urls` hook: Wagtail sends a signed-in user without admin
access to the login page and turns a refusal into a redirect to the
dashboard, while every mailbox view must answer a plain 403 (or 404) to
anyone who is not allowed in.
"""

from functools import wraps

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access

from home.mailbox import admin_views, counselling


def guarded(view, *, allowed):
    """Anonymous visitors go to the admin login; signed-in users failing `allowed(user)` get 403."""
    admin_view = require_admin_access(view)

    @wraps(view)
    def guarded_view(request, *args, **kwargs):
        if request.user.is_authenticated and not allowed(request.user):
            return admin_views.forbidden(request)
        return admin_view(request, *args, **kwargs)

    return never_cache(guarded_view)


def counsellors_only(view):
    return guarded(view, allowed=counselling.is_counsellor)


def access_log_readers_only(view):
    return guarded(view, allowed=counselling.user_can_read_access_log)


urlpatterns = [
    path("", counsellors_only(admin_views.CaseListView.as_view()), name="mailbox_cases"),
    path(
        "results/",
        counsellors_only(admin_views.CaseListView.as_view(results_only=True)),
        name="mailbox_cases_results",
    ),
    path("<int:case_id>/", counsellors_only(admin_views.CaseDetailView.as_view()), name="mailbox_case"),
    path("<int:case_id>/reply/", counsellors_only(admin_views.CaseReplyView.as_view()), name="mailbox_case_reply"),
    path(
        "<int:case_id>/close/",
        counsellors_only(admin_views.CaseStatusView.as_view(close=True)),
        name="mailbox_case_close",
    ),
    path(
        "<int:case_id>/reopen/",
        counsellors_only(admin_views.CaseStatusView.as_view(close=False)),
        name="mailbox_case_reopen",
    ),
    path("<int:case_id>/pdf/", counsellors_only(admin_views.CaseExportView.as_view()), name="mailbox_case_pdf"),
    path("<int:case_id>/print/", counsellors_only(admin_views.CasePrintView.as_view()), name="mailbox_case_print"),
    path("access-log/", access_log_readers_only(admin_views.AccessLogView.as_view()), name="mailbox_access_log"),
    path(
        "access-log/results/",
        access_log_readers_only(admin_views.AccessLogView.as_view(results_only=True)),
        name="mailbox_access_log_results",
    ),
]
