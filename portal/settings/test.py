import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
MAILBOX_ENCRYPTION_KEY = "dGVzdC1vbmx5LW1haWxib3gta2V5LW5vdC1zZWNyZXQ="
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Real files on disk (Wagtail serves documents from the storage's path), in a
# throwaway folder per test run.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-media-"))  # noqa: F405
# SQLite: a throwaway file rather than shared-cache memory, which fails ("table is locked")
# instead of waiting when two threads write; the mailbox's concurrency tests need real threads.
# IMMEDIATE transactions take the write lock up front, so waiting writers never deadlock.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(Path(tempfile.mkdtemp(prefix="portal-test-db-")) / "test.sqlite3")}  # noqa: F405
    DATABASES["default"]["OPTIONS"] = {  # noqa: F405
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;",
    }
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Each test process keeps its own cache, even where REDIS_URL is set for the developer's server.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "portal-test"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Quiet, fast tests: no per-task INFO lines, no whitenoise scan of a missing STATIC_ROOT.
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
WHITENOISE_AUTOREFRESH = True
