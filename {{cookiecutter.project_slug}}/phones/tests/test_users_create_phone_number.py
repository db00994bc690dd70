"""The phone number at registration (users/)."""

import pytest
from django.urls import reverse

from phones.tests.helpers import lose_race_for_number
from users.api.serializers import UserCreateSerializer
from users.models import User
from users.tests.factories import UserFactory
from users.tests.helpers import registration_body

pytestmark = pytest.mark.django_db
URL = reverse("user-list")


def register(client, **fields):
    return client.post(URL, {**registration_body(), **fields}, format="json")


def test_the_number_is_stored_in_e164_and_unverified(api_client):
    response = register(api_client, phone_number="+49 151 9999 9999")

    assert response.status_code == 201
    user = User.objects.get()
    assert str(user.phone_number) == "+4915199999999"
    assert not user.phone_verified


def test_a_number_someone_has_is_refused(api_client):
    taken = UserFactory()

    response = register(api_client, phone_number=str(taken.phone_number))

    assert response.status_code == 400
    assert list(response.json()) == ["phone_number"]


def test_losing_a_race_for_the_number_is_refused(api_client, monkeypatch):
    lose_race_for_number(UserCreateSerializer, "+4915199999999", monkeypatch)

    response = register(api_client)

    assert response.status_code == 400
    assert list(response.json()) == ["phone_number"]
    assert User.objects.count() == 1


def test_an_invalid_number_is_refused(api_client):
    response = register(api_client, phone_number="not a number")

    assert response.status_code == 400
    assert list(response.json()) == ["phone_number"]
{% if cookiecutter.phone_number == "optional" %}


def test_the_number_may_be_left_out(api_client):
    body = registration_body()
    del body["phone_number"]

    assert api_client.post(URL, body, format="json").status_code == 201
    assert not User.objects.get().phone_number


def test_the_answer_leaves_the_number_out(api_client):
    assert "phone_number" not in register(api_client).json()
{% else %}


def test_the_number_is_required(api_client):
    body = registration_body()
    del body["phone_number"]

    response = api_client.post(URL, body, format="json")

    assert response.status_code == 400
    assert list(response.json()) == ["phone_number"]
{% endif %}
