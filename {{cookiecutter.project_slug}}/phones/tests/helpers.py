import re

from django.utils import timezone

from phones.sms import BaseSMSBackend
from users.tests.factories import UserFactory


class DownSMSBackend(BaseSMSBackend):
    """A text message provider that cannot be reached."""

    def send(self, to, body):
        raise ConnectionRefusedError("Connection refused")


def verified_user(**fields):
    """A user whose phone number is verified, so that it logs in."""
    return UserFactory(phone_verified_at=timezone.now(), **fields)


def lose_race_for_number(serializer_class, phone_number, monkeypatch):
    """Make another account take `phone_number` between validation and saving."""
    validate = serializer_class.validate

    def validate_then_lose_race(self, attrs):
        attrs = validate(self, attrs)
        UserFactory(phone_number=phone_number)
        return attrs

    monkeypatch.setattr(serializer_class, "validate", validate_then_lose_race)


def texted_code(message):
    """The six-digit code in a text message."""
    match = re.search(r"\b(\d{6})\b", message.body)
    assert match, f"no code in {message.body!r}"
    return match[1]


def other_code(code):
    """A code that is not `code`."""
    return f"{(int(code) + 1) % 10**6:06d}"
