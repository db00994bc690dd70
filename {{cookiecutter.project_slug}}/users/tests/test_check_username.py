import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from users.tests.factories import UserFactory
from users.tests.helpers import assert_field_error
from users.tests.login_names import INVALID_LOGINS, NEW_LOGIN, TAKEN_LOGINS

URL = reverse("user-check-username")


@pytest.fixture(params=["get", "post"])
def check(request, db):
    """Ask about a username as a query parameter (GET) or in a JSON body (POST)."""
    client = APIClient()

    def ask(username):
        if request.param == "get":
            return client.get(URL, {"username": username})
        return client.post(URL, {"username": username}, format="json")

    return ask


def test_check_username_says_a_free_username_is_available(check):
    response = check(NEW_LOGIN)

    assert response.status_code == 200
    assert response.json() == {"available": True}


@pytest.mark.parametrize(("taken", "asked"), TAKEN_LOGINS, ids=["ascii", "non_ascii"])
def test_check_username_says_a_taken_username_in_other_letter_case_is_not(check, taken, asked):
    UserFactory(username=taken)

    response = check(asked)

    assert response.status_code == 200
    assert response.json() == {"available": False}


def test_check_username_counts_inactive_accounts_as_taken(check, inactive_user):
    assert check(inactive_user.username).json() == {"available": False}


@pytest.mark.parametrize("invalid", INVALID_LOGINS)
def test_check_username_refuses_an_invalid_username(check, invalid):
    assert_field_error(check(invalid), "username")


def test_check_username_without_a_username_is_refused(api_client, db):
    assert_field_error(api_client.get(URL), "username")
    assert_field_error(api_client.post(URL, {}, format="json"), "username")


def test_check_username_needs_no_login(api_client, user):
    assert api_client.get(URL, {"username": user.username}).status_code == 200


def test_check_username_is_throttled_per_client_address(rates, db):
    rates(check_username="2/min")
    client = APIClient(REMOTE_ADDR="10.0.0.1")
    for number in range(2):
        assert client.get(URL, {"username": f"name{number}"}).status_code == 200

    response = client.get(URL, {"username": "name9"})

    assert response.status_code == 429
    assert "detail" in response.json()
    assert APIClient(REMOTE_ADDR="10.0.0.2").get(URL, {"username": "name9"}).status_code == 200
