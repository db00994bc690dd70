from phones.serializers import PhoneCodeLoginSerializer
from phones.throttles import PHONE_LOGIN_THROTTLES
from users.api.jwt import JWTLoginMixin, TokenObtainPairSerializer, TokenObtainPairView
from users.api.throttles import FailedLoginPerIPThrottle


class JWTPhoneLoginSerializer(TokenObtainPairSerializer):
    # authenticate() finds the user by a verified number: phones/backends.py.
    username_field = "phone_number"


class JWTPhoneLoginView(TokenObtainPairView):
    """Log in with a verified phone number and the password, for a token pair."""

    serializer_class = JWTPhoneLoginSerializer
    throttle_classes = PHONE_LOGIN_THROTTLES


class JWTPhoneCodeLoginSerializer(JWTLoginMixin, PhoneCodeLoginSerializer):
    pass


class JWTPhoneCodeLoginView(TokenObtainPairView):
    """Log in with the code texted to a verified number, for a token pair."""

    serializer_class = JWTPhoneCodeLoginSerializer
    # Each code allows a few attempts; failures also count against the client address.
    throttle_classes = [FailedLoginPerIPThrottle]
