"""Many students at once: every acknowledged message is one case, and a retried form is still one.

These tests use real threads, each with its own database connection, so
they run outside the per-test transaction (`transaction=True`); the rows that
migrations made (locales, groups, root page) are put back afterwards
(`serialized_rollback=True`).
"""

from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
from django.db import connections
from django.test import Client

from home.mailbox import codes
from home.models import MailboxCase, MailboxMessage
from home.tests.mailbox.support import code_and_pin, submission, write_url

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SUBMISSIONS = 200
WORKERS = 20  # threads posting at once; each holds a database connection


def post_all(payloads, *, url):
    """POST every (payload, address) through the full stack from `WORKERS` threads started together."""
    barrier = Barrier(WORKERS)

    def start(_):
        barrier.wait()

    def post(item):
        payload, address = item
        try:
            return Client().post(url, payload, REMOTE_ADDR=address)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        list(pool.map(start, range(WORKERS)))
        return list(pool.map(post, payloads))


def test_200_concurrent_submissions_create_exactly_200_cases(mailbox_page):
    url = write_url(mailbox_page)
    payloads = [(submission(f"Tin nhắn số {n}"), f"10.0.{n // 250}.{n % 250 + 1}") for n in range(SUBMISSIONS)]

    responses = post_all(payloads, url=url)

    assert [response.status_code for response in responses] == [200] * SUBMISSIONS
    shown_codes = {code_and_pin(response)[0] for response in responses}
    assert len(shown_codes) == SUBMISSIONS
    assert MailboxCase.objects.count() == SUBMISSIONS
    assert set(MailboxCase.objects.values_list("code", flat=True)) == shown_codes
    assert MailboxMessage.objects.count() == SUBMISSIONS
    assert sorted(message.body for message in MailboxMessage.objects.all()) == sorted(
        f"Tin nhắn số {n}" for n in range(SUBMISSIONS)
    )


def test_the_same_form_posted_concurrently_creates_one_case_and_shows_it_every_time(mailbox_page):
    url = write_url(mailbox_page)
    same_form = submission("Em gửi lại vì mạng chập chờn", token=codes.new_form_token())

    responses = post_all([(same_form, "10.1.0.1")] * 40, url=url)

    assert {response.status_code for response in responses} == {200}
    assert len({code_and_pin(response) for response in responses}) == 1
    assert MailboxCase.objects.count() == 1
    assert MailboxMessage.objects.count() == 1
