import pytest
from django.urls import reverse

from phones.tests.code_login_contract import PhoneCodeLoginContract

pytestmark = pytest.mark.django_db


class TestTokenLoginWithTextedCode(PhoneCodeLoginContract):
    url = reverse("login-phone-code")
    token_keys = {"auth_token"}

    def authorization(self, tokens):
        return f"Token {tokens['auth_token']}"
