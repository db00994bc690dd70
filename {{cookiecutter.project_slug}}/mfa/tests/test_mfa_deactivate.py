import pytest
from django.urls import reverse

from mfa.models import RecoveryCode, TOTPDevice
from mfa.tests.helpers import current_code, enable_mfa
from users.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
URL = reverse("mfa-deactivate")


@pytest.fixture
def recovery_codes(user):
    return enable_mfa(user)


def assert_still_on(user):
    assert TOTPDevice.objects.filter(user=user).exists()
    assert RecoveryCode.objects.filter(user=user).exists()


def test_deactivation_with_the_password_turns_it_off(auth_client, user, recovery_codes):
    response = auth_client.post(URL, {"current_password": PASSWORD})

    assert response.status_code == 204
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not RecoveryCode.objects.filter(user=user).exists()


def test_deactivation_with_a_current_code_turns_it_off(auth_client, user, recovery_codes):
    response = auth_client.post(URL, {"code": current_code(user)})

    assert response.status_code == 204
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_deactivation_with_a_recovery_code_turns_it_off(auth_client, user, recovery_codes):
    assert auth_client.post(URL, {"code": recovery_codes[0]}).status_code == 204


def test_deactivation_with_a_wrong_password_is_refused(auth_client, user, recovery_codes):
    response = auth_client.post(URL, {"current_password": "not it"})

    assert response.status_code == 400
    assert "current_password" in response.json()
    assert_still_on(user)


def test_deactivation_with_a_wrong_code_is_refused(auth_client, user, recovery_codes):
    wrong = "000000" if current_code(user) != "000000" else "111111"

    response = auth_client.post(URL, {"code": wrong})

    assert response.status_code == 400
    assert "code" in response.json()
    assert_still_on(user)


def test_deactivation_with_a_code_already_used_is_refused(auth_client, user, recovery_codes):
    code = current_code(user)
    auth_client.post(reverse("mfa-recovery-codes"), {"code": code})

    assert auth_client.post(URL, {"code": code}).status_code == 400
    assert_still_on(user)


def test_deactivation_with_nothing_is_refused(auth_client, user, recovery_codes):
    response = auth_client.post(URL, {})

    assert response.status_code == 400
    assert "non_field_errors" in response.json()
    assert_still_on(user)


def test_deactivation_when_it_is_off_is_refused(auth_client):
    response = auth_client.post(URL, {"current_password": PASSWORD})

    assert response.status_code == 400
    assert "non_field_errors" in response.json()


def test_deactivation_needs_a_login(api_client):
    assert api_client.post(URL, {"current_password": PASSWORD}).status_code == 401


def test_wrong_passwords_are_throttled(auth_client, user, recovery_codes, rates):
    rates(mfa_failed="2/min")
    for _ in range(2):
        auth_client.post(URL, {"current_password": "not it"})

    response = auth_client.post(URL, {"current_password": PASSWORD})

    assert response.status_code == 429
    assert_still_on(user)
