"""Vietnamese text normalisation shared by indexing and querying.

Readers type with or without diacritics, in NFC or NFD (macOS, some Android
keyboards), with the tone mark of `oa`/`oe`/`uy` placed either way
(`hoà`/`hòa`, `thuỷ`/`thủy`). Everything indexed or searched passes through
these functions so both sides agree:

- `normalize`: NFC, one tone placement, no control/format characters;
- `fold`: `normalize`, then no marks at all and `đ` → `d`, lower case;
- `tokenize` / `folded_tokens`: lower-case word tokens (letters and digits);
- `document_number_terms`: the searchable forms of `2935/GDĐT-CTTT`.

Pure Python, no database.
"""

import re
import unicodedata

TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
WORD_RE = re.compile(r"[^\W_]+")
# A syllable whose whole vowel nucleus is oa/oe/uy with no final consonant:
# the only place where the two tone placements differ. `qu` is a consonant,
# so `quý` is not such a syllable (and is left alone).
OLD_STYLE_SYLLABLE_RE = re.compile(r"(ngh|ch|gh|gi|kh|ng|nh|ph|th|tr|[bcdđghklmnprstvx])?(oa|oe|uy)")
# Folded syllables where `i` and `y` are interchangeable spellings.
I_OR_Y_SYLLABLE_RE = re.compile(r"(?:ch|gh|kh|ng|nh|ph|qu|th|tr|[bcdghklmnprstvx])[iy]")
_O, _A, _E = "oòóỏõọOÒÓỎÕỌ", "aàáảãạAÀÁẢÃẠ", "eèéẻẽẹEÈÉẺẼẸ"
_U, _Y = "uùúủũụUÙÚỦŨỤ", "yỳýỷỹỵYỲÝỶỸỴ"
# oa/oe/uy (any tone) ending a word: the only places worth a closer look.
_OPEN_NUCLEUS_RE = re.compile(rf"(?:[{_O}][{_A}{_E}]|[{_U}][{_Y}])\b")
MAX_ONSET_CHARS = 3  # "ngh"
DOCUMENT_NUMBER_RE = re.compile(r"\d[/.-]?[^\W\d_]|[^\W\d_][/.-]?\d|\d[/.-]\d")
INVISIBLE_RE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
    "\ud800-\udfff\U000e0000-\U000e007f]"
)


def strip_invisible(text):
    """`text` without control characters (line breaks and tabs become spaces), bidi
    marks, zero-width characters, BOM, soft hyphens, tag characters or lone surrogates."""
    return INVISIBLE_RE.sub(_invisible_replacement, text)


def _invisible_replacement(match):
    return " " if match.group(0).isspace() else ""


def _place_tone_old_style(word):
    decomposed = unicodedata.normalize("NFD", word)
    tones = [char for char in decomposed if char in TONE_MARKS]
    if len(tones) != 1:
        return word
    base = "".join(char for char in decomposed if char not in TONE_MARKS)
    syllable = OLD_STYLE_SYLLABLE_RE.fullmatch(base.lower())
    if syllable is None:
        return word
    first_vowel_end = syllable.start(2) + 1
    return unicodedata.normalize("NFC", base[:first_vowel_end] + tones[0] + base[first_vowel_end:])


def _place_tones(text):
    parts, done = [], 0
    for match in _OPEN_NUCLEUS_RE.finditer(text):
        start = match.start()
        while start > 0 and match.start() - start < MAX_ONSET_CHARS and text[start - 1].isalpha():
            start -= 1
        if start < done or (start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")):
            continue  # part of a longer word
        word = text[start : match.end()]
        placed = _place_tone_old_style(word)
        if placed != word:
            parts.extend([text[done:start], placed])
            done = match.end()
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)


def normalize(text):
    """NFC text with one canonical tone placement and no invisible characters.

    Case is preserved. `hoà`, `hòa` and `hòa` (NFD) all become `hòa`; `thuỷ`
    becomes `thủy`; `hoàng` and `quý` are unchanged.
    """
    if not text:
        return ""
    return _place_tones(unicodedata.normalize("NFC", strip_invisible(str(text))))


class _FoldTable(dict):
    """str.translate table mapping each character to its folded form, one char for one char."""

    def __missing__(self, codepoint):
        char = chr(codepoint)
        if char in "đĐ":
            folded = "d"
        else:
            stripped = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
            folded = unicodedata.normalize("NFC", stripped).lower()
        if len(folded) != 1:
            folded = char.lower() if len(char.lower()) == 1 else char
        self[codepoint] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold_aligned(normalized_text):
    """Fold already normalised text character by character: same length, same offsets.

    Used to find matches in folded text and mark them in the original.
    """
    return normalized_text.translate(_FOLD_TABLE)


def fold(text):
    """Lower case, no diacritics, `đ` → `d`: `Phòng, chống MA TÚY` → `phong, chong ma tuy`."""
    normalized = normalize(text)
    folded = fold_aligned(normalized)
    if not folded.isascii():
        # Combining marks left over from letters without a precomposed form.
        folded = "".join(char for char in folded if not unicodedata.combining(char))
    return folded


def tokenize(text, *, normalized=False):
    """Lower-case normalised word tokens: `Phòng, chống ma tuý!` → `["phòng", "chống", "ma", "túy"]`.

    `normalized=True` skips `normalize()` for text that went through it already.
    """
    return WORD_RE.findall((text if normalized else normalize(text)).lower())


def folded_tokens(text):
    """Lower-case folded word tokens: `Phòng, chống ma tuý!` → `["phong", "chong", "ma", "tuy"]`.

    Always one folded token for each token of `tokenize(text)`, in the same order.
    """
    return fold_tokens(tokenize(text))


def fold_tokens(tokens):
    """Fold tokens from `tokenize`, one for one.

    A consonant followed by a lone `i` or `y` is one syllable spelled two ways
    (`lí`/`lý`, `kĩ`/`kỹ`, `qui`/`quy`): both fold to `i`.
    """
    if not tokens:
        return []
    folded = fold_aligned(" ".join(tokens)).split(" ")
    if len(folded) != len(tokens):  # a letter folded to a space: never seen, but stay one for one
        folded = [fold_aligned(token).replace(" ", "") for token in tokens]
    return [_i_for_y(token) if len(token) <= 3 and token[-1] in "iy" else token for token in folded]


def _i_for_y(token):
    return token[:-1] + "i" if I_OR_Y_SYLLABLE_RE.fullmatch(token) else token


def compact(text):
    """Folded letters and digits only, no separators: `2935/GDĐT-CTTT` → `2935gddtcttt`."""
    return "".join(folded_tokens(text))


def document_number_terms(number):
    """Searchable forms of a document number, most specific first.

    `2935/GDĐT-CTTT` → `["2935/gddt-cttt", "2935gddtcttt", "2935", "gddt", "cttt"]`.
    """
    whole = " ".join(fold(number).split())
    if not whole:
        return []
    terms = [whole, compact(whole), *folded_tokens(whole)]
    return list(dict.fromkeys(term for term in terms if term))


def looks_like_document_number(text):
    """True for `2935/GDĐT-CTTT`, `29/2024/TT-BGDĐT`, `2935gddt`; false for `năm 2024`.

    Digits joined to letters or to other digits by `/`, `-` or `.`.
    """
    return bool(DOCUMENT_NUMBER_RE.search(fold(text)))
