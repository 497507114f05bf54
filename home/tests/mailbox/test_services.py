import pytest
from django.utils import timezone

from home.mailbox import codes, services
from home.models import MailboxCase, MailboxMessage
from home.tests.mailbox.factories import TEST_PIN, MailboxCaseFactory, MailboxMessageFactory, SchoolFactory

pytestmark = pytest.mark.django_db


def test_submit_case_stores_the_case_and_its_encrypted_message_and_a_hashed_pin():
    school = SchoolFactory()
    raw = codes.open_form_token(codes.new_form_token())

    submission = services.submit_case(raw_token=raw, text="Em cần giúp", school=school, topic="drugs", language="en")

    case = MailboxCase.objects.get()
    assert submission.created and submission.case == case
    assert (case.school, case.topic, case.language, case.status) == (school, "drugs", "en", "new")
    assert case.submission_token == codes.submission_digest(raw) and raw not in case.submission_token
    assert services.open_case(code=case.code, pin=submission.pin) == case
    assert MailboxMessage.objects.get().body == "Em cần giúp"


def test_submit_case_with_a_used_token_returns_the_first_case_and_pin():
    raw = "the-same-raw-token"
    first = services.submit_case(raw_token=raw, text="Lần một")
    second = services.submit_case(raw_token=raw, text="Lần hai")

    assert (second.case, second.pin, second.created) == (first.case, first.pin, False)
    assert [message.body for message in MailboxMessage.objects.all()] == ["Lần một"]


def test_a_taken_code_is_drawn_again(monkeypatch):
    MailboxCaseFactory(code="HT-AAAA-AAAA")
    drawn = iter(["HT-AAAA-AAAA", "HT-AAAA-AAAA", "HT-BBBB-BBBB"])
    monkeypatch.setattr(codes, "new_case_code", lambda: next(drawn))

    submission = services.submit_case(raw_token="another-raw-token", text="Xin chào")

    assert submission.case.code == "HT-BBBB-BBBB"
    assert MailboxCase.objects.count() == 2


def test_the_fifth_wrong_pin_locks_the_case_for_fifteen_minutes():
    case = MailboxCaseFactory()
    now = timezone.now()
    for _ in range(services.PIN_ATTEMPTS_BEFORE_LOCK - 1):
        assert services.open_case(code=case.code, pin="00000000", now=now) is None
    case.refresh_from_db()
    assert case.failed_pin_attempts == services.PIN_ATTEMPTS_BEFORE_LOCK - 1 and not case.is_locked(now=now)

    services.open_case(code=case.code, pin="00000000", now=now)

    case.refresh_from_db()
    assert case.locked_until == now + services.LOCK_DURATION
    assert services.open_case(code=case.code, pin=TEST_PIN, now=now + services.LOCK_DURATION / 2) is None
    assert services.open_case(code=case.code, pin=TEST_PIN, now=now + services.LOCK_DURATION * 2) == case


def test_wrong_pins_on_a_locked_case_do_not_extend_the_lock():
    case = MailboxCaseFactory(locked_until=timezone.now() + services.LOCK_DURATION)
    before = case.locked_until

    services.open_case(code=case.code, pin="00000000")

    case.refresh_from_db()
    assert (case.locked_until, case.failed_pin_attempts) == (before, 0)


@pytest.mark.parametrize(
    "status, expected", [("new", "new"), ("answered", "awaiting_counsellor"), ("closed", "awaiting_counsellor")]
)
def test_writing_again_reopens_an_answered_or_closed_case(status, expected):
    case = MailboxMessageFactory(case__status=status).case

    services.add_student_message(case=case, text="Em viết thêm")

    case.refresh_from_db()
    assert case.status == expected
    assert case.messages.count() == 2


def test_the_same_text_again_later_is_a_new_message():
    case = MailboxMessageFactory(text="Em vẫn sợ").case
    later = timezone.now() + services.DUPLICATE_MESSAGE_WINDOW * 2

    services.add_student_message(case=case, text="Em vẫn sợ", now=later)

    case.refresh_from_db()
    assert case.messages.count() == 2
    assert case.last_activity_at == later
