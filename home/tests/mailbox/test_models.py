import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from home.models import CounsellorAssignment, MailboxCase, MailboxMessage
from home.tests.mailbox.factories import (
    CounsellorAssignmentFactory,
    MailboxMessageFactory,
    SchoolFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_message_body_is_decrypted_on_read_and_encrypted_in_the_row():
    message = MailboxMessageFactory(text="Em cần giúp đỡ")
    stored = MailboxMessage.objects.values_list("body_encrypted", flat=True).get(pk=message.pk)
    assert "giúp" not in stored
    assert MailboxMessage.objects.get(pk=message.pk).body == "Em cần giúp đỡ"


def test_a_case_is_locked_only_until_its_lock_expires():
    case = MailboxMessageFactory().case
    now = timezone.now()
    assert not case.is_locked(now=now)
    case.locked_until = now + timezone.timedelta(minutes=1)
    assert case.is_locked(now=now)
    assert not case.is_locked(now=now + timezone.timedelta(minutes=2))


def test_deleting_a_school_keeps_its_cases():
    school = SchoolFactory()
    case = MailboxMessageFactory(case__school=school).case
    school.delete()
    case.refresh_from_db()
    assert case.school is None
    assert MailboxCase.objects.count() == 1


def test_a_counsellor_has_one_city_wide_assignment_at_most():
    user = UserFactory()
    CounsellorAssignment.objects.create(user=user, school=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        CounsellorAssignment.objects.create(user=user, school=None)


def test_a_counsellor_is_assigned_to_a_school_once():
    assignment = CounsellorAssignmentFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        CounsellorAssignment.objects.create(user=assignment.user, school=assignment.school)
