"""`import_bundle`: validate every line of a bundle, then write it all in one transaction.

Nothing is written unless every line is valid. Files are stored only while
writing, and deleted again from storage if the transaction fails.
"""

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home.exchange.bundle import open_bundle, read_lines, require_type
from home.exchange.errors import FieldError, LineError
from home.exchange.pages import CREATED, UNCHANGED, UPDATED
from home.exchange.topics import TopicExchange
from home.kinds import all_kinds
from home.models import PortalDocument, Topic
from home.services import get_or_create_locale

STORED_NAME_PREFIX_LENGTH = 10


def handlers():
    """Exchange handler of every kind a bundle may hold, by kind name: topic first, then pages by name."""
    found = {"topic": TopicExchange()}
    for kind in sorted(all_kinds(), key=lambda kind: kind.name):
        if "exchange" in kind.extra:
            found[kind.name] = kind.extra["exchange"]
    return found


class BundleContext:
    """What the lines above the current one (and the site) define, for validation."""

    def __init__(self, bundle):
        self.bundle = bundle
        self.default_locale = Locale.get_default().language_code
        self.line = None
        self.topics = {}  # slug -> line
        self.pages = {}  # (kind, locale, slug) -> line
        self.translations = {}  # (kind, locale, source slug) -> (slug, line)

    def claim_topic(self, *, slug):
        if slug in self.topics:
            raise FieldError("slug", _("topic “%(slug)s” is already defined on line %(line)s") % {
                "slug": slug, "line": self.topics[slug]
            })  # fmt: skip
        self.topics[slug] = self.line

    def topic_known(self, slug):
        return slug in self.topics or Topic.objects.filter(slug=slug).exists()

    def claim_page(self, *, kind_name, locale, slug):
        key = (kind_name, locale, slug)
        if key in self.pages:
            raise FieldError("slug", _("the %(kind)s “%(slug)s” in “%(locale)s” is already on line %(line)s") % {
                "locale": locale, "kind": kind_name, "slug": slug, "line": self.pages[key]
            })  # fmt: skip
        self.pages[key] = self.line

    def page_line(self, *, kind_name, locale, slug):
        return self.pages.get((kind_name, locale, slug))

    def claim_translation(self, *, kind_name, locale, source_slug, slug):
        """The line of another item translating the same source into `locale`, if any."""
        key = (kind_name, locale, source_slug)
        if key in self.translations and self.translations[key][0] != slug:
            return self.translations[key][1]
        self.translations[key] = (slug, self.line)
        return None


@dataclass
class PlannedLine:
    line: int
    kind_name: str
    handler: object
    values: dict


def plan_import(bundle):
    """Validate every line; the first bad one raises LineError. Reads only."""
    kinds = handlers()
    context = BundleContext(bundle)
    plan = []
    for number, item in read_lines(bundle):
        context.line = number
        try:
            if "kind" not in item:
                raise FieldError("kind", _("is required"))
            kind_name = require_type(item["kind"], str, key="kind", expected_name=_("a string"))
            if kind_name not in kinds:
                raise FieldError(
                    "kind", _("unknown kind “%(kind)s”; expected one of %(kinds)s") % {
                        "kind": kind_name, "kinds": ", ".join(sorted(kinds))
                    }
                )  # fmt: skip
            values = kinds[kind_name].clean(item=item, context=context)
        except FieldError as error:
            raise LineError(line=number, key=error.key, reason=error.reason) from error
        plan.append(PlannedLine(line=number, kind_name=kind_name, handler=kinds[kind_name], values=values))
    return plan


class Writer:
    """Services the handlers use while writing: locales, topics, documents (files)."""

    def __init__(self, *, draft):
        self.draft = draft
        self.default_locale = Locale.get_default().language_code
        self.line = None
        self.stored_files = []
        self._locales = {}

    def locale(self, code):
        if code not in self._locales:
            self._locales[code] = get_or_create_locale(language_code=code)
        return self._locales[code]

    def topic_for(self, *, slug, locale):
        """The topic in the page's locale, or else the default-locale one."""
        return (
            Topic.objects.filter(slug=slug, locale=locale).first()
            or Topic.objects.filter(slug=slug, locale__language_code=self.default_locale).first()
            or Topic.objects.filter(slug=slug).order_by("pk").first()
        )

    def document_for(self, bundle_file, *, title):
        """The document holding exactly this file (matched by `file_hash`), stored if new."""
        existing = PortalDocument.objects.filter(file_hash=bundle_file.sha1).order_by("pk").first()
        if existing:
            return existing
        data = bundle_file.path.read_bytes()
        if hashlib.sha1(data).hexdigest() != bundle_file.sha1:
            raise LineError(line=self.line, key="file", reason=_("the file changed while it was being imported"))
        document = PortalDocument(title=title, file_size=len(data), file_hash=bundle_file.sha1)
        # A folder per content hash keeps the bundle's file name, so exports give it back unchanged.
        stored_name = f"{bundle_file.sha1[:STORED_NAME_PREFIX_LENGTH]}/{bundle_file.name}"
        document.file.save(stored_name, ContentFile(data), save=False)
        self.stored_files.append((document.file.storage, document.file.name))
        document.save()
        return document

    def delete_stored_files(self):
        for storage, name in self.stored_files:
            storage.delete(name)
        self.stored_files.clear()


@dataclass
class ImportReport:
    counts: dict = field(default_factory=dict)  # kind -> Counter of created/updated/unchanged

    def count(self, kind_name, status):
        self.counts.setdefault(kind_name, Counter())[status] += 1

    def summary_lines(self):
        if not self.counts:
            return [_("Nothing to import.")]
        return [
            _("%(kind)s: %(created)s created, %(updated)s updated, %(unchanged)s unchanged")
            % {
                "kind": kind_name,
                "created": counts[CREATED],
                "updated": counts[UPDATED],
                "unchanged": counts[UNCHANGED],
            }
            for kind_name, counts in self.counts.items()
        ]


def _validation_line_error(line, error):
    if hasattr(error, "message_dict"):
        key, messages = next(iter(error.message_dict.items()))
        key = "-" if key == "__all__" else key
    else:
        key, messages = "-", error.messages
    return LineError(line=line, key=key, reason=" ".join(messages))


def write_plan(plan, *, draft):
    writer = Writer(draft=draft)
    report = ImportReport()
    for kind_name in handlers():
        if any(planned.kind_name == kind_name for planned in plan):
            report.counts[kind_name] = Counter()
    try:
        with transaction.atomic():
            for planned in plan:
                writer.line = planned.line
                try:
                    status = planned.handler.save(values=planned.values, writer=writer)
                except ValidationError as error:
                    raise _validation_line_error(planned.line, error) from error
                except DatabaseError as error:
                    raise LineError(line=planned.line, key="-", reason=_("could not be saved: %(error)s") % {
                        "error": error
                    }) from error  # fmt: skip
                report.count(planned.kind_name, status)
    except BaseException:
        writer.delete_stored_files()
        raise
    return report


def import_bundle(*, path, draft=False):
    """Import the bundle at `path` (a folder or a lone .jsonl file); all or nothing."""
    plan = plan_import(open_bundle(path))
    return write_plan(plan, draft=draft)
