{% set field = cookiecutter.username_field %}
{% set drf_token = cookiecutter.token_strategy in ["token", "both"] %}
{% set jwt = cookiecutter.token_strategy in ["jwt", "both"] %}
"""No input makes the API fail: every bad body gets a 4xx JSON object saying what is wrong."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient
{% if jwt %}
from rest_framework_simplejwt.tokens import RefreshToken
{% endif %}

from users.tests.factories import PASSWORD
from users.tokens import (
{% if cookiecutter.send_activation_email %}
    activation_token,
{% endif %}
    email_change_token,
    encode_uid,
    password_reset_token,
    username_reset_token,
)

NEW_PASSWORD = "a new and longer passphrase"
{% if field == "email" %}
NEW_LOGIN = "new.address@example.com"
{% else %}
NEW_LOGIN = "new_name"
{% endif %}
# Endpoints that answer 401 before reading the body unless the client is logged in.
{% if cookiecutter.phone_number != "none" %}
LOGGED_IN = {"user-set-password", "user-set-username", "user-phone-verify-confirm"}
{% else %}
LOGGED_IN = {"user-set-password", "user-set-username"}
{% endif %}


def valid_body(name, user):
    """A body the endpoint `name` accepts from `user` (registration: from a newcomer)."""
    uid = encode_uid(user.pk)
    bodies = {
        "user-list": {
{% if field == "username" %}
            "username": "newcomer",
{% endif %}
            "email": "newcomer@example.com",
{% if cookiecutter.phone_number != "none" %}
            "phone_number": "+4915199999999",
{% endif %}
            "password": NEW_PASSWORD,
{% if cookiecutter.user_create_password_retype %}
            "re_password": NEW_PASSWORD,
{% endif %}
        },
{% if cookiecutter.send_activation_email %}
        "user-activation": {"uid": uid, "token": activation_token.make_token(user)},
        "user-resend-activation": {"email": user.email},
{% endif %}
        "user-set-password": {
            "current_password": PASSWORD,
            "new_password": NEW_PASSWORD,
{% if cookiecutter.set_password_retype %}
            "re_new_password": NEW_PASSWORD,
{% endif %}
        },
        "user-reset-password": {"email": user.email},
        "user-reset-password-confirm": {
            "uid": uid,
            "token": password_reset_token.make_token(user),
            "new_password": NEW_PASSWORD,
{% if cookiecutter.password_reset_confirm_retype %}
            "re_new_password": NEW_PASSWORD,
{% endif %}
        },
        "user-set-username": {
            "current_password": PASSWORD,
            "new_{{ field }}": NEW_LOGIN,
{% if cookiecutter.set_username_retype %}
            "re_new_{{ field }}": NEW_LOGIN,
{% endif %}
        },
        "user-reset-username": {"email": user.email},
        "user-reset-username-confirm": {
            "uid": uid,
            "token": username_reset_token.make_token(user),
            "new_{{ field }}": NEW_LOGIN,
{% if cookiecutter.username_reset_confirm_retype %}
            "re_new_{{ field }}": NEW_LOGIN,
{% endif %}
        },
        "user-change-email-confirm": {"uid": uid, "token": email_change_token.make_token(user)},
{% if drf_token %}
        "login": {"{{ field }}": user.{{ field }}, "password": PASSWORD},
{% endif %}
{% if jwt %}
        "jwt-create": {"{{ field }}": user.{{ field }}, "password": PASSWORD},
        "jwt-refresh": {"refresh": str(RefreshToken.for_user(user))},
        "jwt-verify": {"token": str(RefreshToken.for_user(user).access_token)},
{% endif %}
{% if cookiecutter.phone_number != "none" %}
        "user-phone-verify-confirm": {"code": "123456"},
        "phone-code-request": {"phone_number": str(user.phone_number)},
{% if drf_token %}
        "login-phone": {"phone_number": str(user.phone_number), "password": PASSWORD},
        "login-phone-code": {"phone_number": str(user.phone_number), "code": "123456"},
{% endif %}
{% if jwt %}
        "jwt-create-phone": {"phone_number": str(user.phone_number), "password": PASSWORD},
        "jwt-create-phone-code": {"phone_number": str(user.phone_number), "code": "123456"},
{% endif %}
{% endif %}
    }
    return bodies[name]


# Every POST endpoint that reads a body, and the fields of that body.
FIELDS = {
    "user-list": [
{% if field == "username" %}
        "username",
{% endif %}
        "email",
{% if cookiecutter.phone_number == "required" %}
        "phone_number",
{% endif %}
        "password",
{% if cookiecutter.user_create_password_retype %}
        "re_password",
{% endif %}
    ],
{% if cookiecutter.send_activation_email %}
    "user-activation": ["uid", "token"],
    "user-resend-activation": ["email"],
{% endif %}
    "user-set-password": [
        "current_password",
        "new_password",
{% if cookiecutter.set_password_retype %}
        "re_new_password",
{% endif %}
    ],
    "user-reset-password": ["email"],
    "user-reset-password-confirm": [
        "uid",
        "token",
        "new_password",
{% if cookiecutter.password_reset_confirm_retype %}
        "re_new_password",
{% endif %}
    ],
    "user-set-username": [
        "current_password",
        "new_{{ field }}",
{% if cookiecutter.set_username_retype %}
        "re_new_{{ field }}",
{% endif %}
    ],
    "user-reset-username": ["email"],
    "user-reset-username-confirm": [
        "uid",
        "token",
        "new_{{ field }}",
{% if cookiecutter.username_reset_confirm_retype %}
        "re_new_{{ field }}",
{% endif %}
    ],
    "user-change-email-confirm": ["uid", "token"],
{% if drf_token %}
    "login": ["{{ field }}", "password"],
{% endif %}
{% if jwt %}
    "jwt-create": ["{{ field }}", "password"],
    "jwt-refresh": ["refresh"],
    "jwt-verify": ["token"],
{% endif %}
{% if cookiecutter.phone_number != "none" %}
    "user-phone-verify-confirm": ["code"],
    "phone-code-request": ["phone_number"],
{% if drf_token %}
    "login-phone": ["phone_number", "password"],
    "login-phone-code": ["phone_number", "code"],
{% endif %}
{% if jwt %}
    "jwt-create-phone": ["phone_number", "password"],
    "jwt-create-phone-code": ["phone_number", "code"],
{% endif %}
{% endif %}
}

NOT_TEXT = {
    "null": None,
    "true": True,
    "list": ["MQ"],
    "empty_list": [],
    "object": {"uid": "MQ"},
    "empty_object": {},
}
BAD_TEXT = {
    "empty": "",
    "nul_character": "MQ\x00",
    # JSON can carry half of a UTF-16 pair, which no database or encoder accepts.
    "lone_surrogate": "MQ\ud800",
    "100_kb": "M" * 100_000,
}
NUMBERS = {
    "zero": 0,
    "negative": -1,
    "huge_number": 2**70,
    "float": 1.5,
}


def digits_are_invalid(field):
    # DRF reads a number sent for a text field as its digits, and "42" is a fine
    # username, so numbers are tried only where no digits will do.
    return "username" not in field


def bad_fields():
    for name, fields in FIELDS.items():
        for field in fields:
            values = {**NOT_TEXT, **BAD_TEXT}
            if digits_are_invalid(field):
                values.update(NUMBERS)
            for value_id, value in values.items():
                yield pytest.param(name, field, value, id=f"{name}-{field}-{value_id}")


BAD_BODIES = {
    "list": b'[{"email": "someone@example.com"}]',
    "empty_list": b"[]",
    "null": b"null",
    "string": b'"text"',
    "number": b"42",
    "true": b"true",
    "empty": b"",
    "not_json": b"this is not JSON",
    "truncated": b'{"email": ',
    "invalid_utf8": b"\xff\xfe\xfd",
    "invalid_utf8_in_a_string": b'{"email": "\xff\xfe@example.com"}',
    "nan": json.dumps(dict.fromkeys(["uid", "token", "email", "password"], float("nan"))).encode(),
    "huge_number": b'{"uid": ' + b"9" * 5000 + b"}",
    "deeply_nested_list": b"[" * 100_000,
    "deeply_nested_object": b'{"a":' * 100_000,
    "deeply_nested_closed": b"[" * 100_000 + b"]" * 100_000,
    "100_kb_key": json.dumps({"M" * 100_000: "x"}).encode(),
}


def client_for(name, user):
    client = APIClient()
    if name in LOGGED_IN:
        client.force_authenticate(user)
    return client


def assert_json_error(response, fields):
    """A 4xx whose JSON object names a field, non_field_errors or detail."""
    assert 400 <= response.status_code < 500, (response.status_code, response.content[:300])
    errors = response.json()
    assert isinstance(errors, dict), errors
    assert set(errors) & {*fields, "non_field_errors", "detail"}, errors


@pytest.mark.parametrize(("name", "field", "value"), list(bad_fields()))
def test_bad_field_value_is_refused(user, name, field, value):
    # json.dumps escapes what UTF-8 cannot carry, such as a lone surrogate.
    body = json.dumps({**valid_body(name, user), field: value})

    response = client_for(name, user).post(reverse(name), body, content_type="application/json")

    assert_json_error(response, [field])


@pytest.mark.parametrize("body", BAD_BODIES.values(), ids=BAD_BODIES.keys())
@pytest.mark.parametrize("name", FIELDS)
def test_malformed_json_body_is_refused(user, name, body):
    response = client_for(name, user).post(reverse(name), body, content_type="application/json")

    assert_json_error(response, FIELDS[name])


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"--x\r\n", "multipart/form-data"),
        (b"--x\r\nContent-Disposition: form-data\r\n\r\n", "multipart/form-data; boundary=x"),
        (b"email=someone@example.com", "text/plain"),
        (b"<email>someone@example.com</email>", "application/xml"),
        (b'{"e', "application/json; charset=utf-16"),
        (b"[]", "application/json; charset=no-such-charset"),
        (b"email=%ff%fe&uid=%00&token=%00&password=%00", "application/x-www-form-urlencoded"),
    ],
    ids=[
        "multipart_without_boundary",
        "broken_multipart",
        "text",
        "xml",
        "truncated_utf16",
        "unknown_charset",
        "form_with_bad_bytes",
    ],
)
@pytest.mark.parametrize("name", FIELDS)
def test_unreadable_body_is_refused(user, name, body, content_type):
    response = client_for(name, user).post(reverse(name), body, content_type=content_type)

    assert_json_error(response, FIELDS[name])


@pytest.mark.parametrize("name", FIELDS)
def test_file_upload_as_a_field_is_refused(user, name):
    data = {
        field: SimpleUploadedFile("value.txt", b"value", content_type="text/plain")
        for field in FIELDS[name]
    }

    response = client_for(name, user).post(reverse(name), data, format="multipart")

    assert_json_error(response, FIELDS[name])


@pytest.mark.parametrize("name", [name for name in FIELDS if name != "user-list"])
def test_get_on_a_post_only_endpoint_is_refused(user, name):
    client = APIClient()
    client.force_authenticate(user)

    response = client.get(reverse(name))

    assert response.status_code == 405
    assert "detail" in response.json()
{% if drf_token %}


@pytest.mark.parametrize("body", BAD_BODIES.values(), ids=BAD_BODIES.keys())
def test_logout_ignores_its_body(user, body):
    client = APIClient()
    client.force_authenticate(user)

    response = client.post(reverse("logout"), body, content_type="application/json")

    assert response.status_code == 204
{% endif %}


UNKNOWN_PATHS = [
    "/auth/nothing/",
    "/auth/users/nothing/",
    "/auth/users/abc/",
    "/auth/users/-1/",
    "/auth/users/1/nothing/",
    "/auth/users/me/nothing/",
    "/auth/users/set_password/nothing/",
    "/auth/users/set_password",
    "/auth/users/reset_password_confirm/MQ/token/",
{% if field == "email" %}
    "/auth/users/set_username/",
    "/auth/users/reset_username/",
    "/auth/users/reset_username_confirm/",
{% else %}
    "/auth/users/set_email/",
    "/auth/users/reset_email/",
    "/auth/users/reset_email_confirm/",
{% endif %}
{% if not cookiecutter.send_activation_email %}
    "/auth/users/activation/",
    "/auth/users/resend_activation/",
{% endif %}
{% if drf_token %}
    "/auth/token/",
{% else %}
    "/auth/token/login/",
    "/auth/token/login",
    "/auth/token/logout/",
{% endif %}
{% if jwt %}
    "/auth/jwt/",
{% else %}
    "/auth/jwt/create/",
    "/auth/jwt/refresh/",
    "/auth/jwt/verify/",
{% endif %}
]


@pytest.mark.parametrize("path", UNKNOWN_PATHS)
@pytest.mark.parametrize("method", ["get", "post", "delete"])
def test_unknown_auth_url_answers_a_json_404(db, method, path):
    response = getattr(APIClient(), method)(path)

    assert response.status_code == 404
    assert isinstance(response.json(), dict)
    assert "detail" in response.json()
