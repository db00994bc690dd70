from django.contrib.auth import authenticate, user_logged_in, user_logged_out
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, serializers, status, views
from rest_framework.response import Response

{% if cookiecutter.mfa %}
from mfa.serializers import challenge_for, login_result
from mfa.services import has_mfa
{% endif %}
from users.api.serializers import PasswordField
from users.api.throttles import LOGIN_THROTTLES, record_failed_login
from users.authtoken import issue_token
from users.models import AuthToken


def token_login(user, request):
    # Every login gets its own token, so logging out one device leaves the others.
    key = issue_token(user, request)
    user_logged_in.send(sender=user.__class__, request=request, user=user)
    return {"auth_token": key}


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
{% if cookiecutter.mfa %}
        if has_mfa(user):
            return challenge_for(user)
{% endif %}
        return token_login(user, self.context["request"])


{% if cookiecutter.login_by_code or cookiecutter.phone_number != "none" %}
class TokenLoginMixin:
    """Finishes the login of a serializer whose validate() found {"user": ...} by a code
    rather than the password, as TokenLoginSerializer finishes its own."""

    def validate(self, attrs):
        user = super().validate(attrs)["user"]
{% if cookiecutter.mfa %}
        if has_mfa(user):
            return challenge_for(user)
{% endif %}
        return token_login(user, self.context["request"])


{% endif %}
class TokenSerializer(serializers.Serializer):
    auth_token = serializers.CharField(read_only=True)


class TokenLoginView(generics.GenericAPIView):
    serializer_class = TokenLoginSerializer
    permission_classes = [permissions.AllowAny]
    throttle_classes = LOGIN_THROTTLES

{% if cookiecutter.mfa %}
    @extend_schema(responses={200: login_result(TokenSerializer)})
{% else %}
    @extend_schema(responses={200: TokenSerializer})
{% endif %}
    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        if not serializer.is_valid():
            record_failed_login(request, self)
            raise serializers.ValidationError(serializer.errors)
        return Response(serializer.validated_data)


class TokenLogoutView(views.APIView):
    @extend_schema(request=None, responses={204: None})
    def post(self, request):
        # Only the token this request came with; other logins stay valid.
        if isinstance(request.auth, AuthToken):
            request.auth.delete()
        user_logged_out.send(sender=request.user.__class__, request=request, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
