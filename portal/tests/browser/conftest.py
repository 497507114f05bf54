"""Fixtures of the browser tests: a real demo site in a subprocess, and Chromium.

The site is built once per xdist worker that runs browser tests (xdist's
`loadgroup` cannot keep them on one worker under pytest 9.2, which no longer
reads the `_nodeid` it rewrites), each on its own throwaway database:
a temporary SQLite file, or, when DATABASE_URL names a PostgreSQL server, a
new database there that is dropped afterwards. Both fixtures are
package-scoped so that they end with the last browser test: Playwright's sync
API marks an event loop as running while it is started, which Django's ORM
refuses to run under.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import pytest

from portal.tests.browser import site_server, tools
from portal.tests.browser.support import ACTION_TIMEOUT_MS, DESKTOP, new_context

SITE_BUILD_TIMEOUT_SECONDS = 600
# While writing a journey: the URL of a site already started with
# `python -m portal.tests.browser.site_server PORT MEDIA_ROOT`, used instead of building one.
REUSE_SITE_VARIABLE = "BROWSER_TESTS_SITE"


@dataclass(frozen=True)
class LiveSite:
    url: str
    password: str = site_server.PASSWORD
    superuser: str = site_server.SUPERUSER
    editor: str = site_server.EDITOR
    reviewer: str = site_server.REVIEWER


@pytest.fixture(scope="package")
def browser_tools():
    missing = tools.missing_tools()
    if missing and tools.browser_required():
        pytest.fail(f"{tools.missing_message(missing)} ({tools.REQUIRE_VARIABLE}=1)", pytrace=False)
    if missing:
        pytest.skip(tools.missing_message(missing))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _postgres_admin_connection(url):
    import psycopg

    parts = urlsplit(url)
    return psycopg.connect(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=parts.username or "postgres",
        password=parts.password,
        dbname="postgres",
        autocommit=True,
    )


@contextmanager
def throwaway_database(folder):
    """The DATABASE_URL of an empty database that exists for the duration of the block."""
    configured = os.environ.get("DATABASE_URL", "")
    if not configured.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{folder / 'site.sqlite3'}"
        return
    from psycopg import sql

    name = f"portal_browser_{uuid.uuid4().hex[:12]}"
    with _postgres_admin_connection(configured) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield urlunsplit(urlsplit(configured)._replace(path=f"/{name}"))
    finally:
        with _postgres_admin_connection(configured) as connection:
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def wait_until_serving(process, url, log_path):
    deadline = time.monotonic() + SITE_BUILD_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the demo site stopped while being built:\n{log_path.read_text()[-4000:]}", pytrace=False)
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    pytest.fail(f"the demo site did not answer within {SITE_BUILD_TIMEOUT_SECONDS} s:\n{log_path.read_text()[-4000:]}")


@pytest.fixture(scope="package")
def live_site(browser_tools, tmp_path_factory):
    if running_site := os.environ.get(REUSE_SITE_VARIABLE):
        yield LiveSite(url=running_site.rstrip("/"))
        return
    folder = tmp_path_factory.mktemp("browser-site")
    media_root = folder / "media"
    media_root.mkdir()
    log_path = folder / "server.log"
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with throwaway_database(folder) as database_url, log_path.open("w") as log:
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "DATABASE_URL": database_url,
            "PYTHONUNBUFFERED": "1",
        }
        process = subprocess.Popen(
            [sys.executable, "-m", "portal.tests.browser.site_server", str(port), str(media_root)],
            cwd=tools.REPOSITORY,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_serving(process, f"{url}/", log_path)
            yield LiveSite(url=url)
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture(scope="package")
def browser(browser_tools):
    from playwright.sync_api import expect, sync_playwright

    # The machine may be busy: let assertions wait as long as actions do.
    expect.set_options(timeout=ACTION_TIMEOUT_MS)

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(tools.CHROMIUM), args=tools.CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser, live_site):
    """open_page(viewport=DESKTOP, **context_options): a new page in a fresh browser context."""
    contexts = []

    def open_page(viewport=DESKTOP, **context_options):
        contexts.append(new_context(browser, live_site, viewport, **context_options))
        return contexts[-1].new_page()

    yield open_page
    for context in contexts:
        context.close()
