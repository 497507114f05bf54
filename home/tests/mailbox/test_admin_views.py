"""Counsellors' admin views: who gets in, what they see, and what is recorded."""

import re

import pytest
from django.urls import reverse

from home.mailbox.admin_views import REPLY_MAX_LENGTH
from home.models import MailboxAccessLog, MailboxCase, MailboxMessage
from home.tests.admin_support import prefer_english_admin
from home.tests.mailbox.counselling_support import OUTSIDER_ROLES, make_counsellor, make_outsider
from home.tests.mailbox.factories import (
    CounsellorAssignmentFactory,
    MailboxCaseFactory,
    MailboxMessageFactory,
    SchoolFactory,
)

pytestmark = pytest.mark.django_db

STUDENT_TEXT = "Em bị bạn cùng lớp bắt nạt.\nBạn ấy lấy đồ của em <script>alert(1)</script>"

# (URL name, method) of every view that shows or changes one case.
CASE_VIEWS = [
    ("mailbox_case", "get"),
    ("mailbox_case_reply", "post"),
    ("mailbox_case_close", "post"),
    ("mailbox_case_reopen", "post"),
    ("mailbox_case_pdf", "get"),
    ("mailbox_case_print", "get"),
]
LIST_VIEWS = ["mailbox_cases", "mailbox_cases_results"]


@pytest.fixture
def school():
    return SchoolFactory(name="THCS Lê Lợi")


@pytest.fixture
def case(school):
    case = MailboxCaseFactory(school=school, code="HT-LELOI-0001")
    MailboxMessageFactory(case=case, text=STUDENT_TEXT)
    return case


@pytest.fixture
def counsellor(school):
    return prefer_english_admin(make_counsellor("tuvan_leloi", schools=[school]))


def request(client, url_name, method, case, **data):
    url = reverse(url_name, args=[case.pk])
    if method == "post":
        return client.post(url, data or {"text": "Thầy cô đã nhận được thư của em."})
    return client.get(url)


def case_state(case):
    case.refresh_from_db()
    return (case.status, case.last_activity_at, case.messages.count())


# --- Who gets in ----------------------------------------------------------------


@pytest.mark.parametrize("role", OUTSIDER_ROLES)
@pytest.mark.parametrize(("url_name", "method"), CASE_VIEWS)
def test_other_roles_are_refused_every_case_view(client, case, role, url_name, method):
    client.force_login(make_outsider(role))
    before = case_state(case)

    response = request(client, url_name, method, case)

    assert response.status_code == 403
    assert "bắt nạt" not in response.content.decode()
    assert case_state(case) == before
    assert not MailboxAccessLog.objects.exists()


@pytest.mark.parametrize("role", OUTSIDER_ROLES)
@pytest.mark.parametrize("url_name", LIST_VIEWS)
def test_other_roles_are_refused_the_case_list(client, case, role, url_name):
    client.force_login(make_outsider(role))
    response = client.get(reverse(url_name))
    assert response.status_code == 403
    assert case.code not in response.content.decode()


@pytest.mark.parametrize(("url_name", "method"), CASE_VIEWS)
def test_counsellor_of_another_school_gets_404_on_every_case_view(client, case, url_name, method):
    client.force_login(make_counsellor("tuvan_khac", schools=[SchoolFactory()]))
    before = case_state(case)

    response = request(client, url_name, method, case)

    assert response.status_code == 404
    assert case_state(case) == before
    assert not MailboxAccessLog.objects.exists()


@pytest.mark.parametrize(("url_name", "method"), CASE_VIEWS)
def test_school_counsellor_gets_404_for_a_case_without_school(client, counsellor, url_name, method):
    no_school = MailboxCaseFactory(school=None)
    client.force_login(counsellor)
    assert request(client, url_name, method, no_school).status_code == 404


@pytest.mark.parametrize("role", OUTSIDER_ROLES)
def test_an_outsider_with_an_assignment_is_still_refused(client, case, school, role):
    outsider = make_outsider(role)
    CounsellorAssignmentFactory(user=outsider, school=None)
    client.force_login(outsider)
    assert client.get(reverse("mailbox_case", args=[case.pk])).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login_page(client, case):
    response = client.get(reverse("mailbox_case", args=[case.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize(("url_name", "method"), [(name, "get") for name in LIST_VIEWS] + CASE_VIEWS)
def test_every_mailbox_view_forbids_caching(client, case, counsellor, url_name, method):
    client.force_login(counsellor)
    is_list = url_name in LIST_VIEWS
    response = client.get(reverse(url_name)) if is_list else request(client, url_name, method, case)
    assert response.status_code in (200, 302)
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control
    assert "private" in cache_control


def test_city_wide_counsellor_opens_a_case_without_school(client):
    case = MailboxCaseFactory(school=None)
    MailboxMessageFactory(case=case, text="Em không muốn nói tên trường.")
    client.force_login(make_counsellor("tuvan_thanhpho", city_wide=True))
    response = client.get(reverse("mailbox_case", args=[case.pk]))
    assert response.status_code == 200
    assert "Em không muốn nói tên trường." in response.content.decode()


# --- Case list -------------------------------------------------------------------


def test_case_list_shows_only_the_counsellors_cases_with_their_details(client, case, counsellor):
    other = MailboxCaseFactory(school=SchoolFactory(), code="HT-KHAC-0001")
    client.force_login(counsellor)

    response = client.get(reverse("mailbox_cases"))

    html = response.content.decode()
    assert response.status_code == 200
    assert case.code in html
    assert reverse("mailbox_case", args=[case.pk]) in html
    assert "THCS Lê Lợi" in html
    assert "Bullying or violence" in html
    assert "New" in html
    assert other.code not in html
    assert "bắt nạt" not in html


def test_case_list_filters_by_status_and_school(client, school):
    other_school = SchoolFactory(name="THPT Nguyễn Trãi")
    answered = MailboxCaseFactory(school=school, status=MailboxCase.Status.ANSWERED, code="HT-A")
    new = MailboxCaseFactory(school=school, status=MailboxCase.Status.NEW, code="HT-B")
    elsewhere = MailboxCaseFactory(school=other_school, status=MailboxCase.Status.NEW, code="HT-C")
    no_school = MailboxCaseFactory(school=None, status=MailboxCase.Status.NEW, code="HT-D")
    client.force_login(make_counsellor("tuvan_thanhpho", city_wide=True))

    def listed(**params):
        html = client.get(reverse("mailbox_cases_results"), params).content.decode()
        return {code for code in ("HT-A", "HT-B", "HT-C", "HT-D") if re.search(rf">\s*{code}\s*<", html)}

    assert listed() == {answered.code, new.code, elsewhere.code, no_school.code}
    assert listed(status="answered") == {answered.code}
    assert listed(school=school.pk) == {answered.code, new.code}
    assert listed(school="none") == {no_school.code}
    assert listed(status="new", school=other_school.pk) == {elsewhere.code}


def test_case_list_ignores_an_unknown_filter_value(client, case, counsellor):
    client.force_login(counsellor)
    response = client.get(reverse("mailbox_cases"), {"status": "nonsense", "school": "999999"})
    assert response.status_code == 200


def test_school_filter_offers_only_the_counsellors_schools(client, school, counsellor):
    SchoolFactory(name="THPT Không Được Xem")
    client.force_login(counsellor)
    html = client.get(reverse("mailbox_cases")).content.decode()
    assert "THCS Lê Lợi" in html
    assert "THPT Không Được Xem" not in html


# --- One case --------------------------------------------------------------------


def test_case_page_shows_the_thread_as_escaped_text_and_records_the_opening(client, case, counsellor):
    client.force_login(counsellor)

    response = client.get(reverse("mailbox_case", args=[case.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Em bị bạn cùng lớp bắt nạt.<br>Bạn ấy lấy đồ của em &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html
    entry = MailboxAccessLog.objects.get()
    assert (entry.user, entry.username, entry.case_code, entry.action) == (
        counsellor,
        "tuvan_leloi",
        case.code,
        MailboxAccessLog.Action.OPENED,
    )


def test_reply_is_stored_encrypted_answers_the_case_and_is_recorded(client, case, counsellor):
    client.force_login(counsellor)

    response = client.post(reverse("mailbox_case_reply", args=[case.pk]), {"text": "Em hãy đến phòng tư vấn."})

    assert response.status_code == 302
    reply = case.messages.get(sender=MailboxMessage.Sender.COUNSELLOR)
    assert reply.body == "Em hãy đến phòng tư vấn."
    assert reply.counsellor == counsellor
    assert "phòng" not in reply.body_encrypted
    case.refresh_from_db()
    assert case.status == MailboxCase.Status.ANSWERED
    assert case.last_activity_at == reply.created_at
    assert list(MailboxAccessLog.objects.values_list("action", flat=True)) == [MailboxAccessLog.Action.REPLIED]


@pytest.mark.parametrize("text", ["", "   ", "x" * (REPLY_MAX_LENGTH + 1)])
def test_empty_or_too_long_reply_is_refused_with_a_message_and_nothing_stored(client, case, counsellor, text):
    client.force_login(counsellor)
    before = case_state(case)

    response = client.post(reverse("mailbox_case_reply", args=[case.pk]), {"text": text})

    assert response.status_code == 400
    assert response.context["reply_form"].errors["text"]
    assert case_state(case) == before
    assert not MailboxAccessLog.objects.exclude(action=MailboxAccessLog.Action.OPENED).exists()


def test_reply_of_exactly_the_limit_is_accepted(client, case, counsellor):
    client.force_login(counsellor)
    client.post(reverse("mailbox_case_reply", args=[case.pk]), {"text": "x" * REPLY_MAX_LENGTH})
    assert case.messages.filter(sender=MailboxMessage.Sender.COUNSELLOR).count() == 1


def test_closed_case_takes_no_reply_until_reopened(client, case, counsellor):
    client.force_login(counsellor)

    client.post(reverse("mailbox_case_close", args=[case.pk]))
    case.refresh_from_db()
    assert case.status == MailboxCase.Status.CLOSED
    response = client.post(reverse("mailbox_case_reply", args=[case.pk]), {"text": "Trả lời muộn."})
    assert response.status_code == 302
    assert case.messages.count() == 1
    page = client.get(reverse("mailbox_case", args=[case.pk])).content.decode()
    assert reverse("mailbox_case_reopen", args=[case.pk]) in page
    assert reverse("mailbox_case_reply", args=[case.pk]) not in page

    client.post(reverse("mailbox_case_reopen", args=[case.pk]))
    case.refresh_from_db()
    assert case.status == MailboxCase.Status.NEW
    client.post(reverse("mailbox_case_reply", args=[case.pk]), {"text": "Trả lời muộn."})
    assert case.messages.count() == 2


def test_reopening_an_answered_case_makes_it_answered_again(client, case, counsellor):
    MailboxMessageFactory(case=case, sender=MailboxMessage.Sender.COUNSELLOR, counsellor=counsellor, text="Đã trả lời.")
    client.force_login(counsellor)
    client.post(reverse("mailbox_case_close", args=[case.pk]))
    client.post(reverse("mailbox_case_reopen", args=[case.pk]))
    case.refresh_from_db()
    assert case.status == MailboxCase.Status.ANSWERED


def test_close_and_reopen_refuse_get(client, case, counsellor):
    client.force_login(counsellor)
    for url_name in ("mailbox_case_close", "mailbox_case_reopen", "mailbox_case_reply"):
        assert client.get(reverse(url_name, args=[case.pk])).status_code == 405
    case.refresh_from_db()
    assert case.status == MailboxCase.Status.NEW


def test_print_view_shows_the_escaped_thread_without_inline_styles_or_scripts(client, case, counsellor):
    client.force_login(counsellor)

    response = client.get(reverse("mailbox_case_print", args=[case.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "css/mailbox-print.css" in html
    assert "style=" not in html
    assert "<style" not in html
    assert re.findall(r"<script(?![^>]*\ssrc=)", html) == []
    assert list(MailboxAccessLog.objects.values_list("action", flat=True)) == [MailboxAccessLog.Action.PRINTED]


def test_pdf_export_is_an_attachment_and_is_recorded(client, case, counsellor):
    client.force_login(counsellor)

    response = client.get(reverse("mailbox_case_pdf", args=[case.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="case-{case.code}.pdf"'
    assert response.content.startswith(b"%PDF-")
    assert list(MailboxAccessLog.objects.values_list("action", flat=True)) == [MailboxAccessLog.Action.EXPORTED]


def test_unknown_case_is_404(client, counsellor):
    client.force_login(counsellor)
    assert client.get(reverse("mailbox_case", args=[999999])).status_code == 404


# --- Menu and dashboard -------------------------------------------------------------


def test_menu_item_and_dashboard_panel_are_shown_to_counsellors_only(client, case, counsellor):
    MailboxCaseFactory(school=case.school, status=MailboxCase.Status.ANSWERED)
    client.force_login(counsellor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "student-mailbox" in html
    assert "1 case in your schools is awaiting a reply." in html

    client.force_login(prefer_english_admin(make_outsider("superuser")))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "student-mailbox" not in html
    assert "awaiting a reply" not in html


# --- Access log (managers) ------------------------------------------------------------


@pytest.mark.parametrize("role", ["content_manager", "superuser"])
def test_managers_read_the_access_log_without_any_content(client, case, counsellor, role):
    client.force_login(counsellor)
    client.get(reverse("mailbox_case", args=[case.pk]))
    client.post(reverse("mailbox_case_reply", args=[case.pk]), {"text": "Nội dung trả lời bí mật."})
    client.force_login(prefer_english_admin(make_outsider(role)))

    response = client.get(reverse("mailbox_access_log"))

    html = response.content.decode()
    assert response.status_code == 200
    assert case.code in html
    assert "tuvan_leloi" in html
    assert "Opened" in html
    assert "Replied" in html
    assert "bắt nạt" not in html
    assert "bí mật" not in html
    assert "no-store" in response["Cache-Control"]


def test_access_log_can_be_searched_by_case_code(client, counsellor, school):
    first, second = MailboxCaseFactory(school=school, code="HT-AAAA"), MailboxCaseFactory(school=school, code="HT-BBBB")
    client.force_login(counsellor)
    for case in (first, second):
        client.get(reverse("mailbox_case", args=[case.pk]))
    client.force_login(make_outsider("superuser"))
    html = client.get(reverse("mailbox_access_log_results"), {"q": "HT-AAAA"}).content.decode()
    assert "HT-AAAA" in html
    assert "HT-BBBB" not in html


@pytest.mark.parametrize("role", ["reader", "editor", "reviewer"])
@pytest.mark.parametrize("url_name", ["mailbox_access_log", "mailbox_access_log_results"])
def test_editors_reviewers_and_counsellors_cannot_read_the_access_log(client, counsellor, role, url_name):
    for user in (make_outsider(role), counsellor):
        client.force_login(user)
        assert client.get(reverse(url_name)).status_code == 403
