"""Login by a short code mailed to the account's address, instead of the password."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from login_codes.models import LoginCode
from users.emails import send_account_email
from users.models import User

DIGITS = 6
MAX_ATTEMPTS = 5


def _code_hash(user, code):
    # Keyed with SECRET_KEY: a million codes are too few to keep a plain hash secret.
    return salted_hmac("login_codes", f"{user.pk}:{code}").hexdigest()


def login_code_send(*, email):
    # Same answer whether or not the address has an account; only active ones get a code.
    user = User.objects.active_with_email(email)
    if user is None:
        return
    code = f"{secrets.randbelow(10**DIGITS):0{DIGITS}d}"
    LoginCode.objects.update_or_create(
        user=user,
        defaults={"code_hash": _code_hash(user, code), "created": timezone.now(), "attempts": 0},
    )
    minutes = settings.LOGIN_CODE_TIMEOUT // 60
    send_account_email(name="login_code", user=user, context={"code": code, "minutes": minutes})


def login_code_redeem(*, email, code):
    """The user whose current code this is, spending it; None for any wrong answer."""
    user = User.objects.active_with_email(email)
    if user is None:
        return None
    since = timezone.now() - timedelta(seconds=settings.LOGIN_CODE_TIMEOUT)
    pending = LoginCode.objects.filter(user=user, created__gte=since)
    # Each attempt is counted before the code is compared, so parallel guesses each use one.
    if not pending.filter(attempts__lt=MAX_ATTEMPTS).update(attempts=F("attempts") + 1):
        return None
    login_code = pending.first()
    if login_code is None or not constant_time_compare(
        login_code.code_hash, _code_hash(user, code)
    ):
        return None
    # Whoever deletes it first logs in: a code works once.
    deleted, _ = LoginCode.objects.filter(pk=login_code.pk).delete()
    return user if deleted else None
