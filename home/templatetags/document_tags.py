"""`{% document_download document label %}`: a download link with the file's type and size."""

from django import template

register = template.Library()


@register.inclusion_tag("includes/document_download.html")
def document_download(document, label=None):
    """Render `li.download` for a document, without any query or file access.

    The size is Wagtail's stored `file_size`; when it is unknown the size is
    simply left out rather than read from storage at render time.
    """
    if document is None:
        return {"document": None}
    return {
        "document": document,
        "label": label or document.title,
        "file_type": document.file_extension.upper(),
        "file_size": document.file_size,
    }
