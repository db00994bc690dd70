"""Registration and email changes tell no one whether an address has an account
(prevent_enumeration)."""

import pytest
from django.urls import reverse
from rest_framework import status
from rest_framework.test import APIClient

from users.models import User
{% if cookiecutter.username_field == "email" %}
from users.tests.factories import PASSWORD, UserFactory
{% else %}
from users.tests.factories import UserFactory
{% endif %}
from users.tests.helpers import registration_body

pytestmark = pytest.mark.django_db

URL = reverse("user-list")


def registration(email):
    return registration_body(email=email)


def test_taken_address_gets_the_answer_of_a_new_one(api_client):
    UserFactory(email="ada@example.com")

    taken = api_client.post(URL, registration("ADA@example.com"), format="json")
    new = api_client.post(URL, registration("grace@example.com"), format="json")

    assert taken.status_code == new.status_code == status.HTTP_201_CREATED
    assert set(taken.json()) == set(new.json())
    assert "id" not in new.json()


def test_taken_address_creates_no_account_and_tells_its_owner(api_client, mailoutbox):
    owner = UserFactory(email="ada@example.com")

    api_client.post(URL, registration("ADA@example.com"), format="json")

    assert User.objects.count() == 1
    assert [message.to for message in mailoutbox] == [[owner.email]]
    assert "already has one" in mailoutbox[0].body


def test_taken_address_changes_nothing_of_the_account(api_client):
    owner = UserFactory(email="ada@example.com")
    password_hash = owner.password

    api_client.post(URL, registration("ada@example.com"), format="json")

    owner.refresh_from_db()
    assert owner.password == password_hash
    assert owner.is_active


def test_taken_address_still_needs_a_valid_body(api_client):
    UserFactory(email="ada@example.com")

    response = api_client.post(URL, {"email": "ada@example.com"}, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert "password" in response.json()
{% if cookiecutter.username_field == "email" %}


def change_email(client, email):
    body = {"current_password": PASSWORD, "new_email": email}
{% if cookiecutter.set_username_retype %}
    body["re_new_email"] = email
{% endif %}
    return client.post(reverse("user-set-username"), body)
{% else %}


def change_email(client, email):
    return client.patch(reverse("user-me"), {"email": email}, format="json")
{% endif %}


def test_email_change_to_a_taken_address_gets_the_answer_of_a_free_one(db):
    UserFactory(email="ada@example.com")
    taken_client, free_client = APIClient(), APIClient()
    taken_client.force_authenticate(UserFactory())
    free_client.force_authenticate(UserFactory())

    taken = change_email(taken_client, "ADA@example.com")
    free = change_email(free_client, "grace@example.com")

{% if cookiecutter.username_field == "email" %}
    assert taken.status_code == free.status_code == status.HTTP_204_NO_CONTENT
{% else %}
    assert taken.status_code == free.status_code == status.HTTP_200_OK
    assert taken.json()["pending_email"] == "ADA@example.com"
    assert free.json()["pending_email"] == "grace@example.com"
{% endif %}


def test_email_change_to_a_taken_address_mails_only_the_notice(auth_client, user, mailoutbox):
    owner = UserFactory(email="ada@example.com")

    change_email(auth_client, "ADA@example.com")

    assert [message.to for message in mailoutbox] == [[user.email]]
    owner.refresh_from_db()
    assert owner.email == "ada@example.com"
