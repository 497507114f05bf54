"""Reads about translations: which are out of date, and a page's language versions."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import F, OuterRef, Subquery
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page
from wagtail_localize.models import Translation


@dataclass(frozen=True)
class OutdatedTranslation:
    translation: Translation
    source_page: Page
    target_page: Page

    @property
    def source_published_at(self) -> datetime:
        return self.source_page.last_published_at

    @property
    def last_synced_at(self) -> datetime:
        return self.translation.source.last_updated_at


def outdated_translations():
    """Synced page translations whose source page was published after its last sync.

    wagtail-localize keeps the source content it translates from in a
    `TranslationSource`, whose `last_updated_at` moves when the source is first
    submitted or later synced ("Sync translated pages"). Publishing the source
    page again does not touch it, so a source page published after that moment
    has changes its translations do not have yet. Translations that were
    stopped (edited by hand, `enabled=False`) and snippets are left out.
    Newest source publication first.
    """
    source_pages = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("source__locale_id")
    )
    target_pages = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("target_locale_id")
    )
    return (
        Translation.objects.filter(enabled=True)
        .annotate(
            source_page_id=Subquery(source_pages.values("pk")[:1]),
            source_published_at=Subquery(source_pages.values("last_published_at")[:1]),
            target_page_id=Subquery(target_pages.values("pk")[:1]),
        )
        .filter(target_page_id__isnull=False, source_published_at__gt=F("source__last_updated_at"))
        .select_related("source", "source__locale", "target_locale")
        .order_by("-source_published_at", "target_locale__language_code")
    )


def describe_outdated_translations(translations):
    """`OutdatedTranslation` rows for translations from `outdated_translations()`, in order."""
    translations = list(translations)
    page_ids = {t.source_page_id for t in translations} | {t.target_page_id for t in translations}
    pages = Page.objects.select_related("locale").in_bulk(page_ids)
    return [
        OutdatedTranslation(
            translation=translation,
            source_page=pages[translation.source_page_id],
            target_page=pages[translation.target_page_id],
        )
        for translation in translations
        if translation.source_page_id in pages and translation.target_page_id in pages
    ]


def language_versions(*, page, request=None):
    """(language code, absolute URL) of every live, public version of `page`, default locale first.

    Drafts, unpublished translations and pages behind a view restriction (their
    own or an ancestor's) are never listed.
    """
    default_code = default_language_code()
    versions = (
        page.get_translations(inclusive=True)
        .live()
        .public()
        .select_related("locale")
        .defer_streamfields()
        .order_by("locale__language_code")
    )
    ordered = sorted(versions, key=lambda version: version.locale.language_code != default_code)
    return [
        (version.locale.language_code, url)
        for version in ordered
        if (url := version.get_full_url(request=request)) is not None
    ]


def default_language_code():
    """The default locale's language code, as `Locale.get_default()` has it, without its query."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)
