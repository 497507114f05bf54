"""A case exported to PDF: a real PDF whose text (Vietnamese included) can be read back."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from home.mailbox.counselling import CaseThread, ThreadMessage, case_thread
from home.mailbox.pdf import render_case_pdf
from home.models import MailboxMessage
from home.tests.mailbox.factories import MailboxCaseFactory, MailboxMessageFactory, SchoolFactory


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def normalised(text):
    return " ".join(text.split())


def make_thread(*texts):
    now = timezone.now()
    return CaseThread(
        code="HT-PDF-0001",
        school_name="THCS Lê Lợi",
        topic_label="Bắt nạt, bạo lực",
        status_label="Mới",
        created_at=now,
        last_activity_at=now,
        messages=[
            ThreadMessage(author_label="Học sinh", created_at=now, text=text, from_student=True) for text in texts
        ],
    )


@pytest.mark.django_db
def test_pdf_of_a_stored_case_contains_its_code_school_and_vietnamese_messages():
    case = MailboxCaseFactory(school=SchoolFactory(name="THCS Lê Lợi"), code="HT-PDF-0002")
    now = timezone.now()
    MailboxMessageFactory(case=case, text="Em bị bạn cùng lớp bắt nạt ở nhà xe.", created_at=now - timedelta(hours=1))
    MailboxMessageFactory(
        case=case, sender=MailboxMessage.Sender.COUNSELLOR, text="Cô đã nhận được thư của em.", created_at=now
    )

    text, reader = pdf_text(render_case_pdf(case_thread(case)))

    assert len(reader.pages) == 1
    flat = normalised(text)
    assert "HT-PDF-0002" in flat
    assert "THCS Lê Lợi" in flat
    assert "Em bị bạn cùng lớp bắt nạt ở nhà xe." in flat
    assert "Cô đã nhận được thư của em." in flat
    assert flat.index("bắt nạt") < flat.index("Cô đã nhận")


def test_pdf_starts_as_a_pdf_and_carries_the_case_code_as_title():
    data = render_case_pdf(make_thread("Xin chào"))
    assert data.startswith(b"%PDF-")
    _text, reader = pdf_text(data)
    assert "HT-PDF-0001" in reader.metadata.title


def test_long_thread_flows_onto_further_pages_and_keeps_every_line():
    lines = [f"Dòng thứ {number} của thư." for number in range(120)]
    text, reader = pdf_text(render_case_pdf(make_thread("\n".join(lines))))
    assert len(reader.pages) > 1
    assert "Dòng thứ 0 của thư." in text
    assert "Dòng thứ 119 của thư." in text


def test_unprintable_characters_long_words_and_emoji_do_not_break_the_export():
    awkward = "Bắt\x00đầu\x07 " + "a" * 400 + " \tcuối 😢 thư"
    text, _reader = pdf_text(render_case_pdf(make_thread(awkward)))
    assert "Bắtđầu" in normalised(text)
    assert "cuối" in text
