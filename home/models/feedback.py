"""Readers' answers to "Was this page helpful?": anonymous by construction."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

FEEDBACK_COMMENT_MAX_LENGTH = 500


class PageFeedback(models.Model):
    """One yes/no answer with an optional comment.

    Nothing about the reader is kept: no user, address, browser or cookie.
    Only the day is stored, not the time, so an answer cannot be matched to a
    request in the server's access logs.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="feedback"
    )
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), max_length=FEEDBACK_COMMENT_MAX_LENGTH, blank=True)
    created_on = models.DateField(_("date"), default=timezone.localdate, db_index=True)

    class Meta:
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        ordering = ["-created_on", "-pk"]

    def __str__(self):
        return f"{self.page_id}: {'+' if self.helpful else '-'}"
