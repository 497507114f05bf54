"""What counsellors do to a case (writes): reply, close, reopen, and the access log.

Replies are recorded in `MailboxAccessLog` (who, when, which case code, what),
never their content; the views record openings, exports and prints. Closing
and reopening only change the status (the list shows it) and do not count as
activity for retention.
"""

from django.db import transaction
from django.utils import timezone

from home.mailbox import crypto
from home.mailbox.counselling import expired_cases
from home.models import MailboxAccessLog, MailboxCase, MailboxMessage

Action = MailboxAccessLog.Action
Status = MailboxCase.Status


def record_access(*, user, case, action):
    return MailboxAccessLog.objects.create(user=user, username=user.get_username(), case_code=case.code, action=action)


@transaction.atomic
def reply_to_case(*, case, user, text):
    """Add the counsellor's reply to `case`: the student sees it with their code and PIN."""
    now = timezone.now()
    message = MailboxMessage.objects.create(
        case=case,
        sender=MailboxMessage.Sender.COUNSELLOR,
        counsellor=user,
        body_encrypted=crypto.encrypt_text(text),
        created_at=now,
    )
    case.status = Status.ANSWERED
    case.last_activity_at = now
    case.save(update_fields=["status", "last_activity_at"])
    record_access(user=user, case=case, action=Action.REPLIED)
    return message


def close_case(*, case):
    case.status = Status.CLOSED
    case.save(update_fields=["status"])


def reopen_case(*, case):
    """Back to the status the thread calls for: answered when a counsellor wrote last."""
    last_message = case.messages.order_by("-created_at", "-id").first()
    if last_message is None or last_message.is_from_student:
        answered = case.messages.filter(sender=MailboxMessage.Sender.COUNSELLOR).exists()
        case.status = Status.AWAITING_COUNSELLOR if answered else Status.NEW
    else:
        case.status = Status.ANSWERED
    case.save(update_fields=["status"])


@transaction.atomic
def purge_expired_cases(*, retention_days, now=None):
    """Delete the cases (and, by cascade, their messages) past retention; returns how many cases."""
    _total, deleted_per_model = expired_cases(retention_days=retention_days, now=now).delete()
    return deleted_per_model.get(MailboxCase._meta.label, 0)
