import re

import pytest
from django.urls import reverse

from login_codes.models import LoginCode

pytestmark = pytest.mark.django_db
URL = reverse("login-code-request")


def test_a_known_address_is_mailed_a_six_digit_code(api_client, user, mailoutbox):
    response = api_client.post(URL, {"email": user.email})

    assert response.status_code == 204
    [message] = mailoutbox
    assert message.to == [user.email]
    assert re.search(r"\b\d{6}\b", message.body)


def test_the_code_is_stored_hashed(api_client, user, mailoutbox):
    api_client.post(URL, {"email": user.email})

    code = re.search(r"\b(\d{6})\b", mailoutbox[0].body)[1]
    assert code not in LoginCode.objects.get(user=user).code_hash


def test_an_unknown_address_gets_the_same_answer_and_no_mail(api_client, db, mailoutbox):
    response = api_client.post(URL, {"email": "nobody@example.com"})

    assert response.status_code == 204
    assert mailoutbox == []


def test_an_inactive_account_gets_no_code(api_client, inactive_user, mailoutbox):
    assert api_client.post(URL, {"email": inactive_user.email}).status_code == 204
    assert mailoutbox == []


def test_the_address_matches_in_any_letter_case(api_client, user, mailoutbox):
    api_client.post(URL, {"email": user.email.upper()})

    assert [message.to for message in mailoutbox] == [[user.email]]


def test_a_new_request_replaces_the_earlier_code(api_client, user, mailoutbox):
    api_client.post(URL, {"email": user.email})
    api_client.post(URL, {"email": user.email})

    assert LoginCode.objects.filter(user=user).count() == 1


@pytest.mark.parametrize("email", ["", "not an address", None])
def test_a_bad_address_is_refused(api_client, db, email):
    response = api_client.post(URL, {"email": email}, format="json")

    assert response.status_code == 400
    assert "email" in response.json()


def test_requests_are_throttled_per_address(api_client, user, rates, mailoutbox):
    rates(account_mail="2/hour")
    for _ in range(2):
        api_client.post(URL, {"email": user.email})

    response = api_client.post(URL, {"email": user.email})

    assert response.status_code == 429
    assert len(mailoutbox) == 2
