"""A case's thread as a PDF, for counsellors who must keep it beyond the retention period.

The DejaVu fonts are committed beside this module (`fonts/`, with their
licence) because the built-in PDF fonts cannot draw Vietnamese and a server
may have no system fonts at all.
"""

import re
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from home.mailbox.counselling import format_local_datetime

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
FONT_FAMILY = "DejaVuSans"
# Control characters other than tab and newline have no glyph and upset PDF viewers.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def render_case_pdf(thread):
    """The PDF bytes of `thread` (a `home.mailbox.counselling.CaseThread`)."""
    pdf = FPDF(format="A4")
    pdf.set_title(_("Case %(code)s") % {"code": thread.code})
    pdf.set_creator(_("Student help mailbox"))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_font(FONT_FAMILY, "", str(FONTS_DIR / "DejaVuSans.ttf"))
    pdf.add_font(FONT_FAMILY, "B", str(FONTS_DIR / "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    _write_header(pdf, thread)
    for message in thread.messages:
        _write_message(pdf, message)
    return bytes(pdf.output())


def _write_header(pdf, thread):
    pdf.set_font(FONT_FAMILY, "B", 15)
    _line(pdf, _("Case %(code)s") % {"code": thread.code}, height=9)
    pdf.set_font(FONT_FAMILY, "", 10)
    for label, value in thread.summary():
        _line(pdf, f"{label}: {value}", height=6)
    _line(pdf, _("Exported on %(date)s") % {"date": format_local_datetime(timezone.now())}, height=6)
    pdf.ln(4)


def _write_message(pdf, message):
    pdf.set_font(FONT_FAMILY, "B", 11)
    _line(pdf, f"{message.author_label} — {message.created_label}", height=7)
    pdf.set_font(FONT_FAMILY, "", 11)
    _line(pdf, message.text, height=6)
    pdf.ln(4)


def _line(pdf, text, *, height):
    pdf.multi_cell(0, height, _printable(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _printable(text):
    return CONTROL_CHARACTERS.sub("", str(text)).replace("\t", "    ")
