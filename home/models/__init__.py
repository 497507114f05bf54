from home.models.choices import Audience, SchoolLevel
from home.models.feedback import PageFeedback
from home.models.mailbox import (
    CounsellorAssignment,
    DangerPhrase,
    MailboxAccessLog,
    MailboxCase,
    MailboxMessage,
    MailboxPage,
    School,
)
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
from home.models.security import AdminTwoFactor
from home.models.settings import PortalSettings, PortalSettingsHotline
from home.models.taxonomy import Hotline, SiteAlert, Topic

__all__ = [
    "AdminTwoFactor",
    "Audience",
    "BasePage",
    "ContentPage",
    "CounsellorAssignment",
    "DangerPhrase",
    "HomePage",
    "HomePageFeaturedCampaign",
    "HomePageFeaturedResource",
    "Hotline",
    "IndexPage",
    "MailboxAccessLog",
    "MailboxCase",
    "MailboxMessage",
    "MailboxPage",
    "PageFeedback",
    "PageTopic",
    "PortalDocument",
    "PortalImage",
    "PortalRendition",
    "PortalSettings",
    "PortalSettingsHotline",
    "School",
    "SchoolLevel",
    "SiteAlert",
    "StandardPage",
    "Topic",
]
