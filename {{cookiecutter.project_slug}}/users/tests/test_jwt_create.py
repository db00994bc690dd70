import pytest
from django.urls import reverse
from rest_framework import status
from rest_framework.test import APIClient

from users.jwt import RefreshToken
from users.models import User

pytestmark = pytest.mark.django_db

URL = reverse("jwt-create")
LOGIN_FIELD = User.USERNAME_FIELD
BAD_HEADERS = ["Bearer garbage", "Bearer", "JWT a b", "Bearer " + "a" * 100_000]


def credentials(user, password):
    return {LOGIN_FIELD: user.get_username(), "password": password}


def test_jwt_create_answers_with_access_and_refresh(api_client, user, password):
    response = api_client.post(URL, credentials(user, password), format="json")

    assert response.status_code == status.HTTP_200_OK
    assert sorted(response.json()) == ["access", "refresh"]


def test_jwt_create_starts_a_new_token_family_per_login(api_client, user, password):
    logins = [api_client.post(URL, credentials(user, password), format="json") for _ in "12"]

    first, second = (RefreshToken(login.json()["refresh"]) for login in logins)

    assert first.family == first["jti"]
    assert second.family == second["jti"]
    assert first.family != second.family


@pytest.mark.parametrize("header_type", ["Bearer", "JWT"])
def test_jwt_access_token_authenticates_requests(api_client, user, password, header_type):
    access = api_client.post(URL, credentials(user, password), format="json").json()["access"]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"{header_type} {access}")

    response = client.get(reverse("user-me"))

    assert response.status_code == status.HTTP_200_OK
    assert response.json()["id"] == user.pk


def test_jwt_refresh_token_does_not_authenticate_requests(api_client, user, password):
    refresh = api_client.post(URL, credentials(user, password), format="json").json()["refresh"]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {refresh}")

    response = client.get(reverse("user-me"))

    assert response.status_code == status.HTTP_401_UNAUTHORIZED


@pytest.mark.parametrize("header", BAD_HEADERS)
def test_bad_bearer_header_is_unauthorized(api_client, header):
    api_client.credentials(HTTP_AUTHORIZATION=header)

    response = api_client.get(reverse("user-me"))

    assert response.status_code == status.HTTP_401_UNAUTHORIZED
    assert isinstance(response.json(), dict)


def test_jwt_create_matches_login_field_in_any_case(api_client, user, password):
    body = {LOGIN_FIELD: user.get_username().upper(), "password": password}

    response = api_client.post(URL, body, format="json")

    assert response.status_code == status.HTTP_200_OK


def test_jwt_create_with_wrong_password_is_unauthorized(api_client, user, password):
    response = api_client.post(URL, credentials(user, password + "x"), format="json")

    assert response.status_code == status.HTTP_401_UNAUTHORIZED
    assert list(response.json()) == ["detail"]


def test_jwt_create_gives_one_answer_for_wrong_password_unknown_and_inactive_user(
    api_client, user, inactive_user, password
):
    wrong_password = api_client.post(URL, credentials(user, "wrong"), format="json")
    unknown = api_client.post(URL, {LOGIN_FIELD: "nobody", "password": password}, format="json")
    inactive = api_client.post(URL, credentials(inactive_user, password), format="json")

    assert wrong_password.status_code == status.HTTP_401_UNAUTHORIZED
    assert unknown.status_code == status.HTTP_401_UNAUTHORIZED
    assert inactive.status_code == status.HTTP_401_UNAUTHORIZED
    assert wrong_password.json() == unknown.json() == inactive.json()


def test_jwt_create_goes_through_authentication_backends(api_client, user, password, settings):
    settings.AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.BaseBackend"]

    response = api_client.post(URL, credentials(user, password), format="json")

    assert response.status_code == status.HTTP_401_UNAUTHORIZED


def test_jwt_create_without_fields_names_both(api_client):
    response = api_client.post(URL, {}, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert sorted(response.json()) == sorted([LOGIN_FIELD, "password"])


@pytest.mark.parametrize("field", [LOGIN_FIELD, "password"])
def test_jwt_create_with_100_kb_field_is_refused(api_client, user, password, field):
    body = {**credentials(user, password), field: "a" * 100_000}

    response = api_client.post(URL, body, format="json")

    assert response.status_code in (status.HTTP_400_BAD_REQUEST, status.HTTP_401_UNAUTHORIZED)
    assert isinstance(response.json(), dict)


@pytest.mark.parametrize("field", [LOGIN_FIELD, "password"])
def test_jwt_create_with_odd_value_is_refused(api_client, user, password, field, hostile_value):
    body = {**credentials(user, password), field: hostile_value}

    response = api_client.post(URL, body, format="json")

    assert response.status_code in (status.HTTP_400_BAD_REQUEST, status.HTTP_401_UNAUTHORIZED)
    assert isinstance(response.json(), dict)


def test_jwt_create_with_malformed_body_is_refused(api_client, malformed_json):
    response = api_client.post(URL, malformed_json, content_type="application/json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert isinstance(response.json(), dict)
