import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.sessions.models import Session
from django.urls import reverse
from wagtail.documents.models import Document as WagtailDocument
from wagtail.models import Collection, GroupCollectionPermission

from home.factories import DocumentFactory, HotlineFactory, SiteAlertFactory, TopicFactory
from home.models import PortalDocument
from home.tests import sample_files as samples
from home.tests.admin_support import prefer_english_admin


@pytest.fixture
def superuser(db):
    return prefer_english_admin(get_user_model().objects.create_superuser("quantri", "quantri@example.com", "x"))


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def make_document(**kwargs):
    return DocumentFactory(file__filename="huong-dan.pdf", file__data=samples.pdf_bytes(), **kwargs)


def downloads_of(document):
    return PortalDocument.objects.values_list("download_count", flat=True).get(pk=document.pk)


# --- download counter --------------------------------------------------------


@pytest.mark.django_db
def test_document_url_goes_through_the_serve_view_not_media():
    document = make_document()
    assert document.url == f"/documents/{document.pk}/{document.filename}"


@pytest.mark.django_db
def test_get_serves_the_file_and_counts_exactly_one_download(client):
    document = make_document()
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == samples.pdf_bytes()
    assert downloads_of(document) == 1
    client.get(document.url)
    assert downloads_of(document) == 2


@pytest.mark.django_db
def test_head_requests_are_not_counted(client):
    document = make_document()
    response = client.head(document.url)
    assert response.status_code == 200
    assert downloads_of(document) == 0


@pytest.mark.django_db
def test_cache_revalidation_is_not_counted(client):
    document = make_document()
    etag = client.get(document.url)["ETag"]
    response = client.get(document.url, headers={"if-none-match": etag})
    assert response.status_code == 304
    assert downloads_of(document) == 1


@pytest.mark.django_db
def test_wrong_filename_is_not_counted(client):
    document = make_document()
    assert client.get(f"/documents/{document.pk}/autre.pdf").status_code == 404
    assert downloads_of(document) == 0


@pytest.mark.django_db
def test_download_stores_nothing_personal(client):
    document = make_document()
    response = client.get(document.url, headers={"user-agent": "Trinh duyet thu", "x-forwarded-for": "203.0.113.9"})
    assert response.cookies == {}
    assert not Session.objects.exists()
    own_fields = {field.name for field in PortalDocument._meta.concrete_fields} - {
        field.name for field in WagtailDocument._meta.concrete_fields
    }
    # Besides Wagtail's own fields the model keeps only a number and the search text.
    assert own_fields == {"download_count", "extracted_text"}
    stored = PortalDocument.objects.filter(pk=document.pk).values().get()
    assert "203.0.113.9" not in json.dumps(stored, default=str)
    assert "Trinh duyet thu" not in json.dumps(stored, default=str)


@pytest.mark.django_db
def test_restricted_document_refused_by_wagtail_is_not_counted(client):
    from wagtail.models import CollectionViewRestriction

    private = Collection.get_first_root_node().add_child(name="Nội bộ")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert restriction.pk
    document = make_document(collection=private)
    response = client.get(document.url)
    assert response.status_code == 302
    assert downloads_of(document) == 0


# --- taxonomy menu -------------------------------------------------------------


def sidebar_menu(response):
    content = response.content.decode()
    start = content.index('id="wagtail-sidebar-props"')
    start = content.index(">", start) + 1
    end = content.index("</script>", start)
    return json.loads(content[start:end])


def find_menu_item(node, name):
    if isinstance(node, dict):
        args = node.get("_args") or [{}]
        if node.get("name") == name or (isinstance(args[0], dict) and args[0].get("name") == name):
            return node
        values = node.values()
    elif isinstance(node, list):
        values = node
    else:
        return None
    for value in values:
        found = find_menu_item(value, name)
        if found:
            return found
    return None


@pytest.mark.django_db
def test_taxonomy_menu_groups_topics_hotlines_and_alerts(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    taxonomy = find_menu_item(sidebar_menu(response), "taxonomy")
    assert taxonomy is not None
    serialized = json.dumps(taxonomy)
    assert "Taxonomy" in serialized
    for url_name in ("home_topic", "home_hotline", "home_sitealert"):
        assert reverse(f"wagtailsnippets_{url_name}:list") in serialized


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("factory", "model_name", "query", "expected"),
    [
        (TopicFactory, "topic", "ma túy", "Phòng chống ma túy"),
        (HotlineFactory, "hotline", "111", "Tổng đài quốc gia bảo vệ trẻ em"),
        (SiteAlertFactory, "sitealert", "bão", "Nghỉ học do bão"),
    ],
)
def test_taxonomy_listings_search(admin_client, factory, model_name, query, expected):
    field = {"topic": "name", "hotline": "name", "sitealert": "message"}[model_name]
    factory(**{field: expected})
    factory(**{field: "Mục khác", **({"number": "999"} if model_name == "hotline" else {})})
    url = reverse(f"wagtailsnippets_home_{model_name}:list")
    response = admin_client.get(url, {"q": query})
    assert response.status_code == 200
    content = response.content.decode()
    assert expected in content
    assert "Mục khác" not in content


@pytest.mark.django_db
def test_taxonomy_listings_filter_by_locale(admin_client, locale_en):
    TopicFactory(name="Chủ đề tiếng Việt")
    TopicFactory(name="English topic", locale=locale_en)
    url = reverse("wagtailsnippets_home_topic:list")
    response = admin_client.get(url, {"locale": "en"})
    content = response.content.decode()
    assert "English topic" in content
    assert "Chủ đề tiếng Việt" not in content


@pytest.mark.django_db
def test_site_alerts_filter_by_level(admin_client):
    SiteAlertFactory(message="Cảnh báo khẩn", level="urgent")
    SiteAlertFactory(message="Thông tin thường", level="info")
    response = admin_client.get(reverse("wagtailsnippets_home_sitealert:list"), {"level": "urgent"})
    content = response.content.decode()
    assert "Cảnh báo khẩn" in content
    assert "Thông tin thường" not in content


# --- dashboard and document edit view ------------------------------------------


@pytest.mark.django_db
def test_dashboard_lists_most_downloaded_files_with_edit_links(admin_client):
    popular = make_document(title="Sổ tay phòng chống bạo lực", download_count=42)
    make_document(title="Tệp chưa ai tải")
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Most downloaded files" in content
    assert "Sổ tay phòng chống bạo lực" in content
    assert reverse("wagtaildocs:edit", args=[popular.pk]) in content
    assert ">42<" in content
    assert "Tệp chưa ai tải" not in content


@pytest.mark.django_db
def test_dashboard_says_when_nothing_was_downloaded(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert "No file has been downloaded yet." in response.content.decode()


@pytest.mark.django_db
def test_dashboard_panel_is_in_vietnamese_for_editors_without_a_preferred_language(client):
    make_document(title="Sổ tay phòng chống bạo lực", download_count=3)
    client.force_login(get_user_model().objects.create_superuser("quantri-vi", "qtvi@example.com", "x"))
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Tệp được tải xuống nhiều nhất" in content
    assert "Most downloaded files" not in content


@pytest.mark.django_db
def test_dashboard_hides_download_panel_from_editors_without_document_rights(client):
    make_document(title="Tài liệu nội bộ", download_count=5)
    editor = prefer_english_admin(get_user_model().objects.create_user("bientap", "bt@example.com", "x"))
    group = Group.objects.create(name="Chỉ truy cập quản trị")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "Most downloaded files" not in response.content.decode()


@pytest.mark.django_db
def test_dashboard_lists_only_files_the_editor_may_change(client):
    root = Collection.get_first_root_node()
    mine = root.add_child(name="Phòng giáo dục")
    other = root.add_child(name="Sở giáo dục")
    make_document(title="Tệp của phòng", collection=mine, download_count=3)
    make_document(title="Tệp của sở", collection=other, download_count=7)
    editor = get_user_model().objects.create_user("phong", "phong@example.com", "x")
    group = Group.objects.create(name="Biên tập phòng")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupCollectionPermission.objects.create(
        group=group,
        collection=mine,
        permission=Permission.objects.get(content_type__app_label="wagtaildocs", codename="change_document"),
    )
    editor.groups.add(group)
    client.force_login(editor)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Tệp của phòng" in content
    assert "Tệp của sở" not in content


@pytest.mark.django_db
def test_document_edit_view_shows_the_download_count(admin_client):
    document = make_document(download_count=1234)
    response = admin_client.get(reverse("wagtaildocs:edit", args=[document.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Downloads" in content
    assert "1,234" in content or "1.234" in content or "1234" in content
