from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response

from users import services


class LogoutEverywhereView(generics.GenericAPIView):
    """Log out on every device: all of the user's tokens stop working."""

    @extend_schema(request=None, responses={204: None})
    def post(self, request):
        services.user_logout_everywhere(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
