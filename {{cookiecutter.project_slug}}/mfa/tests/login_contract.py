"""What a login with a second factor does, whichever token kind it ends in."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from rest_framework.test import APIClient

from mfa.tests.helpers import current_code, enable_mfa
from users.models import User
from users.tests.factories import PASSWORD


def wrong_code(user):
    return "000000" if current_code(user) != "000000" else "111111"


class SecondFactorLoginContract:
    login_url = None
    verify_url = None
    token_keys = None

    @pytest.fixture
    def recovery_codes(self, user):
        return enable_mfa(user)

    def log_in(self, user, client=None, **headers):
        body = {User.USERNAME_FIELD: user.get_username(), "password": PASSWORD}
        return (client or APIClient()).post(self.login_url, body, **headers)

    def challenge(self, user):
        return self.log_in(user).json()["challenge"]

    def verify(self, challenge, code):
        return APIClient().post(self.verify_url, {"challenge": challenge, "code": code})

    def test_login_answers_a_challenge_instead_of_tokens(self, user, recovery_codes):
        response = self.log_in(user)

        assert response.status_code == 200
        assert set(response.json()) == {"mfa_required", "challenge"}

    def test_login_without_a_second_factor_answers_tokens(self, user):
        assert set(self.log_in(user).json()) == self.token_keys

    def test_challenge_and_current_code_give_the_tokens(self, user, recovery_codes):
        response = self.verify(self.challenge(user), current_code(user))

        assert response.status_code == 200
        assert set(response.json()) == self.token_keys

    def test_challenge_and_a_recovery_code_give_the_tokens(self, user, recovery_codes):
        response = self.verify(self.challenge(user), recovery_codes[0])

        assert response.status_code == 200

    def test_a_wrong_code_is_refused(self, user, recovery_codes):
        response = self.verify(self.challenge(user), wrong_code(user))

        assert response.status_code == 400
        assert "code" in response.json()

    def test_a_code_works_once(self, user, recovery_codes):
        code = current_code(user)
        self.verify(self.challenge(user), code)

        response = self.verify(self.challenge(user), code)

        assert response.status_code == 400
        assert "code" in response.json()

    def test_a_challenge_works_once(self, user, recovery_codes):
        challenge = self.challenge(user)
        self.verify(challenge, current_code(user))

        response = self.verify(challenge, recovery_codes[0])

        assert response.status_code == 400
        assert "challenge" in response.json()

    def test_a_challenge_expires(self, user, recovery_codes):
        challenge = self.challenge(user)
        later = datetime.timedelta(seconds=settings.MFA_CHALLENGE_TIMEOUT + 1)

        with time_machine.travel(later):
            response = self.verify(challenge, recovery_codes[0])

        assert response.status_code == 400
        assert "challenge" in response.json()

    @pytest.mark.parametrize("challenge", ["", "garbage", "e30:1tXyZa:forged"])
    def test_a_forged_challenge_is_refused(self, user, recovery_codes, challenge):
        response = self.verify(challenge, current_code(user))

        assert response.status_code == 400

    def test_someone_elses_code_is_refused(self, user, other_user, recovery_codes):
        theirs = enable_mfa(other_user)

        response = self.verify(self.challenge(user), theirs[0])

        assert response.status_code == 400
        assert "code" in response.json()

    def test_a_challenge_allows_five_attempts(self, user, recovery_codes):
        challenge = self.challenge(user)
        for _ in range(5):
            self.verify(challenge, wrong_code(user))

        response = self.verify(challenge, current_code(user))

        assert response.status_code == 400
        assert "challenge" in response.json()

    def test_a_password_change_voids_the_challenge(self, user, recovery_codes):
        challenge = self.challenge(user)
        user.set_password("a new and longer passphrase")
        user.save()

        response = self.verify(challenge, current_code(user))

        assert response.status_code == 400
        assert "challenge" in response.json()

    def test_a_deactivated_user_cannot_finish_the_login(self, user, recovery_codes):
        challenge = self.challenge(user)
        User.objects.filter(pk=user.pk).update(is_active=False)

        assert self.verify(challenge, current_code(user)).status_code == 400

    def test_failed_codes_count_against_the_client_address(self, user, recovery_codes, rates):
        rates(login_failed_ip="2/min")
        challenges = [self.challenge(user) for _ in range(3)]
        for challenge in challenges[:2]:
            self.verify(challenge, wrong_code(user))

        response = self.verify(challenges[2], current_code(user))

        assert response.status_code == 429
        # Logins from that address wait too: they share the failed-login limit.
        assert self.log_in(user).status_code == 429

    def test_the_tokens_open_the_account(self, user, recovery_codes):
        tokens = self.verify(self.challenge(user), current_code(user)).json()

        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=self.authorization(tokens))
        assert client.get(reverse("user-me")).status_code == 200
