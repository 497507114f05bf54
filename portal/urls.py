import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from campaigns import views as campaign_views
from campaigns.feeds import CampaignAtomFeed, CampaignRssFeed
from home import admin_auth, health
from home import views as home_views
from home.engagement import views as engagement_views
from home.sitemaps import PortalSitemap
from resources.feeds import ArticleAtomFeed, ArticleRssFeed
from search import urls as search_urls

urlpatterns = [
    # Before Wagtail's admin: these views answer 403 themselves (see home/mailbox/admin_urls.py).
    path("admin/mailbox/", include("home.mailbox.admin_urls")),
    # Ahead of Wagtail's own login view: adds the two-factor code step.
    path("admin/login/", admin_auth.AdminLoginView.as_view(), name="wagtailadmin_login"),
    path("admin/login/code/", admin_auth.TwoFactorSignInView.as_view(), name="admin_two_factor_sign_in"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("healthz/", health.healthz, name="healthz"),
    path("api/search/", include(search_urls.api_urlpatterns)),
    path("calendar/campaigns/<int:page_id>.ics", campaign_views.campaign_ics, name="campaign_calendar"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    if settings.MEDIA_URL.startswith("/"):  # not when media live on S3
        media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
        urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.*)$", home_views.media_file)]

if settings.PORTAL_BENCH_VIEWS:
    from portal import bench_views

    urlpatterns.append(path("bench/trivial/", bench_views.trivial_20kb))

urlpatterns += i18n_patterns(
    path("search/", include(search_urls.page_urlpatterns)),
    path("feedback/<int:page_id>/", engagement_views.submit_feedback, name="page_feedback"),
    path("rss/articles/", ArticleRssFeed(), name="articles_rss"),
    path("atom/articles/", ArticleAtomFeed(), name="articles_atom"),
    path("rss/campaigns/", CampaignRssFeed(), name="campaigns_rss"),
    path("atom/campaigns/", CampaignAtomFeed(), name="campaigns_atom"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
