import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from home import totp
from home.models import AdminTwoFactor
from home.tests.two_factor_support import code_now, wrong_code
from home.two_factor import (
    accept_code,
    confirm_enrolment,
    confirmed_two_factor,
    disable_two_factor,
    pending_enrolment,
    provisioning_uri,
    start_enrolment,
)


@pytest.fixture
def user(db):
    return get_user_model().objects.create_superuser("quantri", "quantri@example.com", "x")


def test_enrolment_waits_for_a_first_code(user):
    record = start_enrolment(user=user)
    assert pending_enrolment(user) == record and confirmed_two_factor(user) is None
    assert confirm_enrolment(user=user, code=wrong_code(record)) is False
    assert pending_enrolment(user) == record
    assert confirm_enrolment(user=user, code=code_now(record)) is True
    assert confirmed_two_factor(user) == record and pending_enrolment(user) is None


def test_starting_again_replaces_an_unconfirmed_secret_but_never_a_confirmed_one(user):
    first = start_enrolment(user=user)
    second = start_enrolment(user=user)
    assert AdminTwoFactor.objects.filter(user=user).count() == 1
    assert second.secret != first.secret
    confirm_enrolment(user=user, code=code_now(second))
    with pytest.raises(ValueError):
        start_enrolment(user=user)
    assert confirmed_two_factor(user).secret == second.secret


def test_a_code_is_accepted_once(user):
    record = start_enrolment(user=user)
    code = code_now(record)
    assert accept_code(record=record, code=code) is True
    assert accept_code(record=record, code=code) is False
    record.refresh_from_db()
    assert record.last_used_step in {totp.time_step(), totp.time_step() - 1}


def test_an_older_code_is_refused_after_a_newer_one(user):
    record = start_enrolment(user=user)
    assert accept_code(record=record, code=code_now(record, offset=1)) is True
    assert accept_code(record=record, code=code_now(record, offset=0)) is False
    assert accept_code(record=record, code=code_now(record, offset=-1)) is False


def test_the_same_code_from_two_stale_copies_is_accepted_once(user):
    first_copy = start_enrolment(user=user)
    second_copy = AdminTwoFactor.objects.get(pk=first_copy.pk)
    code = code_now(first_copy)
    assert [accept_code(record=first_copy, code=code), accept_code(record=second_copy, code=code)] == [True, False]


def test_turning_off_needs_a_valid_code(user):
    record = start_enrolment(user=user)
    confirm_enrolment(user=user, code=code_now(record))
    assert disable_two_factor(user=user, code=wrong_code(record)) is False
    assert confirmed_two_factor(user) is not None
    assert disable_two_factor(user=user, code=code_now(record, offset=1)) is True
    assert not AdminTwoFactor.objects.filter(user=user).exists()


def test_secret_is_encrypted_at_rest(user):
    record = start_enrolment(user=user)
    stored = AdminTwoFactor.objects.filter(pk=record.pk).values_list("encrypted_secret", flat=True).get()
    assert record.secret not in stored
    assert AdminTwoFactor.objects.get(pk=record.pk).secret == record.secret


def test_secret_survives_a_secret_key_rotation_with_fallback(user, settings):
    record = start_enrolment(user=user)
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY = "a-new-secret-key-for-the-rotation-test"
    settings.SECRET_KEY_FALLBACKS = [old_key]
    assert accept_code(record=AdminTwoFactor.objects.get(pk=record.pk), code=code_now(record)) is True


def test_unreadable_secret_refuses_codes_instead_of_failing(user, settings):
    record = start_enrolment(user=user)
    code = code_now(record)
    settings.SECRET_KEY = "a-new-secret-key-without-fallback"
    settings.SECRET_KEY_FALLBACKS = []
    assert accept_code(record=AdminTwoFactor.objects.get(pk=record.pk), code=code) is False


def test_provisioning_uri_names_the_site_and_user(user, settings):
    settings.WAGTAIL_SITE_NAME = "Cổng"
    record = start_enrolment(user=user)
    uri = provisioning_uri(record=record)
    assert uri.startswith("otpauth://totp/C%E1%BB%95ng:quantri?") and f"secret={record.secret}" in uri


def test_reset_command_turns_two_factor_off(user):
    record = start_enrolment(user=user)
    confirm_enrolment(user=user, code=code_now(record))
    call_command("reset_two_factor", "quantri")
    assert not AdminTwoFactor.objects.filter(user=user).exists()
    with pytest.raises(CommandError):
        call_command("reset_two_factor", "nobody")
