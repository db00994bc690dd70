import pytest
from rest_framework.test import APIClient

from users.tests.factories import PASSWORD, UserFactory


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def other_user(db):
    return UserFactory()


@pytest.fixture
def auth_client(user):
    """A client logged in as `user`, the way the API's clients do it."""
    client = APIClient()
    client.force_authenticate(user)
    return client
