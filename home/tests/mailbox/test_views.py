import re

import pytest

from home import network
from home.mailbox import codes
from home.mailbox.services import PIN_ATTEMPTS_BEFORE_LOCK
from home.mailbox.views import READ_LIMIT, SUBMIT_LIMIT
from home.models import MailboxCase, MailboxMessage
from home.tests.mailbox.factories import (
    TEST_PIN,
    DangerPhraseFactory,
    MailboxCaseFactory,
    MailboxMessageFactory,
    SchoolFactory,
)
from home.tests.mailbox.support import code_and_pin, form_token_from, read_url, submission, write_url

pytestmark = pytest.mark.django_db


def assert_not_stored(response):
    assert "no-store" in response["Cache-Control"]


# --- the form --------------------------------------------------------------------------


def test_the_form_offers_active_schools_and_topics_with_a_fresh_token(client, mailbox_page):
    open_school, closed_school = SchoolFactory(name="Trường THCS Mở"), SchoolFactory(name="Trường Cũ", is_active=False)

    first, second = client.get(write_url(mailbox_page)), client.get(write_url(mailbox_page))

    assert first.status_code == 200
    assert_not_stored(first)
    html = first.content.decode()
    assert open_school.name in html and closed_school.name not in html
    assert 'name="topic"' in html and 'name="website"' in html
    assert form_token_from(first) != form_token_from(second)


def test_sending_commits_the_case_and_shows_its_code_and_pin_once(client, mailbox_page):
    school = SchoolFactory()

    response = client.post(write_url(mailbox_page), submission(school=school.pk, topic="bullying"))

    assert response.status_code == 200
    assert_not_stored(response)
    code, pin = code_and_pin(response)
    case = MailboxCase.objects.get(code=code)
    assert (case.school, case.topic, case.status, case.language) == (school, "bullying", "new", "vi")
    assert [message.body for message in case.messages.all()] == ["Em bị bạn cùng lớp bắt nạt mỗi ngày."]
    assert pin not in case.pin_hash
    assert "only time we show your PIN" in response.content.decode() or "duy nhất" in response.content.decode()


def test_school_and_topic_are_optional(client, mailbox_page):
    response = client.post(write_url(mailbox_page), submission(school="", topic=""))

    case = MailboxCase.objects.get(code=code_and_pin(response)[0])
    assert (case.school, case.topic) == (None, "")


def test_the_english_page_answers_in_english_and_records_the_language(client, mailbox_page_en):
    response = client.post(write_url(mailbox_page_en), submission("I am being bullied."))

    assert "Your message has been sent" in response.content.decode()
    assert MailboxCase.objects.get().language == "en"


def test_a_retried_post_with_the_same_token_shows_the_same_code_and_pin_and_creates_one_case(client, mailbox_page):
    data = submission()

    first = client.post(write_url(mailbox_page), data)
    retry = client.post(write_url(mailbox_page), data)

    assert code_and_pin(first) == code_and_pin(retry)
    assert MailboxCase.objects.count() == 1
    assert MailboxMessage.objects.count() == 1


@pytest.mark.parametrize(
    "fields",
    [{"message": "   "}, {"message": "x" * 5001}, {"topic": "weather"}, {"school": "999999"}],
)
def test_bad_input_is_refused_with_a_message_and_creates_nothing(client, mailbox_page, fields):
    response = client.post(write_url(mailbox_page), submission(**fields))

    assert response.status_code == 400
    assert 'class="mailbox-field__error"' in response.content.decode()
    assert MailboxCase.objects.count() == 0


def test_a_forged_or_expired_token_is_refused_and_the_text_is_kept(client, mailbox_page, monkeypatch):
    forged = client.post(write_url(mailbox_page), submission("Tin của em", token="abc:def"))
    monkeypatch.setattr(codes, "FORM_TOKEN_MAX_AGE", -1)
    expired = client.post(write_url(mailbox_page), submission("Tin của em"))

    for response in (forged, expired):
        assert response.status_code == 400
        assert "Tin của em" in response.content.decode()
        assert 'class="mailbox-errors"' in response.content.decode()
    assert MailboxCase.objects.count() == 0


@pytest.mark.parametrize("bait", ["http://spam.example", "x" * 500])
def test_a_filled_honeypot_is_refused_clearly_and_creates_nothing(client, mailbox_page, bait):
    response = client.post(write_url(mailbox_page), submission("Tin của bot", website=bait))

    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="mailbox-errors"' in html
    assert "Tin của bot" in html
    assert bait not in html
    assert MailboxCase.objects.count() == 0


def test_submissions_are_rate_limited_per_address(client, mailbox_page):
    for _ in range(SUBMIT_LIMIT):
        assert client.post(write_url(mailbox_page), submission(), REMOTE_ADDR="198.51.100.1").status_code == 200

    refused = client.post(write_url(mailbox_page), submission("Tin thứ mười một"), REMOTE_ADDR="198.51.100.1")
    other_address = client.post(write_url(mailbox_page), submission(), REMOTE_ADDR="198.51.100.2")

    assert refused.status_code == 429
    assert "Tin thứ mười một" in refused.content.decode()
    assert 'class="mailbox-danger"' in refused.content.decode()
    assert other_address.status_code == 200
    assert MailboxCase.objects.count() == SUBMIT_LIMIT + 1


def test_a_retry_of_an_accepted_submission_is_not_refused_by_the_rate_limit(client, mailbox_page):
    data = submission()
    client.post(write_url(mailbox_page), data, REMOTE_ADDR="198.51.100.1")
    for _ in range(SUBMIT_LIMIT):
        client.post(write_url(mailbox_page), submission(), REMOTE_ADDR="198.51.100.1")

    retry = client.post(write_url(mailbox_page), data, REMOTE_ADDR="198.51.100.1")

    assert retry.status_code == 200
    assert code_and_pin(retry)


class UnreachableCache:
    """A cache whose server is down: every call fails as the Redis client does."""

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("cache server unreachable")

        return fail


def test_submission_still_works_when_the_rate_limit_cache_is_down(client, mailbox_page, monkeypatch, caplog):
    monkeypatch.setattr(network, "cache", UnreachableCache())

    responses = [client.post(write_url(mailbox_page), submission()) for _ in range(SUBMIT_LIMIT + 2)]

    assert {response.status_code for response in responses} == {200}
    assert MailboxCase.objects.count() == SUBMIT_LIMIT + 2
    assert "rate limit cache unavailable" in caplog.text


# --- danger phrases ----------------------------------------------------------------------


def test_a_message_with_a_danger_phrase_shows_the_hotlines_before_anything_else(client, mailbox_page, site_hotlines):
    DangerPhraseFactory(phrase="muốn chết")

    response = client.post(write_url(mailbox_page), submission("Dạo này em MUỐN CHẾT lắm."))

    html = response.content.decode()
    main = html[html.index('<main id="main"') :]
    assert main.index('class="mailbox-danger"') < main.index("<h1")
    danger = main[main.index('class="mailbox-danger"') : main.index("</section>")]
    assert 'href="tel:111"' in danger and 'href="tel:113"' in danger
    assert main.index('href="tel:111"') < main.index("HT-")


def test_a_message_without_danger_phrases_shows_no_alert(client, mailbox_page, site_hotlines):
    DangerPhraseFactory(phrase="tự tử")

    response = client.post(write_url(mailbox_page), submission("Em muốn hỏi từ từ về chuyện ở lớp."))

    assert 'class="mailbox-danger"' not in response.content.decode()


def test_the_alert_names_111_and_113_even_without_configured_hotlines(client, mailbox_page):
    DangerPhraseFactory(phrase="tự tử")

    response = client.post(write_url(mailbox_page), submission("em nghĩ đến chuyện tu tu"))

    html = response.content.decode()
    assert 'class="mailbox-danger"' in html and "111" in html and "113" in html


# --- reading a case ----------------------------------------------------------------------


def open_case(client, page, *, code, pin, address="198.51.100.9"):
    return client.post(read_url(page), {"action": "open", "code": code, "pin": pin}, REMOTE_ADDR=address)


def test_code_and_pin_open_the_thread_with_replies_escaped(client, mailbox_page):
    case = MailboxMessageFactory(text="Em bị bắt nạt.").case
    MailboxMessageFactory(case=case, sender="counsellor", text="Chào em,\n<b>cô</b> đã đọc <script>x</script>")

    response = open_case(client, mailbox_page, code=case.code.lower().replace("-", " "), pin=TEST_PIN)

    assert response.status_code == 200
    assert_not_stored(response)
    html = response.content.decode()
    assert "Em bị bắt nạt." in html
    assert "Chào em,<br>&lt;b&gt;cô&lt;/b&gt; đã đọc &lt;script&gt;x&lt;/script&gt;" in html
    assert "<script>x" not in html


def test_unknown_code_wrong_pin_and_locked_case_get_the_same_answer(client, mailbox_page):
    case = MailboxCaseFactory(code="HT-AAAA-BBBB")

    unknown = open_case(client, mailbox_page, code="HT-ZZZZ-ZZZZ", pin=TEST_PIN)
    wrong = open_case(client, mailbox_page, code=case.code, pin="00000000")
    malformed = open_case(client, mailbox_page, code="nonsense", pin="1")

    def error_of(response):
        return re.search(r'class="mailbox-errors".*?</div>', response.content.decode(), re.S).group(0)

    assert unknown.status_code == wrong.status_code == malformed.status_code
    assert error_of(unknown) == error_of(wrong) == error_of(malformed)


def test_repeated_wrong_pins_lock_the_case_even_against_the_right_pin(client, mailbox_page):
    case = MailboxCaseFactory()
    for attempt in range(PIN_ATTEMPTS_BEFORE_LOCK):
        open_case(client, mailbox_page, code=case.code, pin=f"9999999{attempt}", address=f"198.51.100.{attempt}")

    refused = open_case(client, mailbox_page, code=case.code, pin=TEST_PIN, address="198.51.100.200")

    case.refresh_from_db()
    assert case.is_locked()
    assert refused.status_code == 400
    assert "Em bị" not in refused.content.decode()


def test_the_lock_expires(client, mailbox_page):
    case = MailboxCaseFactory()
    MailboxMessageFactory(case=case, text="Tin nhắn đầu")
    case.locked_until = case.created_at  # a lock that has passed
    case.failed_pin_attempts = 3
    case.save()

    response = open_case(client, mailbox_page, code=case.code, pin=TEST_PIN)

    assert "Tin nhắn đầu" in response.content.decode()
    case.refresh_from_db()
    assert (case.failed_pin_attempts, case.locked_until) == (0, None)


def test_tries_are_rate_limited_per_address(client, mailbox_page):
    case = MailboxMessageFactory(text="Tin nhắn đầu").case
    for _ in range(READ_LIMIT):
        open_case(client, mailbox_page, code="HT-ZZZZ-ZZZZ", pin="1", address="198.51.100.7")

    refused = open_case(client, mailbox_page, code=case.code, pin=TEST_PIN, address="198.51.100.7")
    elsewhere = open_case(client, mailbox_page, code=case.code, pin=TEST_PIN, address="198.51.100.8")

    assert refused.status_code == 429
    assert "Tin nhắn đầu" not in refused.content.decode()
    assert "Tin nhắn đầu" in elsewhere.content.decode()


def access_token_from(response):
    return re.search(r'name="access" value="([^"]+)"', response.content.decode()).group(1)


def test_the_student_writes_again_and_the_case_waits_for_a_counsellor(client, mailbox_page):
    case = MailboxCaseFactory(status="answered")
    MailboxMessageFactory(case=case)
    before = case.last_activity_at
    opened = open_case(client, mailbox_page, code=case.code, pin=TEST_PIN)
    data = {"action": "write", "access": access_token_from(opened), "message": "Em cảm ơn cô.\nEm vẫn sợ."}

    sent = client.post(read_url(mailbox_page), data)
    client.post(read_url(mailbox_page), data)  # a double tap

    assert sent.status_code == 200
    assert "Em cảm ơn cô.<br>Em vẫn sợ." in sent.content.decode()
    case.refresh_from_db()
    assert case.status == "awaiting_counsellor"
    assert case.last_activity_at > before
    assert [message.body for message in case.messages.all()][-1] == "Em cảm ơn cô.\nEm vẫn sợ."
    assert case.messages.count() == 2


def test_writing_again_with_a_forged_access_token_asks_for_the_pin(client, mailbox_page):
    case = MailboxCaseFactory()
    data = {"action": "write", "access": case.code, "message": "Tin giả"}

    response = client.post(read_url(mailbox_page), data)

    assert response.status_code == 400
    assert 'name="pin"' in response.content.decode()
    assert not case.messages.exists()


def test_writing_again_respects_the_size_limit(client, mailbox_page):
    case = MailboxCaseFactory()
    data = {"action": "write", "access": codes.case_access_token(case), "message": "x" * 5001}

    response = client.post(read_url(mailbox_page), data)

    assert response.status_code == 400
    assert not case.messages.exists()


# --- every page ------------------------------------------------------------------------------

INLINE_CODE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=", re.I)


def test_every_mailbox_page_is_uncached_and_free_of_inline_code(client, mailbox_page, site_hotlines):
    DangerPhraseFactory(phrase="tự tử")
    case = MailboxMessageFactory().case
    responses = [
        client.get(write_url(mailbox_page)),
        client.post(write_url(mailbox_page), submission("tự tử")),
        client.post(write_url(mailbox_page), submission("")),
        client.get(read_url(mailbox_page)),
        open_case(client, mailbox_page, code=case.code, pin=TEST_PIN),
        open_case(client, mailbox_page, code=case.code, pin="0"),
    ]
    for response in responses:
        assert_not_stored(response)
        assert not INLINE_CODE.search(response.content.decode())
