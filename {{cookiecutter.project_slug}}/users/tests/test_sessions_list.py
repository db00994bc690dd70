{% set drf_token = cookiecutter.token_strategy in ["token", "both"] %}
{% set jwt = cookiecutter.token_strategy in ["jwt", "both"] %}
{% if jwt %}
from datetime import timedelta

{% endif %}
import pytest
{% if jwt %}
import time_machine
from django.conf import settings
{% endif %}
from django.urls import reverse
{% if jwt %}
from django.utils import timezone
{% endif %}
from rest_framework.test import APIClient

{% if jwt %}
from users import services
from users.models import JWTSession, User
from users.tests.factories import PASSWORD
{% endif %}
from users.tests.helpers import LOGIN_URLS, log_in_from

URL = reverse("session-list")
KINDS = {
{% if drf_token %}
    reverse("login"): "token",
{% endif %}
{% if jwt %}
    reverse("jwt-create"): "jwt",
{% endif %}
}
each_login_url = pytest.mark.parametrize("url", LOGIN_URLS)
{% if jwt %}
NEW_PASSWORD = "a new passphrase for the account"
{% endif %}


def sessions_seen_with(authorization):
    response = APIClient().get(URL, HTTP_AUTHORIZATION=authorization)
    assert response.status_code == 200, response.content
    return response.json()


@each_login_url
def test_sessions_lists_each_login_with_its_device(user, url):
    laptop = log_in_from(url, user, agent="Laptop browser", address="192.0.2.1")
    log_in_from(url, user, agent="Phone app", address="2001:db8::1")

    sessions = sessions_seen_with(laptop)

    assert {(s["user_agent"], s["ip_address"], s["current"]) for s in sessions} == {
        ("Laptop browser", "192.0.2.1", True),
        ("Phone app", "2001:db8::1", False),
    }
    assert {session["kind"] for session in sessions} == {KINDS[url]}
    assert len({session["id"] for session in sessions}) == 2
    assert all(session["created"] for session in sessions)


@each_login_url
def test_sessions_lists_the_most_recent_login_first(user, url):
    for agent in ["First", "Second"]:
        log_in_from(url, user, agent=agent)
    third = log_in_from(url, user, agent="Third")

    sessions = sessions_seen_with(third)

    assert [session["user_agent"] for session in sessions] == ["Third", "Second", "First"]


@each_login_url
def test_sessions_does_not_list_other_users_logins(user, other_user, url):
    mine = log_in_from(url, user, agent="Mine")
    log_in_from(url, other_user, agent="Theirs")

    assert [session["user_agent"] for session in sessions_seen_with(mine)] == ["Mine"]


def test_sessions_leaves_out_the_logins_ended_by_logging_out_everywhere(user):
    before = [log_in_from(url, user, agent="Before") for url in LOGIN_URLS]
    APIClient().post(reverse("logout-all"), HTTP_AUTHORIZATION=before[0])

    after = log_in_from(LOGIN_URLS[0], user, agent="After")

    assert [session["user_agent"] for session in sessions_seen_with(after)] == ["After"]


def test_sessions_needs_a_logged_in_user(db):
    assert APIClient().get(URL).status_code == 401
{% if drf_token %}


def test_sessions_leaves_out_a_token_logged_out(user):
    token = log_in_from(reverse("login"), user, agent="Gone")
    APIClient().post(reverse("logout"), HTTP_AUTHORIZATION=token)

    remaining = log_in_from(reverse("login"), user, agent="Here")

    assert [session["user_agent"] for session in sessions_seen_with(remaining)] == ["Here"]


def test_sessions_shows_when_a_token_was_last_used(user):
    token = log_in_from(reverse("login"), user)

    (session,) = sessions_seen_with(token)

    assert session["last_used"] is not None
{% endif %}
{% if jwt %}


def jwt_log_in(user):
    credentials = {User.USERNAME_FIELD: user.get_username(), "password": PASSWORD}
    return APIClient().post(reverse("jwt-create"), credentials, format="json").json()


def test_sessions_shows_a_jwt_login_last_used_when_it_was_last_refreshed(user):
    tokens = jwt_log_in(user)
    (fresh,) = sessions_seen_with(f"Bearer {tokens['access']}")
    refreshed = APIClient().post(reverse("jwt-refresh"), {"refresh": tokens["refresh"]})

    (session,) = sessions_seen_with(f"Bearer {refreshed.json()['access']}")

    assert fresh["last_used"] is None
    assert session["last_used"] is not None
    assert session["id"] == fresh["id"]
    assert session["current"]


def test_sessions_leaves_out_a_jwt_login_logged_out(user):
    tokens = jwt_log_in(user)
    APIClient().post(reverse("jwt-logout"), {"refresh": tokens["refresh"]})

    remaining = log_in_from(reverse("jwt-create"), user, agent="Here")

    assert [session["user_agent"] for session in sessions_seen_with(remaining)] == ["Here"]


def test_sessions_leaves_out_jwt_logins_whose_refresh_token_expired(user):
    log_in_from(reverse("jwt-create"), user, agent="Expired")
    later = timezone.now() + settings.SIMPLE_JWT["REFRESH_TOKEN_LIFETIME"] + timedelta(minutes=1)

    with time_machine.travel(later):
        recent = log_in_from(reverse("jwt-create"), user, agent="Recent")

        assert [session["user_agent"] for session in sessions_seen_with(recent)] == ["Recent"]


def test_sessions_leaves_out_the_jwt_logins_a_password_change_ended(user):
    log_in_from(reverse("jwt-create"), user, agent="Old password")

    services.password_change(user=user, password=NEW_PASSWORD)

    assert not JWTSession.objects.filter(user=user).exists()
{% endif %}
