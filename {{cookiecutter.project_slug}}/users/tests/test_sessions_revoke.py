{% set drf_token = cookiecutter.token_strategy in ["token", "both"] %}
{% set jwt = cookiecutter.token_strategy in ["jwt", "both"] %}
import logging

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

{% if jwt %}
from users.models import User
from users.tests.factories import PASSWORD
{% endif %}
from users.tests.helpers import LOGIN_URLS, log_in_from, me_status

each_login_url = pytest.mark.parametrize("url", LOGIN_URLS)
BAD_SESSION_IDS = [
    "token-999999",
    "jwt-999999",
    "token-0",
    "token",
    "jwt-",
    "-1",
    "token-1e3",
    "token-+1",
    "token-\u0663",  # an Arabic-Indic digit
    "session-1",
    "token-" + "9" * 40,
    "x" * 1000,
]


def session_ids(authorization):
    """The ids of the sessions listed to this credential's user, the current one first."""
    response = APIClient().get(reverse("session-list"), HTTP_AUTHORIZATION=authorization)
    sessions = sorted(response.json(), key=lambda session: not session["current"])
    return [session["id"] for session in sessions]


def revoke(session_id, authorization):
    url = reverse("session-detail", args=[session_id])
    return APIClient().delete(url, HTTP_AUTHORIZATION=authorization)


@each_login_url
def test_revoking_a_session_logs_that_device_out(user, url):
    laptop = log_in_from(url, user, agent="Laptop")
    phone = log_in_from(url, user, agent="Phone")
    laptop_session, phone_session = session_ids(laptop)

    response = revoke(phone_session, laptop)

    assert response.status_code == 204
    assert me_status(phone) == 401
    assert me_status(laptop) == 200
    assert session_ids(laptop) == [laptop_session]


@each_login_url
def test_revoking_the_current_session_logs_this_device_out(user, url):
    laptop = log_in_from(url, user)
    (current,) = session_ids(laptop)

    assert revoke(current, laptop).status_code == 204
    assert me_status(laptop) == 401


@each_login_url
def test_revoking_someone_elses_session_is_not_found(user, other_user, url):
    theirs = log_in_from(url, other_user)
    (their_session,) = session_ids(theirs)

    response = revoke(their_session, log_in_from(url, user))

    assert response.status_code == 404
    assert "detail" in response.json()
    assert me_status(theirs) == 200


@each_login_url
def test_revoking_a_session_twice_is_not_found_the_second_time(user, url):
    laptop = log_in_from(url, user)
    phone = log_in_from(url, user)
    _, phone_session = session_ids(laptop)
    revoke(phone_session, laptop)

    assert revoke(phone_session, laptop).status_code == 404
    assert me_status(phone) == 401


@pytest.mark.parametrize("session_id", BAD_SESSION_IDS)
def test_revoking_an_unknown_or_malformed_id_is_not_found(user, session_id):
    authorization = log_in_from(LOGIN_URLS[0], user)

    assert revoke(session_id, authorization).status_code == 404
    assert me_status(authorization) == 200


def test_revoking_a_session_is_logged_as_an_auth_event(caplog, user):
    authorization = log_in_from(LOGIN_URLS[0], user)
    (session,) = session_ids(authorization)
    caplog.set_level(logging.INFO, logger="users.auth")

    revoke(session, authorization)

    (record,) = [record for record in caplog.records if record.name == "users.auth"]
    assert (record.event, record.user_id, record.ip) == ("session_ended", user.pk, "127.0.0.1")


def test_revoking_a_session_needs_a_logged_in_user(db):
    assert APIClient().delete(reverse("session-detail", args=["token-1"])).status_code == 401
{% if jwt %}


def test_revoking_a_jwt_session_refuses_its_refresh_token_at_once(user):
    credentials = {User.USERNAME_FIELD: user.get_username(), "password": PASSWORD}
    tokens = APIClient().post(reverse("jwt-create"), credentials, format="json").json()
    laptop = log_in_from(reverse("jwt-create"), user, agent="Laptop")
    sessions = session_ids(f"Bearer {tokens['access']}")

    revoke(sessions[0], laptop)

    refresh = APIClient().post(reverse("jwt-refresh"), {"refresh": tokens["refresh"]})
    verify = APIClient().post(reverse("jwt-verify"), {"token": tokens["access"]})
    assert refresh.status_code == 401
    assert verify.status_code == 401
    assert me_status(f"Bearer {tokens['access']}") == 401
{% endif %}
{% if cookiecutter.token_strategy == "both" %}


def test_revoking_one_kind_of_session_leaves_the_other_kind(user):
    token = log_in_from(reverse("login"), user)
    jwt = log_in_from(reverse("jwt-create"), user)
    (token_session, jwt_session) = session_ids(token)

    assert token_session.startswith("token-")
    assert jwt_session.startswith("jwt-")
    assert revoke(jwt_session, token).status_code == 204
    assert me_status(jwt) == 401
    assert me_status(token) == 200
{% endif %}
