"""The load benchmark: the portal under gunicorn and wrk, on a large generated site (a benchmark, not a test).

    make bench                                      # SQLite, in a temporary file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres make bench
                                                    # PostgreSQL: a new bench_site_<pid> database there
    .venv/bin/python -m portal.bench --scale 0.1 --duration 5    # a quick, smaller run

Steps:

1. A throwaway database (never the configured one) and throwaway MEDIA_ROOT
   and STATIC_ROOT; `collectstatic` as in a deployment.
2. The site of `portal.bench_site`: 10,000 articles, 2,000 guidance pages with
   a PDF each and 100 campaigns, each in Vietnamese and English; then
   `search_reindex`. The time taken is printed.
3. The production settings (DEBUG off, `SECURE_SSL_REDIRECT=false`, a
   generated SECRET_KEY, Redis at 127.0.0.1:6379 as the cache when reachable) under
   gunicorn on loopback, 2 sync workers, driven by `wrk -t2 -c8` for each
   row: first with the page cache off (uncached renders, search, downloads,
   the static file and a trivial 20 KB Django view), then with it on.
4. Per row: requests/s, p50 and p99 latency, response body bytes, SQL
   queries per request (counted in this process with Django's test client on
   the same database: the second request, page cache cold for uncached rows,
   warm for cached rows) and CPU milliseconds per request (user + system
   time of the gunicorn workers from /proc, divided by the requests served).
   CPU per request is the figure to compare on a busy machine: wrk shares the
   same cores and other processes steal time, but not CPU time.
5. The issue's targets, PASS or MISS.

Everything is dropped at the end (`--keep` keeps the database to inspect).
"""

import argparse
import base64
import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
LUA_SCRIPT = Path(__file__).resolve().parent / "bench.lua"
WRK = shutil.which("wrk") or "/usr/bin/wrk"
WORKERS = 2
SAMPLE_PAGES = 200
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"

BAKERYDEMO_ARTICLE_RPS = 42
BAKERYDEMO_ARTICLE_CPU_MS = 47
TRIVIAL_VIEW_RPS = 2500
TARGET_ARTICLE_FACTOR = 10
TARGET_CACHED_SHARE_OF_STATIC = 0.5
TARGET_SEARCH_P95_MS = 100


@dataclass
class Row:
    name: str
    paths: list
    cached: bool = False
    rps: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    body_bytes: int = 0
    queries: int | None = None
    cpu_ms: float = 0.0
    failures: int = 0


def report(message):
    print(message, file=sys.stderr, flush=True)


# --- Environment and throwaway resources --------------------------------------------------


def server_environment(*, workdir, redis_url):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "REDIS_URL", "ELASTICSEARCH_URL", "PAGE_CACHE_ENABLED"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        MAILBOX_ENCRYPTION_KEY=base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="false",
        MEDIA_ROOT=str(workdir / "media"),
        STATIC_ROOT=str(workdir / "static"),
        PORTAL_BENCH_VIEWS="true",
        LOG_LEVEL="WARNING",
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
        env["CACHE_KEY_PREFIX"] = f"bench_site_{os.getpid()}"
    return env


def reachable_redis(url):
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
    except Exception:
        return ""
    return url


def delete_cache_keys(env):
    """The run's keys in Redis (all under its own prefix)."""
    if not env.get("REDIS_URL"):
        return
    import redis

    client = redis.Redis.from_url(env["REDIS_URL"])
    for key in client.scan_iter(match=f"{env['CACHE_KEY_PREFIX']}:*", count=1000):
        client.delete(key)


@contextlib.contextmanager
def throwaway_database(*, workdir, keep):
    """A new, migrated database beside the configured one; yields its DATABASE_URL for the servers."""
    from django.db import connection

    name = f"bench_site_{os.getpid()}"
    test_settings = connection.settings_dict.setdefault("TEST", {})
    if connection.vendor == "sqlite":
        test_settings["NAME"] = str(workdir / f"{name}.sqlite3")
        url = f"sqlite:///{test_settings['NAME']}"
    else:
        test_settings["NAME"] = name
        url = urlunsplit(urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}"))
    original_name = connection.settings_dict["NAME"]
    report(f"Creating the throwaway {connection.vendor} database {test_settings['NAME']} (migrations)…")
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield url
    finally:
        if keep:
            report(f"Kept the database {test_settings['NAME']} ({url}).")
        else:
            connection.creation.destroy_test_db(original_name, verbosity=0)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- The server and its CPU time ----------------------------------------------------------


@contextlib.contextmanager
def gunicorn(*, env, page_cache):
    port = free_port()
    command = [
        sys.executable, "-m", "gunicorn", "portal.wsgi:application",
        "--workers", str(WORKERS), "--bind", f"127.0.0.1:{port}", "--log-level", "warning",
    ]  # fmt: skip
    server_env = env | {"PAGE_CACHE_ENABLED": "true" if page_cache else "false"}
    process = subprocess.Popen(command, cwd=BASE_DIR, env=server_env)
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base_url, process)
        yield base_url, process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_serving(base_url, process, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(f"{base_url}/bench/trivial/", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer in time")


def worker_pids(master_pid):
    path = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    return [int(pid) for pid in path.read_text().split()]


def cpu_seconds(pids):
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


# --- Measuring ----------------------------------------------------------------------------


def run_wrk(base_url, paths, *, duration, threads=2, connections=8):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(paths) + "\n")
    try:
        command = [
            WRK, f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s",
            "-s", str(LUA_SCRIPT), base_url, "--", listing.name,
        ]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, timeout=duration + 60, check=True)
    finally:
        os.unlink(listing.name)
    for line in result.stdout.splitlines():
        if line.startswith("WRK_SUMMARY "):
            return json.loads(line.removeprefix("WRK_SUMMARY "))
    raise RuntimeError(f"no summary from wrk:\n{result.stdout}\n{result.stderr}")


def measure(row, *, base_url, master_pid, duration, warmup):
    if row.cached:  # every page once, so the shared cache holds them all
        for path in row.paths:
            body_size(base_url + path)
    run_wrk(base_url, row.paths, duration=warmup)
    pids = worker_pids(master_pid)
    cpu_before = cpu_seconds(pids)
    summary = run_wrk(base_url, row.paths, duration=duration)
    cpu_used = cpu_seconds(pids) - cpu_before
    requests = max(1, summary["requests"])
    row.rps = summary["requests"] / (summary["duration_us"] / 1e6)
    row.p50_ms, row.p95_ms, row.p99_ms = (summary[key] / 1000 for key in ("p50_us", "p95_us", "p99_us"))
    row.cpu_ms = cpu_used * 1000 / requests
    row.failures = summary["non_2xx"] + summary["socket_errors"]
    row.body_bytes = body_size(base_url + row.paths[0])
    return row


def body_size(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return len(response.read())


def count_queries(row):
    """SQL queries of the second request of `row.paths[0]`, in this process (page cache on or off as in the row)."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from home.page_cache import bump_generation

    client = Client()
    with override_settings(PAGE_CACHE_ENABLED=row.cached):
        bump_generation()
        _consume(client.get(row.paths[0]))
        with CaptureQueriesContext(connection) as queries:
            _consume(client.get(row.paths[0]))
    return len(queries)


def _consume(response):
    if response.streaming:
        b"".join(response.streaming_content)
    response.close()


# --- What is requested --------------------------------------------------------------------


def request_paths(site):
    """{row name: [paths]} of the generated site."""
    import random

    from search.bench import suggest_inputs
    from search.bench_queries import QUERIES

    rng = random.Random(7)
    articles = rng.sample(site["articles"]["vi"], min(SAMPLE_PAGES, len(site["articles"]["vi"])))
    documents = rng.sample(site["documents"], min(SAMPLE_PAGES, len(site["documents"])))
    library = site["guidance"]["vi"][0].get_parent().get_url()
    levels = ["preschool", "primary", "lower-secondary", "upper-secondary"]
    types = ["guide", "legal-document", "poster", "slides", "lesson-plan", "form"]
    searches = [query.text for query in QUERIES if query.locale == "vi" and not query.filters]
    prefixes = [prefix for prefix, locale in suggest_inputs(QUERIES) if locale == "vi"]
    return {
        "home": ["/"],
        "article": [page.get_url() for page in articles],
        "library (filtered)": [
            f"{library}?{urlencode({'level': level, 'type': kind})}" for level in levels for kind in types
        ],
        "campaign": [page.get_url() for page in site["campaigns"]["vi"]],
        "search": [f"/search/?{urlencode({'q': text})}" for text in searches],
        "suggest": [f"/api/search/suggest/?{urlencode({'q': prefix, 'locale': 'vi'})}" for prefix in prefixes],
        "document download": [document.url for document in documents],
        "trivial view (20 KB)": ["/bench/trivial/"],
    }


def static_path(base_url):
    import re

    with urllib.request.urlopen(base_url + "/", timeout=30) as response:
        html = response.read().decode()
    return re.search(r'href="(/static/css/[^"]+\.css)"', html).group(1)


# --- The run ------------------------------------------------------------------------------


UNCACHED_ROWS = [
    "static file",
    "trivial view (20 KB)",
    "home",
    "article",
    "library (filtered)",
    "campaign",
    "search",
    "suggest",
    "document download",
]
CACHED_ROWS = ["static file", "home", "article", "library (filtered)", "campaign"]


def run_server_rows(*, env, paths, names, page_cache, duration, warmup):
    rows = []
    with gunicorn(env=env, page_cache=page_cache) as (base_url, master_pid):
        paths = paths | {"static file": [static_path(base_url)]}
        for name in names:
            row = Row(name=name, paths=paths[name], cached=page_cache and name != "static file")
            report(f"  {row.name}{' (page cache)' if row.cached else ''}…")
            rows.append(measure(row, base_url=base_url, master_pid=master_pid, duration=duration, warmup=warmup))
        search_alone = None
        if not page_cache:
            report("  search, one request at a time…")
            search_alone = run_wrk(base_url, paths["search"], duration=duration, threads=1, connections=1)
    return rows, search_alone, paths


def format_table(rows):
    header = f"{'':<34}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'bytes':>9}{'SQL/req':>9}{'CPU ms/req':>12}"
    lines = [header, "-" * len(header)]
    for row in rows:
        label = f"{row.name} ({'page cache' if row.cached else 'uncached'})" if row.name != "static file" else row.name
        queries = "-" if row.queries is None else str(row.queries)
        failed = f"   {row.failures} failed" if row.failures else ""
        lines.append(
            f"{label:<34}{row.rps:>9.0f}{row.p50_ms:>9.1f}{row.p99_ms:>9.1f}{row.body_bytes:>9}"
            f"{queries:>9}{row.cpu_ms:>12.2f}{failed}"
        )
    return "\n".join(lines)


def verdict(passed):
    return "PASS" if passed else "MISS"


def format_targets(*, uncached, cached, search_alone):
    article = next(row for row in uncached if row.name == "article")
    trivial = next(row for row in uncached if row.name == "trivial view (20 KB)")
    static = next(row for row in cached if row.name == "static file")
    cached_pages = [row for row in cached if row.cached]
    slowest_cached = min(cached_pages, key=lambda row: row.rps)
    search_p95 = search_alone["p95_us"] / 1000
    article_goal = TARGET_ARTICLE_FACTOR * BAKERYDEMO_ARTICLE_RPS
    lines = [
        "Targets (issue 6):",
        f"  {verdict(article.rps >= article_goal)}  uncached article {article.rps:.0f} req/s, goal ≥ {article_goal} "
        f"({TARGET_ARTICLE_FACTOR} × bakerydemo's {BAKERYDEMO_ARTICLE_RPS}); CPU {article.cpu_ms:.1f} ms/req against "
        f"bakerydemo's {BAKERYDEMO_ARTICLE_CPU_MS} ms ({BAKERYDEMO_ARTICLE_CPU_MS / max(article.cpu_ms, 0.01):.1f}× "
        "less)",
        f"  {verdict(slowest_cached.rps >= TARGET_CACHED_SHARE_OF_STATIC * static.rps)}  cached pages: slowest "
        f"({slowest_cached.name}) {slowest_cached.rps:.0f} req/s = {slowest_cached.rps / static.rps:.0%} of the static "
        f"file's {static.rps:.0f} req/s in the same run, goal ≥ {TARGET_CACHED_SHARE_OF_STATIC:.0%}",
        f"  {verdict(search_p95 < TARGET_SEARCH_P95_MS)}  search p95 {search_p95:.1f} ms one request at a time "
        f"(p50 {search_alone['p50_us'] / 1000:.1f} ms, {search_alone['requests']} searches), "
        f"goal < {TARGET_SEARCH_P95_MS} ms",
        f"  For scale: the trivial 20 KB view served {trivial.rps:.0f} req/s at {trivial.cpu_ms:.2f} ms CPU "
        f"(the issue measured about {TRIVIAL_VIEW_RPS} req/s and 0.6 ms on a quiet machine).",
    ]
    return "\n".join(lines)


def machine_line():
    load = os.getloadavg()
    return f"{os.cpu_count()} CPUs, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}"


def run(*, args, env, workdir):
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from portal import bench_site

    size = bench_site.SiteSize().scaled(args.scale)
    call_command("collectstatic", interactive=False, verbosity=0)
    started = time.perf_counter()
    report(f"Generating {size.pages_per_locale} pages per locale, 2 locales…")
    site = bench_site.build_site(size=size, media_root=Path(settings.MEDIA_ROOT), report=report)
    generated = time.perf_counter()
    bench_site.build_search_index()
    indexed = time.perf_counter()
    cache_kind = "Redis (shared by the workers)" if args.redis_url else "local-memory (one per worker)"
    heading = (
        f"Site: {size.articles} articles, {size.guidance} guidance pages with a PDF each, {size.campaigns} campaigns, "
        f"each in vi and en ({2 * size.pages_per_locale} pages); generated in {generated - started:.0f} s, "
        f"search index built in {indexed - generated:.0f} s.\n"
        f"Server: gunicorn, {WORKERS} sync workers, production settings, {connection.vendor} database, "
        f"{cache_kind} cache; wrk -t2 -c8 -d{args.duration}s "
        f"after a {args.warmup} s warm-up.\nMachine: {machine_line()} at the start."
    )
    report(heading)
    paths = request_paths(site)
    report("Page cache off:")
    uncached, search_alone, paths = run_server_rows(
        env=env, paths=paths, names=UNCACHED_ROWS, page_cache=False, duration=args.duration, warmup=args.warmup
    )
    report("Page cache on:")
    cached, _none, _paths = run_server_rows(
        env=env, paths=paths, names=CACHED_ROWS, page_cache=True, duration=args.duration, warmup=args.warmup
    )
    report("Counting SQL queries per request…")
    for row in [*uncached, *cached]:
        row.queries = count_queries(row)
    return "\n\n".join(
        [
            heading,
            format_table([*uncached, *cached]),
            format_targets(uncached=uncached, cached=cached, search_alone=search_alone),
            f"Machine at the end: {machine_line()}. CPU ms/request is the steadiest figure on a shared machine.",
        ]
    )


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m portal.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="site size factor (default 1: 10,000 articles…)")
    parser.add_argument("--duration", type=int, default=15, help="seconds of wrk per row (default 15)")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of unmeasured wrk before each row (default 3)")
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("REDIS_URL", DEFAULT_REDIS_URL),
        help=f"the servers' shared cache, under a key prefix of this run (default: $REDIS_URL or {DEFAULT_REDIS_URL}, "
        "when reachable; else each worker's local memory)",
    )
    parser.add_argument("--no-redis", action="store_true", help="local-memory cache in each worker")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway database and files")
    args = parser.parse_args(argv)
    if not Path(WRK).exists():
        parser.error("wrk is not installed (Debian: apt-get install wrk; `make bench` does it)")

    args.redis_url = "" if args.no_redis else reachable_redis(args.redis_url)
    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-site-"))
    env = server_environment(workdir=workdir, redis_url=args.redis_url)
    os.environ.update(env)
    for name in ("REDIS_URL", "ELASTICSEARCH_URL"):
        if name not in env:
            os.environ.pop(name, None)

    import django

    django.setup()
    try:
        with throwaway_database(workdir=workdir, keep=args.keep) as database_url:
            env["DATABASE_URL"] = database_url
            print(run(args=args, env=env, workdir=workdir), flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        delete_cache_keys(env)


if __name__ == "__main__":
    main()
