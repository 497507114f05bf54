"""Keep each document's size, hash and search text in step with its file."""

from django.db.models.signals import pre_save
from django.dispatch import receiver

from home.documents import refresh_file_metadata
from home.models import PortalDocument


@receiver(pre_save, sender=PortalDocument, dispatch_uid="home.refresh_document_metadata")
def refresh_document_metadata_when_file_changes(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and "file" not in update_fields:
        return
    if file_changed(instance):
        refresh_file_metadata(document=instance)


def file_changed(document):
    """True when this save brings a new file (admin upload, import, factory, replacement)."""
    if not document.file:
        return False
    if not document.file._committed or document._state.adding:
        return True
    stored_name = type(document).objects.filter(pk=document.pk).values_list("file", flat=True).first()
    return stored_name != document.file.name
