from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import RefreshToken
{% endif %}

from users.tests.helpers import (
    BAD_UIDS,
    assert_field_error,
    authorization_headers,
    can_log_in,
{% if cookiecutter.token_strategy in ["token", "both"] %}
    drf_token,
{% endif %}
    me_status,
)
from users.tests.mail import link_params
{% if cookiecutter.send_activation_email %}
from users.tokens import activation_token, encode_uid, username_reset_token
{% else %}
from users.tokens import encode_uid, username_reset_token
{% endif %}

URL = reverse("user-reset-password-confirm")
NEW_PASSWORD = "a new and longer passphrase"


@pytest.fixture
def link(api_client, user, mailoutbox):
    """The uid and token of the password reset link mailed to `user`."""
    api_client.post(reverse("user-reset-password"), {"email": user.email})
    return link_params(mailoutbox[-1])


def body(link, new_password=NEW_PASSWORD, **extra):
{% if cookiecutter.password_reset_confirm_retype %}
    extra.setdefault("re_new_password", new_password)
{% endif %}
    return {**link, "new_password": new_password, **extra}


def test_reset_password_confirm_sets_the_new_password(api_client, user, password, link):
    response = api_client.post(URL, body(link))

    assert response.status_code == 204
    assert can_log_in(user.get_username(), NEW_PASSWORD)
    assert not can_log_in(user.get_username(), password)


def test_reset_password_link_works_once(api_client, link):
    api_client.post(URL, body(link))

    response = api_client.post(URL, body(link, "yet another long passphrase"))

    assert_field_error(response, "token")


def test_reset_password_link_expires(api_client, user, password, link):
    with time_machine.travel(timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 1)):
        response = api_client.post(URL, body(link))

    assert_field_error(response, "token")
    user.refresh_from_db()
    assert user.check_password(password)


def test_reset_password_link_works_until_it_expires(api_client, link):
    with time_machine.travel(timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT - 60)):
        response = api_client.post(URL, body(link))

    assert response.status_code == 204


def test_reset_password_link_is_spent_once_the_password_changes(api_client, user, link):
    user.set_password("changed some other way")
    user.save()

    response = api_client.post(URL, body(link))

    assert_field_error(response, "token")


@pytest.mark.parametrize("uid", BAD_UIDS.values(), ids=BAD_UIDS.keys())
def test_reset_password_confirm_with_bad_uid_is_refused(api_client, link, uid):
    response = api_client.post(URL, body(link, uid=uid))

    assert_field_error(response, "uid")


@pytest.mark.parametrize("token", ["", "garbage", "abc-0123456789abcdef0123", "-"])
def test_reset_password_confirm_with_bad_token_is_refused(api_client, link, token):
    response = api_client.post(URL, body(link, token=token))

    assert_field_error(response, "token")


def test_reset_password_confirm_with_another_users_token_is_refused(
    api_client, user, other_user, password, link, mailoutbox
):
    api_client.post(reverse("user-reset-password"), {"email": other_user.email})
    other_link = link_params(mailoutbox[-1])

    response = api_client.post(URL, body(link, token=other_link["token"]))

    assert_field_error(response, "token")
    user.refresh_from_db()
    other_user.refresh_from_db()
    assert user.check_password(password)
    assert other_user.check_password(password)


{% if cookiecutter.send_activation_email %}
@pytest.mark.parametrize("generator", [username_reset_token, activation_token])
def test_reset_password_confirm_with_a_token_for_another_purpose_is_refused(
    api_client, user, generator
):
    link = {"uid": encode_uid(user.pk), "token": generator.make_token(user)}
{% else %}
def test_reset_password_confirm_with_a_username_reset_token_is_refused(api_client, user):
    link = {"uid": encode_uid(user.pk), "token": username_reset_token.make_token(user)}
{% endif %}

    response = api_client.post(URL, body(link))

    assert_field_error(response, "token")


@pytest.mark.parametrize("weak_password", ["short", "password", "12345678901234"])
def test_reset_password_confirm_to_a_weak_password_is_refused(
    api_client, user, password, link, weak_password
):
    response = api_client.post(URL, body(link, weak_password))

    assert_field_error(response, "new_password")
    user.refresh_from_db()
    assert user.check_password(password)


def test_refused_reset_password_confirm_leaves_the_link_usable(api_client, link):
    api_client.post(URL, body(link, "short"))

    response = api_client.post(URL, body(link))

    assert response.status_code == 204


@pytest.mark.parametrize("missing", ["uid", "token", "new_password"])
def test_reset_password_confirm_without_a_required_field_is_refused(api_client, link, missing):
    data = body(link)
    del data[missing]

    response = api_client.post(URL, data)

    assert_field_error(response, missing)
{% if cookiecutter.password_reset_confirm_retype %}


def test_reset_password_confirm_with_mismatched_retype_is_refused(api_client, user, password, link):
    response = api_client.post(URL, body(link, re_new_password="something else entirely"))

    assert_field_error(response, "non_field_errors")
    assert "new password" in response.json()["non_field_errors"][0]
    user.refresh_from_db()
    assert user.check_password(password)


def test_reset_password_confirm_without_the_retype_is_refused(api_client, link):
    data = body(link)
    del data["re_new_password"]

    response = api_client.post(URL, data)

    assert_field_error(response, "re_new_password")
{% endif %}


def test_reset_password_confirm_ends_every_session_of_the_user(api_client, user, link):
    headers = authorization_headers(user)
    assert all(me_status(header) == 200 for header in headers.values())

    response = api_client.post(URL, body(link))

    assert response.status_code == 204
    assert {kind: me_status(header) for kind, header in headers.items()} == dict.fromkeys(
        headers, 401
    )
{% if cookiecutter.token_strategy in ["token", "both"] %}


def test_reset_password_confirm_ends_the_drf_token_of_every_device(api_client, user, link):
    keys = [drf_token(user) for _device in range(3)]

    response = api_client.post(URL, body(link))

    assert response.status_code == 204
    assert not user.auth_tokens.exists()
    assert [me_status(f"Token {key}") for key in keys] == [401] * 3
{% endif %}
{% if cookiecutter.token_strategy in ["jwt", "both"] %}


def test_reset_password_confirm_ends_refresh_tokens(api_client, user, link):
    refresh = RefreshToken.for_user(user)

    api_client.post(URL, body(link))

    response = APIClient().post(reverse("jwt-refresh"), {"refresh": str(refresh)})
    assert response.status_code == 401
{% endif %}
