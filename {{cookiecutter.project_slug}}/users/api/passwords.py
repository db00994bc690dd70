from rest_framework import permissions

from users import services
from users.api.serializers import (
    CurrentPasswordSerializer,
    EmailSerializer,
    PasswordField,
    UidAndTokenSerializer,
    check_password_strength,
{% if cookiecutter.set_password_retype or cookiecutter.password_reset_confirm_retype %}
    check_retyped,
{% endif %}
)
from users.api.throttles import ACCOUNT_MAIL_THROTTLES
from users.api.views import ActionView
from users.auth_log import log_event
from users.tokens import password_reset_token


class SetPasswordSerializer(CurrentPasswordSerializer):
    new_password = PasswordField()
{% if cookiecutter.set_password_retype %}
    re_new_password = PasswordField()
{% endif %}

    def validate(self, attrs):
{% if cookiecutter.set_password_retype %}
        check_retyped(attrs, "new_password", "re_new_password")
{% endif %}
        check_password_strength(attrs["new_password"], self.context["request"].user, "new_password")
        return attrs


class PasswordResetConfirmSerializer(UidAndTokenSerializer):
    token_generator = password_reset_token

    new_password = PasswordField()
{% if cookiecutter.password_reset_confirm_retype %}
    re_new_password = PasswordField()
{% endif %}

    def validate(self, attrs):
        attrs = super().validate(attrs)
{% if cookiecutter.password_reset_confirm_retype %}
        check_retyped(attrs, "new_password", "re_new_password")
{% endif %}
        check_password_strength(attrs["new_password"], attrs["user"], "new_password")
        return attrs


class SetPasswordView(ActionView):
    serializer_class = SetPasswordSerializer

    def perform(self, data):
        services.password_change(user=self.request.user, password=data["new_password"])
        log_event("password_changed", request=self.request, user=self.request.user)
{% if cookiecutter.logout_on_password_change %}
        services.user_logout_everywhere(user=self.request.user)
{% endif %}


class ResetPasswordView(ActionView):
    serializer_class = EmailSerializer
    permission_classes = [permissions.AllowAny]
    throttle_classes = ACCOUNT_MAIL_THROTTLES
    atomic = False

    def perform(self, data):
        log_event("password_reset_requested", request=self.request)
        services.password_reset_request(email=data["email"])


class ResetPasswordConfirmView(ActionView):
    serializer_class = PasswordResetConfirmSerializer
    permission_classes = [permissions.AllowAny]

    def perform(self, data):
        log_event("password_reset", request=self.request, user=data["user"])
        services.password_reset_confirm(user=data["user"], password=data["new_password"])
