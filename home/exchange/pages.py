"""Exchange of the page kinds (article, campaign, resource): the keys they share.

A kind's app subclasses `PageExchange` for its own keys (`resources/exchange.py`,
`campaigns/exchange.py`) and registers an instance with its kind:
`register_kind(..., exchange=ArticleExchange())`.
"""

import re
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from home.exchange.bundle import (
    SLUG_RE,
    check_keys,
    clean_choice_list,
    clean_datetime,
    clean_list,
    clean_locale,
    clean_slug,
    clean_text,
)
from home.exchange.errors import FieldError, MarkdownError
from home.exchange.markdown import blocks_to_markdown, markdown_to_blocks
from home.kinds import get_kind
from home.models import Audience, PageTopic
from home.services import ensure_index_page

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
COMMON_KEYS = (
    "slug",
    "locale",
    "translation_of",
    "title",
    "summary",
    "published_at",
    "author",
    "topics",
    "audiences",
)
LINE_BREAKS_RE = re.compile(r"\s*[\r\n]+\s*")


class SkipItem(Exception):
    """The exporter leaves this item out; the message says why."""


@dataclass
class Desired:
    """What a bundle line asks a page to be, in model terms."""

    fields: dict  # model attribute -> value
    body: list  # [(block type, raw value)]
    topic_ids: list
    relations: dict = field(default_factory=dict)  # kind-specific, see PageExchange.apply_relations


def single_line(text):
    return LINE_BREAKS_RE.sub(" ", text or "").strip()


def comparable(value):
    if isinstance(value, list | tuple):
        return tuple(sorted(value))
    return value


def body_pairs(stream_value):
    return [(block["type"], block["value"]) for block in stream_value.raw_data]


def export_datetime(moment):
    return timezone.localtime(moment).isoformat()


class PageExchange:
    """How one page kind travels in a bundle; subclasses add kind-specific keys."""

    kind_name = ""
    extra_keys = ()  # in export order; written after the common keys, before `body`
    required_extra_keys = ()

    @property
    def kind(self):
        return get_kind(self.kind_name)

    @property
    def page_model(self):
        return self.kind.page_model

    def max_length(self, attribute):
        return self.page_model._meta.get_field(attribute).max_length

    # --- hooks for kind-specific keys -----------------------------------------------

    def clean_extra(self, *, item, context):
        """Validated values of the kind's own keys (raise FieldError)."""
        return {}

    def desired_extra(self, *, values, writer):
        """(model field values, relation values) for the kind's own keys."""
        return {}, {}

    def relations_match(self, *, page, relations):
        return True

    def apply_relations(self, *, page, relations):
        pass

    def export_extra(self, *, page, files, notes):
        """The kind's own keys of `page`, in `extra_keys` order; raise SkipItem, or append to `notes`."""
        return {}

    # --- import: validation ---------------------------------------------------------

    def clean(self, *, item, context):
        check_keys(
            item,
            allowed={"kind", *COMMON_KEYS, *self.extra_keys, "body"},
            required=("slug", "title", "body", *self.required_extra_keys),
        )
        values = {"slug": clean_slug(item["slug"], key="slug", max_length=self.max_length("slug"))}
        values["locale"] = clean_locale(item.get("locale", context.default_locale), key="locale")
        context.claim_page(kind_name=self.kind_name, locale=values["locale"], slug=values["slug"])
        if "translation_of" in item:
            values["translation_of"] = self.clean_translation_of(item["translation_of"], values=values, context=context)
        values["title"] = clean_text(item["title"], key="title", required=True, max_length=self.max_length("title"))
        values["summary"] = clean_text(item.get("summary", ""), key="summary", single_line=False)
        if "published_at" in item:
            values["published_at"] = clean_datetime(item["published_at"], key="published_at")
        values["author"] = clean_text(item.get("author", ""), key="author", max_length=self.max_length("author"))
        values["topics"] = self.clean_topics(item.get("topics", []), context=context)
        values["audiences"] = clean_choice_list(item.get("audiences", []), key="audiences", choices=Audience)
        values.update(self.clean_extra(item=item, context=context))
        values["body"] = self.clean_body(item["body"])
        return values

    def clean_body(self, value):
        text = clean_text(value, key="body", single_line=False)
        try:
            blocks = markdown_to_blocks(text)
        except MarkdownError as error:
            raise FieldError("body", str(error)) from error
        if not blocks:
            raise FieldError("body", _("must not be empty"))
        return blocks

    def clean_topics(self, value, *, context):
        slugs = []
        for item in clean_list(value, key="topics"):
            slug = clean_slug(item, key="topics")
            if slug in slugs:
                raise FieldError("topics", _("“%(slug)s” is listed twice") % {"slug": slug})
            if not context.topic_known(slug):
                raise FieldError(
                    "topics",
                    _("unknown topic “%(slug)s”: define it on an earlier line or on the site") % {"slug": slug},
                )
            slugs.append(slug)
        return slugs

    def clean_translation_of(self, value, *, values, context):
        source_slug = clean_slug(value, key="translation_of")
        locale, default = values["locale"], context.default_locale
        if locale == default:
            raise FieldError(
                "translation_of", _("only an item in another locale than “%(locale)s” can be a translation") % {
                    "locale": default
                }
            )  # fmt: skip
        names = {"kind": self.kind_name, "source": source_slug, "locale": locale, "default": default}
        source_line = context.page_line(kind_name=self.kind_name, locale=default, slug=source_slug)
        source = self.page_model.objects.filter(locale__language_code=default, slug=source_slug).first()
        if source_line is None and source is None:
            raise FieldError(
                "translation_of",
                _("no %(kind)s “%(source)s” in “%(default)s” on an earlier line or on the site") % names,
            )
        other_line = context.claim_translation(
            kind_name=self.kind_name, locale=locale, source_slug=source_slug, slug=values["slug"]
        )
        if other_line:
            raise FieldError(
                "translation_of",
                _("“%(source)s” already has a translation in “%(locale)s” on line %(line)s")
                % {**names, "line": other_line},
            )
        existing = self.page_model.objects.filter(locale__language_code=locale, slug=values["slug"]).first()
        if existing and (source is None or existing.translation_key != source.translation_key):
            raise FieldError(
                "translation_of",
                _("the %(kind)s “%(slug)s” in “%(locale)s” exists and is not a translation of “%(source)s”")
                % {**names, "slug": values["slug"]},
            )
        if source is not None:
            other = (
                self.page_model.objects.filter(locale__language_code=locale, translation_key=source.translation_key)
                .exclude(slug=values["slug"])
                .first()
            )
            if other:
                raise FieldError(
                    "translation_of",
                    _("“%(source)s” already has a translation in “%(locale)s”: “%(other)s”")
                    % {**names, "other": other.slug},
                )
        return source_slug

    # --- import: writing ---------------------------------------------------------------

    def desired(self, *, values, writer, is_new):
        locale = writer.locale(values["locale"])
        fields = {
            "title": values["title"],
            "draft_title": values["title"],
            "summary": values["summary"],
            "author": values["author"],
            "audiences": values["audiences"],
        }
        if "published_at" in values:
            fields["published_at"] = values["published_at"]
        elif is_new:
            fields["published_at"] = timezone.now().replace(microsecond=0)
        extra_fields, relations = self.desired_extra(values=values, writer=writer)
        fields.update(extra_fields)
        return Desired(
            fields=fields,
            body=[(block["type"], block["value"]) for block in values["body"]],
            topic_ids=[writer.topic_for(slug=slug, locale=locale).pk for slug in values["topics"]],
            relations=relations,
        )

    def matches(self, page, desired):
        for attribute, value in desired.fields.items():
            if comparable(getattr(page, attribute)) != comparable(value):
                return False
        if body_pairs(page.body) != desired.body:
            return False
        if [link.topic_id for link in page.topic_links.all()] != desired.topic_ids:
            return False
        return self.relations_match(page=page, relations=desired.relations)

    def apply(self, page, desired):
        for attribute, value in desired.fields.items():
            setattr(page, attribute, value)
        page.body = [{"type": block_type, "value": value} for block_type, value in desired.body]
        page.topic_links = [
            PageTopic(topic_id=topic_id, sort_order=index) for index, topic_id in enumerate(desired.topic_ids)
        ]
        self.apply_relations(page=page, relations=desired.relations)

    def save(self, *, values, writer):
        """Create or update the page of this line; returns CREATED, UPDATED or UNCHANGED."""
        existing = self.page_model.objects.filter(locale__language_code=values["locale"], slug=values["slug"]).first()
        desired = self.desired(values=values, writer=writer, is_new=existing is None)
        if existing is None:
            page = self.create(values=values, desired=desired, writer=writer)
            self.save_revision(page, publish=not writer.draft)
            return CREATED
        current = existing.get_latest_revision_as_object()
        if self.matches(current, desired):
            if writer.draft or (existing.live and not existing.has_unpublished_changes):
                return UNCHANGED
            revision = existing.get_latest_revision() if existing.has_unpublished_changes else None
            (revision or current.save_revision(log_action=True)).publish()
            return UPDATED
        self.apply(current, desired)
        self.save_revision(current, publish=not writer.draft)
        return UPDATED

    def create(self, *, values, desired, writer):
        locale = writer.locale(values["locale"])
        index = ensure_index_page(kind_name=self.kind_name, locale=locale)
        if "translation_of" in values:
            source = self.page_model.objects.get(
                locale=writer.locale(writer.default_locale), slug=values["translation_of"]
            )
            page = source.copy_for_translation(locale, copy_parents=True)
            self.apply(page, desired)
            page.slug = values["slug"]
            page.set_url_path(page.get_parent())
            # Rename the fresh copy with an update, not save(): save() would
            # record an automatic redirect from the source's slug it never had.
            Page.objects.filter(pk=page.pk).update(slug=page.slug, url_path=page.url_path)
            page.save()
            return page
        page = self.page_model(locale=locale, slug=values["slug"], live=False)
        self.apply(page, desired)
        index.add_child(instance=page)
        return page

    def save_revision(self, page, *, publish):
        revision = page.save_revision(log_action=True)
        if publish:
            revision.publish()

    # --- export ---------------------------------------------------------------------

    def export_line(self, *, page, translation_of, files, topic_slugs):
        """The bundle line of `page` (its live content), keys in a fixed order."""
        if not SLUG_RE.fullmatch(page.slug):
            raise SkipItem(_("its slug is not made of a-z, 0-9 and hyphens"))
        line = {"kind": self.kind_name, "slug": page.slug, "locale": page.locale.language_code}
        if translation_of:
            line["translation_of"] = translation_of
        line["title"] = single_line(page.title)
        if page.summary.strip():
            line["summary"] = page.summary.strip()
        line["published_at"] = export_datetime(page.published_at)
        if page.author.strip():
            line["author"] = single_line(page.author)
        notes = []
        linked = [link.topic.slug for link in page.topic_links.select_related("topic").order_by("sort_order")]
        topics = [slug for index, slug in enumerate(linked) if slug in topic_slugs and slug not in linked[:index]]
        if topics:
            line["topics"] = topics
        if set(linked) - set(topics):
            notes.append(
                _("topics left out (not in the bundle): %(slugs)s")
                % {"slugs": ", ".join(sorted(set(linked) - set(topics)))}
            )
        audiences = [value for value, _label in Audience.choices if value in page.audiences]
        if audiences:
            line["audiences"] = audiences
        line.update(self.export_extra(page=page, files=files, notes=notes))
        body = blocks_to_markdown(page.body.raw_data)
        if not body.markdown:
            raise SkipItem(_("its body has nothing the Markdown subset can hold"))
        line["body"] = body.markdown
        if body.skipped_blocks:
            notes.append(
                _("body blocks left out (the format has no place for them): %(types)s")
                % {"types": ", ".join(body.skipped_blocks)}
            )
        if body.dropped_links:
            notes.append(
                _("links kept as plain text (not http(s), mailto or relative): %(urls)s")
                % {"urls": ", ".join(body.dropped_links)}
            )
        return line, notes
