"""`/healthz/`: database, search and cache states, and nothing that identifies the servers."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.test import override_settings

from home import health

pytestmark = pytest.mark.django_db

URL = "/healthz/"
LEAKY_ERROR = "could not connect to server at db-primary.internal (10.1.2.3): FATAL password for user portal"


def assert_nothing_leaked(response):
    body = response.content.decode()
    for detail in ("db-primary", "10.1.2.3", "portal", "FATAL", "Traceback", "9200", "elastic", "version"):
        assert detail not in body.lower(), detail


def test_healthy_server_reports_ok_in_one_query(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get(URL)

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "search": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_database_down_gives_503_without_detail(client):
    with mock.patch.object(health.connection, "cursor", side_effect=OperationalError(LEAKY_ERROR)):
        response = client.get(URL)

    assert response.status_code == 503
    assert response.json() == {"status": "fail", "database": "fail", "search": "fail", "cache": "ok"}
    assert_nothing_leaked(response)


@override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9", ELASTICSEARCH_TIMEOUT=0.5)
def test_unreachable_elasticsearch_falls_back_to_database_search(client):
    response = client.get(URL)

    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "search": "fallback", "cache": "ok"}
    assert_nothing_leaked(response)


@override_settings(ELASTICSEARCH_URL="http://search.internal:9200")
def test_reachable_elasticsearch_is_ok(client):
    with mock.patch.object(health, "elasticsearch_reachable", return_value=True) as ping:
        response = client.get(URL)

    ping.assert_called_once_with("http://search.internal:9200")
    assert response.json()["search"] == "ok"
    assert response.json()["status"] == "ok"


@override_settings(ELASTICSEARCH_URL="http://search.internal:9200")
def test_elasticsearch_error_text_is_not_shown(client):
    with mock.patch.object(health, "elasticsearch_reachable", side_effect=RuntimeError(LEAKY_ERROR)):
        response = client.get(URL)

    assert response.json()["search"] == "fallback"
    assert_nothing_leaked(response)


def test_failing_cache_is_degraded_not_down(client):
    with mock.patch.object(health.cache, "set", side_effect=ConnectionError(LEAKY_ERROR)):
        response = client.get(URL)

    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "search": "ok", "cache": "fail"}
    assert_nothing_leaked(response)


def test_only_reads_are_allowed(client):
    assert client.post(URL).status_code == 405
    assert client.head(URL).status_code == 200
