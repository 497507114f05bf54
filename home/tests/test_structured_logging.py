"""Logs and error reports carry no address, user agent, cookie, user or query string."""

import json
import logging
import sys
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client, override_settings

from home.models import HomePage
from home.structured_logging import JsonFormatter, PlainFormatter, PrivateExceptionReporter, scrub

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.77"
USER_AGENT = "MarkerBrowser/9.9"
QUERY = "marker-query-ma-tuy"
COOKIE = "marker-cookie-value"
POSTED = "marker-posted-secret"
USERNAME = "marker-username"
MARKERS = (ADDRESS, USER_AGENT, QUERY, COOKIE, POSTED, USERNAME)


@pytest.fixture
def marked_client():
    client = Client(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=USER_AGENT, raise_request_exception=False)
    client.cookies["tracking"] = COOKIE
    return client


@pytest.fixture
def every_log_line(caplog):
    """Each record of the request formatted as JSON and as plain text: what would reach the log files."""
    caplog.set_level(logging.DEBUG)

    def lines():
        return [
            formatter.format(record) for record in caplog.records for formatter in (JsonFormatter(), PlainFormatter())
        ]

    return lines


def assert_no_marker(text):
    for marker in MARKERS:
        assert marker not in text, marker


def test_server_error_is_logged_and_reported_without_personal_data(marked_client, home_page, every_log_line):
    user = get_user_model().objects.create_user(USERNAME, "marker@example.com", "password")
    marked_client.force_login(user)
    with (
        override_settings(ADMINS=[("Ops", "ops@example.com")]),
        mock.patch.object(HomePage, "serve", side_effect=RuntimeError("boom")),
    ):
        response = marked_client.post(f"/?q={QUERY}", {"message": POSTED})

    assert response.status_code == 500
    lines = every_log_line()
    error = next(json.loads(line) for line in lines if line.startswith("{") and '"django.request"' in line)
    assert error["level"] == "ERROR"
    assert error["status"] == 500
    assert error["exception"]["type"] == "RuntimeError"
    assert error["message"] == "Internal Server Error: /"
    request_line = next(json.loads(line) for line in lines if '"portal.requests"' in line)
    assert (request_line["method"], request_line["path"], request_line["status"]) == ("POST", "/", 500)
    assert request_line["duration_ms"] >= 0
    assert_no_marker("\n".join(lines))
    assert len(mail.outbox) == 1
    assert "RuntimeError" in mail.outbox[0].body
    assert_no_marker(mail.outbox[0].subject + mail.outbox[0].body)


def test_not_found_is_logged_without_personal_data(marked_client, home_page, every_log_line):
    response = marked_client.get(f"/khong-co-trang-nay/?q={QUERY}")

    assert response.status_code == 404
    lines = every_log_line()
    request_line = next(json.loads(line) for line in lines if '"portal.requests"' in line)
    assert request_line["path"] == "/khong-co-trang-nay/"
    assert request_line["status"] == 404
    assert_no_marker("\n".join(lines))


def test_search_is_logged_without_the_query(marked_client, home_page, every_log_line):
    marked_client.get("/search/", {"q": QUERY})
    marked_client.get("/api/search/", {"q": QUERY})

    lines = every_log_line()
    assert sum('"portal.requests"' in line for line in lines) == 2
    assert_no_marker("\n".join(lines))


def test_html_error_report_has_no_personal_data(rf):
    request = rf.post(
        f"/bai-viet/?q={QUERY}",
        {"message": POSTED},
        REMOTE_ADDR=ADDRESS,
        HTTP_USER_AGENT=USER_AGENT,
        HTTP_COOKIE=f"tracking={COOKIE}",
        HTTP_X_FORWARDED_FOR=ADDRESS,
    )
    request.user = mock.Mock(__str__=lambda self: USERNAME)
    secret_local = POSTED  # noqa: F841  (a local variable the report must not show)
    try:
        raise ValueError("boom")
    except ValueError:
        reporter = PrivateExceptionReporter(request, *sys.exc_info())

    html = reporter.get_traceback_html()
    text = reporter.get_traceback_text()

    assert "ValueError" in html
    assert "/bai-viet/" in text
    assert_no_marker(html)
    assert_no_marker(text)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ('"GET /search/?q=ma+tuy HTTP/1.1" 200', '"GET /search/ HTTP/1.1" 200'),
        ("from 10.0.0.12 to /en/?page=2", "from [address] to /en/"),
        ("Why? Because.", "Why? Because."),
    ],
)
def test_scrub_drops_query_strings_and_addresses_only(raw, expected):
    assert scrub(raw) == expected


def test_json_lines_have_the_documented_fields():
    record = logging.LogRecord("portal.requests", logging.INFO, __file__, 1, "GET %s", ("/a?q=x",), None)
    record.path = "/a?q=x"
    record.status = 200
    record.duration_ms = 1.5
    record.request = mock.Mock(META={"REMOTE_ADDR": ADDRESS})

    entry = json.loads(JsonFormatter().format(record))

    assert set(entry) == {"time", "level", "logger", "message", "path", "status", "duration_ms"}
    assert entry["path"] == "/a"
    assert entry["message"] == "GET /a"
    assert entry["time"].endswith("+00:00")
