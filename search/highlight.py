"""HTML-safe snippets with the query's words in `<mark>`, found accent-insensitively.

The only markup in the output is `<mark>`; everything else is escaped.
"""

import re
from collections import Counter

from django.utils.html import escape

from search.text import I_OR_Y_SYLLABLE_RE, fold_aligned, normalize

SNIPPET_CHARS = 240
LEAD_CHARS = 40
MAX_MATCHES = 200
# Marks of neighbouring words merge across such gaps: "<mark>phòng, chống ma túy</mark>".
JOINABLE_GAP_RE = re.compile(r"[\W_]{1,3}")


def terms_pattern(terms):
    """A regex finding any of the folded `terms` as whole words in folded text, or None."""
    terms = sorted({term for term in terms if term}, key=len, reverse=True)
    if not terms:
        return None
    alternatives = "|".join(_term_regex(term) for term in terms)
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])")


def _term_regex(term):
    """`li` also finds `ly`: folded tokens spell those syllables with `i` (see `text.fold_tokens`)."""
    if I_OR_Y_SYLLABLE_RE.fullmatch(term):
        return re.escape(term[:-1]) + "[iy]"
    return re.escape(term)


def highlight(*, text, terms, length=SNIPPET_CHARS, normalized=False):
    """A snippet of `text` around the densest group of `terms` (folded tokens), marked.

    Without any match, the beginning of `text`, escaped. `normalized=True`
    skips `normalize()` for text stored normalised (search entries).
    """
    text = text if normalized else normalize(text)
    pattern = terms_pattern(terms)
    spans = []
    if pattern is not None:
        folded = fold_aligned(text)
        for index, match in enumerate(pattern.finditer(folded)):
            if index >= MAX_MATCHES:
                break
            spans.append((match.start(), match.end(), match.group(0)))
    if not spans:
        return escape(_shorten(text, 0, length)[0])
    start = _window_start(text, spans, length)
    _snippet, end = _shorten(text, start, length)
    visible = [(s, e) for s, e, _term in spans if s >= start and e <= end]
    return _render(text, start, end, _merge(text, visible))


def _window_start(text, spans, length):
    """Start a little before the match whose window holds the most distinct terms."""
    best_start, best_count = spans[0][0], 0
    in_window = Counter()
    right = 0
    for start, _end, term in spans:  # sliding window: each span enters and leaves once
        while right < len(spans) and spans[right][0] < start + length - LEAD_CHARS:
            in_window[spans[right][2]] += 1
            right += 1
        if len(in_window) > best_count:
            best_start, best_count = start, len(in_window)
        in_window[term] -= 1
        if not in_window[term]:
            del in_window[term]
    start = max(0, best_start - LEAD_CHARS)
    if start > 0:
        space = text.find(" ", start, best_start)
        start = space + 1 if space != -1 else best_start
    return start


def _shorten(text, start, length):
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start + length // 2, end)
        if space != -1:
            end = space
    return text[start:end], end


def _merge(text, spans):
    merged = []
    for start, end in spans:
        if merged and JOINABLE_GAP_RE.fullmatch(text[merged[-1][1] : start]):
            merged[-1] = (merged[-1][0], end)
        elif not merged or start >= merged[-1][1]:
            merged.append((start, end))
    return merged


def _render(text, start, end, spans):
    parts = ["… " if start > 0 else ""]
    position = start
    for span_start, span_end in spans:
        parts.append(escape(text[position:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    parts.append(escape(text[position:end]))
    parts.append(" …" if end < len(text) else "")
    return "".join(parts).strip()
