"""Encryption at rest of mailbox message text (Fernet: AES-128-CBC + HMAC-SHA256).

`MAILBOX_ENCRYPTION_KEY` holds one key or a comma-separated list: the first
key encrypts, every key decrypts, so a new key can be put first and old
messages still read (rotate them with `rotate_token`). Generate a key with
`python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"`.

This module reads nothing from Django at import time: production settings
call `build_fernet` to refuse to start with a missing or malformed key.
"""

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

__all__ = ["InvalidToken", "build_fernet", "decrypt_text", "encrypt_text", "rotate_token"]


def build_fernet(keys_setting):
    """A MultiFernet from a comma-separated key list; ImproperlyConfigured when empty or malformed."""
    keys = [key.strip() for key in (keys_setting or "").split(",") if key.strip()]
    if not keys:
        raise ImproperlyConfigured("MAILBOX_ENCRYPTION_KEY must be set (one or more Fernet keys, comma-separated).")
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except (ValueError, TypeError) as error:
        raise ImproperlyConfigured(
            "MAILBOX_ENCRYPTION_KEY is not a valid Fernet key (32 url-safe base64-encoded bytes)."
        ) from error


@lru_cache(maxsize=4)
def _fernet_for(keys_setting):
    return build_fernet(keys_setting)


def _fernet():
    return _fernet_for(getattr(settings, "MAILBOX_ENCRYPTION_KEY", ""))


def encrypt_text(text):
    return _fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt_text(token):
    """The plain text; raises InvalidToken when no configured key opens it."""
    return _fernet().decrypt(token.encode("ascii")).decode("utf-8")


def rotate_token(token):
    """The same text re-encrypted with the first (newest) key."""
    return _fernet().rotate(token.encode("ascii")).decode("ascii")
