import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from search.models import SearchQueryDay

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/reports/search-queries/"


def test_report_lists_queries_for_allowed_users(admin_client):
    SearchQueryDay.objects.create(day=timezone.localdate(), locale="vi", query="xyzzy", searches=4)
    SearchQueryDay.objects.create(day=datetime.date(2000, 1, 1), locale="vi", query="long ago", searches=9)

    html = admin_client.get(REPORT_URL).content.decode()

    assert "xyzzy" in html
    assert "long ago" not in html


def test_report_is_refused_without_the_permission(client, django_user_model):
    editor = django_user_model.objects.create_user(username="editor", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    assert client.get(REPORT_URL).status_code in (302, 403)

    group = Group.objects.create(name="Search analysts")
    group.permissions.add(Permission.objects.get(codename="view_searchqueryday"))
    editor.groups.add(group)
    assert client.get(REPORT_URL).status_code == 200


def test_editors_tools_are_in_the_admin(admin_client):
    assert admin_client.get("/admin/snippets/search/synonymgroup/").status_code == 200
    assert admin_client.get("/admin/snippets/search/helprule/").status_code == 200
    assert admin_client.get("/admin/searchpicks/").status_code == 200
