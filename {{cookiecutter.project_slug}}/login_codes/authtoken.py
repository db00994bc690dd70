from drf_spectacular.utils import extend_schema

from login_codes.serializers import CodeLoginSerializer
{% if cookiecutter.mfa %}
from mfa.serializers import challenge_for, login_result
from mfa.services import has_mfa
{% endif %}
from users.api.authtoken import TokenLoginView, TokenSerializer, token_login
from users.api.throttles import FailedLoginPerIPThrottle


class TokenCodeLoginSerializer(CodeLoginSerializer):
    def validate(self, attrs):
        user = super().validate(attrs)["user"]
{% if cookiecutter.mfa %}
        if has_mfa(user):
            return challenge_for(user)
{% endif %}
        return token_login(user, self.context["request"])


class TokenCodeLoginView(TokenLoginView):
    """Log in with the mailed code instead of the password, for a DRF token."""

    serializer_class = TokenCodeLoginSerializer
    # Each code allows a few attempts; failures also count against the client address.
    throttle_classes = [FailedLoginPerIPThrottle]

{% if cookiecutter.mfa %}
    @extend_schema(responses={200: login_result(TokenSerializer)})
{% else %}
    @extend_schema(responses={200: TokenSerializer})
{% endif %}
    def post(self, request):
        return super().post(request)
