from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="cog")
class PortalSettings(ClusterableModel, BaseSiteSetting):
    """Per-site settings. Hotlines and the alert are translatable snippets,
    linked by foreign key so each locale shows its own wording."""

    alert = models.ForeignKey(
        "home.SiteAlert",
        verbose_name=_("site-wide alert"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of every page while set."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_address = models.CharField(_("address"), max_length=255, blank=True)

    panels = [
        FieldPanel("alert"),
        InlinePanel("hotline_links", label=_("Hotlines")),
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("contact_address")], heading=_("Contact")),
    ]

    class Meta:
        verbose_name = _("portal settings")

    def localized_hotlines(self, locale):
        """The linked hotlines in `locale`, falling back to the linked version."""
        from .taxonomy import Hotline

        linked = [link.hotline for link in self.hotline_links.select_related("hotline")]
        translated = Hotline.objects.filter(
            locale=locale, translation_key__in=[hotline.translation_key for hotline in linked]
        )
        by_key = {hotline.translation_key: hotline for hotline in translated}
        return [by_key.get(hotline.translation_key, hotline) for hotline in linked]


class PortalSettingsHotline(Orderable):
    settings = ParentalKey(PortalSettings, on_delete=models.CASCADE, related_name="hotline_links")
    hotline = models.ForeignKey("home.Hotline", verbose_name=_("hotline"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("hotline")]
