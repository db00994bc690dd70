"""The answer a login gives instead of tokens when the user has a second factor: a signed,
short-lived, single-use challenge that `…/mfa/verify/` exchanges, with a code, for tokens.

Signed rather than stored, so any worker can check it; the shared cache (CACHE_URL)
counts its attempts and remembers that it was spent.
"""

import secrets

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import constant_time_compare, salted_hmac

from users.models import User

SALT = "mfa.challenge"
MAX_ATTEMPTS = 5


class InvalidChallenge(Exception):
    pass


def _password_stamp(user):
    # Changing or resetting the password voids the challenges issued before.
    return salted_hmac(SALT, user.password).hexdigest()[:16]


def issue_challenge(user):
    payload = {"user": user.pk, "nonce": secrets.token_urlsafe(16), "stamp": _password_stamp(user)}
    return signing.dumps(payload, salt=SALT)


def read_challenge(challenge):
    """The user and nonce of a challenge that is genuine, current and unspent."""
    try:
        payload = signing.loads(challenge, salt=SALT, max_age=settings.MFA_CHALLENGE_TIMEOUT)
    except signing.BadSignature as error:
        raise InvalidChallenge from error
    user = User.objects.filter(pk=payload["user"], is_active=True).first()
    if user is None or not constant_time_compare(payload["stamp"], _password_stamp(user)):
        raise InvalidChallenge
    if cache.get(f"mfa:spent:{payload['nonce']}"):
        raise InvalidChallenge
    return user, payload["nonce"]


def count_attempt(nonce):
    """Count a code tried against this challenge; False once there were too many."""
    key = f"mfa:attempts:{nonce}"
    cache.add(key, 0, settings.MFA_CHALLENGE_TIMEOUT)
    return cache.incr(key) <= MAX_ATTEMPTS


def spend(nonce):
    """Mark the challenge used; False if another request already did."""
    return cache.add(f"mfa:spent:{nonce}", True, settings.MFA_CHALLENGE_TIMEOUT)
