"""Admin wiring of the counsellors' side of the mailbox: menu items, dashboard panel,
counsellor assignments (the URLs are in `home.mailbox.admin_urls`).

Imported from `HomeConfig.ready()` (Wagtail only auto-imports `wagtail_hooks`).
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.mailbox import counselling
from home.models import CounsellorAssignment


class CounsellorMenuItem(MenuItem):
    def is_shown(self, request):
        return counselling.is_counsellor(request.user)


@hooks.register("register_admin_menu_item")
def register_mailbox_menu_item():
    return CounsellorMenuItem(
        _("Student help mailbox"), reverse("mailbox_cases"), name="student-mailbox", icon_name="mail", order=150
    )


class AccessLogMenuItem(MenuItem):
    def is_shown(self, request):
        return counselling.user_can_read_access_log(request.user)


@hooks.register("register_reports_menu_item")
def register_access_log_menu_item():
    return AccessLogMenuItem(
        _("Mailbox access log"),
        reverse("mailbox_access_log"),
        name="mailbox-access-log",
        icon_name="history",
        order=9200,
    )


# --- Dashboard ---------------------------------------------------------------


class AwaitingReplyPanel(Component):
    name = "mailbox_awaiting_reply"
    template_name = "home/mailbox/admin/awaiting_reply_panel.html"
    order = 90

    def __init__(self, *, awaiting_count):
        self.awaiting_count = awaiting_count

    def get_context_data(self, parent_context):
        return {"awaiting_count": self.awaiting_count, "request": parent_context.get("request")}


@hooks.register("construct_homepage_panels")
def add_awaiting_reply_panel(request, panels):
    if counselling.is_counsellor(request.user):
        panels.append(AwaitingReplyPanel(awaiting_count=counselling.count_awaiting_reply(request.user)))


# --- Counsellor assignments (content managers and administrators) ------------


class CounsellorAssignmentForm(WagtailAdminModelForm):
    """Only members of the counsellors group can be assigned."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = counselling.counsellor_users()
        self.fields["user"].label = _("Counsellor")
        self.fields["user"].help_text = _("Only members of the “%(group)s” group are listed.") % {
            "group": counselling.COUNSELLORS_GROUP
        }


class CounsellorAssignmentViewSet(SnippetViewSet):
    model = CounsellorAssignment
    icon = "group"
    menu_label = _("Counsellor assignments")
    menu_name = "counsellor-assignments"
    add_to_settings_menu = True
    list_display = ["user", "school"]
    list_filter = ["school"]
    search_backend_name = None
    edit_handler = ObjectList([FieldPanel("user"), FieldPanel("school")], base_form_class=CounsellorAssignmentForm)


register_snippet(CounsellorAssignmentViewSet)
