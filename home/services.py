"""Writes of the shared foundation: the per-locale page skeleton."""

from django.db import transaction
from django.utils import translation
from wagtail.models import Locale

from home.kinds import get_kind
from home.models import HomePage


def get_or_create_locale(*, language_code):
    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    return locale


@transaction.atomic
def ensure_home_page(*, locale):
    """The live home page of `locale`, translated from the default one if missing."""
    default_home = HomePage.objects.get(depth=2, locale=Locale.get_default())
    if locale == default_home.locale:
        return default_home
    existing = HomePage.objects.filter(translation_key=default_home.translation_key, locale=locale).first()
    if existing:
        return existing
    home = default_home.copy_for_translation(locale)
    home.save_revision().publish()
    return HomePage.objects.get(pk=home.pk)


@transaction.atomic
def ensure_index_page(*, kind_name, locale):
    """The index page that holds pages of `kind_name` in `locale`, created if missing.

    Other locales' index pages are translations of the default locale's one,
    so the language switcher can move between them.
    """
    kind = get_kind(kind_name)
    home = ensure_home_page(locale=locale)
    existing = kind.index_model.objects.child_of(home).first()
    if existing:
        return existing

    defaults = kind.extra["index_defaults"]
    with translation.override(locale.language_code):
        title = str(defaults["title"])
    slug = defaults["slugs"].get(locale.language_code, kind_name)

    index = kind.index_model(title=title, slug=slug, locale=locale)
    default_locale = Locale.get_default()
    if locale != default_locale:
        # Created directly as a translation (same translation key) rather than
        # copied and renamed: a rename would leave an automatic redirect behind.
        source = ensure_index_page(kind_name=kind_name, locale=default_locale)
        index.translation_key = source.translation_key
    home.add_child(instance=index)
    index.save_revision().publish()
    return kind.index_model.objects.get(pk=index.pk)
