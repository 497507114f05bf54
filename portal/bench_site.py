"""A large generated site for `python -m portal.bench`, inserted in bulk.

10,000 articles, 2,000 guidance pages (each with a small real PDF) and 100
campaigns by default, each in Vietnamese with an English translation that
shares its translation key. Text comes from the search benchmark's writers
(`search.bench_corpus.FillerWriter`), so search works on realistic words.

Pages are inserted as live rows without revisions: one bulk INSERT into
`wagtailcore_page` (tree paths computed here, as treebeard would) and one
into the page type's own table per batch. Creating them one by one through
`add_child()` would take most of an hour at this size; the rendered pages
are the same. The frame (home pages, hotlines, settings, standard pages) is
the demo's, created the normal way.
"""

import hashlib
import random
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import escape

BATCH = 500
SEED = 20251123


@dataclass(frozen=True)
class SiteSize:
    articles: int = 10_000
    guidance: int = 2_000
    campaigns: int = 100

    def scaled(self, factor):
        return SiteSize(*(max(1, round(count * factor)) for count in (self.articles, self.guidance, self.campaigns)))

    @property
    def pages_per_locale(self):
        return self.articles + self.guidance + self.campaigns


def pdf_bytes(text):
    """A minimal valid one-page PDF showing `text` (ASCII)."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    parts, offsets, size = [b"%PDF-1.4\n"], [], len(b"%PDF-1.4\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(size)
        chunk = b"%d 0 obj\n%s\nendobj\n" % (number, body)
        parts.append(chunk)
        size += len(chunk)
    parts.append(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    parts.extend(b"%010d 00000 n \n" % offset for offset in offsets)
    parts.append(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, size))
    return b"".join(parts)


# --- Bulk page insertion ------------------------------------------------------------------


def insert_children(parent, pages):
    """Insert unsaved specific `pages` as the last live children of `parent`, without revisions."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    if not pages:
        return []
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    parent.refresh_from_db(fields=["numchild", "path", "depth", "url_path"])
    now = timezone.now()
    base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    for position, page in enumerate(pages, start=parent.numchild + 1):
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, position)
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = getattr(page, "published_at", None) or now
    for start in range(0, len(pages), BATCH):
        batch = pages[start : start + BATCH]
        rows = [Page(**{field.attname: getattr(page, field.attname) for field in base_fields}) for page in batch]
        Page.objects.bulk_create(rows)
        for page, row in zip(batch, rows, strict=True):
            page.pk = page.id = page.page_ptr_id = row.pk
        # Django's bulk_create refuses multi-table models; the page type's own row is inserted directly.
        model._base_manager._insert(batch, fields=model._meta.local_concrete_fields, raw=True)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages


# --- Content -------------------------------------------------------------------------------


def _body(spec):
    from wagtail.rich_text import RichText

    blocks = []
    for number, paragraph in enumerate(spec.body):
        if number == 1:
            blocks.append(("heading", {"text": spec.summary[:80], "level": "h2"}))
        blocks.append(("paragraph", RichText(f"<p>{escape(paragraph)}</p>")))
    return blocks


def _content_fields(spec):
    return {
        "title": spec.title[:255],
        "slug": spec.slug,
        "summary": spec.summary,
        "search_description": "",
        "seo_title": "",
        "show_in_menus": False,
        "body": _body(spec),
        "audiences": list(spec.audiences),
        "published_at": spec.published_at,
        "author": "",
    }


class Writer:
    """Page specs in both languages for page `number` of a kind (the English one written separately)."""

    def __init__(self, seed=SEED):
        from search.bench_corpus import FillerWriter

        rng = random.Random(seed)
        self.writers = {code: FillerWriter(rng=rng, locale=code) for code in ("vi", "en")}

    def specs(self, *, kind, number):
        return {code: writer.page(number=number, kind=kind) for code, writer in self.writers.items()}


def _topics():
    """{(language, slug): Topic} in both locales, translations sharing a key."""
    from wagtail.models import Locale

    from home.models import Topic
    from search.bench_corpus import TOPICS

    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    topics = {}
    for slug, (vi_name, en_name) in TOPICS.items():
        source, _created = Topic.objects.get_or_create(locale=locales["vi"], slug=slug, defaults={"name": vi_name})
        translation = Topic.objects.filter(locale=locales["en"], slug=slug).first()
        if translation is None:
            translation = source.copy_for_translation(locales["en"])
            translation.name = en_name
            translation.save()
        topics["vi", slug], topics["en", slug] = source, translation
    return topics


def _page_topics(pages_and_specs, topics):
    from home.models import PageTopic

    links = [
        PageTopic(page_id=page.pk, topic=topics[spec.locale, slug], sort_order=order)
        for page, spec in pages_and_specs
        for order, slug in enumerate(spec.topics)
    ]
    PageTopic.objects.bulk_create(links, batch_size=BATCH)


def _create_kind(*, kind_name, count, writer, topics, build, report):
    """`count` pages of `kind_name` in Vietnamese and as English translations; {language: [pages]}."""
    from wagtail.models import Locale

    from home.kinds import get_kind
    from home.services import ensure_index_page

    kind = get_kind(kind_name)
    created = {}
    keys = [uuid.uuid4() for _ in range(count)]
    specs = [writer.specs(kind=kind_name, number=number) for number in range(count)]
    for language in ("vi", "en"):
        index = ensure_index_page(kind_name=kind_name, locale=Locale.objects.get(language_code=language))
        pages = []
        for number, (key, pair) in enumerate(zip(keys, specs, strict=True)):
            spec = pair[language]
            page = kind.page_model(translation_key=key, **_content_fields(spec), **build(spec, number, pair["vi"]))
            pages.append(page)
        insert_children(index, pages)
        _page_topics(zip(pages, (pair[language] for pair in specs), strict=True), topics)
        created[language] = pages
        report(f"  {count} {kind_name} pages ({language}) inserted")
    return created


def _article_fields(spec, number, source):
    return {}


def _campaign_fields(spec, number, source):
    today = timezone.localdate()
    starts_on = today + timedelta(days=(number % 40) * 15 - 400)
    return {"starts_on": starts_on, "ends_on": starts_on + timedelta(days=60), "goal": spec.summary}


def _guidance_fields(spec, number, source):
    return {
        "resource_type": source.resource_type,
        "school_levels": list(source.school_levels),
        "document_number": source.document_number,
        "document_type": source.document_type,
        "issuer": spec.issuer or source.issuer,
        "issued_on": source.published_at.date(),
    }


def create_documents(count, *, media_root):
    """`count` small PDFs in MEDIA_ROOT/documents and their rows (size and hash filled)."""
    from wagtail.models import Collection

    from home.models import PortalDocument

    folder = media_root / "documents"
    folder.mkdir(parents=True, exist_ok=True)
    collection = Collection.get_first_root_node()
    documents = []
    for number in range(count):
        content = pdf_bytes(f"Tai lieu huong dan so {number:05d}")
        name = f"documents/tai-lieu-{number:05d}.pdf"
        (media_root / name).write_bytes(content)
        documents.append(
            PortalDocument(
                title=f"Tài liệu hướng dẫn số {number:05d}",
                file=name,
                file_size=len(content),
                file_hash=hashlib.sha1(content).hexdigest(),  # Wagtail's duplicate check
                collection=collection,
            )
        )
    return PortalDocument.objects.bulk_create(documents, batch_size=BATCH)


def _attach_files(guidance, documents):
    from resources.models import GuidanceFile

    files = [
        GuidanceFile(page_id=page.pk, document=document, sort_order=0)
        for pages in guidance.values()
        for page, document in zip(pages, documents, strict=True)
    ]
    GuidanceFile.objects.bulk_create(files, batch_size=BATCH)


@transaction.atomic
def build_site(*, size, media_root, report):
    """The whole site; returns {"articles": {language: [pages]}, "guidance": …, "campaigns": …, "documents": […]}."""
    from home.demo import feature_demo_content, set_up_demo_site

    set_up_demo_site()
    topics = _topics()
    writer = Writer()
    kinds = {
        "articles": ("article", size.articles, _article_fields),
        "guidance": ("resource", size.guidance, _guidance_fields),
        "campaigns": ("campaign", size.campaigns, _campaign_fields),
    }
    site = {
        key: _create_kind(kind_name=kind_name, count=count, writer=writer, topics=topics, build=build, report=report)
        for key, (kind_name, count, build) in kinds.items()
    }
    site["documents"] = create_documents(size.guidance, media_root=media_root)
    _attach_files(site["guidance"], site["documents"])
    report(f"  {size.guidance} documents written and attached")
    feature_demo_content(
        campaign_slugs=[page.slug for page in site["campaigns"]["vi"][-3:]],
        resource_slugs=[page.slug for page in site["guidance"]["vi"][:3]],
    )
    return site


def build_search_index():
    import os

    from django.core.management import call_command

    with transaction.atomic():
        call_command("search_reindex", stdout=open(os.devnull, "w"))  # noqa: SIM115
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
