import pytest
from django.urls import reverse

from phones.tests.code_login_contract import PhoneCodeLoginContract

pytestmark = pytest.mark.django_db


class TestJWTLoginWithTextedCode(PhoneCodeLoginContract):
    url = reverse("jwt-create-phone-code")
    token_keys = {"access", "refresh"}

    def authorization(self, tokens):
        return f"Bearer {tokens['access']}"
