import pytest
from django.urls import reverse
from rest_framework import status

from users.tests.factories import UserFactory
from users.tests.helpers import public_fields

pytestmark = pytest.mark.django_db

URL = reverse("user-list")


def test_list_for_anonymous_is_unauthorized(api_client):
    response = api_client.get(URL)

    assert response.status_code == status.HTTP_401_UNAUTHORIZED
    assert "detail" in response.json()
    assert response.headers["WWW-Authenticate"]


def test_list_shows_a_user_only_themselves(auth_client, user, other_user):
    response = auth_client.get(URL)

    assert response.status_code == status.HTTP_200_OK
    body = response.json()
    assert body["count"] == 1
    assert body["results"] == [public_fields(user)]


def test_list_shows_staff_everyone(staff_client, staff_user, user, other_user, inactive_user):
    response = staff_client.get(URL)

    assert response.status_code == status.HTTP_200_OK
    body = response.json()
    assert body["count"] == 4
    assert {entry["id"] for entry in body["results"]} == {
        staff_user.pk,
        user.pk,
        other_user.pk,
        inactive_user.pk,
    }


def test_list_never_shows_passwords(staff_client):
    response = staff_client.get(URL)

    assert "password" not in response.json()["results"][0]


def test_list_is_paginated(staff_client):
    UserFactory.create_batch(50)

    first_page = staff_client.get(URL).json()
    second_page = staff_client.get(first_page["next"]).json()

    assert first_page["count"] == 51
    assert len(first_page["results"]) == 50
    assert first_page["previous"] is None
    assert len(second_page["results"]) == 1
    assert second_page["next"] is None
    first_ids = {entry["id"] for entry in first_page["results"]}
    assert second_page["results"][0]["id"] not in first_ids


def test_list_with_page_out_of_range_is_not_found(staff_client):
    response = staff_client.get(URL, {"page": 99})

    assert response.status_code == status.HTTP_404_NOT_FOUND
    assert "detail" in response.json()


def test_list_with_invalid_page_is_not_found(staff_client):
    response = staff_client.get(URL, {"page": "x" * 100_000})

    assert response.status_code == status.HTTP_404_NOT_FOUND
    assert "detail" in response.json()
