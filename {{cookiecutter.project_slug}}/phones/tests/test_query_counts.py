{% set drf_token = cookiecutter.token_strategy in ["token", "both"] %}
{% set jwt = cookiecutter.token_strategy in ["jwt", "both"] %}
"""Queries per request of the phone endpoints, pinned as in users/tests/test_query_counts.py;
clients are force-authenticated, so the counts leave out authentication."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from phones.tests.helpers import texted_code, verified_user
from users.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def user(db):
    return verified_user()


def request_code_by_text(user, sms_outbox):
    body = {"phone_number": str(user.phone_number)}
    APIClient().post(reverse("phone-code-request"), body, format="json")
    return texted_code(sms_outbox[-1])


def test_verify_request_query_count(db, sms_outbox, django_assert_num_queries):
    client = APIClient()
    client.force_authenticate(UserFactory())

    # The action's savepoint, and update_or_create() of the code with its own two.
    with django_assert_num_queries(8):
        response = client.post(reverse("user-phone-verify"))

    assert response.status_code == 204


def test_verify_confirm_query_count(db, sms_outbox, django_assert_num_queries):
    client = APIClient()
    client.force_authenticate(UserFactory())
    client.post(reverse("user-phone-verify"))

    # Counting the attempt, the code, spending it, marking the number verified.
    with django_assert_num_queries(4):
        response = client.post(
            reverse("user-phone-verify-confirm"), {"code": texted_code(sms_outbox[-1])}
        )

    assert response.status_code == 204


@pytest.mark.parametrize("known", [True, False])
def test_phone_code_request_query_count(user, known, sms_outbox, django_assert_num_queries):
    phone_number = str(user.phone_number) if known else "+4915100000000"

    # The action's savepoint and the user; for a known number the code as for verify/.
    with django_assert_num_queries(9 if known else 3):
        response = APIClient().post(reverse("phone-code-request"), {"phone_number": phone_number})

    assert response.status_code == 204
{% if drf_token %}


def test_token_phone_login_query_count(user, django_assert_num_queries):
    body = {"phone_number": str(user.phone_number), "password": PASSWORD}

{% if cookiecutter.mfa %}
    # The user, whether they have a second factor, the new token, last_login.
{% else %}
    # The user, the new token, last_login.
{% endif %}
    with django_assert_num_queries({{ 4 if cookiecutter.mfa else 3 }}):
        response = APIClient().post(reverse("login-phone"), body)

    assert response.status_code == 200


def test_token_phone_code_login_query_count(user, sms_outbox, django_assert_num_queries):
    body = {"phone_number": str(user.phone_number), "code": request_code_by_text(user, sms_outbox)}

    # The user, counting the attempt, the code, spending it, {{ "whether they have a second factor, " if cookiecutter.mfa }}the
    # new token, last_login.
    with django_assert_num_queries({{ 7 if cookiecutter.mfa else 6 }}):
        response = APIClient().post(reverse("login-phone-code"), body)

    assert response.status_code == 200
{% endif %}
{% if jwt %}


def test_jwt_phone_login_query_count(user, django_assert_num_queries):
    body = {"phone_number": str(user.phone_number), "password": PASSWORD}

{% if cookiecutter.mfa %}
    # The user, whether they have a second factor, the refresh token, its session, last_login.
{% else %}
    # The user, the outstanding refresh token, its session, last_login.
{% endif %}
    with django_assert_num_queries({{ 5 if cookiecutter.mfa else 4 }}):
        response = APIClient().post(reverse("jwt-create-phone"), body)

    assert response.status_code == 200


def test_jwt_phone_code_login_query_count(user, sms_outbox, django_assert_num_queries):
    body = {"phone_number": str(user.phone_number), "code": request_code_by_text(user, sms_outbox)}

    # The user, counting the attempt, the code, spending it, {{ "whether they have a second factor, " if cookiecutter.mfa }}the
    # refresh token, its session, last_login.
    with django_assert_num_queries({{ 8 if cookiecutter.mfa else 7 }}):
        response = APIClient().post(reverse("jwt-create-phone-code"), body)

    assert response.status_code == 200
{% endif %}
