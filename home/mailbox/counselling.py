"""Who may read which mailbox cases, and the cases as counsellors see them (reads only).

Only members of the counsellors group read messages, and only the cases of
the schools they are assigned to (`CounsellorAssignment`); an assignment
without a school covers the whole city, including cases where the student
named no school. Being a superuser, editor, reviewer or content manager grants
nothing here.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.models import CounsellorAssignment, MailboxAccessLog, MailboxCase, School

# Must match the data migration that creates the group.
COUNSELLORS_GROUP = "Tư vấn viên"
ACCESS_LOG_PERMISSION = "home.view_mailboxaccesslog"
DATETIME_FORMAT = "%d/%m/%Y %H:%M"
AWAITING_REPLY_STATUSES = (MailboxCase.Status.NEW, MailboxCase.Status.AWAITING_COUNSELLOR)


def is_counsellor(user):
    return bool(user.is_authenticated and user.is_active and user.groups.filter(name=COUNSELLORS_GROUP).exists())


def is_city_wide(user):
    """A counsellor assigned to the whole city (an assignment with no school)."""
    return is_counsellor(user) and CounsellorAssignment.objects.filter(user=user, school__isnull=True).exists()


def cases_visible_to(user):
    """The cases `user` may read: none unless a counsellor, then those of their assignments.

    Cases where the student named no school are for city-wide counsellors only.
    """
    if not is_counsellor(user):
        return MailboxCase.objects.none()
    if is_city_wide(user):
        return MailboxCase.objects.all()
    return MailboxCase.objects.filter(school__in=_assigned_school_ids(user))


def schools_visible_to(user):
    """The schools whose cases `user` may read (for the list filter); every school when city-wide."""
    if not is_counsellor(user):
        return School.objects.none()
    if is_city_wide(user):
        return School.objects.all()
    return School.objects.filter(pk__in=_assigned_school_ids(user))


def _assigned_school_ids(user):
    return CounsellorAssignment.objects.filter(user=user, school__isnull=False).values("school")


def count_awaiting_reply(user):
    return cases_visible_to(user).filter(status__in=AWAITING_REPLY_STATUSES).count()


def expired_cases(*, retention_days, now=None):
    """Cases whose last activity is more than `retention_days` days old: due for deletion."""
    cutoff = (now or timezone.now()) - timedelta(days=retention_days)
    return MailboxCase.objects.filter(last_activity_at__lt=cutoff)


def user_can_read_access_log(user):
    return bool(user.is_active and user.has_perm(ACCESS_LOG_PERMISSION))


def access_log_entries():
    return MailboxAccessLog.objects.order_by("-at", "-id")


def counsellor_users():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(groups__name=COUNSELLORS_GROUP, is_active=True).order_by("username")


@dataclass(frozen=True)
class ThreadMessage:
    author_label: str
    created_at: datetime
    text: str
    from_student: bool

    @property
    def created_label(self):
        return format_local_datetime(self.created_at)


@dataclass(frozen=True)
class CaseThread:
    """A case with its messages decrypted, as shown, printed and exported for counsellors."""

    code: str
    school_name: str
    topic_label: str
    status_label: str
    created_at: datetime
    last_activity_at: datetime
    messages: list[ThreadMessage] = field(default_factory=list)

    def summary(self):
        return [
            (_("School"), self.school_name),
            (_("Topic"), self.topic_label),
            (_("Status"), self.status_label),
            (_("Received"), format_local_datetime(self.created_at)),
            (_("Last activity"), format_local_datetime(self.last_activity_at)),
        ]


def format_local_datetime(value):
    return timezone.localtime(value).strftime(DATETIME_FORMAT)


def case_thread(case):
    """`case` with its decrypted messages, oldest first."""
    messages = [
        ThreadMessage(
            author_label=str(_author_label(message)),
            created_at=message.created_at,
            text=message.body,
            from_student=message.is_from_student,
        )
        for message in case.messages.select_related("counsellor").order_by("created_at", "id")
    ]
    return CaseThread(
        code=case.code,
        school_name=str(school_label(case)),
        topic_label=str(topic_label(case)),
        status_label=str(case.get_status_display()),
        created_at=case.created_at,
        last_activity_at=case.last_activity_at,
        messages=messages,
    )


def school_label(case):
    return case.school.name if case.school_id else _("No school given")


def topic_label(case):
    return case.get_topic_display() or _("No topic given")


def _author_label(message):
    if message.is_from_student:
        return _("Student")
    if message.counsellor is None:
        return _("Counsellor")
    name = message.counsellor.get_full_name() or message.counsellor.get_username()
    return _("Counsellor %(name)s") % {"name": name}
