"""Helpers for the content exchange tests: writing bundles, counting what the site holds."""

import json

import pytest
from django.conf import settings as django_settings
from django.utils import translation
from wagtail.models import Page, Revision

from home.models import PortalDocument, Topic
from home.tests import sample_files

PDF = sample_files.pdf_bytes()


def use_empty_storage(settings, folder):
    """Store media in `folder` (empty), as a new server would."""
    folder.mkdir(parents=True, exist_ok=True)
    settings.STORAGES = {
        **django_settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(folder)}},
    }


@pytest.fixture
def english_messages():
    """Messages in English (the msgids); the site's default language is Vietnamese."""
    with translation.override("en"):
        yield


@pytest.fixture
def fresh_storage(settings, tmp_path_factory):
    """Each test starts with an empty media storage."""
    use_empty_storage(settings, tmp_path_factory.mktemp("media"))


def write_bundle(folder, lines, files=None):
    """Write content.jsonl (dicts are dumped, strings written as they are) and `files` {path: bytes}."""
    folder.mkdir(parents=True, exist_ok=True)
    text = "\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines)
    (folder / "content.jsonl").write_text(text + "\n", encoding="utf-8")
    for relative, data in (files or {}).items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return folder


def site_counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "topics": Topic.objects.count(),
        "documents": PortalDocument.objects.count(),
    }


def stored_names(storage, folder=""):
    """Every file name under `folder` of `storage`, recursively."""
    folders, files = storage.listdir(folder)
    names = [f"{folder}/{name}" if folder else name for name in files]
    for sub in folders:
        names += stored_names(storage, f"{folder}/{sub}" if folder else sub)
    return sorted(names)


def topic_line(slug="ma-tuy", vi="Phòng, chống ma túy", en="Drug prevention", **extra):
    name = {"vi": vi, **({"en": en} if en else {})}
    return {"kind": "topic", "slug": slug, "name": name, **extra}


def article_line(slug="bai-viet", **extra):
    return {"kind": "article", "slug": slug, "title": "Bài viết", "body": "Nội dung bài viết.", **extra}


def campaign_line(slug="chien-dich-he", **extra):
    return {
        "kind": "campaign",
        "slug": slug,
        "title": "Chiến dịch hè",
        "starts_on": "2026-06-01",
        "body": "Nội dung chiến dịch.",
        **extra,
    }


def resource_line(slug="tai-lieu", file="files/huong-dan.pdf", **extra):
    return {
        "kind": "resource",
        "slug": slug,
        "title": "Tài liệu hướng dẫn",
        "file": file,
        "resource_type": "guide",
        "body": "Mô tả tài liệu.",
        **extra,
    }
