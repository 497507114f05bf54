"""The demo privacy page says what the mailbox keeps, for how long, who reads it and what it never keeps."""

import pytest
from django.conf import settings

from home import demo

pytestmark = pytest.mark.django_db


def page_text(page):
    parts = []
    for block in page.body:
        value = block.value
        if block.block_type == "paragraph":
            parts.append(value.source)
        elif block.block_type == "heading":
            parts.append(value["text"])
        elif block.block_type == "callout":
            parts.extend([value["title"], value["text"].source])
    return " ".join(parts)


@pytest.mark.parametrize(
    ("language_code", "phrases"),
    [
        (
            "vi",
            [
                "Hộp thư “Điều em muốn nói”",
                "được mã hóa",
                "Trường và chủ đề",
                "mã thư",
                "mã băm",
                f"{settings.MAILBOX_RETENTION_DAYS} ngày sau lần hoạt động cuối",
                "chỉ tư vấn viên được phân công",
                "địa chỉ IP",
                "thiết bị",
                "trừ khi em tự viết",
                "Trang này có hữu ích không?",
            ],
        ),
        (
            "en",
            [
                "help mailbox",
                "encrypted",
                "school and the topic",
                "case code",
                "hash",
                f"{settings.MAILBOX_RETENTION_DAYS} days after its last activity",
                "only counsellors assigned",
                "IP address",
                "device",
                "unless they write it",
                "Was this page helpful?",
            ],
        ),
    ],
)
def test_privacy_page_describes_the_mailbox_and_the_feedback_question(home_page, language_code, phrases):
    privacy = demo.set_up_demo_site()["standard_pages"][language_code]["privacy"]
    text = page_text(privacy)
    for phrase in phrases:
        assert phrase in text, phrase
