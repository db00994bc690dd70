from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, permissions

from users import services
from users.api.serializers import EmailSerializer, UidAndTokenSerializer
from users.api.views import ActionView
from users.tokens import activation_token


class ActivationSerializer(UidAndTokenSerializer):
    token_generator = activation_token

    def validate_uid(self, value):
        user = super().validate_uid(value)
        if user.is_active:
            # A second use of the link, or an account that never needed one.
            raise exceptions.PermissionDenied(_("Stale token for given user."))
        return user


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
