import pytest
from django.urls import reverse
from rest_framework import status

from users.authtoken import hash_key
from users.models import AuthToken
{% if cookiecutter.token_strategy == "both" %}
from users.tests.helpers import authorization_headers, drf_token, me_status
{% else %}
from users.tests.helpers import drf_token, me_status
{% endif %}

pytestmark = pytest.mark.django_db

URL = reverse("logout").rstrip("/")


@pytest.fixture
def token(user):
    return drf_token(user)


@pytest.fixture
def token_client(api_client, token):
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return api_client


@pytest.mark.parametrize("url", [URL, URL + "/"], ids=["no_slash", "slash"])
def test_logout_deletes_the_token(token_client, user, url):
    response = token_client.post(url)

    assert response.status_code == status.HTTP_204_NO_CONTENT
    assert not AuthToken.objects.filter(user=user).exists()


def test_logged_out_token_no_longer_authenticates(token_client):
    token_client.post(URL)

    response = token_client.get(reverse("user-me"))

    assert response.status_code == status.HTTP_401_UNAUTHORIZED


def test_logout_leaves_the_users_other_devices_logged_in(token_client, user, token):
    other_device = drf_token(user)

    token_client.post(URL)

    assert me_status(f"Token {other_device}") == status.HTTP_200_OK
    assert list(AuthToken.objects.values_list("key_hash", flat=True)) == [hash_key(other_device)]


def test_logout_leaves_other_users_logged_in(token_client, other_user):
    other_token = drf_token(other_user)

    token_client.post(URL)

    assert me_status(f"Token {other_token}") == status.HTTP_200_OK


def test_logout_for_anonymous_is_unauthorized(api_client):
    response = api_client.post(URL)

    assert response.status_code == status.HTTP_401_UNAUTHORIZED
    assert "detail" in response.json()


@pytest.mark.parametrize("header", ["Token wrong", "Token", "Token a b", "Bearer x", "x" * 100_000])
def test_logout_with_bad_authorization_header_is_unauthorized(api_client, token, header):
    api_client.credentials(HTTP_AUTHORIZATION=header)

    response = api_client.post(URL)

    assert response.status_code == status.HTTP_401_UNAUTHORIZED
    assert AuthToken.objects.filter(key_hash=hash_key(token)).exists()


def test_options_on_logout_answers_and_keeps_the_token(token_client, token):
    response = token_client.options(URL + "/")

    assert response.status_code == status.HTTP_200_OK
    assert me_status(f"Token {token}") == status.HTTP_200_OK


def test_logout_ignores_a_malformed_body(token_client, user, malformed_json):
    response = token_client.post(URL, malformed_json, content_type="application/json")

    assert response.status_code in (status.HTTP_204_NO_CONTENT, status.HTTP_400_BAD_REQUEST)
    if response.status_code == status.HTTP_400_BAD_REQUEST:
        assert isinstance(response.json(), dict)
{% if cookiecutter.token_strategy == "both" %}


def test_logout_with_a_jwt_leaves_the_drf_tokens(api_client, user, token):
    api_client.credentials(HTTP_AUTHORIZATION=authorization_headers(user)["jwt"])

    response = api_client.post(URL)

    assert response.status_code == status.HTTP_204_NO_CONTENT
    assert me_status(f"Token {token}") == status.HTTP_200_OK
{% endif %}
