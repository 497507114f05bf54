import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from home.mailbox import crypto

OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()


def test_text_round_trips_and_is_not_stored_in_the_clear():
    token = crypto.encrypt_text("Em bị bắt nạt ở trường")
    assert "bắt nạt" not in token
    assert crypto.decrypt_text(token) == "Em bị bắt nạt ở trường"


def test_each_encryption_differs_so_equal_messages_cannot_be_matched():
    assert crypto.encrypt_text("giống nhau") != crypto.encrypt_text("giống nhau")


def test_a_rotated_key_list_still_reads_old_messages_and_encrypts_with_the_first_key(settings):
    settings.MAILBOX_ENCRYPTION_KEY = OLD_KEY
    old_token = crypto.encrypt_text("tin cũ")

    settings.MAILBOX_ENCRYPTION_KEY = f"{NEW_KEY}, {OLD_KEY}"
    assert crypto.decrypt_text(old_token) == "tin cũ"
    new_token = crypto.encrypt_text("tin mới")
    assert Fernet(NEW_KEY).decrypt(new_token.encode()) == "tin mới".encode()
    rotated = crypto.rotate_token(old_token)
    assert Fernet(NEW_KEY).decrypt(rotated.encode()) == "tin cũ".encode()


def test_a_message_cannot_be_read_without_its_key(settings):
    token = crypto.encrypt_text("bí mật")
    settings.MAILBOX_ENCRYPTION_KEY = NEW_KEY
    with pytest.raises(crypto.InvalidToken):
        crypto.decrypt_text(token)


@pytest.mark.parametrize("value", ["", " , ", "not-a-key", "c2hvcnQ="])
def test_missing_or_malformed_keys_are_refused(value):
    with pytest.raises(ImproperlyConfigured):
        crypto.build_fernet(value)
