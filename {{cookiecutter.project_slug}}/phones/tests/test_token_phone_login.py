import pytest
from django.urls import reverse

from phones.tests.password_login_contract import PhoneLoginContract

pytestmark = pytest.mark.django_db


class TestTokenLoginWithPhoneNumber(PhoneLoginContract):
    url = reverse("login-phone")
    password_login_url_name = "login"
    token_keys = {"auth_token"}
    refused_status = 400
    refused_key = "non_field_errors"

    def authorization(self, tokens):
        return f"Token {tokens['auth_token']}"
