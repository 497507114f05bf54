import posixpath

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.static import serve

FALLBACK_500_HTML = (
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>500</title></head>'
    "<body><h1>Lỗi máy chủ / Server error</h1></body></html>"
)


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /en/search/",
        "Disallow: /api/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors or database here: the error may come from them.
    # The language comes from the URL prefix alone, so this needs no middleware.
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    home_path = "/" if language == settings.LANGUAGE_CODE else f"/{language}/"
    try:
        with translation.override(language):
            html = loader.get_template("500.html").render(
                {"request": request, "LANGUAGE_CODE": language, "home_path": home_path}
            )
    except Exception:  # the error page itself must never fail
        html = FALLBACK_500_HTML
    return HttpResponse(html, status=500)


# Documents are stored under this folder of the media storage (Wagtail's default upload_to).
DOCUMENTS_FOLDER = "documents"


def is_document_path(path):
    normalised = posixpath.normpath("/" + path).lstrip("/").lower()
    return normalised == DOCUMENTS_FOLDER or normalised.startswith(DOCUMENTS_FOLDER + "/")


def media_file(request, path):
    """Development server only: images and renditions. Documents go through Wagtail's serve view, never here."""
    if is_document_path(path):
        raise Http404("Documents are served at /documents/.")
    return serve(request, path, document_root=settings.MEDIA_ROOT)
