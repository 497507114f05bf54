"""Editorial roles and the moderation workflow of the communication office.

The groups, their permissions and the workflow are created by the data
migrations `home/migrations/0003_editorial_groups.py` and
`0004_moderation_workflow.py`; the names below must match those migrations.

Roles:
- editors draft and edit pages, upload documents and images, and submit pages
  for review; they cannot publish;
- reviewers approve (publishing) or reject with a comment, and may publish;
- content managers edit the portal settings, the taxonomy snippets, users and
  groups, and run wagtail-localize translations (which may publish them).
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageViewRestriction,
    Workflow,
)

EDITORS_GROUP = "Biên tập viên"
REVIEWERS_GROUP = "Người duyệt bài"
CONTENT_MANAGERS_GROUP = "Quản trị nội dung"
EDITORIAL_GROUPS = (EDITORS_GROUP, REVIEWERS_GROUP, CONTENT_MANAGERS_GROUP)

MODERATION_WORKFLOW = "Duyệt nội dung"
REVIEW_TASK = "Duyệt bởi người duyệt bài"

TRANSLATION_PERMISSION = "wagtail_localize.submit_translation"
SECTION_PAGE_PERMISSIONS = ("add_page", "change_page")
EDITOR_MEDIA_ACTIONS = ("add", "change", "choose")


def get_moderation_workflow():
    return Workflow.objects.get(name=MODERATION_WORKFLOW)


def _page_permissions(codenames):
    return Permission.objects.filter(content_type=ContentType.objects.get_for_model(Page), codename__in=codenames)


@transaction.atomic
def grant_section(*, group, page):
    """Let `group` add and edit pages in the section below `page`, in every locale.

    The permission is granted on `page` and on each of its translations, so the
    English version of a section belongs to the same editors as the Vietnamese
    one; a translation created later gets it too (`home.receivers_privacy`).
    Pages created later in the section inherit it. It does not let the
    group publish: its pages go through the moderation workflow like any other.
    Granting twice changes nothing.
    """
    permissions = list(_page_permissions(SECTION_PAGE_PERMISSIONS))
    for section_page in page.get_translations(inclusive=True):
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=section_page, permission=permission)


def copy_page_permissions_from_translations(*, page):
    """Give `page` the page permissions granted on its other language versions."""
    granted = (
        GroupPagePermission.objects.filter(page__translation_key=page.translation_key)
        .exclude(page=page)
        .values_list("group_id", "permission_id")
        .distinct()
    )
    for group_id, permission_id in granted:
        GroupPagePermission.objects.get_or_create(group_id=group_id, page=page, permission_id=permission_id)


@transaction.atomic
def create_section_editors(*, name, page):
    """A group of editors limited to the section below `page` (see `grant_section`).

    Like the "Biên tập viên" group, its members may use the admin and add or
    edit documents and images, but they only see and edit their own section.
    """
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    root_collection = Collection.get_first_root_node()
    for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
        for action in EDITOR_MEDIA_ACTIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}"),
            )
    grant_section(group=group, page=page)
    return group


@transaction.atomic
def mirror_view_restrictions(*, page):
    """Give every translation of `page` the same view restriction as `page`, or none.

    A page's privacy is one setting shared by all its language versions:
    without this, a restriction added to the Vietnamese page after its English
    translation exists would leave the English page (and, through inheritance,
    its children) public. Called by `home.receivers_privacy` whenever a
    restriction is saved, deleted or has its groups changed.
    """
    source = page.view_restrictions.order_by("pk").first()
    source_group_ids = set(source.groups.values_list("pk", flat=True)) if source else set()
    for translation in page.get_translations():
        restrictions = list(translation.view_restrictions.order_by("pk"))
        if source is None:
            for restriction in restrictions:
                restriction.delete()
            continue
        if restrictions:
            mirror, extra = restrictions[0], restrictions[1:]
            for restriction in extra:
                restriction.delete()
        else:
            mirror = PageViewRestriction(page=translation)
        settings = (source.restriction_type, source.password)
        if mirror.pk is None or (mirror.restriction_type, mirror.password) != settings:
            mirror.restriction_type, mirror.password = settings
            mirror.save()
        if set(mirror.groups.values_list("pk", flat=True)) != source_group_ids:
            mirror.groups.set(source_group_ids)
