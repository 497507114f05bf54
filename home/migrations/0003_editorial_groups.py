"""The three editorial roles of the communication office, with their permissions.

Group names and permissions are frozen here (not imported from
`home.editorial`) so that the migration keeps meaning what it meant when it
was written; `home/tests/test_editorial.py` checks both stay in step.

Page permissions sit on the Root page so they cover every locale's home page,
including home pages created later for a new locale. Wagtail's own default
"Editors" and "Moderators" groups are removed: they hold page permissions on
the same Root page and would be a second, unreviewed way to publish.
"""

from django.db import migrations

EDITORS = "Biên tập viên"
REVIEWERS = "Người duyệt bài"
CONTENT_MANAGERS = "Quản trị nội dung"
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]

ADMIN_ACCESS = [("wagtailadmin", "access_admin")]
MEDIA_EDIT = ["add", "change", "choose"]
MEDIA_MANAGE = ["add", "change", "choose", "delete"]

ROLES = {
    EDITORS: {
        "global": ADMIN_ACCESS,
        "pages": ["add_page", "change_page"],
        "media": MEDIA_EDIT,
    },
    REVIEWERS: {
        "global": ADMIN_ACCESS,
        "pages": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        "media": MEDIA_EDIT,
    },
    CONTENT_MANAGERS: {
        "global": [
            *ADMIN_ACCESS,
            ("home", "change_portalsettings"),
            ("home", "view_portalsettings"),
            *[
                ("home", f"{action}_{model}")
                for model in ("topic", "hotline", "sitealert")
                for action in ("add", "change", "delete")
            ],
            ("wagtail_localize", "submit_translation"),
            *[("auth", f"{action}_{model}") for model in ("user", "group") for action in ("add", "change", "delete")],
        ],
        # wagtail-localize's "Sync translated pages" can publish translations,
        # so the translation permission comes with page publishing.
        "pages": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        "media": MEDIA_MANAGE,
    },
}


def create_all_permissions(apps):
    """Model permissions are normally created after `migrate`; this data migration needs them now."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_groups(apps, schema_editor):
    create_all_permissions(apps)
    Collection = apps.get_model("wagtailcore", "Collection")
    Group = apps.get_model("auth", "Group")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    Permission = apps.get_model("auth", "Permission")

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)

    for name, role in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*[permission(app_label, codename) for app_label, codename in role["global"]])
        for codename in role["pages"]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission("wagtailcore", codename)
            )
        for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
            for action in role["media"]:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission(app_label, f"{action}_{model}")
                )

    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).delete()


def remove_groups(apps, schema_editor):
    # Wagtail's default groups are not recreated: they held no users here.
    apps.get_model("auth", "Group").objects.filter(name__in=list(ROLES)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_homepage"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
