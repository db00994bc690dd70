from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from mfa import services, totp
from mfa.serializers import (
    ActivateSerializer,
    ActivationSerializer,
    ConfirmSerializer,
    ReauthenticateSerializer,
    RecoveryCodesSerializer,
    StatusSerializer,
)
from mfa.throttles import FailedCodePerUserThrottle
from users.auth_log import log_event


class MFAView(generics.GenericAPIView):
    """Validates the body, counting refused passwords and codes against the user."""

    throttle_classes = [FailedCodePerUserThrottle]

    def validated_data(self, request):
        serializer = self.get_serializer(data=request.data)
        if not serializer.is_valid():
            for throttle in self.get_throttles():
                throttle.record_failure(request, self)
            raise ValidationError(serializer.errors)
        return serializer.validated_data


class StatusView(generics.GenericAPIView):
    serializer_class = StatusSerializer

    def get(self, request):
        unused = request.user.recovery_codes.filter(used_at=None)
        data = {"enabled": services.has_mfa(request.user), "recovery_codes_left": unused.count()}
        return Response(data)


class ActivateView(MFAView):
    """Start: a new secret for the authenticator app, which the next step confirms."""

    serializer_class = ActivateSerializer

    @extend_schema(responses={200: ActivationSerializer})
    def post(self, request):
        self.validated_data(request)
        device = services.mfa_begin(user=request.user)
        uri = totp.provisioning_uri(device.secret, request.user)
        return Response({"secret": device.secret, "otpauth_uri": uri})


class ActivateConfirmView(MFAView):
    """Finish with a first code from the app; answers the recovery codes, shown this once."""

    serializer_class = ConfirmSerializer

    @extend_schema(responses={200: RecoveryCodesSerializer})
    def post(self, request):
        codes = services.mfa_confirm(**self.validated_data(request))
        log_event("mfa_enabled", request=request, user=request.user)
        return Response({"recovery_codes": codes})


class DeactivateView(MFAView):
    serializer_class = ReauthenticateSerializer

    @extend_schema(responses={204: None})
    def post(self, request):
        self.validated_data(request)
        services.mfa_disable(user=request.user)
        log_event("mfa_disabled", request=request, user=request.user)
        return Response(status=204)


class RecoveryCodesView(MFAView):
    """New recovery codes, shown this once; the earlier ones stop working."""

    serializer_class = ReauthenticateSerializer

    @extend_schema(responses={200: RecoveryCodesSerializer})
    def post(self, request):
        self.validated_data(request)
        codes = services.recovery_codes_regenerate(user=request.user)
        return Response({"recovery_codes": codes})
