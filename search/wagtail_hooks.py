"""Editors' search tools: synonyms, help rules, and the report of what readers search for.

Editors' picks are Wagtail's own "Promoted search results" (Settings menu).
"""

from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from search.models import HelpRule, SynonymGroup
from search.selectors import REPORT_DAYS, query_report

REPORT_PERMISSION = "search.view_searchqueryday"


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "list-ul"
    menu_label = _("Synonyms")
    list_display = ["__str__"]
    search_fields = ["terms"]
    search_backend_name = None


class HelpRuleViewSet(SnippetViewSet):
    model = HelpRule
    icon = "help"
    menu_label = _("Help for risky searches")
    list_display = ["name", "language", "title"]
    search_fields = ["name", "patterns", "title"]
    search_backend_name = None


class SearchToolsGroup(SnippetViewSetGroup):
    items = (SynonymGroupViewSet, HelpRuleViewSet)
    menu_icon = "search"
    menu_label = _("Search")
    menu_name = "search-tools"


register_snippet(SearchToolsGroup)


class QueryReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "search/admin/query_report.html"
    page_title = _("What readers search for")
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["report"] = query_report()
        context["report_days"] = REPORT_DAYS
        return context


class QueryReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_admin_urls")
def register_query_report_url():
    return [path("reports/search-queries/", QueryReportView.as_view(), name="search_query_report")]


@hooks.register("register_reports_menu_item")
def register_query_report_menu_item():
    return QueryReportMenuItem(
        _("What readers search for"),
        reverse("search_query_report"),
        name="search-queries",
        icon_name="search",
        order=1290,
    )


@hooks.register("construct_reports_menu")
def hide_unused_search_terms_report(request, menu_items):
    """Wagtail's own "Search terms" report counts a hit log this portal does not keep."""
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]


@hooks.register("register_permissions")
def register_report_permission():
    return Permission.objects.filter(content_type__app_label="search", codename="view_searchqueryday")
