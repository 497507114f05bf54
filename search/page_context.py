"""Template context of the HTML search page, from the same response the API returns."""

import datetime
import math

from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from home.models import Audience, SchoolLevel
from search import selectors
from search.engines.base import FACETS
from search.service import MAX_PAGE, SORTS

PAGE_LINKS_AROUND = 2
KIND_LABELS = {"article": _("Articles"), "campaign": _("Campaigns"), "resource": _("Resources")}
FACET_LEGENDS = {
    "kind": _("Type of content"),
    "topic": _("Topic"),
    "audience": _("For"),
    "school_level": _("School level"),
    "resource_type": _("Type of resource"),
}
SORT_LABELS = {"relevance": _("Most relevant"), "date": _("Newest")}


def resource_type_labels():
    from resources.models import ResourceType

    return dict(ResourceType.choices)


def facet_labels(*, locale_code, slugs):
    return {
        "kind": KIND_LABELS,
        "topic": selectors.topic_names(locale_code=locale_code, slugs=slugs),
        "audience": dict(Audience.choices),
        "school_level": dict(SchoolLevel.choices),
        "resource_type": resource_type_labels(),
    }


def _url(params, **changes):
    """`?query` with `changes` applied (None removes a parameter); the page number is always reset unless given."""
    items = {name: list(values) for name, values in params.lists()} if hasattr(params, "lists") else {}
    items.pop("page", None)
    for name, value in changes.items():
        if value is None or value == []:
            items.pop(name, None)
        else:
            items[name] = value if isinstance(value, list) else [value]
    query = urlencode([(name, value) for name, values in items.items() for value in values if value != ""])
    return f"?{query}" if query else "?"


def facets_context(*, response, query, params):
    slugs = set(response["facets"].get("topic", {})) | set(query.filters.get("topic", ()))
    labels = facet_labels(locale_code=query.locale, slugs=slugs)
    facets = []
    for name in FACETS:
        counts = response["facets"].get(name, {})
        selected = list(query.filters.get(name, ()))
        values = list(counts) + [value for value in selected if value not in counts]
        options = []
        for value in values:
            is_selected = value in selected
            toggled = [v for v in selected if v != value] if is_selected else [*selected, value]
            options.append(
                {
                    "value": value,
                    "label": labels[name].get(value, value),
                    "count": counts.get(value, 0),
                    "selected": is_selected,
                    "url": _url(params, **{name: toggled}),
                }
            )
        if options:
            facets.append(
                {"name": name, "legend": FACET_LEGENDS[name], "options": options, "has_selection": bool(selected)}
            )
    return facets


def pagination_context(*, response, params):
    page, page_size = response["page"], response["page_size"]
    pages = min(max(1, math.ceil(response["count"] / page_size)), MAX_PAGE)
    if pages <= 1 and page == 1:
        return None
    numbers = sorted({1, pages, *range(max(1, page - PAGE_LINKS_AROUND), min(pages, page + PAGE_LINKS_AROUND) + 1)})
    links = []
    previous = None
    for number in numbers:
        if previous is not None and number > previous + 1:
            links.append({"gap": True})
        links.append({"number": number, "current": number == page, "url": _url(params, page=str(number))})
        previous = number
    return {
        "page": page,
        "pages": pages,
        "links": links,
        "previous_url": _url(params, page=str(page - 1)) if 1 < page <= pages + 1 else None,
        "next_url": _url(params, page=str(page + 1)) if page < pages else None,
    }


def search_page_context(*, search, params):
    response, query = search.response, search.query
    results = [
        {
            **item,
            "published": datetime.datetime.fromisoformat(item["published_at"]),
            "kind_label": KIND_LABELS.get(item["kind"], item["kind"]),
        }
        for item in response["results"]
    ]
    help_content = response.get("help")
    filters_active = bool(query.filters)
    context = {
        "search_query": query.text,
        "search": response,
        "results": results,
        "count": response["count"],
        "facets": facets_context(response=response, query=query, params=params),
        "filters_active": filters_active,
        "clear_filters_url": _url(params, **dict.fromkeys(FACETS)),
        "hidden_filters": [(name, value) for name, values in query.filters.items() for value in values],
        "sort": query.sort,
        "sort_options": [
            {
                "value": value,
                "label": SORT_LABELS[value],
                "selected": value == query.sort,
                "url": _url(params, sort=value),
            }
            for value in SORTS
        ],
        "pagination": pagination_context(response=response, params=params),
        "help": help_content,
        "help_hotlines": selectors.hotlines(locale_code=query.locale) if help_content else [],
        "promoted_count": search.promoted_count,
        "partial": search.partial,
    }
    if not results:
        context["browse_topics"] = selectors.browse_topics(locale_code=query.locale)
        context["no_results_hotlines"] = selectors.hotlines(locale_code=query.locale)
    return context
