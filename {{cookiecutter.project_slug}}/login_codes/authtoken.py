from drf_spectacular.utils import extend_schema

from login_codes.serializers import CodeLoginSerializer
{% if cookiecutter.mfa %}
from mfa.serializers import login_result
{% endif %}
from users.api.authtoken import TokenLoginMixin, TokenLoginView, TokenSerializer
from users.api.throttles import FailedLoginPerIPThrottle


class TokenCodeLoginSerializer(TokenLoginMixin, CodeLoginSerializer):
    pass


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
