"""Logs and error reports without personal data.

- `JsonFormatter`: one JSON object per line (time, level, logger, message and,
  for requests, method, path, status and duration). Nothing else from the
  record is written: Django attaches the request to its records, and the
  request holds the visitor's address, browser and cookies.
- Query strings are dropped from paths and messages: they hold what a child
  typed into the search box. IPv4 addresses are masked in messages.
- `RequestLogMiddleware`: one line per request with path, status and duration.
- `PrivateExceptionReporter` / `PrivateExceptionReporterFilter`: error reports
  (e-mailed to `ADMINS`) keep the path, method and traceback, never the
  address, user agent, cookies, query string, form data, user or local
  variables.
"""

import datetime
import json
import logging
import re
import time
import traceback
from types import SimpleNamespace

from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

QUERY_STRING = re.compile(r"(/[^\s?\"']*)\?[^\s\"']*")
IPV4_ADDRESS = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
REQUEST_FIELDS = ("method", "path", "status", "duration_ms")

request_logger = logging.getLogger("portal.requests")


def scrub(text):
    """`text` without query strings or IPv4 addresses."""
    return IPV4_ADDRESS.sub("[address]", QUERY_STRING.sub(r"\1", text))


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": scrub(record.getMessage()),
        }
        for field in REQUEST_FIELDS:
            value = getattr(record, field, None)
            if value is not None:
                entry[field] = scrub(value) if isinstance(value, str) else value
        status = getattr(record, "status_code", None)  # set by django.request on 4xx/5xx records
        if status is not None:
            entry.setdefault("status", status)
        if record.exc_info:
            entry["exception"] = exception_summary(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class PlainFormatter(logging.Formatter):
    """Human-readable lines for development, scrubbed like the JSON ones."""

    def format(self, record):
        return scrub(super().format(record))


def exception_summary(exc_info):
    """The exception's type and stack (file, line, function), without its message or local values."""
    exc_type, _value, tb = exc_info
    frames = [f"{frame.filename}:{frame.lineno} in {frame.name}" for frame in traceback.extract_tb(tb)]
    return {"type": getattr(exc_type, "__name__", str(exc_type)), "stack": frames}


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        if request_logger.isEnabledFor(logging.INFO):
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            request_logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": duration_ms,
                },
            )
        return response


# --- Error reports -----------------------------------------------------------

REPORTED_META = ("REQUEST_METHOD", "PATH_INFO", "SCRIPT_NAME", "SERVER_NAME", "SERVER_PORT", "CONTENT_TYPE")


class PrivateExceptionReporterFilter(SafeExceptionReporterFilter):
    def get_safe_request_meta(self, request):
        if request is None or not hasattr(request, "META"):
            return {}
        return {key: request.META[key] for key in REPORTED_META if key in request.META}

    def get_safe_cookies(self, request):
        return {}

    def get_post_parameters(self, request):
        return {}

    def get_traceback_frame_variables(self, request, tb_frame):
        return []


class PrivateExceptionReporter(ExceptionReporter):
    def get_traceback_data(self):
        data = super().get_traceback_data()
        data["user_str"] = None
        if self.request is not None:
            data.update(
                request=request_stand_in(self.request),
                request_GET_items=[],
                request_FILES_items=[],
                request_insecure_uri=self.request.path,
            )
        for frame in data.get("frames", []):
            frame["vars"] = []
        return data


def request_stand_in(request):
    """What the report templates read from the request, and nothing more."""
    return SimpleNamespace(
        path_info=request.path_info,
        path=request.path,
        method=request.method,
        META={"REQUEST_METHOD": request.method},
        GET={},
        POST={},
        COOKIES={},
        FILES={},
    )
