from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from rest_framework import status
from rest_framework_simplejwt.tokens import RefreshToken

pytestmark = pytest.mark.django_db

URL = reverse("jwt-verify")


@pytest.fixture
def refresh(user):
    return RefreshToken.for_user(user)


@pytest.mark.parametrize("kind", ["access", "refresh"])
def test_jwt_verify_accepts_valid_token(api_client, refresh, kind):
    token = refresh.access_token if kind == "access" else refresh

    response = api_client.post(URL, {"token": str(token)}, format="json")

    assert response.status_code == status.HTTP_200_OK
    assert response.json() == {}


@pytest.mark.parametrize("route", ["jwt-refresh", "jwt-logout"])
def test_jwt_verify_with_spent_refresh_token_is_unauthorized(api_client, refresh, route):
    api_client.post(reverse(route), {"refresh": str(refresh)}, format="json")

    response = api_client.post(URL, {"token": str(refresh)}, format="json")

    assert response.status_code == status.HTTP_401_UNAUTHORIZED
    assert "detail" in response.json()


def test_jwt_verify_with_garbage_is_unauthorized(api_client):
    response = api_client.post(URL, {"token": "garbage"}, format="json")

    assert response.status_code == status.HTTP_401_UNAUTHORIZED
    assert "detail" in response.json()


def test_jwt_verify_with_tampered_token_is_unauthorized(api_client, refresh):
    header, payload, signature = str(refresh.access_token).split(".")
    forged = ("B" if signature[0] == "A" else "A") + signature[1:]

    response = api_client.post(URL, {"token": f"{header}.{payload}.{forged}"}, format="json")

    assert response.status_code == status.HTTP_401_UNAUTHORIZED


def test_jwt_verify_for_deleted_user_is_unauthorized(api_client, user, refresh):
    user.delete()

    response = api_client.post(URL, {"token": str(refresh.access_token)}, format="json")

    assert response.status_code == status.HTTP_401_UNAUTHORIZED
    assert "detail" in response.json()


def test_jwt_verify_for_deactivated_user_is_unauthorized(api_client, user, refresh):
    user.is_active = False
    user.save()

    response = api_client.post(URL, {"token": str(refresh.access_token)}, format="json")

    assert response.status_code == status.HTTP_401_UNAUTHORIZED


def test_jwt_verify_after_password_change_is_unauthorized(api_client, user, refresh):
    user.set_password("a new and different password")
    user.save()

    response = api_client.post(URL, {"token": str(refresh.access_token)}, format="json")

    assert response.status_code == status.HTTP_401_UNAUTHORIZED


def test_jwt_verify_with_expired_token_is_unauthorized(api_client, refresh):
    access = str(refresh.access_token)
    lifetime = settings.SIMPLE_JWT["ACCESS_TOKEN_LIFETIME"]

    with time_machine.travel(timezone.now() + lifetime + timedelta(minutes=1), tick=False):
        response = api_client.post(URL, {"token": access}, format="json")

    assert response.status_code == status.HTTP_401_UNAUTHORIZED


def test_jwt_verify_without_token_is_refused(api_client):
    response = api_client.post(URL, {}, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["token"]


@pytest.mark.parametrize("token", ["a.b.c", "", "x" * 100_000])
def test_jwt_verify_with_malformed_token_is_refused(api_client, token):
    response = api_client.post(URL, {"token": token}, format="json")

    assert response.status_code in (status.HTTP_400_BAD_REQUEST, status.HTTP_401_UNAUTHORIZED)
    assert isinstance(response.json(), dict)


def test_jwt_verify_with_odd_value_is_refused(api_client, hostile_value):
    response = api_client.post(URL, {"token": hostile_value}, format="json")

    assert response.status_code in (status.HTTP_400_BAD_REQUEST, status.HTTP_401_UNAUTHORIZED)
    assert isinstance(response.json(), dict)


def test_jwt_verify_with_malformed_body_is_refused(api_client, malformed_json):
    response = api_client.post(URL, malformed_json, content_type="application/json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert isinstance(response.json(), dict)
