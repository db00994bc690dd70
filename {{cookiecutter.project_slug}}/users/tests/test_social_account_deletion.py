"""Accounts made by a social login have no password: DELETE users/me/ takes a fresh login
with one of their providers instead, and a password reset gives them a password."""

import pytest
from django.urls import reverse
from social_django.models import UserSocialAuth

from users.models import User
from users.tests.helpers import assert_field_error, can_log_in
from users.tests.mail import link_params
from users.tests.social_providers import (
    PROVIDERS,
    Profile,
    connected_account,
    fake_provider,
    start_login,
)

URL = reverse("user-me")


@pytest.fixture(params=PROVIDERS)
def provider(request, settings, db):
    with fake_provider(request.param, settings) as fake:
        yield fake


@pytest.fixture
def social_user(provider, user):
    user.set_unusable_password()
    user.save()
    connected_account(user, provider.name)
    return user


def confirmation(client, provider, profile=None):
    """The body of a DELETE confirmed by a login with `provider` just now."""
    provider.answer(profile)
    state = start_login(client, provider.name, "provider-connect")
    return {"provider": provider.name, "code": "provider-code", "state": state}


def test_delete_me_with_a_fresh_provider_login_deletes_the_account(
    auth_client, provider, social_user
):
    response = auth_client.delete(URL, confirmation(auth_client, provider), format="json")

    assert response.status_code == 204, response.content
    assert not User.objects.filter(pk=social_user.pk).exists()


def test_delete_me_without_password_or_provider_login_is_refused(auth_client, social_user):
    response = auth_client.delete(URL, {}, format="json")

    assert_field_error(response, "state")
    assert User.objects.filter(pk=social_user.pk).exists()


def test_delete_me_with_a_provider_account_not_connected_is_refused(
    auth_client, provider, social_user
):
    body = confirmation(auth_client, provider, Profile(uid="somebody-else"))

    response = auth_client.delete(URL, body, format="json")

    assert_field_error(response, "non_field_errors")
    assert User.objects.filter(pk=social_user.pk).exists()
    assert not UserSocialAuth.objects.filter(uid="somebody-else").exists()


def test_delete_me_with_a_spent_state_is_refused(auth_client, provider, social_user):
    body = confirmation(auth_client, provider, Profile(uid="somebody-else"))
    auth_client.delete(URL, body, format="json")
    provider.answer()

    response = auth_client.delete(URL, body, format="json")

    assert_field_error(response, "state")
    assert User.objects.filter(pk=social_user.pk).exists()


def test_delete_me_with_a_login_state_is_refused(auth_client, provider, social_user):
    provider.answer()
    state = start_login(auth_client, provider.name)
    body = {"provider": provider.name, "code": "provider-code", "state": state}

    response = auth_client.delete(URL, body, format="json")

    assert_field_error(response, "state")


def test_delete_me_with_an_unknown_provider_is_refused(auth_client, social_user):
    body = {"provider": "myspace", "code": "provider-code", "state": "state"}

    assert_field_error(auth_client.delete(URL, body, format="json"), "provider")


def test_delete_me_with_a_provider_error_is_refused(auth_client, provider, social_user):
    state = start_login(auth_client, provider.name, "provider-connect")
    provider.refuse_code()
    body = {"provider": provider.name, "code": "provider-code", "state": state}

    assert_field_error(auth_client.delete(URL, body, format="json"), "non_field_errors")


def test_user_with_a_password_still_needs_it(auth_client, provider, user):
    connected_account(user, provider.name)

    response = auth_client.delete(URL, confirmation(auth_client, provider), format="json")

    assert_field_error(response, "current_password")
    assert User.objects.filter(pk=user.pk).exists()


def test_password_reset_gives_a_social_user_a_password(api_client, social_user, mailoutbox):
    api_client.post(reverse("user-reset-password"), {"email": social_user.email})
    (message,) = mailoutbox
    new_password = "a brand new passphrase"
    body = {**link_params(message), "new_password": new_password}
{% if cookiecutter.password_reset_confirm_retype %}
    body["re_new_password"] = new_password
{% endif %}

    response = api_client.post(reverse("user-reset-password-confirm"), body)

    assert response.status_code == 204, response.content
    assert can_log_in(social_user.get_username(), new_password)


def test_social_user_cannot_log_in_with_an_empty_password(social_user):
    assert not can_log_in(social_user.get_username(), "")
