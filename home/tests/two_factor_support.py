"""Codes for tests of two-factor sign-in, computed from the record's own secret."""

from home import totp
from home.two_factor import confirm_enrolment, start_enrolment


def code_now(record, offset=0):
    return totp.code_at(record.secret, totp.time_step() + offset)


def wrong_code(record):
    valid_now = {code_now(record, offset) for offset in (-2, -1, 0, 1, 2)}
    return next(code for code in ("000000", "111111", "222222", "333333", "444444", "555555") if code not in valid_now)


def enrol(user):
    record = start_enrolment(user=user)
    confirm_enrolment(user=user, code=code_now(record, offset=-1))
    record.refresh_from_db()
    return record
