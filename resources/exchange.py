"""Bundle exchange of articles and guidance resources (see ../shared/content-format.md)."""

from django.utils.translation import gettext as _

from home.documents import allowed_extensions
from home.exchange.bundle import clean_choice, clean_choice_list, clean_date, clean_file, clean_text
from home.exchange.pages import PageExchange, SkipItem, single_line
from home.models import SchoolLevel
from resources.models import DocumentType, GuidanceFile, ResourceType


def ordered_files(page):
    """The page's files, first one first (rows saved without a sort order count as first)."""
    return sorted(page.files.all(), key=lambda file: (-1 if file.sort_order is None else file.sort_order, file.pk or 0))


class ArticleExchange(PageExchange):
    kind_name = "article"


class ResourceExchange(PageExchange):
    """A guidance page; its `file` is the page's first file, other files stay as they are."""

    kind_name = "resource"
    extra_keys = (
        "file",
        "resource_type",
        "school_levels",
        "document_number",
        "document_type",
        "issuer",
        "issued_on",
    )
    required_extra_keys = ("file", "resource_type")

    def clean_extra(self, *, item, context):
        values = {"file": clean_file(item["file"], key="file", bundle=context.bundle)}
        values["resource_type"] = clean_choice(item["resource_type"], key="resource_type", choices=ResourceType)
        values["school_levels"] = clean_choice_list(
            item.get("school_levels", []), key="school_levels", choices=SchoolLevel
        )
        values["document_number"] = clean_text(
            item.get("document_number", ""), key="document_number", max_length=self.max_length("document_number")
        )
        document_type = item.get("document_type", "")
        values["document_type"] = (
            clean_choice(document_type, key="document_type", choices=DocumentType) if document_type != "" else ""
        )
        values["issuer"] = clean_text(item.get("issuer", ""), key="issuer", max_length=self.max_length("issuer"))
        values["issued_on"] = clean_date(item["issued_on"], key="issued_on") if "issued_on" in item else None
        return values

    def desired_extra(self, *, values, writer):
        fields = {
            key: values[key]
            for key in ("resource_type", "school_levels", "document_number", "document_type", "issuer", "issued_on")
        }
        document = writer.document_for(values["file"], title=values["title"])
        return fields, {"document_id": document.pk}

    def relations_match(self, *, page, relations):
        files = ordered_files(page)
        return bool(files) and files[0].document_id == relations["document_id"]

    def apply_relations(self, *, page, relations):
        files = ordered_files(page) or [GuidanceFile()]
        files[0].document_id = relations["document_id"]
        for index, file in enumerate(files):
            file.sort_order = index
        page.files = files

    def export_extra(self, *, page, files, notes):
        files_in_order = ordered_files(page)
        if not files_in_order:
            raise SkipItem(_("it has no file"))
        first = files_in_order[0]
        extension = first.document.file_extension.lower()
        if extension not in allowed_extensions():
            raise SkipItem(_("its file type “.%(ext)s” is not accepted") % {"ext": extension})
        if page.resource_type not in ResourceType.values:
            raise SkipItem(_("it has no resource type"))
        line = {
            "file": files.path_for(document=first.document, locale=page.locale.language_code, slug=page.slug),
            "resource_type": page.resource_type,
        }
        levels = [value for value in SchoolLevel.values if value in page.school_levels]
        if levels:
            line["school_levels"] = levels
        if page.document_number.strip():
            line["document_number"] = single_line(page.document_number)
        if page.document_type in DocumentType.values:
            line["document_type"] = page.document_type
        if page.issuer.strip():
            line["issuer"] = single_line(page.issuer)
        if page.issued_on:
            line["issued_on"] = page.issued_on.isoformat()
        return line
