"""The single /sitemap.xml: every locale's live, public pages, each once with its own URL."""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class PortalSitemap(Sitemap):
    """Wagtail's sitemap lists only the site root's subtree, which is the
    Vietnamese home page; the English home page is its translation, a sibling
    under Root. This one walks the site root's translations too."""

    def items(self):
        site_root = self.get_wagtail_site().root_page
        roots = site_root.get_translations(inclusive=True).only("path")
        in_site = reduce(or_, (Q(path__startswith=root.path) for root in roots))
        return (
            Page.objects.filter(in_site)
            .live()
            .public()
            .order_by("locale__language_code", "path")
            .defer_streamfields()
            .specific()
        )
