from django.http import Http404, HttpResponse

from campaigns.ical import campaign_calendar
from campaigns.selectors import live_public_campaign


def campaign_ics(request, page_id):
    campaign = live_public_campaign(page_id=page_id)
    if campaign is None:
        raise Http404
    response = HttpResponse(campaign_calendar(campaign), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{campaign.slug}.ics"'
    return response
