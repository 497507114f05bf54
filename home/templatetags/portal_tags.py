"""Template tags of the public site's frame: navigation, language switcher, alert, hotlines.

Several tags of one page need the same reads (the active locale, the home
page, the page's translations), so those are kept on the request for the
length of one response.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.text import Truncator
from wagtail.models import Locale, Page

from home import selectors
from home.models import HomePage, Hotline, PortalSettings

register = template.Library()

DESCRIPTION_LENGTH = 160
OG_LOCALES = {"vi": "vi_VN", "en": "en_US"}
SOCIAL_IMAGE_SPEC = "fill-1200x630"


def _memo(context, key, compute):
    request = context.get("request")
    if request is None:
        return compute()
    cache = request.__dict__.setdefault("_portal_tags_memo", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def _current_page(context):
    page = context.get("page")
    return page if isinstance(page, Page) and page.pk else None


def _active_locale_id(context):
    page = _current_page(context)
    if page is not None:
        return page.locale_id
    return _memo(context, "locale_id", lambda: Locale.get_active().pk)


def _ancestors(context):
    page = _current_page(context)
    if page is None:
        return []
    return _memo(context, "ancestors", lambda: selectors.breadcrumb_pages(page=page))


def _home_page(context):
    page = _current_page(context)
    if isinstance(page, HomePage):
        return page
    ancestors = _ancestors(context)
    if ancestors and ancestors[0].depth == 2:
        return ancestors[0]
    locale_id = _active_locale_id(context)
    return _memo(context, "home_page", lambda: selectors.locale_home_page(locale_id=locale_id))


def _portal_settings(context):
    request = context.get("request")
    if request is None:
        return None
    return PortalSettings.for_request(request)


def _page_url(page, request):
    return page.get_url(request=request) if page is not None else None


@register.simple_tag
def site_name():
    return str(settings.SITE_NAME_I18N)


@register.simple_tag(takes_context=True)
def home_url(context):
    home = _home_page(context)
    return _page_url(home, context.get("request")) or "/"


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = _current_page(context)
    request = context.get("request")
    items = [{"title": ancestor.title, "url": _page_url(ancestor, request)} for ancestor in _ancestors(context)]
    return {"items": items, "current_title": page.title if page is not None and items else ""}


@register.simple_tag(takes_context=True)
def menu_items(context):
    """[{title, url, is_current}] of the main navigation of the active locale."""
    request = context.get("request")
    home = _home_page(context)
    if home is None:
        return []
    menu_pages = _memo(context, "menu_pages", lambda: selectors.main_menu_pages(home_page=home))
    page = _current_page(context)
    current_path = page.path if page is not None else ""
    return [
        {"title": item.title, "url": _page_url(item, request), "is_current": current_path.startswith(item.path)}
        for item in menu_pages
    ]


@register.simple_tag(takes_context=True)
def language_links(context):
    """[{code, name, url, is_current, page}] for every language: where to go to read this in it."""
    return _memo(context, "language_links", lambda: _language_links(context))


def _language_links(context):
    request = context.get("request")
    page = _current_page(context)
    current = translation.get_language()
    if page is None and _is_non_page_view(request):
        # A Django view such as search: the same path under the other prefix.
        return [
            {
                "code": code,
                "name": name,
                "url": translate_url(request.get_full_path(), code),
                "is_current": code == current,
            }
            for code, name in settings.LANGUAGES
        ]
    links = []
    for version in selectors.language_versions(page=page, current_language=current):
        target = version["page"]
        if target is None:
            continue
        links.append({**version, "url": _page_url(target, request)})
    return links


def _is_non_page_view(request):
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name not in (None, "wagtail_serve")


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"links": language_links(context)}


@register.inclusion_tag("includes/site_alert.html", takes_context=True)
def site_alert(context):
    portal_settings = _portal_settings(context)
    if portal_settings is None:
        return {"alert": None}
    locale_id = _active_locale_id(context)
    return {"alert": selectors.localized_alert(portal_settings=portal_settings, locale_id=locale_id)}


@register.simple_tag(takes_context=True)
def site_hotlines(context):
    """The site's hotlines in the active locale (from the context if the page already has them)."""
    if isinstance(context.get("hotlines"), list):
        return context["hotlines"]
    portal_settings = _portal_settings(context)
    if portal_settings is None:
        return []
    locale_id = _active_locale_id(context)
    return _memo(context, "hotlines", lambda: portal_settings.localized_hotlines(locale_id))


@register.simple_tag(takes_context=True)
def localized_hotline(context, hotline):
    """`hotline` in the active locale when it has a version there, else as chosen.

    Outside a response (no request: reading-time or search rendering) it is
    returned as chosen, saving a query for text nobody sees.
    """
    if hotline is None or context.get("request") is None:
        return hotline
    locale_id = _active_locale_id(context)
    if hotline.locale_id == locale_id:
        return hotline
    translated = Hotline.objects.filter(translation_key=hotline.translation_key, locale_id=locale_id).first()
    return translated or hotline


@register.simple_tag(takes_context=True)
def hotlines_with_site(context, hotline_blocks):
    """A page's own hotlines (a stream of hotline blocks), localised, then the site's, without repeats."""
    own = [localized_hotline(context, block.value["hotline"]) for block in hotline_blocks]
    hotlines, numbers = [], set()
    for hotline in [*own, *site_hotlines(context)]:
        if hotline is not None and hotline.number not in numbers:
            numbers.add(hotline.number)
            hotlines.append(hotline)
    return hotlines


@register.simple_tag(takes_context=True)
def localized_pages(context, links):
    """The live pages, in the current page's locale, that orderable `links` point to."""
    return selectors.localized_live_pages(links=links, locale_id=_active_locale_id(context))


@register.simple_tag(takes_context=True)
def page_description(context):
    page = _current_page(context)
    if page is None:
        return ""
    specific = page.specific_deferred
    text = (
        page.search_description
        or getattr(specific, "summary", "")
        or getattr(specific, "introduction", "")
        or getattr(specific, "hero_message", "")
    )
    return Truncator(" ".join(str(text).split())).chars(DESCRIPTION_LENGTH)


@register.simple_tag(takes_context=True)
def social_image_url(context):
    page = _current_page(context)
    request = context.get("request")
    image = getattr(page, "social_image", None) if page is not None else None
    if image is None or request is None:
        return ""
    return request.build_absolute_uri(image.get_rendition(SOCIAL_IMAGE_SPEC).url)


@register.simple_tag
def og_locale(language_code):
    return OG_LOCALES.get(language_code, language_code)


@register.simple_tag
def page_topics(page):
    """The page's topics, in the page's locale where they have a version there."""
    return selectors.localized_topics(page=page)


@register.simple_tag(takes_context=True)
def parent_url(context):
    """URL of the current page's parent (its index page), from the breadcrumb trail."""
    ancestors = _ancestors(context)
    return _page_url(ancestors[-1], context.get("request")) if ancestors else ""
