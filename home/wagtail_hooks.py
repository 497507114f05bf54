"""Admin wiring for the foundation: taxonomy menu, download counter, dashboard panel."""

from django.utils.http import parse_etags, quote_etag
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.documents import most_downloaded, record_download
from home.mailbox.snippets import MailboxListsViewSetGroup
from home.models import Hotline, SiteAlert, Topic
from home.security import page_privacy_refusal
from home.selectors import live_pages_using_document

MOST_DOWNLOADED_LIMIT = 10


# --- Download counter --------------------------------------------------------


# After Wagtail's collection privacy check (order 0), before the download counter.
@hooks.register("before_serve_document", order=50)
def refuse_documents_of_private_pages(document, request):
    pages = live_pages_using_document(document=document)
    return page_privacy_refusal(request=request, pages=pages)


# Runs after Wagtail's own view-restriction hook (order 0): a refused request is not a download.
@hooks.register("before_serve_document", order=100)
def count_document_download(document, request):
    """Count GET requests only: HEAD requests and cache revalidations fetch no file."""
    if request.method != "GET" or is_revalidation(document=document, request=request):
        return None
    record_download(document=document)
    return None


def is_revalidation(*, document, request):
    """A conditional GET that Wagtail's serve view (ETag = file hash) answers with 304 Not Modified."""
    etags = parse_etags(request.headers.get("If-None-Match", ""))
    return "*" in etags or quote_etag(document.file_hash) in etags


# --- Taxonomy snippets -------------------------------------------------------


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug"]
    search_fields = ["name", "slug", "description"]
    search_backend_name = None


class HotlineViewSet(SnippetViewSet):
    model = Hotline
    icon = "mobile-alt"
    menu_label = _("Hotlines")
    list_display = ["number", "name", "sort_order"]
    search_fields = ["number", "name", "description"]
    search_backend_name = None


class SiteAlertViewSet(SnippetViewSet):
    model = SiteAlert
    icon = "warning"
    menu_label = _("Site alerts")
    list_display = ["message", "level", "link_url"]
    list_filter = ["level"]
    search_fields = ["message", "link_text"]
    search_backend_name = None


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (TopicViewSet, HotlineViewSet, SiteAlertViewSet)
    menu_label = _("Taxonomy")
    menu_icon = "folder-open-1"
    menu_name = "taxonomy"
    menu_order = 250


register_snippet(TaxonomyViewSetGroup)
register_snippet(MailboxListsViewSetGroup)


# --- Dashboard ---------------------------------------------------------------


class MostDownloadedDocumentsPanel(Component):
    name = "most_downloaded_documents"
    template_name = "home/admin/most_downloaded_panel.html"
    order = 160

    def __init__(self, *, documents):
        self.documents = documents

    def get_context_data(self, parent_context):
        return {"documents": self.documents, "request": parent_context.get("request")}


@hooks.register("construct_homepage_panels")
def add_most_downloaded_documents_panel(request, panels):
    policy = policy_registry.get_by_type(get_document_model())
    if not policy.user_has_any_permission(request.user, ["change"]):
        return
    editable = policy.instances_user_has_any_permission_for(request.user, ["change"])
    documents = most_downloaded(documents=editable, limit=MOST_DOWNLOADED_LIMIT)
    panels.append(MostDownloadedDocumentsPanel(documents=documents))
