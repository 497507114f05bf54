import unicodedata

import pytest

from search.text import (
    compact,
    document_number_terms,
    fold,
    fold_aligned,
    folded_tokens,
    looks_like_document_number,
    normalize,
    strip_invisible,
    tokenize,
)


def nfd(text):
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("hoà", "hòa"),
        ("hòa", "hòa"),
        ("thuỷ", "thủy"),
        ("tuỳ", "tùy"),
        ("khoẻ", "khỏe"),
        ("xoá", "xóa"),
        ("uỷ ban", "ủy ban"),
        ("HOÀ BÌNH", "HÒA BÌNH"),
        ("Hoà", "Hòa"),
    ],
)
def test_normalize_places_the_tone_of_open_oa_oe_uy_on_the_first_vowel(typed, expected):
    assert normalize(typed) == expected


@pytest.mark.parametrize("word", ["hoàng", "thuyền", "khuyến", "quý", "quỳnh", "ngoài", "khuỷu", "thuế"])
def test_normalize_leaves_syllables_with_a_single_placement_alone(word):
    assert normalize(word) == word


def test_normalize_is_idempotent_and_does_not_touch_parts_of_longer_words():
    text = "Phòng, chống bạo lực học đường; hoà nhập; abchoà"
    assert normalize(normalize(text)) == normalize(text)
    assert normalize("abchoà") == "abchoà"


def test_nfd_and_nfc_input_normalize_to_the_same_text():
    text = "Phòng chống ma tuý và thuốc lá điện tử ở trường học"
    assert normalize(nfd(text)) == normalize(text)
    assert unicodedata.is_normalized("NFC", normalize(nfd(text)))


def test_normalize_strips_control_and_bidi_characters():
    assert normalize("ma\x00 túy\u202e\u200b\ufeff") == "ma túy"
    assert normalize("một\ndòng\thai") == "một dòng hai"
    assert strip_invisible("a\u2066b\u2069c") == "abc"


def test_normalize_accepts_empty_and_non_string_input():
    assert normalize("") == ""
    assert normalize(None) == ""
    assert normalize(2935) == "2935"


def test_fold_drops_every_mark_and_dd():
    assert fold("Phòng, chống MA TÚY") == "phong, chong ma tuy"
    assert fold("Đường dây nóng") == "duong day nong"
    assert fold("ườ ố ự ặ ữ") == "uo o u a u"
    assert fold(nfd("Trường học an toàn")) == "truong hoc an toan"


def test_fold_aligned_keeps_offsets():
    text = normalize("Đề phòng ma túy 😀 ﬁ 한국")
    assert len(fold_aligned(text)) == len(text)
    assert fold_aligned(text).startswith("de phong ma tuy")


def test_tokenize_returns_lower_case_normalized_words():
    assert tokenize("Phòng, chống ma tuý!") == ["phòng", "chống", "ma", "túy"]
    assert tokenize('"AND" NEAR * (x_y)') == ["and", "near", "x", "y"]
    assert tokenize("😀 !!! \u202e") == []


def test_folded_tokens_agree_for_every_way_of_typing():
    expected = ["phong", "chong", "ma", "tuy"]
    for typed in ["phòng chống ma túy", "phong chong ma tuy", "PHÒNG CHỐNG MA TUÝ", nfd("phòng chống ma tuý")]:
        assert folded_tokens(typed) == expected


def test_document_number_terms_cover_whole_compact_and_parts():
    assert document_number_terms("2935/GDĐT-CTTT") == ["2935/gddt-cttt", "2935gddtcttt", "2935", "gddt", "cttt"]
    assert document_number_terms("  ") == []
    assert compact("29/2024/TT-BGDĐT") == "292024ttbgddt"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2935/GDĐT-CTTT", True),
        ("2935gddt", True),
        ("Nghị định 80/2017/NĐ-CP", True),
        ("năm 2024", False),
        ("phòng chống ma túy", False),
    ],
)
def test_looks_like_document_number(text, expected):
    assert looks_like_document_number(text) is expected


def test_consonant_plus_i_or_y_folds_alike():
    assert folded_tokens("tâm lý, kỹ năng, quy định, mỹ thuật") == folded_tokens("tâm lí, kĩ năng, qui định, mĩ thuật")
    assert folded_tokens("tay tai yêu y tế") == ["tay", "tai", "yeu", "y", "te"]
