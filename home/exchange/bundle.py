"""Reading a bundle: its lines with their physical numbers, and checks of single values.

Each `clean_*` function returns the value in the form the importer stores
and raises `FieldError(key, reason)`; the importer adds the line number.
"""

import datetime
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.coreutils import get_content_languages

from home.documents import check_upload
from home.exchange.errors import ExchangeError, FieldError, LineError

CONTENT_FILE = "content.jsonl"
SLUG_RE = re.compile(r"[a-z0-9-]+")
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
DATETIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}.*")


@dataclass(frozen=True)
class Bundle:
    """`folder` holds the files that lines name; `content` is the JSON Lines file."""

    folder: Path
    content: Path


@dataclass(frozen=True)
class BundleFile:
    """A file of the bundle that passed `check_upload`, identified by its SHA-1 (as `file_hash`)."""

    path: Path
    name: str
    sha1: str
    size: int


def open_bundle(path):
    """A bundle folder holding content.jsonl, or a lone .jsonl file (its folder holds named files)."""
    path = Path(path)
    if path.is_dir():
        content = path / CONTENT_FILE
        if not content.is_file():
            raise ExchangeError(_("%(path)s: the bundle folder has no %(name)s") % {"path": path, "name": CONTENT_FILE})
        return Bundle(folder=path, content=content)
    if path.is_file():
        return Bundle(folder=path.parent, content=path)
    raise ExchangeError(_("%(path)s: no such bundle folder or file") % {"path": path})


def read_lines(bundle):
    """Yield (line number, object) for every line that is not blank or a `#` comment."""
    raw_lines = bundle.content.read_bytes().split(b"\n")
    for number, raw in enumerate(raw_lines, start=1):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise LineError(line=number, key="json", reason=_("not valid UTF-8")) from error
        if number == 1:
            text = text.removeprefix("\ufeff")
        stripped = text.strip()
        if not stripped or stripped.startswith("#"):
            continue
        yield number, parse_object(text, number)


def _no_duplicate_keys(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise FieldError(key, _("given twice"))
        seen[key] = value
    return seen


def parse_object(text, number):
    try:
        item = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except FieldError as error:
        raise LineError(line=number, key=error.key, reason=error.reason) from error
    except json.JSONDecodeError as error:
        reason = _("not valid JSON: %(message)s (column %(column)s)") % {"message": error.msg, "column": error.colno}
        raise LineError(line=number, key="json", reason=reason) from error
    if not isinstance(item, dict):
        raise LineError(line=number, key="json", reason=_("a line must be a JSON object"))
    return item


# --- values ---------------------------------------------------------------------------


def _type_name(value):
    return {
        dict: "object",
        list: "list",
        str: "string",
        bool: "true/false",
        int: "number",
        float: "number",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def require_type(value, expected, *, key, expected_name):
    if not isinstance(value, expected) or (expected is not bool and isinstance(value, bool)):
        raise FieldError(
            key, _("must be %(expected)s, not %(actual)s") % {"expected": expected_name, "actual": _type_name(value)}
        )
    return value


def clean_text(value, *, key, required=False, single_line=True, max_length=None):
    """Plain text, stripped of surrounding whitespace."""
    text = require_type(value, str, key=key, expected_name=_("a string")).strip()
    if required and not text:
        raise FieldError(key, _("must not be empty"))
    if single_line and ("\n" in text or "\r" in text):
        raise FieldError(key, _("must be a single line"))
    if max_length is not None and len(text) > max_length:
        raise FieldError(key, _("may have at most %(limit)s characters, not %(length)s") % {
            "limit": max_length, "length": len(text)
        })  # fmt: skip
    return text


def clean_slug(value, *, key, max_length=None):
    slug = require_type(value, str, key=key, expected_name=_("a string"))
    if not SLUG_RE.fullmatch(slug):
        raise FieldError(key, _("“%(slug)s” is not a slug: use only a-z, 0-9 and hyphens") % {"slug": slug})
    if max_length is not None and len(slug) > max_length:
        raise FieldError(key, _("may have at most %(limit)s characters") % {"limit": max_length})
    return slug


def content_language_codes():
    return list(get_content_languages())


def clean_locale(value, *, key):
    code = require_type(value, str, key=key, expected_name=_("a string"))
    codes = content_language_codes()
    if code not in codes:
        raise FieldError(key, _("unknown locale “%(code)s”; this site has %(codes)s") % {
            "code": code, "codes": ", ".join(codes)
        })  # fmt: skip
    return code


def clean_choice(value, *, key, choices):
    """One of `choices` (a TextChoices class)."""
    choice = require_type(value, str, key=key, expected_name=_("a string"))
    allowed = [value for value, _label in choices.choices]
    if choice not in allowed:
        raise FieldError(key, _("unknown value “%(value)s”; expected one of %(allowed)s") % {
            "value": choice, "allowed": ", ".join(allowed)
        })  # fmt: skip
    return choice


def clean_list(value, *, key):
    return require_type(value, list, key=key, expected_name=_("a list"))


def clean_choice_list(value, *, key, choices):
    """A subset of `choices`, in the choices' own order."""
    allowed = [choice for choice, _label in choices.choices]
    seen = []
    for item in clean_list(value, key=key):
        choice = clean_choice(item, key=key, choices=choices)
        if choice in seen:
            raise FieldError(key, _("“%(value)s” is listed twice") % {"value": choice})
        seen.append(choice)
    return sorted(seen, key=allowed.index)


def clean_date(value, *, key):
    text = require_type(value, str, key=key, expected_name=_("an ISO date (YYYY-MM-DD)"))
    try:
        if not DATE_RE.fullmatch(text):
            raise ValueError(text)
        return datetime.date.fromisoformat(text)
    except ValueError as error:
        raise FieldError(key, _("“%(value)s” is not an ISO date (YYYY-MM-DD)") % {"value": text}) from error


def clean_datetime(value, *, key):
    """An aware datetime; a date means midnight and a naive time means the site's time zone."""
    text = require_type(value, str, key=key, expected_name=_("an ISO date or date-time"))
    try:
        if DATE_RE.fullmatch(text):
            moment = datetime.datetime.combine(datetime.date.fromisoformat(text), datetime.time())
        elif DATETIME_RE.fullmatch(text):
            moment = datetime.datetime.fromisoformat(text)
        else:
            raise ValueError(text)
    except ValueError as error:
        raise FieldError(
            key, _("“%(value)s” is not an ISO date or date-time (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+07:00)") % {
                "value": text
            }
        ) from error  # fmt: skip
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def clean_absolute_url(value, *, key, max_length=None):
    url = clean_text(value, key=key, required=True, max_length=max_length)
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError as error:
        raise FieldError(key, _("“%(url)s” is not an http(s) address") % {"url": url}) from error
    return url


def check_keys(item, *, allowed, required, prefix=""):
    """Unknown keys first (a typo must never be dropped silently), then missing ones."""
    for key in item:
        if key not in allowed:
            raise FieldError(f"{prefix}{key}", unknown_key_reason(key, allowed))
    for key in required:
        if key not in item:
            raise FieldError(f"{prefix}{key}", _("is required"))


def unknown_key_reason(key, allowed):
    import difflib

    close = difflib.get_close_matches(key, sorted(allowed), n=1)
    if close:
        return _("unknown key (did you mean “%(key)s”?)") % {"key": close[0]}
    return _("unknown key; expected %(keys)s") % {"keys": ", ".join(sorted(allowed))}


# --- files -----------------------------------------------------------------------------


def clean_file(value, *, key, bundle):
    """A file inside the bundle folder that passes `check_upload`, the single file gate."""
    relative = require_type(value, str, key=key, expected_name=_("a string"))
    path = PurePosixPath(relative)
    if not relative or "\\" in relative or path.is_absolute() or re.match(r"[A-Za-z]:", relative) or ".." in path.parts:
        raise FieldError(
            key, _("“%(path)s” must be a relative path inside the bundle folder, without “..”") % {"path": relative}
        )
    folder = bundle.folder.resolve()
    full = (folder / Path(*path.parts)).resolve()
    if not full.is_relative_to(folder):
        raise FieldError(key, _("“%(path)s” points outside the bundle folder") % {"path": relative})
    if not full.is_file():
        raise FieldError(key, _("“%(path)s” not found in the bundle folder") % {"path": relative})
    data = full.read_bytes()
    try:
        check_upload(name=full.name, data=data)
    except ValidationError as error:
        raise FieldError(key, _("“%(path)s” refused: %(reason)s") % {
            "path": relative, "reason": " ".join(error.messages)
        }) from error  # fmt: skip
    return BundleFile(path=full, name=full.name, sha1=hashlib.sha1(data).hexdigest(), size=len(data))
