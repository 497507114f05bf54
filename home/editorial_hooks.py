"""Admin wiring of the editorial roles: the out-of-date translations report, user safeguards.

Imported from `HomeConfig.ready()` (Wagtail only auto-imports `wagtail_hooks`).
"""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.admin_views import OutdatedTranslationsView, user_can_sync_translations


@hooks.register("register_admin_urls")
def register_outdated_translations_urls():
    return [
        path(
            "reports/outdated-translations/",
            OutdatedTranslationsView.as_view(),
            name="outdated_translations_report",
        ),
        path(
            "reports/outdated-translations/results/",
            OutdatedTranslationsView.as_view(results_only=True),
            name="outdated_translations_report_results",
        ),
    ]


class TranslationPermissionMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_sync_translations(request.user)


@hooks.register("register_reports_menu_item")
def register_outdated_translations_menu_item():
    return TranslationPermissionMenuItem(
        _("Out-of-date translations"),
        reverse("outdated_translations_report"),
        name="outdated-translations",
        icon_name="site",
        order=9100,
    )


# Content managers may manage users, but Wagtail's user form would let them
# tick "Administrator" or edit an administrator: that is for administrators only.
@hooks.register("before_create_user")
def refuse_granting_superuser(request):
    if request.method == "POST" and request.POST.get("is_superuser") and not request.user.is_superuser:
        raise PermissionDenied


@hooks.register("before_edit_user")
def refuse_editing_superuser(request, user):
    if request.user.is_superuser:
        return
    if user.is_superuser or (request.method == "POST" and request.POST.get("is_superuser")):
        raise PermissionDenied
