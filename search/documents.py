"""What the search index holds for a page: `build_index_document(page)`.

Only live, public, unexpired content pages (article, campaign, resource) are
indexed; anything else gets None, and the caller removes it from the index.
"""

from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.kinds import kind_of_page
from search.engines.base import IndexDocument
from search.text import normalize

MAX_BODY_CHARS = 100_000
STREAM_FIELDS = ("body", "activities", "legal_references")


def build_index_document(page, *, restricted_paths=None) -> IndexDocument | None:
    """The document to index for `page`, or None when it must not be searchable.

    `restricted_paths`: tree paths of every page with a view restriction, when
    indexing many pages (saves a query per page).
    """
    page = page.specific
    kind = kind_of_page(page)
    if kind is None or not is_publicly_visible(page, restricted_paths=restricted_paths):
        return None
    url = page.get_url()
    if not url:
        return None
    topics = page.topics
    summary = normalize(getattr(page, "summary", ""))
    return IndexDocument(
        page_id=page.pk,
        kind=kind.name,
        locale=page.locale.language_code,
        slug=page.slug,
        url=url,
        title=normalize(page.title),
        summary=summary,
        body=body_text(page, topics=topics)[:MAX_BODY_CHARS],
        published_at=page.published_at or page.first_published_at or timezone.now(),
        topics=tuple(topic.slug for topic in topics),
        audiences=tuple(page.audiences),
        school_levels=tuple(getattr(page, "school_levels", ()) or ()),
        resource_type=getattr(page, "resource_type", "") or "",
        document_number=normalize(getattr(page, "document_number", "")),
        issuer=normalize(getattr(page, "issuer", "")),
    )


def is_publicly_visible(page, *, restricted_paths=None):
    """Live, not expired, and no view restriction on the page or an ancestor."""
    if not page.live or page.expired:
        return False
    if page.expire_at is not None and page.expire_at <= timezone.now():
        return False
    if restricted_paths is not None and not page.alias_of_id:
        return not any(page.path.startswith(path) for path in restricted_paths)
    return not page.get_view_restrictions().exists()


def restricted_page_paths():
    """Tree paths of the pages that carry a view restriction (their descendants are restricted too)."""
    return set(PageViewRestriction.objects.values_list("page__path", flat=True))


def body_text(page, *, topics=None):
    """Plain text a reader can find the page by, summary first."""
    parts = [getattr(page, "summary", ""), getattr(page, "goal", "")]
    for name in STREAM_FIELDS:
        stream = getattr(page, name, None)
        if stream is not None and hasattr(stream, "stream_block"):
            parts.extend(stream.stream_block.get_searchable_content(stream))
    parts.extend([getattr(page, "document_number", ""), getattr(page, "issuer", "")])
    parts.extend(topic.name for topic in (page.topics if topics is None else topics))
    parts.extend(file_texts(page))
    return normalize("\n".join(str(part) for part in parts if part))


def file_texts(page):
    """Labels and extracted text of a resource's files, except files in private collections."""
    texts = []
    files = getattr(page, "files", None)
    if files is None:
        return texts
    for guidance_file in files.select_related("document", "document__collection"):
        document = guidance_file.document
        texts.append(guidance_file.label or document.title)
        if document.extracted_text and not document.collection.get_view_restrictions().exists():
            texts.append(document.extracted_text)
    return texts
