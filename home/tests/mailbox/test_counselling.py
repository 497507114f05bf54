"""Who may read which cases (`home.mailbox.counselling`), and the thread counsellors see."""

import importlib
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from home.editorial import CONTENT_MANAGERS_GROUP
from home.mailbox import counselling
from home.models import MailboxMessage
from home.tests.editorial_support import make_user
from home.tests.mailbox.counselling_support import OUTSIDER_ROLES, make_counsellor, make_outsider
from home.tests.mailbox.factories import (
    CounsellorAssignmentFactory,
    MailboxCaseFactory,
    MailboxMessageFactory,
    SchoolFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def schools():
    return SchoolFactory(name="THCS Lê Lợi"), SchoolFactory(name="THPT Nguyễn Trãi")


@pytest.fixture
def cases(schools):
    le_loi, nguyen_trai = schools
    return {
        "le_loi": MailboxCaseFactory(school=le_loi),
        "nguyen_trai": MailboxCaseFactory(school=nguyen_trai),
        "no_school": MailboxCaseFactory(school=None),
    }


def visible_codes(user):
    return set(counselling.cases_visible_to(user).values_list("code", flat=True))


def test_group_name_matches_the_migration():
    migration = importlib.import_module("home.migrations.0007_counsellors_group")
    assert migration.COUNSELLORS == counselling.COUNSELLORS_GROUP


def test_counsellors_group_may_use_the_admin_and_nothing_else():
    group = Group.objects.get(name=counselling.COUNSELLORS_GROUP)
    assert [f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()] == [
        "wagtailadmin.access_admin"
    ]


def test_content_managers_keep_the_lists_assign_counsellors_and_read_the_access_log():
    manager = make_user("manager", CONTENT_MANAGERS_GROUP)
    for model in ("counsellorassignment", "school", "dangerphrase"):
        for action in ("add", "change", "delete", "view"):
            assert manager.has_perm(f"home.{action}_{model}")
    assert counselling.user_can_read_access_log(manager)
    assert not manager.has_perm("home.view_mailboxcase")
    assert not manager.has_perm("home.view_mailboxmessage")


def test_school_counsellor_reads_only_their_schools_cases(schools, cases):
    counsellor = make_counsellor("tuvan_leloi", schools=[schools[0]])
    assert visible_codes(counsellor) == {cases["le_loi"].code}


def test_counsellor_of_two_schools_reads_both(schools, cases):
    counsellor = make_counsellor("tuvan_hai_truong", schools=schools)
    assert visible_codes(counsellor) == {cases["le_loi"].code, cases["nguyen_trai"].code}


def test_city_wide_counsellor_reads_every_case_including_those_without_school(schools, cases):
    counsellor = make_counsellor("tuvan_thanhpho", city_wide=True)
    assert visible_codes(counsellor) == {case.code for case in cases.values()}
    assert counselling.is_city_wide(counsellor)


def test_group_member_without_assignment_reads_nothing(cases):
    assert visible_codes(make_counsellor("tuvan_moi")) == set()


def test_assignment_without_group_membership_grants_nothing(schools, cases):
    counsellor = make_counsellor("tuvan_cu", schools=[schools[0]], city_wide=True)
    counsellor.groups.clear()
    assert not counselling.is_counsellor(counsellor)
    assert visible_codes(counsellor) == set()


def test_inactive_counsellor_reads_nothing(cases):
    counsellor = make_counsellor("tuvan_nghi", city_wide=True)
    counsellor.is_active = False
    counsellor.save()
    assert visible_codes(counsellor) == set()


@pytest.mark.parametrize("role", OUTSIDER_ROLES)
def test_other_roles_read_nothing_even_with_an_assignment(role, schools, cases):
    outsider = make_outsider(role)
    CounsellorAssignmentFactory(user=outsider, school=None)
    assert not counselling.is_counsellor(outsider)
    assert visible_codes(outsider) == set()
    assert list(counselling.schools_visible_to(outsider)) == []


def test_schools_visible_to_follow_the_assignments(schools):
    assert list(counselling.schools_visible_to(make_counsellor("a", schools=[schools[1]]))) == [schools[1]]
    assert set(counselling.schools_visible_to(make_counsellor("b", city_wide=True))) == set(schools)


def test_count_awaiting_reply_counts_new_and_written_again_cases_of_their_schools(schools):
    for status in ("new", "awaiting_counsellor", "answered", "closed"):
        MailboxCaseFactory(school=schools[0], status=status)
    MailboxCaseFactory(school=schools[1], status="new")
    assert counselling.count_awaiting_reply(make_counsellor("a", schools=[schools[0]])) == 2
    assert counselling.count_awaiting_reply(make_counsellor("b", city_wide=True)) == 3


def test_expired_cases_are_those_with_old_last_activity():
    now = timezone.now()
    old = MailboxCaseFactory(last_activity_at=now - timedelta(days=181))
    MailboxCaseFactory(last_activity_at=now - timedelta(days=179))
    assert list(counselling.expired_cases(retention_days=180, now=now)) == [old]


def test_case_thread_decrypts_messages_in_order_and_names_the_counsellor(schools):
    case = MailboxCaseFactory(school=schools[0], topic="drugs")
    counsellor = make_counsellor("tuvan_an", schools=[schools[0]])
    counsellor.first_name, counsellor.last_name = "An", "Trần"
    counsellor.save()
    now = timezone.now()
    MailboxMessageFactory(case=case, text="Bạn rủ em thử thuốc lá điện tử.", created_at=now - timedelta(hours=2))
    MailboxMessageFactory(
        case=case,
        text="Cảm ơn em đã kể.",
        sender=MailboxMessage.Sender.COUNSELLOR,
        counsellor=counsellor,
        created_at=now - timedelta(hours=1),
    )

    thread = counselling.case_thread(case)

    assert [message.text for message in thread.messages] == ["Bạn rủ em thử thuốc lá điện tử.", "Cảm ơn em đã kể."]
    assert [message.from_student for message in thread.messages] == [True, False]
    assert "An" in thread.messages[1].author_label
    assert thread.school_name == "THCS Lê Lợi"
    assert thread.code == case.code
