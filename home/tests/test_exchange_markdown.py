import pytest

from home.exchange.errors import MarkdownError
from home.exchange.markdown import blocks_to_markdown, link_problem, markdown_to_blocks
from home.tests.exchange_support import english_messages  # noqa: F401 - used through pytestmark

pytestmark = pytest.mark.usefixtures("english_messages")


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def export(blocks, **kwargs):
    return blocks_to_markdown(blocks, **kwargs).markdown


def test_paragraphs_become_one_block_each_and_lines_join_with_a_space():
    assert markdown_to_blocks("Một\nhai\n\n\nBa") == [paragraph("<p>Một hai</p>"), paragraph("<p>Ba</p>")]


def test_headings_level_two_and_three():
    assert markdown_to_blocks("## Điều 8\n### Khoản 2") == [heading("Điều 8"), heading("Khoản 2", "h3")]


@pytest.mark.parametrize("text", ["# Tiêu đề", "#### Tiêu đề"])
def test_other_heading_levels_are_refused(text):
    with pytest.raises(MarkdownError, match="only ## and ### headings"):
        markdown_to_blocks(text)


def test_empty_or_long_heading_is_refused():
    with pytest.raises(MarkdownError, match="text line 3: the heading is empty"):
        markdown_to_blocks("Một\n\n##")
    with pytest.raises(MarkdownError, match="at most 200 characters"):
        markdown_to_blocks("## " + "a" * 201)


def test_hash_without_space_is_text():
    assert markdown_to_blocks("#hashtag") == [paragraph("<p>#hashtag</p>")]


def test_bullet_and_numbered_lists_become_a_paragraph_block_holding_the_list():
    blocks = markdown_to_blocks("- một\n- **hai**\n  tiếp\n\n1. một\n7. hai")
    assert blocks == [
        paragraph("<ul><li>một</li><li><b>hai</b> tiếp</li></ul>"),
        paragraph("<ol><li>một</li><li>hai</li></ol>"),
    ]


def test_a_list_interrupts_a_paragraph_and_a_new_marker_starts_a_new_list():
    assert markdown_to_blocks("Đoạn\n- a\n1. b") == [
        paragraph("<p>Đoạn</p>"),
        paragraph("<ul><li>a</li></ul>"),
        paragraph("<ol><li>b</li></ol>"),
    ]


def test_inline_bold_italic_and_links():
    [block] = markdown_to_blocks("**đậm** và *nghiêng* và [liên kết](https://example.org/a?b=1&c=2)")
    assert block["value"] == (
        '<p><b>đậm</b> và <i>nghiêng</i> và <a href="https://example.org/a?b=1&amp;c=2">liên kết</a></p>'
    )


def test_nested_emphasis():
    [block] = markdown_to_blocks("***cả hai*** **đậm *và nghiêng*** *nghiêng **và đậm***")
    assert block["value"] == (
        "<p><b><i>cả hai</i></b> <b>đậm <i>và nghiêng</i></b> <i>nghiêng </i><b><i>và đậm</i></b></p>"
    )


def test_html_is_escaped_never_passed_through():
    [block] = markdown_to_blocks('<script>alert("x")</script> & <b>không</b>')
    assert block["value"] == '<p>&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;b&gt;không&lt;/b&gt;</p>'


def test_link_address_is_escaped_in_the_attribute():
    [block] = markdown_to_blocks('[a](/tim-kiem?q="x"<y>)')
    assert block["value"] == '<p><a href="/tim-kiem?q=&quot;x&quot;&lt;y&gt;">a</a></p>'


def test_unclosed_emphasis_and_brackets_stay_literal():
    [block] = markdown_to_blocks("5 * 3 = 15, **mở, [ghi chú] (xem dưới)")
    assert block["value"] == "<p>5 * 3 = 15, **mở, [ghi chú] (xem dưới)</p>"


def test_backslash_escapes():
    [block] = markdown_to_blocks(r"\*không nghiêng\* \[a\](b) a\b")
    assert block["value"] == r"<p>*không nghiêng* [a](b) a\b</p>"


def test_balanced_parentheses_in_a_link_address():
    [block] = markdown_to_blocks("[wiki](https://vi.wikipedia.org/wiki/A_(B))")
    assert block["value"] == '<p><a href="https://vi.wikipedia.org/wiki/A_(B)">wiki</a></p>'


@pytest.mark.parametrize(
    "url", ["https://example.org/x", "http://example.org", "mailto:a@example.org", "/en/", "#muc-2", "tai-lieu/"]
)
def test_accepted_links(url):
    assert link_problem(url) is None


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,x",
        "//evil.example",
        "tel:111",
        "https://",
        "a b",
        "/\\evil",
    ],
)
def test_refused_links(url):
    assert link_problem(url)


def test_a_refused_link_stops_the_import_with_its_text_line():
    with pytest.raises(MarkdownError, match=r"text line 3: the link “javascript:alert\(1\)” is not allowed"):
        markdown_to_blocks("Đoạn\n\n[bấm](javascript:alert(1))")


def test_a_link_needs_text():
    with pytest.raises(MarkdownError, match="has no text"):
        markdown_to_blocks("[](https://example.org)")


def test_empty_text_gives_no_blocks():
    assert markdown_to_blocks(" \n\n\t\n") == []


# --- export ---------------------------------------------------------------------------


def test_export_of_headings_paragraphs_and_lists():
    blocks = [
        heading("Điều 8"),
        paragraph("<p>Một <b>đậm</b> <i>nghiêng</i> <a href='https://example.org/'>liên kết</a></p><p>Hai</p>"),
        heading("Khoản 2", "h3"),
        paragraph("<ul><li>a</li><li>b</li></ul><ol><li>c</li><li>d</li></ol>"),
    ]
    assert export(blocks) == (
        "## Điều 8\n\nMột **đậm** *nghiêng* [liên kết](https://example.org/)\n\nHai\n\n### Khoản 2\n\n"
        "- a\n- b\n\n1. c\n2. d"
    )


def test_export_escapes_markdown_characters_and_block_starts():
    blocks = [paragraph("<p>- a</p><p>## b</p><p>3. c</p><p>a*b [c] d\\e</p>"), heading("a\\b")]
    assert export(blocks) == "\\- a\n\n\\## b\n\n3\\. c\n\na\\*b \\[c\\] d\\\\e\n\n## a\\\\b"


def test_export_reports_blocks_the_subset_cannot_hold():
    exported = blocks_to_markdown(
        [paragraph("<p>a</p>"), {"type": "image", "value": 1}, {"type": "quote", "value": {}}]
    )
    assert exported.markdown == "a"
    assert exported.skipped_blocks == ["image", "quote"]


def test_export_resolves_internal_links_and_drops_refused_ones():
    exported = blocks_to_markdown(
        [
            paragraph(
                '<p><a linktype="page" id="7">trang</a> <a href="tel:111">111</a> <a href="javascript:x">x</a></p>'
            )
        ],
        link_resolver=lambda linktype, attrs: f"/trang-{attrs['id']}/",
    )
    assert exported.markdown == "[trang](/trang-7/) 111 x"
    assert exported.dropped_links == ["tel:111", "javascript:x"]


def test_export_flattens_nested_lists_and_reads_line_breaks_as_spaces():
    assert export([paragraph("<ul><li>a<ul><li>b</li></ul></li></ul><p>c<br/>d</p>")]) == "- a\n- b\n\nc d"


def test_export_unescapes_entities_and_keeps_them_literal():
    assert export([paragraph("<p>&lt;script&gt; &amp; a&nbsp;b</p>")]) == "<script> & a\xa0b"


ROUND_TRIP_HTML = [
    "<p>Một <b>đậm</b> và <i>nghiêng</i></p>",
    "<p><b><i>cả hai</i></b><i>a</i><b>b</b></p>",
    "<p><i><b>x</b> y</i> <b>a <i>b</i></b></p>",
    "<p><b>a </b>b<i> c</i></p>",
    '<p><a href="https://example.org/a_(b)"><b>đậm</b> liên kết</a><a href="/x/">hai</a></p>',
    "<p>*sao* [ngoặc] \\ và # không phải tiêu đề</p>",
    "<p>1. không phải danh sách</p><p>- cũng không</p><p>## cũng không</p>",
    "<ul><li><b>a</b></li><li></li><li>c</li></ul><ul><li>d</li></ul>",
    "<p>&lt;b&gt;không&lt;/b&gt; &amp;</p>",
]


@pytest.mark.parametrize("html", ROUND_TRIP_HTML)
def test_export_is_a_fixed_point_of_import(html):
    first = export([heading("Tiêu đề *a*"), paragraph(html)])
    again = export(markdown_to_blocks(first))
    assert again == first


@pytest.mark.parametrize(
    "markdown",
    [
        "## Tiêu đề\n\nĐoạn **đậm** và *nghiêng* với [liên kết](https://example.org/).\n\n- một\n- hai"
        "\n\n1. một\n2. hai",
        "***a*** **b *c*** *d **e***",
        "\\*a\\* \\[b\\] \\\\ # c",
        "1\\. không phải danh sách",
    ],
)
def test_markdown_in_normal_form_round_trips_unchanged(markdown):
    assert export(markdown_to_blocks(markdown)) == markdown
