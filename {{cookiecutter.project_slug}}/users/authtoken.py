"""DRF tokens, one per device: `Authorization: Token <key>`, checked against a stored hash."""

import hashlib
import secrets
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from users.compiled_queries import CompiledQuery
from users.devices import login_device
from users.models import AuthToken


def hash_key(key):
    # SHA-256 suffices for 256-bit random keys (see AuthToken). Looking the hash up also
    # leaks nothing through timing: a guesser cannot choose the hash they send.
    return hashlib.sha256(key.encode()).hexdigest()


def issue_token(user, request):
    """Create a token for the device making `request`; return its key, shown only this once."""
    key = secrets.token_urlsafe(32)
    AuthToken.objects.create(user=user, key_hash=hash_key(key), **login_device(request))
    return key


def revoke_all_tokens(user):
    """Log `user` out of every device."""
    AuthToken.objects.filter(user=user).delete()


# Every request with a token runs this lookup (see users.compiled_queries).
TOKEN_WITH_USER = CompiledQuery(
    lambda key_hash: AuthToken.objects.select_related("user").filter(key_hash=key_hash),
    "key hash",
)


class TokenAuthentication(authentication.TokenAuthentication):
    keyword = "Token"
    model = AuthToken
    # Writing last_used on every request would make each read a write too.
    last_used_precision = timedelta(minutes=1)

    def authenticate_credentials(self, key):
        token = TOKEN_WITH_USER.get(hash_key(key))
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        self.record_use(token)
        return token.user, token

    def record_use(self, token):
        now = timezone.now()
        if token.last_used is None or now - token.last_used >= self.last_used_precision:
            AuthToken.objects.filter(pk=token.pk).update(last_used=now)
            token.last_used = now
