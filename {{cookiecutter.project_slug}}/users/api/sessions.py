from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from users import services
from users.auth_log import log_event


class LogoutEverywhereView(APIView):
    """Log out on every device: all of the user's tokens stop working."""

    @extend_schema(request=None, responses={204: None})
    def post(self, request):
        services.user_logout_everywhere(user=request.user)
        log_event("logout_everywhere", request=request, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
