from rest_framework import permissions

from login_codes import services
from users.api.serializers import EmailSerializer
from users.api.throttles import ACCOUNT_MAIL_THROTTLES
from users.api.views import ActionView


class LoginCodeRequestView(ActionView):
    """Mail a login code to the address, if an active account has it; 204 either way."""

    serializer_class = EmailSerializer
    permission_classes = [permissions.AllowAny]
    throttle_classes = ACCOUNT_MAIL_THROTTLES

    def perform(self, data):
        services.login_code_send(email=data["email"])
