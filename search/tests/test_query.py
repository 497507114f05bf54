from search.query import Alternative, build_plan

SYNONYMS = [["vape", "thuốc lá điện tử"], ["bắt nạt", "bạo lực học đường"]]


def test_plan_tokens_are_normalized_and_folded():
    plan = build_plan("Phòng, chống MA TUÝ!")

    assert plan.normalized == ("phòng", "chống", "ma", "túy")
    assert plan.folded == ("phong", "chong", "ma", "tuy")
    assert plan.units == tuple((Alternative(tokens=(token,)),) for token in plan.folded)
    assert plan.document_number == ""


def test_typed_synonym_words_may_be_anywhere_and_synonyms_are_phrases():
    plan = build_plan("cach xu ly bat nat", synonym_groups=SYNONYMS)

    assert plan.units[-1] == (
        Alternative(tokens=("bat", "nat"), phrase=False),
        Alternative(tokens=("bao", "luc", "hoc", "duong")),
    )
    assert plan.highlight_terms() >= {"bat", "nat", "bao", "luc", "hoc", "duong", "cach"}


def test_synonym_groups_are_matched_accent_insensitively_and_longest_first():
    groups = [["học", "đi học"], ["bạo lực học đường", "bắt nạt"]]

    plan = build_plan("bao luc hoc duong", synonym_groups=groups)

    assert len(plan.units) == 1
    assert Alternative(tokens=("bat", "nat")) in plan.units[0]


def test_document_numbers_are_recognised_and_compacted():
    assert build_plan("2935/GDĐT-CTTT").document_number == "2935gddtcttt"
    assert build_plan("năm 2024").document_number == ""


def test_queries_without_words_are_empty_and_long_queries_are_cut():
    assert build_plan('"*" ( ) 😀').is_empty
    assert len(build_plan("từ " * 100).units) == 12
