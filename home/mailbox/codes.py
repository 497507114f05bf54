"""Case codes, PINs and the one-time form token.

The form token is a random value signed with a timestamp. Its SHA-256 is
stored with the case (`submission_token`), so a resubmission finds the case it
already made. The PIN is an HMAC of the raw token under the server secret:
a retry of the same form after a lost response gets the same code *and* PIN
back, yet neither the database (which holds only the token's hash and the
PIN's password hash) nor the secret alone is enough to recover a PIN.
"""

import hashlib
import re
import secrets

from django.core import signing
from django.utils.crypto import salted_hmac

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L
CODE_PREFIX = "HT"
CODE_GROUPS = 2
CODE_GROUP_LENGTH = 4
PIN_DIGITS = 8
FORM_TOKEN_MAX_AGE = 24 * 60 * 60
ACCESS_TOKEN_MAX_AGE = 30 * 60

_FORM_TOKEN_SALT = "home.mailbox.form-token"
_PIN_SALT = "home.mailbox.pin"
_ACCESS_SALT = "home.mailbox.case-access"


def new_case_code():
    groups = ("".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LENGTH)) for _ in range(CODE_GROUPS))
    return "-".join([CODE_PREFIX, *groups])


def normalise_case_code(value):
    """`ht 7k4p 9qxm`, `HT7K4P9QXM` or `7K4P-9QXM` → `HT-7K4P-9QXM`; '' when it cannot be a code."""
    compact = re.sub(r"[\s\-_.]", "", value or "").upper()
    if compact.startswith(CODE_PREFIX):
        compact = compact[len(CODE_PREFIX) :]
    if len(compact) != CODE_GROUPS * CODE_GROUP_LENGTH or any(ch not in CODE_ALPHABET for ch in compact):
        return ""
    groups = [compact[i : i + CODE_GROUP_LENGTH] for i in range(0, len(compact), CODE_GROUP_LENGTH)]
    return "-".join([CODE_PREFIX, *groups])


def normalise_pin(value):
    return re.sub(r"\s", "", value or "")


def new_form_token():
    return signing.TimestampSigner(salt=_FORM_TOKEN_SALT).sign(secrets.token_urlsafe(32))


def open_form_token(token):
    """The raw random value inside a form token; raises `signing.BadSignature` (or its subclass
    `SignatureExpired`) when the token was not made here or is too old."""
    return signing.TimestampSigner(salt=_FORM_TOKEN_SALT).unsign(token or "", max_age=FORM_TOKEN_MAX_AGE)


def submission_digest(raw_token):
    return hashlib.sha256(raw_token.encode()).hexdigest()


def pin_for(raw_token):
    number = int(salted_hmac(_PIN_SALT, raw_token, algorithm="sha256").hexdigest(), 16)
    return str(number % 10**PIN_DIGITS).zfill(PIN_DIGITS)


def format_pin(pin):
    """`12345678` → `1234 5678`, easier to copy down."""
    half = len(pin) // 2
    return f"{pin[:half]} {pin[half:]}"


def case_access_token(case):
    """Lets the reading page post a new message without asking for the PIN again, for a short while."""
    return signing.dumps({"code": case.code}, salt=_ACCESS_SALT, compress=False)


def code_from_access_token(token):
    """The case code in a valid access token, or '' when it is forged or expired."""
    try:
        return signing.loads(token or "", salt=_ACCESS_SALT, max_age=ACCESS_TOKEN_MAX_AGE)["code"]
    except (signing.BadSignature, KeyError, TypeError):
        return ""
