from search.highlight import highlight


def test_marks_words_accent_insensitively_and_merges_neighbours():
    text = "Tuyên truyền về phòng, chống ma túy trong trường học."

    assert highlight(text=text, terms={"phong", "chong", "ma", "tuy"}) == (
        "Tuyên truyền về <mark>phòng, chống ma túy</mark> trong trường học."
    )


def test_escapes_everything_but_mark():
    marked = highlight(text='<script>alert("x")</script> & ma túy', terms={"ma"})

    assert "<script>" not in marked
    assert "&lt;script&gt;" in marked
    assert "&amp;" in marked
    assert "<mark>ma</mark>" in marked


def test_only_whole_words_are_marked():
    assert "<mark>" not in highlight(text="mama và tuyệt vời", terms={"ma", "tuy"})


def test_snippet_is_cut_around_the_densest_group_of_words():
    text = "mở đầu " * 100 + "ma " + "ở giữa " * 50 + "phòng chống ma túy" + " kết thúc" * 100

    marked = highlight(text=text, terms={"phong", "chong", "ma", "tuy"}, length=120)

    assert marked.startswith("… ")
    assert marked.endswith(" …")
    assert "<mark>phòng chống ma túy</mark>" in marked
    assert len(marked) < 200


def test_without_matches_the_beginning_is_shown():
    assert highlight(text="Một & hai", terms={"ba"}) == "Một &amp; hai"
    assert highlight(text="", terms={"ba"}) == ""


def test_i_and_y_spellings_are_both_marked():
    assert highlight(text="Tâm lý học đường", terms={"tam", "li"}) == "<mark>Tâm lý</mark> học đường"
