import pytest
from django.core import signing

from home.mailbox import codes


def test_case_codes_use_an_unambiguous_alphabet_and_differ():
    drawn = {codes.new_case_code() for _ in range(200)}
    assert len(drawn) == 200
    for code in drawn:
        assert codes.normalise_case_code(code) == code
        assert not set(code.replace("HT-", "").replace("-", "")) & set("01OIL")


@pytest.mark.parametrize("typed", ["ht-7k4p-9qxm", "HT 7K4P 9QXM", "7k4p9qxm", " HT7K4P-9QXM "])
def test_typed_codes_are_normalised(typed):
    assert codes.normalise_case_code(typed) == "HT-7K4P-9QXM"


@pytest.mark.parametrize("typed", ["", "HT-7K4P", "HT-0000-1111", "HT-7K4P-9QXM-AAAA", "'; drop table"])
def test_impossible_codes_normalise_to_nothing(typed):
    assert codes.normalise_case_code(typed) == ""


def test_the_pin_is_eight_digits_and_the_same_for_the_same_token():
    token_a, token_b = "raw-token-a", "raw-token-b"
    assert codes.pin_for(token_a) == codes.pin_for(token_a)
    assert codes.pin_for(token_a) != codes.pin_for(token_b)
    assert len(codes.pin_for(token_a)) == 8 and codes.pin_for(token_a).isdigit()


def test_the_pin_depends_on_the_server_secret(settings):
    before = codes.pin_for("raw-token")
    settings.SECRET_KEY = "another-secret"
    assert codes.pin_for("raw-token") != before


def test_form_tokens_open_only_when_made_here_and_fresh(monkeypatch):
    token = codes.new_form_token()
    raw = codes.open_form_token(token)
    assert raw and raw in token
    with pytest.raises(signing.BadSignature):
        codes.open_form_token(token[:-2] + "xx")
    monkeypatch.setattr(codes, "FORM_TOKEN_MAX_AGE", -1)
    with pytest.raises(signing.SignatureExpired):
        codes.open_form_token(token)


def test_the_stored_digest_reveals_neither_token_nor_pin():
    digest = codes.submission_digest("raw-token")
    assert len(digest) == 64
    assert "raw-token" not in digest and codes.pin_for("raw-token") not in digest


class FakeCase:
    code = "HT-7K4P-9QXM"


def test_access_tokens_carry_the_code_until_they_expire(monkeypatch):
    token = codes.case_access_token(FakeCase())
    assert codes.code_from_access_token(token) == "HT-7K4P-9QXM"
    assert codes.code_from_access_token(token + "x") == ""
    assert codes.code_from_access_token("HT-7K4P-9QXM") == ""
    monkeypatch.setattr(codes, "ACCESS_TOKEN_MAX_AGE", -1)
    assert codes.code_from_access_token(token) == ""
