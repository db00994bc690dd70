"""token/login/ and jwt/create/ take the email address where the username goes."""

import pytest
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from users.models import User
from users.tests.factories import PASSWORD, UserFactory
from users.tests.helpers import LOGIN_URLS, assert_field_error, registration_body

each_login_url = pytest.mark.parametrize("url", LOGIN_URLS)


def log_in(url, login, password=PASSWORD):
    return APIClient().post(url, {"username": login, "password": password}, format="json")


def queries_of(login, password):
    with CaptureQueriesContext(connection) as queries:
        authenticate(username=login, password=password)
    return len(queries)


@each_login_url
def test_login_takes_the_email_address_in_any_letter_case(user, url):
    assert log_in(url, user.email).status_code == 200
    assert log_in(url, user.email.upper()).status_code == 200


@each_login_url
def test_login_still_takes_the_username(user, url):
    assert log_in(url, user.username.upper()).status_code == 200


@each_login_url
def test_login_with_the_email_address_and_a_wrong_password_is_refused(user, url):
    assert log_in(url, user.email, "not the password").status_code in (400, 401)


@each_login_url
def test_login_with_the_email_address_of_an_inactive_account_is_refused(inactive_user, url):
    assert log_in(url, inactive_user.email).status_code in (400, 401)


@each_login_url
def test_login_with_an_unknown_email_address_is_refused_like_a_wrong_password(user, url):
    unknown = log_in(url, "nobody@example.com")
    wrong = log_in(url, user.email, "not the password")

    assert unknown.status_code == wrong.status_code
    assert unknown.json() == wrong.json()


def test_a_login_costs_one_query_whether_username_email_or_unknown(user):
    logins = [user.username, user.email, "nobody", "nobody@example.com"]

    assert [queries_of(login, "not the password") for login in logins] == [1, 1, 1, 1]


def test_an_unknown_username_still_costs_a_password_hash(db, monkeypatch):
    hashed = []
    monkeypatch.setattr(User, "set_password", lambda user, raw: hashed.append(raw))

    authenticate(username="nobody", password="a guess")

    assert hashed == ["a guess"]


def test_a_username_cannot_hold_an_at_sign_so_no_login_names_two_accounts(db):
    user = UserFactory.build(username="someone@example.com")

    with pytest.raises(ValidationError) as error:
        user.full_clean()

    assert "username" in error.value.message_dict


def test_registration_refuses_a_username_that_looks_like_an_email_address(api_client, db):
    body = registration_body(username="someone@example.com")

    response = api_client.post(reverse("user-list"), body, format="json")

    assert_field_error(response, "username")


def test_set_username_refuses_a_username_that_looks_like_an_email_address(auth_client):
    body = {"new_username": "someone@example.com", "current_password": PASSWORD}
{% if cookiecutter.set_username_retype %}
    body["re_new_username"] = body["new_username"]
{% endif %}

    response = auth_client.post(reverse("user-set-username"), body, format="json")

    assert_field_error(response, "new_username")


def test_check_username_refuses_a_username_that_looks_like_an_email_address(api_client, db):
    response = api_client.get(reverse("user-check-username"), {"username": "a@example.com"})

    assert_field_error(response, "username")


@each_login_url
def test_failed_logins_by_username_and_by_email_count_against_one_account(rates, user, url):
    rates(login_failed="2/min")
    log_in(url, user.username, "wrong")
    log_in(url, user.email.upper(), "wrong")

    assert log_in(url, user.email).status_code == 429
    assert log_in(url, user.username).status_code == 429
