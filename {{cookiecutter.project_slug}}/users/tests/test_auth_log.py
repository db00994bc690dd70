{% set drf_token = cookiecutter.token_strategy in ["token", "both"] %}
import json
import logging

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from config.logging import JSONFormatter
from users.tests.factories import PASSWORD
from users.tests.helpers import LOGIN_URLS

LOGIN = "{{ cookiecutter.username_field }}"


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
