import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from phones.models import PhoneCode
from phones.tests.helpers import texted_code, verified_user
from users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
URL = reverse("user-phone-verify")


def test_a_six_digit_code_is_texted_to_the_users_number(auth_client, user, sms_outbox):
    response = auth_client.post(URL)

    assert response.status_code == 204
    [message] = sms_outbox
    assert message.to == str(user.phone_number)
    assert len(texted_code(message)) == 6


def test_the_code_is_stored_hashed(auth_client, user, sms_outbox):
    auth_client.post(URL)

    stored = PhoneCode.objects.get(user=user, purpose=PhoneCode.Purpose.VERIFY)
    assert texted_code(sms_outbox[0]) not in stored.code_hash


def test_a_new_request_replaces_the_earlier_code(auth_client, user, sms_outbox):
    auth_client.post(URL)
    auth_client.post(URL)

    assert PhoneCode.objects.filter(user=user).count() == 1


def test_a_user_without_a_number_is_told_to_add_one(auth_client, user, sms_outbox):
    user.phone_number = ""
    user.save()

    response = auth_client.post(URL)

    assert response.status_code == 400
    assert "non_field_errors" in response.json()
    assert sms_outbox == []


def test_a_verified_number_is_not_verified_again(sms_outbox):
    client = APIClient()
    client.force_authenticate(verified_user())

    response = client.post(URL)

    assert response.status_code == 400
    assert "non_field_errors" in response.json()
    assert sms_outbox == []


def test_a_provider_that_is_down_is_logged_and_the_request_still_answers(
    auth_client, settings, caplog
):
    settings.SMS_BACKEND = "phones.tests.helpers.DownSMSBackend"

    response = auth_client.post(URL)

    assert response.status_code == 204
    assert "Could not send a text message" in caplog.text


def test_anonymous_requests_are_refused(api_client):
    assert api_client.post(URL).status_code == 401


def test_texts_to_one_number_are_limited(auth_client, rates, sms_outbox):
    rates(sms="2/hour")
    for _ in range(2):
        auth_client.post(URL)

    response = auth_client.post(URL)

    assert response.status_code == 429
    assert len(sms_outbox) == 2


def test_the_limit_counts_codes_to_log_in_sent_to_the_number(user, auth_client, rates, sms_outbox):
    rates(sms="1/hour")
    APIClient().post(reverse("phone-code-request"), {"phone_number": str(user.phone_number)})

    assert auth_client.post(URL).status_code == 429


def test_requests_per_client_address_are_limited(rates, sms_outbox, db):
    rates(sms_ip="2/hour")
    client = APIClient(REMOTE_ADDR="10.0.0.1")
    for _ in range(2):
        client.force_authenticate(UserFactory())
        client.post(URL)

    client.force_authenticate(UserFactory())
    assert client.post(URL).status_code == 429
