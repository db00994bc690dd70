from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, permissions

from users import services
from users.api.schema import FORBIDDEN
from users.api.serializers import EmailSerializer, UidAndTokenSerializer
from users.api.throttles import ACCOUNT_MAIL_THROTTLES
from users.api.views import ActionView
from users.tokens import activation_token


class ActivationSerializer(UidAndTokenSerializer):
    token_generator = activation_token

    def validate_uid(self, value):
        user = super().validate_uid(value)
        # A second use of the link, an account that never needed one, or one
        # suspended (deactivated) since its activation.
        if user.is_active or user.activated_at is not None:
            raise exceptions.PermissionDenied(_("Stale token for given user."))
        return user


@extend_schema(responses={204: None, 403: FORBIDDEN})
class ActivationView(ActionView):
    serializer_class = ActivationSerializer
    permission_classes = [permissions.AllowAny]

    def perform(self, data):
        services.user_activate(user=data["user"], request=self.request)


class ResendActivationView(ActionView):
    serializer_class = EmailSerializer
    permission_classes = [permissions.AllowAny]
    throttle_classes = ACCOUNT_MAIL_THROTTLES
    atomic = False

    def perform(self, data):
        services.user_resend_activation(email=data["email"])
