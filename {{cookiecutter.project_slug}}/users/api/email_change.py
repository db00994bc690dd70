"""Confirm a new email address with the link mailed to it."""

from django.db import IntegrityError
from django.utils.translation import gettext_lazy as _
from rest_framework import permissions, serializers

from users import services
from users.api.serializers import DUPLICATE_EMAIL, UidAndTokenSerializer, check_email_is_free
from users.api.views import ActionView
from users.auth_log import log_event
from users.tokens import email_change_token


class EmailChangeConfirmSerializer(UidAndTokenSerializer):
    token_generator = email_change_token

    def validate(self, attrs):
        attrs = super().validate(attrs)
        user = attrs["user"]
        if not user.pending_email:
            raise serializers.ValidationError(
                {"token": [_("Invalid token for given user.")]}, code="invalid_token"
            )
        # The address may have found an owner since the link was sent.
        check_email_is_free(user.pending_email, user=user)
        return attrs


class ChangeEmailConfirmView(ActionView):
    serializer_class = EmailChangeConfirmSerializer
    permission_classes = [permissions.AllowAny]

    def perform(self, data):
        try:
            services.email_change_confirm(user=data["user"])
        except IntegrityError as error:
            # Taken by a request that committed after the check above.
            raise serializers.ValidationError(
                {"non_field_errors": [DUPLICATE_EMAIL]}, code="unique"
            ) from error
        log_event("email_changed", request=self.request, user=data["user"])
