"""Reads of the shared foundation: the home page, navigation and site-wide settings.

`home` must not import `resources` or `campaigns`: their page models are found
through the kinds registry (`home.kinds`).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import BigIntegerField, Prefetch, Q, Subquery
from django.db.models.functions import Cast
from django.http import QueryDict
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, ReferenceIndex

from home.kinds import all_kinds, get_kind
from home.models import HomePage, MailboxPage, PageTopic, PortalSettings, SiteAlert, Topic

LISTING_PAGE_PARAM = "page"


def home_page_context(*, home_page):
    """Everything the home page template shows besides the page's own fields."""
    locale_id = home_page.locale_id
    return {
        "featured_campaigns": localized_live_pages(
            links=home_page.featured_campaigns, locale_id=locale_id, model=get_kind("campaign").page_model
        ),
        "latest_articles": latest_live_pages(
            model=get_kind("article").page_model, locale_id=locale_id, count=home_page.latest_articles_count
        ),
        "featured_resources": localized_live_pages(
            links=home_page.featured_resources, locale_id=locale_id, model=get_kind("resource").page_model
        ),
        "hotlines": site_hotlines_for_home(home_page=home_page),
        "index_pages": index_pages_by_kind(home_page=home_page),
        "mailbox_page": MailboxPage.objects.child_of(home_page).live().first(),
    }


def latest_live_pages(*, model, locale_id, count):
    """The `count` most recently published live pages of `model` in the locale, without their bodies."""
    if count <= 0:
        return []
    pages = model.objects.live().filter(locale_id=locale_id).defer_streamfields()
    return list(pages.order_by("-published_at", "-pk")[:count])


def localized_live_pages(*, links, locale_id, model=Page):
    """The live pages that `links` (orderable rows with a `page` key) point to, in the locale.

    A link may point at another locale's version of a page (synchronised
    fields copy links as they are), so pages are matched by translation key;
    a page with no live version in the locale is left out. Link order is kept.
    """
    linked_keys = [link.page.translation_key for link in links.select_related("page")]
    if not linked_keys:
        return []
    pages = model.objects.live().filter(locale_id=locale_id, translation_key__in=linked_keys).defer_streamfields()
    if model is Page:
        pages = pages.specific()
    by_key = {page.translation_key: page for page in pages}
    return [by_key[key] for key in dict.fromkeys(linked_keys) if key in by_key]


def site_hotlines_for_home(*, home_page):
    """The hotlines of the site whose root is `home_page` or its translation, in the home page's locale."""
    portal_settings = PortalSettings.objects.filter(site__root_page__translation_key=home_page.translation_key).first()
    return portal_settings.localized_hotlines(home_page.locale_id) if portal_settings else []


def index_pages_by_kind(*, home_page):
    """The live index page (generic, enough for links) of each content kind under `home_page`, by kind name."""
    kind_by_content_type = {ContentType.objects.get_for_model(kind.index_model).pk: kind.name for kind in all_kinds()}
    children = home_page.get_children().live().filter(content_type_id__in=kind_by_content_type)
    return {kind_by_content_type[child.content_type_id]: child for child in children}


def locale_home_page(*, locale_id):
    """The live home page of a locale, or None."""
    return HomePage.objects.live().filter(depth=2, locale_id=locale_id).first()


def main_menu_pages(*, home_page):
    """Top-level navigation: the content kinds' index pages and pages shown in menus, in tree order."""
    index_types = [kind.index_model for kind in all_kinds()]
    children = home_page.get_children().live()
    return list(children.filter(Page.objects.type_q(*index_types) | Q(show_in_menus=True)))


def breadcrumb_pages(*, page):
    """The live ancestors of `page` from its home page down, excluding the page itself."""
    if page.depth <= 2:
        return []
    return list(page.get_ancestors().filter(depth__gte=2).live())


def language_versions(*, page=None, current_language):
    """One entry per configured language: where a reader switching to it should go.

    With a page, that is the page's live translation, else the language's home
    page. Returns dicts with `code`, `name`, `page` (None if nothing is live)
    and `is_current`. One query.
    """
    names = dict(settings.LANGUAGES)
    targets = {current_language: page} if page is not None else {}
    candidates = Q(depth=2)
    if page is not None:
        candidates |= Q(translation_key=page.translation_key)
    found = Page.objects.live().filter(candidates).select_related("locale").defer_streamfields()
    if page is not None:
        found = found.exclude(pk=page.pk)
    # Translations before home pages, so a translation wins over the fallback.
    for candidate in sorted(found, key=lambda other: page is None or other.translation_key != page.translation_key):
        targets.setdefault(candidate.locale.language_code, candidate)
    return [
        {"code": code, "name": names[code], "page": targets.get(code), "is_current": code == current_language}
        for code in names
    ]


def localized_alert(*, portal_settings, locale_id):
    """The site-wide alert in the locale, else in the language it was linked in; None when unset."""
    if not portal_settings.alert_id:
        return None
    same_alert = SiteAlert.objects.filter(pk=portal_settings.alert_id).values("translation_key")[:1]
    versions = list(SiteAlert.objects.filter(translation_key=Subquery(same_alert)))
    for alert in versions:
        if alert.locale_id == locale_id:
            return alert
    return next((alert for alert in versions if alert.pk == portal_settings.alert_id), None)


def localized_topics(*, page):
    """The page's topics, each in the page's locale when it has a version there.

    One query when the links already point to the page's locale (the usual case).
    """
    topics = [link.topic for link in page.topic_links.select_related("topic")]
    foreign_keys = [topic.translation_key for topic in topics if topic.locale_id != page.locale_id]
    if not foreign_keys:
        return topics
    translated = Topic.objects.filter(locale_id=page.locale_id, translation_key__in=foreign_keys)
    by_key = {topic.translation_key: topic for topic in translated}
    return [by_key.get(topic.translation_key, topic) for topic in topics]


# --- listings shared by the index pages of resources and campaigns ----------


def topics_by_slug(*, locale_id):
    """Every topic keyed by slug, in the locale `locale_id`, else in the default locale.

    Topics are a small taxonomy, so one query for all of them is cheaper than
    one per listing row, and it also tells which slugs exist.
    """
    default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    topics = {}
    for topic in Topic.objects.filter(Q(locale_id=locale_id) | Q(locale__language_code=default_language)):
        if topic.locale_id == locale_id or topic.slug not in topics:
            topics[topic.slug] = topic
    return topics


def with_topic_links(queryset):
    return queryset.prefetch_related(
        Prefetch("topic_links", queryset=PageTopic.objects.select_related("topic").order_by("sort_order", "pk"))
    )


def attach_localized_topics(pages, *, topics):
    """Set `page.localized_topics`: the page's topics as rows of the listing's locale."""
    for page in pages:
        page.localized_topics = [topics.get(link.topic.slug, link.topic) for link in page.topic_links.all()]
    return pages


def paginate(queryset, *, params, param_name=LISTING_PAGE_PARAM, kept_params=None):
    """The requested page of `queryset` and links to its neighbours.

    A malformed or out-of-range page number gets the first or the last page
    (Paginator.get_page), never an error. Links keep `kept_params` (the
    recognised filters), dropping anything else from the query string.
    """
    page_obj = Paginator(queryset, settings.PORTAL_LISTING_PAGE_SIZE).get_page(params.get(param_name))
    page_obj.object_list = list(page_obj.object_list)
    kept_params = kept_params if kept_params is not None else QueryDict()

    def url_for(number):
        query = kept_params.copy()
        query[param_name] = str(number)
        return "?" + query.urlencode()

    links = []
    for number in page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1):
        is_number = isinstance(number, int)
        links.append(
            {
                "number": number,
                "url": url_for(number) if is_number else None,
                "current": number == page_obj.number,
            }
        )
    pagination = {
        "page_obj": page_obj,
        "pages": links,
        "previous_url": url_for(page_obj.previous_page_number()) if page_obj.has_previous() else None,
        "next_url": url_for(page_obj.next_page_number()) if page_obj.has_next() else None,
    }
    return page_obj, pagination


def live_pages_using_document(*, document, limit=50):
    """Live pages whose content (files, body blocks) links `document`, found through Wagtail's reference index."""
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .annotate(page_id=Cast("object_id", output_field=BigIntegerField()))
        .values("page_id")
    )
    return list(Page.objects.live().filter(pk__in=Subquery(page_ids))[:limit])
