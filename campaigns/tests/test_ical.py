"""The .ics file of a campaign: RFC 5545 lines, folding, escaping, dates and stable UIDs."""

import datetime
import re

import pytest
from django.urls import reverse

from campaigns.factories import CampaignPageFactory
from campaigns.ical import MAX_LINE_OCTETS, escape_text, fold

pytestmark = pytest.mark.django_db

LONG_VIETNAMESE = "Tuần lễ hưởng ứng phòng, chống ma túy; học sinh nói “không” với chất gây nghiện\\ " * 3


def unfold(text):
    """RFC 5545 3.1: a CRLF followed by one space or tab continues the previous line."""
    assert "\n" not in text.replace("\r\n", ""), "bare LF or CR in the file"
    assert text.endswith("\r\n")
    physical = text.split("\r\n")[:-1]
    for line in physical:
        assert len(line.encode("utf-8")) <= MAX_LINE_OCTETS, f"line longer than 75 octets: {line!r}"
    return re.sub(r"\r\n[ \t]", "", text).split("\r\n")[:-1]


def unescape(value):
    return re.sub(r"\\([\\;,nN])", lambda match: {"n": "\n", "N": "\n"}.get(match.group(1), match.group(1)), value)


def parse(text):
    """[(name, {param: value}, value)] of every content line."""
    properties = []
    for line in unfold(text):
        match = re.fullmatch(r"([A-Z-]+)((?:;[A-Z-]+=[^;:]*)*):(.*)", line)
        assert match, f"malformed content line {line!r}"
        params = dict(param.split("=", 1) for param in match.group(2).split(";")[1:])
        properties.append((match.group(1), params, match.group(3)))
    return properties


def events(properties):
    found, current = [], None
    for name, params, value in properties:
        if (name, value) == ("BEGIN", "VEVENT"):
            current = {}
        elif (name, value) == ("END", "VEVENT"):
            found.append(current)
            current = None
        elif current is not None:
            current[name] = (params, value)
    return found


@pytest.fixture
def campaign(campaign_index):
    return CampaignPageFactory(
        parent=campaign_index,
        title="Tháng hành động: phòng, chống ma túy; an toàn học đường",
        summary="Dòng một\nDòng hai, có dấu phẩy; và chấm phẩy \\ gạch chéo",
        goal="",
        starts_on=datetime.date(2026, 6, 1),
        ends_on=datetime.date(2026, 6, 30),
        activities=[
            ("activity", {"date": datetime.date(2026, 6, 5), "title": "Mít tinh", "description": LONG_VIETNAMESE}),
            ("activity", {"date": datetime.date(2026, 6, 26), "title": "Tổng kết", "description": ""}),
        ],
    )


def download(client, page):
    response = client.get(reverse("campaign_calendar", args=[page.pk]))
    assert response.status_code == 200
    return response


# --- escaping and folding ----------------------------------------------------


def test_escape_text_escapes_backslash_semicolon_comma_and_newlines():
    assert escape_text("a\\b;c,d\ne\r\nf\rg") == "a\\\\b\\;c\\,d\\ne\\nf\\ng"


def test_fold_keeps_short_lines():
    assert fold("SUMMARY:ngắn") == "SUMMARY:ngắn"


def test_fold_splits_at_75_octets_without_breaking_utf8_characters():
    line = "DESCRIPTION:" + "ữ" * 100  # 3 octets each

    folded = fold(line)

    parts = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= MAX_LINE_OCTETS for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join([parts[0], *(part[1:] for part in parts[1:])]) == line


def test_fold_of_exactly_75_octets_is_one_line():
    line = "X" * 75

    assert fold(line) == line
    assert fold(line + "Y") == line + "\r\n Y"


# --- the file ----------------------------------------------------------------


def test_calendar_is_served_as_an_ics_attachment(client, campaign):
    response = download(client, campaign)

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{campaign.slug}.ics"'


def test_calendar_parses_line_by_line_with_a_campaign_event_and_one_per_activity(client, campaign):
    properties = parse(download(client, campaign).content.decode("utf-8"))

    assert properties[0][0::2] == ("BEGIN", "VCALENDAR") and properties[-1][0::2] == ("END", "VCALENDAR")
    header = {name: value for name, _params, value in properties[:6]}
    assert header["VERSION"] == "2.0" and header["PRODID"]
    begins = [value for name, _p, value in properties if name == "BEGIN"]
    ends = [value for name, _p, value in properties if name == "END"]
    assert sorted(begins) == sorted(ends) == ["VCALENDAR", "VEVENT", "VEVENT", "VEVENT"]

    main, rally, closing = events(properties)
    assert main["DTSTART"] == ({"VALUE": "DATE"}, "20260601")
    assert main["DTEND"] == ({"VALUE": "DATE"}, "20260701")  # exclusive: the day after 30 June
    assert unescape(main["SUMMARY"][1]) == campaign.title
    assert main["SUMMARY"][0] == {"LANGUAGE": "vi"}
    assert unescape(main["DESCRIPTION"][1]) == campaign.summary
    assert main["URL"][1] == campaign.get_full_url()
    assert rally["DTSTART"][1] == "20260605" and rally["DTEND"][1] == "20260606"
    assert unescape(rally["SUMMARY"][1]).startswith("Mít tinh")
    assert unescape(rally["DESCRIPTION"][1]) == LONG_VIETNAMESE
    assert rally["RELATED-TO"][1] == main["UID"][1]
    assert "DESCRIPTION" not in closing
    for event in (main, rally, closing):
        assert re.fullmatch(r"\d{8}T\d{6}Z", event["DTSTAMP"][1])


def test_the_raw_file_escapes_special_characters(client, campaign):
    text = download(client, campaign).content.decode("utf-8")
    unfolded = "\r\n".join(unfold(text))

    assert "SUMMARY;LANGUAGE=vi:Tháng hành động: phòng\\, chống ma túy\\; an toàn học đường" in unfolded
    assert "Dòng một\\nDòng hai\\, có dấu phẩy\\; và chấm phẩy \\\\ gạch chéo" in unfolded


def test_uids_are_unique_and_stable_between_downloads(client, campaign):
    first = events(parse(download(client, campaign).content.decode()))
    second = events(parse(download(client, campaign).content.decode()))

    uids = [event["UID"][1] for event in first]
    assert len(set(uids)) == 3
    assert uids == [event["UID"][1] for event in second]
    assert [event["DTSTAMP"] for event in first] == [event["DTSTAMP"] for event in second]


def test_open_ended_campaign_is_a_one_day_event_on_its_start(client, campaign_index):
    campaign = CampaignPageFactory(parent=campaign_index, starts_on=datetime.date(2026, 9, 5), ends_on=None)

    (event,) = events(parse(download(client, campaign).content.decode()))

    assert (event["DTSTART"][1], event["DTEND"][1]) == ("20260905", "20260906")


def test_draft_and_unknown_campaigns_have_no_calendar(client, campaign_index):
    draft = CampaignPageFactory(parent=campaign_index, live=False)

    assert client.get(reverse("campaign_calendar", args=[draft.pk])).status_code == 404
    assert client.get(reverse("campaign_calendar", args=[987654])).status_code == 404


def test_campaign_page_links_to_its_calendar(client, campaign):
    html = client.get(campaign.url).content.decode()

    assert f'href="{reverse("campaign_calendar", args=[campaign.pk])}" download' in html


def test_out_of_range_campaign_id_is_a_404(client):
    assert client.get("/calendar/campaigns/99999999999999999999999.ics").status_code == 404
