"""Settings shared by every environment.

Everything deploy-specific is read from environment variables (see the
README's table); `dev`, `test` and `production` only adjust these defaults.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSTALLED_APPS = [
    "home",
    "campaigns",
    "resources",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "home.security.SecurityHeadersMiddleware",
    "home.structured_logging.RequestLogMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "home.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "home.admin_auth.RequireTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# Database: SQLite embedded by default, PostgreSQL (or any) through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers (a threaded server, several workers) wait for the lock
    # taken at the start of each transaction instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Admin sign-in: lockout after repeated failures (home/auth.py).
AUTHENTICATION_BACKENDS = ["home.auth.LockoutModelBackend"]
WAGTAILADMIN_USER_LOGIN_FORM = "home.auth.AdminLoginForm"
ADMIN_LOGIN_MAX_FAILURES = int(os.environ.get("ADMIN_LOGIN_MAX_FAILURES", "5"))
ADMIN_LOGIN_LOCKOUT_SECONDS = int(os.environ.get("ADMIN_LOGIN_LOCKOUT_SECONDS", "900"))
# When true, admin users without two-factor sign-in are sent to set it up.
ADMIN_REQUIRE_TWO_FACTOR = env_bool("ADMIN_REQUIRE_TWO_FACTOR", False)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Vietnamese first (no URL prefix), English under /en/.
LANGUAGE_CODE = "vi"
LANGUAGES = [
    ("vi", "Tiếng Việt"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# Static and media files
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static_src"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def s3_media_storage():
    """Uploads in an S3-compatible bucket (AWS, MinIO, Viettel or FPT object storage), shared by every app server.

    Plain URLs, no signatures: cached pages keep working. The bucket's policy
    makes only images/ and original_images/ public; documents/ stays private
    and is streamed through Wagtail's serve view (README, "Deployment").
    """
    options = {
        "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
        "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
        "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
        "location": os.environ.get("AWS_LOCATION", ""),
        "default_acl": None,
        "querystring_auth": False,
        "file_overwrite": False,
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


# Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, read by boto3 itself.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = s3_media_storage()

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Cache (pages, rate-limit counters): Redis shared by every app server when REDIS_URL is set,
# else this process's memory (one server only).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
            # A stalled Redis must not hold requests up: the cache fails fast and the app carries on.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
        }
    }
# Sessions (admin sign-in) in the database: every app server sees them.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Anonymous page cache (home/page_cache.py): on in production, off in dev and tests.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", False)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/documents/", "/api/"]
PAGE_CACHE_EXCLUDED_URL_NAMES = ["search"]
PAGE_CACHE_MAX_QUERY_LENGTH = 300
# Only `python -m portal.bench` turns this on: it routes /bench/trivial/, a 20 KB view for comparison.
PORTAL_BENCH_VIEWS = env_bool("PORTAL_BENCH_VIEWS", False)

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Cổng thông tin An toàn học đường")
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
# The admin loads nothing from other sites (its Content-Security-Policy forbids it):
# no Gravatar avatars (they would send editors' e-mail hashes out), no release check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILIMAGES_IMAGE_MODEL = "home.PortalImage"
WAGTAILDOCS_DOCUMENT_MODEL = "home.PortalDocument"
# Documents always stream through Wagtail's serve view (counted, permission
# checked), never as a bare media URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "docx", "doc", "pptx", "ppt", "xlsx", "odt", "odp",
    "png", "jpg", "mp3", "mp4", "txt",
]  # fmt: skip
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_MB", "50")) * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.forms.PortalDocumentForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "webp": "webp"}
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False
# A page submitted for translation gets a DRAFT in the target locale, even when
# the source is live: it goes live only when someone allowed to publish does so.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "portal_"),
    }
}

# Portal
PORTAL_DEFAULT_LOCALE = "vi"
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "2"))
PORTAL_LISTING_PAGE_SIZE = 12
# How many reverse proxies of ours append to X-Forwarded-For (0: use the socket peer).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# Student help mailbox: Fernet key(s) encrypting message text, newest first (see README).
MAILBOX_ENCRYPTION_KEY = os.environ.get("MAILBOX_ENCRYPTION_KEY", "")


def mailbox_retention_days():
    """Days after their last activity before mailbox cases are deleted; a bad value stops the start-up."""
    raw = os.environ.get("MAILBOX_RETENTION_DAYS", "180").strip()
    if not raw.isdigit() or int(raw) < 1:
        raise ImproperlyConfigured(f"MAILBOX_RETENTION_DAYS must be a whole number of days, at least 1 (got {raw!r}).")
    return int(raw)


MAILBOX_RETENTION_DAYS = mailbox_retention_days()

# Logs: never an address, user agent, cookie, user or query string (home/structured_logging.py).
# LOG_FORMAT=json writes one JSON object per line (production's default).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "plain")


def logging_config(log_format):
    formatter = "JsonFormatter" if log_format == "json" else "PlainFormatter"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "main": {"()": f"home.structured_logging.{formatter}", "format": "%(levelname)s %(name)s %(message)s"}
        },
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "main"}},
        "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
        "loggers": {
            "django.request": {"level": "ERROR"},
            # runserver's access lines carry query strings; the request log below replaces them.
            "django.server": {"handlers": ["console"], "level": "WARNING", "propagate": False},
            "portal.requests": {"level": os.environ.get("REQUEST_LOG_LEVEL", "INFO")},
        },
    }


LOGGING = logging_config(LOG_FORMAT)
DEFAULT_EXCEPTION_REPORTER = "home.structured_logging.PrivateExceptionReporter"
DEFAULT_EXCEPTION_REPORTER_FILTER = "home.structured_logging.PrivateExceptionReporterFilter"

SITE_NAME_I18N = _("Legal awareness and school safety portal")
