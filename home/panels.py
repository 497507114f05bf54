from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, TabbedInterface


def content_edit_handler(page_class):
    """Content / Metadata / Promote / Settings tabs for a content page type."""
    return TabbedInterface(
        [
            ObjectList(page_class.content_panels, heading=_("Content")),
            ObjectList(page_class.metadata_panels, heading=_("Metadata")),
            ObjectList(page_class.promote_panels, heading=_("Promote")),
            ObjectList(page_class.settings_panels, heading=_("Settings"), classname="settings"),
        ]
    )
