"""StreamField blocks shared by every page type."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
        search_index=False,  # the level's label is not content to search
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class CalloutBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(
        label=_("Style"),
        choices=[
            ("info", _("Information")),
            ("warning", _("Warning")),
            ("tip", _("Tip")),
        ],
        default="info",
        search_index=False,
    )
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "blocks/callout_block.html"


class HotlineBlock(blocks.StructBlock):
    hotline = SnippetChooserBlock("home.Hotline", label=_("Hotline"))

    class Meta:
        icon = "mobile-alt"
        label = _("Hotline")
        template = "blocks/hotline_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(label=_("Link text"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "blocks/document_link_block.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=RICH_TEXT_FEATURES, template="blocks/paragraph_block.html"
    )
    heading = HeadingBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    hotline = HotlineBlock()
    document_link = DocumentLinkBlock()


class LegalReferenceBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Document title"), max_length=300)
    citation = blocks.CharBlock(
        label=_("Article or clause"),
        required=False,
        max_length=200,
        help_text=_("For example: Article 8, Clause 2"),
    )
    url = blocks.URLBlock(label=_("Link"), required=False)

    class Meta:
        icon = "clipboard-list"
        label = _("Legal reference")
        template = "blocks/legal_reference_block.html"


class ActivityBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "date"
        label = _("Activity")
        template = "blocks/activity_block.html"
