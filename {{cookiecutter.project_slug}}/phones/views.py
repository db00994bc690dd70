from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from phones import services
from phones.models import PhoneCode
from phones.serializers import (
    INVALID_CODE,
    PhoneNumberSerializer,
    VerifyConfirmSerializer,
    VerifyRequestSerializer,
)
from phones.throttles import SMS_THROTTLES, SMSPerIPThrottle, SMSToOwnNumberThrottle
from users.api.schema import BAD_REQUEST
from users.api.views import ActionView


# No body, but a 400 when the account has no number or a verified one.
@extend_schema(request=None, responses={204: None, 400: BAD_REQUEST})
class VerifyRequestView(ActionView):
    """Text a code to the user's phone number, which verify/confirm/ takes back."""

    serializer_class = VerifyRequestSerializer
    throttle_classes = [SMSToOwnNumberThrottle, SMSPerIPThrottle]

    def perform(self, data):
        services.phone_code_send(user=self.request.user, purpose=PhoneCode.Purpose.VERIFY)


class VerifyConfirmView(generics.GenericAPIView):
    """The code texted to the user's number marks the number verified."""

    serializer_class = VerifyConfirmSerializer

    @extend_schema(responses={204: None})
    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        # Not in a transaction: the attempt a wrong code uses must stay counted.
        code = serializer.validated_data["code"].strip()
        if not services.phone_verify_confirm(user=request.user, code=code):
            raise ValidationError({"code": [INVALID_CODE]})
        return Response(status=status.HTTP_204_NO_CONTENT)


class PhoneCodeRequestView(ActionView):
    """Text a login code to the number, if an active account verified it; 204 either way."""

    serializer_class = PhoneNumberSerializer
    permission_classes = [permissions.AllowAny]
    throttle_classes = SMS_THROTTLES

    def perform(self, data):
        services.phone_login_request(phone_number=data["phone_number"])
