"""Access rules shared by every language version of a page.

- A page's view restriction is kept identical in every locale (see
  `home.editorial.mirror_view_restrictions`).
- A new translation of a page gets the page permissions given on its other
  language versions (see `home.editorial.grant_section`), so a section
  translated later still belongs to its section editors.

Connected by importing this module from `HomeConfig.ready()`.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction

from home.editorial import copy_page_permissions_from_translations, mirror_view_restrictions

# Set while mirroring, so the saves and deletes it makes are not mirrored back.
_mirroring = ContextVar("mirroring_view_restrictions", default=False)


@contextmanager
def _mirroring_guard():
    token = _mirroring.set(True)
    try:
        yield
    finally:
        _mirroring.reset(token)


def _mirror(page_id):
    if _mirroring.get():
        return
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    with _mirroring_guard():
        mirror_view_restrictions(page=page)


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="home_mirror_restriction_saved")
def restriction_saved(sender, instance, **kwargs):
    _mirror(instance.page_id)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through, dispatch_uid="home_mirror_restriction_groups")
def restriction_groups_changed(sender, instance, action, reverse, **kwargs):
    if not reverse and action in {"post_add", "post_remove", "post_clear"}:
        _mirror(instance.page_id)


@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="home_mirror_restriction_deleted")
def restriction_deleted(sender, instance, origin=None, **kwargs):
    # Deleting a page cascades to its restriction: that must not make the
    # page's translations public. Only a restriction removed on its own is mirrored.
    if isinstance(origin, Page):
        return
    if origin is not None and getattr(origin, "model", None) is not None and issubclass(origin.model, Page):
        return
    _mirror(instance.page_id)


@receiver(post_save, dispatch_uid="home_translation_inherits_page_permissions")
def page_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw and isinstance(instance, Page) and not instance.is_root():
        copy_page_permissions_from_translations(page=instance)
