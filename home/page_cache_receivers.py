"""Invalidate the anonymous page cache whenever what a visitor sees may have changed.

Pages: publish, unpublish (scheduled go-live and expiry included: they send
the same signals), move, delete, and any direct save of a page. Site-wide
content: topics, hotlines, site alerts, portal settings, documents, images,
sites, locales and view restrictions.

The generation is bumped at once and again after the surrounding transaction
commits: a request rendered between the two, from data not yet committed,
cannot stay cached under the new generation.

Connected by importing this module from `HomeConfig.ready()`.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.models import Hotline, PortalDocument, PortalImage, PortalSettings, PortalSettingsHotline, SiteAlert, Topic
from home.page_cache import bump_generation

SITE_WIDE_MODELS = (
    Topic,
    Hotline,
    SiteAlert,
    PortalSettings,
    PortalSettingsHotline,
    PortalDocument,
    PortalImage,
    Site,
    Locale,
    PageViewRestriction,
)


def invalidate_page_cache():
    bump_generation()
    transaction.on_commit(bump_generation)


@receiver(page_published, dispatch_uid="page_cache_page_published")
@receiver(page_unpublished, dispatch_uid="page_cache_page_unpublished")
@receiver(post_page_move, dispatch_uid="page_cache_page_moved")
def page_changed(sender, **kwargs):
    invalidate_page_cache()


@receiver(post_save, dispatch_uid="page_cache_model_saved")
@receiver(post_delete, dispatch_uid="page_cache_model_deleted")
def model_changed(sender, instance, raw=False, **kwargs):
    if not raw and isinstance(instance, (Page, *SITE_WIDE_MODELS)):
        invalidate_page_cache()


@receiver(m2m_changed, sender=PageViewRestriction.groups.through, dispatch_uid="page_cache_restriction_groups")
def restriction_groups_changed(sender, action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        invalidate_page_cache()
