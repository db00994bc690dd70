"""SimpleJWT's views: login throttled on failures, refresh and verify also checking the user.

Tokens carry a hash of the password (SIMPLE_JWT["CHECK_REVOKE_TOKEN"]), so a
password change or reset ends them, and a deleted or deactivated user's
refresh token is refused with 401 rather than failing with a 500.
"""

from rest_framework.exceptions import AuthenticationFailed, ValidationError
from rest_framework_simplejwt import serializers, views
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.tokens import UntypedToken

from users.api.throttles import LOGIN_THROTTLES, record_failed_login


def check_token_user(token):
    """Raise AuthenticationFailed unless the token's user may still use it."""
    JWTAuthentication().get_user(token)


class TokenRefreshSerializer(serializers.TokenRefreshSerializer):
    def validate(self, attrs):
        check_token_user(self.token_class(attrs["refresh"]))
        return super().validate(attrs)


class TokenVerifySerializer(serializers.TokenVerifySerializer):
    def validate(self, attrs):
        check_token_user(UntypedToken(attrs["token"]))
        return super().validate(attrs)


class TokenObtainPairView(views.TokenObtainPairView):
    throttle_classes = LOGIN_THROTTLES

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except (AuthenticationFailed, ValidationError):
            record_failed_login(request, self)
            raise


class TokenRefreshView(views.TokenRefreshView):
    serializer_class = TokenRefreshSerializer


class TokenVerifyView(views.TokenVerifyView):
    serializer_class = TokenVerifySerializer
