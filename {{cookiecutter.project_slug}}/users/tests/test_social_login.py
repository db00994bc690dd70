{% set jwt = cookiecutter.token_strategy in ["jwt", "both"] %}
{% set drf_token = cookiecutter.token_strategy in ["token", "both"] %}
"""GET and POST o/{provider}/: log in with a provider, against a fake of each provider."""

import time
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.contrib.auth.signals import user_logged_in
from django.urls import reverse
from rest_framework.test import APIClient
from social_django.models import UserSocialAuth

{% if cookiecutter.mfa %}
from mfa.tests.helpers import enable_mfa
{% endif %}
{% if cookiecutter.jwt_cookie %}
from users.jwt_cookies import ACCESS_COOKIE, REFRESH_COOKIE
{% endif %}
from users.managers import UserQuerySet
from users.models import User
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

# Providers that tell whether they verified the address (see users.social.email_verification).
VOUCHING_PROVIDERS = {"apple-id", "github", "google-oauth2"}


@pytest.fixture(params=PROVIDERS)
def provider(request, settings, db):
    with fake_provider(request.param, settings) as fake:
        yield fake


def log_in(provider, profile=None, client=None):
    client = client or APIClient()
    provider.answer(profile)
    return finish_login(client, provider.name, start_login(client, provider.name))


def test_get_answers_the_provider_url_with_our_redirect_uri_and_a_state(api_client, provider):
    response = api_client.get(
        reverse("provider-auth", args=[provider.name]), {"redirect_uri": REDIRECT_URI}
    )

    assert response.status_code == 200
    query = parse_qs(urlsplit(response.json()["authorization_url"]).query)
    assert query["redirect_uri"] == [REDIRECT_URI]
    assert query["state"]


@pytest.mark.parametrize(
    "redirect_uri",
    [
        "https://evil.example.com/social/callback/",
        REDIRECT_URI + "extra/",
        REDIRECT_URI.rstrip("/"),
        REDIRECT_URI + "?next=https://evil.example.com/",
        REDIRECT_URI.replace("app.example.com", "app.example.com.evil.example"),
        " " + REDIRECT_URI,
        "",
    ],
)
def test_get_refuses_a_redirect_uri_not_exactly_allowed(api_client, provider, redirect_uri):
    response = api_client.get(
        reverse("provider-auth", args=[provider.name]), {"redirect_uri": redirect_uri}
    )

    assert_field_error(response, "redirect_uri")


def test_get_without_redirect_uri_is_refused(api_client, provider):
    response = api_client.get(reverse("provider-auth", args=[provider.name]))

    assert_field_error(response, "redirect_uri")


@pytest.mark.parametrize("method", ["get", "post"])
def test_unknown_provider_is_not_found(api_client, db, method):
    response = getattr(api_client, method)(
        reverse("provider-auth", args=["myspace"]), {"redirect_uri": REDIRECT_URI}
    )

    assert response.status_code == 404
    assert "detail" in response.json()


def test_first_login_creates_an_active_user_without_a_usable_password(provider):
    response = log_in(provider)

    assert response.status_code == 201, response.content
    user = User.objects.get(email="social.user@example.com")
    assert response.json()["user"]["id"] == user.pk
    assert user.is_active
    assert not user.has_usable_password()
    assert UserSocialAuth.objects.filter(user=user, provider=provider.name).count() == 1


def test_login_answers_the_projects_tokens_which_authenticate(provider):
    body = log_in(provider).json()

{% if jwt %}
    assert set(body) >= {"access", "refresh"}
    me = APIClient().get(reverse("user-me"), HTTP_AUTHORIZATION=f"Bearer {body['access']}")
    assert me.status_code == 200
{% endif %}
{% if drf_token %}
    assert "auth_token" in body
    me = APIClient().get(reverse("user-me"), HTTP_AUTHORIZATION=f"Token {body['auth_token']}")
    assert me.status_code == 200
{% endif %}


def test_login_also_takes_a_json_body(api_client, provider):
    state = start_login(api_client, provider.name)
    provider.answer()

    response = api_client.post(
        reverse("provider-auth", args=[provider.name]),
        {"code": "provider-code", "state": state},
        format="json",
    )

    assert response.status_code == 201, response.content


def test_second_login_logs_in_the_same_user(provider):
    first = log_in(provider).json()["user"]["id"]
    second = log_in(provider)

    assert second.status_code == 201
    assert second.json()["user"]["id"] == first
    assert User.objects.count() == 1


def test_login_sends_user_logged_in(provider, catch_signal):
    calls = catch_signal(user_logged_in)
    log_in(provider)

    assert [call["user"].email for call in calls] == ["social.user@example.com"]


def test_replayed_state_is_refused(api_client, provider):
    state = start_login(api_client, provider.name)
    provider.answer()
    assert finish_login(api_client, provider.name, state).status_code == 201
    provider.answer()

    assert_field_error(finish_login(api_client, provider.name, state), "state")


def test_state_is_spent_even_when_the_login_fails(api_client, provider):
    state = start_login(api_client, provider.name)
    provider.refuse_code()
    finish_login(api_client, provider.name, state)
    provider.answer()

    assert_field_error(finish_login(api_client, provider.name, state), "state")


@pytest.mark.parametrize("state", ["", "forged", "a" * 256, "x.1.y:signature"])
def test_forged_state_is_refused(api_client, provider, state):
    provider.answer()

    response = finish_login(api_client, provider.name, state)

    assert response.status_code == 400
    assert "state" in response.json()


def test_state_of_another_provider_is_refused(api_client, provider, settings):
    settings.SOCIAL_AUTH_AUTHENTICATION_BACKENDS = [
        *settings.SOCIAL_AUTH_AUTHENTICATION_BACKENDS,
        "social_core.backends.dropbox.DropboxOAuth2V2",
    ]
    state = start_login(api_client, "dropbox-oauth2")
    provider.answer()

    assert_field_error(finish_login(api_client, provider.name, state), "state")


def test_expired_state_is_refused(api_client, provider, settings):
    state = start_login(api_client, provider.name)
    provider.answer()

    with time_machine.travel(time.time() + settings.SOCIAL_AUTH_STATE_MAX_AGE + 1, tick=False):
        response = finish_login(api_client, provider.name, state)

    assert_field_error(response, "state")


def test_state_for_a_redirect_uri_no_longer_allowed_is_refused(api_client, provider, settings):
    state = start_login(api_client, provider.name)
    settings.SOCIAL_AUTH_ALLOWED_REDIRECT_URIS = ["https://app.example.com/elsewhere/"]
    provider.answer()

    assert_field_error(finish_login(api_client, provider.name, state), "state")


def test_provider_refusing_the_code_answers_400(api_client, provider):
    state = start_login(api_client, provider.name)
    provider.refuse_code()

    response = finish_login(api_client, provider.name, state)

    assert_field_error(response, "non_field_errors")
    assert User.objects.count() == 0


def test_unreachable_provider_answers_400(api_client, provider):
    state = start_login(api_client, provider.name)

    assert_field_error(finish_login(api_client, provider.name, state), "non_field_errors")


@pytest.mark.parametrize("field", ["code", "state"])
def test_post_without_code_or_state_is_refused(api_client, provider, field):
    body = {"code": "provider-code", "state": "state"}
    del body[field]

    response = api_client.post(reverse("provider-auth", args=[provider.name]), body)

    assert_field_error(response, field)


def test_login_without_an_email_from_the_provider_is_refused(provider):
    response = log_in(provider, Profile(email=""))

    assert_field_error(response, "non_field_errors")
    assert User.objects.count() == 0


def test_login_with_the_email_of_an_existing_account_does_not_log_into_it(provider):
    owner = UserFactory(email="social.user@example.com")

    response = log_in(provider)

    assert_field_error(response, "non_field_errors")
    assert not UserSocialAuth.objects.filter(user=owner).exists()


def test_losing_a_race_for_the_email_does_not_log_into_the_account(provider, monkeypatch):
    # As if the address were registered between the check and the insert: the conflict
    # must not hand over the account that holds the address (CVE-2025-61783).
    owner = UserFactory(email="social.user@example.com")
    monkeypatch.setattr(UserQuerySet, "with_email", lambda users, email: users.none())

    response = log_in(provider)

    assert_field_error(response, "non_field_errors")
    assert not UserSocialAuth.objects.filter(user=owner).exists()


def test_verified_email_logs_into_the_existing_account_when_opted_in(provider, settings):
    settings.SOCIAL_AUTH_ASSOCIATE_BY_VERIFIED_EMAIL = True
    owner = UserFactory(email="Social.User@example.com")

    response = log_in(provider)

    if provider.name in VOUCHING_PROVIDERS:
        assert response.status_code == 201, response.content
        assert response.json()["user"]["id"] == owner.pk
    else:
        assert_field_error(response, "non_field_errors")


def test_unverified_email_never_logs_into_the_existing_account(provider, settings):
    settings.SOCIAL_AUTH_ASSOCIATE_BY_VERIFIED_EMAIL = True
    owner = UserFactory(email="social.user@example.com")

    response = log_in(provider, Profile(email_verified=False))

    assert response.status_code == 400
    assert not UserSocialAuth.objects.filter(user=owner).exists()


def test_first_login_with_an_address_the_provider_has_not_verified_is_refused(provider):
    response = log_in(provider, Profile(email_verified=False))

    if provider.name in VOUCHING_PROVIDERS:
        assert_field_error(response, "non_field_errors")
        assert User.objects.count() == 0
    else:
        assert response.status_code == 201


def test_provider_uid_must_match_exactly(provider):
    other = UserFactory()
    connected_account(other, provider.name, "AB12CD")

    response = log_in(provider, Profile(uid="Ab12Cd"))

    assert response.status_code == 201
    assert response.json()["user"]["id"] != other.pk


def test_inactive_user_cannot_log_in(provider):
    user = UserFactory(is_active=False)
    connected_account(user, provider.name)

    response = log_in(provider)

    assert_field_error(response, "non_field_errors")
    assert "inactive" in response.json()["non_field_errors"][0]
{% if cookiecutter.jwt_cookie %}


def test_browser_login_also_sets_the_jwt_cookies(provider):
    browser = APIClient(enforce_csrf_checks=True)
    state = start_login(browser, provider.name)
    provider.answer()
    csrf = browser.get(reverse("csrf")).json()["csrf_token"]

    response = browser.post(
        reverse("provider-auth", args=[provider.name]),
        {"code": "provider-code", "state": state},
        HTTP_ORIGIN="http://testserver",
        HTTP_X_CSRFTOKEN=csrf,
    )

    assert response.status_code == 201, response.content
    assert response.cookies[ACCESS_COOKIE]["httponly"]
    assert response.cookies[REFRESH_COOKIE]["httponly"]


def test_browser_login_without_csrf_token_is_forbidden(provider):
    browser = APIClient(enforce_csrf_checks=True)
    state = start_login(browser, provider.name)
    provider.answer()

    response = browser.post(
        reverse("provider-auth", args=[provider.name]),
        {"code": "provider-code", "state": state},
        HTTP_ORIGIN="http://testserver",
    )

    assert response.status_code == 403
    assert User.objects.count() == 0
{% endif %}
{% if cookiecutter.mfa %}


def test_user_with_a_second_factor_gets_a_challenge_instead_of_tokens(provider):
    user = UserFactory(email="social.user@example.com")
    connected_account(user, provider.name)
    enable_mfa(user)

    response = log_in(provider)

    assert response.status_code == 200, response.content
    assert response.json()["mfa_required"] is True
    assert set(response.json()) == {"mfa_required", "challenge"}
{% endif %}
