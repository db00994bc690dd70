import pytest
from django.urls import reverse

from login_codes.tests.login_contract import CodeLoginContract

pytestmark = pytest.mark.django_db


class TestJWTLoginWithCode(CodeLoginContract):
    url = reverse("jwt-create-code")
    token_keys = {"access", "refresh"}

    def authorization(self, tokens):
        return f"Bearer {tokens['access']}"
