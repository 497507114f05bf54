"""Admin sign-in with an optional second step (TOTP code), and the page to turn it on or off.

A user with confirmed two-factor sign-in is not logged in by the password step:
it only remembers, in the session, who passed it (for a few minutes). The code
step logs them in. Wrong codes count toward the sign-in lockout.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.account import LoginView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from home.auth import TwoFactorCodeForm, is_locked_out, locked_out_error, record_failure
from home.two_factor import (
    accept_code,
    confirm_enrolment,
    confirmed_two_factor,
    disable_two_factor,
    pending_enrolment,
    provisioning_uri,
    start_enrolment,
)

PENDING_SESSION_KEY = "admin_two_factor_pending"
PENDING_SECONDS = 300

INVALID_CODE = _("That code is not valid. Check that your phone's clock is right and try again.")


def invalid_code_error():
    return ValidationError(INVALID_CODE, code="invalid_code")


@method_decorator(never_cache, name="dispatch")
class AdminLoginView(LoginView):
    """Wagtail's login view; users with two-factor sign-in go on to the code step instead of being logged in."""

    def form_valid(self, form):
        user = form.get_user()
        if confirmed_two_factor(user) is None:
            return super().form_valid(form)
        self.request.session[PENDING_SESSION_KEY] = {
            "user_id": str(user.pk),
            "backend": user.backend,
            "remember": bool(form.cleaned_data.get("remember")),
            "next": self.get_success_url(),
            "started": time.time(),
        }
        return redirect("admin_two_factor_sign_in")


def pending_sign_in(request):
    pending = request.session.get(PENDING_SESSION_KEY)
    if not pending or time.time() - pending["started"] > PENDING_SECONDS:
        return None, None
    user = get_user_model()._default_manager.filter(pk=pending["user_id"], is_active=True).first()
    return (pending, user) if user else (None, None)


@method_decorator([never_cache, sensitive_post_parameters()], name="dispatch")
class TwoFactorSignInView(FormView):
    template_name = "home/admin/two_factor_sign_in.html"
    form_class = TwoFactorCodeForm

    def dispatch(self, request, *args, **kwargs):
        self.pending, self.user = pending_sign_in(request)
        if self.user is None:
            request.session.pop(PENDING_SESSION_KEY, None)
            messages.error(request, _("Please sign in again."))
            return redirect("wagtailadmin_login")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        username = self.user.get_username()
        if is_locked_out(request=self.request, username=username):
            return self.refuse(form, locked_out_error())
        record = confirmed_two_factor(self.user)
        if record is not None and accept_code(record=record, code=form.cleaned_data["code"]):
            return self.finish_sign_in()
        record_failure(request=self.request, username=username)
        if is_locked_out(request=self.request, username=username):
            return self.refuse(form, locked_out_error())
        return self.refuse(form, invalid_code_error())

    def refuse(self, form, error):
        form.add_error(None, error)
        return self.form_invalid(form)

    def finish_sign_in(self):
        pending = self.request.session.pop(PENDING_SESSION_KEY)
        login(self.request, self.user, backend=pending["backend"])
        self.request.session.set_expiry(settings.SESSION_COOKIE_AGE if pending["remember"] else 0)
        next_url = pending["next"]
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={self.request.get_host()}):
            next_url = reverse("wagtailadmin_home")
        return redirect(next_url)


@method_decorator([never_cache, sensitive_post_parameters()], name="dispatch")
class TwoFactorSettingsView(WagtailAdminTemplateMixin, TemplateView):
    """Turn two-factor sign-in on (new secret, confirmed by a first code) or off (with a code)."""

    template_name = "home/admin/two_factor_settings.html"
    page_title = _("Two-factor sign-in")
    header_icon = "key"
    actions = ("start", "confirm", "cancel", "disable")

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("wagtailadmin_account"), "label": _("Account")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["confirmed"] = confirmed_two_factor(user)
        context["pending"] = None if context["confirmed"] else pending_enrolment(user)
        if context["pending"]:
            context["secret_groups"] = grouped(context["pending"].secret)
            context["provisioning_uri"] = provisioning_uri(record=context["pending"])
        context["form"] = form or TwoFactorCodeForm()
        return context

    def post(self, request):
        action = request.POST.get("action")
        if action not in self.actions:
            return redirect("admin_two_factor")
        return getattr(self, action)()

    def start(self):
        if not confirmed_two_factor(self.request.user):
            start_enrolment(user=self.request.user)
        return redirect("admin_two_factor")

    def cancel(self):
        record = pending_enrolment(self.request.user)
        if record:
            record.delete()
        return redirect("admin_two_factor")

    def confirm(self):
        return self.with_code(confirm_enrolment, _("Two-factor sign-in is on."))

    def disable(self):
        return self.with_code(disable_two_factor, _("Two-factor sign-in is off."))

    def with_code(self, service, success_message):
        form = TwoFactorCodeForm(self.request.POST)
        username = self.request.user.get_username()
        if form.is_valid():
            if is_locked_out(request=self.request, username=username):
                form.add_error(None, locked_out_error())
            elif service(user=self.request.user, code=form.cleaned_data["code"]):
                messages.success(self.request, success_message)
                return redirect("admin_two_factor")
            else:
                record_failure(request=self.request, username=username)
                form.add_error(None, invalid_code_error())
        return self.render_to_response(self.get_context_data(form=form))


def grouped(secret, size=4):
    """The secret in groups of four, easier to type into an app by hand."""
    return " ".join(secret[index : index + size] for index in range(0, len(secret), size))


class RequireTwoFactorMiddleware:
    """With ADMIN_REQUIRE_TWO_FACTOR on, admin users without two-factor sign-in can only reach its set-up page."""

    OPEN_URL_NAMES = (
        "admin_two_factor",
        "admin_two_factor_sign_in",
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(settings, "ADMIN_REQUIRE_TWO_FACTOR", False) and self.must_enrol(request):
            messages.warning(request, _("Please set up two-factor sign-in to continue using the admin."))
            return redirect("admin_two_factor")
        return self.get_response(request)

    def must_enrol(self, request):
        # The path first: public pages never touch the session (no Vary: Cookie, still cacheable).
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return False
        if request.path in {reverse(name) for name in self.OPEN_URL_NAMES}:
            return False
        user = request.user
        return user.is_authenticated and user.has_perm("wagtailadmin.access_admin") and not confirmed_two_factor(user)
