"""Retention: cases past MAILBOX_RETENTION_DAYS are deleted by `purge_mailbox_cases` (and the scheduler)."""

import io
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from home.mailbox.counselling_services import reply_to_case
from home.models import MailboxAccessLog, MailboxCase, MailboxMessage
from home.tests.mailbox.counselling_support import make_counsellor
from home.tests.mailbox.factories import MailboxCaseFactory, MailboxMessageFactory

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[3]


@pytest.fixture
def cases():
    now = timezone.now()
    expired = MailboxCaseFactory(code="HT-OLD", last_activity_at=now - timedelta(days=181))
    MailboxMessageFactory(case=expired)
    kept = MailboxCaseFactory(code="HT-RECENT", last_activity_at=now - timedelta(days=179))
    MailboxMessageFactory(case=kept)
    MailboxAccessLog.objects.create(username="tuvan", case_code="HT-OLD", action=MailboxAccessLog.Action.OPENED)
    return expired, kept


def run(*args):
    out = io.StringIO()
    call_command("purge_mailbox_cases", *args, stdout=out)
    return out.getvalue()


def test_default_retention_is_180_days():
    from portal.settings import base

    assert base.MAILBOX_RETENTION_DAYS == 180


def test_purge_deletes_expired_cases_with_their_messages_and_keeps_the_rest(cases):
    expired, kept = cases

    output = run()

    assert list(MailboxCase.objects.values_list("code", flat=True)) == ["HT-RECENT"]
    assert not MailboxMessage.objects.filter(case_id=expired.pk).exists()
    assert MailboxMessage.objects.filter(case=kept).count() == 1
    assert "1" in output


def test_access_log_outlives_the_purged_case(cases):
    run()
    assert MailboxAccessLog.objects.filter(case_code="HT-OLD").count() == 1


def test_dry_run_counts_but_deletes_nothing(cases):
    output = run("--dry-run")
    assert MailboxCase.objects.count() == 2
    assert "1" in output


def test_retention_period_comes_from_the_setting(cases, settings):
    settings.MAILBOX_RETENTION_DAYS = 30
    run()
    assert not MailboxCase.objects.exists()


def test_a_counsellors_reply_restarts_the_clock():
    case = MailboxCaseFactory(last_activity_at=timezone.now() - timedelta(days=200))
    reply_to_case(case=case, user=make_counsellor("tuvan", city_wide=True), text="Em ổn chứ?")
    run()
    assert MailboxCase.objects.filter(pk=case.pk).exists()


def test_scheduler_pass_purges_expired_cases(cases):
    call_command("run_scheduler", "--once")
    assert list(MailboxCase.objects.values_list("code", flat=True)) == ["HT-RECENT"]


def test_nothing_due_prints_zero():
    assert "0" in run()


@pytest.mark.parametrize("value", ["abc", "0", "-5", "1.5"])
def test_a_bad_retention_setting_stops_the_start_up_with_a_clear_message(value):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", "MAILBOX_RETENTION_DAYS": value}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "MAILBOX_RETENTION_DAYS must be a whole number of days, at least 1" in result.stderr
