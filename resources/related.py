"""Related reading shown under an article."""

from wagtail.models import Page

from home.models import PageTopic
from home.selectors import localized_live_pages
from resources.models import ArticlePage

RELATED_LIMIT = 3


def related_pages(*, article, limit=RELATED_LIMIT):
    """The article's chosen related items; without any, up to `limit` other live
    articles of its locale that share a topic, newest first."""
    chosen = localized_live_pages(links=article.related_links, locale_id=article.locale_id, model=Page)
    if chosen:
        return chosen
    topic_keys = PageTopic.objects.filter(page_id=article.pk).values("topic__translation_key")
    candidates = (
        ArticlePage.objects.live()
        .filter(locale_id=article.locale_id, topic_links__topic__translation_key__in=topic_keys)
        .exclude(pk=article.pk)
        .defer_streamfields()
        .distinct()
        .order_by("-published_at", "-pk")
    )
    return list(candidates[:limit])
