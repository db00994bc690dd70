"""What a login with a texted code does, whichever token kind it ends in."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from rest_framework.test import APIClient

{% if cookiecutter.mfa %}
from mfa.tests.helpers import enable_mfa
{% endif %}
from phones.services import MAX_ATTEMPTS
from phones.tests.helpers import other_code, texted_code, verified_user
from users.models import User


class PhoneCodeLoginContract:
    url = None
    token_keys = None

    @pytest.fixture
    def user(self, db):
        return verified_user()

    @pytest.fixture
    def code(self, user, sms_outbox):
        return self.request_code(user, sms_outbox)

    def request_code(self, user, sms_outbox):
        body = {"phone_number": str(user.phone_number)}
        APIClient().post(reverse("phone-code-request"), body, format="json")
        return texted_code(sms_outbox[-1])

    def log_in(self, phone_number, code):
        body = {"phone_number": str(phone_number), "code": code}
        return APIClient().post(self.url, body, format="json")

    def assert_refused(self, response):
        assert response.status_code == 400, response.content
        assert list(response.json()) == ["non_field_errors"]

    def test_the_texted_code_gives_the_tokens(self, user, code):
        response = self.log_in(user.phone_number, code)

        assert response.status_code == 200
        assert set(response.json()) == self.token_keys

    def test_the_tokens_open_the_account(self, user, code):
        tokens = self.log_in(user.phone_number, code).json()

        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=self.authorization(tokens))
        assert client.get(reverse("user-me")).json()["id"] == user.pk

    def test_the_number_may_be_written_with_spaces(self, user, code):
        assert self.log_in(user.phone_number.as_international, code).status_code == 200

    def test_a_code_works_once(self, user, code):
        self.log_in(user.phone_number, code)

        self.assert_refused(self.log_in(user.phone_number, code))

    def test_a_wrong_code_is_refused(self, user, code):
        self.assert_refused(self.log_in(user.phone_number, other_code(code)))

    def test_a_code_expires(self, user, code):
        later = datetime.timedelta(seconds=settings.PHONE_CODE_TIMEOUT + 1)

        with time_machine.travel(later):
            response = self.log_in(user.phone_number, code)

        self.assert_refused(response)

    def test_a_code_allows_a_few_attempts(self, user, code):
        for _ in range(MAX_ATTEMPTS):
            self.log_in(user.phone_number, other_code(code))

        self.assert_refused(self.log_in(user.phone_number, code))

    def test_someone_elses_code_is_refused(self, user, code):
        other = verified_user()

        self.assert_refused(self.log_in(other.phone_number, code))

    def test_an_earlier_code_stops_working_when_a_new_one_is_texted(self, user, code, sms_outbox):
        if self.request_code(user, sms_outbox) == code:
            pytest.skip("the new code happens to be the old one")

        self.assert_refused(self.log_in(user.phone_number, code))

    def test_a_verification_code_does_not_log_in(self, user, sms_outbox):
        user.phone_verified_at = None
        user.save()
        client = APIClient()
        client.force_authenticate(user)
        client.post(reverse("user-phone-verify"))
        User.objects.filter(pk=user.pk).update(phone_verified_at=user.date_joined)

        self.assert_refused(self.log_in(user.phone_number, texted_code(sms_outbox[-1])))

    def test_a_number_no_longer_verified_cannot_log_in(self, user, code):
        User.objects.filter(pk=user.pk).update(phone_verified_at=None)

        self.assert_refused(self.log_in(user.phone_number, code))

    def test_an_unknown_number_is_refused_like_a_wrong_code(self, db):
        self.assert_refused(self.log_in("+4915100000000", "123456"))

    def test_a_deactivated_user_cannot_log_in(self, user, code):
        User.objects.filter(pk=user.pk).update(is_active=False)

        self.assert_refused(self.log_in(user.phone_number, code))

    def test_wrong_codes_count_against_the_client_address(self, user, code, rates):
        rates(login_failed_ip="2/min")
        for _ in range(2):
            self.log_in(user.phone_number, other_code(code))

        assert self.log_in(user.phone_number, code).status_code == 429
{% if cookiecutter.mfa %}

    def test_a_user_with_a_second_factor_gets_a_challenge_instead(self, user, code):
        enable_mfa(user)

        response = self.log_in(user.phone_number, code)

        assert response.status_code == 200
        assert set(response.json()) == {"mfa_required", "challenge"}
{% endif %}
