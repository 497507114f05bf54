"""`{% hreflang_links page %}`: alternate-language links for the page's <head>."""

from django import template
from django.utils.html import format_html, format_html_join
from wagtail.models import Page

from home.translations import default_language_code, language_versions

register = template.Library()

LINK = '<link rel="alternate" hreflang="{}" href="{}">'


@register.simple_tag(takes_context=True)
def hreflang_links(context, page):
    """One `<link rel="alternate">` per live, public language version of `page`, plus `x-default`.

    URLs are absolute. `x-default` points to the default locale's version
    (Vietnamese). Nothing is output when the page has no other live, public
    language version, or when `page` is not a page (search results, errors).
    """
    if not isinstance(page, Page):
        return ""
    versions = language_versions(page=page, request=context.get("request"))
    if len(versions) < 2:
        return ""
    links = format_html_join("\n", LINK, versions)
    default_url = dict(versions).get(default_language_code())
    if default_url:
        links = format_html("{}\n" + LINK, links, "x-default", default_url)
    return links
