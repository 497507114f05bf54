"""Reads for search: editors' synonyms, help rules and picks, hotlines, the query report."""

import datetime

from django.core.cache import cache
from django.db.models import Sum
from django.utils import timezone

from search.models import HelpRule, SearchEntry, SearchQueryDay, SynonymGroup
from search.text import folded_tokens, normalize

# Editors' lists are read on every search; other processes see a change within this time.
EDITORS_LISTS_CACHE_SECONDS = 60
SYNONYMS_CACHE_KEY = "search:synonym-groups"
HELP_RULES_CACHE_KEY = "search:help-rules"
PROMOTIONS_CACHE_KEY = "search:promotions"
REPORT_DAYS = 30


def clear_editors_lists_cache():
    cache.delete_many([SYNONYMS_CACHE_KEY, HELP_RULES_CACHE_KEY, PROMOTIONS_CACHE_KEY])


def synonym_groups() -> list[list[str]]:
    """Each group of synonyms, as normalised lower-case terms: [["vape", "thuốc lá điện tử"], ...]."""
    groups = cache.get(SYNONYMS_CACHE_KEY)
    if groups is None:
        groups = []
        for group in SynonymGroup.objects.all():
            terms = list(dict.fromkeys(" ".join(normalize(term).lower().split()) for term in group.term_list()))
            if len(terms) > 1:
                groups.append(terms)
        cache.set(SYNONYMS_CACHE_KEY, groups, EDITORS_LISTS_CACHE_SECONDS)
    return groups


def _help_rules():
    rules = cache.get(HELP_RULES_CACHE_KEY)
    if rules is None:
        rules = [
            {
                "language": rule.language,
                "patterns": rule.pattern_tokens(),
                "title": rule.title,
                "message": rule.message,
            }
            for rule in HelpRule.objects.all()
        ]
        cache.set(HELP_RULES_CACHE_KEY, rules, EDITORS_LISTS_CACHE_SECONDS)
    return rules


def _contains_in_order(tokens, pattern):
    remaining = iter(tokens)
    return all(word in remaining for word in pattern)


def matching_help_rule(*, text, locale):
    """The first help rule (a dict with `title` and `message`) whose pattern `text` matches, or None."""
    tokens = folded_tokens(text)
    if not tokens:
        return None
    for rule in _help_rules():
        if rule["language"] in ("", locale) and any(_contains_in_order(tokens, p) for p in rule["patterns"]):
            return {"title": rule["title"], "message": rule["message"]}
    return None


def _promotions():
    """{folded query: [page ids in editors' order]}."""
    promotions = cache.get(PROMOTIONS_CACHE_KEY)
    if promotions is None:
        from wagtail.contrib.search_promotions.models import SearchPromotion

        promotions = {}
        rows = (
            SearchPromotion.objects.filter(page__isnull=False)
            .order_by("query_id", "sort_order", "pk")
            .values_list("query__query_string", "page_id")
        )
        for query_string, page_id in rows:
            key = " ".join(folded_tokens(query_string))
            if key and page_id not in promotions.setdefault(key, []):
                promotions[key].append(page_id)
        cache.set(PROMOTIONS_CACHE_KEY, promotions, EDITORS_LISTS_CACHE_SECONDS)
    return promotions


def promoted_entries(*, text, locale):
    """Editors' picks for `text` (accents, case and punctuation ignored) that are indexed in `locale`."""
    page_ids = _promotions().get(" ".join(folded_tokens(text)), [])
    if not page_ids:
        return []
    now = timezone.now()
    entries = {
        entry.page_id: entry
        for entry in SearchEntry.objects.filter(page_id__in=page_ids, locale=locale)
        .exclude(expire_at__lte=now)
        .select_related("text")
    }
    return [entries[page_id] for page_id in page_ids if page_id in entries]


def entries_by_page_id(*, page_ids):
    return {entry.page_id: entry for entry in SearchEntry.objects.filter(page_id__in=page_ids)}


def hotlines(*, locale_code):
    """The site's hotlines in this language: those linked in the portal settings, else every hotline."""
    from wagtail.models import Locale, Site

    from home.models import Hotline, PortalSettings

    locale = Locale.objects.filter(language_code=locale_code).first()
    if locale is None:
        return []
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        linked = PortalSettings.for_site(site).localized_hotlines(locale)
        if linked:
            return linked
    return list(Hotline.objects.filter(locale=locale))


def browse_topics(*, locale_code):
    """Topics of this language that have at least one searchable page, by name."""
    from home.models import Topic

    used = set(
        SearchEntry.objects.filter(locale=locale_code, facet_values__facet="topic").values_list(
            "facet_values__value", flat=True
        )
    )
    return [topic for topic in Topic.objects.filter(locale__language_code=locale_code) if topic.slug in used]


def topic_names(*, locale_code, slugs):
    from home.models import Topic

    return dict(
        Topic.objects.filter(locale__language_code=locale_code, slug__in=list(slugs)).values_list("slug", "name")
    )


def query_report(*, days=REPORT_DAYS, limit=50, today=None):
    """The most searched queries and the most searched queries that found nothing, over `days` days."""
    today = today or timezone.localdate()
    rows = SearchQueryDay.objects.filter(day__gt=today - datetime.timedelta(days=days))
    grouped = rows.values("query", "locale").annotate(
        total=Sum("searches"), without_results=Sum("searches_without_results")
    )
    return {
        "since": today - datetime.timedelta(days=days - 1),
        "top": list(grouped.order_by("-total", "query")[:limit]),
        "without_results": list(grouped.filter(without_results__gt=0).order_by("-without_results", "query")[:limit]),
        "total_searches": rows.aggregate(total=Sum("searches"))["total"] or 0,
    }
