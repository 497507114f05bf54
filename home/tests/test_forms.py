"""The document form, driven through Wagtail's real admin upload views."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.documents.forms import get_document_form, get_document_multi_form
from wagtail.models import Collection

from home.factories import DocumentFactory
from home.forms import PortalDocumentForm
from home.models import PortalDocument
from home.tests import sample_files as samples
from home.tests.admin_support import prefer_english_admin


@pytest.fixture
def admin_client(client, db):
    user = prefer_english_admin(get_user_model().objects.create_superuser("bientap", "bientap@example.com", "x"))
    client.force_login(user)
    return client


def upload(client, *, name, data, title="Tài liệu"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, data),
        },
    )


def upload_multiple(client, *, name, data):
    return client.post(
        reverse("wagtaildocs:add_multiple"),
        {"collection": Collection.get_first_root_node().pk, "files[]": SimpleUploadedFile(name, data)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )


def file_errors(response):
    # The messages are lazy: read them in the editor's (English) admin language, not the test's default.
    with translation.override("en"):
        return list(response.context["form"].errors["file"])


def test_wagtail_builds_every_document_form_on_ours():
    assert issubclass(get_document_form(PortalDocument), PortalDocumentForm)
    assert issubclass(get_document_multi_form(PortalDocument), PortalDocumentForm)


REFUSED_UPLOADS = [
    pytest.param("huong-dan.pdf", samples.WINDOWS_EXECUTABLE, "program", id="executable-renamed-pdf"),
    pytest.param("huong-dan.pdf", samples.HTML_PAGE, "web page", id="html-renamed-pdf"),
    pytest.param("ghi-chu.txt", samples.HTML_PAGE, "web page", id="html-renamed-txt"),
    pytest.param("ke-hoach.docx", samples.ooxml_without_main_part(), "does not match", id="zip-renamed-docx"),
    pytest.param("virus.exe", samples.pdf_bytes(), "are not accepted", id="bad-extension"),
    pytest.param("hinh.svg", samples.SVG_IMAGE, "are not accepted", id="svg-extension"),
]


@pytest.mark.parametrize(("name", "data", "message"), REFUSED_UPLOADS)
def test_refused_upload_is_a_form_error_and_saves_nothing(admin_client, name, data, message):
    response = upload(admin_client, name=name, data=data)
    assert response.status_code == 200
    errors = file_errors(response)
    assert len(errors) == 1
    assert message in errors[0]
    assert message in response.content.decode()
    assert not PortalDocument.objects.exists()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=2000)
def test_oversize_upload_is_a_form_error_and_saves_nothing(admin_client):
    response = upload(admin_client, name="huong-dan.pdf", data=samples.pdf_bytes() + b"%" * 3000)
    assert response.status_code == 200
    assert "too big" in file_errors(response)[0]
    assert not PortalDocument.objects.exists()


@pytest.mark.parametrize(("name", "data", "message"), REFUSED_UPLOADS)
def test_multiple_upload_refuses_with_a_message_and_saves_nothing(admin_client, name, data, message):
    response = upload_multiple(admin_client, name=name, data=data)
    assert response.status_code == 200
    payload = response.json()
    assert payload["success"] is False
    assert message in payload["error_message"]
    assert not PortalDocument.objects.exists()


@pytest.mark.parametrize(
    ("name", "data", "text"),
    [
        ("huong-dan.pdf", samples.pdf_bytes("Phong chong ma tuy"), "Phong chong ma tuy"),
        ("ke-hoach.docx", samples.docx_bytes("Kế hoạch tháng an toàn"), "Kế hoạch tháng an toàn"),
        ("bai-giang.pptx", samples.pptx_bytes("Bài giảng", "Không sử dụng điện thoại"), "Không sử dụng điện thoại"),
    ],
)
def test_real_documents_are_accepted_and_their_text_extracted(admin_client, name, data, text):
    response = upload(admin_client, name=name, data=data, title="Tài liệu thật")
    assert response.status_code == 302
    document = PortalDocument.objects.get()
    assert document.title == "Tài liệu thật"
    assert document.file_size == len(data)
    assert text in document.extracted_text


def test_multiple_upload_accepts_a_real_document(admin_client):
    response = upload_multiple(admin_client, name="ke-hoach.docx", data=samples.docx_bytes("Kế hoạch"))
    assert response.json()["success"] is True
    assert PortalDocument.objects.get().extracted_text == "Kế hoạch"


def test_replacing_a_file_with_a_refused_one_keeps_the_original(admin_client):
    document = DocumentFactory(file__filename="goc.pdf", file__data=samples.pdf_bytes("Ban goc"))
    original_name = PortalDocument.objects.get(pk=document.pk).file.name
    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": document.title,
            "collection": document.collection_id,
            "file": SimpleUploadedFile("goc.pdf", samples.HTML_PAGE),
        },
    )
    assert response.status_code == 200
    assert "web page" in file_errors(response)[0]
    document.refresh_from_db()
    assert document.file.name == original_name
    assert document.extracted_text == "Ban goc"


def test_replacing_a_file_refreshes_its_text(admin_client):
    document = DocumentFactory(file__filename="goc.pdf", file__data=samples.pdf_bytes("Ban goc"))
    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": document.title,
            "collection": document.collection_id,
            "file": SimpleUploadedFile("moi.docx", samples.docx_bytes("Bản sửa đổi")),
        },
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.extracted_text == "Bản sửa đổi"


def test_editing_only_the_title_keeps_the_file_unchecked_and_the_text(admin_client):
    document = DocumentFactory(file__filename="goc.pdf", file__data=samples.pdf_bytes("Ban goc"))
    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Tiêu đề mới", "collection": document.collection_id},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.title, document.extracted_text) == ("Tiêu đề mới", "Ban goc")
