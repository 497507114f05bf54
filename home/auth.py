"""Admin sign-in lockout: failed attempts counted per username and per client address.

After `ADMIN_LOGIN_MAX_FAILURES` failures within `ADMIN_LOGIN_LOCKOUT_SECONDS`,
sign-in is refused for that username, and for that client address, for
`ADMIN_LOGIN_LOCKOUT_SECONDS`, whatever the password. Counters live only in
the cache (Redis in production when `REDIS_URL` is set, so every app server
sees them), keyed by an HMAC of the normalised username or of the address:
neither is ever stored or logged. Locking works the same for usernames that
do not exist, so the refusal reveals nothing about accounts.
"""

import logging
import math

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import PermissionDenied, ValidationError
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from home.network import address_fingerprint, client_address, rate_limit_count, rate_limit_exceeded, rate_limit_reset

logger = logging.getLogger(__name__)

FAILURES_BY_USERNAME = "admin-login-failures-user"
FAILURES_BY_ADDRESS = "admin-login-failures-address"
LOCKED_USERNAME = "admin-login-locked-user"
LOCKED_ADDRESS = "admin-login-locked-address"

LOCKED_MESSAGE = _(
    "Too many failed sign-in attempts. Sign-in is paused for up to %(minutes)d minutes; please try again later."
)


def max_failures():
    return getattr(settings, "ADMIN_LOGIN_MAX_FAILURES", 5)


def lockout_seconds():
    return getattr(settings, "ADMIN_LOGIN_LOCKOUT_SECONDS", 900)


def normalise_username(username):
    return (username or "").strip().casefold()


def _subjects(*, request, username):
    """(failure scope, lock scope, key, description for the log) for each thing we count."""
    subjects = []
    if normalise_username(username):
        subjects.append((FAILURES_BY_USERNAME, LOCKED_USERNAME, normalise_username(username), "username"))
    address = client_address(request) if request is not None else ""
    if address:
        subjects.append((FAILURES_BY_ADDRESS, LOCKED_ADDRESS, address, "client address"))
    return subjects


def is_locked_out(*, request, username):
    return any(
        rate_limit_count(scope=lock_scope, address=key) > 0
        for _scope, lock_scope, key, _label in _subjects(request=request, username=username)
    )


def record_failure(*, request, username):
    """Count one failed attempt (wrong password or wrong code); lock what reached the limit."""
    for scope, lock_scope, key, label in _subjects(request=request, username=username):
        reached = rate_limit_exceeded(
            scope=scope, address=key, limit=max_failures() - 1, window_seconds=lockout_seconds()
        )
        if reached:
            _lock(lock_scope=lock_scope, key=key, label=label)


def _lock(*, lock_scope, key, label):
    # The lock is a counter of its own that lives for the whole lockout period;
    # rate_limit_exceeded(limit=0) is False only for the call that creates it.
    already_locked = rate_limit_exceeded(scope=lock_scope, address=key, limit=0, window_seconds=lockout_seconds())
    if already_locked:
        return
    if label == "username":
        logger.warning("admin sign-in locked for a username fingerprint %s", address_fingerprint(key)[:12])
    else:
        logger.warning("admin sign-in locked for a client address")


def record_success(*, username):
    """A complete sign-in clears the username's failures (never the address's)."""
    key = normalise_username(username)
    rate_limit_reset(scope=FAILURES_BY_USERNAME, address=key)
    rate_limit_reset(scope=LOCKED_USERNAME, address=key)


def locked_out_error():
    return ValidationError(LOCKED_MESSAGE, code="locked_out", params={"minutes": math.ceil(lockout_seconds() / 60)})


class LockoutModelBackend(ModelBackend):
    """Django's model backend that refuses every password while the username or address is locked.

    The admin login form checks first so it can say why; this catches any other
    caller of `authenticate()`.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if is_locked_out(request=request, username=username):
            raise PermissionDenied
        return super().authenticate(request, username=username, password=password, **kwargs)


class AdminLoginForm(LoginForm):
    """Wagtail's login form with the lockout message (WAGTAILADMIN_USER_LOGIN_FORM)."""

    def clean(self):
        username = self.cleaned_data.get("username")
        if is_locked_out(request=self.request, username=username):
            raise locked_out_error()
        try:
            return super().clean()
        except ValidationError:
            # The failure just counted (user_login_failed) may have been the last allowed one.
            if is_locked_out(request=self.request, username=username):
                raise locked_out_error() from None
            raise


class TwoFactorCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Authentication code"),
        help_text=_("The 6-digit code your authenticator app shows now."),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": ""}),
    )


@receiver(user_login_failed, dispatch_uid="home.auth.count_failed_sign_in")
def count_failed_sign_in(sender, credentials, request=None, **kwargs):
    username = credentials.get(get_user_model().USERNAME_FIELD) or credentials.get("username")
    record_failure(request=request, username=username)


@receiver(user_logged_in, dispatch_uid="home.auth.clear_failures_on_sign_in")
def clear_failures_on_sign_in(sender, request, user, **kwargs):
    record_success(username=user.get_username())
