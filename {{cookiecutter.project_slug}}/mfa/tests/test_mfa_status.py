import pytest
from django.urls import reverse

from mfa import services
from mfa.tests.helpers import enable_mfa

pytestmark = pytest.mark.django_db
URL = reverse("mfa-status")


def test_status_of_a_user_without_a_second_factor(auth_client):
    response = auth_client.get(URL)

    assert response.status_code == 200
    assert response.json() == {"enabled": False, "recovery_codes_left": 0}


def test_status_counts_the_unused_recovery_codes(auth_client, user):
    codes = enable_mfa(user)
    assert services.second_factor_is_valid(user=user, code=codes[0])

    assert auth_client.get(URL).json() == {"enabled": True, "recovery_codes_left": len(codes) - 1}


def test_status_needs_a_login(api_client):
    assert api_client.get(URL).status_code == 401
