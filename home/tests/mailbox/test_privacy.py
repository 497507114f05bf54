"""No address, user agent or message text in the clear anywhere the site keeps things."""

import logging

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import override_settings

from home.tests.mailbox.factories import DangerPhraseFactory
from home.tests.mailbox.support import code_and_pin, read_url, submission, write_url

pytestmark = pytest.mark.django_db

MARKER_ADDRESS = "203.0.113.77"
MARKER_FORWARDED = "198.51.100.177"
MARKER_AGENT = "MarkerAgent/9.9"
SECRET_TEXT = "Bí mật ZQXMARK7731: em bị bắt nạt ở nhà xe"
FOLLOW_UP_TEXT = "Tin viết thêm ZQXMARK8842"
MARKERS = (MARKER_ADDRESS, MARKER_FORWARDED, MARKER_AGENT)


def every_row_as_text():
    """Every value of every table, through raw SQL, as one string per table."""
    dump = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            dump[table] = "\n".join(" | ".join(str(value) for value in row) for row in cursor.fetchall())
    return dump


def cache_contents():
    """Keys and raw values of the local-memory cache the tests run with."""
    store = getattr(caches["default"], "_cache", {})
    return " ".join(f"{key} {value!r}" for key, value in store.items())


@override_settings(DEBUG=True, TRUSTED_PROXY_COUNT=1)  # DEBUG: every SQL statement is logged too
def test_no_address_user_agent_or_plain_text_is_kept_anywhere(client, mailbox_page, caplog):
    caplog.set_level(logging.DEBUG)
    for name in ("django", "django.request", "django.db.backends", "django.security", "home", "wagtail"):
        caplog.set_level(logging.DEBUG, logger=name)
    DangerPhraseFactory(phrase="bắt nạt")
    headers = {"REMOTE_ADDR": MARKER_ADDRESS, "HTTP_USER_AGENT": MARKER_AGENT, "HTTP_X_FORWARDED_FOR": MARKER_FORWARDED}

    responses = [client.get(write_url(mailbox_page), **headers)]
    sent = client.post(write_url(mailbox_page), submission(SECRET_TEXT), **headers)
    responses += [sent, client.post(write_url(mailbox_page), submission(""), **headers)]
    code, pin = code_and_pin(sent)
    responses.append(client.post(read_url(mailbox_page), {"action": "open", "code": code, "pin": "0"}, **headers))
    opened = client.post(read_url(mailbox_page), {"action": "open", "code": code, "pin": pin}, **headers)
    access = opened.content.decode().split('name="access" value="')[1].split('"')[0]
    write = {"action": "write", "access": access, "message": FOLLOW_UP_TEXT}
    responses += [opened, client.post(read_url(mailbox_page), write, **headers)]

    assert [response.status_code for response in responses] == [200, 200, 400, 400, 200, 200]
    tables = every_row_as_text()
    assert "home_mailboxcase" in tables and code in tables["home_mailboxcase"]
    for table, text in tables.items():
        for marker in (*MARKERS, SECRET_TEXT, FOLLOW_UP_TEXT, "ZQXMARK"):
            assert marker not in text, f"{marker!r} found in table {table}"
    logged = caplog.text + " ".join(str(record.__dict__) for record in caplog.records)
    assert "INSERT INTO" in logged  # the SQL log really was captured
    for marker in (*MARKERS, "ZQXMARK"):
        assert marker not in logged
    for marker in MARKERS:
        assert marker not in cache_contents()
    for response in responses:
        assert set(response.cookies) <= {"csrftoken"}
