"""Public mailbox views, served by `MailboxPage` routes (filled in step 2)."""

from django.http import Http404


def write_view(request, *, page):
    raise Http404


def read_view(request, *, page):
    raise Http404
