import re

from django.utils import timezone

from users.tests.factories import UserFactory


def verified_user(**fields):
    """A user whose phone number is verified, so that it logs in."""
    return UserFactory(phone_verified_at=timezone.now(), **fields)


def texted_code(message):
    """The six-digit code in a text message."""
    match = re.search(r"\b(\d{6})\b", message.body)
    assert match, f"no code in {message.body!r}"
    return match[1]


def other_code(code):
    """A code that is not `code`."""
    return f"{(int(code) + 1) % 10**6:06d}"
