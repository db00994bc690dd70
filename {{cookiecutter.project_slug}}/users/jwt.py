"""JWTs that can be revoked: all of a user's at once, or one login's.

Every login starts a token family, recorded as a JWTSession: its refresh and access
tokens carry the `jti` of the first refresh token, and each refresh spends the token
presented and answers with the next of the family. A spent token presented again means
two parties hold the family, so the whole family is revoked
(https://datatracker.ietf.org/doc/html/rfc9700#section-4.14.2). Ending the session
(logout, or the user revoking it) refuses the family's tokens at once, access tokens
too: authentication looks the session up with the user, in the same query.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework_simplejwt import authentication, tokens
from rest_framework_simplejwt.exceptions import AuthenticationFailed, TokenError
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.utils import (
    datetime_from_epoch,
    datetime_to_epoch,
    get_md5_hash_password,
)

from users.compiled_queries import CompiledQuery
from users.devices import login_device
from users.models import JWTSession, User

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

    def __init__(self, token=None, verify=True):
        super().__init__(token, verify)
        if token is None:
            self[FAMILY_CLAIM] = self[api_settings.JTI_CLAIM]

    @classmethod
    def for_user(cls, user, request=None):
        """The first refresh token of a new login, recorded with the device of `request`."""
        token = super().for_user(user)
        JWTSession.objects.create(
            user=user,
            family=token.family,
            expires_at=datetime_from_epoch(token["exp"]),
            **(login_device(request) if request is not None else {}),
        )
        return token

    @property
    def family(self):
        # A token issued without the claim (e.g. by SimpleJWT's own class) founds a family.
        return self.payload.get(FAMILY_CLAIM, self.payload.get(api_settings.JTI_CLAIM))

    def check_blacklist(self):
        if is_blacklisted(self):
            raise SpentTokenError(self)


def _session_user(user_id, family):
    return User.objects.filter(**{api_settings.USER_ID_FIELD: user_id}, jwt_sessions__family=family)


# Every request with an access token runs this lookup (see users.compiled_queries).
SESSION_USER = CompiledQuery(_session_user, 0, "family")
# The columns JWTAuthentication's checks read. Endpoints that judge a token rather than
# act as its user load only these: building a whole User costs more than the query.
CHECKED_FIELDS = ("is_active", "password", "tokens_valid_after")
SESSION_USER_CHECKED = CompiledQuery(
    lambda user_id, family: _session_user(user_id, family).only(*CHECKED_FIELDS), 0, "family"
)


class JWTAuthentication(authentication.JWTAuthentication):
    """SimpleJWT's checks; and the token's login has not ended, nor was the token issued
    before the user's `tokens_valid_after`."""

    session_user = SESSION_USER

    def get_user(self, validated_token):
        family = validated_token.get(FAMILY_CLAIM)
        if family is None:
            # Made by no login here (e.g. by SimpleJWT's own classes): no session to check.
            user = super().get_user(validated_token)
        else:
            user = self.get_session_user(validated_token, family)
        valid_after = user.tokens_valid_after
        if valid_after is not None and _issued_at(validated_token) < valid_after.timestamp():
            raise AuthenticationFailed(_("Token has been revoked."), code="token_revoked")
        return user

    def get_session_user(self, validated_token, family):
        """SimpleJWT's user checks, on the user read only while the session lasts: one query."""
        user_id = validated_token.get(api_settings.USER_ID_CLAIM)
        user = self.session_user.get(user_id, family)
        if user is None:
            # Logged out or revoked, or its user deleted.
            raise AuthenticationFailed(_("Token has been revoked."), code="token_revoked")
        if api_settings.CHECK_USER_IS_ACTIVE and not user.is_active:
            raise AuthenticationFailed(_("User is inactive"), code="user_inactive")
        if api_settings.CHECK_REVOKE_TOKEN and validated_token.get(
            api_settings.REVOKE_TOKEN_CLAIM
        ) != get_md5_hash_password(user.password):
            raise AuthenticationFailed(
                _("The user's password has been changed."), code="password_changed"
            )
        return user


class TokenChecks(JWTAuthentication):
    """JWTAuthentication's checks on the columns they read, for endpoints that judge a
    token without acting as its user (jwt/verify, jwt/refresh)."""

    session_user = SESSION_USER_CHECKED


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
    refreshed = JWTSession.objects.filter(family=refresh.family).update(
        last_used=refresh.current_time, expires_at=datetime_from_epoch(refresh["exp"])
    )
    if not refreshed:
        # Its login ended meanwhile, or there was none: SimpleJWT's own class made it.
        raise TokenError(_("Token has been revoked."))
    refresh.outstand()
    return refresh


def revoke_token_family(refresh):
    """End the login `refresh` belongs to: it and all of its family are refused."""
    _blacklist(refresh)
    _end_family(refresh.get(api_settings.USER_ID_CLAIM), refresh.family)


def end_jwt_session(session):
    """End one login: its refresh and access tokens are refused from now on."""
    _end_family(session.user_id, session.family)


def revoke_all_jwts(user):
    """End every access and refresh token `user` holds ("log out everywhere")."""
    user.tokens_valid_after = timezone.now()
    user.save(update_fields=["tokens_valid_after"])
    end_jwt_sessions(user)
    _blacklist_outstanding(
        OutstandingToken.objects.filter(
            user=user, expires_at__gt=user.tokens_valid_after, blacklistedtoken__isnull=True
        )
    )


def end_jwt_sessions(user):
    """Forget the JWT logins of `user`, e.g. once a new password has made their tokens void."""
    JWTSession.objects.filter(user=user).delete()


def _end_family(user_id, family):
    JWTSession.objects.filter(family=family).delete()
    outstanding = OutstandingToken.objects.filter(
        user__pk=user_id, expires_at__gt=timezone.now(), blacklistedtoken__isnull=True
    )
    # A user holds one live token per login, so reading each one is cheap.
    _blacklist_outstanding([token for token in outstanding if _family_of(token) == family])


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
