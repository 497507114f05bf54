from django.utils.translation import gettext_lazy as _

from home.engagement.feeds import LatestPagesAtomFeed, LatestPagesRssFeed
from resources.models import ArticleIndexPage, ArticlePage


class ArticleRssFeed(LatestPagesRssFeed):
    page_model = ArticlePage
    index_model = ArticleIndexPage
    section_title = _("Articles")
    section_description = _("The latest articles published on the portal.")


class ArticleAtomFeed(LatestPagesAtomFeed, ArticleRssFeed):
    pass
