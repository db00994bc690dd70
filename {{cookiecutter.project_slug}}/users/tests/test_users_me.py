import pytest
from django.urls import reverse
from rest_framework import serializers, status

from users.api.serializers import UserSerializer
from users.models import User
from users.signals import user_updated
{% if cookiecutter.username_field == "username" and not cookiecutter.prevent_enumeration %}
from users.tests.factories import UserFactory
{% endif %}
from users.tests.helpers import public_fields
{% if cookiecutter.username_field == "username" %}
from users.tests.mail import link_params
from users.tokens import email_change_token
{% endif %}

pytestmark = pytest.mark.django_db

URL = reverse("user-me")


def test_get_me_shows_own_public_fields(auth_client, user):
    response = auth_client.get(URL)

    assert response.status_code == status.HTTP_200_OK
    assert response.json() == public_fields(user)


def test_me_answers_exactly_what_its_model_serializer_would_build(user):
    # UserSerializer writes its answer out by hand, for speed: it must not drift from the
    # fields it declares, which the OpenAPI schema shows.
    serializer = UserSerializer(user)

    assert serializer.data == serializers.ModelSerializer.to_representation(serializer, user)


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete"])
def test_me_for_anonymous_is_unauthorized(api_client, method):
    response = getattr(api_client, method)(URL)

    assert response.status_code == status.HTTP_401_UNAUTHORIZED
    assert "detail" in response.json()


def test_patch_me_updates_given_fields(auth_client, user):
    response = auth_client.patch(URL, {"name": "Grace Hopper"}, format="json")

    assert response.status_code == status.HTTP_200_OK
    assert response.json()["name"] == "Grace Hopper"
    user.refresh_from_db()
    assert user.name == "Grace Hopper"


def test_put_me_updates_profile(auth_client, user):
    body = {"email": user.email, "name": "Grace Hopper"}
{% if cookiecutter.phone_number == "required" %}
    body["phone_number"] = str(user.phone_number)
{% endif %}

    response = auth_client.put(URL, body, format="json")

    assert response.status_code == status.HTTP_200_OK
    assert response.json()["name"] == "Grace Hopper"
    user.refresh_from_db()
    assert user.name == "Grace Hopper"


@pytest.mark.parametrize("method", ["put", "patch"])
def test_update_me_sends_user_updated_signal(auth_client, user, catch_signal, method):
    calls = catch_signal(user_updated)
{% if cookiecutter.phone_number == "required" %}
    body = {"email": user.email, "name": "G", "phone_number": str(user.phone_number)}

    getattr(auth_client, method)(URL, body, format="json")
{% else %}

    getattr(auth_client, method)(URL, {"email": user.email, "name": "G"}, format="json")
{% endif %}

    assert len(calls) == 1
    assert calls[0]["sender"] is User
    assert calls[0]["user"] == user
    assert calls[0]["request"] is not None


def test_refused_update_sends_no_signal(auth_client, catch_signal):
    calls = catch_signal(user_updated)

    auth_client.patch(URL, {"name": "a" * 1000}, format="json")

    assert calls == []


def test_login_field_is_read_only_on_me(auth_client, user):
    login = user.get_username()

    response = auth_client.patch(URL, {User.USERNAME_FIELD: "renamed@example.com"}, format="json")

    assert response.status_code == status.HTTP_200_OK
    assert response.json()[User.USERNAME_FIELD] == login
    user.refresh_from_db()
    assert user.get_username() == login


def test_patch_me_cannot_grant_privileges(auth_client, user):
    body = {"id": user.pk + 1, "is_staff": True, "is_superuser": True, "is_active": False}

    response = auth_client.patch(URL, body, format="json")

    assert response.status_code == status.HTTP_200_OK
    user.refresh_from_db()
    assert not user.is_staff
    assert not user.is_superuser
    assert user.is_active
    assert User.objects.filter(pk=user.pk).exists()
{% if cookiecutter.username_field == "username" %}


def test_patch_me_keeps_the_old_email_until_the_new_one_is_confirmed(auth_client, user):
    email = user.email

    response = auth_client.patch(URL, {"email": "grace@example.com"}, format="json")

    assert response.status_code == status.HTTP_200_OK
    assert response.json()["email"] == email
    assert response.json()["pending_email"] == "grace@example.com"
    user.refresh_from_db()
    assert user.email == email
    assert user.pending_email == "grace@example.com"


def test_patch_me_with_a_new_email_mails_a_link_there_and_a_notice_to_the_old(
    auth_client, user, mailoutbox
):
    auth_client.patch(URL, {"email": "grace@example.com"}, format="json")

    assert sorted(message.to for message in mailoutbox) == [["grace@example.com"], [user.email]]
    [link_mail] = [message for message in mailoutbox if message.to == ["grace@example.com"]]
    user.refresh_from_db()
    assert email_change_token.check_token(user, link_params(link_mail)["token"])
    [notice] = [message for message in mailoutbox if message.to == [user.email]]
    assert "grace@example.com" in notice.body


def test_patch_me_with_the_same_email_changes_nothing(auth_client, user, mailoutbox):
    response = auth_client.patch(URL, {"email": user.email}, format="json")

    assert response.status_code == status.HTTP_200_OK
    user.refresh_from_db()
    assert user.pending_email == ""
    assert mailoutbox == []
{% if not cookiecutter.prevent_enumeration %}


def test_patch_me_to_taken_email_in_other_case_is_refused(auth_client, user, mailoutbox):
    UserFactory(email="grace@example.com")

    response = auth_client.patch(URL, {"email": "GRACE@Example.com"}, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["email"]
    user.refresh_from_db()
    assert user.pending_email == ""
    assert mailoutbox == []
{% endif %}


@pytest.mark.parametrize("email", ["", None, "not-an-address"])
def test_patch_me_to_blank_or_invalid_email_is_refused(auth_client, user, email):
    response = auth_client.patch(URL, {"email": email}, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["email"]


{% if cookiecutter.phone_number == "required" %}
def test_put_me_without_email_is_refused(auth_client, user):
    body = {"name": "Grace Hopper", "phone_number": str(user.phone_number)}

    response = auth_client.put(URL, body, format="json")
{% else %}
def test_put_me_without_email_is_refused(auth_client):
    response = auth_client.put(URL, {"name": "Grace Hopper"}, format="json")
{% endif %}

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["email"]
{% endif %}


def test_update_me_with_100_kb_name_is_refused(auth_client):
    response = auth_client.patch(URL, {"name": "a" * 100_000}, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["name"]


def test_update_me_with_odd_value_is_answered_without_error(auth_client, hostile_value):
    response = auth_client.patch(URL, {"name": hostile_value}, format="json")

    assert response.status_code in (status.HTTP_200_OK, status.HTTP_400_BAD_REQUEST)
    assert isinstance(response.json(), dict)


@pytest.mark.parametrize("method", ["put", "patch"])
def test_update_me_with_malformed_body_is_refused(auth_client, malformed_json, method):
    response = getattr(auth_client, method)(URL, malformed_json, content_type="application/json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert isinstance(response.json(), dict)


def test_delete_me_with_current_password_deletes_account(auth_client, user, password):
    response = auth_client.delete(URL, {"current_password": password}, format="json")

    assert response.status_code == status.HTTP_204_NO_CONTENT
    assert not User.objects.filter(pk=user.pk).exists()


def test_delete_me_with_wrong_password_is_refused(auth_client, user, password):
    response = auth_client.delete(URL, {"current_password": password + "x"}, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["current_password"]
    assert User.objects.filter(pk=user.pk).exists()


def test_delete_me_without_password_is_refused(auth_client, user):
    response = auth_client.delete(URL, {}, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["current_password"]
    assert User.objects.filter(pk=user.pk).exists()


def test_delete_me_with_odd_password_is_refused(auth_client, user, hostile_value):
    response = auth_client.delete(URL, {"current_password": hostile_value}, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["current_password"]
    assert User.objects.filter(pk=user.pk).exists()


def test_delete_me_with_malformed_body_is_refused(auth_client, user, malformed_json):
    response = auth_client.delete(URL, malformed_json, content_type="application/json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert isinstance(response.json(), dict)
    assert User.objects.filter(pk=user.pk).exists()
