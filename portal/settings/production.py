from django.core.exceptions import ImproperlyConfigured

from home.mailbox.crypto import build_fernet

from .base import *  # noqa: F403

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")  # noqa: F405
# Previous keys while rotating: sessions, reset links and two-factor secrets stay readable.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")  # noqa: F405
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")  # noqa: F405
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment for production.")
# Mailbox messages are encrypted at rest: refuse to start without a valid key.
build_fernet(MAILBOX_ENCRYPTION_KEY)  # noqa: F405

# On by default only with a cache shared by every worker and server (Redis, below).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", bool(os.environ.get("REDIS_URL")))  # noqa: F405

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")  # noqa: F405

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
# Load balancers probe app servers over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
if env_bool("TRUST_PROXY_HEADERS", False):  # noqa: F405
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True  # the admin's scripts read the token from the page, not the cookie
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

LOG_FORMAT = os.environ.get("LOG_FORMAT", "json")  # noqa: F405
LOGGING = logging_config(LOG_FORMAT)  # noqa: F405

STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"  # noqa: F405
