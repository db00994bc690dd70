from drf_spectacular.utils import extend_schema

from mfa.serializers import VerifySerializer
from mfa.throttles import VERIFY_THROTTLES
from users.api.jwt import TokenObtainPairSerializer, TokenObtainPairView, jwt_login


class JWTMFAVerifySerializer(VerifySerializer):
    def validate(self, attrs):
        user = super().validate(attrs)["user"]
        return jwt_login(user, self.context["request"])


class JWTMFAVerifyView(TokenObtainPairView):
    """The second step of a login with two-factor authentication: challenge and code
    for the token pair."""

    serializer_class = JWTMFAVerifySerializer
    throttle_classes = VERIFY_THROTTLES

    @extend_schema(responses={200: TokenObtainPairSerializer})
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)
