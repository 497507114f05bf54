"""Campaign pages: dated drives with a status derived from Vietnam's calendar."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import ActivityBlock, HotlineBlock
from home.models import ContentPage, IndexPage
from home.panels import content_edit_handler


class CampaignStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    RUNNING = "running", _("Running")
    ENDED = "ended", _("Ended")


def status_on(*, starts_on, ends_on, today):
    if today < starts_on:
        return CampaignStatus.UPCOMING
    if ends_on is not None and today > ends_on:
        return CampaignStatus.ENDED
    return CampaignStatus.RUNNING


def status_filter(status, *, today):
    """A Q object selecting campaigns that have `status` on `today`."""
    if status == CampaignStatus.UPCOMING:
        return Q(starts_on__gt=today)
    if status == CampaignStatus.ENDED:
        return Q(ends_on__lt=today)
    return Q(starts_on__lte=today) & (Q(ends_on__isnull=True) | Q(ends_on__gte=today))


class CampaignIndexPage(IndexPage):
    subpage_types = ["campaigns.CampaignPage"]

    class Meta:
        verbose_name = _("campaign index")

    def get_listing_context(self, *, params):
        from campaigns.selectors import campaign_index_context

        return campaign_index_context(index_page=self, params=params)


class CampaignPage(ContentPage):
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(
        _("ends on"), null=True, blank=True, help_text=_("Leave empty for an open-ended campaign.")
    )
    goal = models.TextField(_("goal"), blank=True)
    call_to_action_label = models.CharField(_("call to action label"), max_length=100, blank=True)
    call_to_action_url = models.URLField(_("call to action link"), blank=True)
    activities = StreamField([("activity", ActivityBlock())], verbose_name=_("activities"), blank=True)
    hotlines = StreamField([("hotline", HotlineBlock())], verbose_name=_("hotlines"), blank=True)

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")], heading=_("Dates")),
        FieldPanel("summary"),
        FieldPanel("goal"),
        MultiFieldPanel(
            [FieldPanel("call_to_action_label"), FieldPanel("call_to_action_url")],
            heading=_("Call to action"),
        ),
        FieldPanel("body"),
        FieldPanel("activities"),
        FieldPanel("hotlines"),
    ]
    metadata_panels = [
        *ContentPage.metadata_panels,
        InlinePanel("related_links", label=_("Related articles and resources")),
    ]

    search_fields = [
        *ContentPage.search_fields,
        index.SearchField("goal"),
        index.FilterField("starts_on"),
        index.FilterField("ends_on"),
    ]

    translatable_fields = [
        *ContentPage.translatable_fields,
        SynchronizedField("starts_on"),
        SynchronizedField("ends_on"),
        TranslatableField("goal"),
        TranslatableField("call_to_action_label"),
        SynchronizedField("call_to_action_url"),
        TranslatableField("activities"),
        SynchronizedField("hotlines"),
        SynchronizedField("related_links"),
    ]

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end date cannot be before the start date.")})

    @property
    def status(self):
        """upcoming / running / ended, by today's date in Vietnam (TIME_ZONE)."""
        return status_on(starts_on=self.starts_on, ends_on=self.ends_on, today=timezone.localdate())

    def get_status_display(self):
        return CampaignStatus(self.status).label


class CampaignRelatedLink(Orderable):
    campaign = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="related_links")
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page", ["resources.ArticlePage", "resources.GuidancePage"])]


CampaignPage.edit_handler = content_edit_handler(CampaignPage)
