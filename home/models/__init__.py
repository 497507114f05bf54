from home.models.choices import Audience, SchoolLevel
from home.models.media import PortalDocument, PortalImage, PortalRendition
from home.models.pages import (
    BasePage,
    ContentPage,
    HomePage,
    HomePageFeaturedCampaign,
    HomePageFeaturedResource,
    IndexPage,
    PageTopic,
    StandardPage,
)
from home.models.settings import PortalSettings, PortalSettingsHotline
from home.models.taxonomy import Hotline, SiteAlert, Topic

__all__ = [
    "Audience",
    "BasePage",
    "ContentPage",
    "HomePage",
    "HomePageFeaturedCampaign",
    "HomePageFeaturedResource",
    "Hotline",
    "IndexPage",
    "PageTopic",
    "PortalDocument",
    "PortalImage",
    "PortalRendition",
    "PortalSettings",
    "PortalSettingsHotline",
    "SchoolLevel",
    "SiteAlert",
    "StandardPage",
    "Topic",
]
