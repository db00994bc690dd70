from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, permissions

from users import services
from users.api.serializers import EmailSerializer, UidAndTokenSerializer
from users.api.views import ActionView
from users.tokens import activation_token


class ActivationSerializer(UidAndTokenSerializer):
    token_generator = activation_token

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if attrs["user"].is_active:
            raise exceptions.PermissionDenied(_("Stale token for given user."))
        return attrs


class ActivationView(ActionView):
    serializer_class = ActivationSerializer
    permission_classes = [permissions.AllowAny]

    def perform(self, data):
        services.user_activate(user=data["user"], request=self.request)


class ResendActivationView(ActionView):
    serializer_class = EmailSerializer
    permission_classes = [permissions.AllowAny]

    def perform(self, data):
        services.user_resend_activation(email=data["email"])
