"""The counsellors group of the student help mailbox, and what content managers may do about it.

Counsellors get admin access only: reading cases is decided by their
membership of this group plus their `CounsellorAssignment` rows
(`home.mailbox.counselling`), never by a model permission, so no other role
can be granted it by ticking a box. Content managers keep the mailbox's lists
(schools, danger phrases), assign counsellors to schools and read the access
log (which holds no message content).

Names and permissions are frozen here (see 0003_editorial_groups);
`home/tests/mailbox/test_counselling.py` checks they match the code.
"""

from django.db import migrations

COUNSELLORS = "Tư vấn viên"
CONTENT_MANAGERS = "Quản trị nội dung"
CONTENT_MANAGER_PERMISSIONS = [
    *[
        ("home", f"{action}_{model}")
        for model in ("counsellorassignment", "school", "dangerphrase")
        for action in ("add", "change", "delete", "view")
    ],
    ("home", "view_mailboxaccesslog"),
]


def create_all_permissions(apps):
    """Model permissions are normally created after `migrate`; this data migration needs them now."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_counsellors_group(apps, schema_editor):
    create_all_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    counsellors, _created = Group.objects.get_or_create(name=COUNSELLORS)
    counsellors.permissions.add(permission("wagtailadmin", "access_admin"))
    managers = Group.objects.filter(name=CONTENT_MANAGERS).first()
    if managers is not None:
        managers.permissions.add(*[permission(*pair) for pair in CONTENT_MANAGER_PERMISSIONS])


def remove_counsellors_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.filter(name=COUNSELLORS).delete()
    managers = Group.objects.filter(name=CONTENT_MANAGERS).first()
    if managers is not None:
        for app_label, codename in CONTENT_MANAGER_PERMISSIONS:
            managers.permissions.remove(
                *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_mailbox"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(create_counsellors_group, remove_counsellors_group)]
