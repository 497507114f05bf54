import base64

import pytest

from home.totp import code_at, hotp, matching_step, new_secret, provisioning_uri, secret_bytes, time_step

RFC_KEYS = {
    "SHA1": b"12345678901234567890",
    "SHA256": b"12345678901234567890123456789012",
    "SHA512": b"1234567890123456789012345678901234567890123456789012345678901234",
}

# RFC 6238, appendix B: (time, algorithm, 8-digit code).
RFC_6238_VECTORS = [
    (59, "SHA1", "94287082"),
    (59, "SHA256", "46119246"),
    (59, "SHA512", "90693936"),
    (1111111109, "SHA1", "07081804"),
    (1111111109, "SHA256", "68084774"),
    (1111111109, "SHA512", "25091201"),
    (1111111111, "SHA1", "14050471"),
    (1111111111, "SHA256", "67062674"),
    (1111111111, "SHA512", "99943326"),
    (1234567890, "SHA1", "89005924"),
    (1234567890, "SHA256", "91819424"),
    (1234567890, "SHA512", "93441116"),
    (2000000000, "SHA1", "69279037"),
    (2000000000, "SHA256", "90698825"),
    (2000000000, "SHA512", "38618901"),
    (20000000000, "SHA1", "65353130"),
    (20000000000, "SHA256", "77737706"),
    (20000000000, "SHA512", "47863826"),
]


@pytest.mark.parametrize(("at", "algorithm", "expected"), RFC_6238_VECTORS)
def test_rfc_6238_vectors(at, algorithm, expected):
    assert hotp(RFC_KEYS[algorithm], time_step(at), digits=8, algorithm=algorithm) == expected


def test_rfc_4226_hotp_vectors():
    expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"]
    assert [hotp(b"12345678901234567890", counter) for counter in range(10)] == expected


def test_secret_is_base32_of_160_bits_and_random():
    secret = new_secret()
    assert len(secret_bytes(secret)) == 20
    assert secret != new_secret()
    assert secret_bytes(secret.lower()[:8] + " " + secret[8:]) == secret_bytes(secret)


def test_matching_step_allows_one_step_either_side():
    secret = base64.b32encode(b"12345678901234567890").decode()
    now = 1111111111
    for offset in (-1, 0, 1):
        code = code_at(secret, time_step(now) + offset)
        assert matching_step(secret, code, at=now) == time_step(now) + offset
    assert matching_step(secret, code_at(secret, time_step(now) + 2), at=now) is None
    assert matching_step(secret, code_at(secret, time_step(now) - 2), at=now) is None


@pytest.mark.parametrize("code", ["", "12345", "1234567", "abcdef", None])
def test_malformed_codes_match_nothing(code):
    assert matching_step(new_secret(), code) is None


def test_code_with_a_space_in_the_middle_is_accepted():
    secret = new_secret()
    code = code_at(secret, time_step())
    assert matching_step(secret, f"{code[:3]} {code[3:]}") == time_step()


def test_provisioning_uri_for_authenticator_apps():
    uri = provisioning_uri("JBSWY3DPEHPK3PXP", account="quản trị", issuer="Cổng thông tin")
    assert uri.startswith("otpauth://totp/C%E1%BB%95ng%20th%C3%B4ng%20tin:qu%E1%BA%A3n%20tr%E1%BB%8B?")
    assert "secret=JBSWY3DPEHPK3PXP" in uri and "digits=6" in uri and "period=30" in uri
    assert "issuer=C%E1%BB%95ng%20th%C3%B4ng%20tin" in uri
