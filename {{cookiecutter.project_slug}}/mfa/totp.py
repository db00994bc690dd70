"""Time-based one-time passwords (RFC 6238) as authenticator apps make them: six digits,
a new one every 30 seconds."""

import hmac
import time

import pyotp
from django.conf import settings

# A code is also accepted during the 30 seconds before and after its own, for clocks that drift.
WINDOW = 1


def new_secret():
    return pyotp.random_base32()


def provisioning_uri(secret, user):
    """The otpauth:// URI an authenticator app reads, usually from a QR code."""
    return pyotp.TOTP(secret).provisioning_uri(
        name=user.get_username(), issuer_name=settings.EMAIL_FRONTEND_SITE_NAME
    )


def matching_step(secret, code, *, after):
    """The time step whose code is `code`, if it is current and later than step `after`."""
    totp = pyotp.TOTP(secret)
    now = int(time.time()) // totp.interval
    for step in range(now - WINDOW, now + WINDOW + 1):
        if step > after and hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None
