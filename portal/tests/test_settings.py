import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

BASE_DIR = Path(__file__).resolve().parents[2]


PRODUCTION_VARIABLES = {"SECRET_KEY", "ALLOWED_HOSTS", "MAILBOX_ENCRYPTION_KEY"}
VALID_MAILBOX_KEY = "bWFpbGJveC1rZXktZm9yLXRoZS1zZXR0aW5ncy10ZXM="


def run_manage(*args, env_overrides):
    env = {key: value for key, value in os.environ.items() if key not in PRODUCTION_VARIABLES}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "missing, present",
    [
        ("SECRET_KEY", {"ALLOWED_HOSTS": "portal.example.vn", "MAILBOX_ENCRYPTION_KEY": VALID_MAILBOX_KEY}),
        ("ALLOWED_HOSTS", {"SECRET_KEY": "x" * 60, "MAILBOX_ENCRYPTION_KEY": VALID_MAILBOX_KEY}),
        ("MAILBOX_ENCRYPTION_KEY", {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "portal.example.vn"}),
    ],
)
def test_production_refuses_to_start_without_required_variable(missing, present):
    result = run_manage("check", env_overrides={"DJANGO_SETTINGS_MODULE": "portal.settings.production", **present})
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_production_refuses_to_start_with_a_malformed_mailbox_key():
    result = run_manage(
        "check",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "x" * 60,
            "ALLOWED_HOSTS": "portal.example.vn",
            "MAILBOX_ENCRYPTION_KEY": "not-a-fernet-key",
        },
    )
    assert result.returncode != 0
    assert "MAILBOX_ENCRYPTION_KEY is not a valid Fernet key" in result.stderr


def test_production_deploy_check_is_clean():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "a-long-random-production-secret-key-for-the-check-0123456789abcdef",
            "ALLOWED_HOSTS": "portal.example.vn",
            "MAILBOX_ENCRYPTION_KEY": VALID_MAILBOX_KEY,
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_models_and_migrations_are_in_sync():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    assert "No changes detected" in out.getvalue()


PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-key-for-the-check-0123456789abcdef",
    "ALLOWED_HOSTS": "portal.example.vn",
    "MAILBOX_ENCRYPTION_KEY": VALID_MAILBOX_KEY,
}
DEPLOYMENT_VARIABLES = {
    "REDIS_URL",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "AWS_S3_CUSTOM_DOMAIN",
    "LOG_FORMAT",
}
SHOW_SETTINGS = """
import json, django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
from django.core.cache import caches
print(json.dumps({
    "cache_backend": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"].get("LOCATION"),
    "cache_class": type(caches["default"]).__name__,
    "storage": settings.STORAGES["default"],
    "storage_class": type(storages["default"]).__name__,
    "session_engine": settings.SESSION_ENGINE,
    "formatter": settings.LOGGING["formatters"]["main"]["()"],
    "cookies": [settings.SESSION_COOKIE_SECURE, settings.SESSION_COOKIE_HTTPONLY,
                settings.CSRF_COOKIE_SECURE, settings.CSRF_COOKIE_HTTPONLY],
    "redirect_exempt": settings.SECURE_REDIRECT_EXEMPT,
    "middleware": settings.MIDDLEWARE[:4],
}))
"""


def settings_under(env_overrides):
    env = {key: value for key, value in os.environ.items() if key not in DEPLOYMENT_VARIABLES | set(PRODUCTION_ENV)}
    env.update(env_overrides)
    result = subprocess.run(
        [sys.executable, "-c", SHOW_SETTINGS], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_without_shared_services_uses_local_memory_and_the_filesystem():
    shown = settings_under(PRODUCTION_ENV)

    assert shown["cache_backend"] == "django.core.cache.backends.locmem.LocMemCache"
    assert shown["storage_class"] == "FileSystemStorage"
    assert shown["session_engine"] == "django.contrib.sessions.backends.db"
    assert shown["formatter"] == "home.structured_logging.JsonFormatter"
    assert shown["cookies"] == [True, True, True, True]
    assert shown["redirect_exempt"] == ["^healthz/$"]
    assert shown["middleware"][:3] == [
        "django.middleware.security.SecurityMiddleware",
        "home.security.SecurityHeadersMiddleware",
        "home.structured_logging.RequestLogMiddleware",
    ]


@pytest.mark.parametrize("module", ["portal.settings.production", "portal.settings.dev"])
def test_redis_url_puts_the_cache_in_redis(module):
    shown = settings_under(
        {**PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": module, "REDIS_URL": "redis://cache.internal:6379/2"}
    )

    assert shown["cache_backend"] == "django.core.cache.backends.redis.RedisCache"
    assert shown["cache_location"] == "redis://cache.internal:6379/2"
    assert shown["cache_class"] == "RedisCache"


def test_test_settings_keep_their_own_cache_even_with_redis_url():
    shown = settings_under(
        {"DJANGO_SETTINGS_MODULE": "portal.settings.test", "REDIS_URL": "redis://cache.internal:6379/2"}
    )

    assert shown["cache_backend"] == "django.core.cache.backends.locmem.LocMemCache"


def test_bucket_name_puts_media_in_s3_compatible_storage():
    shown = settings_under(
        {
            **PRODUCTION_ENV,
            "AWS_STORAGE_BUCKET_NAME": "portal-media",
            "AWS_S3_ENDPOINT_URL": "https://s3.example.vn",
            "AWS_S3_REGION_NAME": "hn-1",
            "AWS_S3_CUSTOM_DOMAIN": "media.portal.example.vn",
        }
    )

    assert shown["storage_class"] == "S3Storage"
    options = shown["storage"]["OPTIONS"]
    assert options["bucket_name"] == "portal-media"
    assert options["endpoint_url"] == "https://s3.example.vn"
    assert options["region_name"] == "hn-1"
    assert options["custom_domain"] == "media.portal.example.vn"
    assert options["querystring_auth"] is False  # cached pages keep valid image URLs
    assert options["file_overwrite"] is False


def test_log_format_variable_switches_dev_to_json_and_production_to_plain():
    assert settings_under({"DJANGO_SETTINGS_MODULE": "portal.settings.dev", "LOG_FORMAT": "json"})["formatter"] == (
        "home.structured_logging.JsonFormatter"
    )
    assert settings_under({**PRODUCTION_ENV, "LOG_FORMAT": "plain"})["formatter"] == (
        "home.structured_logging.PlainFormatter"
    )


PRINT_PAGE_CACHE_ENABLED = "from django.conf import settings; print(settings.PAGE_CACHE_ENABLED)"


@pytest.mark.parametrize(
    "variables, expected",
    [
        ({"REDIS_URL": "redis://127.0.0.1:6379/0"}, "True"),
        ({}, "False"),  # each worker's own memory: a publish would not reach the others
        ({"REDIS_URL": "redis://127.0.0.1:6379/0", "PAGE_CACHE_ENABLED": "false"}, "False"),
        ({"PAGE_CACHE_ENABLED": "true"}, "True"),
    ],
)
def test_production_page_cache_is_on_with_a_shared_cache(variables, expected, monkeypatch):
    monkeypatch.delenv("PAGE_CACHE_ENABLED", raising=False)
    monkeypatch.delenv("REDIS_URL", raising=False)
    env = PRODUCTION_ENV | variables
    result = run_manage("shell", "--no-imports", "-c", PRINT_PAGE_CACHE_ENABLED, env_overrides=env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == expected
