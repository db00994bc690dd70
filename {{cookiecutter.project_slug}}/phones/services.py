"""Codes texted to a user's phone number: to verify the number, and to log in with it."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from phones.models import PhoneCode
from phones.sms import send_sms
from users.models import User

DIGITS = 6
MAX_ATTEMPTS = 5
# The code comes first, where phones offer to fill it in.
MESSAGES = {
    PhoneCode.Purpose.VERIFY: _("%(code)s is your code to verify this number at %(site_name)s."),
    PhoneCode.Purpose.LOGIN: _("%(code)s is your login code at %(site_name)s. Do not share it."),
}


def _code_hash(user, purpose, code):
    # Keyed with SECRET_KEY: a million codes are too few to keep a plain hash secret. The
    # number is part of it, so a code texted to an earlier number proves nothing.
    message = f"{user.pk}:{purpose}:{user.phone_number}:{code}"
    return salted_hmac("phones", message).hexdigest()


def phone_code_send(*, user, purpose):
    """Text the user a new code for `purpose`; it replaces the one before."""
    code = f"{secrets.randbelow(10**DIGITS):0{DIGITS}d}"
    PhoneCode.objects.update_or_create(
        user=user,
        purpose=purpose,
        defaults={
            "code_hash": _code_hash(user, purpose, code),
            "created": timezone.now(),
            "attempts": 0,
        },
    )
    context = {"code": code, "site_name": settings.EMAIL_FRONTEND_SITE_NAME}
    send_sms(user.phone_number, MESSAGES[purpose] % context)


def phone_code_redeem(*, user, purpose, code):
    """Whether `code` is the user's current code for `purpose`, spending it if so."""
    since = timezone.now() - timedelta(seconds=settings.PHONE_CODE_TIMEOUT)
    pending = PhoneCode.objects.filter(user=user, purpose=purpose, created__gte=since)
    # Each attempt is counted before the code is compared, so parallel guesses each use one.
    if not pending.filter(attempts__lt=MAX_ATTEMPTS).update(attempts=F("attempts") + 1):
        return False
    phone_code = pending.first()
    if phone_code is None or not constant_time_compare(
        phone_code.code_hash, _code_hash(user, purpose, code)
    ):
        return False
    # Whoever deletes it first has it: a code works once.
    deleted, _ = PhoneCode.objects.filter(pk=phone_code.pk).delete()
    return bool(deleted)


def phone_verify_confirm(*, user, code):
    if not phone_code_redeem(user=user, purpose=PhoneCode.Purpose.VERIFY, code=code):
        return False
    user.phone_verified_at = timezone.now()
    user.save(update_fields=["phone_verified_at"])
    return True


def user_with_verified_phone(phone_number):
    """The user whose verified number this is; an unverified one may be anyone's typo."""
    return User.objects.filter(phone_number=phone_number, phone_verified_at__isnull=False).first()


def phone_login_request(*, phone_number):
    # Same answer whether or not the number has an account; only active ones get a code.
    user = user_with_verified_phone(phone_number)
    if user is not None and user.is_active:
        phone_code_send(user=user, purpose=PhoneCode.Purpose.LOGIN)


def phone_login_redeem(*, phone_number, code):
    """The user whose current login code this is, spending it; None for any wrong answer."""
    user = user_with_verified_phone(phone_number)
    if user is None or not user.is_active:
        return None
    if not phone_code_redeem(user=user, purpose=PhoneCode.Purpose.LOGIN, code=code):
        return None
    return user
