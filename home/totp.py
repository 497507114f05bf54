"""Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP).

The defaults (HMAC-SHA1, 6 digits, 30-second steps) are what Google
Authenticator, Microsoft Authenticator and other apps expect from an
`otpauth://totp/` URI.
"""

import base64
import hashlib
import hmac
import secrets
import struct
import time
from urllib.parse import quote, urlencode

STEP_SECONDS = 30
DIGITS = 6
SECRET_BYTES = 20  # 160 bits, as RFC 4226 recommends for HMAC-SHA1
ALGORITHMS = {"SHA1": hashlib.sha1, "SHA256": hashlib.sha256, "SHA512": hashlib.sha512}


def new_secret():
    """A random secret as unpadded base32, the form authenticator apps accept."""
    return base64.b32encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii").rstrip("=")


def secret_bytes(secret):
    cleaned = secret.replace(" ", "").upper()
    return base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))


def hotp(key, counter, *, digits=DIGITS, algorithm="SHA1"):
    digest = hmac.new(key, struct.pack(">Q", counter), ALGORITHMS[algorithm]).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**digits).zfill(digits)


def time_step(at=None):
    return int((time.time() if at is None else at) // STEP_SECONDS)


def code_at(secret, step, **options):
    return hotp(secret_bytes(secret), step, **options)


def matching_step(secret, code, *, at=None, drift_steps=1):
    """The time step whose code equals `code`, within ±`drift_steps` of now; None if none does."""
    code = (code or "").replace(" ", "")
    if len(code) != DIGITS or not code.isdigit():
        return None
    now = time_step(at)
    for step in range(now - drift_steps, now + drift_steps + 1):
        if hmac.compare_digest(code_at(secret, step), code):
            return step
    return None


def provisioning_uri(secret, *, account, issuer):
    """The `otpauth://` URI an authenticator app reads from a QR code or a link."""
    label = quote(f"{issuer}:{account}", safe=":@")
    parameters = {"secret": secret, "issuer": issuer, "algorithm": "SHA1", "digits": DIGITS, "period": STEP_SECONDS}
    query = urlencode(parameters, quote_via=quote)  # %20, not +, for spaces: some apps show a literal +
    return f"otpauth://totp/{label}?{query}"
