"""JWTs that can be revoked: all of a user's at once, or one login's refresh tokens.

Every login starts a token family: its refresh tokens carry the `jti` of the first one,
and each refresh spends the token presented and answers with the next of the family. A
spent token presented again means two parties hold the family, so the whole family is
revoked (https://datatracker.ietf.org/doc/html/rfc9700#section-4.14.2).
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework_simplejwt import authentication, tokens
from rest_framework_simplejwt.exceptions import AuthenticationFailed, TokenError
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.utils import datetime_to_epoch

FAMILY_CLAIM = "fam"


class SpentTokenError(TokenError):
    """A refresh token presented after it was rotated or revoked."""

    def __init__(self, token):
        super().__init__(_("Token is blacklisted"))
        self.token = token


class PreciseIssuedAtMixin:
    # `iat` to the microsecond (RFC 7519 allows fractions), so that a revocation
    # divides the tokens issued within its second.
    def set_iat(self, claim="iat", at_time=None):
        at_time = at_time or self.current_time
        self.payload[claim] = datetime_to_epoch(at_time) + at_time.microsecond / 1_000_000


class AccessToken(PreciseIssuedAtMixin, tokens.AccessToken):
    pass


class RefreshToken(PreciseIssuedAtMixin, tokens.RefreshToken):
    access_token_class = AccessToken
    no_copy_claims = (*tokens.RefreshToken.no_copy_claims, FAMILY_CLAIM)

    def __init__(self, token=None, verify=True):
        super().__init__(token, verify)
        if token is None:
            self[FAMILY_CLAIM] = self[api_settings.JTI_CLAIM]

    @property
    def family(self):
        # A token issued without the claim (e.g. by SimpleJWT's own class) founds a family.
        return self.payload.get(FAMILY_CLAIM, self.payload.get(api_settings.JTI_CLAIM))

    def check_blacklist(self):
        if is_blacklisted(self):
            raise SpentTokenError(self)


class JWTAuthentication(authentication.JWTAuthentication):
    """SimpleJWT's checks, and no token issued before the user's `tokens_valid_after`."""

    def get_user(self, validated_token):
        user = super().get_user(validated_token)
        valid_after = user.tokens_valid_after
        if valid_after is not None and _issued_at(validated_token) < valid_after.timestamp():
            raise AuthenticationFailed(_("Token has been revoked."), code="token_revoked")
        return user


def is_blacklisted(token):
    jti = token.get(api_settings.JTI_CLAIM)
    return BlacklistedToken.objects.filter(token__jti=jti).exists()


def _issued_at(token):
    issued_at = token.get("iat")
    return issued_at if isinstance(issued_at, int | float) else 0


def rotate_refresh_token(refresh):
    """Spend a validated refresh token; return the next token of its family."""
    if not _blacklist(refresh):
        # Spent by a concurrent request in the meantime: as much a reuse as a late one.
        revoke_token_family(refresh)
        raise SpentTokenError(refresh)
    refresh[FAMILY_CLAIM] = refresh.family
    refresh.set_jti()
    refresh.set_exp()
    refresh.set_iat()
    refresh.outstand()
    return refresh


def revoke_token_family(refresh):
    """Blacklist `refresh` and every outstanding refresh token of its login."""
    _blacklist(refresh)
    outstanding = OutstandingToken.objects.filter(
        user__pk=refresh.get(api_settings.USER_ID_CLAIM),
        expires_at__gt=timezone.now(),
        blacklistedtoken__isnull=True,
    )
    # A user holds one live token per login, so reading each one is cheap.
    family = [token for token in outstanding if _family_of(token) == refresh.family]
    _blacklist_outstanding(family)


def revoke_all_jwts(user):
    """End every access and refresh token `user` holds ("log out everywhere")."""
    user.tokens_valid_after = timezone.now()
    user.save(update_fields=["tokens_valid_after"])
    _blacklist_outstanding(
        OutstandingToken.objects.filter(
            user=user, expires_at__gt=user.tokens_valid_after, blacklistedtoken__isnull=True
        )
    )


def _family_of(outstanding):
    try:
        return RefreshToken(outstanding.token, verify=False).family
    except TokenError:
        return None


def _blacklist(refresh):
    """Blacklist one token; return whether it was live until now."""
    outstanding, _created = refresh.outstand()
    _blacklisted, created = BlacklistedToken.objects.get_or_create(token=outstanding)
    return created


def _blacklist_outstanding(outstanding_tokens):
    BlacklistedToken.objects.bulk_create(
        [BlacklistedToken(token=token) for token in outstanding_tokens], ignore_conflicts=True
    )
