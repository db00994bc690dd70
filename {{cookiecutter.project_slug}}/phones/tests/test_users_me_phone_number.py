"""The phone number on users/me/: shown, changed, and unverified by a change."""

import pytest
from django.urls import reverse

from phones.tests.helpers import lose_race_for_number, verified_user
from users.api.serializers import UserSerializer
from users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
URL = reverse("user-me")


@pytest.fixture
def user(db):
    return verified_user()


def change_number(client, phone_number):
    return client.patch(URL, {"phone_number": phone_number}, format="json")


def test_me_shows_the_number_and_whether_it_is_verified(auth_client, user):
    body = auth_client.get(URL).json()

    assert body["phone_number"] == str(user.phone_number)
    assert body["phone_verified"] is True


def test_a_new_number_is_stored_in_e164_and_unverified(auth_client, user):
    response = change_number(auth_client, "+49 151 7777 7777")

    assert response.status_code == 200
    assert response.json()["phone_number"] == "+4915177777777"
    assert response.json()["phone_verified"] is False
    user.refresh_from_db()
    assert user.phone_verified_at is None


def test_the_same_number_written_otherwise_stays_verified(auth_client, user):
    response = change_number(auth_client, user.phone_number.as_international)

    assert response.status_code == 200
    assert response.json()["phone_verified"] is True


def test_other_changes_leave_the_verification(auth_client, user):
    auth_client.patch(URL, {"name": "Grace Hopper"}, format="json")

    user.refresh_from_db()
    assert user.phone_verified


def test_verification_cannot_be_claimed(auth_client):
    other = UserFactory()
    auth_client.force_authenticate(other)

    response = auth_client.patch(URL, {"phone_verified": True}, format="json")

    assert response.json()["phone_verified"] is False


def test_a_number_someone_else_has_is_refused(auth_client, other_user):
    response = change_number(auth_client, str(other_user.phone_number))

    assert response.status_code == 400
    assert list(response.json()) == ["phone_number"]


def test_losing_a_race_for_the_number_is_refused(auth_client, user, monkeypatch):
    lose_race_for_number(UserSerializer, "+4915177777777", monkeypatch)

    response = change_number(auth_client, "+4915177777777")

    assert response.status_code == 400
    assert list(response.json()) == ["phone_number"]
    user.refresh_from_db()
    assert user.phone_verified


@pytest.mark.parametrize("phone_number", ["not a number", "+49", "12345"])
def test_an_invalid_number_is_refused(auth_client, phone_number):
    response = change_number(auth_client, phone_number)

    assert response.status_code == 400
    assert list(response.json()) == ["phone_number"]
{% if cookiecutter.phone_number == "optional" %}


def test_the_number_can_be_removed(auth_client, user):
    response = change_number(auth_client, "")

    assert response.status_code == 200
    user.refresh_from_db()
    assert not user.phone_number
    assert not user.phone_verified


def test_many_users_have_no_number(auth_client, other_user):
    other_user.phone_number = ""
    other_user.save()

    assert change_number(auth_client, "").status_code == 200
{% else %}


def test_the_number_cannot_be_removed(auth_client):
    response = change_number(auth_client, "")

    assert response.status_code == 400
    assert list(response.json()) == ["phone_number"]
{% endif %}
