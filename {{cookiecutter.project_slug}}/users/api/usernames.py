{% if cookiecutter.username_field == "email" %}
"""Set and reset the login name: djoser calls it the username, here it is the email address."""
{% else %}
"""Set and reset the username, the login name."""
{% endif %}

from rest_framework import permissions, serializers

from users import services
from users.api.serializers import (
    CurrentPasswordSerializer,
    EmailSerializer,
    UidAndTokenSerializer,
{% if cookiecutter.username_field == "email" %}
    check_email_is_free,
{% endif %}
{% if cookiecutter.set_username_retype or cookiecutter.username_reset_confirm_retype %}
    check_retyped,
{% endif %}
{% if cookiecutter.username_field == "username" %}
    check_username_is_free,
{% endif %}
)
from users.api.throttles import ACCOUNT_MAIL_THROTTLES
from users.api.views import ActionView
{% if cookiecutter.username_field == "email" %}
from users.auth_log import log_event
{% else %}
from users.models import User
{% endif %}
from users.tokens import username_reset_token

{% set field = cookiecutter.username_field %}

class NewUsernameSerializer(serializers.Serializer):
{% if field == "username" %}
    new_username = serializers.CharField(max_length=150, validators=[User.username_validator])

    def validate_new_username(self, value):
        return check_username_is_free(value)
{% else %}
    new_email = serializers.EmailField()

    def validate_new_email(self, value):
        return check_email_is_free(value)
{% endif %}


class SetUsernameSerializer(NewUsernameSerializer, CurrentPasswordSerializer):
    """A new login name, confirmed with the current password."""
{% if field == "email" and cookiecutter.prevent_enumeration %}

    def validate_new_email(self, value):
        # A taken address is no error here, so the answer tells no one who has an
        # account; services.email_change_request sends it no link.
        return value
{% endif %}
{% if cookiecutter.set_username_retype %}

    re_new_{{ field }} = serializers.CharField()

    def validate(self, attrs):
        check_retyped(attrs, "new_{{ field }}", "re_new_{{ field }}")
        return attrs
{% endif %}


class UsernameResetConfirmSerializer(NewUsernameSerializer, UidAndTokenSerializer):
    token_generator = username_reset_token
{% if cookiecutter.username_reset_confirm_retype %}

    re_new_{{ field }} = serializers.CharField()

    def validate(self, attrs):
        attrs = super().validate(attrs)
        check_retyped(attrs, "new_{{ field }}", "re_new_{{ field }}")
        return attrs
{% endif %}


class SetUsernameView(ActionView):
    serializer_class = SetUsernameSerializer

    def perform(self, data):
{% if field == "email" %}
        # The new address takes over once it is confirmed: see users/api/email_change.py.
        log_event("email_change_requested", request=self.request, user=self.request.user)
        services.email_change_request(user=self.request.user, email=data["new_email"])
{% else %}
        services.username_change(user=self.request.user, username=data["new_username"])
{% endif %}


class ResetUsernameView(ActionView):
    serializer_class = EmailSerializer
    permission_classes = [permissions.AllowAny]
    throttle_classes = ACCOUNT_MAIL_THROTTLES
    atomic = False

    def perform(self, data):
        services.username_reset_request(email=data["email"])


class ResetUsernameConfirmView(ActionView):
    serializer_class = UsernameResetConfirmSerializer
    permission_classes = [permissions.AllowAny]

    def perform(self, data):
        services.username_change(user=data["user"], username=data["new_{{ field }}"])
