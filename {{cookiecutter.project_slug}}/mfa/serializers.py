from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import PolymorphicProxySerializer
from rest_framework import serializers

from mfa import challenges, services, totp
from mfa.models import TOTPDevice
from users.api.serializers import CurrentPasswordSerializer, PasswordField

INVALID_CODE = _("Invalid code.")


class CodeField(serializers.CharField):
    def __init__(self, **kwargs):
        super().__init__(max_length=32, **kwargs)


class StatusSerializer(serializers.Serializer):
    enabled = serializers.BooleanField()
    recovery_codes_left = serializers.IntegerField()


class ActivationSerializer(serializers.Serializer):
    secret = serializers.CharField()
    otpauth_uri = serializers.CharField()


class RecoveryCodesSerializer(serializers.Serializer):
    recovery_codes = serializers.ListField(child=serializers.CharField())


class ChallengeSerializer(serializers.Serializer):
    mfa_required = serializers.BooleanField()
    challenge = serializers.CharField()


class ActivateSerializer(CurrentPasswordSerializer):
    def validate(self, attrs):
        if services.has_mfa(self.context["request"].user):
            raise serializers.ValidationError(_("Two-factor authentication is already on."))
        return attrs


class ConfirmSerializer(serializers.Serializer):
    code = CodeField()

    def validate(self, attrs):
        user = self.context["request"].user
        device = TOTPDevice.objects.filter(user=user, confirmed_at=None).first()
        if device is None:
            raise serializers.ValidationError(_("Start the activation first."))
        step = totp.matching_step(device.secret, attrs["code"].strip(), after=0)
        if step is None:
            raise serializers.ValidationError({"code": [INVALID_CODE]})
        return {"device": device, "step": step}


class ReauthenticateSerializer(serializers.Serializer):
    """Proof that the user is at the keyboard: the password, or a current second-factor code."""

    current_password = PasswordField(required=False)
    code = CodeField(required=False)

    def validate(self, attrs):
        user = self.context["request"].user
        if not services.has_mfa(user):
            raise serializers.ValidationError(_("Two-factor authentication is off."))
        if "current_password" in attrs:
            if not user.check_password(attrs["current_password"]):
                raise serializers.ValidationError({"current_password": [_("Invalid password.")]})
        elif "code" in attrs:
            if not services.second_factor_is_valid(user=user, code=attrs["code"].strip()):
                raise serializers.ValidationError({"code": [INVALID_CODE]})
        else:
            raise serializers.ValidationError(_("Give current_password or code."))
        return attrs


class VerifySerializer(serializers.Serializer):
    """A login's challenge and a second-factor code, for the user's tokens."""

    challenge = serializers.CharField(max_length=1000)
    code = CodeField()

    def validate(self, attrs):
        expired = _("Invalid or expired challenge; log in again.")
        try:
            user, nonce = challenges.read_challenge(attrs["challenge"])
        except challenges.InvalidChallenge:
            raise serializers.ValidationError({"challenge": [expired]}) from None
        if not challenges.count_attempt(nonce):
            raise serializers.ValidationError({"challenge": [expired]})
        if not services.second_factor_is_valid(user=user, code=attrs["code"].strip()):
            raise serializers.ValidationError({"code": [INVALID_CODE]})
        if not challenges.spend(nonce):
            raise serializers.ValidationError({"challenge": [expired]})
        return {"user": user}


def challenge_for(user):
    return {"mfa_required": True, "challenge": challenges.issue_challenge(user)}


def login_result(tokens_serializer):
    """A login's answer: the tokens, or a challenge when the user has a second factor."""
    return PolymorphicProxySerializer(
        component_name=f"{tokens_serializer.__name__.removesuffix('Serializer')}OrChallenge",
        serializers=[tokens_serializer, ChallengeSerializer],
        resource_type_field_name=None,
    )
