"""Placeholder search views; issue 3 replaces them with the search service."""

from django.http import JsonResponse
from django.shortcuts import render
from wagtail.models import Locale, Page


def search_page(request):
    query = request.GET.get("q", "")[:200]
    locale = Locale.get_active()
    results = Page.objects.live().public().filter(locale=locale).search(query) if query.strip() else []
    return render(request, "search/search.html", {"search_query": query, "search_results": results})


def search_api(request):
    return JsonResponse({"error": "not implemented yet"}, status=501)
