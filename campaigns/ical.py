"""A campaign as an iCalendar file (RFC 5545), written by hand: no dependency.

The campaign is one all-day event from its first to its last day, and each
activity is an all-day event of its own, related to the campaign. All-day
dates are floating DATE values (no time zone applies), and DTEND is exclusive,
the day after the last day. DTSTAMP is the last publication (UTC), so the file
only changes when the campaign does, and UIDs derive from the page and block
ids, so calendar apps update events instead of duplicating them.
"""

import datetime
from urllib.parse import urlsplit

from django.utils.encoding import iri_to_uri

CRLF = "\r\n"
MAX_LINE_OCTETS = 75
ONE_DAY = datetime.timedelta(days=1)


def escape_text(value):
    """TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold(line):
    """Split a content line into lines of at most 75 octets, never inside a UTF-8 character (RFC 5545 3.1)."""
    pieces, current, size, limit = [], [], 0, MAX_LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            pieces.append("".join(current))
            # A continuation line starts with one space, which counts towards its 75 octets.
            current, size, limit = [], 0, MAX_LINE_OCTETS - 1
        current.append(char)
        size += octets
    pieces.append("".join(current))
    return (CRLF + " ").join(pieces)


def format_date(value):
    return value.strftime("%Y%m%d")


def format_utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def all_day_event(*, uid, stamp, first_day, last_day, summary, description, url, language, related_to=None):
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{format_date(first_day)}",
        f"DTEND;VALUE=DATE:{format_date(last_day + ONE_DAY)}",
        f"SUMMARY;LANGUAGE={language}:{escape_text(summary)}",
    ]
    if description:
        lines.append(f"DESCRIPTION;LANGUAGE={language}:{escape_text(description)}")
    lines.append(f"URL:{url}")
    if related_to:
        lines.append(f"RELATED-TO:{related_to}")
    lines.append("END:VEVENT")
    return lines


def campaign_calendar(campaign):
    """The text of the .ics file of `campaign` (a live CampaignPage)."""
    url = iri_to_uri(campaign.get_full_url())
    host = urlsplit(url).hostname or "localhost"
    language = campaign.locale.language_code
    stamp = format_utc(campaign.last_published_at or campaign.published_at)
    campaign_uid = f"campaign-{campaign.pk}@{host}"

    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{host}//Campaigns//{language.upper()}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(campaign.title)}",
        *all_day_event(
            uid=campaign_uid,
            stamp=stamp,
            first_day=campaign.starts_on,
            # An open-ended campaign shows as its first day only.
            last_day=campaign.ends_on or campaign.starts_on,
            summary=campaign.title,
            description="\n\n".join(part for part in (campaign.summary, campaign.goal) if part),
            url=url,
            language=language,
        ),
    ]
    for activity in campaign.activities:
        lines += all_day_event(
            uid=f"campaign-{campaign.pk}-activity-{activity.id}@{host}",
            stamp=stamp,
            first_day=activity.value["date"],
            last_day=activity.value["date"],
            summary=f"{activity.value['title']} – {campaign.title}",
            description=activity.value["description"],
            url=url,
            language=language,
            related_to=campaign_uid,
        )
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
