"""What a login with a phone number and the password does, whichever token kind it ends in."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

{% if cookiecutter.mfa %}
from mfa.tests.helpers import enable_mfa
{% endif %}
from phones.tests.helpers import verified_user
from users.models import User
from users.tests.factories import PASSWORD, UserFactory


class PhoneLoginContract:
    url = None
    # The login with the login name and the password, of the same token kind.
    password_login_url_name = None
    token_keys = None
    # How the password login of the same token kind refuses credentials.
    refused_status = None
    refused_key = None

    @pytest.fixture
    def user(self, db):
        return verified_user()

    def log_in(self, phone_number, password=PASSWORD, client=None):
        body = {"phone_number": str(phone_number), "password": password}
        return (client or APIClient()).post(self.url, body, format="json")

    def assert_refused(self, response):
        assert response.status_code == self.refused_status, response.content
        assert list(response.json()) == [self.refused_key]

    def test_a_verified_number_and_the_password_give_the_tokens(self, user):
        response = self.log_in(user.phone_number)

        assert response.status_code == 200
        assert set(response.json()) == self.token_keys

    def test_the_tokens_open_the_account(self, user):
        tokens = self.log_in(user.phone_number).json()

        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=self.authorization(tokens))
        assert client.get(reverse("user-me")).json()["id"] == user.pk

    def test_the_number_may_be_written_with_spaces(self, user):
        assert self.log_in(user.phone_number.as_international).status_code == 200

    def test_a_wrong_password_is_refused(self, user):
        self.assert_refused(self.log_in(user.phone_number, "wrong password"))

    def test_an_unverified_number_is_refused_like_a_wrong_password(self, user):
        unverified = UserFactory()

        response = self.log_in(unverified.phone_number)

        self.assert_refused(response)
        assert response.json() == self.log_in(user.phone_number, "wrong password").json()

    def test_an_unknown_number_is_refused_like_a_wrong_password(self, db):
        self.assert_refused(self.log_in("+4915100000000"))

    def test_a_deactivated_user_cannot_log_in(self, user):
        User.objects.filter(pk=user.pk).update(is_active=False)

        self.assert_refused(self.log_in(user.phone_number))

    def test_the_email_address_does_not_log_in_here(self, user):
        self.assert_refused(self.log_in(user.email))

    def test_failed_logins_per_number_are_limited(self, user, rates):
        rates(login_failed="2/min")
        for _ in range(2):
            self.log_in(user.phone_number, "wrong password", APIClient(REMOTE_ADDR="10.0.0.1"))

        # Even the right password waits, from another address and written otherwise.
        response = self.log_in(
            user.phone_number.as_international, client=APIClient(REMOTE_ADDR="10.0.0.2")
        )

        assert response.status_code == 429

    def test_failed_logins_by_number_and_by_login_name_share_one_limit(self, user, rates):
        rates(login_failed="2/min")
        self.log_in(user.phone_number, "wrong password")
        body = {User.USERNAME_FIELD: user.get_username(), "password": "wrong password"}
        APIClient().post(reverse(self.password_login_url_name), body, format="json")

        assert self.log_in(user.phone_number).status_code == 429

    def test_failed_logins_per_client_address_are_limited(self, db, rates):
        rates(login_failed_ip="2/min")
        attacker = APIClient(REMOTE_ADDR="10.0.0.1")
        for number in range(2):
            self.log_in(f"+491517000000{number}", "guess", attacker)

        assert self.log_in("+4915170000009", "guess", attacker).status_code == 429

    def test_successful_logins_do_not_count(self, user, rates):
        rates(login_failed="2/min", login_failed_ip="2/min")

        statuses = [self.log_in(user.phone_number).status_code for _ in range(4)]

        assert statuses == [200] * 4
{% if cookiecutter.mfa %}

    def test_a_user_with_a_second_factor_gets_a_challenge_instead(self, user):
        enable_mfa(user)

        response = self.log_in(user.phone_number)

        assert response.status_code == 200
        assert set(response.json()) == {"mfa_required", "challenge"}
{% endif %}
