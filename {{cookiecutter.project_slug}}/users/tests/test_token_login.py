import pytest
from django.urls import reverse
from rest_framework import status
from rest_framework.test import APIClient

from users.authtoken import hash_key
from users.models import AuthToken, User

pytestmark = pytest.mark.django_db

URL = reverse("login").rstrip("/")
LOGIN_FIELD = User.USERNAME_FIELD


def credentials(user, password):
    return {LOGIN_FIELD: user.get_username(), "password": password}


@pytest.mark.parametrize("url", [URL, URL + "/"], ids=["no_slash", "slash"])
def test_login_answers_with_auth_token(api_client, user, password, url):
    response = api_client.post(url, credentials(user, password), format="json")

    assert response.status_code == status.HTTP_200_OK
    assert list(response.json()) == ["auth_token"]
    assert AuthToken.objects.get(user=user).key_hash == hash_key(response.json()["auth_token"])


def test_login_token_authenticates_requests(api_client, user, password):
    key = api_client.post(URL, credentials(user, password), format="json").json()["auth_token"]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")

    response = client.get(reverse("user-me"))

    assert response.status_code == status.HTTP_200_OK
    assert response.json()["id"] == user.pk


def test_login_matches_login_field_in_any_case(api_client, user, password):
    body = {LOGIN_FIELD: user.get_username().upper(), "password": password}

    response = api_client.post(URL, body, format="json")

    assert response.status_code == status.HTTP_200_OK
    assert AuthToken.objects.get(user=user).key_hash == hash_key(response.json()["auth_token"])


def test_each_login_gets_its_own_working_token(api_client, user, password):
    first = api_client.post(URL, credentials(user, password), format="json").json()["auth_token"]
    second = api_client.post(URL, credentials(user, password), format="json").json()["auth_token"]

    assert first != second
    assert user.auth_tokens.count() == 2
    for key in (first, second):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        assert client.get(reverse("user-me")).status_code == status.HTTP_200_OK


def test_login_stores_only_a_hash_of_the_token(api_client, user, password):
    key = api_client.post(URL, credentials(user, password), format="json").json()["auth_token"]

    row = AuthToken.objects.filter(user=user).values_list().get()
    assert hash_key(key) in row
    assert not any(key in str(value) for value in row)


def test_login_records_the_device(user, password):
    client = APIClient(REMOTE_ADDR="192.0.2.7", HTTP_USER_AGENT="ExampleApp/2.1 (Android 15)")

    client.post(URL, credentials(user, password), format="json")

    token = AuthToken.objects.get(user=user)
    assert token.user_agent == "ExampleApp/2.1 (Android 15)"
    assert token.ip_address == "192.0.2.7"
    assert token.last_used is None


def test_login_truncates_a_long_user_agent(user, password):
    client = APIClient(HTTP_USER_AGENT="x" * 10_000)

    response = client.post(URL, credentials(user, password), format="json")

    assert response.status_code == status.HTTP_200_OK
    assert AuthToken.objects.get(user=user).user_agent == "x" * 200


def test_login_records_last_login(api_client, user, password):
    api_client.post(URL, credentials(user, password), format="json")

    user.refresh_from_db()
    assert user.last_login is not None


def test_login_with_wrong_password_is_refused(api_client, user, password):
    response = api_client.post(URL, credentials(user, password + "x"), format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["non_field_errors"]
    assert not AuthToken.objects.exists()


def test_login_with_password_in_other_case_is_refused(api_client, user, password):
    response = api_client.post(URL, credentials(user, password.upper()), format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST


def test_login_does_not_trim_the_password(api_client, user, password):
    response = api_client.post(URL, credentials(user, f" {password} "), format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST


def test_login_gives_one_answer_for_wrong_password_unknown_and_inactive_user(
    api_client, user, inactive_user, password
):
    wrong_password = api_client.post(URL, credentials(user, "wrong"), format="json")
    unknown = api_client.post(URL, {LOGIN_FIELD: "nobody", "password": password}, format="json")
    inactive = api_client.post(URL, credentials(inactive_user, password), format="json")

    assert wrong_password.status_code == status.HTTP_400_BAD_REQUEST
    assert unknown.status_code == status.HTTP_400_BAD_REQUEST
    assert inactive.status_code == status.HTTP_400_BAD_REQUEST
    assert list(wrong_password.json()) == ["non_field_errors"]
    assert wrong_password.json() == unknown.json() == inactive.json()


def test_login_goes_through_authentication_backends(api_client, user, password, settings):
    # A backend that refuses everyone: login must not look the password up itself.
    settings.AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.BaseBackend"]

    response = api_client.post(URL, credentials(user, password), format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["non_field_errors"]
    assert not AuthToken.objects.exists()


def test_login_without_fields_names_both(api_client):
    response = api_client.post(URL, {}, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert sorted(response.json()) == sorted([LOGIN_FIELD, "password"])


@pytest.mark.parametrize("field", [LOGIN_FIELD, "password"])
def test_login_with_100_kb_field_is_refused(api_client, user, password, field):
    body = {**credentials(user, password), field: "a" * 100_000}

    response = api_client.post(URL, body, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == [field]


@pytest.mark.parametrize("field", [LOGIN_FIELD, "password"])
def test_login_with_odd_value_is_refused(api_client, user, password, field, hostile_value):
    body = {**credentials(user, password), field: hostile_value}

    response = api_client.post(URL, body, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert isinstance(response.json(), dict)
    assert not AuthToken.objects.exists()


def test_login_with_malformed_body_is_refused(api_client, malformed_json):
    response = api_client.post(URL, malformed_json, content_type="application/json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert isinstance(response.json(), dict)


def test_login_with_form_encoded_body_works(api_client, user, password):
    response = api_client.post(URL, credentials(user, password))

    assert response.status_code == status.HTTP_200_OK
