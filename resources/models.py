"""Articles and the guidance library: everything a reader learns from."""

import math

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import LegalReferenceBlock
from home.fields import ChoiceSetField
from home.models import ContentPage, IndexPage, SchoolLevel
from home.panels import content_edit_handler

WORDS_PER_MINUTE = 200


class ResourceType(models.TextChoices):
    GUIDE = "guide", _("Guide")
    LEGAL_DOCUMENT = "legal-document", _("Legal document")
    POSTER = "poster", _("Poster")
    SLIDES = "slides", _("Lesson slides")
    LESSON_PLAN = "lesson-plan", _("Lesson plan")
    FORM = "form", _("Form")
    OTHER = "other", _("Other")


class DocumentType(models.TextChoices):
    CONG_VAN = "cong-van", _("Official dispatch (công văn)")
    THONG_TU = "thong-tu", _("Circular (thông tư)")
    NGHI_DINH = "nghi-dinh", _("Decree (nghị định)")
    LUAT = "luat", _("Law (luật)")
    QUYET_DINH = "quyet-dinh", _("Decision (quyết định)")
    KE_HOACH = "ke-hoach", _("Plan (kế hoạch)")
    CHI_THI = "chi-thi", _("Directive (chỉ thị)")
    HUONG_DAN = "huong-dan", _("Guidance (hướng dẫn)")
    OTHER = "khac", _("Other")


class ArticleIndexPage(IndexPage):
    subpage_types = ["resources.ArticlePage"]

    class Meta:
        verbose_name = _("article index")

    def get_listing_context(self, *, params):
        from resources.selectors import article_index_context

        return article_index_context(index_page=self, params=params)


class ArticlePage(ContentPage):
    """A legal-awareness article."""

    legal_references = StreamField(
        [("reference", LegalReferenceBlock())], verbose_name=_("legal references"), blank=True
    )

    parent_page_types = ["resources.ArticleIndexPage"]
    subpage_types = []
    accepts_feedback = True  # "Was this page helpful?" (home.engagement)

    content_panels = [*ContentPage.content_panels, FieldPanel("legal_references")]
    metadata_panels = [*ContentPage.metadata_panels, InlinePanel("related_links", label=_("Related items"))]

    translatable_fields = [
        *ContentPage.translatable_fields,
        TranslatableField("legal_references"),
        SynchronizedField("related_links"),
    ]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    @property
    def reading_time(self):
        """Estimated minutes to read the summary and body, at least one.

        Counts the blocks' plain text rather than rendering the body a second
        time on every page view.
        """
        body_text = self.body.stream_block.get_searchable_content(self.body)
        words = len(" ".join([self.summary, *body_text]).split())
        return max(1, math.ceil(words / WORDS_PER_MINUTE))


class ArticleRelatedLink(Orderable):
    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_links")
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page", ["resources.ArticlePage", "resources.GuidancePage", "campaigns.CampaignPage"])]


class GuidanceIndexPage(IndexPage):
    subpage_types = ["resources.GuidancePage"]

    class Meta:
        verbose_name = _("resource library")

    def get_listing_context(self, *, params):
        from resources.selectors import library_context

        return library_context(index_page=self, params=params)


class GuidancePage(ContentPage):
    """Downloadable guidance: dispatches, circulars, plans, posters, slides."""

    resource_type = models.CharField(_("resource type"), max_length=20, choices=ResourceType.choices)
    school_levels = ChoiceSetField(_("school levels"), choices=SchoolLevel.choices)
    document_number = models.CharField(_("document number"), max_length=80, blank=True)
    document_type = models.CharField(_("document type"), max_length=20, choices=DocumentType.choices, blank=True)
    issuer = models.CharField(_("issuer"), max_length=200, blank=True)
    issued_on = models.DateField(_("issue date"), null=True, blank=True)

    parent_page_types = ["resources.GuidanceIndexPage"]
    subpage_types = []
    accepts_feedback = True  # "Was this page helpful?" (home.engagement)

    content_panels = [*ContentPage.content_panels, InlinePanel("files", label=_("Files"), min_num=1)]
    metadata_panels = [
        MultiFieldPanel(
            [
                FieldPanel("resource_type"),
                FieldPanel("document_type"),
                FieldPanel("document_number"),
                FieldPanel("issuer"),
                FieldPanel("issued_on"),
            ],
            heading=_("Document"),
        ),
        FieldPanel("school_levels"),
        *ContentPage.metadata_panels,
    ]

    search_fields = [
        *ContentPage.search_fields,
        index.SearchField("document_number", boost=4),
        index.SearchField("issuer"),
        index.FilterField("resource_type"),
        index.FilterField("issued_on"),
    ]

    translatable_fields = [
        *ContentPage.translatable_fields,
        SynchronizedField("resource_type"),
        SynchronizedField("school_levels"),
        SynchronizedField("document_number"),
        SynchronizedField("document_type"),
        TranslatableField("issuer"),
        SynchronizedField("issued_on"),
        SynchronizedField("files"),
    ]

    class Meta:
        verbose_name = _("guidance resource")
        verbose_name_plural = _("guidance resources")

    def get_school_level_labels(self):
        labels = dict(SchoolLevel.choices)
        return [labels[value] for value in self.school_levels if value in labels]


class GuidanceFile(Orderable):
    page = ParentalKey(GuidancePage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "home.PortalDocument", verbose_name=_("document"), on_delete=models.PROTECT, related_name="+"
    )
    label = models.CharField(_("label"), max_length=200, blank=True, help_text=_("Defaults to the document title."))

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")

    @property
    def display_label(self):
        return self.label or self.document.title


ArticlePage.edit_handler = content_edit_handler(ArticlePage)
GuidancePage.edit_handler = content_edit_handler(GuidancePage)
