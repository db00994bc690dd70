{% set drf_token = cookiecutter.token_strategy in ["token", "both"] %}
{% set jwt = cookiecutter.token_strategy in ["jwt", "both"] %}
"""Queries per request, pinned: the cost of the busiest endpoints must not creep up."""

from django.urls import reverse
from rest_framework.test import APIClient

{% if jwt %}
from users.jwt import RefreshToken
{% endif %}
from users.tests.factories import PASSWORD
from users.tests.helpers import authorization_headers


def test_me_costs_one_query_per_credential_kind(user, django_assert_num_queries):
    client = APIClient()
    for authorization in authorization_headers(user).values():
        # The first use of a DRF token records it; later ones within a minute do not.
        client.get(reverse("user-me"), HTTP_AUTHORIZATION=authorization)
        with django_assert_num_queries(1):
            response = client.get(reverse("user-me"), HTTP_AUTHORIZATION=authorization)
        assert response.status_code == 200


def test_reset_password_costs_the_same_for_known_and_unknown_addresses(
    user, django_assert_num_queries
):
    client = APIClient()
    for email in (user.email, "nobody@example.com"):
        # A savepoint around the action, and the lookup.
        with django_assert_num_queries(3):
            response = client.post(reverse("user-reset-password"), {"email": email})
        assert response.status_code == 204
{% if drf_token %}


def test_token_login_costs_three_queries(user, django_assert_num_queries):
    body = {"{{ cookiecutter.username_field }}": user.get_username(), "password": PASSWORD}

    # The user, the new token, last_login.
    with django_assert_num_queries(3):
        response = APIClient().post(reverse("login"), body)

    assert response.status_code == 200
{% endif %}
{% if jwt %}


def test_jwt_login_costs_three_queries(user, django_assert_num_queries):
    body = {"{{ cookiecutter.username_field }}": user.get_username(), "password": PASSWORD}

    # The user, the outstanding refresh token, last_login.
    with django_assert_num_queries(3):
        response = APIClient().post(reverse("jwt-create"), body)

    assert response.status_code == 200


def test_jwt_verify_costs_two_queries(user, django_assert_num_queries):
    token = str(RefreshToken.for_user(user).access_token)

    # The user, and whether the token was revoked.
    with django_assert_num_queries(2):
        response = APIClient().post(reverse("jwt-verify"), {"token": token})

    assert response.status_code == 200
{% endif %}
