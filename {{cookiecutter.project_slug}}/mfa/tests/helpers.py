import time

import pyotp

from mfa import services


def enable_mfa(user):
    """Turn the second factor on for `user`; the recovery codes it was given."""
    device = services.mfa_begin(user=user)
    return services.mfa_confirm(device=device, step=0)


def current_code(user, *, steps=0):
    """The code the user's authenticator app shows now, or `steps` periods from now."""
    totp = pyotp.TOTP(user.totp_device.secret)
    return totp.at(time.time() + steps * totp.interval)
