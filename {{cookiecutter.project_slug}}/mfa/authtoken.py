from drf_spectacular.utils import extend_schema

from mfa.serializers import VerifySerializer
from mfa.throttles import VERIFY_THROTTLES
from users.api.authtoken import TokenLoginView, TokenSerializer, token_login


class TokenMFAVerifySerializer(VerifySerializer):
    def validate(self, attrs):
        user = super().validate(attrs)["user"]
        return token_login(user, self.context["request"])


class TokenMFAVerifyView(TokenLoginView):
    """The second step of a login with two-factor authentication: challenge and code
    for a DRF token."""

    serializer_class = TokenMFAVerifySerializer
    throttle_classes = VERIFY_THROTTLES

    @extend_schema(responses={200: TokenSerializer})
    def post(self, request):
        return super().post(request)
