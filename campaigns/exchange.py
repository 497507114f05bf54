"""Bundle exchange of campaigns (see ../shared/content-format.md)."""

from django.utils.translation import gettext as _

from campaigns.models import CampaignPage
from home.exchange.bundle import check_keys, clean_absolute_url, clean_date, clean_text, require_type
from home.exchange.errors import FieldError
from home.exchange.pages import PageExchange, single_line


class CampaignExchange(PageExchange):
    kind_name = "campaign"
    extra_keys = ("starts_on", "ends_on", "call_to_action")
    required_extra_keys = ("starts_on",)

    def clean_extra(self, *, item, context):
        starts_on = clean_date(item["starts_on"], key="starts_on")
        ends_on = clean_date(item["ends_on"], key="ends_on") if "ends_on" in item else None
        if ends_on is not None and ends_on < starts_on:
            raise FieldError(
                "ends_on", _("%(ends)s is before starts_on %(starts)s") % {"ends": ends_on, "starts": starts_on}
            )
        label, url = "", ""
        if "call_to_action" in item:
            label, url = self.clean_call_to_action(item["call_to_action"])
        return {"starts_on": starts_on, "ends_on": ends_on, "call_to_action_label": label, "call_to_action_url": url}

    def clean_call_to_action(self, value):
        require_type(value, dict, key="call_to_action", expected_name=_("an object with label and url"))
        check_keys(value, allowed={"label", "url"}, required=("label", "url"), prefix="call_to_action.")
        label = clean_text(
            value["label"],
            key="call_to_action.label",
            required=True,
            max_length=CampaignPage._meta.get_field("call_to_action_label").max_length,
        )
        url = clean_absolute_url(
            value["url"],
            key="call_to_action.url",
            max_length=CampaignPage._meta.get_field("call_to_action_url").max_length,
        )
        return label, url

    def desired_extra(self, *, values, writer):
        keys = ("starts_on", "ends_on", "call_to_action_label", "call_to_action_url")
        return {key: values[key] for key in keys}, {}

    def export_extra(self, *, page, files, notes):
        line = {"starts_on": page.starts_on.isoformat()}
        if page.ends_on:
            line["ends_on"] = page.ends_on.isoformat()
        label, url = single_line(page.call_to_action_label), page.call_to_action_url.strip()
        if label and url:
            try:
                line["call_to_action"] = {
                    "label": label,
                    "url": self.clean_call_to_action({"label": label, "url": url})[1],
                }
            except FieldError as error:
                notes.append(_("call to action left out: %(reason)s") % {"reason": error})
        return line
