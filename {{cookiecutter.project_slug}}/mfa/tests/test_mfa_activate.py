import pyotp
import pytest
import time_machine
from django.urls import reverse

from mfa.models import TOTPDevice
from mfa.tests.helpers import current_code, enable_mfa
from users.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
ACTIVATE = reverse("mfa-activate")
CONFIRM = reverse("mfa-activate-confirm")


def test_activation_hands_out_a_secret_and_its_otpauth_uri(auth_client, user):
    response = auth_client.post(ACTIVATE, {"current_password": PASSWORD})

    assert response.status_code == 200
    body = response.json()
    parsed = pyotp.parse_uri(body["otpauth_uri"])
    assert parsed.secret == body["secret"]
    assert parsed.name == user.get_username()


def test_activation_is_off_until_a_first_code_confirms_it(auth_client, user):
    auth_client.post(ACTIVATE, {"current_password": PASSWORD})

    assert auth_client.get(reverse("mfa-status")).json()["enabled"] is False


def test_a_first_code_turns_it_on_and_answers_ten_recovery_codes(auth_client, user):
    auth_client.post(ACTIVATE, {"current_password": PASSWORD})

    response = auth_client.post(CONFIRM, {"code": current_code(user)})

    assert response.status_code == 200
    codes = response.json()["recovery_codes"]
    assert len(set(codes)) == 10
    assert auth_client.get(reverse("mfa-status")).json()["enabled"] is True


def test_recovery_codes_are_stored_hashed(auth_client, user):
    auth_client.post(ACTIVATE, {"current_password": PASSWORD})
    codes = auth_client.post(CONFIRM, {"code": current_code(user)}).json()["recovery_codes"]

    stored = set(user.recovery_codes.values_list("code_hash", flat=True))
    assert stored.isdisjoint(codes)


def test_activation_needs_the_password(auth_client):
    response = auth_client.post(ACTIVATE, {"current_password": "not it"})

    assert response.status_code == 400
    assert "current_password" in response.json()
    assert not TOTPDevice.objects.exists()


def test_activation_when_already_on_is_refused(auth_client, user):
    enable_mfa(user)
    secret = user.totp_device.secret

    response = auth_client.post(ACTIVATE, {"current_password": PASSWORD})

    assert response.status_code == 400
    assert "non_field_errors" in response.json()
    user.totp_device.refresh_from_db()
    assert user.totp_device.secret == secret


def test_a_wrong_code_does_not_turn_it_on(auth_client, user):
    auth_client.post(ACTIVATE, {"current_password": PASSWORD})
    wrong = "000000" if current_code(user) != "000000" else "111111"

    response = auth_client.post(CONFIRM, {"code": wrong})

    assert response.status_code == 400
    assert "code" in response.json()
    assert auth_client.get(reverse("mfa-status")).json()["enabled"] is False


def test_an_expired_code_does_not_turn_it_on(auth_client, user):
    auth_client.post(ACTIVATE, {"current_password": PASSWORD})
    old_code = current_code(user, steps=-3)

    response = auth_client.post(CONFIRM, {"code": old_code})

    assert response.status_code == 400


def test_confirming_without_starting_is_refused(auth_client):
    response = auth_client.post(CONFIRM, {"code": "123456"})

    assert response.status_code == 400
    assert "non_field_errors" in response.json()


def test_someone_elses_code_does_not_confirm(auth_client, user, other_user):
    auth_client.post(ACTIVATE, {"current_password": PASSWORD})
    enable_mfa(other_user)
    theirs = current_code(other_user)
    if theirs == current_code(user):
        pytest.skip("the two secrets gave the same code this period")

    assert auth_client.post(CONFIRM, {"code": theirs}).status_code == 400


def test_a_new_activation_replaces_an_unconfirmed_secret(auth_client, user):
    first = auth_client.post(ACTIVATE, {"current_password": PASSWORD}).json()["secret"]

    second = auth_client.post(ACTIVATE, {"current_password": PASSWORD}).json()["secret"]

    assert first != second
    assert TOTPDevice.objects.get(user=user).secret == second


def test_activation_needs_a_login(api_client):
    assert api_client.post(ACTIVATE, {"current_password": PASSWORD}).status_code == 401


@time_machine.travel("2026-01-01 12:00:00", tick=False)
def test_codes_of_the_neighbouring_periods_are_accepted_for_clock_drift(auth_client, user):
    auth_client.post(ACTIVATE, {"current_password": PASSWORD})

    response = auth_client.post(CONFIRM, {"code": current_code(user, steps=-1)})

    assert response.status_code == 200
