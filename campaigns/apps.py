from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "campaigns"
    verbose_name = _("Campaigns")

    def ready(self):
        from campaigns.exchange import CampaignExchange
        from campaigns.models import CampaignIndexPage, CampaignPage
        from home.kinds import register_kind

        register_kind(
            name="campaign",
            page_model=CampaignPage,
            index_model=CampaignIndexPage,
            index_defaults={"title": _("Campaigns"), "slugs": {"vi": "chien-dich", "en": "campaigns"}},
            exchange=CampaignExchange(),
        )
