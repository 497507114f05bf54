"""Reads of the articles and the resource library: listings, filters and their counts.

The resource library is filtered by a plain GET form. Values are OR-ed within
a facet and AND-ed across facets. Facet counts are disjunctive: the count next
to a value is the number of results with every OTHER facet's filter applied
plus that value, so a reader sees what each option would leave.
"""

import re
from dataclasses import dataclass

from django.db.models import Count, DateField, Q
from django.db.models.functions import Coalesce, ExtractYear, TruncDate
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from home.fields import contains_lookup
from home.models import Audience, PageTopic, SchoolLevel
from home.selectors import attach_localized_topics, paginate, topics_by_slug, with_topic_links
from resources.models import ArticlePage, GuidancePage, ResourceType

TOPIC, AUDIENCE, LEVEL, TYPE, YEAR = "topic", "audience", "level", "type", "year"
LIBRARY_FACETS = (TOPIC, AUDIENCE, LEVEL, TYPE, YEAR)
MAX_VALUES_PER_PARAMETER = 50
YEAR_PATTERN = re.compile(r"^[0-9]{4}$")
MATCH_NOTHING = Q(pk__in=[])


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str
    legend: str
    options: list
    input_type: str = "checkbox"

    @property
    def has_selection(self):
        return any(option.selected for option in self.options)


@dataclass(frozen=True)
class UnknownValue:
    legend: str
    value: str


# --- shared helpers -------------------------------------------------------


def clean_values(params, name):
    """The distinct, non-blank values of the query parameter `name`, in order.

    No form offers more than a few dozen values, so the list is cut short to
    keep a hand-made URL from building a huge query.
    """
    values = [value.strip() for value in params.getlist(name)]
    return list(dict.fromkeys(value for value in values if value))[:MAX_VALUES_PER_PARAMETER]


def topic_counts(pages):
    """{slug: number of `pages` linked to the topic} in one grouped query."""
    rows = (
        PageTopic.objects.filter(page_id__in=pages.order_by().values("pk"))
        .values("topic__slug")
        .annotate(count=Count("page_id", distinct=True))
        .order_by()
    )
    return {row["topic__slug"]: row["count"] for row in rows}


def query_of(selection):
    """A QueryDict holding `selection` ({name: [values]}), for links that keep filters."""
    query = QueryDict(mutable=True)
    for name, values in selection.items():
        if values:
            query.setlist(name, values)
    return query


# --- resource library -----------------------------------------------------


def library_pages(*, index_page):
    """Live, public resources of the library `index_page`, newest first.

    A resource's date is its issue date, or the day it was published (in
    TIME_ZONE) when it has no issue date; `listing_year` is that date's year.
    The year facet and the ordering both use this date, so a circular issued
    in 2023 but put online in 2025 is listed under 2023.
    """
    listing_date = Coalesce("issued_on", TruncDate("published_at"), output_field=DateField())
    return (
        GuidancePage.objects.live()
        .public()
        .child_of(index_page)
        .filter(locale_id=index_page.locale_id)
        .annotate(listing_date=listing_date, listing_year=ExtractYear(listing_date))
        .order_by("-listing_date", "-published_at", "-pk")
    )


FACET_LEGENDS = {
    TOPIC: _("Topic"),
    AUDIENCE: _("Audience"),
    LEVEL: _("School level"),
    TYPE: _("Resource type"),
    YEAR: _("Year"),
}
FIXED_CHOICES = {AUDIENCE: Audience.choices, LEVEL: SchoolLevel.choices, TYPE: ResourceType.choices}


def is_known_value(name, value, *, topics):
    if name == TOPIC:
        return value in topics
    if name == YEAR:
        return bool(YEAR_PATTERN.match(value)) and int(value) > 0
    return value in {choice for choice, _label in FIXED_CHOICES[name]}


def _facet_q(name, values):
    if name == TOPIC:
        return Q(pk__in=PageTopic.objects.filter(topic__slug__in=values).values("page_id"))
    if name == AUDIENCE:
        return _any_of([Q(**contains_lookup("audiences", value)) for value in values])
    if name == LEVEL:
        return _any_of([Q(**contains_lookup("school_levels", value)) for value in values])
    if name == TYPE:
        return Q(resource_type__in=values)
    return Q(listing_year__in=[int(value) for value in values])


def _any_of(conditions):
    combined = Q()
    for condition in conditions:
        combined |= condition
    return combined


def library_filter_qs(*, selection, unknown):
    """{facet name: Q} for each facet with a selection; a facet with an unknown value matches nothing."""
    return {
        name: MATCH_NOTHING if unknown.get(name) else _facet_q(name, values)
        for name, values in selection.items()
        if values
    }


def _all_but(filter_qs, excluded):
    combined = Q()
    for name, condition in filter_qs.items():
        if name != excluded:
            combined &= condition
    return combined


def _choice_set_counts(pages, *, field_name, values):
    """{value: count} for a ChoiceSetField in one aggregate query."""
    aggregates = {
        f"count_{position}": Count("pk", filter=Q(**contains_lookup(field_name, value)))
        for position, value in enumerate(values)
    }
    totals = pages.order_by().aggregate(**aggregates)
    return {value: totals[f"count_{position}"] or 0 for position, value in enumerate(values)}


def _grouped_counts(pages, *, field_name):
    rows = pages.order_by().values(field_name).annotate(count=Count("pk")).order_by()
    return {str(row[field_name]): row["count"] for row in rows if row[field_name] is not None}


def library_facet_counts(*, pages, filter_qs):
    """{facet name: {value: count}}, disjunctive: each facet ignores its own filter."""

    def others(name):
        return pages.filter(_all_but(filter_qs, name))

    return {
        TOPIC: topic_counts(others(TOPIC)),
        AUDIENCE: _choice_set_counts(others(AUDIENCE), field_name="audiences", values=Audience.values),
        LEVEL: _choice_set_counts(others(LEVEL), field_name="school_levels", values=SchoolLevel.values),
        TYPE: _grouped_counts(others(TYPE), field_name="resource_type"),
        YEAR: _grouped_counts(others(YEAR), field_name="listing_year"),
    }


def _options(*, values_and_labels, counts, selected):
    return [
        FacetOption(value=value, label=str(label), count=counts.get(value, 0), selected=value in selected)
        for value, label in values_and_labels
    ]


def _topic_choices(slugs, *, topics):
    """(slug, localized name) of the known `slugs`, sorted by name."""
    known = [slug for slug in dict.fromkeys(slugs) if slug in topics]
    return sorted(((slug, topics[slug].name) for slug in known), key=lambda item: item[1].lower())


def library_facets(*, counts, selection, topics):
    """The facets of the filter form.

    Facets of fixed choices (audience, school level, type) list every choice,
    even at zero, so the form keeps its shape. Topics and years list only the
    values that would leave results, plus the selected ones so they can be
    unticked.
    """

    def shown(name):
        values = [*counts[name], *selection[name]]
        return [value for value in values if is_known_value(name, value, topics=topics)]

    choices = {
        TOPIC: _topic_choices(shown(TOPIC), topics=topics),
        **FIXED_CHOICES,
        YEAR: [(year, year) for year in sorted(set(shown(YEAR)), key=int, reverse=True)],
    }
    return [
        Facet(
            name=name,
            legend=FACET_LEGENDS[name],
            options=_options(values_and_labels=choices[name], counts=counts[name], selected=selection[name]),
        )
        for name in LIBRARY_FACETS
    ]


def parse_library_filters(*, params, topics):
    """({facet: [values]}, {facet: [unknown values]}) from the query string; other parameters are ignored."""
    selection = {name: clean_values(params, name) for name in LIBRARY_FACETS}
    unknown = {
        name: [value for value in values if not is_known_value(name, value, topics=topics)]
        for name, values in selection.items()
    }
    return selection, {name: values for name, values in unknown.items() if values}


def unknown_values(unknown):
    return [
        UnknownValue(legend=FACET_LEGENDS[name], value=value) for name, values in unknown.items() for value in values
    ]


def library_context(*, index_page, params):
    """Context of the resource library page: one page of filtered results and the facets.

    Queries: topics, view restrictions, five facet counts, the result count,
    the page of results and its topic links, whatever the number of results.
    """
    topics = topics_by_slug(locale_id=index_page.locale_id)
    selection, unknown = parse_library_filters(params=params, topics=topics)
    filter_qs = library_filter_qs(selection=selection, unknown=unknown)

    pages = library_pages(index_page=index_page)
    results = with_topic_links(pages.filter(_all_but(filter_qs, None)))
    page_obj, pagination = paginate(results, params=params, kept_params=query_of(selection))
    attach_localized_topics(page_obj.object_list, topics=topics)

    counts = library_facet_counts(pages=pages, filter_qs=filter_qs)
    return {
        "page_obj": page_obj,
        "pagination": pagination,
        "result_count": page_obj.paginator.count,
        "facets": library_facets(counts=counts, selection=selection, topics=topics),
        "filters_active": bool(filter_qs),
        "unknown_filters": unknown_values(unknown),
    }


# --- articles -------------------------------------------------------------


def article_pages(*, index_page):
    """Live, public articles of `index_page` in its locale, newest first."""
    return (
        ArticlePage.objects.live()
        .public()
        .child_of(index_page)
        .filter(locale_id=index_page.locale_id)
        .order_by("-published_at", "-pk")
    )


def article_index_context(*, index_page, params):
    """Context of the article index: one page of articles, optionally of one topic (`?topic=slug`).

    Several `topic` values are OR-ed; an unknown slug lists nothing and says so.
    """
    topics = topics_by_slug(locale_id=index_page.locale_id)
    selected = clean_values(params, TOPIC)
    unknown = [slug for slug in selected if slug not in topics]

    pages = article_pages(index_page=index_page)
    results = pages
    if unknown:
        results = pages.filter(MATCH_NOTHING)
    elif selected:
        results = pages.filter(_facet_q(TOPIC, selected))
    page_obj, pagination = paginate(with_topic_links(results), params=params, kept_params=query_of({TOPIC: selected}))
    attach_localized_topics(page_obj.object_list, topics=topics)

    counts = topic_counts(pages)
    return {
        "page_obj": page_obj,
        "pagination": pagination,
        "result_count": page_obj.paginator.count,
        "facets": [
            Facet(
                name=TOPIC,
                legend=FACET_LEGENDS[TOPIC],
                options=_options(
                    values_and_labels=_topic_choices([*counts, *selected], topics=topics),
                    counts=counts,
                    selected=selected,
                ),
                input_type="radio",
            )
        ],
        "filters_active": bool(selected),
        "unknown_filters": unknown_values({TOPIC: unknown} if unknown else {}),
    }
