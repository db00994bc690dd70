"""The JWT endpoints: login throttled on failures, refresh with rotation, verify and logout.

Tokens carry a hash of the password (SIMPLE_JWT["CHECK_REVOKE_TOKEN"]) and users.jwt
refuses those issued before the user's last "log out everywhere", so a password change
or reset ends them; a deleted or deactivated user's refresh token is refused with 401
rather than failing with a 500. Each refresh spends the token presented: presenting it
again revokes that login. Logging out ends the login's refresh and access tokens at once.
"""

import re

from django.contrib.auth.signals import user_logged_in
{% if cookiecutter.jwt_cookie %}
from django.middleware.csrf import get_token
from django.utils.decorators import method_decorator
{% endif %}
from django.utils.translation import gettext_lazy as _
{% if cookiecutter.jwt_cookie %}
from django.views.decorators.csrf import ensure_csrf_cookie
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
{% else %}
from drf_spectacular.utils import extend_schema
{% endif %}
from rest_framework import serializers as drf_serializers
from rest_framework import status
from rest_framework.exceptions import AuthenticationFailed, ValidationError
{% if cookiecutter.jwt_cookie %}
from rest_framework.permissions import AllowAny
{% endif %}
from rest_framework.response import Response
{% if cookiecutter.jwt_cookie %}
from rest_framework.views import APIView
{% endif %}
from rest_framework_simplejwt import serializers, views
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.tokens import UntypedToken

{% if cookiecutter.mfa %}
from mfa.serializers import challenge_for, login_result
from mfa.services import has_mfa
{% endif %}
from users.api.throttles import LOGIN_THROTTLES, record_failed_login
from users.auth_log import log_event
from users.jwt import (
    RefreshToken,
    SpentTokenError,
    TokenChecks,
    is_blacklisted,
    revoke_token_family,
    rotate_refresh_token,
)
{% if cookiecutter.jwt_cookie %}
from users.jwt_cookies import (
    delete_jwt_cookies,
    is_browser_login,
    refresh_body,
    refresh_from_cookie,
    set_jwt_cookies,
)
{% endif %}
from users.models import User


def check_token_user(token):
    """Raise AuthenticationFailed unless the token's user may still use it."""
    TokenChecks().get_user(token)


def read_refresh_token(raw_token):
    """Validate a refresh token; one already spent revokes its whole family."""
    try:
        return RefreshToken(raw_token)
    except SpentTokenError as error:
        revoke_token_family(error.token)
        raise


def jwt_login(user, request):
    # Each login starts a token family, recorded with the device it comes from.
    refresh = RefreshToken.for_user(user, request=request)
    # As Django's login() does: its receivers update last_login and log the login.
    user_logged_in.send(sender=user.__class__, request=request, user=user)
    return {"access": str(refresh.access_token), "refresh": str(refresh)}


class TokenObtainPairSerializer(serializers.TokenObtainSerializer):
    access = drf_serializers.CharField(read_only=True)
    refresh = drf_serializers.CharField(read_only=True)

    def validate(self, attrs):
        super().validate(attrs)  # authenticate(), which sets self.user or answers 401
{% if cookiecutter.mfa %}
        if has_mfa(self.user):
            return challenge_for(self.user)
{% endif %}
        return jwt_login(self.user, self.context["request"])


{% if cookiecutter.login_by_code or cookiecutter.phone_number != "none" %}
class JWTLoginMixin:
    """Finishes the login of a serializer whose validate() found {"user": ...} by a code
    rather than the password, as TokenObtainPairSerializer finishes its own."""

    def validate(self, attrs):
        user = super().validate(attrs)["user"]
{% if cookiecutter.mfa %}
        if has_mfa(user):
            return challenge_for(user)
{% endif %}
        return jwt_login(user, self.context["request"])


{% endif %}
# The characters of a JWT: base64url segments and the dots between them.
TOKEN_CHARACTERS = re.compile(r"[A-Za-z0-9_=.-]*")


class TokenField(drf_serializers.CharField):
    """A token in the body. One regular expression clears the characters of a JWT, so
    only other input pays for DRF's per-character scans for NUL and surrogates."""

    def run_validators(self, value):
        if not TOKEN_CHARACTERS.fullmatch(value):
            super().run_validators(value)


class TokenRefreshSerializer(serializers.TokenRefreshSerializer):
    refresh = TokenField()

    def validate(self, attrs):
        refresh = read_refresh_token(attrs["refresh"])
        check_token_user(refresh)
        access = refresh.access_token
        rotate_refresh_token(refresh)
        return {"access": str(access), "refresh": str(refresh)}


class TokenVerifySerializer(serializers.TokenVerifySerializer):
    token = TokenField(write_only=True)

    def validate(self, attrs):
        token = UntypedToken(attrs["token"])
        check_token_user(token)
        # Only refresh tokens are ever blacklisted, so an access token needs no lookup.
        # SimpleJWT answers a blacklisted token with 400; it is as invalid as any other.
        if token.get(api_settings.TOKEN_TYPE_CLAIM) != "access" and is_blacklisted(token):
            raise TokenError(_("Token is blacklisted"))
        return {}


class JWTLogoutSerializer(drf_serializers.Serializer):
    refresh = TokenField(write_only=True)

    def validate_refresh(self, value):
        return read_refresh_token(value)


class TokenObtainPairView(views.TokenObtainPairView):
    serializer_class = TokenObtainPairSerializer
    throttle_classes = LOGIN_THROTTLES

{% if cookiecutter.mfa %}
    @extend_schema(responses={200: login_result(TokenObtainPairSerializer)})
{% endif %}
    def post(self, request, *args, **kwargs):
{% if cookiecutter.jwt_cookie %}
        browser = is_browser_login(request)
{% endif %}
        try:
            response = super().post(request, *args, **kwargs)
        except (AuthenticationFailed, ValidationError):
            record_failed_login(request, self)
            raise
{% if cookiecutter.jwt_cookie and cookiecutter.mfa %}
        if browser and "access" in response.data:
            set_jwt_cookies(response, **response.data)
{% elif cookiecutter.jwt_cookie %}
        if browser:
            set_jwt_cookies(response, **response.data)
{% endif %}
        return response


class TokenRefreshView(views.TokenRefreshView):
    serializer_class = TokenRefreshSerializer
{% if cookiecutter.jwt_cookie %}

    @extend_schema(
        responses={
            200: TokenRefreshSerializer,
            204: OpenApiResponse(
                description=_("Refreshed from the cookie: the new tokens are set as cookies.")
            ),
        }
    )
    def post(self, request, *args, **kwargs):
        refresh = refresh_from_cookie(request)
        if refresh is None:
            return super().post(request, *args, **kwargs)
        serializer = self.get_serializer(data={"refresh": refresh})
        try:
            serializer.is_valid(raise_exception=True)
        except TokenError as error:
            raise InvalidToken(error.args[0]) from error
        # A browser's new tokens go to cookies only, out of reach of scripts on the page.
        response = Response(status=status.HTTP_204_NO_CONTENT)
        set_jwt_cookies(response, **serializer.validated_data)
        return response
{% endif %}


class TokenVerifyView(views.TokenVerifyView):
    serializer_class = TokenVerifySerializer


class JWTLogoutView(views.TokenViewBase):
    """Ends the login a refresh token belongs to, with its access tokens."""

    serializer_class = JWTLogoutSerializer

    @extend_schema(request=JWTLogoutSerializer, responses={204: None})
    def post(self, request, *args, **kwargs):
{% if cookiecutter.jwt_cookie %}
        serializer = self.get_serializer(data=refresh_body(request))
{% else %}
        serializer = self.get_serializer(data=request.data)
{% endif %}
        try:
            serializer.is_valid(raise_exception=True)
        except TokenError as error:
            raise InvalidToken(error.args[0]) from error
        refresh = serializer.validated_data["refresh"]
        revoke_token_family(refresh)
        user_id = User._meta.pk.to_python(refresh[api_settings.USER_ID_CLAIM])
        log_event("logout", request=request, user_id=user_id)
        response = Response(status=status.HTTP_204_NO_CONTENT)
{% if cookiecutter.jwt_cookie %}
        delete_jwt_cookies(response)
{% endif %}
        return response
{% if cookiecutter.jwt_cookie %}


class CSRFTokenView(APIView):
    """Sets the `csrftoken` cookie, which a browser app echoes as the X-CSRFToken header."""

    authentication_classes = ()
    permission_classes = (AllowAny,)

    @extend_schema(
        responses=inline_serializer("CSRFToken", {"csrf_token": drf_serializers.CharField()})
    )
    @method_decorator(ensure_csrf_cookie)
    def get(self, request):
        # Also in the body, for an app on another origin, which cannot read the cookie.
        return Response({"csrf_token": get_token(request)})
{% endif %}
