"""Checks and helpers for uploaded files (documents).

`check_upload` is the single gate every file passes through, from the admin
form and from `import_content`. It raises `ValidationError` with a message
an editor can act on.
"""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def allowed_extensions():
    return [ext.lower() for ext in settings.WAGTAILDOCS_EXTENSIONS]


def check_upload(*, name, data):
    """Refuse a file whose extension, size or content is not acceptable.

    `data` is the file's bytes.
    """
    extension = Path(name).suffix.lower().lstrip(".")
    if extension not in allowed_extensions():
        raise ValidationError(
            _("Files of type “.%(ext)s” are not accepted. Allowed: %(allowed)s."),
            params={"ext": extension, "allowed": ", ".join(allowed_extensions())},
        )
    if len(data) > settings.WAGTAILDOCS_MAX_UPLOAD_SIZE:
        raise ValidationError(_("The file is too large."))
