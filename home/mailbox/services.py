"""Writes of the public mailbox: a new case, opening a case with its PIN, writing again."""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, transaction
from django.utils import timezone

from home.mailbox import codes, crypto
from home.mailbox.selectors import case_for_submission
from home.models import MailboxCase, MailboxMessage

PIN_ATTEMPTS_BEFORE_LOCK = 5
LOCK_DURATION = timedelta(minutes=15)
DUPLICATE_MESSAGE_WINDOW = timedelta(minutes=10)
CODE_ATTEMPTS = 5


@dataclass(frozen=True)
class Submission:
    case: MailboxCase
    pin: str
    created: bool


def submit_case(*, raw_token, text, school=None, topic="", language="vi"):
    """The case of this form token: created with its first message, or the one a previous post made.

    The case and its message are committed together before this returns, so
    a code shown to the student always points at a stored message.
    """
    digest = codes.submission_digest(raw_token)
    pin = codes.pin_for(raw_token)
    existing = case_for_submission(digest=digest)
    if existing:
        return Submission(case=existing, pin=pin, created=False)
    for _attempt in range(CODE_ATTEMPTS):
        try:
            case = _create_case(digest=digest, pin=pin, text=text, school=school, topic=topic, language=language)
            return Submission(case=case, pin=pin, created=True)
        except IntegrityError:
            existing = case_for_submission(digest=digest)
            if existing:  # the same form, posted twice at once
                return Submission(case=existing, pin=pin, created=False)
            # otherwise the random code was taken: draw another
    raise RuntimeError("Could not draw an unused case code.")


def _create_case(*, digest, pin, text, school, topic, language):
    with transaction.atomic():
        case = MailboxCase.objects.create(
            code=codes.new_case_code(),
            pin_hash=make_password(pin),
            school=school,
            topic=topic or "",
            language=language,
            submission_token=digest,
        )
        MailboxMessage.objects.create(
            case=case, sender=MailboxMessage.Sender.STUDENT, body_encrypted=crypto.encrypt_text(text)
        )
    return case


def open_case(*, code, pin, now=None):
    """The case when `pin` opens it; None for an unknown code, a wrong PIN or a locked case alike.

    Every wrong PIN counts; the fifth in a row locks the case for
    `LOCK_DURATION`, during which even the right PIN is refused.
    """
    now = now or timezone.now()
    with transaction.atomic():
        case = MailboxCase.objects.select_for_update().filter(code=code).first() if code else None
        if case is None:
            make_password(pin)  # as slow as a real check: timing tells nothing
            return None
        if case.is_locked(now=now):
            return None
        if check_password(pin, case.pin_hash):
            if case.failed_pin_attempts or case.locked_until:
                case.failed_pin_attempts = 0
                case.locked_until = None
                case.save(update_fields=["failed_pin_attempts", "locked_until"])
            return case
        _count_failed_attempt(case=case, now=now)
        return None


def _count_failed_attempt(*, case, now):
    case.failed_pin_attempts += 1
    if case.failed_pin_attempts >= PIN_ATTEMPTS_BEFORE_LOCK:
        case.failed_pin_attempts = 0
        case.locked_until = now + LOCK_DURATION
    case.save(update_fields=["failed_pin_attempts", "locked_until"])


def add_student_message(*, case, text, now=None):
    """The student writes again: an answered or closed case waits for a counsellor again
    (a case nobody has answered yet stays new).

    The same text posted twice within a few minutes (a double tap, a retry)
    is stored once.
    """
    now = now or timezone.now()
    with transaction.atomic():
        case = MailboxCase.objects.select_for_update().get(pk=case.pk)
        if _is_repeat(case=case, text=text, now=now):
            return case
        MailboxMessage.objects.create(
            case=case, sender=MailboxMessage.Sender.STUDENT, body_encrypted=crypto.encrypt_text(text), created_at=now
        )
        if case.status != MailboxCase.Status.NEW:
            case.status = MailboxCase.Status.AWAITING_COUNSELLOR
        case.last_activity_at = now
        case.save(update_fields=["status", "last_activity_at"])
    return case


def _is_repeat(*, case, text, now):
    last = case.messages.order_by("-created_at", "-id").first()
    if last is None or not last.is_from_student or last.created_at < now - DUPLICATE_MESSAGE_WINDOW:
        return False
    try:
        return last.body == text
    except crypto.InvalidToken:
        return False
