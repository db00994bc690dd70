"""What a login with a mailed code does, whichever token kind it ends in."""

import datetime
import re

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from rest_framework.test import APIClient

from login_codes.services import MAX_ATTEMPTS
{% if cookiecutter.mfa %}
from mfa.tests.helpers import enable_mfa
{% endif %}
from users.models import User


class CodeLoginContract:
    url = None
    token_keys = None

    @pytest.fixture
    def code(self, user, mailoutbox):
        APIClient().post(reverse("login-code-request"), {"email": user.email})
        return re.search(r"\b(\d{6})\b", mailoutbox[-1].body)[1]

    def log_in(self, email, code):
        return APIClient().post(self.url, {"email": email, "code": code})

    def wrong(self, code):
        return f"{(int(code) + 1) % 10**6:06d}"

    def test_the_mailed_code_gives_the_tokens(self, user, code):
        response = self.log_in(user.email, code)

        assert response.status_code == 200
        assert set(response.json()) == self.token_keys

    def test_the_tokens_open_the_account(self, user, code):
        tokens = self.log_in(user.email, code).json()

        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=self.authorization(tokens))
        assert client.get(reverse("user-me")).status_code == 200

    def test_the_address_matches_in_any_letter_case(self, user, code):
        assert self.log_in(user.email.upper(), code).status_code == 200

    def test_a_code_works_once(self, user, code):
        self.log_in(user.email, code)

        response = self.log_in(user.email, code)

        assert response.status_code == 400
        assert "non_field_errors" in response.json()

    def test_a_wrong_code_is_refused(self, user, code):
        response = self.log_in(user.email, self.wrong(code))

        assert response.status_code == 400
        assert "non_field_errors" in response.json()

    def test_a_code_expires(self, user, code):
        later = datetime.timedelta(seconds=settings.LOGIN_CODE_TIMEOUT + 1)

        with time_machine.travel(later):
            response = self.log_in(user.email, code)

        assert response.status_code == 400

    def test_a_code_allows_a_few_attempts(self, user, code):
        for _ in range(MAX_ATTEMPTS):
            self.log_in(user.email, self.wrong(code))

        assert self.log_in(user.email, code).status_code == 400

    def test_someone_elses_code_is_refused(self, user, other_user, code):
        assert self.log_in(other_user.email, code).status_code == 400

    def test_an_earlier_code_stops_working_when_a_new_one_is_mailed(self, user, code, mailoutbox):
        APIClient().post(reverse("login-code-request"), {"email": user.email})

        if re.search(r"\b(\d{6})\b", mailoutbox[-1].body)[1] == code:
            pytest.skip("the new code happens to be the old one")
        assert self.log_in(user.email, code).status_code == 400

    def test_an_unknown_address_is_refused_like_a_wrong_code(self, db):
        response = self.log_in("nobody@example.com", "123456")

        assert response.status_code == 400
        assert "non_field_errors" in response.json()

    def test_a_deactivated_user_cannot_log_in(self, user, code):
        User.objects.filter(pk=user.pk).update(is_active=False)

        assert self.log_in(user.email, code).status_code == 400

    def test_wrong_codes_count_against_the_client_address(self, user, code, rates):
        rates(login_failed_ip="2/min")
        for _ in range(2):
            self.log_in(user.email, self.wrong(code))

        assert self.log_in(user.email, code).status_code == 429
{% if cookiecutter.mfa %}

    def test_a_user_with_a_second_factor_gets_a_challenge_instead(self, user, code):
        enable_mfa(user)

        response = self.log_in(user.email, code)

        assert response.status_code == 200
        assert set(response.json()) == {"mfa_required", "challenge"}
{% endif %}
