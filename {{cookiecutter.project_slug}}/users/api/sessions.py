"""The user's logins: list them, end one, or end them all."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from users import services
from users.auth_log import log_event
from users.sessions import find_session, is_current, session_id, session_kind, user_sessions


class SessionSerializer(serializers.Serializer):
    id = serializers.SerializerMethodField()
    kind = serializers.SerializerMethodField()
    created = serializers.DateTimeField()
    last_used = serializers.DateTimeField(allow_null=True)
    ip_address = serializers.IPAddressField(allow_null=True)
    user_agent = serializers.CharField()
    current = serializers.SerializerMethodField()

    def get_id(self, session) -> str:
        return session_id(session)

    def get_kind(self, session) -> str:
        return session_kind(session)

    def get_current(self, session) -> bool:
        return is_current(session, self.context["request"].auth)


class SessionListView(APIView):
    """The user's logins that still work, one per device, the most recently used first;
    `current` marks the one this request comes with."""

    @extend_schema(responses=SessionSerializer(many=True))
    def get(self, request):
        sessions = user_sessions(request.user)
        return Response(SessionSerializer(sessions, many=True, context={"request": request}).data)


class SessionDetailView(APIView):
    """Ends one login: the device it belongs to is logged out."""

    @extend_schema(
        parameters=[
            OpenApiParameter("pk", str, OpenApiParameter.PATH, description=_("The session's id."))
        ],
        request=None,
        responses={204: None},
    )
    def delete(self, request, pk):
        session = find_session(request.user, pk)
        if session is None:
            raise NotFound
        # Its tokens are looked up with their session on every use, so they stop here.
        session.delete()
        log_event("session_ended", request=request, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class LogoutEverywhereView(APIView):
    """Log out on every device: all of the user's tokens stop working."""

    @extend_schema(request=None, responses={204: None})
    def post(self, request):
        services.user_logout_everywhere(user=request.user)
        log_event("logout_everywhere", request=request, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
