"""Security headers on every kind of response, and no inline script or style in public templates."""

import datetime
import re
from pathlib import Path
from unittest import mock
from urllib.parse import quote

import pytest
import wagtail
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files import File
from django.core.files.storage import FileSystemStorage
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from campaigns.factories import CampaignPageFactory
from home.factories import DocumentFactory, StandardPageFactory
from home.models import HomePage
from home.security import ADMIN_POLICY, PUBLIC_POLICY
from resources.factories import ArticlePageFactory, GuidancePageFactory

pytestmark = pytest.mark.django_db

COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def assert_common_headers(response):
    for name, value in COMMON_HEADERS.items():
        assert response[name] == value, name
    assert response["Referrer-Policy"] == settings.SECURE_REFERRER_POLICY
    assert "camera=()" in response["Permissions-Policy"]
    assert "microphone=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def assert_public_headers(response):
    assert response["Content-Security-Policy"] == PUBLIC_POLICY
    assert_common_headers(response)


@pytest.fixture
def public_pages(home_page, article_index, guidance_index, campaign_index, home_page_en):
    today = timezone.localdate()
    return {
        "home": home_page,
        "home_en": home_page_en,
        "standard": StandardPageFactory(parent=home_page, title="Giới thiệu"),
        "article_index": article_index,
        "article": ArticlePageFactory(parent=article_index, title="Bài viết"),
        "guidance_index": guidance_index,
        "guidance": GuidancePageFactory(parent=guidance_index, title="Công văn"),
        "campaign_index": campaign_index,
        "campaign": CampaignPageFactory(
            parent=campaign_index,
            title="Chiến dịch",
            starts_on=today,
            ends_on=today + datetime.timedelta(days=10),
        ),
    }


def test_public_policy_is_the_agreed_one():
    assert PUBLIC_POLICY == (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )


@pytest.mark.parametrize(
    "name",
    [
        "home",
        "home_en",
        "standard",
        "article_index",
        "article",
        "guidance_index",
        "guidance",
        "campaign_index",
        "campaign",
    ],
)
def test_every_public_page_type_gets_the_public_headers(client, public_pages, name):
    response = client.get(public_pages[name].url)

    assert response.status_code == 200
    assert_public_headers(response)


@pytest.mark.parametrize(
    "url", ["/search/?q=ma+tuy", "/en/search/?q=drugs", "/api/search/?q=ma+tuy", "/api/search/suggest/?q=ma"]
)
def test_search_page_and_api_get_the_public_headers(client, home_page, home_page_en, url):
    response = client.get(url)

    assert response.status_code == 200
    assert_public_headers(response)


def test_robots_and_sitemap_get_the_public_headers(client, home_page):
    for url in ("/robots.txt", "/sitemap.xml"):
        assert_public_headers(client.get(url))


def test_not_found_page_gets_the_public_headers(client, home_page):
    response = client.get("/khong-co-trang-nay/")

    assert response.status_code == 404
    assert_public_headers(response)


def test_server_error_gets_the_public_headers(home_page):
    client = Client(raise_request_exception=False)
    with mock.patch.object(HomePage, "serve", side_effect=RuntimeError("boom")):
        response = client.get("/")

    assert response.status_code == 500
    assert_public_headers(response)


def test_bad_request_gets_the_public_headers(home_page):
    response = Client(HTTP_HOST="evil.example.com").get("/")

    assert response.status_code == 400
    assert_public_headers(response)


def test_csrf_failure_gets_the_headers(home_page):
    response = Client(enforce_csrf_checks=True).post("/admin/login/", {"username": "x", "password": "y"})

    assert response.status_code == 403
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert_common_headers(response)


def test_redirects_get_the_public_headers(client, home_page):
    Redirect.objects.create(old_path="/bai-cu", redirect_link="/", site=home_page.get_site())

    wagtail_redirect = client.get("/bai-cu")
    slash_redirect = client.get("/search")

    assert wagtail_redirect.status_code == 301
    assert slash_redirect.status_code == 301
    assert_public_headers(wagtail_redirect)
    assert_public_headers(slash_redirect)


def test_document_keeps_its_stricter_policy_and_cannot_be_framed(client, home_page):
    document = DocumentFactory()

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'; frame-ancestors 'none'"
    assert_common_headers(response)


@override_settings(WHITENOISE_USE_FINDERS=True)
def test_static_file_served_by_whitenoise_gets_the_headers():
    response = Client().get(f"{settings.STATIC_URL}js/search-suggest.js")

    assert response.status_code == 200
    assert type(response).__name__ == "WhiteNoiseFileResponse"
    assert_public_headers(response)


@override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True, SECURE_HSTS_PRELOAD=True)
def test_https_responses_carry_hsts_including_static_files_and_errors(home_page):
    client = Client()
    hsts = "max-age=31536000; includeSubDomains; preload"

    with override_settings(WHITENOISE_USE_FINDERS=True):
        static = Client().get(f"{settings.STATIC_URL}js/search-suggest.js", secure=True)

    assert client.get("/", secure=True)["Strict-Transport-Security"] == hsts
    assert client.get("/khong-co/", secure=True)["Strict-Transport-Security"] == hsts
    assert static["Strict-Transport-Security"] == hsts


@pytest.fixture
def admin_client_en(home_page):
    user = get_user_model().objects.create_superuser("admin", "admin@example.com", "password")
    client = Client()
    client.force_login(user)
    return client


def test_admin_gets_its_own_policy_without_third_party_sources(admin_client_en, home_page):
    response = admin_client_en.get("/admin/")

    assert response.status_code == 200
    assert response["Content-Security-Policy"] == f"{ADMIN_POLICY}; frame-ancestors 'none'"
    assert "http" not in response["Content-Security-Policy"]
    assert_common_headers(response)


def test_admin_page_editor_loads_under_the_admin_policy(admin_client_en, public_pages):
    response = admin_client_en.get(f"/admin/pages/{public_pages['article'].pk}/edit/")

    assert response.status_code == 200
    assert response["Content-Security-Policy"].startswith(ADMIN_POLICY)


def test_admin_view_draft_gets_the_admin_policy_though_it_renders_a_public_page(admin_client_en, public_pages):
    """Wagtail renders drafts and previews through the whole middleware stack, as if at the public URL."""
    article = public_pages["article"]

    response = admin_client_en.get(f"/admin/pages/{article.pk}/view_draft/")

    assert response.status_code == 200
    assert article.title in response.content.decode()
    assert response["Content-Security-Policy"] == f"{ADMIN_POLICY}; frame-ancestors 'none'"


def test_admin_preview_panel_may_be_framed_by_the_admin_only(admin_client_en, public_pages):
    article = public_pages["article"]

    response = admin_client_en.get(f"/admin/pages/{article.pk}/edit/preview/", {"in_preview_panel": "true"})

    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["Content-Security-Policy"] == f"{ADMIN_POLICY}; frame-ancestors 'self'"


def test_anonymous_admin_redirect_gets_headers(client, home_page):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert_common_headers(response)


# --- Templates ---------------------------------------------------------------

TEMPLATES_DIR = Path(settings.BASE_DIR) / "templates"
WAGTAIL_PUBLIC_TEMPLATES = [
    Path(wagtail.__file__).parent / "templates" / "wagtailcore" / name
    for name in ("login.html", "password_required.html")
] + [Path(wagtail.__file__).parent / "documents" / "templates" / "wagtaildocs" / "password_required.html"]
INLINE_PATTERNS = {
    "inline <script>": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I),
    "<style> block": re.compile(r"<style\b", re.I),
    "style= attribute": re.compile(r"\sstyle\s*=", re.I),
    "on*= attribute": re.compile(r"<[^>]*\son[a-z]+\s*=", re.I),
    "javascript: URL": re.compile(r"javascript:", re.I),
    "third-party resource": re.compile(r"<(?:script|link|img|iframe)[^>]*(?:src|href)=\"(?:https?:)?//", re.I),
}


def public_templates():
    """Every template a visitor's page can be built from; admin templates are served under the admin policy."""
    own = [path for path in TEMPLATES_DIR.rglob("*.html") if not is_admin_template(path)]
    app_templates = [
        path
        for app in ("home", "resources", "campaigns", "search")
        for path in (Path(settings.BASE_DIR) / app / "templates").rglob("*.html")
        if not is_admin_template(path)
    ]
    return sorted(own + app_templates + WAGTAIL_PUBLIC_TEMPLATES)


def is_admin_template(path):
    parts = path.parts
    return "admin" in parts or "wagtailadmin" in parts or (parts[-3:-1] == ("wagtaildocs", "documents"))


def test_public_templates_have_no_inline_script_or_style():
    templates = public_templates()
    assert TEMPLATES_DIR / "base.html" in templates
    assert len(templates) > 20

    offences = [
        f"{path.relative_to(settings.BASE_DIR) if path.is_relative_to(settings.BASE_DIR) else path}: {label}"
        for path in templates
        for label, pattern in INLINE_PATTERNS.items()
        if pattern.search(path.read_text(encoding="utf-8"))
    ]

    assert offences == []


def test_inline_scan_catches_what_it_looks_for(tmp_path):
    samples = [
        "<script>alert(1)</script>",
        '<div style="color:red">',
        "<style>p{}</style>",
        '<a href="#" onclick="x()">',
        '<script src="https://cdn.example.com/x.js"></script>',
    ]
    for sample in samples:
        assert any(pattern.search(sample) for pattern in INLINE_PATTERNS.values()), sample
    allowed = '<script src="/static/js/a.js" defer></script>'
    assert not any(pattern.search(allowed) for pattern in INLINE_PATTERNS.values())


# --- Private documents --------------------------------------------------------


@pytest.fixture
def reader():
    return get_user_model().objects.create_user("reader", "reader@example.com", "password")


def published(page):
    page.save_revision().publish()  # indexes the page's references, files included
    page.refresh_from_db()
    return page


def private_guidance(guidance_index, document, restriction_type=PageViewRestriction.LOGIN, **kwargs):
    page = published(GuidancePageFactory(parent=guidance_index, title="Tài liệu nội bộ", files=[document]))
    PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, **kwargs)
    return page


def test_document_in_a_private_collection_is_served_only_after_sign_in(client, home_page, reader):
    collection = Collection.get_first_root_node().add_child(name="Nội bộ")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    document = DocumentFactory(collection=collection)

    anonymous = client.get(document.url)
    client.force_login(reader)
    signed_in = client.get(document.url)

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/_util/login/?next=")
    assert signed_in.status_code == 200
    assert b"".join(signed_in.streaming_content) == document.file.open("rb").read()


def test_document_in_a_group_only_collection_is_refused_to_other_users(client, home_page, reader):
    group = Group.objects.create(name="Cán bộ phòng giáo dục")
    collection = Collection.get_first_root_node().add_child(name="Phòng giáo dục")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    document = DocumentFactory(collection=collection)
    client.force_login(reader)

    outsider = client.get(document.url)
    reader.groups.add(group)
    member = client.get(document.url)

    assert outsider.status_code == 302
    assert member.status_code == 200


def test_file_of_a_private_guidance_page_is_served_only_after_sign_in(client, guidance_index, reader):
    document = DocumentFactory()
    private_guidance(guidance_index, document)

    anonymous = client.get(document.url)
    client.force_login(reader)
    signed_in = client.get(document.url)

    assert anonymous.status_code == 302
    assert anonymous["Location"] == f"/_util/login/?next={quote(document.url)}"
    assert signed_in.status_code == 200
    document.refresh_from_db()
    assert document.download_count == 1  # the refused request was not counted


def test_file_of_a_group_only_guidance_page_is_refused_to_other_users(client, guidance_index, reader):
    group = Group.objects.create(name="Giáo viên chủ nhiệm")
    document = DocumentFactory()
    page = private_guidance(guidance_index, document, restriction_type=PageViewRestriction.GROUPS)
    page.view_restrictions.get().groups.add(group)
    client.force_login(reader)

    assert client.get(document.url).status_code == 302
    reader.groups.add(group)
    assert client.get(document.url).status_code == 200


def test_file_of_a_password_protected_page_sends_the_visitor_to_the_page(client, guidance_index):
    document = DocumentFactory()
    page = private_guidance(guidance_index, document, restriction_type=PageViewRestriction.PASSWORD, password="mk123")

    response = client.get(document.url)

    assert response.status_code == 302
    assert response["Location"] == page.url


def test_file_also_linked_from_a_public_page_stays_public(client, guidance_index):
    document = DocumentFactory()
    private_guidance(guidance_index, document)
    published(GuidancePageFactory(parent=guidance_index, title="Tài liệu công khai", files=[document]))

    response = client.get(document.url)

    assert response.status_code == 200


def test_file_of_a_page_below_a_private_section_is_private(client, guidance_index):
    document = DocumentFactory()
    PageViewRestriction.objects.create(page=guidance_index, restriction_type=PageViewRestriction.LOGIN)
    published(GuidancePageFactory(parent=guidance_index, title="Tài liệu trong mục riêng", files=[document]))

    assert client.get(document.url).status_code == 302


def test_file_no_live_page_uses_is_public(client, home_page):
    document = DocumentFactory()

    assert client.get(document.url).status_code == 200


class PathlessStorage(FileSystemStorage):
    """Like S3: files are read through the storage API, there is no local path to send."""

    def path(self, name):
        raise NotImplementedError("no local paths")

    def _open(self, name, mode="rb"):
        return File(open(FileSystemStorage.path(self, name), mode))

    def size(self, name):
        return Path(FileSystemStorage.path(self, name)).stat().st_size


def test_document_from_a_storage_without_local_paths_is_streamed_through_the_serve_view(client, home_page):
    storages = {
        "default": {"BACKEND": f"{__name__}.PathlessStorage", "OPTIONS": {"location": settings.MEDIA_ROOT}},
        "staticfiles": settings.STORAGES["staticfiles"],
    }
    document = DocumentFactory()
    with override_settings(STORAGES=storages):
        response = client.get(document.url)
        body = b"".join(response.streaming_content)

    assert response.status_code == 200
    assert body == b"%PDF-1.4\n%test\n%%EOF\n"
    assert response["Content-Security-Policy"] == "default-src 'none'; frame-ancestors 'none'"
    document.refresh_from_db()
    assert document.download_count == 1
