from drf_spectacular.utils import extend_schema

from login_codes.serializers import CodeLoginSerializer
{% if cookiecutter.mfa %}
from mfa.serializers import login_result
{% endif %}
from users.api.jwt import JWTLoginMixin, TokenObtainPairSerializer, TokenObtainPairView
from users.api.throttles import FailedLoginPerIPThrottle


class JWTCodeLoginSerializer(JWTLoginMixin, CodeLoginSerializer):
    pass


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
