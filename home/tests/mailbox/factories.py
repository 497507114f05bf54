"""Factories of the student help mailbox."""

import secrets

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from factory.django import DjangoModelFactory

from home.mailbox import crypto
from home.mailbox.codes import CODE_ALPHABET
from home.models import CounsellorAssignment, DangerPhrase, MailboxCase, MailboxMessage, School

TEST_PIN = "12345678"


def code_group(number):
    """Four characters of the case-code alphabet, different for each number below 31**4."""
    digits = []
    for _ in range(4):
        number, digit = divmod(number, len(CODE_ALPHABET))
        digits.append(CODE_ALPHABET[digit])
    return "".join(reversed(digits))


class SchoolFactory(DjangoModelFactory):
    class Meta:
        model = School

    name = factory.Sequence(lambda n: f"Trường THCS Thử nghiệm {n}")


class DangerPhraseFactory(DjangoModelFactory):
    class Meta:
        model = DangerPhrase
        django_get_or_create = ("phrase",)

    phrase = "tự tử"


class MailboxCaseFactory(DjangoModelFactory):
    """A case whose PIN is `TEST_PIN` unless `pin=` says otherwise."""

    class Meta:
        model = MailboxCase

    class Params:
        pin = TEST_PIN

    code = factory.Sequence(lambda n: f"HT-TEST-{code_group(n)}")
    pin_hash = factory.LazyAttribute(lambda case: make_password(case.pin))
    topic = MailboxCase.Topic.BULLYING
    submission_token = factory.LazyFunction(lambda: secrets.token_hex(32))


class MailboxMessageFactory(DjangoModelFactory):
    class Meta:
        model = MailboxMessage

    class Params:
        text = "Em bị bạn cùng lớp bắt nạt."

    case = factory.SubFactory(MailboxCaseFactory)
    sender = MailboxMessage.Sender.STUDENT
    body_encrypted = factory.LazyAttribute(lambda message: crypto.encrypt_text(message.text))


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"tuvan{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password("x")


class CounsellorAssignmentFactory(DjangoModelFactory):
    class Meta:
        model = CounsellorAssignment

    user = factory.SubFactory(UserFactory)
    school = factory.SubFactory(SchoolFactory)
