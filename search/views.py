"""The public search: JSON API, suggestions and the HTML page. Thin: `search.service` does the work."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from search import service
from search.page_context import search_page_context

JSON_OPTIONS = {"ensure_ascii": False}


def _json(data, *, status=200, max_age=0):
    response = JsonResponse(data, status=status, safe=False, json_dumps_params=JSON_OPTIONS)
    response["Access-Control-Allow-Origin"] = "*"  # a public, read-only API
    response["Cache-Control"] = f"public, max-age={max_age}" if max_age else "no-store"
    return response


@require_GET
def search_api(request):
    try:
        data = service.search(params=request.GET, record=True)
    except service.BadRequest as error:
        return _json({"error": str(error)}, status=400)
    return _json(data)


@require_GET
def suggest_api(request):
    return _json(service.suggest(params=request.GET), max_age=300)


@require_GET
def search_page(request):
    locale = translation.get_language() or service.DEFAULT_LOCALE
    locale = locale if locale in service.LOCALES else service.DEFAULT_LOCALE
    try:
        search = service.run_search(params=request.GET, locale=locale, record=True)
    except service.BadRequest as error:
        context = {"error": str(error), "search_query": str(request.GET.get("q", ""))[: service.MAX_QUERY_CHARS]}
        response = render(request, "search/search.html", context, status=400)
    else:
        response = render(request, "search/search.html", search_page_context(search=search, params=request.GET))
    response["X-Robots-Tag"] = "noindex"
    return response
