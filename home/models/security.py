"""Two-factor sign-in for admin users: one TOTP secret per user, encrypted at rest."""

import base64
import hashlib
import hmac

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

KEY_PURPOSE = b"portal.admin-two-factor-secret"


def _fernet():
    """Fernet keys derived from SECRET_KEY, then SECRET_KEY_FALLBACKS, so a key rotation keeps old secrets readable."""
    secret_keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    keys = [hmac.new(key.encode(), KEY_PURPOSE, hashlib.sha256).digest() for key in secret_keys]
    return MultiFernet([Fernet(base64.urlsafe_b64encode(key)) for key in keys])


class UnreadableSecret(Exception):
    """The secret was encrypted with a SECRET_KEY that is no longer configured."""


class AdminTwoFactor(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="admin_two_factor",
        verbose_name=_("user"),
    )
    encrypted_secret = models.TextField(_("encrypted secret"), editable=False)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    # The newest time step whose code was accepted: that code and older ones are refused.
    last_used_step = models.BigIntegerField(_("last used time step"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("admin two-factor sign-in")
        verbose_name_plural = _("admin two-factor sign-ins")

    def __str__(self):
        return self.user.get_username()

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    @property
    def secret(self):
        try:
            return _fernet().decrypt(self.encrypted_secret.encode()).decode()
        except InvalidToken as error:
            raise UnreadableSecret from error

    @secret.setter
    def secret(self, value):
        self.encrypted_secret = _fernet().encrypt(value.encode()).decode()
