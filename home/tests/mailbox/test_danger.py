import pytest

from home.mailbox.danger import fold, matching_phrases

PHRASES = ["tự tử", "bị đánh", "Kill myself", "ma túy"]


def test_folding_drops_case_and_accents_and_keeps_length():
    assert fold("TỰ TỬ Đánh") == "tu tu danh"
    assert len(fold("İstanbul ẞ")) == len("İstanbul ẞ")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Em muốn TỰ TỬ.", ["tự tử"]),
        ("em muon tu tu", ["tự tử"]),  # typed without accents
        ("Em bi  đánh\nhoài", ["bị đánh"]),  # partly accented, line break inside
        ("I want to kill myself", ["Kill myself"]),
        ("bạn rủ thử ma tuý", ["ma túy"]),  # the tone mark on the other vowel, as many write it
        ("từ từ rồi tính", []),  # other accents: "slowly", not "suicide"
        ("bị đánhgiá", []),  # no word boundary
        ("skill myselfie", []),
        ("", []),
    ],
)
def test_phrases_match_whole_words_whatever_the_case_and_missing_accents(text, expected):
    assert matching_phrases(text, PHRASES) == expected


def test_blank_phrases_match_nothing():
    assert matching_phrases("anything", ["", "   "]) == []
