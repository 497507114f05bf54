"""Page types of the shared foundation: the base pages, home and standard pages."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock
from home.fields import ChoiceSetField
from home.models.choices import Audience


class BasePage(Page):
    """Abstract base of every page: SEO, social image and shared search fields.

    Translatable fields are declared here once (Mozilla Foundation style) and
    extended by subclasses, so wagtail-localize never guesses.
    """

    social_image = models.ForeignKey(
        "home.PortalImage",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared. 1200×630 works best."),
    )

    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading=_("For search engines"),
        ),
        FieldPanel("social_image"),
        FieldPanel("show_in_menus"),
    ]

    search_fields = [*Page.search_fields, index.SearchField("search_description")]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("social_image"),
        SynchronizedField("show_in_menus"),
    ]

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        return self.search_description or getattr(self, "summary", "")


class ContentPage(BasePage):
    """Abstract base of what readers learn from: articles, campaigns, guidance."""

    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One paragraph, shown in lists and search results.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    audiences = ChoiceSetField(_("audiences"), choices=Audience.choices)
    published_at = models.DateTimeField(_("publication date"), default=timezone.now, db_index=True)
    author = models.CharField(_("author"), max_length=120, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    metadata_panels = [
        FieldPanel("published_at"),
        FieldPanel("author"),
        FieldPanel("audiences"),
        InlinePanel("topic_links", label=_("Topics")),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("published_at"),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("body"),
        TranslatableField("author"),
        SynchronizedField("audiences"),
        SynchronizedField("published_at"),
        SynchronizedField("topic_links"),
    ]

    class Meta:
        abstract = True

    @property
    def topics(self):
        return [link.topic for link in self.topic_links.all()]

    @property
    def topic_slugs(self):
        return [link.topic.slug for link in self.topic_links.all()]

    def get_audience_labels(self):
        labels = dict(Audience.choices)
        return [labels[value] for value in self.audiences if value in labels]


class PageTopic(Orderable):
    """Topic link of a content page.

    An inline row with a foreign key, not a many-to-many field, because
    wagtail-localize synchronises foreign keys to translatable snippets and
    ignores many-to-many fields.
    """

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(
        "home.Topic", verbose_name=_("topic"), on_delete=models.CASCADE, related_name="page_links"
    )

    panels = [FieldPanel("topic")]

    class Meta(Orderable.Meta):
        verbose_name = _("topic link")
        constraints = [
            models.UniqueConstraint(fields=["page", "topic"], name="unique_page_topic"),
        ]


class HomePage(BasePage):
    hero_title = models.CharField(_("hero title"), max_length=150)
    hero_message = models.TextField(_("hero message"), blank=True)
    hero_image = models.ForeignKey(
        "home.PortalImage",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    search_prompt = models.CharField(
        _("search box prompt"), max_length=150, blank=True,
        help_text=_("Placeholder text of the search box."),
    )  # fmt: skip
    campaigns_heading = models.CharField(_("campaigns heading"), max_length=100, blank=True)
    articles_heading = models.CharField(_("latest articles heading"), max_length=100, blank=True)
    latest_articles_count = models.PositiveSmallIntegerField(_("number of latest articles"), default=6)
    resources_heading = models.CharField(_("resources heading"), max_length=100, blank=True)
    hotlines_heading = models.CharField(_("hotlines heading"), max_length=100, blank=True)
    hotlines_message = models.TextField(_("hotlines message"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "resources.ArticleIndexPage",
        "resources.GuidanceIndexPage",
        "campaigns.CampaignIndexPage",
        "home.MailboxPage",
    ]
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_title"),
                FieldPanel("hero_message"),
                FieldPanel("hero_image"),
                FieldPanel("search_prompt"),
            ],
            heading=_("Hero"),
        ),
        MultiFieldPanel(
            [FieldPanel("campaigns_heading"), InlinePanel("featured_campaigns", label=_("Featured campaigns"))],
            heading=_("Campaigns"),
        ),
        MultiFieldPanel(
            [FieldPanel("articles_heading"), FieldPanel("latest_articles_count")],
            heading=_("Latest articles"),
        ),
        MultiFieldPanel(
            [FieldPanel("resources_heading"), InlinePanel("featured_resources", label=_("Featured resources"))],
            heading=_("Resources"),
        ),
        MultiFieldPanel([FieldPanel("hotlines_heading"), FieldPanel("hotlines_message")], heading=_("Hotlines")),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("hero_title"),
        TranslatableField("hero_message"),
        SynchronizedField("hero_image"),
        TranslatableField("search_prompt"),
        TranslatableField("campaigns_heading"),
        TranslatableField("articles_heading"),
        SynchronizedField("latest_articles_count"),
        TranslatableField("resources_heading"),
        TranslatableField("hotlines_heading"),
        TranslatableField("hotlines_message"),
        SynchronizedField("featured_campaigns"),
        SynchronizedField("featured_resources"),
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from home.selectors import home_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(home_page_context(home_page=self))
        return context


class HomePageFeaturedPage(Orderable):
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")

    class Meta(Orderable.Meta):
        abstract = True


class HomePageFeaturedCampaign(HomePageFeaturedPage):
    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_campaigns")
    panels = [PageChooserPanel("page", "campaigns.CampaignPage")]


class HomePageFeaturedResource(HomePageFeaturedPage):
    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_resources")
    panels = [PageChooserPanel("page", "resources.GuidancePage")]


class IndexPage(BasePage):
    """Abstract base of the index page of a kind: one per home page, listing its children."""

    introduction = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("introduction")]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.get_listing_context(params=request.GET))
        return context

    def get_listing_context(self, *, params):
        raise NotImplementedError

class StandardPage(BasePage):
    """About, privacy policy, accessibility statement and similar pages."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction"), index.SearchField("body")]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("introduction"),
        TranslatableField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")

    @property
    def meta_description(self):
        return self.search_description or self.introduction
