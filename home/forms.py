"""Admin forms.

`PortalDocumentForm` is Wagtail's document base form
(`WAGTAILDOCS_DOCUMENT_FORM_BASE`): the single upload, the multiple upload,
the chooser's upload tab and the edit form are all built on it, so every
file an editor sends passes `check_upload`.
"""

from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from home.documents import check_upload


class PortalDocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            check_upload(name=file.name, data=read_upload(file))
        return file

    def _post_clean(self):
        # With a refused file the model's own extension check would add a
        # second, confusing message about an empty file name.
        if self.has_error("file"):
            return
        super()._post_clean()


def read_upload(file):
    file.seek(0)
    data = file.read()
    file.seek(0)
    return data
