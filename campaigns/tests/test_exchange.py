import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command

from campaigns.factories import CampaignPageFactory
from campaigns.models import CampaignPage
from home.tests.exchange_support import (
    campaign_line,
    english_messages,  # noqa: F401 - used through pytestmark
    fresh_storage,  # noqa: F401 - used through pytestmark
    write_bundle,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_storage", "english_messages")]


def run_import(path):
    call_command("import_content", str(path), stdout=io.StringIO())


def import_error(path):
    with pytest.raises(CommandError) as caught:
        run_import(path)
    return str(caught.value)


def test_a_campaign_with_dates_and_call_to_action(tmp_path):
    run_import(
        write_bundle(
            tmp_path / "bundle",
            [campaign_line(ends_on="2026-06-30", call_to_action={"label": "Đăng ký", "url": "https://example.org/dk"})],
        )
    )
    campaign = CampaignPage.objects.get()
    assert (campaign.starts_on, campaign.ends_on) == (datetime.date(2026, 6, 1), datetime.date(2026, 6, 30))
    assert (campaign.call_to_action_label, campaign.call_to_action_url) == ("Đăng ký", "https://example.org/dk")
    assert campaign.live


def test_an_open_ended_campaign(tmp_path):
    run_import(write_bundle(tmp_path / "bundle", [campaign_line()]))
    campaign = CampaignPage.objects.get()
    assert campaign.ends_on is None
    assert campaign.call_to_action_url == ""


def test_a_campaign_may_end_the_day_it_starts(tmp_path):
    run_import(write_bundle(tmp_path / "bundle", [campaign_line(ends_on="2026-06-01")]))
    assert CampaignPage.objects.get().ends_on == datetime.date(2026, 6, 1)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"starts_on": "1/6/2026"}, "line 1: starts_on: “1/6/2026” is not an ISO date (YYYY-MM-DD)"),
        ({"starts_on": 20260601}, "line 1: starts_on: must be an ISO date (YYYY-MM-DD), not number"),
        ({"ends_on": "2026-05-31"}, "line 1: ends_on: 2026-05-31 is before starts_on 2026-06-01"),
        ({"ends_on": "2026-13-01"}, "line 1: ends_on: “2026-13-01” is not an ISO date (YYYY-MM-DD)"),
        ({"call_to_action": "https://example.org"},
         "line 1: call_to_action: must be an object with label and url, not string"),
        ({"call_to_action": {"label": "Đăng ký"}}, "line 1: call_to_action.url: is required"),
        ({"call_to_action": {"url": "https://example.org"}}, "line 1: call_to_action.label: is required"),
        ({"call_to_action": {"label": "Đăng ký", "url": "https://example.org", "icon": "x"}},
         "line 1: call_to_action.icon: unknown key; expected label, url"),
        ({"call_to_action": {"label": "", "url": "https://example.org"}},
         "line 1: call_to_action.label: must not be empty"),
        ({"call_to_action": {"label": "Đăng ký", "url": "javascript:alert(1)"}},
         "line 1: call_to_action.url: “javascript:alert(1)” is not an http(s) address"),
        ({"call_to_action": {"label": "Đăng ký", "url": "/dang-ky/"}},
         "line 1: call_to_action.url: “/dang-ky/” is not an http(s) address"),
        ({"call_to_action": {"label": "x" * 101, "url": "https://example.org"}},
         "line 1: call_to_action.label: may have at most 100 characters, not 101"),
    ],
)  # fmt: skip
def test_campaign_keys_are_checked(tmp_path, extra, message):
    assert import_error(write_bundle(tmp_path / "bundle", [campaign_line(**extra)])) == message
    assert not CampaignPage.objects.exists()


def test_starts_on_is_required(tmp_path):
    line = campaign_line()
    del line["starts_on"]
    assert import_error(write_bundle(tmp_path / "bundle", [line])) == "line 1: starts_on: is required"


def test_fields_outside_the_format_keep_their_values(tmp_path, campaign_index):
    CampaignPageFactory(parent=campaign_index, slug="chien-dich-he", goal="Mục tiêu riêng")
    run_import(write_bundle(tmp_path / "bundle", [campaign_line(title="Tiêu đề từ gói")]))
    campaign = CampaignPage.objects.get()
    assert (campaign.title, campaign.goal) == ("Tiêu đề từ gói", "Mục tiêu riêng")


def test_export_leaves_out_a_call_to_action_the_import_would_refuse(tmp_path, campaign_index):
    CampaignPageFactory(
        parent=campaign_index, slug="ftp", call_to_action_label="Tải", call_to_action_url="ftp://example.org/x"
    )
    err = io.StringIO()
    call_command("export_content", str(tmp_path / "out"), stdout=io.StringIO(), stderr=err)

    [line] = [json.loads(text) for text in (tmp_path / "out" / "content.jsonl").read_text().splitlines()]
    assert "call_to_action" not in line
    assert (line["starts_on"], line["ends_on"]) == ("2026-06-01", "2026-06-30")
    assert "campaign “ftp” (vi): call to action left out: call_to_action.url:" in err.getvalue()
