import hashlib
import logging

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.test import override_settings

from home import documents
from home.documents import check_upload, extract_text, most_downloaded, record_download
from home.factories import DocumentFactory
from home.models import PortalDocument
from home.tests import sample_files as samples

# --- check_upload: accepted files ---------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("huong-dan.pdf", samples.pdf_bytes()),
        ("HUONG-DAN.PDF", samples.pdf_bytes()),
        ("ke-hoach.docx", samples.docx_bytes()),
        ("bai-giang.pptx", samples.pptx_bytes()),
        ("bang-tinh.xlsx", samples.zip_bytes({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<w/>"})),
        ("cong-van.doc", samples.ole2_bytes()),
        ("slide-cu.ppt", samples.ole2_bytes()),
        ("van-ban.odt", samples.odf_bytes()),
        ("trinh-chieu.odp", samples.odf_bytes("application/vnd.oasis.opendocument.presentation")),
        ("poster.png", samples.image_bytes("PNG")),
        ("poster.jpg", samples.image_bytes("JPEG")),
        ("bai-hat.mp3", samples.mp3_bytes(with_id3=True)),
        ("bai-hat-khong-the.mp3", samples.mp3_bytes(with_id3=False)),
        ("phim.mp4", samples.mp4_bytes()),
        ("ghi-chu.txt", samples.txt_bytes()),
        ("ghi-chu-bom.txt", b"\xef\xbb\xbf" + samples.txt_bytes()),
    ],
)
def test_check_upload_accepts_real_files(name, data):
    assert check_upload(name=name, data=data) is None


# --- check_upload: refused files ----------------------------------------------


def refusal_code(*, name, data):
    with pytest.raises(ValidationError) as caught:
        check_upload(name=name, data=data)
    return caught.value.code


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("huong-dan.pdf", samples.WINDOWS_EXECUTABLE),
        ("huong-dan.pdf", samples.ELF_EXECUTABLE),
        ("poster.png", samples.MACH_O_EXECUTABLE),
        ("ghi-chu.txt", samples.SHELL_SCRIPT),
        ("ke-hoach.docx", samples.WINDOWS_EXECUTABLE),
    ],
)
def test_executables_are_refused_whatever_their_name(name, data):
    assert refusal_code(name=name, data=data) == "executable"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("huong-dan.pdf", samples.HTML_PAGE),
        ("ghi-chu.txt", samples.HTML_PAGE),
        ("ghi-chu.txt", samples.HTML_FRAGMENT),
        ("ghi-chu.txt", samples.SVG_IMAGE),
        ("poster.png", samples.SVG_IMAGE),
        ("ghi-chu.txt", samples.HTML_PAGE.decode().encode("utf-16")),
        ("huong-dan.pdf", b"%PDF-1.4\n<html><body>polyglot</body></html>"),
    ],
)
def test_web_pages_svg_and_scripts_are_refused_whatever_their_name(name, data):
    assert refusal_code(name=name, data=data) == "active_content"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("huong-dan.pdf", samples.docx_bytes()),
        ("ke-hoach.docx", samples.ooxml_without_main_part()),
        ("ke-hoach.docx", samples.pptx_bytes()),
        ("bai-giang.pptx", samples.docx_bytes()),
        ("ke-hoach.docx", samples.ole2_bytes()),
        ("cong-van.doc", samples.docx_bytes()),
        ("van-ban.odt", samples.odf_bytes("application/vnd.oasis.opendocument.presentation")),
        ("van-ban.odt", samples.zip_bytes({"content.xml": "<x/>"})),
        ("poster.jpg", samples.image_bytes("PNG")),
        ("poster.png", samples.pdf_bytes()),
        ("bai-hat.mp3", samples.txt_bytes()),
        ("phim.mp4", samples.pdf_bytes()),
        ("ghi-chu.txt", b"plain\x00text"),
    ],
)
def test_content_that_does_not_match_the_extension_is_refused(name, data):
    assert refusal_code(name=name, data=data) == "content_mismatch"


def test_corrupt_zip_is_refused():
    truncated = samples.docx_bytes()[:-200]
    assert refusal_code(name="ke-hoach.docx", data=truncated) == "corrupt_archive"


def test_zip_with_a_damaged_member_is_refused():
    data = bytearray(samples.docx_bytes())
    # Flip bytes inside the first member's compressed data: the CRC check catches it.
    data[100:110] = bytes(10)
    assert refusal_code(name="ke-hoach.docx", data=bytes(data)) == "corrupt_archive"


def test_zip_bomb_is_refused(monkeypatch):
    monkeypatch.setattr(documents, "MAX_UNZIPPED_SIZE", 1000)
    data = samples.zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "a" * 5000})
    assert refusal_code(name="ke-hoach.docx", data=data) == "zip_bomb"


def test_office_files_with_macros_are_refused():
    assert refusal_code(name="ke-hoach.docx", data=samples.docx_with_macros()) == "macros"


def test_non_utf8_text_is_refused():
    assert refusal_code(name="ghi-chu.txt", data="Tiêu đê, Đà Lat".encode("cp1258")) == "text_encoding"


@pytest.mark.parametrize("name", ["virus.exe", "trang.html", "hinh.svg", "script.js", "khong-duoi", "anh.jpeg.exe"])
def test_extensions_outside_the_content_format_are_refused(name):
    with pytest.raises(ValidationError) as caught:
        check_upload(name=name, data=samples.pdf_bytes())
    assert caught.value.code == "extension"
    assert ".pdf" not in caught.value.messages[0].split("Allowed:")[0]
    assert "pdf, docx" in caught.value.messages[0]


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1000)
def test_files_over_the_size_cap_are_refused():
    data = samples.pdf_bytes() + b"%" * 1000
    assert refusal_code(name="huong-dan.pdf", data=data) == "too_large"


@override_settings(WAGTAILDOCS_EXTENSIONS=["pdf", "rtf"])
def test_an_allowed_extension_without_a_content_check_is_refused_rather_than_trusted():
    assert refusal_code(name="van-ban.rtf", data=b"{\\rtf1 hello}") == "unverifiable"


def test_empty_file_is_refused():
    assert refusal_code(name="huong-dan.pdf", data=b"") == "empty"


# --- extract_text ---------------------------------------------------------------


def test_extracts_pdf_text():
    assert extract_text(name="a.pdf", data=samples.pdf_bytes("Luat phong chong ma tuy")) == "Luat phong chong ma tuy"


def test_extracts_docx_paragraphs_and_tables():
    data = samples.docx_bytes("Kế hoạch tuyên truyền", table_text="Tuần 1: ra mắt")
    assert extract_text(name="a.docx", data=data) == "Kế hoạch tuyên truyền\nTuần 1: ra mắt"


def test_extracts_pptx_slide_text():
    text = extract_text(name="a.pptx", data=samples.pptx_bytes("An toàn giao thông", "Đội mũ bảo hiểm"))
    assert text == "An toàn giao thông\nĐội mũ bảo hiểm"


def test_extracts_plain_text():
    assert extract_text(name="a.txt", data=b"\xef\xbb\xbfD\xc3\xb2ng 1\n\n  d\xc3\xb2ng   2 ") == "Dòng 1\ndòng 2"


def test_types_without_text_give_empty_string():
    assert extract_text(name="poster.png", data=samples.image_bytes("PNG")) == ""


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("hong.pdf", b"%PDF-1.4\n%broken\n"),
        ("hong.pdf", samples.pdf_bytes()[:120]),
        ("hong.docx", b"PK\x03\x04 not a zip"),
        ("hong.pptx", samples.docx_bytes()),
    ],
)
def test_broken_files_give_empty_text_and_a_warning(name, data, caplog):
    with caplog.at_level(logging.WARNING, logger="home.documents"):
        assert extract_text(name=name, data=data) == ""
    assert any(name in record.getMessage() for record in caplog.records if record.name == "home.documents")


def test_encrypted_pdf_gives_empty_text_and_a_warning(caplog):
    with caplog.at_level(logging.WARNING, logger="home.documents"):
        assert extract_text(name="mat.pdf", data=samples.encrypted_pdf_bytes("Tai lieu mat")) == ""
    assert "password-protected" in caplog.text


def test_pdf_restricted_only_by_an_owner_password_is_still_read():
    from io import BytesIO

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(BytesIO(samples.pdf_bytes("Cong khai"))))
    writer.encrypt(user_password="", owner_password="chu-so-huu", algorithm="RC4-128")
    output = BytesIO()
    writer.write(output)
    assert extract_text(name="a.pdf", data=output.getvalue()) == "Cong khai"


def test_extracted_text_is_capped(monkeypatch):
    monkeypatch.setattr(documents, "EXTRACTED_TEXT_MAX_CHARS", 50)
    assert len(extract_text(name="a.txt", data=b"chu " * 100)) == 50


# --- documents in the database ------------------------------------------------


def make_document(*, name="huong-dan.pdf", data=None, **kwargs):
    data = samples.pdf_bytes("Noi dung huong dan") if data is None else data
    return DocumentFactory(file__filename=name, file__data=data, **kwargs)


@pytest.mark.django_db
def test_new_document_gets_its_text_extracted():
    document = make_document(data=samples.pdf_bytes("Phong chong bao luc"))
    document.refresh_from_db()
    assert document.extracted_text == "Phong chong bao luc"


@pytest.mark.django_db
def test_new_document_gets_wagtails_size_and_hash_even_outside_the_admin():
    data = samples.pdf_bytes("Kich thuoc")
    document = make_document(data=data)
    stored = PortalDocument.objects.get(pk=document.pk)
    assert stored.file_size == len(data)
    assert stored.file_hash == hashlib.sha1(data).hexdigest()


@pytest.mark.django_db
def test_replacing_the_file_refreshes_the_text():
    document = make_document(data=samples.pdf_bytes("Ban cu"))
    document.file = ContentFile(samples.docx_bytes("Bản mới"), name="ban-moi.docx")
    document.save()
    document.refresh_from_db()
    assert document.extracted_text == "Bản mới"


@pytest.mark.django_db
def test_file_saved_to_storage_before_the_model_is_still_extracted():
    # Wagtail's multiple upload stores the file first, then saves the document.
    document = PortalDocument(title="Tải lên nhiều tệp")
    document.file.save("nhieu.pdf", ContentFile(samples.pdf_bytes("Nhieu tep")), save=False)
    document.save()
    document.refresh_from_db()
    assert document.extracted_text == "Nhieu tep"


@pytest.mark.django_db
def test_saving_without_a_new_file_does_not_extract_again(monkeypatch):
    document = make_document()
    calls = []
    monkeypatch.setattr(documents, "extract_text", lambda **kwargs: calls.append(kwargs) or "")
    document.title = "Tiêu đề mới"
    document.save()
    document.file_size = None
    document.get_file_size()  # saves with update_fields=["file_size"]
    assert calls == []
    assert PortalDocument.objects.get(pk=document.pk).extracted_text == "Noi dung huong dan"


@pytest.mark.django_db
def test_broken_file_still_saves_with_empty_text():
    document = make_document(data=b"%PDF-1.4\n%test\n%%EOF\n")
    assert PortalDocument.objects.get(pk=document.pk).extracted_text == ""


@pytest.mark.django_db
def test_record_download_adds_exactly_one_with_a_single_update(django_assert_num_queries):
    document = make_document()
    stale_copy = PortalDocument.objects.get(pk=document.pk)
    with django_assert_num_queries(1):
        record_download(document=document)
    record_download(document=stale_copy)  # F() expression: a stale instance cannot lose a count
    document.refresh_from_db()
    assert document.download_count == 2


@pytest.mark.django_db
def test_most_downloaded_orders_by_count_and_skips_never_downloaded():
    popular = make_document(title="Phổ biến", download_count=9)
    rare = make_document(title="Ít dùng", download_count=1)
    make_document(title="Chưa ai tải")
    assert list(most_downloaded(documents=PortalDocument.objects.all(), limit=5)) == [popular, rare]
