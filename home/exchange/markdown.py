"""The bundle's Markdown subset, to StreamField blocks (`home.blocks.BodyBlock`) and back.

The subset: paragraphs, `##`/`###` headings, `-` bullet lists, `1.` numbered
lists, `**bold**`, `*italic*`, `[text](url)` and backslash escapes of ASCII
punctuation (`\\*`). Lines of a paragraph are joined with a space; a blank
line ends a paragraph or a list.

Import: each paragraph becomes a `paragraph` block (`<p>…</p>`), each list a
`paragraph` block holding `<ul>`/`<ol>`, each heading a `heading` block.
All text is HTML-escaped: raw HTML never passes through. Only http(s),
mailto and relative links are accepted.

Emphasis is read as toggles: `**` switches bold, `*` italic, `***` both;
a marker left open at the end of a paragraph is kept as literal text.

Export writes the normal form of what import reads, so exporting, importing
and exporting again gives the same text. Blocks the subset cannot express
(images, quotes, callouts, hotlines, document links) are left out and
reported to the caller.
"""

import re
import string
from dataclasses import dataclass, field, replace
from html import escape
from html.parser import HTMLParser
from itertools import groupby
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from home.blocks import BodyBlock
from home.exchange.errors import MarkdownError

HEADING_RE = re.compile(r" {0,3}(#+)(?:[ \t]+(.*?))?[ \t]*")
BULLET_RE = re.compile(r" {0,3}-(?:[ \t]+(.*))?")
ORDERED_RE = re.compile(r" {0,3}(\d{1,9})\.(?:[ \t]+(.*))?")
ASCII_SPACES_RE = re.compile(r"[ \t\n\r\f\v]+")
HEADING_LEVELS = {2: "h2", 3: "h3"}
PUNCTUATION = frozenset(string.punctuation)
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
TEXT_SPECIALS = {"\\": "\\\\", "*": "\\*", "[": "\\[", "]": "\\]"}
URL_SPECIALS = {" ": "%20", "(": "%28", ")": "%29"}
BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "div"})


def heading_max_length():
    return BodyBlock().child_blocks["heading"].child_blocks["text"].field.max_length


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting: the common ground of HTML and Markdown."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None

    @property
    def style(self):
        return (self.bold, self.italic, self.href)


# --- links ---------------------------------------------------------------------------


def link_problem(url):
    """Why `url` may not be a link target, or None when it may."""
    if not url:
        return _("a link needs an address")
    if any(char.isspace() or ord(char) < 32 or ord(char) == 127 or char == "\\" for char in url):
        return _("the link address “%(url)s” contains spaces, control characters or backslashes") % {"url": url}
    parts = urlsplit(url)
    if parts.scheme:
        if parts.scheme.lower() not in LINK_SCHEMES:
            return _("the link “%(url)s” is not allowed: only http(s), mailto and relative links are accepted") % {
                "url": url
            }
        if parts.scheme.lower() in {"http", "https"} and not parts.netloc:
            return _("the link “%(url)s” has no host") % {"url": url}
    elif url.startswith("//"):
        return _("the link “%(url)s” is not allowed: only http(s), mailto and relative links are accepted") % {
            "url": url
        }
    return None


# --- runs ------------------------------------------------------------------------------


def normalize_runs(runs):
    """Collapse ASCII whitespace, merge equal neighbours, strip both ends.

    Formatting on whitespace alone is dropped. Import and export both pass
    through here, which is what makes export a fixed point.
    """
    normal = []
    for run in runs:
        text = ASCII_SPACES_RE.sub(" ", run.text)
        if normal and normal[-1].text.endswith(" ") and text.startswith(" "):
            text = text[1:]
        if not text:
            continue
        run = replace(run, text=text)
        if not text.strip(" "):
            run = Run(text=text)
        if normal and normal[-1].style == run.style:
            normal[-1] = replace(normal[-1], text=normal[-1].text + run.text)
        else:
            normal.append(run)
    while normal and not normal[0].text.lstrip(" "):
        normal.pop(0)
    if normal:
        normal[0] = replace(normal[0], text=normal[0].text.lstrip(" "))
    while normal and not normal[-1].text.rstrip(" "):
        normal.pop()
    if normal:
        normal[-1] = replace(normal[-1], text=normal[-1].text.rstrip(" "))
    return normal


def runs_to_html(runs):
    parts = []
    for href, linked in groupby(runs, key=lambda run: run.href):
        inner = _styled_html(list(linked))
        parts.append(f'<a href="{escape(href, quote=True)}">{inner}</a>' if href else inner)
    return "".join(parts)


def _styled_html(runs):
    parts = []
    for bold, bold_runs in groupby(runs, key=lambda run: run.bold):
        inner = []
        for italic, italic_runs in groupby(bold_runs, key=lambda run: run.italic):
            text = "".join(escape(run.text, quote=False) for run in italic_runs)
            inner.append(f"<i>{text}</i>" if italic else text)
        joined = "".join(inner)
        parts.append(f"<b>{joined}</b>" if bold else joined)
    return "".join(parts)


def escape_text(text):
    return "".join(TEXT_SPECIALS.get(char, char) for char in text)


def escape_url(url):
    return "".join(URL_SPECIALS.get(char, char) for char in url)


def runs_to_markdown(runs):
    out = []
    bold = italic = False
    href = None

    def toggle(to_bold, to_italic):
        nonlocal bold, italic
        stars = "*" * ((2 if to_bold != bold else 0) + (1 if to_italic != italic else 0))
        bold, italic = to_bold, to_italic
        if stars:
            out.append(stars)

    for run in runs:
        if run.href != href:
            toggle(False, False)
            if href:
                out.append(f"]({escape_url(href)})")
            if run.href:
                out.append("[")
            href = run.href
        toggle(run.bold, run.italic)
        out.append(escape_text(run.text))
    toggle(False, False)
    if href:
        out.append(f"]({escape_url(href)})")
    return "".join(out)


# --- inline Markdown -> runs ----------------------------------------------------------


@dataclass
class _Stars:
    bold: bool
    italic: bool
    literal: str = ""


@dataclass(frozen=True)
class _LinkOpen:
    href: str


class _LinkClose:
    pass


def _unescape(text):
    out = []
    index = 0
    while index < len(text):
        if text[index] == "\\" and index + 1 < len(text) and text[index + 1] in PUNCTUATION:
            out.append(text[index + 1])
            index += 2
        else:
            out.append(text[index])
            index += 1
    return "".join(out)


def _closing_parenthesis(text, start):
    """Index of the `)` ending a link address that starts at `start`; balanced pairs may nest."""
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            if depth == 0:
                return index
            depth -= 1
    return None


def _find_link(text, start):
    """For `[` at `start`: (index of `]`, href, index after `)`), or None if no link starts here."""
    index = start + 1
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and text[index + 1] in PUNCTUATION:
            index += 2
            continue
        if char == "[":
            return None
        if char == "]":
            break
        index += 1
    else:
        return None
    close = index
    if not text.startswith("(", close + 1):
        return None
    end = _closing_parenthesis(text, close + 2)
    if end is None:
        return None
    href = text[close + 2 : end]
    label = text[start + 1 : close]
    if not _unescape(label).strip():
        raise MarkdownError(_("the link to “%(url)s” has no text") % {"url": href})
    problem = link_problem(href)
    if problem:
        raise MarkdownError(problem)
    return close, href, end + 1


def _tokenize(text):
    tokens = []
    buffer = []
    link_close = link_end = None
    index = 0

    def flush():
        if buffer:
            tokens.append("".join(buffer))
            buffer.clear()

    while index < len(text):
        char = text[index]
        if link_close is not None and index == link_close:
            flush()
            tokens.append(_LinkClose())
            index, link_close = link_end, None
            continue
        if char == "\\" and index + 1 < len(text) and text[index + 1] in PUNCTUATION:
            buffer.append(text[index + 1])
            index += 2
            continue
        if char == "*":
            end = index
            while end < len(text) and text[end] == "*":
                end += 1
            count = end - index
            if count <= 3:
                flush()
                tokens.append(_Stars(bold=count >= 2, italic=count != 2))
            else:
                buffer.append(text[index:end])
            index = end
            continue
        if char == "[" and link_close is None:
            link = _find_link(text, index)
            if link:
                flush()
                link_close, href, link_end = link
                tokens.append(_LinkOpen(href))
                index += 1
                continue
        buffer.append(char)
        index += 1
    flush()
    return tokens


def _balance(tokens):
    """Keep an emphasis marker that is never closed as literal text."""
    open_bold = open_italic = None
    for token in tokens:
        if isinstance(token, _Stars):
            if token.bold:
                open_bold = token if open_bold is None else None
            if token.italic:
                open_italic = token if open_italic is None else None
    if open_bold is not None:
        open_bold.bold = False
        open_bold.literal += "**"
    if open_italic is not None:
        open_italic.italic = False
        open_italic.literal += "*"


def parse_inline(text):
    """Inline Markdown to normalized runs. Raises MarkdownError on a bad link."""
    tokens = _tokenize(text)
    _balance(tokens)
    runs = []
    bold = italic = False
    href = None
    for token in tokens:
        if isinstance(token, str):
            runs.append(Run(token, bold, italic, href))
        elif isinstance(token, _Stars):
            if token.literal:
                runs.append(Run(token.literal, bold, italic, href))
            bold ^= token.bold
            italic ^= token.italic
        elif isinstance(token, _LinkOpen):
            href = token.href
        else:
            href = None
    return normalize_runs(runs)


# --- Markdown -> blocks --------------------------------------------------------------


@dataclass
class _Pending:
    kind: str  # "p", "ul" or "ol"
    first_line: int
    parts: list = field(default_factory=list)


def _inline_or_error(text, line):
    try:
        return parse_inline(text)
    except MarkdownError as error:
        raise MarkdownError(_("text line %(line)s: %(reason)s") % {"line": line, "reason": error}) from error


def _finish(pending, blocks):
    if pending is None:
        return
    if pending.kind == "p":
        runs = _inline_or_error(" ".join(pending.parts), pending.first_line)
        if runs:
            blocks.append({"type": "paragraph", "value": f"<p>{runs_to_html(runs)}</p>"})
        return
    items = []
    for line, text in pending.parts:
        runs = _inline_or_error(text, line)
        if runs:
            items.append(f"<li>{runs_to_html(runs)}</li>")
    if items:
        blocks.append({"type": "paragraph", "value": f"<{pending.kind}>{''.join(items)}</{pending.kind}>"})


def _heading_block(match, line):
    level = HEADING_LEVELS.get(len(match.group(1)))
    if level is None:
        raise MarkdownError(
            _("text line %(line)s: only ## and ### headings are supported, not “%(marker)s”")
            % {"line": line, "marker": match.group(1)}
        )
    text = ASCII_SPACES_RE.sub(" ", _unescape(match.group(2) or "")).strip(" ")
    if not text:
        raise MarkdownError(_("text line %(line)s: the heading is empty") % {"line": line})
    limit = heading_max_length()
    if len(text) > limit:
        raise MarkdownError(
            _("text line %(line)s: a heading may have at most %(limit)s characters") % {"line": line, "limit": limit}
        )
    return {"type": "heading", "value": {"text": text, "level": level}}


def markdown_to_blocks(text):
    """Markdown subset to raw StreamField data: a list of {"type", "value"} dicts."""
    blocks = []
    pending = None
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        if not line.strip(" \t"):
            _finish(pending, blocks)
            pending = None
            continue
        heading = HEADING_RE.fullmatch(line)
        if heading:
            _finish(pending, blocks)
            pending = None
            blocks.append(_heading_block(heading, number))
            continue
        bullet = BULLET_RE.fullmatch(line)
        ordered = None if bullet else ORDERED_RE.fullmatch(line)
        if bullet or ordered:
            kind = "ul" if bullet else "ol"
            if pending is None or pending.kind != kind:
                _finish(pending, blocks)
                pending = _Pending(kind=kind, first_line=number)
            pending.parts.append((number, (bullet.group(1) if bullet else ordered.group(2)) or ""))
            continue
        if pending is not None and pending.kind != "p":
            item_line, item_text = pending.parts[-1]
            pending.parts[-1] = (item_line, item_text + " " + line.strip(" \t"))
            continue
        if pending is None:
            pending = _Pending(kind="p", first_line=number)
        pending.parts.append(line.strip(" \t"))
    _finish(pending, blocks)
    return blocks


# --- blocks -> Markdown --------------------------------------------------------------


def default_link_resolver(linktype, attrs):
    """The URL of an internal rich-text link (`<a linktype="page" id="3">`), or None."""
    from wagtail.rich_text import features

    try:
        opening_tag = features.get_link_types()[linktype].expand_db_attributes(attrs)
    except Exception:
        return None
    match = re.search(r'href="([^"]*)"', opening_tag or "")
    if not match:
        return None
    from html import unescape

    return unescape(match.group(1)) or None


class _RichTextReader(HTMLParser):
    """Reads Wagtail's rich-text storage format into paragraphs and lists of runs."""

    def __init__(self, *, link_resolver):
        super().__init__(convert_charrefs=True)
        self.link_resolver = link_resolver
        self.blocks = []  # ["p", runs] or ["ul"/"ol", [runs, ...]]
        self.current = None  # the runs receiving text
        self.list_depth = 0
        self.bold = self.italic = 0
        self.hrefs = []
        self.dropped_links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in BLOCK_TAGS and not self.list_depth:
            self.current = []
            self.blocks.append(["p", self.current])
        elif tag in {"ul", "ol"}:
            if not self.list_depth:
                self.blocks.append([tag, []])
            self.list_depth += 1
            self.current = None
        elif tag == "li" and self.list_depth:
            self.current = []
            self.blocks[-1][1].append(self.current)
        elif tag in {"b", "strong"}:
            self.bold += 1
        elif tag in {"i", "em"}:
            self.italic += 1
        elif tag == "a":
            self.hrefs.append(self._href(attrs))
        elif tag == "br":
            self.handle_data(" ")

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS and not self.list_depth:
            self.current = None
        elif tag in {"ul", "ol"} and self.list_depth:
            self.list_depth -= 1
            self.current = None
        elif tag == "li":
            self.current = None
        elif tag in {"b", "strong"}:
            self.bold = max(0, self.bold - 1)
        elif tag in {"i", "em"}:
            self.italic = max(0, self.italic - 1)
        elif tag == "a" and self.hrefs:
            self.hrefs.pop()

    def handle_data(self, data):
        if self.current is None:
            if not data.strip():
                return
            self.current = []
            if self.list_depth:
                self.blocks[-1][1].append(self.current)
            else:
                self.blocks.append(["p", self.current])
        href = next((href for href in reversed(self.hrefs) if href), None)
        self.current.append(Run(data, self.bold > 0, self.italic > 0, href))

    def _href(self, attrs):
        url = self.link_resolver(attrs["linktype"], attrs) if "linktype" in attrs else attrs.get("href")
        if url is None:
            return None
        url = escape_url(url)
        if link_problem(url):
            self.dropped_links.append(url)
            return None
        return url


def _escape_block_start(markdown):
    """Keep a paragraph that starts like a heading or a list item a paragraph."""
    ordered = ORDERED_RE.fullmatch(markdown)
    if ordered:
        number = ordered.group(1)
        return f"{number}\\{markdown[len(number) :]}"
    if HEADING_RE.fullmatch(markdown) or BULLET_RE.fullmatch(markdown):
        return f"\\{markdown}"
    return markdown


def rich_text_to_markdown(html, *, link_resolver=default_link_resolver):
    """(list of Markdown chunks, dropped link URLs) for one rich-text value."""
    reader = _RichTextReader(link_resolver=link_resolver)
    reader.feed(html)
    reader.close()
    chunks = []
    for kind, content in reader.blocks:
        if kind == "p":
            runs = normalize_runs(content)
            if runs:
                chunks.append(_escape_block_start(runs_to_markdown(runs)))
            continue
        items = [runs_to_markdown(runs) for runs in (normalize_runs(item) for item in content) if runs]
        if items:
            markers = ["-"] * len(items) if kind == "ul" else [f"{n}." for n in range(1, len(items) + 1)]
            chunks.append("\n".join(f"{marker} {item}" for marker, item in zip(markers, items, strict=True)))
    return chunks, reader.dropped_links


def heading_to_markdown(value):
    text = ASCII_SPACES_RE.sub(" ", str(value.get("text") or "")).strip(" ")
    if not text:
        return None
    marker = "###" if value.get("level") == "h3" else "##"
    return marker + " " + text.replace("\\", "\\\\")


@dataclass
class ExportedBody:
    markdown: str
    skipped_blocks: list = field(default_factory=list)
    dropped_links: list = field(default_factory=list)


def blocks_to_markdown(raw_blocks, *, link_resolver=default_link_resolver):
    """Raw StreamField data (list of {"type", "value"}) to the Markdown subset."""
    exported = ExportedBody(markdown="")
    chunks = []
    for block in raw_blocks:
        block_type, value = block["type"], block["value"]
        if block_type == "paragraph":
            paragraph_chunks, dropped = rich_text_to_markdown(value or "", link_resolver=link_resolver)
            chunks.extend(paragraph_chunks)
            exported.dropped_links.extend(dropped)
        elif block_type == "heading":
            heading = heading_to_markdown(value or {})
            if heading:
                chunks.append(heading)
        else:
            exported.skipped_blocks.append(block_type)
    exported.markdown = "\n\n".join(chunks)
    return exported
