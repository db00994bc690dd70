from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from login_codes import services


class CodeLoginSerializer(serializers.Serializer):
    email = serializers.EmailField()
    code = serializers.CharField(max_length=32)

    def validate(self, attrs):
        user = services.login_code_redeem(email=attrs["email"], code=attrs["code"].strip())
        if user is None:
            raise serializers.ValidationError(_("Invalid or expired code."), code="invalid_code")
        return {"user": user}
