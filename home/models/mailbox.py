"""The student help mailbox "Hộp thư điều em muốn nói": cases, messages, who may read them.

Message text is stored only encrypted (`home.mailbox.crypto`). No model here
has a field for an IP address, user agent or any other trace of the student.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from home.mailbox import crypto
from home.models.pages import BasePage


class MailboxPage(RoutablePageMixin, BasePage):
    """The public mailbox: the form, the code-and-PIN confirmation, and reading a case.

    Every response carries `Cache-Control: no-store`: the pages hold one-time
    tokens, codes and PINs that no cache may keep or share.
    """

    introduction = models.TextField(_("introduction"), blank=True)
    read_introduction = models.TextField(
        _("introduction of the reading page"),
        blank=True,
        help_text=_("Shown above the case code and PIN fields."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("read_introduction")]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("introduction"),
        TranslatableField("read_introduction"),
    ]

    class Meta:
        verbose_name = _("help mailbox page")

    @property
    def meta_description(self):
        return self.search_description or self.introduction

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        base_url = self.get_url(request)
        context.update(
            write_url=base_url + self.reverse_subpage("write").lstrip("/"),
            read_url=base_url + self.reverse_subpage("read"),
            retention_days=getattr(settings, "MAILBOX_RETENTION_DAYS", 180),
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    @path("", name="write")
    def write_view(self, request):
        from home.mailbox.views import write_view

        return write_view(request, page=self)

    @path("read/", name="read")
    def read_view(self, request):
        from home.mailbox.views import read_view

        return read_view(request, page=self)


class School(models.Model):
    """A school a student may name; editors keep the list, counsellors are assigned to them."""

    name = models.CharField(_("name"), max_length=200)
    is_active = models.BooleanField(_("offered on the form"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class DangerPhrase(models.Model):
    """Words that signal danger: a message containing one shows the hotlines at once.

    Matched without regard to case or Vietnamese diacritics, on word boundaries.
    """

    phrase = models.CharField(_("phrase"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("danger phrase")
        verbose_name_plural = _("danger phrases")
        ordering = ["phrase"]

    def __str__(self):
        return self.phrase


class MailboxCase(models.Model):
    class Topic(models.TextChoices):
        BULLYING = "bullying", _("Bullying or violence")
        DRUGS = "drugs", _("Drugs")
        ABUSE = "abuse", _("Abuse")
        ONLINE = "online", _("Something online")
        OTHER = "other", _("Something else")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ANSWERED = "answered", _("Answered")
        AWAITING_COUNSELLOR = "awaiting_counsellor", _("Student wrote again")
        CLOSED = "closed", _("Closed")

    code = models.CharField(_("case code"), max_length=16, unique=True)
    pin_hash = models.CharField(max_length=128)
    school = models.ForeignKey(
        School, verbose_name=_("school"), null=True, blank=True, on_delete=models.SET_NULL, related_name="cases"
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="vi")
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now, db_index=True)
    failed_pin_attempts = models.PositiveSmallIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)
    # A hash of the one-time form token: a retried submission finds its case here.
    submission_token = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("mailbox case")
        verbose_name_plural = _("mailbox cases")
        ordering = ["-last_activity_at"]

    def __str__(self):
        return self.code

    def is_locked(self, *, now=None):
        return self.locked_until is not None and self.locked_until > (now or timezone.now())


class MailboxMessage(models.Model):
    class Sender(models.TextChoices):
        STUDENT = "student", _("Student")
        COUNSELLOR = "counsellor", _("Counsellor")

    case = models.ForeignKey(MailboxCase, on_delete=models.CASCADE, related_name="messages")
    sender = models.CharField(_("from"), max_length=12, choices=Sender.choices)
    body_encrypted = models.TextField()
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("mailbox message")
        verbose_name_plural = _("mailbox messages")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.case_id} {self.sender} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def body(self):
        return crypto.decrypt_text(self.body_encrypted)

    @property
    def is_from_student(self):
        return self.sender == self.Sender.STUDENT


class CounsellorAssignment(models.Model):
    """Which cases a counsellor may read: one school's, or (school empty) the whole city's."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mailbox_assignments")
    school = models.ForeignKey(
        School,
        verbose_name=_("school"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="counsellor_assignments",
        help_text=_("Leave empty for every school in the city."),
    )

    class Meta:
        verbose_name = _("counsellor assignment")
        verbose_name_plural = _("counsellor assignments")
        constraints = [
            models.UniqueConstraint(fields=["user", "school"], name="unique_counsellor_school"),
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(school__isnull=True), name="unique_counsellor_city"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.school or _('whole city')}"


class MailboxAccessLog(models.Model):
    """Who opened, answered, exported or printed which case, and when. Never the content."""

    class Action(models.TextChoices):
        OPENED = "opened", _("Opened")
        REPLIED = "replied", _("Replied")
        EXPORTED = "exported", _("Exported")
        PRINTED = "printed", _("Printed")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    username = models.CharField(_("user"), max_length=150)
    # A copy, not a foreign key: the log outlives the deleted case.
    case_code = models.CharField(_("case code"), max_length=16, db_index=True)
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("mailbox access log entry")
        verbose_name_plural = _("mailbox access log")
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.case_code}"
