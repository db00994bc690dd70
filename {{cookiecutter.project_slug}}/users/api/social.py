{% set jwt = cookiecutter.token_strategy in ["jwt", "both"] %}
{% set drf_token = cookiecutter.token_strategy in ["token", "both"] %}
"""Social login: o/{provider}/ and its connect variant, the user's connected providers,
and the provider confirmation that lets an account without a password be deleted."""

import requests
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import generics, permissions, serializers, status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from social_core.exceptions import SocialAuthBaseException
from social_django.models import UserSocialAuth

{% if cookiecutter.mfa %}
from mfa.serializers import ChallengeSerializer, challenge_for
from mfa.services import has_mfa
{% endif %}
from users import social
from users.api.schema import BAD_REQUEST
from users.api.serializers import CurrentPasswordSerializer, PasswordField, UserSerializer
from users.auth_log import log_event
{% if drf_token %}
from users.authtoken import issue_token
{% endif %}
{% if jwt %}
from users.jwt import RefreshToken
{% endif %}
{% if cookiecutter.jwt_cookie %}
from users.jwt_cookies import is_browser_login, set_jwt_cookies
{% endif %}
from users.models import User

LAST_WAY_TO_LOG_IN = _("Set a password or connect another provider before removing the last one.")


class RedirectURISerializer(serializers.Serializer):
    redirect_uri = serializers.CharField(trim_whitespace=False)

    def validate_redirect_uri(self, value):
        # Exactly as listed: a prefix or a look-alike could hand the code to someone else.
        if value not in settings.SOCIAL_AUTH_ALLOWED_REDIRECT_URIS:
            raise serializers.ValidationError(_("This redirect URI is not allowed."))
        return value


class CallbackSerializer(serializers.Serializer):
    """What the provider sent back to the redirect URI."""

    code = serializers.CharField(max_length=2048)
    state = serializers.CharField(max_length=256)


class SocialAccountSerializer(serializers.ModelSerializer):
    class Meta:
        model = UserSocialAuth
        fields = ["id", "provider", "uid", "created"]


AuthorizationURLSerializer = inline_serializer(
    "AuthorizationURL", {"authorization_url": serializers.URLField()}
)
SocialLoginSerializer = inline_serializer(
    "SocialLogin",
    {
{% if jwt %}
        "access": serializers.CharField(),
        "refresh": serializers.CharField(),
{% endif %}
{% if drf_token %}
        "auth_token": serializers.CharField(),
{% endif %}
        "user": UserSerializer(),
    },
)


def complete_login(request, provider, data, *, user=None):
    """Run social.social_authenticate, answering its failures with 400."""
    try:
        return social.social_authenticate(request, provider, user=user, **data)
    except social.InvalidState as error:
        raise ValidationError({"state": [str(error)]}) from error
    except (social.SocialLoginError, SocialAuthBaseException) as error:
        raise ValidationError({"non_field_errors": [str(error)]}) from error
    except requests.RequestException as error:
        message = _("The provider could not be reached; try again later.")
        raise ValidationError({"non_field_errors": [message]}) from error


def login_tokens(request, user):
    """The tokens a login with this project's credentials answers with."""
    user_logged_in.send(sender=User, request=request, user=user)
    tokens = {}
{% if jwt %}
    refresh = RefreshToken.for_user(user)
    tokens.update(access=str(refresh.access_token), refresh=str(refresh))
{% endif %}
{% if drf_token %}
    tokens["auth_token"] = issue_token(user, request)
{% endif %}
    return tokens


class SocialLoginView(generics.GenericAPIView):
    """GET: where to send the user to log in with the provider. POST: the `code` and
    `state` the provider sent back, for the project's tokens."""

    serializer_class = CallbackSerializer
    permission_classes = [permissions.AllowAny]

    def check_provider(self, provider):
        if provider not in social.providers():
            raise NotFound(_("Unknown provider."))

    def connecting_user(self):
        return None

    @extend_schema(
        parameters=[RedirectURISerializer],
        responses={200: AuthorizationURLSerializer, 400: BAD_REQUEST},
    )
    def get(self, request, provider):
        self.check_provider(provider)
        query = RedirectURISerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        redirect_uri = query.validated_data["redirect_uri"]
        state = social.issue_state(
            provider=provider, redirect_uri=redirect_uri, user=self.connecting_user()
        )
        url = social.authorization_url(request, provider, redirect_uri=redirect_uri, state=state)
        return Response({"authorization_url": url})

{% if cookiecutter.mfa %}
    @extend_schema(responses={201: SocialLoginSerializer, 200: ChallengeSerializer})
{% else %}
    @extend_schema(responses={201: SocialLoginSerializer})
{% endif %}
    def post(self, request, provider):
        self.check_provider(provider)
{% if cookiecutter.jwt_cookie %}
        browser = is_browser_login(request)
{% endif %}
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = complete_login(request, provider, serializer.validated_data)
{% if cookiecutter.mfa %}
        if has_mfa(user):
            # The provider stands in for the password, not for the second factor.
            return Response(challenge_for(user))
{% endif %}
        body = {**login_tokens(request, user), "user": UserSerializer(user).data}
        response = Response(body, status=status.HTTP_201_CREATED)
{% if cookiecutter.jwt_cookie %}
        if browser:
            set_jwt_cookies(response, access=body["access"], refresh=body["refresh"])
{% endif %}
        return response


class SocialConnectView(SocialLoginView):
    """Connect the provider to the logged-in user's account, to log in with it too."""

    permission_classes = [permissions.IsAuthenticated]

    def connecting_user(self):
        return self.request.user

    @extend_schema(responses={201: SocialAccountSerializer})
    def post(self, request, provider):
        self.check_provider(provider)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = complete_login(request, provider, serializer.validated_data, user=request.user)
        account = user.social_user
        log_event("social_connected", request=request, user=user)
        return Response(SocialAccountSerializer(account).data, status=status.HTTP_201_CREATED)


class SocialAccountListView(generics.ListAPIView):
    """The providers connected to the logged-in user's account."""

    serializer_class = SocialAccountSerializer
    pagination_class = None

    def get_queryset(self):
        return UserSocialAuth.objects.filter(user=self.request.user).order_by("pk")


class SocialAccountDetailView(generics.DestroyAPIView):
    """Disconnect a provider, unless it is the account's last way to log in."""

    serializer_class = SocialAccountSerializer
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        return UserSocialAuth.objects.filter(user=self.request.user)

    @transaction.atomic
    def perform_destroy(self, instance):
        # Locked, so that two requests cannot each remove one of the last two providers.
        user = User.objects.select_for_update().get(pk=self.request.user.pk)
        others = UserSocialAuth.objects.filter(user=user).exclude(pk=instance.pk)
        if not user.has_usable_password() and not others.exists():
            raise ValidationError({"non_field_errors": [LAST_WAY_TO_LOG_IN]})
        instance.delete()
        log_event("social_disconnected", request=self.request, user=user)


class AccountDeletionSerializer(CurrentPasswordSerializer):
    """DELETE users/me/: the current password or, for an account that has none, a fresh
    login with one of its providers: the `code` and `state` of a connect flow
    (o/{provider}/connect/) the user has just been through, and its `provider`."""

    current_password = PasswordField(required=False)
    provider = serializers.CharField(required=False, max_length=32)
    code = serializers.CharField(required=False, max_length=2048)
    state = serializers.CharField(required=False, max_length=256)

    def validate(self, attrs):
        request = self.context["request"]
        if request.user.has_usable_password():
            required = ["current_password"]
        else:
            required = ["provider", "code", "state"]
        missing = [name for name in required if name not in attrs]
        if missing:
            raise ValidationError({name: [_("This field is required.")] for name in missing})
        if "current_password" not in required:
            self.check_provider_login(request, **attrs)
        return attrs

    def check_provider_login(self, request, *, provider, code, state, **ignored):
        if provider not in social.providers():
            raise ValidationError({"provider": [_("Unknown provider.")]})
        callback = {"code": code, "state": state}
        try:
            confirmed = social.social_confirm(request, provider, user=request.user, **callback)
        except social.InvalidState as error:
            raise ValidationError({"state": [str(error)]}) from error
        except (SocialAuthBaseException, requests.RequestException) as error:
            message = _("The provider did not confirm the login.")
            raise ValidationError({"non_field_errors": [message]}) from error
        if not confirmed:
            message = _("Log in with a provider connected to this account.")
            raise ValidationError({"non_field_errors": [message]})
