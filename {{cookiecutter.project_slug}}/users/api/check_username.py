"""Whether a username is free, for a registration form to tell before it is sent."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, permissions, serializers
from rest_framework.response import Response

from users.api.schema import BAD_REQUEST
from users.api.throttles import CheckUsernameThrottle
from users.models import User


class UsernameSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150, validators=[User.username_validator])


class AvailabilitySerializer(serializers.Serializer):
    available = serializers.BooleanField()


class CheckUsernameView(generics.GenericAPIView):
    """Whether a registration may take this username; letter case does not count."""

    # Registration refuses a taken username anyway, so this tells nothing new; the
    # throttle keeps it from being a fast way to list the users.
    serializer_class = UsernameSerializer
    permission_classes = [permissions.AllowAny]
    throttle_classes = [CheckUsernameThrottle]

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "username", str, required=True, description=_("The username to look for.")
            )
        ],
        responses={200: AvailabilitySerializer, 400: BAD_REQUEST},
    )
    def get(self, request):
        return self.answer(request.query_params)

    @extend_schema(responses={200: AvailabilitySerializer})
    def post(self, request):
        return self.answer(request.data)

    def answer(self, data):
        serializer = self.get_serializer(data=data)
        serializer.is_valid(raise_exception=True)
        taken = User.objects.with_login(serializer.validated_data["username"]).exists()
        return Response({"available": not taken})
