"""RSS and Atom feeds of the latest pages of one type in the visitor's language.

The language comes from the URL (`/rss/articles/`, `/en/rss/articles/`), as
for every page. Subclasses name the page type and the index page type.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from wagtail.models import Locale

from home.engagement.selectors import latest_public_pages, section_index

FEED_LENGTH = 20


class LatestPagesRssFeed(Feed):
    page_model = None
    index_model = None
    section_title = ""
    section_description = ""

    def get_object(self, request, *args, **kwargs):
        return Locale.get_active()

    def title(self, locale):
        return f"{self.section_title} – {settings.SITE_NAME_I18N}"

    def description(self, locale):
        return self.section_description

    def link(self, locale):
        index = section_index(model=self.index_model, locale=locale)
        return index.get_full_url() if index else "/"

    def items(self, locale):
        return latest_public_pages(model=self.page_model, locale=locale, limit=FEED_LENGTH)

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.summary or page.search_description

    def item_link(self, page):
        return page.get_full_url()

    def item_guid(self, page):
        return page.get_full_url()

    def item_pubdate(self, page):
        return page.published_at

    def item_updateddate(self, page):
        return page.last_published_at or page.published_at


class LatestPagesAtomFeed(LatestPagesRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, locale):
        return self.description(locale)
