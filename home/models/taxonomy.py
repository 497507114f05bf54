"""Translatable snippets shared by every app: topics, hotlines, alerts."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A subject such as drugs or school violence.

    The slug is synchronised, never translated, so that `?topic=drugs` means
    the same thing in every locale.
    """

    slug = models.SlugField(_("slug"), max_length=80)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_topic_slug_per_locale"),
        ]

    def __str__(self):
        return self.name


class Hotline(TranslatableMixin, models.Model):
    number = models.CharField(_("number"), max_length=30)
    name = models.CharField(_("name"), max_length=120)
    description = models.CharField(_("description"), max_length=255, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("number"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("number"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("hotline")
        verbose_name_plural = _("hotlines")
        ordering = ["sort_order", "number"]

    def __str__(self):
        return f"{self.number} – {self.name}"

    @property
    def tel_url(self):
        return "tel:" + "".join(ch for ch in self.number if ch.isdigit() or ch == "+")


class SiteAlert(TranslatableMixin, models.Model):
    class Level(models.TextChoices):
        INFO = "info", _("Information")
        WARNING = "warning", _("Warning")
        URGENT = "urgent", _("Urgent")

    message = models.CharField(_("message"), max_length=300)
    link_url = models.URLField(_("link"), blank=True)
    link_text = models.CharField(_("link text"), max_length=80, blank=True)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, default=Level.INFO)

    panels = [FieldPanel("message"), FieldPanel("level"), FieldPanel("link_url"), FieldPanel("link_text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site alert")
        verbose_name_plural = _("site alerts")

    def __str__(self):
        return self.message
