"""Uploaded files on the development server: images yes, documents never by their storage path."""

import pytest
from django.http import Http404

from home.factories import DocumentFactory, ImageFactory
from home.views import is_document_path, media_file

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "documents/a.pdf",
        "./documents/a.pdf",
        "images/../documents/a.pdf",
        "//documents/a.pdf",
        "Documents/a.pdf",
        "documents",
    ],
)
def test_document_storage_paths_are_recognised_however_written(path):
    assert is_document_path(path)


@pytest.mark.parametrize("path", ["images/a.jpg", "original_images/a.jpg", "documentsx/a.pdf"])
def test_image_paths_are_not_document_paths(path):
    assert not is_document_path(path)


def test_media_view_refuses_a_real_document_file(rf):
    document = DocumentFactory()

    with pytest.raises(Http404):
        media_file(rf.get(f"/media/{document.file.name}"), document.file.name)


def test_media_view_serves_images_and_renditions(rf):
    image = ImageFactory()
    rendition = image.get_rendition("width-100")

    original = media_file(rf.get("/"), image.file.name)
    resized = media_file(rf.get("/"), rendition.file.name)

    assert original.status_code == 200
    assert resized.status_code == 200


def test_document_storage_path_is_not_served_outside_debug(client):
    document = DocumentFactory()

    response = client.get(f"/media/{document.file.name}")

    assert response.status_code == 404
    assert client.get(document.url).status_code == 200
