import pytest
from django.urls import reverse
{% if cookiecutter.jwt_cookie %}
from rest_framework.test import APIClient
{% endif %}

{% if cookiecutter.jwt_cookie %}
from mfa.tests.helpers import current_code
{% endif %}
from mfa.tests.login_contract import SecondFactorLoginContract
{% if cookiecutter.jwt_cookie %}
from users.jwt_cookies import ACCESS_COOKIE, REFRESH_COOKIE
{% endif %}

pytestmark = pytest.mark.django_db


class TestJWTLoginWithSecondFactor(SecondFactorLoginContract):
    login_url = reverse("jwt-create")
    verify_url = reverse("jwt-mfa-verify")
    token_keys = {"access", "refresh"}

    def authorization(self, tokens):
        return f"Bearer {tokens['access']}"
{% if cookiecutter.jwt_cookie %}

    def test_a_browser_gets_the_cookies_after_the_second_factor_only(self, user, recovery_codes):
        browser = APIClient(enforce_csrf_checks=True)
        token = browser.get(reverse("csrf")).json()["csrf_token"]
        headers = {"HTTP_ORIGIN": "http://testserver", "HTTP_X_CSRFTOKEN": token}

        login = self.log_in(user, browser, **headers)
        assert ACCESS_COOKIE not in login.cookies
        body = {"challenge": login.json()["challenge"], "code": current_code(user)}
        verified = browser.post(self.verify_url, body, **headers)

        assert verified.status_code == 200
        assert {ACCESS_COOKIE, REFRESH_COOKIE} <= set(verified.cookies)
{% endif %}
