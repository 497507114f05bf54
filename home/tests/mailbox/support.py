"""Helpers of the mailbox tests: posting the form as a browser would."""

import re

from home.mailbox import codes

CODE_PATTERN = re.compile(r"HT-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}")
PIN_PATTERN = re.compile(r'mailbox-credentials__value">(\d{4} \d{4})<')


def write_url(page):
    return page.url


def read_url(page):
    return page.url + "read/"


def form_token_from(response):
    match = re.search(r'name="form_token" value="([^"]+)"', response.content.decode())
    assert match, "the form carries a one-time token"
    return match.group(1)


def submission(message="Em bị bạn cùng lớp bắt nạt mỗi ngày.", *, token=None, **fields):
    return {"message": message, "form_token": token or codes.new_form_token(), "website": "", **fields}


def code_and_pin(response):
    html = response.content.decode()
    code, pin = CODE_PATTERN.search(html), PIN_PATTERN.search(html)
    assert code and pin, "the confirmation shows a code and a PIN"
    return code.group(0), pin.group(1).replace(" ", "")
