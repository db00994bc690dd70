import pytest
from django.urls import reverse

from phones.models import PhoneCode
from phones.tests.helpers import texted_code, verified_user
from users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
URL = reverse("phone-code-request")


@pytest.fixture
def user(db):
    return verified_user()


def request_code(client, phone_number):
    return client.post(URL, {"phone_number": str(phone_number)}, format="json")


def test_a_verified_number_is_texted_a_six_digit_code(api_client, user, sms_outbox):
    response = request_code(api_client, user.phone_number)

    assert response.status_code == 204
    [message] = sms_outbox
    assert message.to == str(user.phone_number)
    assert len(texted_code(message)) == 6


def test_the_code_is_stored_hashed(api_client, user, sms_outbox):
    request_code(api_client, user.phone_number)

    stored = PhoneCode.objects.get(user=user, purpose=PhoneCode.Purpose.LOGIN)
    assert texted_code(sms_outbox[0]) not in stored.code_hash


def test_the_number_may_be_written_with_spaces(api_client, user, sms_outbox):
    request_code(api_client, user.phone_number.as_international)

    assert [message.to for message in sms_outbox] == [str(user.phone_number)]


def test_an_unknown_number_gets_the_same_answer_and_no_text(api_client, db, sms_outbox):
    response = request_code(api_client, "+4915100000000")

    assert response.status_code == 204
    assert sms_outbox == []


def test_an_unverified_number_gets_no_text(api_client, sms_outbox, db):
    unverified = UserFactory()

    assert request_code(api_client, unverified.phone_number).status_code == 204
    assert sms_outbox == []


def test_an_inactive_account_gets_no_text(api_client, sms_outbox, db):
    inactive = verified_user(is_active=False)

    assert request_code(api_client, inactive.phone_number).status_code == 204
    assert sms_outbox == []


def test_a_new_request_replaces_the_earlier_code(api_client, user, sms_outbox):
    request_code(api_client, user.phone_number)
    request_code(api_client, user.phone_number)

    assert PhoneCode.objects.filter(user=user).count() == 1


def test_a_provider_that_is_down_is_logged_and_the_request_still_answers(
    api_client, user, settings, caplog
):
    settings.SMS_BACKEND = "phones.tests.helpers.DownSMSBackend"

    response = request_code(api_client, user.phone_number)

    assert response.status_code == 204
    assert "Could not send a text message" in caplog.text


@pytest.mark.parametrize("phone_number", ["", "not a number", "+49", None])
def test_a_bad_number_is_refused(api_client, db, phone_number):
    response = api_client.post(URL, {"phone_number": phone_number}, format="json")

    assert response.status_code == 400
    assert "phone_number" in response.json()


def test_texts_to_one_number_are_limited_however_it_is_written(api_client, user, rates, sms_outbox):
    rates(sms="2/hour")
    request_code(api_client, user.phone_number)
    request_code(api_client, user.phone_number)

    response = request_code(api_client, user.phone_number.as_international)

    assert response.status_code == 429
    assert len(sms_outbox) == 2


def test_requests_per_client_address_are_limited(api_client, rates, db):
    rates(sms_ip="2/hour")
    for number in range(2):
        assert request_code(api_client, f"+491517000000{number}").status_code == 204

    assert request_code(api_client, "+4915170000009").status_code == 429
