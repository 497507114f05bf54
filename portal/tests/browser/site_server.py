"""Build a throwaway demo site and serve it, for the browser tests.

Run by the `live_site` fixture as
`python -m portal.tests.browser.site_server PORT MEDIA_ROOT` with
`DJANGO_SETTINGS_MODULE` and `DATABASE_URL` naming an empty database. It
migrates that database, loads the demo bundle, creates one account per
editorial role, then serves the site on 127.0.0.1:PORT (static files
included) until it is terminated.

One process does all of it because the test settings give every process its
own temporary MEDIA_ROOT: the documents `load_demo` stores must be those the
server streams.
"""

import os
import sys

import django
from django.conf import settings
from django.core.management import call_command

DEMO_BUNDLE = "demo/bundle"
PASSWORD = "browser-test-password"
SUPERUSER = "admin"
EDITOR = "editor"
REVIEWER = "reviewer"


def use_media_root(path):
    unused_media_root = settings.MEDIA_ROOT
    settings.MEDIA_ROOT = path
    if unused_media_root != path and os.path.isdir(unused_media_root) and not os.listdir(unused_media_root):
        os.rmdir(unused_media_root)


def create_accounts():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from home import editorial

    user_model = get_user_model()
    user_model.objects.create_superuser(SUPERUSER, f"{SUPERUSER}@example.org", PASSWORD)
    for username, group_name in ((EDITOR, editorial.EDITORS_GROUP), (REVIEWER, editorial.REVIEWERS_GROUP)):
        user = user_model.objects.create_user(username, f"{username}@example.org", PASSWORD)
        user.groups.add(Group.objects.get(name=group_name))


def main(port, media_root):
    django.setup()
    use_media_root(media_root)
    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo", DEMO_BUNDLE, verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    create_accounts()
    call_command(
        "runserver",
        f"127.0.0.1:{port}",
        use_reloader=False,
        # One request at a time: on SQLite, Chromium's parallel requests can
        # each try to write (Wagtail creates site settings on first use) and
        # one of them gets "database is locked".
        use_threading=False,
        insecure_serving=True,
        skip_checks=True,
    )


if __name__ == "__main__":
    main(port=int(sys.argv[1]), media_root=sys.argv[2])
