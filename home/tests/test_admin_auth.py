import time

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse

from home.models import AdminTwoFactor
from home.tests.admin_support import prefer_english_admin
from home.tests.two_factor_support import code_now, enrol, wrong_code
from home.two_factor import confirmed_two_factor, pending_enrolment

PASSWORD = "correct horse battery"
CODE_URL = "/admin/login/code/"


@pytest.fixture(autouse=True)
def empty_cache(settings):
    settings.ADMIN_LOGIN_MAX_FAILURES = 3
    settings.TRUSTED_PROXY_COUNT = 0
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def admin_user(db):
    return prefer_english_admin(get_user_model().objects.create_superuser("quantri", "quantri@example.com", PASSWORD))


def sign_in(client, password=PASSWORD, **data):
    return client.post(reverse("wagtailadmin_login"), {"username": "quantri", "password": password, **data})


def enter_code(client, code):
    return client.post(CODE_URL, {"code": code})


def signed_in(client):
    return "_auth_user_id" in client.session


def error_codes(response):
    return [error.code for error in response.context["form"].non_field_errors().as_data()]


def test_without_two_factor_the_password_signs_in(client, admin_user):
    assert sign_in(client)["Location"] == reverse("wagtailadmin_home")
    assert signed_in(client)


def test_with_two_factor_the_password_alone_does_not_sign_in(client, admin_user):
    enrol(admin_user)
    response = sign_in(client)
    assert response["Location"] == CODE_URL
    assert not signed_in(client)
    assert client.get(reverse("wagtailadmin_home"))["Location"].startswith(reverse("wagtailadmin_login"))


def test_the_code_completes_the_sign_in_and_goes_where_asked(client, admin_user):
    record = enrol(admin_user)
    sign_in(client, next="/admin/pages/")
    response = enter_code(client, code_now(record))
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert signed_in(client)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_an_offsite_next_is_not_followed(client, admin_user):
    record = enrol(admin_user)
    sign_in(client, next="https://evil.example/")
    assert enter_code(client, code_now(record))["Location"] == reverse("wagtailadmin_home")


def test_a_wrong_code_is_refused(client, admin_user):
    record = enrol(admin_user)
    sign_in(client)
    response = enter_code(client, wrong_code(record))
    assert response.status_code == 200
    assert error_codes(response) == ["invalid_code"]
    assert not signed_in(client)


def test_a_used_code_cannot_sign_in_again(client, admin_user):
    record = enrol(admin_user)
    code = code_now(record)
    sign_in(client)
    enter_code(client, code)
    client.logout()
    sign_in(client)
    assert error_codes(enter_code(client, code)) == ["invalid_code"]
    assert not signed_in(client)


def test_wrong_codes_count_toward_the_lockout(client, admin_user):
    record = enrol(admin_user)
    sign_in(client)
    for _attempt in range(2):
        enter_code(client, wrong_code(record))
    locked = enter_code(client, wrong_code(record))
    assert error_codes(locked) == ["locked_out"]
    # Locked: neither the right code nor the right password gets in now.
    assert not signed_in(client)
    assert error_codes(enter_code(client, code_now(record, offset=1))) == ["locked_out"]
    assert sign_in(client).status_code == 200
    assert not signed_in(client)


def test_code_step_without_a_password_step_goes_back_to_sign_in(client, admin_user):
    enrol(admin_user)
    assert client.get(CODE_URL)["Location"] == reverse("wagtailadmin_login")
    assert client.post(CODE_URL, {"code": "123456"})["Location"] == reverse("wagtailadmin_login")


def test_code_step_expires(client, admin_user, monkeypatch):
    record = enrol(admin_user)
    sign_in(client)
    start = time.time()
    monkeypatch.setattr(time, "time", lambda: start + 301)
    assert enter_code(client, code_now(record))["Location"] == reverse("wagtailadmin_login")
    assert not signed_in(client)


def test_sign_in_pages_are_never_cached(client, admin_user):
    enrol(admin_user)
    assert "no-store" in client.get(reverse("wagtailadmin_login"))["Cache-Control"]
    sign_in(client)
    assert "no-store" in client.get(CODE_URL)["Cache-Control"]


# --- Turning two-factor sign-in on and off ---------------------------------


def settings_page(client, **data):
    url = reverse("admin_two_factor")
    return client.post(url, data) if data else client.get(url)


def test_account_page_links_to_two_factor_settings(client, admin_user):
    client.force_login(admin_user)
    content = client.get(reverse("wagtailadmin_account")).content.decode()
    assert reverse("admin_two_factor") in content
    assert "Off: ask for a code from an authenticator app at each sign-in." in content


def test_setting_up_shows_the_key_then_a_code_turns_it_on(client, admin_user):
    client.force_login(admin_user)
    assert "Two-factor sign-in is off." in settings_page(client).content.decode()
    settings_page(client, action="start")
    record = pending_enrolment(admin_user)
    page = settings_page(client)
    assert "no-store" in page["Cache-Control"]
    content = page.content.decode()
    assert record.secret[:4] + " " + record.secret[4:8] in content
    assert "otpauth://totp/" in content

    refused = settings_page(client, action="confirm", code=wrong_code(record))
    assert "That code is not valid." in refused.content.decode()
    assert confirmed_two_factor(admin_user) is None

    response = settings_page(client, action="confirm", code=code_now(record))
    assert response["Location"] == reverse("admin_two_factor")
    assert confirmed_two_factor(admin_user) == record


def test_cancelling_set_up_forgets_the_key(client, admin_user):
    client.force_login(admin_user)
    settings_page(client, action="start")
    settings_page(client, action="cancel")
    assert not AdminTwoFactor.objects.filter(user=admin_user).exists()


def test_turning_off_needs_a_code(client, admin_user):
    record = enrol(admin_user)
    client.force_login(admin_user)
    assert "Two-factor sign-in is on" in settings_page(client).content.decode()
    settings_page(client, action="disable", code=wrong_code(record))
    assert confirmed_two_factor(admin_user) is not None
    settings_page(client, action="disable", code=code_now(record, offset=1))
    assert confirmed_two_factor(admin_user) is None


def test_starting_again_does_not_replace_a_confirmed_key(client, admin_user):
    record = enrol(admin_user)
    client.force_login(admin_user)
    settings_page(client, action="start")
    assert confirmed_two_factor(admin_user).secret == record.secret


def test_unknown_action_changes_nothing(client, admin_user):
    client.force_login(admin_user)
    assert settings_page(client, action="drop-table")["Location"] == reverse("admin_two_factor")
    assert not AdminTwoFactor.objects.exists()


def test_settings_page_needs_an_admin_user(client, db):
    assert client.get(reverse("admin_two_factor"))["Location"].startswith(reverse("wagtailadmin_login"))


# --- ADMIN_REQUIRE_TWO_FACTOR ----------------------------------------------


def test_required_two_factor_sends_admin_users_to_set_up(client, admin_user, settings):
    settings.ADMIN_REQUIRE_TWO_FACTOR = True
    client.force_login(admin_user)
    assert client.get(reverse("wagtailadmin_home"))["Location"] == reverse("admin_two_factor")
    assert client.get(reverse("wagtailadmin_explore_root"))["Location"] == reverse("admin_two_factor")
    assert settings_page(client).status_code == 200
    assert client.post(reverse("wagtailadmin_logout")).status_code == 302
    assert not signed_in(client)


def test_required_two_factor_lets_enrolled_users_through(client, admin_user, settings):
    settings.ADMIN_REQUIRE_TWO_FACTOR = True
    enrol(admin_user)
    client.force_login(admin_user)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_required_two_factor_leaves_public_pages_alone(client, admin_user, settings, home_page):
    settings.ADMIN_REQUIRE_TWO_FACTOR = True
    response = client.get(home_page.url)
    assert response.status_code == 200
    assert "Cookie" not in response.get("Vary", "")


def test_two_factor_is_optional_by_default(client, admin_user):
    client.force_login(admin_user)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_code_step_is_in_vietnamese_by_default(client, admin_user):
    record = enrol(admin_user)
    sign_in(client)
    content = client.get(CODE_URL).content.decode()
    assert "Nhập mã xác thực" in content and "Mã xác thực" in content
    assert "Mã này không hợp lệ" in enter_code(client, wrong_code(record)).content.decode()
