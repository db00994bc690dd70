import pytest
from django.urls import reverse

from users.tests.factories import UserFactory
from users.tests.helpers import assert_field_error
from users.tests.mail import link_params
from users.tokens import encode_uid, password_reset_token

URL = reverse("user-reset-password")


def test_reset_password_mails_a_link_to_an_active_user(api_client, user, mailoutbox):
    response = api_client.post(URL, {"email": user.email})

    assert response.status_code == 204
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [user.email]
    link = link_params(mailoutbox[0])
    assert link["uid"] == encode_uid(user.pk)
    assert password_reset_token.check_token(user, link["token"])


def test_reset_password_matches_the_email_in_any_letter_case(api_client, user, mailoutbox):
    response = api_client.post(URL, {"email": user.email.upper()})

    assert response.status_code == 204
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [user.email]


def test_reset_password_matches_a_non_ascii_email_in_any_letter_case(api_client, db, mailoutbox):
    user = UserFactory(email="emile@zoë.example.com")

    response = api_client.post(URL, {"email": "Emile@ZOË.example.com"})

    assert response.status_code == 204
    assert [message.to for message in mailoutbox] == [[user.email]]


def test_reset_password_for_unknown_email_sends_nothing(api_client, user, mailoutbox):
    response = api_client.post(URL, {"email": "nobody@example.com"})

    assert response.status_code == 204
    assert mailoutbox == []


def test_reset_password_for_inactive_user_sends_nothing(api_client, db, mailoutbox):
    inactive = UserFactory(is_active=False)

    response = api_client.post(URL, {"email": inactive.email})

    assert response.status_code == 204
    assert mailoutbox == []


@pytest.mark.parametrize("email", ["not-an-email", "two@@example.com", "", "a" * 400])
def test_reset_password_with_malformed_email_is_refused(api_client, mailoutbox, email):
    response = api_client.post(URL, {"email": email})

    assert_field_error(response, "email")
    assert mailoutbox == []


def test_reset_password_without_email_is_refused(api_client):
    response = api_client.post(URL, {})

    assert_field_error(response, "email")
