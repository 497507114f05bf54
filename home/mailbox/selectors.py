"""Reads of the public mailbox."""

from dataclasses import dataclass, field

from home.mailbox import crypto
from home.mailbox.danger import matching_phrases
from home.models import DangerPhrase, MailboxCase, MailboxMessage, School


def active_schools():
    return School.objects.filter(is_active=True)


def signals_danger(*, text):
    """True when `text` holds one of the danger phrases editors keep."""
    phrases = list(DangerPhrase.objects.values_list("phrase", flat=True))
    return bool(matching_phrases(text, phrases))


def case_for_submission(*, digest):
    return MailboxCase.objects.filter(submission_token=digest).first()


def case_by_code(*, code):
    return MailboxCase.objects.filter(code=code).first() if code else None


@dataclass(frozen=True)
class ThreadEntry:
    from_student: bool
    sent_at: object
    # Kept out of the repr: Django's template engine logs the context (at DEBUG) when a lookup fails.
    text: str | None = field(repr=False)  # None: no configured key opens this message


def case_thread(*, case):
    """The messages of a case, oldest first, decrypted."""
    return [
        ThreadEntry(from_student=message.is_from_student, sent_at=message.created_at, text=_readable(message))
        for message in case.messages.order_by("created_at", "id")
    ]


def _readable(message: MailboxMessage):
    try:
        return message.body
    except crypto.InvalidToken:
        return None
