"""The message catalogues in locale/: complete, well-formed and up to date with the code.

The English text is the msgid everywhere; locale/vi holds the Vietnamese text and locale/en repeats the
English, so both catalogues are complete. When a test here fails after you added a string, run
`make catalogues` (makemessages with the project's options) and translate the new entries.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation.reloader import translation_file_changed

LANGUAGES = ("vi", "en")
EXPECTED_PLURAL_FORMS = {"vi": "nplurals=1; plural=0;", "en": "nplurals=2; plural=(n != 1);"}
# Folders `makemessages` is told to skip (plus hidden ones), and folders holding no source at all.
NOT_SOURCE = {"locale", "demo", "node_modules", "media", "media-test", "static", "artifacts", "__pycache__"}
SOURCE_SUFFIXES = {".py", ".html", ".txt"}  # what makemessages reads for the "django" domain

NAMED_PLACEHOLDER = re.compile(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]")
POSITIONAL_PLACEHOLDER = re.compile(r"%(?!\()[-#0 +]*\d*(?:\.\d+)?[sdifr]")
BRACE_PLACEHOLDER = re.compile(r"\{\w*\}")
HTML_TAG = re.compile(r"</?([a-zA-Z][\w-]*)")
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstrs: list = field(default_factory=list)
    flags: set = field(default_factory=set)
    line: int = 0

    @property
    def key(self):
        return (self.msgctxt, self.msgid, self.msgid_plural)

    @property
    def label(self):
        context = f" (context {self.msgctxt!r})" if self.msgctxt is not None else ""
        return f"line {self.line}: {self.msgid!r}{context}"


def unquote(text):
    return re.sub(r"\\(.)", lambda match: ESCAPES.get(match.group(1), match.group(0)), text.strip()[1:-1])


def parse_po(path):
    """Every entry of a .po file, the header (msgid "") included, obsolete `#~` entries left out."""
    entries = []
    entry = Entry()
    target = None
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    for number, raw in enumerate([*lines, ""], start=1):
        line = raw.strip()
        if not line:
            if target is not None:
                entries.append(entry)
            entry, target = Entry(), None
            continue
        if line.startswith("#,"):
            entry.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if target == "msgstr":
                entry.msgstrs[-1] += unquote(line)
            else:
                setattr(entry, target, getattr(entry, target) + unquote(line))
        else:
            keyword, _space, value = line.partition(" ")
            if keyword.startswith("msgstr"):
                target = "msgstr"
                entry.msgstrs.append(unquote(value))
            else:
                target = keyword
                setattr(entry, keyword, unquote(value))
                if keyword in ("msgctxt", "msgid") and not entry.line:
                    entry.line = number
    return entries


def catalogue_path(language):
    return Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"


def catalogue(language):
    entries = parse_po(catalogue_path(language))
    header = [entry for entry in entries if entry.msgid == "" and entry.msgctxt is None]
    messages = [entry for entry in entries if entry not in header]
    return header[0] if header else None, messages


def placeholders(text, *, flags):
    found = Counter(f"%({name})" for name in NAMED_PLACEHOLDER.findall(text))
    found.update(BRACE_PLACEHOLDER.findall(text))
    if "python-format" in flags:
        found["%"] = len(POSITIONAL_PLACEHOLDER.findall(text.replace("%%", "")))
    return found


def html_tags(text):
    return Counter(HTML_TAG.findall(text))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_declares_the_language_and_its_plural_forms(language):
    header, _messages = catalogue(language)
    assert header is not None, f"{catalogue_path(language)} has no header"
    assert "fuzzy" not in header.flags, "remove the `#, fuzzy` flag of the header, or msgfmt ignores it"
    assert f"Language: {language}\n" in header.msgstrs[0]
    assert "charset=UTF-8" in header.msgstrs[0]
    assert f"Plural-Forms: {EXPECTED_PLURAL_FORMS[language]}\n" in header.msgstrs[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated_and_checked(language):
    _header, messages = catalogue(language)
    assert messages, f"{catalogue_path(language)} has no entries"
    plural_count = 1 if language == "vi" else 2
    empty = [entry.label for entry in messages if not all(entry.msgstrs)]
    fuzzy = [entry.label for entry in messages if "fuzzy" in entry.flags]
    wrong_plurals = [
        entry.label for entry in messages if entry.msgid_plural is not None and len(entry.msgstrs) != plural_count
    ]
    assert not empty, f"{language}: entries without a translation:\n" + "\n".join(empty)
    assert not fuzzy, f"{language}: fuzzy entries (check them, then remove the flag):\n" + "\n".join(fuzzy)
    assert not wrong_plurals, f"{language}: plural entries need {plural_count} msgstr:\n" + "\n".join(wrong_plurals)


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders_and_html_of_the_english(language):
    _header, messages = catalogue(language)
    problems = []
    for entry in messages:
        sources = [entry.msgid] if entry.msgid_plural is None else [entry.msgid, entry.msgid_plural]
        for translated in entry.msgstrs:
            if not any(placeholders(translated, flags=entry.flags) == placeholders(source, flags=entry.flags)
                       for source in sources):  # fmt: skip
                problems.append(f"{entry.label}: placeholders differ in {translated!r}")
            if html_tags(translated) != html_tags(entry.msgid):
                problems.append(f"{entry.label}: HTML tags differ in {translated!r}")
    assert not problems, f"{language}:\n" + "\n".join(problems)


def test_the_english_catalogue_repeats_the_english_text():
    _header, messages = catalogue("en")
    different = [
        entry.label
        for entry in messages
        if entry.msgstrs != ([entry.msgid] if entry.msgid_plural is None else [entry.msgid, entry.msgid_plural])
    ]
    assert not different, "msgstr differs from msgid (run msgen):\n" + "\n".join(different)


def test_both_catalogues_hold_the_same_messages():
    vi_keys = {entry.key for entry in catalogue("vi")[1]}
    en_keys = {entry.key for entry in catalogue("en")[1]}
    assert vi_keys == en_keys, f"only in vi: {sorted(vi_keys - en_keys)}\nonly in en: {sorted(en_keys - vi_keys)}"


# --- up to date with the code -----------------------------------------------------------


def copy_sources(*, source, target):
    """The files makemessages reads, so it can run without writing anything into the checkout."""
    for folder, subfolders, files in os.walk(source):
        subfolders[:] = [name for name in subfolders if not name.startswith(".") and name not in NOT_SOURCE]
        for name in files:
            path = Path(folder) / name
            # `*.html.py` are makemessages' own temporary files, when someone runs it at the same time.
            if path.suffix in SOURCE_SUFFIXES and not name.endswith((".html.py", ".txt.py")):
                destination = target / path.relative_to(source)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, destination)


def extract_messages():
    """The msgids makemessages finds in the code now, from a copy of the sources in a temporary folder.

    makemessages files a message in the locale folder nearest the source, so running it in a folder outside
    the checkout that has its own `locale/` leaves the real catalogues untouched.
    """
    base = Path(settings.BASE_DIR).resolve()
    with tempfile.TemporaryDirectory(prefix="catalogue-check-") as folder:
        work = Path(folder).resolve()
        assert not work.is_relative_to(base), "the temporary folder must be outside the project"
        copy_sources(source=base, target=work)
        (work / "locale").mkdir()
        environment = {**os.environ, "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE}
        command = [sys.executable, str(base / "manage.py"), "makemessages", "--locale=vi", "--no-obsolete"]
        result = subprocess.run(command, cwd=work, env=environment, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, f"makemessages failed:\n{result.stdout}\n{result.stderr}"
        fresh = work / "locale" / "vi" / "LC_MESSAGES" / "django.po"
        return {entry.key for entry in parse_po(fresh) if entry.msgid or entry.msgctxt is not None}


@pytest.fixture(scope="module")
def messages_in_code():
    if not shutil.which("xgettext"):
        pytest.skip("GNU gettext (xgettext) is not installed")
    return extract_messages()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_holds_every_message_of_the_code(language, messages_in_code):
    in_catalogue = {entry.key for entry in catalogue(language)[1]}
    missing = sorted(messages_in_code - in_catalogue, key=str)
    stale = sorted(in_catalogue - messages_in_code, key=str)
    assert not missing, f"{language}: messages in the code but not in the catalogue (run makemessages):\n" + "\n".join(
        map(repr, missing)
    )
    assert not stale, f"{language}: messages no longer in the code (run makemessages --no-obsolete):\n" + "\n".join(
        map(repr, stale)
    )


# --- the compiled catalogues at work -----------------------------------------------------


@pytest.fixture(scope="session")
def compiled_catalogues():
    """Compile a .mo that is missing or older than its .po (`make test` normally has done it)."""
    compiled = False
    for language in LANGUAGES:
        source = catalogue_path(language)
        target = source.with_suffix(".mo")
        if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
            if not shutil.which("msgfmt"):
                pytest.skip("GNU gettext (msgfmt) is not installed and the .mo files are out of date")
            # Written aside, then moved into place, so parallel test workers never read half a file.
            partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")
            command = ["msgfmt", "--check-format", "-o", str(partial), str(source)]
            result = subprocess.run(command, capture_output=True, text=True, timeout=60)
            if result.returncode != 0:
                partial.unlink(missing_ok=True)
                pytest.fail(f"msgfmt refused {source}:\n{result.stderr}")
            partial.replace(target)
            compiled = True
    if compiled:
        translation_file_changed(sender=None, file_path=target)  # drop Django's cached catalogues
    return True


def test_vietnamese_text_is_served_from_the_catalogue(compiled_catalogues):
    # Called through other names so that makemessages does not list this file as a place the messages are used.
    text, plural_text = translation.gettext, translation.ngettext
    with translation.override("vi"):
        assert text("Search") == "Tìm kiếm"
        assert text("Skip to main content") == "Chuyển đến nội dung chính"
        assert plural_text("%(counter)s result", "%(counter)s results", 5) % {"counter": 5} == "5 kết quả"
    with translation.override("en"):
        assert text("Search") == "Search"
        assert plural_text("%(counter)s result", "%(counter)s results", 1) % {"counter": 1} == "1 result"
        assert plural_text("%(counter)s result", "%(counter)s results", 2) % {"counter": 2} == "2 results"
