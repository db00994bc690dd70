{% set drf_token = cookiecutter.token_strategy in ["token", "both"] %}
{% set jwt = cookiecutter.token_strategy in ["jwt", "both"] %}
import json
import logging

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from config.logging import JSONFormatter
{% if jwt %}
from users.jwt import RefreshToken
{% endif %}
from users.models import User
from users.tests.factories import PASSWORD
{% if drf_token %}
from users.tests.helpers import LOGIN_URLS, authorization_headers, registration_body
{% else %}
from users.tests.helpers import LOGIN_URLS, registration_body
{% endif %}
from users.tests.mail import link_params

LOGIN = "{{ cookiecutter.username_field }}"
NEW_PASSWORD = "a new and longer passphrase"


@pytest.fixture
def auth_events(caplog):
    caplog.set_level(logging.INFO, logger="users.auth")
    return lambda: [record for record in caplog.records if record.name == "users.auth"]


@pytest.mark.parametrize("url", LOGIN_URLS)
def test_login_is_logged_with_user_and_address(auth_events, user, url):
    APIClient(REMOTE_ADDR="192.0.2.7").post(url, {LOGIN: user.get_username(), "password": PASSWORD})

    (record,) = auth_events()
    assert (record.event, record.user_id, record.ip) == ("login_succeeded", user.pk, "192.0.2.7")


@pytest.mark.parametrize("url", LOGIN_URLS)
def test_failed_login_is_logged_without_the_credentials(auth_events, user, url):
    APIClient().post(url, {LOGIN: user.get_username(), "password": "hunter2-guess"})

    (record,) = auth_events()
    assert record.event == "login_failed"
    assert "hunter2" not in JSONFormatter().format(record)
    assert user.get_username() not in JSONFormatter().format(record)


def test_password_reset_events_are_logged(auth_events, user, mailoutbox):
    client = APIClient()
    client.post(reverse("user-reset-password"), {"email": user.email})

    assert [record.event for record in auth_events()] == ["password_reset_requested"]
    assert "token" not in JSONFormatter().format(auth_events()[0])


def test_records_are_json_lines_with_the_event_fields(auth_events, user):
    APIClient().post(LOGIN_URLS[0], {LOGIN: user.get_username(), "password": PASSWORD})

    entry = json.loads(JSONFormatter().format(auth_events()[0]))

    assert entry["event"] == "login_succeeded"
    assert entry["user_id"] == user.pk
    assert entry["logger"] == "users.auth"


def test_registration_is_logged(auth_events, db):
    client = APIClient(REMOTE_ADDR="192.0.2.8")

    client.post(reverse("user-list"), registration_body(), format="json")

    (record,) = auth_events()
    assert (record.event, record.ip) == ("user_registered", "192.0.2.8")
    assert record.user_id == User.objects.get().pk


def test_password_change_is_logged(auth_events, auth_client, user):
    body = {"current_password": PASSWORD, "new_password": NEW_PASSWORD}
{% if cookiecutter.set_password_retype %}
    body["re_new_password"] = NEW_PASSWORD
{% endif %}
    auth_client.post(reverse("user-set-password"), body, format="json")

    (record,) = auth_events()
    assert (record.event, record.user_id) == ("password_changed", user.pk)
    assert NEW_PASSWORD not in JSONFormatter().format(record)


def test_email_change_request_and_confirmation_are_logged(
    auth_events, auth_client, user, mailoutbox
):
{% if cookiecutter.username_field == "email" %}
    body = {"current_password": PASSWORD, "new_email": "grace@example.com"}
{% if cookiecutter.set_username_retype %}
    body["re_new_email"] = "grace@example.com"
{% endif %}
    auth_client.post(reverse("user-set-username"), body)
{% else %}
    auth_client.patch(reverse("user-me"), {"email": "grace@example.com"}, format="json")
{% endif %}
    [link_mail] = [message for message in mailoutbox if message.to == ["grace@example.com"]]
    APIClient().post(reverse("user-change-email-confirm"), link_params(link_mail))

    events = [(record.event, record.user_id) for record in auth_events()]
    assert events == [("email_change_requested", user.pk), ("email_changed", user.pk)]
    assert all("grace@example.com" not in record.getMessage() for record in auth_events())


def test_logout_everywhere_is_logged(auth_events, auth_client, user):
    auth_client.post(reverse("logout-all"))

    (record,) = auth_events()
    assert (record.event, record.user_id) == ("logout_everywhere", user.pk)


def test_account_deletion_is_logged_with_the_former_id(auth_events, auth_client, user):
    user_id = user.pk

    auth_client.delete(reverse("user-me"), {"current_password": PASSWORD}, format="json")

    (record,) = auth_events()
    assert (record.event, record.user_id) == ("account_deleted", user_id)
{% if drf_token %}


def test_token_logout_is_logged(auth_events, user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=authorization_headers(user)["drf_token"])

    client.post(reverse("logout"))

    (record,) = auth_events()
    assert (record.event, record.user_id) == ("logout", user.pk)
{% endif %}
{% if jwt %}


def test_jwt_logout_is_logged(auth_events, user):
    refresh = RefreshToken.for_user(user)

    APIClient().post(reverse("jwt-logout"), {"refresh": str(refresh)}, format="json")

    (record,) = auth_events()
    assert (record.event, record.user_id) == ("logout", user.pk)
    assert str(refresh) not in JSONFormatter().format(record)
{% endif %}
