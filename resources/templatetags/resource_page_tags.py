"""Reads the article and guidance page templates need beyond the page's own fields."""

from django import template

from resources.related import related_pages as select_related_pages

register = template.Library()


@register.simple_tag
def related_pages(article):
    """`{% related_pages page as items %}`: what to read next, see `resources.related`."""
    return select_related_pages(article=article)


@register.simple_tag
def guidance_files(page):
    """`{% guidance_files page as files %}`: the page's files with their documents, in one query."""
    return list(page.files.select_related("document"))
