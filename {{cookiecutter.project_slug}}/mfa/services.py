"""Turning the second factor on and off, and checking a second-factor code."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from mfa import totp
from mfa.models import RecoveryCode, TOTPDevice

RECOVERY_CODES = 10


def _code_hash(code):
    # Recovery codes are long random strings, so a plain hash is as good as a slow one.
    return hashlib.sha256(code.upper().replace("-", "").encode()).hexdigest()


def mfa_begin(*, user):
    """A new secret for the user's app; it replaces one that was never confirmed."""
    TOTPDevice.objects.filter(user=user).delete()
    return TOTPDevice.objects.create(user=user, secret=totp.new_secret())


@transaction.atomic
def mfa_confirm(*, device, step):
    device.confirmed_at = timezone.now()
    device.last_used_step = step
    device.save(update_fields=["confirmed_at", "last_used_step"])
    return recovery_codes_regenerate(user=device.user)


@transaction.atomic
def mfa_disable(*, user):
    TOTPDevice.objects.filter(user=user).delete()
    RecoveryCode.objects.filter(user=user).delete()


@transaction.atomic
def recovery_codes_regenerate(*, user):
    """New recovery codes, shown this once; the earlier ones stop working."""
    RecoveryCode.objects.filter(user=user).delete()
    codes = [
        "-".join(secrets.token_hex(3).upper() for _ in range(2)) for _ in range(RECOVERY_CODES)
    ]
    RecoveryCode.objects.bulk_create(
        RecoveryCode(user=user, code_hash=_code_hash(code)) for code in codes
    )
    return codes


def second_factor_is_valid(*, user, code):
    """Whether `code` is a current authenticator code or an unused recovery code of
    `user`. Either is spent by this check, also when two requests race."""
    device = TOTPDevice.objects.filter(user=user, confirmed_at__isnull=False).first()
    if device is None:
        return False
    step = totp.matching_step(device.secret, code, after=device.last_used_step)
    if step is not None:
        return bool(
            TOTPDevice.objects.filter(pk=device.pk, last_used_step__lt=step).update(
                last_used_step=step
            )
        )
    unused = RecoveryCode.objects.filter(user=user, code_hash=_code_hash(code), used_at=None)
    return bool(unused.update(used_at=timezone.now()))


def has_mfa(user):
    return TOTPDevice.objects.filter(user=user, confirmed_at__isnull=False).exists()
