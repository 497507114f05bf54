from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me")  # noqa: F405
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# A fixed, public, development-only key: never use it for real messages.
MAILBOX_ENCRYPTION_KEY = MAILBOX_ENCRYPTION_KEY or "ZGV2LW9ubHktbWFpbGJveC1rZXktbm90LXNlY3JldCE="  # noqa: F405
