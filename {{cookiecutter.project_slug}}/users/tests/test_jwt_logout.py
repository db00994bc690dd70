from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from rest_framework import status
from rest_framework.test import APIClient

from users.models import User
from users.tests.helpers import me_status

pytestmark = pytest.mark.django_db

URL = reverse("jwt-logout")


def log_in(user, password):
    credentials = {User.USERNAME_FIELD: user.get_username(), "password": password}
    return APIClient().post(reverse("jwt-create"), credentials, format="json").json()


def refresh_with(refresh):
    return APIClient().post(reverse("jwt-refresh"), {"refresh": refresh}, format="json")


@pytest.fixture
def refresh(user, password):
    return log_in(user, password)["refresh"]


def test_jwt_logout_answers_no_content(api_client, refresh):
    response = api_client.post(URL, {"refresh": refresh}, format="json")

    assert response.status_code == status.HTTP_204_NO_CONTENT
    assert response.content == b""


def test_jwt_logout_ends_the_refresh_token(api_client, refresh):
    api_client.post(URL, {"refresh": refresh}, format="json")

    assert refresh_with(refresh).status_code == status.HTTP_401_UNAUTHORIZED


def test_jwt_logout_ends_the_access_tokens_of_the_login_at_once(api_client, user, password):
    tokens = log_in(user, password)

    api_client.post(URL, {"refresh": tokens["refresh"]}, format="json")

    assert me_status(f"Bearer {tokens['access']}") == status.HTTP_401_UNAUTHORIZED


def test_jwt_logout_with_a_rotated_token_ends_the_login(api_client, refresh):
    rotated = refresh_with(refresh).json()["refresh"]

    response = api_client.post(URL, {"refresh": rotated}, format="json")

    assert response.status_code == status.HTTP_204_NO_CONTENT
    assert refresh_with(rotated).status_code == status.HTTP_401_UNAUTHORIZED


def test_jwt_logout_with_a_spent_token_ends_the_login(api_client, refresh):
    rotated = refresh_with(refresh).json()["refresh"]

    response = api_client.post(URL, {"refresh": refresh}, format="json")

    assert response.status_code == status.HTTP_401_UNAUTHORIZED
    assert refresh_with(rotated).status_code == status.HTTP_401_UNAUTHORIZED


def test_jwt_logout_leaves_other_logins(api_client, user, password, refresh):
    other_login = log_in(user, password)["refresh"]

    api_client.post(URL, {"refresh": refresh}, format="json")

    assert refresh_with(other_login).status_code == status.HTTP_200_OK


def test_jwt_logout_twice_is_unauthorized(api_client, refresh):
    api_client.post(URL, {"refresh": refresh}, format="json")

    response = api_client.post(URL, {"refresh": refresh}, format="json")

    assert response.status_code == status.HTTP_401_UNAUTHORIZED
    assert "detail" in response.json()


def test_jwt_logout_needs_no_authorization_header(api_client, refresh):
    api_client.credentials(HTTP_AUTHORIZATION="Bearer garbage")

    response = api_client.post(URL, {"refresh": refresh}, format="json")

    assert response.status_code == status.HTTP_204_NO_CONTENT


def test_jwt_logout_for_deleted_user_answers_no_content(api_client, user, refresh):
    user.delete()

    response = api_client.post(URL, {"refresh": refresh}, format="json")

    assert response.status_code == status.HTTP_204_NO_CONTENT


def test_jwt_logout_with_access_token_is_unauthorized(api_client, user, password):
    access = log_in(user, password)["access"]

    response = api_client.post(URL, {"refresh": access}, format="json")

    assert response.status_code == status.HTTP_401_UNAUTHORIZED


def test_jwt_logout_with_tampered_token_is_unauthorized(api_client, refresh):
    header, payload, signature = refresh.split(".")
    forged = ("B" if signature[0] == "A" else "A") + signature[1:]

    response = api_client.post(URL, {"refresh": f"{header}.{payload}.{forged}"}, format="json")

    assert response.status_code == status.HTTP_401_UNAUTHORIZED


def test_jwt_logout_with_expired_token_is_unauthorized(api_client, refresh):
    lifetime = settings.SIMPLE_JWT["REFRESH_TOKEN_LIFETIME"]

    with time_machine.travel(timezone.now() + lifetime + timedelta(minutes=1), tick=False):
        response = api_client.post(URL, {"refresh": refresh}, format="json")

    assert response.status_code == status.HTTP_401_UNAUTHORIZED


@pytest.mark.parametrize("token", ["garbage", "a.b.c", "", "x" * 100_000])
def test_jwt_logout_with_garbage_is_refused(api_client, token):
    response = api_client.post(URL, {"refresh": token}, format="json")

    assert response.status_code in (status.HTTP_400_BAD_REQUEST, status.HTTP_401_UNAUTHORIZED)
    assert isinstance(response.json(), dict)


def test_jwt_logout_without_token_is_refused(api_client):
    response = api_client.post(URL, {}, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["refresh"]


def test_jwt_logout_with_odd_value_is_refused(api_client, hostile_value):
    response = api_client.post(URL, {"refresh": hostile_value}, format="json")

    assert response.status_code in (status.HTTP_400_BAD_REQUEST, status.HTTP_401_UNAUTHORIZED)
    assert isinstance(response.json(), dict)


def test_jwt_logout_with_malformed_body_is_refused(api_client, malformed_json):
    response = api_client.post(URL, malformed_json, content_type="application/json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert isinstance(response.json(), dict)
