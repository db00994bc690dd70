from contextlib import nullcontext

from drf_spectacular.utils import extend_schema
from rest_framework import generics, mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from users import signals
from users.api.serializers import (
{% if not cookiecutter.__social %}
    CurrentPasswordSerializer,
{% endif %}
    UserCreateSerializer,
    UserSerializer,
    atomic_reporting_races,
)
{% if cookiecutter.__social %}
from users.api.social import AccountDeletionSerializer
{% endif %}
from users.api.throttles import RegistrationThrottle
from users.auth_log import log_event
from users.models import User


@extend_schema(responses={204: None})
class ActionView(generics.GenericAPIView):
    """POST a body, do one thing with it (in a transaction, unless `atomic` is False),
    answer 204 No Content."""

    # False for actions that only read and mail: anyone can ask for a link, so such a
    # request should not pay for a transaction. Its mail then goes out at once.
    atomic = True

    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        # Validated inside the transaction, so that rows it locks (see
        # UidAndTokenSerializer) stay locked until the action is done.
        with atomic_reporting_races(serializer) if self.atomic else nullcontext():
            serializer.is_valid(raise_exception=True)
            self.perform(serializer.validated_data)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def perform(self, data):
        raise NotImplementedError


class UserViewSet(
    mixins.CreateModelMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = UserSerializer
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        users = User.objects.order_by("pk")
        if self.request.user.is_staff:
            return users
        # Everyone else sees only themselves: other ids answer 404, as if missing.
        return users.filter(pk=self.request.user.pk)

    def get_object(self):
        # users/me/ has no pk in its URL (nor has OPTIONS on it, whose action is "metadata").
        if "pk" not in self.kwargs:
            return self.request.user
        return super().get_object()

    def get_permissions(self):
        if self.action == "create":
            return [permissions.AllowAny()]
        return super().get_permissions()

    def get_throttles(self):
        if self.action == "create":
            return [RegistrationThrottle()]
        return super().get_throttles()

    def get_serializer_class(self):
        if self.action == "create":
            return UserCreateSerializer
        if self.request.method == "DELETE":
{% if cookiecutter.__social %}
            return AccountDeletionSerializer
{% else %}
            return CurrentPasswordSerializer
{% endif %}
        return UserSerializer

    def perform_update(self, serializer):
        user = serializer.save()
        signals.user_updated.send(sender=User, user=user, request=self.request)

    def destroy(self, request, *args, **kwargs):
        user = self.get_object()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user_id = user.pk
        user.delete()
        log_event("account_deleted", request=request, user_id=user_id)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(["get", "put", "patch", "delete"], detail=False)
    def me(self, request, *args, **kwargs):
        handlers = {
            "GET": self.retrieve,
            "PUT": self.update,
            "PATCH": self.partial_update,
            "DELETE": self.destroy,
        }
        return handlers[request.method](request, *args, **kwargs)
