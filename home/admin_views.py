"""Admin report: translations whose source page changed since they were last synced."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import ReportView

from home.editorial import TRANSLATION_PERMISSION
from home.translations import describe_outdated_translations, outdated_translations


def user_can_sync_translations(user):
    return user.is_active and user.has_perm(TRANSLATION_PERMISSION)


class OutdatedTranslationsView(ReportView):
    page_title = _("Out-of-date translations")
    header_icon = "site"
    results_template_name = "home/admin/translation_report.html"
    index_url_name = "outdated_translations_report"
    index_results_url_name = "outdated_translations_report_results"
    no_results_message = _("Every translation is up to date with its source page.")
    paginate_by = 50
    list_export = []

    def dispatch(self, request, *args, **kwargs):
        if not user_can_sync_translations(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return outdated_translations()

    def decorate_paginated_queryset(self, object_list):
        return [
            {
                "row": row,
                "edit_url": reverse("wagtailadmin_pages:edit", args=[row.target_page.pk]),
                "sync_url": reverse("wagtail_localize:update_translations", args=[row.translation.source_id])
                + "?"
                + urlencode({"next": self.index_url}),
                "source_edit_url": reverse("wagtailadmin_pages:edit", args=[row.source_page.pk]),
            }
            for row in describe_outdated_translations(object_list)
        ]
