"""Admin wiring for campaigns: a dashboard panel of running and upcoming campaigns."""

from django.db.models import F
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from campaigns.models import CampaignPage, CampaignStatus, status_filter

DASHBOARD_LIMIT = 10


def dashboard_campaigns(*, campaigns, today, limit=DASHBOARD_LIMIT):
    """Running campaigns, those ending soonest first, and upcoming ones, those starting soonest first."""
    campaigns = campaigns.select_related("locale")
    running = campaigns.filter(status_filter(CampaignStatus.RUNNING, today=today)).order_by(
        F("ends_on").asc(nulls_last=True), "title"
    )
    upcoming = campaigns.filter(status_filter(CampaignStatus.UPCOMING, today=today)).order_by("starts_on", "title")
    return {"running": list(running[:limit]), "upcoming": list(upcoming[:limit])}


class CampaignsPanel(Component):
    name = "campaigns"
    template_name = "campaigns/admin/campaigns_panel.html"
    order = 150

    def __init__(self, *, running, upcoming):
        self.running = running
        self.upcoming = upcoming

    def get_context_data(self, parent_context):
        return {"running": self.running, "upcoming": self.upcoming, "request": parent_context.get("request")}


@hooks.register("construct_homepage_panels")
def add_campaigns_panel(request, panels):
    policy = PagePermissionPolicy(CampaignPage)
    if not policy.user_has_any_permission(request.user, {"change", "publish"}):
        return
    editable = policy.instances_user_has_any_permission_for(request.user, {"change", "publish"})
    panels.append(CampaignsPanel(**dashboard_campaigns(campaigns=editable, today=timezone.localdate())))
