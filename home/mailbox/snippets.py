"""Admin lists editors keep for the mailbox: schools and danger phrases."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.models import DangerPhrase, School


class SchoolViewSet(SnippetViewSet):
    model = School
    icon = "home"
    menu_label = _("Schools")
    list_display = ["name", "is_active", "sort_order"]
    list_filter = ["is_active"]
    search_fields = ["name"]
    search_backend_name = None


class DangerPhraseViewSet(SnippetViewSet):
    model = DangerPhrase
    icon = "warning"
    menu_label = _("Danger phrases")
    list_display = ["phrase"]
    search_fields = ["phrase"]
    search_backend_name = None


class MailboxListsViewSetGroup(SnippetViewSetGroup):
    items = (SchoolViewSet, DangerPhraseViewSet)
    menu_label = _("Help mailbox lists")
    menu_icon = "mail"
    menu_name = "mailbox-lists"
    menu_order = 260
