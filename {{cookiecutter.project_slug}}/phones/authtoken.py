from rest_framework import serializers

{% if cookiecutter.mfa %}
from mfa.serializers import challenge_for
from mfa.services import has_mfa
{% endif %}
from phones.serializers import PhoneCodeLoginSerializer
from phones.throttles import PHONE_LOGIN_THROTTLES
from users.api.authtoken import TokenLoginSerializer, TokenLoginView, token_login
from users.api.throttles import FailedLoginPerIPThrottle


class TokenPhoneLoginSerializer(TokenLoginSerializer):
    # authenticate() finds the user by a verified number: phones/backends.py.
    {{ cookiecutter.username_field }} = None
    phone_number = serializers.CharField(max_length=32)


class TokenPhoneLoginView(TokenLoginView):
    """Log in with a verified phone number and the password, for a DRF token."""

    serializer_class = TokenPhoneLoginSerializer
    throttle_classes = PHONE_LOGIN_THROTTLES


class TokenPhoneCodeLoginSerializer(PhoneCodeLoginSerializer):
    def validate(self, attrs):
        user = super().validate(attrs)["user"]
{% if cookiecutter.mfa %}
        if has_mfa(user):
            return challenge_for(user)
{% endif %}
        return token_login(user, self.context["request"])


class TokenPhoneCodeLoginView(TokenLoginView):
    """Log in with the code texted to a verified number, for a DRF token."""

    serializer_class = TokenPhoneCodeLoginSerializer
    # Each code allows a few attempts; failures also count against the client address.
    throttle_classes = [FailedLoginPerIPThrottle]
