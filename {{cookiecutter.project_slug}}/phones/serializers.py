from django.utils.translation import gettext_lazy as _
from phonenumber_field.serializerfields import PhoneNumberField
from rest_framework import serializers

from phones import services

INVALID_CODE = _("Invalid or expired code.")


class CodeField(serializers.CharField):
    def __init__(self, **kwargs):
        super().__init__(max_length=32, **kwargs)


class PhoneNumberSerializer(serializers.Serializer):
    phone_number = PhoneNumberField(max_length=32)


class VerifyRequestSerializer(serializers.Serializer):
    """Nothing to send: the code goes to the number on the account."""

    def validate(self, attrs):
        user = self.context["request"].user
        if not user.phone_number:
            raise serializers.ValidationError(
                _("Add a phone number to your account first."), code="no_phone_number"
            )
        if user.phone_verified:
            raise serializers.ValidationError(
                _("The phone number is already verified."), code="already_verified"
            )
        return attrs


class VerifyConfirmSerializer(serializers.Serializer):
    code = CodeField()


class PhoneCodeLoginSerializer(PhoneNumberSerializer):
    code = CodeField()

    def validate(self, attrs):
        user = services.phone_login_redeem(
            phone_number=attrs["phone_number"], code=attrs["code"].strip()
        )
        if user is None:
            raise serializers.ValidationError(INVALID_CODE, code="invalid_code")
        return {"user": user}
