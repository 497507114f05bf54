"""Does a message contain a phrase that signals danger?

Phrases match on word boundaries, whatever the case, and whether or not the
student typed the accents: "tu tu" and "TỰ TỬ" both match "tự tử". A letter
typed *with* a different accent does not match, so "từ từ" (slowly) is not
taken for "tự tử" (suicide).
"""

import re
import unicodedata


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


def _span_matches(typed, phrase):
    """Each typed letter is the phrase's letter, or that letter typed without its accent."""
    return all(
        typed_char == wanted_char or typed_char == fold_char(typed_char)
        for typed_char, wanted_char in zip(map(_lower_char, typed), phrase, strict=True)
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
