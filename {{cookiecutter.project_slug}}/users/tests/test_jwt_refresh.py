from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from rest_framework import status
from rest_framework.test import APIClient
from rest_framework_simplejwt import tokens

from users.jwt import RefreshToken

pytestmark = pytest.mark.django_db

URL = reverse("jwt-refresh")


@pytest.fixture
def refresh(user):
    return RefreshToken.for_user(user)


def bearer_client(access):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client


def refresh_with(token):
    return APIClient().post(URL, {"refresh": str(token)}, format="json")


def test_jwt_refresh_answers_with_new_access_and_refresh_tokens(api_client, user, refresh):
    response = api_client.post(URL, {"refresh": str(refresh)}, format="json")

    assert response.status_code == status.HTTP_200_OK
    assert sorted(response.json()) == ["access", "refresh"]
    me = bearer_client(response.json()["access"]).get(reverse("user-me"))
    assert me.json()["id"] == user.pk


def test_jwt_refresh_answers_with_a_refresh_token_that_refreshes(refresh):
    rotated = refresh_with(refresh).json()["refresh"]

    response = refresh_with(rotated)

    assert response.status_code == status.HTTP_200_OK
    assert response.json()["refresh"] != rotated


def test_jwt_refresh_spends_the_refresh_token(refresh):
    refresh_with(refresh)

    response = refresh_with(refresh)

    assert response.status_code == status.HTTP_401_UNAUTHORIZED
    assert "detail" in response.json()


def test_jwt_refresh_with_a_spent_token_revokes_the_tokens_rotated_from_it(refresh):
    rotated = refresh_with(refresh).json()["refresh"]
    newest = refresh_with(rotated).json()["refresh"]

    reused = refresh_with(rotated)

    assert reused.status_code == status.HTTP_401_UNAUTHORIZED
    assert refresh_with(newest).status_code == status.HTTP_401_UNAUTHORIZED


def test_jwt_refresh_of_a_token_no_login_made_is_unauthorized(api_client, user):
    # SimpleJWT's own class makes tokens of no login (JWTSession), which cannot be listed
    # nor ended, so they are not refreshed.
    made_elsewhere = tokens.RefreshToken.for_user(user)

    response = api_client.post(URL, {"refresh": str(made_elsewhere)}, format="json")

    assert response.status_code == status.HTTP_401_UNAUTHORIZED


@pytest.mark.parametrize("token", ["garbage", "a.b.c", "", "x" * 100_000])
def test_jwt_refresh_with_garbage_is_refused(api_client, token):
    response = api_client.post(URL, {"refresh": token}, format="json")

    assert response.status_code in (status.HTTP_400_BAD_REQUEST, status.HTTP_401_UNAUTHORIZED)
    assert isinstance(response.json(), dict)


def test_jwt_refresh_with_garbage_token_is_unauthorized(api_client):
    response = api_client.post(URL, {"refresh": "garbage"}, format="json")

    assert response.status_code == status.HTTP_401_UNAUTHORIZED
    assert "detail" in response.json()


def test_jwt_refresh_with_tampered_token_is_unauthorized(api_client, refresh):
    header, payload, signature = str(refresh).split(".")
    forged = ("B" if signature[0] == "A" else "A") + signature[1:]

    response = api_client.post(URL, {"refresh": f"{header}.{payload}.{forged}"}, format="json")

    assert response.status_code == status.HTTP_401_UNAUTHORIZED


def test_jwt_refresh_with_access_token_is_unauthorized(api_client, refresh):
    response = api_client.post(URL, {"refresh": str(refresh.access_token)}, format="json")

    assert response.status_code == status.HTTP_401_UNAUTHORIZED


def test_jwt_refresh_for_deleted_user_is_unauthorized(api_client, user, refresh):
    user.delete()

    response = api_client.post(URL, {"refresh": str(refresh)}, format="json")

    assert response.status_code == status.HTTP_401_UNAUTHORIZED
    assert "detail" in response.json()


def test_jwt_refresh_for_deactivated_user_is_unauthorized(api_client, user, refresh):
    user.is_active = False
    user.save()

    response = api_client.post(URL, {"refresh": str(refresh)}, format="json")

    assert response.status_code == status.HTTP_401_UNAUTHORIZED


def test_password_change_revokes_refresh_and_access_tokens(api_client, user, refresh):
    access = str(refresh.access_token)
    user.set_password("a new and different password")
    user.save()

    refreshed = api_client.post(URL, {"refresh": str(refresh)}, format="json")
    me = bearer_client(access).get(reverse("user-me"))

    assert refreshed.status_code == status.HTTP_401_UNAUTHORIZED
    assert me.status_code == status.HTTP_401_UNAUTHORIZED


def test_jwt_refresh_with_expired_token_is_unauthorized(api_client, refresh):
    lifetime = settings.SIMPLE_JWT["REFRESH_TOKEN_LIFETIME"]

    with time_machine.travel(timezone.now() + lifetime + timedelta(minutes=1), tick=False):
        response = api_client.post(URL, {"refresh": str(refresh)}, format="json")

    assert response.status_code == status.HTTP_401_UNAUTHORIZED


def test_jwt_refresh_without_token_is_refused(api_client):
    response = api_client.post(URL, {}, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["refresh"]


def test_jwt_refresh_with_odd_value_is_refused(api_client, hostile_value):
    response = api_client.post(URL, {"refresh": hostile_value}, format="json")

    assert response.status_code in (status.HTTP_400_BAD_REQUEST, status.HTTP_401_UNAUTHORIZED)
    assert isinstance(response.json(), dict)


def test_jwt_refresh_with_malformed_body_is_refused(api_client, malformed_json):
    response = api_client.post(URL, malformed_json, content_type="application/json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert isinstance(response.json(), dict)
