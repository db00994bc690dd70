from rest_framework import serializers

from phones.serializers import PhoneCodeLoginSerializer
from phones.throttles import PHONE_LOGIN_THROTTLES
from users.api.authtoken import TokenLoginMixin, TokenLoginSerializer, TokenLoginView
from users.api.throttles import FailedLoginPerIPThrottle


class TokenPhoneLoginSerializer(TokenLoginSerializer):
    # authenticate() finds the user by a verified number: phones/backends.py.
    {{ cookiecutter.username_field }} = None
    phone_number = serializers.CharField(max_length=32)


class TokenPhoneLoginView(TokenLoginView):
    """Log in with a verified phone number and the password, for a DRF token."""

    serializer_class = TokenPhoneLoginSerializer
    throttle_classes = PHONE_LOGIN_THROTTLES


class TokenPhoneCodeLoginSerializer(TokenLoginMixin, PhoneCodeLoginSerializer):
    pass


class TokenPhoneCodeLoginView(TokenLoginView):
    """Log in with the code texted to a verified number, for a DRF token."""

    serializer_class = TokenPhoneCodeLoginSerializer
    # Each code allows a few attempts; failures also count against the client address.
    throttle_classes = [FailedLoginPerIPThrottle]
