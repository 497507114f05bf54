"""Small, real files of every accepted type (and some hostile ones), built in memory."""

import io
import zipfile

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def pdf_bytes(text="Phong chong ma tuy trong truong hoc"):
    """A minimal valid one-page PDF showing `text` (ASCII) in Helvetica."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    output = io.BytesIO()
    output.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(output.tell())
        output.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref_at = output.tell()
    output.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        output.write(b"%010d 00000 n \n" % offset)
    output.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref_at))
    return output.getvalue()


def encrypted_pdf_bytes(text="Tai lieu mat", password="mat-khau"):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(text))))
    writer.encrypt(user_password=password, owner_password=password, algorithm="RC4-128")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def docx_bytes(text="Hướng dẫn phòng chống bạo lực học đường", table_text=None):
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    if table_text:
        document.add_table(rows=1, cols=1).cell(0, 0).text = table_text
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def pptx_bytes(title="Bài giảng an toàn giao thông", body="Đội mũ bảo hiểm khi đi xe máy"):
    import pptx

    presentation = pptx.Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[1])
    slide.shapes.title.text = title
    slide.placeholders[1].text = body
    output = io.BytesIO()
    presentation.save(output)
    return output.getvalue()


def zip_bytes(members):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return output.getvalue()


def ooxml_without_main_part():
    return zip_bytes({"[Content_Types].xml": "<Types/>", "docProps/core.xml": "<core/>"})


def docx_with_macros():
    return zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>", "word/vbaProject.bin": "x"})


def odf_bytes(mimetype="application/vnd.oasis.opendocument.text"):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>", compress_type=zipfile.ZIP_DEFLATED)
    return output.getvalue()


def ole2_bytes():
    return OLE2_SIGNATURE + bytes(504)


def image_bytes(image_format):
    from PIL import Image

    output = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(output, format=image_format)
    return output.getvalue()


def mp3_bytes(with_id3=True):
    frame = b"\xff\xfb\x90\x64" + bytes(413)
    return (b"ID3\x04\x00\x00\x00\x00\x00\x00" if with_id3 else b"") + frame


def mp4_bytes():
    return b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00\x00\x00\x08free"


def txt_bytes(text="Đường dây nóng 111: tổng đài quốc gia bảo vệ trẻ em."):
    return text.encode("utf-8")


WINDOWS_EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00" + bytes(120) + b"This program cannot be run in DOS mode."
ELF_EXECUTABLE = b"\x7fELF\x02\x01\x01\x00" + bytes(56)
MACH_O_EXECUTABLE = b"\xcf\xfa\xed\xfe\x07\x00\x00\x01" + bytes(24)
SHELL_SCRIPT = b"#!/bin/sh\nrm -rf /\n"
HTML_PAGE = b"<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script></body></html>"
HTML_FRAGMENT = b"  \n<script src='https://evil.example/x.js'></script>"
SVG_IMAGE = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'
