"""Exchange of topics: `{"kind": "topic", "slug": …, "name": {"vi": …, "en": …}, "description": {…}}`.

The default-locale topic is the source; every other locale named gets a
translation with the same `translation_key` and the same slug.
"""

from django.utils.translation import gettext as _

from home.exchange.bundle import SLUG_RE, check_keys, clean_locale, clean_slug, clean_text, require_type
from home.exchange.errors import FieldError
from home.exchange.pages import CREATED, UNCHANGED, UPDATED, SkipItem, single_line
from home.models import Topic


class TopicExchange:
    kind_name = "topic"

    def max_length(self, attribute):
        return Topic._meta.get_field(attribute).max_length

    # --- import ---------------------------------------------------------------------

    def clean(self, *, item, context):
        check_keys(item, allowed={"kind", "slug", "name", "description"}, required=("slug", "name"))
        slug = clean_slug(item["slug"], key="slug", max_length=self.max_length("slug"))
        context.claim_topic(slug=slug)
        names = self.clean_translations(item["name"], key="name", required=True, context=context)
        if context.default_locale not in names:
            raise FieldError(f"name.{context.default_locale}", _("is required"))
        descriptions = self.clean_translations(item.get("description", {}), key="description", context=context)
        for code in descriptions:
            if code not in names:
                raise FieldError(f"description.{code}", _("there is no name in this locale"))
        self.check_existing(slug=slug, codes=names, context=context)
        return {"slug": slug, "names": names, "descriptions": descriptions}

    def clean_translations(self, value, *, key, context, required=False):
        texts = {}
        for code, text in require_type(value, dict, key=key, expected_name=_("an object")).items():
            clean_locale(code, key=f"{key}.{code}")
            texts[code] = clean_text(
                text,
                key=f"{key}.{code}",
                required=required,
                single_line=required,
                max_length=self.max_length("name") if required else None,
            )
        return texts

    def check_existing(self, *, slug, codes, context):
        source = Topic.objects.filter(locale__language_code=context.default_locale, slug=slug).first()
        for code in codes:
            if code == context.default_locale:
                continue
            existing = Topic.objects.filter(locale__language_code=code, slug=slug).first()
            if existing and (source is None or existing.translation_key != source.translation_key):
                raise FieldError(
                    f"name.{code}",
                    _("the topic “%(slug)s” in “%(locale)s” is not a translation of the one in “%(default)s”")
                    % {"locale": code, "slug": slug, "default": context.default_locale},
                )

    def save(self, *, values, writer):
        slug, names, descriptions = values["slug"], values["names"], values["descriptions"]
        default_locale = writer.locale(writer.default_locale)
        source = Topic.objects.filter(locale=default_locale, slug=slug).first()
        status = UNCHANGED
        if source is None:
            source = Topic.objects.create(
                locale=default_locale,
                slug=slug,
                name=names[writer.default_locale],
                description=descriptions.get(writer.default_locale, ""),
            )
            status = CREATED
        for code, name in names.items():
            locale = writer.locale(code)
            topic = Topic.objects.filter(locale=locale, translation_key=source.translation_key).first()
            if topic is None:
                topic = source.copy_for_translation(locale)
            wanted = {"slug": slug, "name": name, "description": descriptions.get(code, "")}
            if topic.pk and all(getattr(topic, attribute) == value for attribute, value in wanted.items()):
                continue
            for attribute, value in wanted.items():
                setattr(topic, attribute, value)
            topic.save()
            status = CREATED if status == CREATED else UPDATED
        return status

    # --- export ---------------------------------------------------------------------

    def export_line(self, *, topic, translations):
        """The bundle line of a default-locale topic and its translations (already in locale order)."""
        if not SLUG_RE.fullmatch(topic.slug):
            raise SkipItem(_("its slug is not made of a-z, 0-9 and hyphens"))
        names = {}
        descriptions = {}
        for version in [topic, *translations]:
            name = single_line(version.name)
            if not name:
                continue
            code = version.locale.language_code
            names[code] = name
            if version.description.strip():
                descriptions[code] = version.description.strip()
        if topic.locale.language_code not in names:
            raise SkipItem(_("it has no name"))
        line = {"kind": self.kind_name, "slug": topic.slug, "name": names}
        if descriptions:
            line["description"] = descriptions
        return line
