"""A view for `python -m portal.bench` only (routed when `PORTAL_BENCH_VIEWS` is on): Django's own floor."""

from django.http import HttpResponse

TRIVIAL_BODY = b"<!DOCTYPE html><title>bench</title>" + b"x" * (20 * 1024 - 35)


def trivial_20kb(request):
    """20 KB of HTML without templates, database or cache: the cost of Django and gunicorn alone."""
    return HttpResponse(TRIVIAL_BODY)
