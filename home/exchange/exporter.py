"""`export_bundle`: write the site's live content as a bundle.

The order is stable, so exporting the same content twice gives identical bytes:

1. topics: the default-locale ones by slug, each line naming every locale;
2. pages, kind by kind in name order (article, campaign, resource): the live
   default-locale pages by (`published_at`, `slug`), each followed by its live
   translations in the site's language order (`LANGUAGES`); then live pages of
   other locales that translate nothing exported, by (language order,
   `published_at`, `slug`), without `translation_of`.

Keys come in a fixed order (`kind`, `slug`, `locale`, `translation_of`,
`title`, `summary`, `published_at`, `author`, `topics`, `audiences`, the
kind's own keys, `body` last); optional keys are left out when empty.
`published_at` is written in the site's time zone (+07:00).

Each distinct file (by content) is copied once, to
`files/<locale>/<slug>/<file name>` of the first item naming it.
Only live pages are exported, with their published content: drafts stay on
the site. What the format cannot hold is reported, never silently dropped.
"""

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail.utils.file import hash_filelike

from home.exchange.bundle import CONTENT_FILE, content_language_codes
from home.exchange.errors import ExchangeError
from home.exchange.importer import handlers
from home.exchange.pages import SkipItem
from home.exchange.topics import TopicExchange
from home.models import Topic


class FileCollector:
    """Paths of the bundle's files, one per distinct content; copied when the bundle is written."""

    def __init__(self):
        self.paths_by_hash = {}
        self.copies = []  # (relative path, document)

    def path_for(self, *, document, locale, slug):
        try:
            with document.file.storage.open(document.file.name, "rb") as source:
                digest = hash_filelike(source)
        except (OSError, ValueError) as error:
            raise SkipItem(_("its file is missing from storage")) from error
        if digest not in self.paths_by_hash:
            relative = f"files/{locale}/{slug}/{PurePosixPath(document.file.name).name}"
            self.paths_by_hash[digest] = relative
            self.copies.append((relative, document))
        return self.paths_by_hash[digest]

    def copy_into(self, folder):
        for relative, document in self.copies:
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            with document.file.storage.open(document.file.name, "rb") as source, target.open("wb") as output:
                shutil.copyfileobj(source, output)


@dataclass
class ExportReport:
    counts: dict = field(default_factory=dict)  # kind -> number of lines
    notes: list = field(default_factory=list)  # what was left out or changed, for stderr

    def count(self, kind_name):
        self.counts[kind_name] = self.counts.get(kind_name, 0) + 1

    def summary_lines(self):
        if not self.counts:
            return [_("Nothing to export.")]
        return [
            _("%(kind)s: %(count)s exported") % {"kind": kind, "count": count} for kind, count in self.counts.items()
        ]


def _language_rank(code):
    codes = content_language_codes()
    return codes.index(code) if code in codes else len(codes)


def _describe(kind_name, item):
    return f"{kind_name} “{item.slug}” ({item.locale.language_code})"


class BundleBuilder:
    def __init__(self):
        self.default_locale = Locale.get_default().language_code
        self.languages = set(content_language_codes())
        self.lines = []
        self.files = FileCollector()
        self.report = ExportReport()
        self.topic_slugs = set()

    def add(self, kind_name, line):
        self.lines.append(line)
        self.report.count(kind_name)

    def build(self):
        self.add_topics()
        for kind_name, handler in handlers().items():
            if kind_name != "topic":
                self.add_pages(handler)
        return self

    def add_topics(self):
        exchange = TopicExchange()
        topics = Topic.objects.filter(locale__language_code=self.default_locale).select_related("locale")
        for topic in topics.order_by("slug"):
            translations = sorted(
                (
                    version
                    for version in Topic.objects.filter(translation_key=topic.translation_key)
                    .exclude(pk=topic.pk)
                    .select_related("locale")
                    if version.locale.language_code in self.languages
                ),
                key=lambda version: _language_rank(version.locale.language_code),
            )
            try:
                line = exchange.export_line(topic=topic, translations=translations)
            except SkipItem as reason:
                self.report.notes.append(_("%(item)s left out: %(reason)s") % {
                    "item": _describe("topic", topic), "reason": reason
                })  # fmt: skip
                continue
            self.topic_slugs.add(topic.slug)
            self.add("topic", line)
        sources = topics.values_list("translation_key", flat=True)
        for topic in Topic.objects.exclude(translation_key__in=sources).select_related("locale").order_by("slug", "pk"):
            self.report.notes.append(_("%(item)s left out: it has no %(locale)s version") % {
                "item": _describe("topic", topic), "locale": self.default_locale
            })  # fmt: skip

    def add_pages(self, handler):
        pages = handler.page_model.objects.live().select_related("locale")
        exported_keys = set()
        for page in pages.filter(locale__language_code=self.default_locale).order_by("published_at", "slug"):
            source_slug = self.add_page(handler, page, translation_of=None)
            exported_keys.add(page.translation_key)
            translations = sorted(
                pages.filter(translation_key=page.translation_key).exclude(pk=page.pk),
                key=lambda version: _language_rank(version.locale.language_code),
            )
            for translation in translations:
                self.add_page(handler, translation, translation_of=source_slug)
        others = [
            page
            for page in pages.exclude(locale__language_code=self.default_locale)
            if page.translation_key not in exported_keys
        ]
        others.sort(key=lambda page: (_language_rank(page.locale.language_code), page.published_at, page.slug))
        for page in others:
            self.add_page(handler, page, translation_of=None)

    def add_page(self, handler, page, *, translation_of):
        """Add the line of `page`; its slug if it was exported, else None."""
        item = _describe(handler.kind_name, page)
        if page.locale.language_code not in self.languages:
            self.report.notes.append(_("%(item)s left out: its locale is not enabled") % {"item": item})
            return None
        try:
            line, notes = handler.export_line(
                page=page, translation_of=translation_of, files=self.files, topic_slugs=self.topic_slugs
            )
        except SkipItem as reason:
            self.report.notes.append(_("%(item)s left out: %(reason)s") % {"item": item, "reason": reason})
            return None
        self.report.notes.extend(f"{item}: {note}" for note in notes)
        self.add(handler.kind_name, line)
        return page.slug

    def content(self):
        return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in self.lines)


def export_bundle(*, path):
    """Write the bundle to `path`: a folder (created, must be empty), or a lone `.jsonl` file if no file is needed."""
    destination = Path(path)
    builder = BundleBuilder().build()
    if destination.suffix == ".jsonl" and not destination.is_dir():
        if builder.files.copies:
            raise ExchangeError(
                _("%(path)s: this content includes files; export to a folder instead") % {"path": destination}
            )
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(builder.content().encode("utf-8"))
        return builder.report
    if destination.exists() and (not destination.is_dir() or any(destination.iterdir())):
        raise ExchangeError(_("%(path)s: the bundle folder must be new or empty") % {"path": destination})
    destination.mkdir(parents=True, exist_ok=True)
    (destination / CONTENT_FILE).write_bytes(builder.content().encode("utf-8"))
    builder.files.copy_into(destination)
    return builder.report
