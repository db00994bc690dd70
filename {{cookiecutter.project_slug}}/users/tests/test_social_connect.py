"""GET and POST o/{provider}/connect/: connect a provider to the logged-in user's account."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient
from social_django.models import UserSocialAuth

from users.tests.factories import UserFactory
from users.tests.helpers import assert_field_error
from users.tests.social_providers import (
    PROVIDERS,
    REDIRECT_URI,
    Profile,
    connected_account,
    fake_provider,
    finish_login,
    start_login,
)


@pytest.fixture(params=PROVIDERS)
def provider(request, settings, db):
    with fake_provider(request.param, settings) as fake:
        yield fake


def connect(client, provider, profile=None):
    provider.answer(profile)
    state = start_login(client, provider.name, "provider-connect")
    return finish_login(client, provider.name, state, "provider-connect")


def test_connect_url_takes_the_provider():
    assert reverse("provider-connect", args=["github"]) == "/auth/o/github/connect/"


def test_connecting_adds_the_provider_account_to_the_user(auth_client, user, provider):
    response = connect(auth_client, provider)

    assert response.status_code == 201, response.content
    account = UserSocialAuth.objects.get(user=user)
    assert response.json() == {
        "id": account.pk,
        "provider": provider.name,
        "uid": "Ab12Cd",
        "created": account.created.isoformat().replace("+00:00", "Z"),
    }


def test_connected_provider_then_logs_the_user_in(auth_client, user, provider):
    connect(auth_client, provider, Profile(email="another.address@example.com"))
    client = APIClient()
    provider.answer()

    response = finish_login(client, provider.name, start_login(client, provider.name))

    assert response.status_code == 201
    assert response.json()["user"]["id"] == user.pk


def test_provider_account_connected_to_someone_else_is_refused(auth_client, user, provider):
    other = UserFactory()
    connected_account(other, provider.name)

    response = connect(auth_client, provider)

    assert_field_error(response, "non_field_errors")
    assert not UserSocialAuth.objects.filter(user=user).exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_connecting_needs_a_logged_in_user(api_client, provider, method):
    url = reverse("provider-connect", args=[provider.name])

    response = getattr(api_client, method)(url, {"redirect_uri": REDIRECT_URI})

    assert response.status_code == 401


def test_login_state_does_not_connect(auth_client, user, provider):
    provider.answer()
    state = start_login(auth_client, provider.name)

    response = finish_login(auth_client, provider.name, state, "provider-connect")

    assert_field_error(response, "state")
    assert not UserSocialAuth.objects.filter(user=user).exists()


def test_someone_elses_connect_state_is_refused(auth_client, user, provider):
    other_client = APIClient()
    other_client.force_authenticate(UserFactory())
    provider.answer()
    state = start_login(other_client, provider.name, "provider-connect")

    response = finish_login(auth_client, provider.name, state, "provider-connect")

    assert_field_error(response, "state")


def test_connect_refuses_a_redirect_uri_not_allowed(auth_client, provider):
    url = reverse("provider-connect", args=[provider.name])

    response = auth_client.get(url, {"redirect_uri": "https://evil.example.com/"})

    assert_field_error(response, "redirect_uri")


def test_connect_to_an_unknown_provider_is_not_found(auth_client, db):
    response = auth_client.get(
        reverse("provider-connect", args=["myspace"]), {"redirect_uri": REDIRECT_URI}
    )

    assert response.status_code == 404


def test_connecting_is_logged(auth_client, user, provider, caplog):
    with caplog.at_level("INFO", logger="users.auth"):
        connect(auth_client, provider)

    events = [record.event for record in caplog.records if record.name == "users.auth"]
    assert events[-1] == "social_connected"
