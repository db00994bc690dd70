from drf_spectacular.utils import extend_schema

from login_codes.serializers import CodeLoginSerializer
{% if cookiecutter.mfa %}
from mfa.serializers import challenge_for, login_result
from mfa.services import has_mfa
{% endif %}
from users.api.jwt import TokenObtainPairSerializer, TokenObtainPairView, jwt_login
from users.api.throttles import FailedLoginPerIPThrottle


class JWTCodeLoginSerializer(CodeLoginSerializer):
    def validate(self, attrs):
        user = super().validate(attrs)["user"]
{% if cookiecutter.mfa %}
        if has_mfa(user):
            return challenge_for(user)
{% endif %}
        return jwt_login(user, self.context["request"])


class JWTCodeLoginView(TokenObtainPairView):
    """Log in with the mailed code instead of the password, for a token pair."""

    serializer_class = JWTCodeLoginSerializer
    # Each code allows a few attempts; failures also count against the client address.
    throttle_classes = [FailedLoginPerIPThrottle]

{% if cookiecutter.mfa %}
    @extend_schema(responses={200: login_result(TokenObtainPairSerializer)})
{% else %}
    @extend_schema(responses={200: TokenObtainPairSerializer})
{% endif %}
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)
