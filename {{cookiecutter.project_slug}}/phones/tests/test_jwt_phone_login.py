import pytest
from django.urls import reverse

from phones.tests.password_login_contract import PhoneLoginContract

pytestmark = pytest.mark.django_db


class TestJWTLoginWithPhoneNumber(PhoneLoginContract):
    url = reverse("jwt-create-phone")
    password_login_url_name = "jwt-create"
    token_keys = {"access", "refresh"}
    refused_status = 401
    refused_key = "detail"

    def authorization(self, tokens):
        return f"Bearer {tokens['access']}"
