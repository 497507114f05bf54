"""Does a message contain a phrase that signals danger?

Phrases match on word boundaries, whatever the case, and whether or not the
student typed the accents: "tu tu" and "TỰ TỬ" both match "tự tử", and "ma
tuý" matches "ma túy" (the tone mark may sit on either vowel). A word typed
with other accents does not match, so "từ từ" (slowly) is not taken for
"tự tử" (suicide).
"""

import re
import unicodedata
from collections import Counter


def _lower_char(char):
    lower = char.lower()
    return lower if len(lower) == 1 else char


def fold_char(char):
    """One character without case or accents (đ → d); always exactly one character."""
    lower = _lower_char(char)
    if lower == "đ":
        return "d"
    return unicodedata.normalize("NFD", lower)[0]


def fold(text):
    return "".join(fold_char(char) for char in text)


def _marks(word):
    """The accents and other marks of a word, wherever they sit (tuý and túy have the same)."""
    marks = Counter()
    for char in word.lower():
        if char == "đ":
            marks["đ"] += 1
        marks.update(ch for ch in unicodedata.normalize("NFD", char) if unicodedata.combining(ch))
    return marks


def _span_matches(typed, phrase):
    """Each typed word carries only marks the phrase's word has: none, some, or all of them."""
    return all(
        all(count <= wanted_marks[mark] for mark, count in _marks(typed_word).items())
        for typed_word, wanted_marks in zip(typed.split(" "), map(_marks, phrase.split(" ")), strict=True)
    )


def _normalise(text):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def matching_phrases(text, phrases):
    """The phrases (as given) that occur in `text`."""
    text = _normalise(text)
    folded_text = fold(text)
    found = []
    for phrase in phrases:
        wanted = "".join(map(_lower_char, _normalise(phrase)))
        if not wanted:
            continue
        pattern = re.compile(r"(?<!\w)" + re.escape(fold(wanted)) + r"(?!\w)")
        if any(_span_matches(text[m.start() : m.end()], wanted) for m in pattern.finditer(folded_text)):
            found.append(phrase)
    return found
