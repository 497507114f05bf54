import datetime

import pytest

from home.exchange.bundle import (
    Bundle,
    clean_choice_list,
    clean_date,
    clean_datetime,
    clean_file,
    clean_text,
    open_bundle,
    read_lines,
)
from home.exchange.errors import ExchangeError, FieldError, LineError
from home.models import Audience
from home.tests.exchange_support import (
    PDF,
    english_messages,  # noqa: F401 - used through pytestmark
)

pytestmark = pytest.mark.usefixtures("english_messages")

UTC = datetime.UTC


def reason(function, *args, **kwargs):
    with pytest.raises(FieldError) as caught:
        function(*args, **kwargs)
    return str(caught.value)


def test_read_lines_skips_blank_and_comment_lines_but_counts_them(tmp_path):
    content = tmp_path / "content.jsonl"
    content.write_bytes(b'# comment\n\n{"a": 1}\r\n   \n  # indented comment\n{"b": "\xe1\xba\xa1"}')
    assert list(read_lines(Bundle(folder=tmp_path, content=content))) == [(3, {"a": 1}), (6, {"b": "ạ"})]


def test_read_lines_reports_the_physical_line_of_bad_json(tmp_path):
    content = tmp_path / "content.jsonl"
    content.write_text('{"a": 1}\n\n{"a": \n', encoding="utf-8")
    with pytest.raises(LineError, match=r"^line 3: json: not valid JSON: Expecting value \(column 7\)$"):
        list(read_lines(Bundle(folder=tmp_path, content=content)))


def test_a_line_separator_inside_a_string_does_not_shift_line_numbers(tmp_path):
    content = tmp_path / "content.jsonl"
    content.write_text('{"a": "x\u2028y"}\n{"b": 1}\n', encoding="utf-8")
    assert [number for number, _item in read_lines(Bundle(folder=tmp_path, content=content))] == [1, 2]


def test_open_bundle_accepts_a_folder_or_a_jsonl_file(tmp_path):
    (tmp_path / "content.jsonl").write_text("", encoding="utf-8")
    assert open_bundle(tmp_path) == Bundle(folder=tmp_path, content=tmp_path / "content.jsonl")
    assert open_bundle(tmp_path / "content.jsonl").folder == tmp_path
    with pytest.raises(ExchangeError, match="no such bundle folder or file"):
        open_bundle(tmp_path / "missing")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-09-05", datetime.datetime(2024, 9, 4, 17, tzinfo=UTC)),
        ("2024-09-05T08:30", datetime.datetime(2024, 9, 5, 1, 30, tzinfo=UTC)),
        ("2024-09-05 08:30:15", datetime.datetime(2024, 9, 5, 1, 30, 15, tzinfo=UTC)),
        ("2024-09-05T08:30:00+07:00", datetime.datetime(2024, 9, 5, 1, 30, tzinfo=UTC)),
        ("2024-09-05T01:30:00Z", datetime.datetime(2024, 9, 5, 1, 30, tzinfo=UTC)),
    ],
)
def test_clean_datetime_reads_iso_dates_and_times_in_vietnam_time(value, expected):
    assert clean_datetime(value, key="published_at") == expected


@pytest.mark.parametrize("value", ["05/09/2024", "2024-09-05T25:00", "20240905", "hôm nay", "2024-09-05T08"])
def test_clean_datetime_refuses_other_text(value):
    assert reason(clean_datetime, value, key="published_at").startswith(f"published_at: “{value}” is not an ISO")


def test_clean_date():
    assert clean_date("2024-02-29", key="issued_on") == datetime.date(2024, 2, 29)
    assert reason(clean_date, "2023-02-29", key="issued_on") == (
        "issued_on: “2023-02-29” is not an ISO date (YYYY-MM-DD)"
    )
    assert reason(clean_date, None, key="issued_on") == "issued_on: must be an ISO date (YYYY-MM-DD), not null"


def test_clean_text_strips_and_checks():
    assert clean_text("  Tiêu đề  ", key="title") == "Tiêu đề"
    assert reason(clean_text, True, key="title") == "title: must be a string, not true/false"
    assert clean_text("a\n\nb", key="summary", single_line=False) == "a\n\nb"


def test_clean_choice_list_orders_as_the_choices():
    assert clean_choice_list(["teachers", "parents"], key="audiences", choices=Audience) == ["parents", "teachers"]
    assert reason(clean_choice_list, ["parents", "parents"], key="audiences", choices=Audience) == (
        "audiences: “parents” is listed twice"
    )


def test_clean_file_returns_the_checked_file(tmp_path):
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "a.pdf").write_bytes(PDF)
    bundle_file = clean_file("files/a.pdf", key="file", bundle=Bundle(folder=tmp_path, content=tmp_path / "x"))
    assert (bundle_file.name, bundle_file.size) == ("a.pdf", len(PDF))
    assert len(bundle_file.sha1) == 40


def test_clean_file_refuses_a_folder(tmp_path):
    (tmp_path / "files").mkdir()
    bundle = Bundle(folder=tmp_path, content=tmp_path / "x")
    assert reason(clean_file, "files", key="file", bundle=bundle) == "file: “files” not found in the bundle folder"
