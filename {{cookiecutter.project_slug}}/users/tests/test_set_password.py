import pytest
from django.urls import reverse
from rest_framework.test import APIClient
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
from rest_framework_simplejwt.tokens import RefreshToken
{% endif %}

{% if cookiecutter.token_strategy in ["token", "both"] %}
from users.tests.helpers import assert_field_error, can_log_in, drf_token, me_status
{% else %}
from users.tests.helpers import assert_field_error, can_log_in
{% endif %}

URL = reverse("user-set-password")
NEW_PASSWORD = "a new and longer passphrase"


def body(current_password, new_password=NEW_PASSWORD, **extra):
{% if cookiecutter.set_password_retype %}
    extra.setdefault("re_new_password", new_password)
{% endif %}
    return {"current_password": current_password, "new_password": new_password, **extra}


def test_set_password_changes_the_password(auth_client, user, password):
    response = auth_client.post(URL, body(password))

    assert response.status_code == 204
    assert can_log_in(user.get_username(), NEW_PASSWORD)
    assert not can_log_in(user.get_username(), password)


def test_set_password_with_wrong_current_password_is_refused(auth_client, user, password):
    response = auth_client.post(URL, body("not the password"))

    assert_field_error(response, "current_password")
    user.refresh_from_db()
    assert user.check_password(password)


@pytest.mark.parametrize("weak_password", ["short", "password", "12345678901234"])
def test_set_password_to_a_weak_password_is_refused(auth_client, user, password, weak_password):
    response = auth_client.post(URL, body(password, weak_password))

    assert_field_error(response, "new_password")
    user.refresh_from_db()
    assert user.check_password(password)


def test_set_password_to_a_password_like_the_email_is_refused(auth_client, user, password):
    response = auth_client.post(URL, body(password, user.email))

    assert_field_error(response, "new_password")


def test_set_password_to_a_password_like_the_name_is_refused(auth_client, user, password):
    user.name = "Augusta Ada Lovelace"
    user.save()

    response = auth_client.post(URL, body(password, "augusta ada lovelace"))

    assert_field_error(response, "new_password")


@pytest.mark.parametrize("missing", ["current_password", "new_password"])
def test_set_password_without_a_required_field_is_refused(auth_client, password, missing):
    data = body(password)
    del data[missing]

    response = auth_client.post(URL, data)

    assert_field_error(response, missing)


def test_set_password_requires_authentication(api_client, password):
    response = api_client.post(URL, body(password))

    assert response.status_code == 401
{% if cookiecutter.set_password_retype %}


def test_set_password_with_mismatched_retype_is_refused(auth_client, user, password):
    response = auth_client.post(URL, body(password, re_new_password="something else entirely"))

    assert_field_error(response, "non_field_errors")
    assert "new password" in response.json()["non_field_errors"][0]
    user.refresh_from_db()
    assert user.check_password(password)


def test_set_password_without_the_retype_is_refused(auth_client, password):
    data = body(password)
    del data["re_new_password"]

    response = auth_client.post(URL, data)

    assert_field_error(response, "re_new_password")
{% endif %}
{% if cookiecutter.password_changed_email_confirmation %}


def test_set_password_emails_the_user(auth_client, user, password, mailoutbox):
    auth_client.post(URL, body(password))

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [user.email]


def test_refused_set_password_sends_nothing(auth_client, mailoutbox):
    auth_client.post(URL, body("not the password"))

    assert mailoutbox == []
{% else %}


def test_set_password_sends_no_mail(auth_client, password, mailoutbox):
    response = auth_client.post(URL, body(password))

    assert response.status_code == 204
    assert mailoutbox == []
{% endif %}
{% if cookiecutter.token_strategy in ["token", "both"] %}


def token_client(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {drf_token(user)}")
    return client
{% if cookiecutter.logout_on_password_change %}


def test_set_password_ends_every_drf_token_of_the_user(user, other_user, password):
    client = token_client(user)
    other_device = drf_token(user)
    other_users_token = drf_token(other_user)

    response = client.post(URL, body(password))

    assert response.status_code == 204
    assert not user.auth_tokens.exists()
    assert client.get(reverse("user-me")).status_code == 401
    assert me_status(f"Token {other_device}") == 401
    assert me_status(f"Token {other_users_token}") == 200
{% else %}


def test_set_password_keeps_the_drf_tokens(user, password):
    client = token_client(user)
    other_device = drf_token(user)

    response = client.post(URL, body(password))

    assert response.status_code == 204
    assert user.auth_tokens.count() == 2
    assert client.get(reverse("user-me")).status_code == 200
    assert me_status(f"Token {other_device}") == 200
{% endif %}
{% endif %}
{% if cookiecutter.token_strategy in ["jwt", "both"] %}


def test_set_password_ends_earlier_jwts(user, password):
    refresh = RefreshToken.for_user(user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {refresh.access_token}")

    response = client.post(URL, body(password))

    assert response.status_code == 204
    assert client.get(reverse("user-me")).status_code == 401
    response = APIClient().post(reverse("jwt-refresh"), {"refresh": str(refresh)})
    assert response.status_code == 401
{% endif %}
