"""Admin wiring of two-factor sign-in: its page, and a link to it from the account page."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from home.admin_auth import TwoFactorSettingsView
from home.two_factor import confirmed_two_factor


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [path("two-factor/", TwoFactorSettingsView.as_view(), name="admin_two_factor")]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    on = confirmed_two_factor(request.user) is not None
    return {
        "url": reverse("admin_two_factor"),
        "label": _("Two-factor sign-in"),
        "help_text": _("On: each sign-in asks for a code from your phone.")
        if on
        else _("Off: ask for a code from an authenticator app at each sign-in."),
    }
