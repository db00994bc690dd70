{% set drf_token = cookiecutter.token_strategy in ["token", "both"] %}
{% set jwt = cookiecutter.token_strategy in ["jwt", "both"] %}
{% set field = cookiecutter.username_field %}
{# Ending every login: a DELETE of DRF tokens; an UPDATE of the JWT cut-off, a DELETE of
   the JWT sessions and the lookup of outstanding refresh tokens. #}
{% set revoke_all = (1 if drf_token else 0) + (3 if jwt else 0) %}
{# A password change deletes the JWT sessions, whose tokens it has made void. #}
{% set end_jwt_sessions = 1 if jwt else 0 %}
"""Queries per request, pinned: the cost of each endpoint must not creep up, and none may
grow with the number of users. Apart from users/me, clients are force-authenticated, so
the counts leave out authentication (one query, see the first test)."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

{% if jwt %}
from users.jwt import RefreshToken
{% endif %}
from users.tests.factories import PASSWORD, UserFactory
{% if drf_token %}
from users.tests.helpers import authorization_headers, drf_token, registration_body
{% else %}
from users.tests.helpers import authorization_headers, registration_body
{% endif %}
from users.tokens import (
{% if cookiecutter.send_activation_email %}
    activation_token,
{% endif %}
    email_change_token,
    encode_uid,
    password_reset_token,
    username_reset_token,
)

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a new and longer passphrase"
{% if field == "username" %}
NEW_LOGIN = "new_login"
{% else %}
NEW_LOGIN = "new.login@example.com"
{% endif %}


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
        # The lookup alone: asking for a link takes no transaction.
        with django_assert_num_queries(1):
            response = client.post(reverse("user-reset-password"), {"email": email})
        assert response.status_code == 204
{% if drf_token %}


def test_token_login_query_count(user, django_assert_num_queries):
    body = {"{{ cookiecutter.username_field }}": user.get_username(), "password": PASSWORD}

{% if cookiecutter.mfa %}
    # The user, whether they have a second factor, the new token, last_login.
{% else %}
    # The user, the new token, last_login.
{% endif %}
    with django_assert_num_queries({{ 4 if cookiecutter.mfa else 3 }}):
        response = APIClient().post(reverse("login"), body)

    assert response.status_code == 200
{% endif %}
{% if jwt %}


def test_jwt_login_query_count(user, django_assert_num_queries):
    body = {"{{ cookiecutter.username_field }}": user.get_username(), "password": PASSWORD}

{% if cookiecutter.mfa %}
    # The user, whether they have a second factor, the refresh token, its session, last_login.
{% else %}
    # The user, the outstanding refresh token, its session, last_login.
{% endif %}
    with django_assert_num_queries({{ 5 if cookiecutter.mfa else 4 }}):
        response = APIClient().post(reverse("jwt-create"), body)

    assert response.status_code == 200


def test_jwt_verify_of_an_access_token_costs_one_query(user, django_assert_num_queries):
    token = str(RefreshToken.for_user(user).access_token)

    # The user with the token's session: only refresh tokens are ever blacklisted.
    with django_assert_num_queries(1):
        response = APIClient().post(reverse("jwt-verify"), {"token": token})

    assert response.status_code == 200


def test_jwt_verify_of_a_refresh_token_costs_two_queries(user, django_assert_num_queries):
    token = str(RefreshToken.for_user(user))

    # The user with the token's session, and whether the token was spent.
    with django_assert_num_queries(2):
        response = APIClient().post(reverse("jwt-verify"), {"token": token})

    assert response.status_code == 200
{% endif %}


def test_registration_query_count(django_assert_num_queries):
{% if cookiecutter.phone_number != "none" %}
    # A savepoint and its release, the checks that the {{ "username, email" if field == "username" else "email" }} and phone number
    # are free, the insert.
    with django_assert_num_queries({{ 7 if field == "username" else (5 if cookiecutter.prevent_enumeration else 6) }}):
{% else %}
    # A savepoint and its release, the checks that the {{ "username and email are" if field == "username" else "email is" }} free, the insert.
    with django_assert_num_queries({{ 6 if field == "username" else (4 if cookiecutter.prevent_enumeration else 5) }}):
{% endif %}
        response = APIClient().post(reverse("user-list"), registration_body(), format="json")

    assert response.status_code == 201


@pytest.mark.parametrize("others", [0, 30])
def test_listing_users_costs_two_queries_however_many_there_are(
    staff_client, others, django_assert_num_queries
):
    UserFactory.create_batch(others)

    # The count and the page.
    with django_assert_num_queries(2):
        response = staff_client.get(reverse("user-list"))

    assert response.status_code == 200


def test_user_detail_costs_one_query(auth_client, user, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = auth_client.get(reverse("user-detail", args=[user.pk]))

    assert response.status_code == 200


def test_profile_update_query_count(auth_client, django_assert_num_queries):
{% if cookiecutter.phone_number != "none" %}
    # The update, in a savepoint that turns a lost race for a phone number into a 400.
    with django_assert_num_queries(3):
{% else %}
    # The update.
    with django_assert_num_queries(1):
{% endif %}
        response = auth_client.patch(reverse("user-me"), {"name": "Grace Hopper"}, format="json")

    assert response.status_code == 200


def test_account_deletion_query_count(auth_client, django_assert_num_queries):
    # The user and, one query per table, the rows that refer to it.
    with django_assert_num_queries({{ 4 + (1 if drf_token else 0) + (2 if jwt else 0) + (2 if cookiecutter.mfa else 0) + (1 if cookiecutter.login_by_code else 0) + (1 if cookiecutter.phone_number != "none" else 0) + (1 if cookiecutter.__social else 0) }}):
        response = auth_client.delete(
            reverse("user-me"), {"current_password": PASSWORD}, format="json"
        )

    assert response.status_code == 204


def test_set_password_query_count(auth_client, django_assert_num_queries):
    body = {"current_password": PASSWORD, "new_password": NEW_PASSWORD}
{% if cookiecutter.set_password_retype %}
    body["re_new_password"] = NEW_PASSWORD
{% endif %}

    with django_assert_num_queries({{ 3 + end_jwt_sessions + (revoke_all if cookiecutter.logout_on_password_change else 0) }}):
        response = auth_client.post(reverse("user-set-password"), body, format="json")

    assert response.status_code == 204


def test_reset_password_confirm_query_count(user, django_assert_num_queries):
    body = {
        "uid": encode_uid(user.pk),
        "token": password_reset_token.make_token(user),
        "new_password": NEW_PASSWORD,
    }
{% if cookiecutter.password_reset_confirm_retype %}
    body["re_new_password"] = NEW_PASSWORD
{% endif %}

    # A savepoint, the locked user, the update, the release, and ending every login.
    with django_assert_num_queries({{ 4 + end_jwt_sessions + revoke_all }}):
        response = APIClient().post(reverse("user-reset-password-confirm"), body, format="json")

    assert response.status_code == 204


def test_set_{{ field }}_costs_four_queries(auth_client, django_assert_num_queries):
    body = {"current_password": PASSWORD, "new_{{ field }}": NEW_LOGIN}
{% if cookiecutter.set_username_retype %}
    body["re_new_{{ field }}"] = NEW_LOGIN
{% endif %}

    # A savepoint, the uniqueness check, the update, the release.
    with django_assert_num_queries(4):
        response = auth_client.post(reverse("user-set-username"), body, format="json")

    assert response.status_code == 204


def test_reset_{{ field }}_costs_one_query(user, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = APIClient().post(reverse("user-reset-username"), {"email": user.email})

    assert response.status_code == 204


def test_reset_{{ field }}_confirm_costs_five_queries(user, django_assert_num_queries):
    body = {
        "uid": encode_uid(user.pk),
        "token": username_reset_token.make_token(user),
        "new_{{ field }}": NEW_LOGIN,
    }
{% if cookiecutter.username_reset_confirm_retype %}
    body["re_new_{{ field }}"] = NEW_LOGIN
{% endif %}

    # A savepoint, the locked user, the uniqueness check, the update, the release.
    with django_assert_num_queries(5):
        response = APIClient().post(reverse("user-reset-username-confirm"), body, format="json")

    assert response.status_code == 204


def test_change_email_confirm_query_count(user, django_assert_num_queries):
    user.pending_email = "grace@example.com"
    user.save()
    body = {"uid": encode_uid(user.pk), "token": email_change_token.make_token(user)}

{% if field == "email" %}
    # A savepoint, the locked user, the uniqueness check, clearing the pending address,
    # the new login, the release.
    with django_assert_num_queries(6):
{% else %}
    # A savepoint, the locked user, the uniqueness check, the update, the release.
    with django_assert_num_queries(5):
{% endif %}
        response = APIClient().post(reverse("user-change-email-confirm"), body, format="json")

    assert response.status_code == 204


def test_logout_everywhere_query_count(auth_client, django_assert_num_queries):
    with django_assert_num_queries({{ revoke_all }}):
        response = auth_client.post(reverse("logout-all"))

    assert response.status_code == 204
{% if field == "username" %}


def test_check_username_costs_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        response = APIClient().get(reverse("user-check-username"), {"username": NEW_LOGIN})

    assert response.status_code == 200
{% endif %}


@pytest.mark.parametrize("logins", [1, 30])
def test_listing_sessions_costs_one_query_per_kind(
    auth_client, user, logins, django_assert_num_queries
):
    for _ in range(logins):
        authorization_headers(user)

    with django_assert_num_queries({{ (1 if drf_token else 0) + (1 if jwt else 0) }}):
        response = auth_client.get(reverse("session-list"))

    assert response.status_code == 200


def test_revoking_a_session_costs_two_queries(auth_client, user, django_assert_num_queries):
    authorization_headers(user)
    session_id = auth_client.get(reverse("session-list")).json()[0]["id"]

    # Finding the session, deleting it.
    with django_assert_num_queries(2):
        response = auth_client.delete(reverse("session-detail", args=[session_id]))

    assert response.status_code == 204
{% if cookiecutter.send_activation_email %}


def test_resend_activation_costs_one_query(inactive_user, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = APIClient().post(
            reverse("user-resend-activation"), {"email": inactive_user.email}
        )

    assert response.status_code == 204


def test_activation_costs_four_queries(inactive_user, django_assert_num_queries):
    body = {
        "uid": encode_uid(inactive_user.pk),
        "token": activation_token.make_token(inactive_user),
    }

    # A savepoint, the locked user, the update, the release.
    with django_assert_num_queries(4):
        response = APIClient().post(reverse("user-activation"), body, format="json")

    assert response.status_code == 204
{% endif %}
{% if drf_token %}


def test_token_logout_costs_three_queries(user, django_assert_num_queries):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {drf_token(user)}")

    # The token and its user, recording its use, the delete.
    with django_assert_num_queries(3):
        response = client.post(reverse("logout"))

    assert response.status_code == 204
{% endif %}
{% if jwt %}


def test_jwt_refresh_costs_fourteen_queries(user, django_assert_num_queries):
    refresh = RefreshToken.for_user(user)

    # Spending the old refresh token and recording the new one, with their checks, and
    # the session's last use.
    with django_assert_num_queries(14):
        response = APIClient().post(reverse("jwt-refresh"), {"refresh": str(refresh)})

    assert response.status_code == 200


def test_jwt_logout_costs_nine_queries(user, django_assert_num_queries):
    refresh = RefreshToken.for_user(user)

    # Blacklisting the token and the rest of its family, deleting its session.
    with django_assert_num_queries(9):
        response = APIClient().post(reverse("jwt-logout"), {"refresh": str(refresh)})

    assert response.status_code == 204
{% endif %}
