{% set field = cookiecutter.username_field %}
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from users.tests.factories import UserFactory
from users.tests.helpers import BAD_UIDS, assert_field_error, can_log_in
from users.tests.login_names import INVALID_LOGINS, NEW_LOGIN, TAKEN_LOGINS
from users.tests.mail import link_params
{% if cookiecutter.send_activation_email %}
from users.tokens import activation_token, encode_uid, password_reset_token
{% else %}
from users.tokens import encode_uid, password_reset_token
{% endif %}

URL = reverse("user-reset-username-confirm")


@pytest.fixture
def link(api_client, user, mailoutbox):
    """The uid and token of the {{ field }} reset link mailed to `user`."""
    api_client.post(reverse("user-reset-username"), {"email": user.email})
    return link_params(mailoutbox[-1])


def body(link, new_{{ field }}=NEW_LOGIN, **extra):
{% if cookiecutter.username_reset_confirm_retype %}
    extra.setdefault("re_new_{{ field }}", new_{{ field }})
{% endif %}
    return {**link, "new_{{ field }}": new_{{ field }}, **extra}


def assert_unchanged(user):
    old_{{ field }} = user.{{ field }}
    user.refresh_from_db()
    assert user.{{ field }} == old_{{ field }}


def test_reset_{{ field }}_confirm_sets_the_new_{{ field }}(api_client, user, password, link):
    old_{{ field }} = user.{{ field }}

    response = api_client.post(URL, body(link))

    assert response.status_code == 204
    user.refresh_from_db()
    assert user.{{ field }} == NEW_LOGIN
    assert can_log_in(NEW_LOGIN, password)
    assert not can_log_in(old_{{ field }}, password)


def test_reset_{{ field }}_link_works_once(api_client, user, link):
    api_client.post(URL, body(link))

    response = api_client.post(URL, body(link, "second" + NEW_LOGIN))

    assert_field_error(response, "token")
    user.refresh_from_db()
    assert user.{{ field }} == NEW_LOGIN


def test_reset_{{ field }}_link_expires(api_client, user, link):
    with time_machine.travel(timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 1)):
        response = api_client.post(URL, body(link))

    assert_field_error(response, "token")
    assert_unchanged(user)


def test_reset_{{ field }}_link_works_until_it_expires(api_client, link):
    with time_machine.travel(timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT - 60)):
        response = api_client.post(URL, body(link))

    assert response.status_code == 204


def test_reset_{{ field }}_link_is_spent_once_the_{{ field }}_changes(api_client, user, link):
    user.{{ field }} = "changed" + user.{{ field }}
    user.save()

    response = api_client.post(URL, body(link))

    assert_field_error(response, "token")


@pytest.mark.parametrize("uid", BAD_UIDS.values(), ids=BAD_UIDS.keys())
def test_reset_{{ field }}_confirm_with_bad_uid_is_refused(api_client, user, link, uid):
    response = api_client.post(URL, body(link, uid=uid))

    assert_field_error(response, "uid")
    assert_unchanged(user)


@pytest.mark.parametrize("token", ["", "garbage", "abc-0123456789abcdef0123", "-"])
def test_reset_{{ field }}_confirm_with_bad_token_is_refused(api_client, user, link, token):
    response = api_client.post(URL, body(link, token=token))

    assert_field_error(response, "token")
    assert_unchanged(user)


def test_reset_{{ field }}_confirm_with_another_users_token_is_refused(
    api_client, user, other_user, link, mailoutbox
):
    api_client.post(reverse("user-reset-username"), {"email": other_user.email})
    other_link = link_params(mailoutbox[-1])

    response = api_client.post(URL, body(link, token=other_link["token"]))

    assert_field_error(response, "token")
    assert_unchanged(user)
    assert_unchanged(other_user)


{% if cookiecutter.send_activation_email %}
@pytest.mark.parametrize("generator", [password_reset_token, activation_token])
def test_reset_{{ field }}_confirm_with_a_token_for_another_purpose_is_refused(
    api_client, user, generator
):
    link = {"uid": encode_uid(user.pk), "token": generator.make_token(user)}
{% else %}
def test_reset_{{ field }}_confirm_with_a_password_reset_token_is_refused(api_client, user):
    link = {"uid": encode_uid(user.pk), "token": password_reset_token.make_token(user)}
{% endif %}

    response = api_client.post(URL, body(link))

    assert_field_error(response, "token")
    assert_unchanged(user)


@pytest.mark.parametrize(("taken", "requested"), TAKEN_LOGINS, ids=["ascii", "non_ascii"])
def test_reset_{{ field }}_confirm_to_a_taken_{{ field }}_in_other_letter_case_is_refused(
    api_client, user, link, taken, requested
):
    UserFactory({{ field }}=taken)

    response = api_client.post(URL, body(link, requested))

    assert_field_error(response, "new_{{ field }}")
    assert_unchanged(user)


@pytest.mark.parametrize("invalid", INVALID_LOGINS)
def test_reset_{{ field }}_confirm_to_an_invalid_{{ field }}_is_refused(api_client, user, link, invalid):
    response = api_client.post(URL, body(link, invalid))

    assert_field_error(response, "new_{{ field }}")
    assert_unchanged(user)


def test_refused_reset_{{ field }}_confirm_leaves_the_link_usable(api_client, link):
    api_client.post(URL, body(link, INVALID_LOGINS[0]))

    response = api_client.post(URL, body(link))

    assert response.status_code == 204


@pytest.mark.parametrize("missing", ["uid", "token", "new_{{ field }}"])
def test_reset_{{ field }}_confirm_without_a_required_field_is_refused(api_client, link, missing):
    data = body(link)
    del data[missing]

    response = api_client.post(URL, data)

    assert_field_error(response, missing)
{% if cookiecutter.username_reset_confirm_retype %}


def test_reset_{{ field }}_confirm_with_mismatched_retype_is_refused(api_client, user, link):
    response = api_client.post(URL, body(link, re_new_{{ field }}="other" + NEW_LOGIN))

    assert_field_error(response, "non_field_errors")
    assert "new {{ field }}" in response.json()["non_field_errors"][0]
    assert_unchanged(user)


def test_reset_{{ field }}_confirm_without_the_retype_is_refused(api_client, link):
    data = body(link)
    del data["re_new_{{ field }}"]

    response = api_client.post(URL, data)

    assert_field_error(response, "re_new_{{ field }}")
{% endif %}
