"""Enrolment in, and use of, an admin user's two-factor sign-in (TOTP codes)."""

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from home import totp
from home.models import AdminTwoFactor
from home.models.security import UnreadableSecret


def confirmed_two_factor(user):
    if user is None or user.pk is None:
        return None
    return AdminTwoFactor.objects.filter(user=user, confirmed_at__isnull=False).first()


def pending_enrolment(user):
    return AdminTwoFactor.objects.filter(user=user, confirmed_at__isnull=True).first()


def provisioning_uri(*, record):
    return totp.provisioning_uri(record.secret, account=record.user.get_username(), issuer=settings.WAGTAIL_SITE_NAME)


@transaction.atomic
def start_enrolment(*, user):
    """A fresh secret waiting for its first code; replaces an unconfirmed one, never a confirmed one."""
    if confirmed_two_factor(user):
        raise ValueError("two-factor sign-in is already on for this user")
    AdminTwoFactor.objects.filter(user=user).delete()
    record = AdminTwoFactor(user=user)
    record.secret = totp.new_secret()
    record.save()
    return record


def accept_code(*, record, code):
    """True when `code` is valid now (±1 step) and newer than every code accepted before.

    The conditional UPDATE makes two simultaneous uses of one code accept only one.
    """
    try:
        step = totp.matching_step(record.secret, code)
    except UnreadableSecret:
        return False
    if step is None:
        return False
    newer = Q(last_used_step__isnull=True) | Q(last_used_step__lt=step)
    accepted = AdminTwoFactor.objects.filter(newer, pk=record.pk).update(last_used_step=step) == 1
    if accepted:
        record.last_used_step = step
    return accepted


def confirm_enrolment(*, user, code):
    record = pending_enrolment(user)
    if record is None or not accept_code(record=record, code=code):
        return False
    record.confirmed_at = timezone.now()
    record.save(update_fields=["confirmed_at"])
    return True


def disable_two_factor(*, user, code):
    record = confirmed_two_factor(user)
    if record is None or not accept_code(record=record, code=code):
        return False
    record.delete()
    return True


def reset_two_factor(*, user):
    """For an administrator when a user lost their authenticator: no code needed."""
    return AdminTwoFactor.objects.filter(user=user).delete()[0] > 0
