import pytest
from django.urls import reverse

from login_codes.tests.login_contract import CodeLoginContract

pytestmark = pytest.mark.django_db


class TestTokenLoginWithCode(CodeLoginContract):
    url = reverse("login-code")
    token_keys = {"auth_token"}

    def authorization(self, tokens):
        return f"Token {tokens['auth_token']}"
