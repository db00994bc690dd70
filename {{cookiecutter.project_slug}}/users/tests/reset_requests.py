"""What both reset-request endpoints promise: a one-time link mailed to a known, active
address, and the same 204 with no mail for every other address."""

import pytest
from django.urls import reverse

from users.tests.factories import UserFactory
from users.tests.helpers import assert_field_error
from users.tests.mail import link_params
from users.tokens import encode_uid


class ResetRequestTests:
    url_name = None
    token_generator = None

    @pytest.fixture
    def url(self):
        return reverse(self.url_name)

    def test_mails_a_link_to_an_active_user(self, api_client, url, user, mailoutbox):
        response = api_client.post(url, {"email": user.email})

        assert response.status_code == 204
        assert len(mailoutbox) == 1
        assert mailoutbox[0].to == [user.email]
        link = link_params(mailoutbox[0])
        assert link["uid"] == encode_uid(user.pk)
        assert self.token_generator.check_token(user, link["token"])

    def test_matches_the_email_in_any_letter_case(self, api_client, url, user, mailoutbox):
        response = api_client.post(url, {"email": user.email.upper()})

        assert response.status_code == 204
        assert [message.to for message in mailoutbox] == [[user.email]]

    def test_matches_a_non_ascii_email_in_any_letter_case(self, api_client, url, db, mailoutbox):
        user = UserFactory(email="emile@zoë.example.com")

        response = api_client.post(url, {"email": "Emile@ZOË.example.com"})

        assert response.status_code == 204
        assert [message.to for message in mailoutbox] == [[user.email]]

    def test_for_an_address_still_pending_confirmation_sends_nothing(
        self, api_client, url, user, mailoutbox
    ):
        user.pending_email = "grace@example.com"
        user.save()

        response = api_client.post(url, {"email": "grace@example.com"})

        assert response.status_code == 204
        assert mailoutbox == []

    def test_for_unknown_email_sends_nothing(self, api_client, url, user, mailoutbox):
        response = api_client.post(url, {"email": "nobody@example.com"})

        assert response.status_code == 204
        assert mailoutbox == []

    def test_for_inactive_user_sends_nothing(self, api_client, url, inactive_user, mailoutbox):
        response = api_client.post(url, {"email": inactive_user.email})

        assert response.status_code == 204
        assert mailoutbox == []

    @pytest.mark.parametrize("email", ["not-an-email", "two@@example.com", "", "a" * 400])
    def test_with_malformed_email_is_refused(self, api_client, url, db, mailoutbox, email):
        response = api_client.post(url, {"email": email})

        assert_field_error(response, "email")
        assert mailoutbox == []

    def test_without_email_is_refused(self, api_client, url, db):
        response = api_client.post(url, {})

        assert_field_error(response, "email")
