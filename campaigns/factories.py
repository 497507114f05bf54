import datetime

import factory
import wagtail_factories

from campaigns.models import CampaignIndexPage, CampaignPage
from home.factories import ContentPageFactory


class CampaignIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CampaignIndexPage

    title = "Chiến dịch"
    slug = "chien-dich"


class CampaignPageFactory(ContentPageFactory):
    class Meta:
        model = CampaignPage

    title = factory.Sequence(lambda n: f"Chiến dịch số {n}")
    starts_on = datetime.date(2026, 6, 1)
    ends_on = datetime.date(2026, 6, 30)
    goal = "Nâng cao nhận thức của học sinh."
