"""The public search index kept in the database, and the editors' search tools.

`SearchEntry` holds one row per live, public content page, written from an
`IndexDocument` at publish time: the small columns that filter, sort, count
and list results. `SearchEntryText` holds its text, from which the full-text
index is built (see `search/migrations/0002_full_text_index.py`): an FTS5
table on SQLite, a GIN-indexed `tsvector` column on PostgreSQL. Keeping the
long texts out of `SearchEntry` keeps its rows small, so counting thousands
of matches reads few pages. Entries are always kept, even when Elasticsearch
answers the queries: they are the fallback, and they hold what a result shows.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel

from search.text import folded_tokens


class SearchEntry(models.Model):
    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="search_entry")
    kind = models.CharField(max_length=20)
    locale = models.CharField(max_length=10)
    published_at = models.DateTimeField()
    expire_at = models.DateTimeField(null=True, blank=True)
    resource_type = models.CharField(max_length=30, blank=True)
    topics = models.CharField(max_length=1000, blank=True)  # "|a|b|"
    audiences = models.CharField(max_length=255, blank=True)
    school_levels = models.CharField(max_length=255, blank=True)
    slug = models.CharField(max_length=255)
    url = models.CharField(max_length=500)
    document_number = models.CharField(max_length=100, blank=True)
    issuer = models.CharField(max_length=255, blank=True)
    indexed_at = models.DateTimeField(auto_now=True)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [
            models.Index(fields=["locale", "published_at"], name="search_entry_locale_date"),
            # Covers the facet counts of a listing without query text: an index-only scan in group order.
            models.Index(
                fields=["locale", "kind", "resource_type", "topics", "audiences", "school_levels", "expire_at"],
                name="search_entry_facets",
            ),
        ]

    def __str__(self):
        return self.title


class SearchEntryText(models.Model):
    """The text of an entry: space-separated tokens for the full-text index, and the body for highlights."""

    entry = models.OneToOneField(SearchEntry, on_delete=models.CASCADE, primary_key=True, related_name="text")
    title_folded = models.TextField(blank=True)
    title_normalized = models.TextField(blank=True)
    numbers = models.TextField(blank=True)  # document-number terms, compacted and in parts
    text_folded = models.TextField(blank=True)
    text_normalized = models.TextField(blank=True)
    body = models.TextField(blank=True)  # normalised plain text

    class Meta:
        verbose_name = _("search entry text")
        verbose_name_plural = _("search entry texts")

    def __str__(self):
        return str(self.entry_id)


class SearchFacetValue(models.Model):
    """One facet value of an entry (kind, topic, audience, school level, resource type), for counting."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="facet_values")
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=100)

    class Meta:
        indexes = [models.Index(fields=["facet", "value", "entry"], name="search_facet_value_idx")]
        constraints = [
            models.UniqueConstraint(fields=["entry", "facet", "value"], name="unique_search_facet_value"),
        ]

    def __str__(self):
        return f"{self.facet}={self.value}"


def split_terms(text):
    """Terms of an editors' list: one per line or separated by commas or semicolons."""
    terms = (term.strip() for line in (text or "").splitlines() for term in line.replace(";", ",").split(","))
    return [term for term in terms if term]


class SynonymGroup(models.Model):
    """Words and phrases a reader may use for the same thing: `vape`, `thuốc lá điện tử`."""

    terms = models.TextField(
        _("terms"),
        help_text=_(
            "One word or phrase per line (or separated by commas). A search for any of them also finds "
            "the others. Accents and capitals do not matter."
        ),
    )

    panels = [FieldPanel("terms")]

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")
        ordering = ["terms"]

    def __str__(self):
        return " = ".join(self.term_list())

    def term_list(self):
        return split_terms(self.terms)

    def clean(self):
        from django.core.exceptions import ValidationError

        distinct = {" ".join(folded_tokens(term)) for term in self.term_list()} - {""}
        if len(distinct) < 2:
            raise ValidationError({"terms": _("Enter at least two different words or phrases.")})


class HelpRule(models.Model):
    """Queries that ask how to get or use drugs, or how to hurt someone, get help first.

    A pattern matches when all its words appear in the query in the same
    order, other words in between allowed, ignoring accents and capitals.
    """

    name = models.CharField(_("name"), max_length=100, help_text=_("For editors only."))
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Leave empty to apply the rule to searches in every language."),
    )
    patterns = models.TextField(
        _("patterns"),
        help_text=_(
            "One pattern per line, e.g. “mua ma túy”. It matches when all its words appear in the search "
            "in this order; accents and capitals do not matter."
        ),
    )
    title = models.CharField(_("title"), max_length=200)
    message = models.TextField(_("message"), help_text=_("Shown above the results, with the hotlines."))

    panels = [
        HelpPanel(
            content=_(
                "Searches that match a pattern show this message and the hotlines above the results. "
                "The search itself is not blocked."
            )
        ),
        FieldPanel("name"),
        FieldPanel("language"),
        FieldPanel("patterns"),
        FieldPanel("title"),
        FieldPanel("message"),
    ]

    class Meta:
        verbose_name = _("help rule")
        verbose_name_plural = _("help rules")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def pattern_tokens(self):
        """Each pattern as a tuple of folded words."""
        patterns = (tuple(folded_tokens(line)) for line in self.patterns.splitlines())
        return [pattern for pattern in patterns if pattern]


class SearchQueryDay(models.Model):
    """How often a query was searched on one day. No IP address, no user, no time of day."""

    day = models.DateField(_("day"))
    locale = models.CharField(_("language"), max_length=10)
    query = models.CharField(_("query"), max_length=200)  # lower case, normalised, single spaces
    searches = models.PositiveIntegerField(_("searches"), default=0)
    searches_without_results = models.PositiveIntegerField(_("searches without results"), default=0)

    class Meta:
        verbose_name = _("search query count")
        verbose_name_plural = _("search query counts")
        constraints = [
            models.UniqueConstraint(fields=["day", "locale", "query"], name="unique_search_query_day"),
        ]
        indexes = [models.Index(fields=["day"], name="search_query_day_idx")]

    def __str__(self):
        return f"{self.day} {self.query} ({self.searches})"
