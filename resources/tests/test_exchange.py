import hashlib
import io
import json

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from home.factories import DocumentFactory
from home.models import PortalDocument
from home.tests import sample_files
from home.tests.exchange_support import (
    PDF,
    english_messages,  # noqa: F401 - used through pytestmark
    fresh_storage,  # noqa: F401 - used through pytestmark
    resource_line,
    site_counts,
    stored_names,
    write_bundle,
)
from resources.models import GuidanceFile, GuidancePage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_storage", "english_messages")]


def run_import(path):
    call_command("import_content", str(path), stdout=io.StringIO())


def import_error(path):
    with pytest.raises(CommandError) as caught:
        run_import(path)
    return str(caught.value)


def bundle(tmp_path, *lines, files=None):
    return write_bundle(tmp_path / "bundle", lines, files={"files/huong-dan.pdf": PDF, **(files or {})})


def test_a_resource_gets_its_file_as_a_document(tmp_path):
    run_import(
        bundle(
            tmp_path,
            resource_line(
                school_levels=["upper-secondary", "primary"],
                document_number="2935/GDĐT-CTTT",
                document_type="cong-van",
                issuer="Sở Giáo dục và Đào tạo",
                issued_on="2024-09-05",
                resource_type="legal-document",
            ),
        )
    )

    page = GuidancePage.objects.get()
    assert page.live
    assert page.school_levels == ["primary", "upper-secondary"]
    assert (page.resource_type, page.document_number, page.document_type, page.issuer, str(page.issued_on)) == (
        "legal-document",
        "2935/GDĐT-CTTT",
        "cong-van",
        "Sở Giáo dục và Đào tạo",
        "2024-09-05",
    )
    [file] = page.files.all()
    document = file.document
    assert document.title == "Tài liệu hướng dẫn"
    assert document.file_hash == hashlib.sha1(PDF).hexdigest()
    assert document.file.name == f"documents/{document.file_hash[:10]}/huong-dan.pdf"
    with document.open_file() as stored:
        assert stored.read() == PDF


def test_the_same_file_twice_is_one_document_and_reimport_adds_none(tmp_path):
    folder = bundle(
        tmp_path,
        resource_line(slug="mot"),
        resource_line(slug="hai", file="files/ban-sao.pdf"),
        files={"files/ban-sao.pdf": PDF},
    )
    run_import(folder)
    assert PortalDocument.objects.count() == 1
    counts = site_counts()

    run_import(folder)

    assert site_counts() == counts
    assert stored_names(default_storage) == [f"documents/{hashlib.sha1(PDF).hexdigest()[:10]}/huong-dan.pdf"]


def test_a_file_already_on_the_site_is_reused(tmp_path):
    existing = DocumentFactory(file__data=PDF)
    run_import(bundle(tmp_path, resource_line()))
    assert GuidancePage.objects.get().files.get().document == existing
    assert PortalDocument.objects.count() == 1


def test_a_new_file_replaces_the_first_file_and_keeps_the_others(tmp_path):
    folder = bundle(tmp_path, resource_line())
    run_import(folder)
    page = GuidancePage.objects.get()
    extra = DocumentFactory(title="Phụ lục")
    GuidanceFile.objects.create(page=page, document=extra, label="Phụ lục", sort_order=5)
    other = sample_files.pdf_bytes("Ban moi")
    write_bundle(folder, [json.dumps(resource_line(file="files/moi.pdf"))], files={"files/moi.pdf": other})

    run_import(folder)

    files = list(GuidancePage.objects.get().files.order_by("sort_order"))
    new_document = PortalDocument.objects.get(file_hash=hashlib.sha1(other).hexdigest())
    assert [file.document_id for file in files] == [new_document.pk, extra.pk]
    assert files[1].label == "Phụ lục"


@pytest.mark.parametrize(
    ("file", "message"),
    [
        ("files/khong-co.pdf", "line 1: file: “files/khong-co.pdf” not found in the bundle folder"),
        ("../huong-dan.pdf", "line 1: file: “../huong-dan.pdf” must be a relative path inside the bundle folder, "
         "without “..”"),
        ("files/../../x.pdf", "line 1: file: “files/../../x.pdf” must be a relative path inside the bundle folder, "
         "without “..”"),
        ("/etc/passwd", "line 1: file: “/etc/passwd” must be a relative path inside the bundle folder, without “..”"),
        ("C:/x.pdf", "line 1: file: “C:/x.pdf” must be a relative path inside the bundle folder, without “..”"),
        ("files\\huong-dan.pdf", "line 1: file: “files\\huong-dan.pdf” must be a relative path inside the bundle "
         "folder, without “..”"),
        ("", "line 1: file: “” must be a relative path inside the bundle folder, without “..”"),
        (3, "line 1: file: must be a string, not number"),
    ],
)  # fmt: skip
def test_file_paths_must_stay_inside_the_bundle(tmp_path, file, message):
    assert import_error(bundle(tmp_path, resource_line(file=file))) == message


def test_a_symlink_out_of_the_bundle_is_refused(tmp_path):
    outside = tmp_path / "outside.pdf"
    outside.write_bytes(PDF)
    folder = bundle(tmp_path, resource_line(file="files/link.pdf"))
    (folder / "files" / "link.pdf").symlink_to(outside)
    assert import_error(folder) == "line 1: file: “files/link.pdf” points outside the bundle folder"


def test_a_file_type_outside_the_format_is_refused(tmp_path):
    message = import_error(bundle(tmp_path, resource_line(file="files/x.exe"), files={"files/x.exe": b"MZ"}))
    assert message.startswith("line 1: file: “files/x.exe” refused: Files of type “.exe” are not accepted.")


def test_content_that_is_not_what_the_name_says_is_refused(tmp_path):
    folder = bundle(
        tmp_path, resource_line(file="files/gia.pdf"), files={"files/gia.pdf": sample_files.WINDOWS_EXECUTABLE}
    )
    before = site_counts()
    assert import_error(folder).startswith("line 1: file: “files/gia.pdf” refused: ")
    assert site_counts() == before
    assert stored_names(default_storage) == []


def test_a_file_over_the_size_cap_is_refused(tmp_path, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 10
    assert import_error(bundle(tmp_path, resource_line())).startswith("line 1: file: “files/huong-dan.pdf” refused: ")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"resource_type": "sach"}, "line 1: resource_type: unknown value “sach”; expected one of guide, "
         "legal-document, poster, slides, lesson-plan, form, other"),
        ({"school_levels": ["dai-hoc"]}, "line 1: school_levels: unknown value “dai-hoc”; expected one of preschool, "
         "primary, lower-secondary, upper-secondary"),
        ({"school_levels": "primary"}, "line 1: school_levels: must be a list, not string"),
        ({"document_type": "bao-cao"}, "line 1: document_type: unknown value “bao-cao”; expected one of cong-van, "
         "thong-tu, nghi-dinh, luat, quyet-dinh, ke-hoach, chi-thi, huong-dan, khac"),
        ({"issued_on": "2024-9-5"}, "line 1: issued_on: “2024-9-5” is not an ISO date (YYYY-MM-DD)"),
        ({"document_number": "x" * 81}, "line 1: document_number: may have at most 80 characters, not 81"),
    ],
)  # fmt: skip
def test_resource_keys_are_checked(tmp_path, extra, message):
    assert import_error(bundle(tmp_path, resource_line(**extra))) == message


def test_file_and_resource_type_are_required(tmp_path):
    line = resource_line()
    del line["file"]
    assert import_error(bundle(tmp_path, line)) == "line 1: file: is required"
    line = resource_line()
    del line["resource_type"]
    assert import_error(write_bundle(tmp_path / "two", [line], files={"files/huong-dan.pdf": PDF})) == (
        "line 1: resource_type: is required"
    )


def test_export_copies_the_file_and_writes_resource_keys(tmp_path):
    run_import(
        bundle(
            tmp_path,
            resource_line(issued_on="2024-09-05", document_type="ke-hoach", school_levels=["preschool"]),
        )
    )
    call_command("export_content", str(tmp_path / "out"), stdout=io.StringIO())

    [line] = [json.loads(text) for text in (tmp_path / "out" / "content.jsonl").read_text().splitlines()]
    assert line["file"] == "files/vi/tai-lieu/huong-dan.pdf"
    assert (line["resource_type"], line["document_type"], line["school_levels"], line["issued_on"]) == (
        "guide",
        "ke-hoach",
        ["preschool"],
        "2024-09-05",
    )
    assert (tmp_path / "out" / "files" / "vi" / "tai-lieu" / "huong-dan.pdf").read_bytes() == PDF
