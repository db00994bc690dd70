import pytest
from django.urls import reverse

from mfa.tests.login_contract import SecondFactorLoginContract

pytestmark = pytest.mark.django_db


class TestTokenLoginWithSecondFactor(SecondFactorLoginContract):
    login_url = reverse("login")
    verify_url = reverse("login-mfa-verify")
    token_keys = {"auth_token"}

    def authorization(self, tokens):
        return f"Token {tokens['auth_token']}"
