"""Checks and helpers for uploaded files (documents).

`check_upload` is the single gate every file passes through, from the admin
form and from `import_content`. It raises `ValidationError` with a message
an editor can act on. It looks at the bytes, not only at the name: a file
must really be what its extension says, and anything executable or that a
browser would run (HTML, SVG, scripts) is refused whatever its name.

`extract_text` turns a file into plain text for search. It never raises:
a broken or encrypted file gives "" and a logged warning.
"""

import io
import logging
import zipfile
import zlib
from pathlib import Path

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import F
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.utils.file import hash_filelike

logger = logging.getLogger(__name__)

EXTRACTED_TEXT_MAX_CHARS = 200_000
# Bytes inspected for tell-tale markup or a script header.
SNIFF_WINDOW = 1024
# A zip whose members claim to unpack to more than this is refused (zip bomb).
MAX_UNZIPPED_SIZE = 1024 * 1024 * 1024

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
EXECUTABLE_SIGNATURES = (
    b"MZ",  # Windows PE / DOS
    b"\x7fELF",  # Linux and most Unixes
    b"\xfe\xed\xfa\xce",  # Mach-O 32-bit
    b"\xfe\xed\xfa\xcf",  # Mach-O 64-bit
    b"\xce\xfa\xed\xfe",  # Mach-O 32-bit, little-endian
    b"\xcf\xfa\xed\xfe",  # Mach-O 64-bit, little-endian
    b"\xca\xfe\xba\xbe",  # Mach-O universal binary (and Java class files)
    b"#!",  # shell, Python, Perl… scripts
)
ACTIVE_MARKUP = (b"<html", b"<!doctype html", b"<script", b"<svg", b"<?xml-stylesheet")
OOXML_PART_PREFIX = {"docx": "word/", "pptx": "ppt/", "xlsx": "xl/"}
ODF_MIMETYPE = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}


def allowed_extensions():
    return [ext.lower() for ext in settings.WAGTAILDOCS_EXTENSIONS]


def extension_of(name):
    return Path(name).suffix.lower().lstrip(".")


def max_upload_size():
    return settings.WAGTAILDOCS_MAX_UPLOAD_SIZE


# --- Upload gate -----------------------------------------------------------


def check_upload(*, name, data):
    """Refuse a file whose extension, size or content is not acceptable.

    `data` is the file's bytes. Raises `ValidationError`; returns None.
    """
    extension = extension_of(name)
    if extension not in allowed_extensions():
        raise ValidationError(
            _("Files of type “.%(ext)s” are not accepted. Allowed: %(allowed)s."),
            code="extension",
            params={"ext": extension, "allowed": ", ".join(allowed_extensions())},
        )
    limit = max_upload_size()
    if limit is not None and len(data) > limit:
        raise ValidationError(
            _("The file is too large (%(size)s). The maximum is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(len(data)), "limit": filesizeformat(limit)},
        )
    if not data:
        raise ValidationError(_("The file is empty."), code="empty")
    refuse_dangerous_content(data)
    CONTENT_CHECKS.get(extension, check_unknown)(data, extension)


def refuse_dangerous_content(data):
    """Refuse programs and anything a browser would render or run, whatever the name."""
    if data.startswith(EXECUTABLE_SIGNATURES):
        raise ValidationError(
            _("This file is a program or a script. Programs cannot be published as documents."),
            code="executable",
        )
    if looks_like_markup(data):
        raise ValidationError(
            _("This file contains a web page, an SVG image or a script, which cannot be published as a document."),
            code="active_content",
        )


def looks_like_markup(data):
    # Dropping NUL bytes also reveals UTF-16 encoded markup.
    head = data[: SNIFF_WINDOW * 2].replace(b"\x00", b"")[:SNIFF_WINDOW].lower()
    return any(marker in head for marker in ACTIVE_MARKUP)


def content_mismatch(extension):
    return ValidationError(
        _("The file's content does not match its “.%(ext)s” extension. It may be damaged or renamed."),
        code="content_mismatch",
        params={"ext": extension},
    )


def check_pdf(data, extension):
    if b"%PDF-" not in data[:SNIFF_WINDOW]:
        raise content_mismatch(extension)


def check_ole2(data, extension):
    if not data.startswith(OLE2_SIGNATURE):
        raise content_mismatch(extension)


def check_png(data, extension):
    if filetype.guess_extension(data) != "png":
        raise content_mismatch(extension)


def check_jpg(data, extension):
    if filetype.guess_extension(data) != "jpg":
        raise content_mismatch(extension)


def check_mp3(data, extension):
    if data.startswith(b"ID3") or is_mpeg_audio_frame(data):
        return
    raise content_mismatch(extension)


def is_mpeg_audio_frame(data):
    """An MPEG audio frame header: 11 sync bits, a valid version and layer."""
    if len(data) < 4 or data[0] != 0xFF or data[1] & 0xE0 != 0xE0:
        return False
    version_bits = (data[1] >> 3) & 0b11
    layer_bits = (data[1] >> 1) & 0b11
    bitrate_bits = data[2] >> 4
    return version_bits != 0b01 and layer_bits != 0b00 and bitrate_bits != 0b1111


def check_mp4(data, extension):
    # ISO base media file: the first box is `ftyp`.
    if len(data) < 12 or data[4:8] != b"ftyp":
        raise content_mismatch(extension)


def check_txt(data, extension):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _("A “.txt” file must be plain text encoded in UTF-8."),
            code="text_encoding",
        ) from error
    if "\x00" in text:
        raise content_mismatch(extension)


def open_zip(data, extension):
    """Open `data` as a zip archive and check its members' checksums, or refuse it."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
        if sum(member.file_size for member in members) > MAX_UNZIPPED_SIZE:
            raise ValidationError(_("This archive unpacks to an unreasonable size and is refused."), code="zip_bomb")
        if archive.testzip() is not None:
            raise zipfile.BadZipFile("CRC mismatch")
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError, NotImplementedError) as error:
        raise ValidationError(
            _("The file is damaged: its “.%(ext)s” archive structure cannot be read."),
            code="corrupt_archive",
            params={"ext": extension},
        ) from error
    return archive


def check_ooxml(data, extension):
    if not data.startswith(b"PK"):
        raise content_mismatch(extension)
    archive = open_zip(data, extension)
    names = archive.namelist()
    prefix = OOXML_PART_PREFIX[extension]
    if "[Content_Types].xml" not in names or not any(name.startswith(prefix) for name in names):
        raise content_mismatch(extension)
    if any(Path(name).name.lower() == "vbaproject.bin" for name in names):
        raise ValidationError(
            _("Documents containing macros are not accepted. Save the file without macros and try again."),
            code="macros",
        )


def check_odf(data, extension):
    if not data.startswith(b"PK"):
        raise content_mismatch(extension)
    archive = open_zip(data, extension)
    if "mimetype" not in archive.namelist() or archive.read("mimetype").strip() != ODF_MIMETYPE[extension]:
        raise content_mismatch(extension)


def check_unknown(data, extension):
    """An extension allowed by settings but unknown here: refuse rather than trust the name."""
    raise ValidationError(
        _("Files of type “.%(ext)s” cannot be verified and are not accepted."),
        code="unverifiable",
        params={"ext": extension},
    )


CONTENT_CHECKS = {
    "pdf": check_pdf,
    "doc": check_ole2,
    "ppt": check_ole2,
    "docx": check_ooxml,
    "pptx": check_ooxml,
    "xlsx": check_ooxml,
    "odt": check_odf,
    "odp": check_odf,
    "png": check_png,
    "jpg": check_jpg,
    "mp3": check_mp3,
    "mp4": check_mp4,
    "txt": check_txt,
}


# --- Text extraction -------------------------------------------------------


def extract_text(*, name, data):
    """The plain text of a PDF, DOCX, PPTX or TXT file, at most EXTRACTED_TEXT_MAX_CHARS.

    Other types give "". Never raises: a broken or encrypted file gives ""
    and a warning in the log.
    """
    extractor = TEXT_EXTRACTORS.get(extension_of(name))
    if extractor is None:
        return ""
    try:
        text = extractor(data)
    except Exception as error:  # parsers raise anything on hostile input
        logger.warning("Could not extract text from %s: %s", name, error)
        return ""
    return normalise_text(text)[:EXTRACTED_TEXT_MAX_CHARS]


def normalise_text(text):
    lines = (" ".join(line.split()) for line in text.replace("\x00", "").splitlines())
    return "\n".join(line for line in lines if line)


class EncryptedFileError(Exception):
    pass


def pdf_text(data):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    # A PDF that only restricts editing opens with the empty password.
    if reader.is_encrypted and not reader.decrypt(""):
        raise EncryptedFileError("the PDF is password-protected")
    return join_capped(page.extract_text() or "" for page in reader.pages)


def docx_text(data):
    import docx

    document = docx.Document(io.BytesIO(data))
    paragraphs = (paragraph.text for paragraph in document.paragraphs)
    cells = (cell.text for table in document.tables for row in table.rows for cell in row.cells)
    return join_capped(_chain(paragraphs, cells))


def pptx_text(data):
    import pptx

    presentation = pptx.Presentation(io.BytesIO(data))
    return join_capped(_slide_texts(presentation))


def _slide_texts(presentation):
    for slide in presentation.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                yield shape.text_frame.text
            if getattr(shape, "has_table", False) and shape.has_table:
                for row in shape.table.rows:
                    for cell in row.cells:
                        yield cell.text
        if slide.has_notes_slide:
            yield slide.notes_slide.notes_text_frame.text


def txt_text(data):
    return data.decode("utf-8-sig", errors="replace")


def _chain(*iterables):
    for iterable in iterables:
        yield from iterable


def join_capped(pieces):
    """Join text pieces with newlines, stopping once the cap is reached."""
    collected, length = [], 0
    for piece in pieces:
        collected.append(piece)
        length += len(piece) + 1
        if length >= EXTRACTED_TEXT_MAX_CHARS:
            break
    return "\n".join(collected)


TEXT_EXTRACTORS = {"pdf": pdf_text, "docx": docx_text, "pptx": pptx_text, "txt": txt_text}


# --- Stored documents ------------------------------------------------------


def read_document_bytes(document):
    with document.open_file() as file:
        data = file.read()
        file.seek(0)
    return data


def refresh_file_metadata(*, document):
    """Fill the document's size, hash and search text from its file (not saved here).

    Wagtail's admin sets size and hash itself; imports and factories rely on this.
    """
    try:
        data = read_document_bytes(document)
    except Exception as error:  # a missing file must not block saving the document
        logger.warning("Could not read document file %s: %s", document.file.name, error)
        document.extracted_text = ""
        return
    document.file_size = len(data)
    document.file_hash = hash_filelike(io.BytesIO(data))
    document.extracted_text = extract_text(name=document.file.name, data=data)


def record_download(*, document):
    """Add one to the document's counter with a single atomic UPDATE; no personal data is kept."""
    type(document).objects.filter(pk=document.pk).update(download_count=F("download_count") + 1)


def most_downloaded(*, documents, limit=10):
    return documents.filter(download_count__gt=0).order_by("-download_count", "title")[:limit]
