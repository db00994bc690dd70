"""The floor: the least a hand-written DRF view does to answer each benchmarked request.

Same models, settings and answers as the other two apps, nothing else: no throttles,
signals, logs or schema. `hash_check` and `hash_make` do one password hash and
nothing more; login and registration cannot be faster than they are.
"""

import json

from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.http import HttpResponse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.views.decorators.csrf import csrf_exempt
from rest_framework import permissions, status
from rest_framework.authtoken.models import Token
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.response import Response
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.tokens import RefreshToken, UntypedToken

User = get_user_model()
BAD_CREDENTIALS = {"non_field_errors": ["Unable to log in with provided credentials."]}


def public(view):
    view = permission_classes([permissions.AllowAny])(view)
    return authentication_classes([])(view)


@api_view(["GET"])
def me(request):
    user = request.user
    return Response(
        {
            "id": user.pk,
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
        }
    )


@api_view(["POST"])
@public
def jwt_verify(request):
    try:
        token = UntypedToken(request.data.get("token"))
    except TokenError:
        return Response({"detail": "Token is invalid"}, status=status.HTTP_401_UNAUTHORIZED)
    # Revocation needs the user: still there and active.
    if not User.objects.filter(pk=token.get("user_id"), is_active=True).exists():
        return Response({"detail": "Token is invalid"}, status=status.HTTP_401_UNAUTHORIZED)
    return Response({})


@api_view(["POST"])
@public
def token_login(request):
    user = authenticate(
        request, email=request.data.get("email"), password=request.data.get("password")
    )
    if user is None:
        return Response(BAD_CREDENTIALS, status=status.HTTP_400_BAD_REQUEST)
    token, _ = Token.objects.get_or_create(user=user)
    return Response({"auth_token": token.key})


@api_view(["POST"])
@public
def jwt_create(request):
    user = authenticate(
        request, email=request.data.get("email"), password=request.data.get("password")
    )
    if user is None:
        return Response({"detail": "No active account"}, status=status.HTTP_401_UNAUTHORIZED)
    refresh = RefreshToken.for_user(user)
    return Response({"access": str(refresh.access_token), "refresh": str(refresh)})


@api_view(["POST"])
@public
def register(request):
    email, password = request.data.get("email"), request.data.get("password")
    validate_password(password, User(email=email))
    user = User.objects.create_user(email, password, is_active=False)
    send_link(user, "Activate your account", settings.DJOSER["ACTIVATION_URL"])
    return Response({"id": user.pk, "email": user.email}, status=status.HTTP_201_CREATED)


@api_view(["POST"])
@public
def reset_password(request):
    user = User.objects.filter(email=request.data.get("email"), is_active=True).first()
    if user is not None:
        send_link(user, "Reset your password", settings.DJOSER["PASSWORD_RESET_CONFIRM_URL"])
    return Response(status=status.HTTP_204_NO_CONTENT)


def send_link(user, subject, url):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    url = url.format(uid=uid, token=default_token_generator.make_token(user))
    send_mail(subject, f"http://localhost:8000/{url}", None, [user.email])


PASSWORD_HASH = make_password("bench-floor-password-1")


@csrf_exempt
def hash_check(request):
    check_password(json.loads(request.body)["password"], PASSWORD_HASH)
    return HttpResponse("{}", content_type="application/json")


@csrf_exempt
def hash_make(request):
    make_password(json.loads(request.body)["password"])
    return HttpResponse("{}", status=201, content_type="application/json")
