from django.contrib.auth import authenticate, user_logged_in, user_logged_out
from django.utils.translation import gettext_lazy as _
from rest_framework import generics, permissions, serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.response import Response

from users import services
from users.api.serializers import PasswordField
from users.api.throttles import LOGIN_THROTTLES, record_failed_login


class TokenLoginSerializer(serializers.Serializer):
    {{ cookiecutter.username_field }} = serializers.CharField(max_length=254)
    password = PasswordField()

    def validate(self, attrs):
        # authenticate() runs every AUTHENTICATION_BACKENDS check; it refuses
        # inactive users, who get the same message as a wrong password.
        user = authenticate(self.context["request"], **attrs)
        if user is None:
            raise serializers.ValidationError(
                _("Unable to log in with provided credentials."), code="invalid_credentials"
            )
        return {"user": user}


class TokenLoginView(generics.GenericAPIView):
    serializer_class = TokenLoginSerializer
    permission_classes = [permissions.AllowAny]
    throttle_classes = LOGIN_THROTTLES

    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        if not serializer.is_valid():
            record_failed_login(request, self)
            raise serializers.ValidationError(serializer.errors)
        user = serializer.validated_data["user"]
        token, _created = Token.objects.get_or_create(user=user)
        user_logged_in.send(sender=user.__class__, request=request, user=user)
        return Response({"auth_token": token.key})


class TokenLogoutView(generics.GenericAPIView):
    def post(self, request):
        services.user_logout_everywhere(user=request.user)
        user_logged_out.send(sender=request.user.__class__, request=request, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
