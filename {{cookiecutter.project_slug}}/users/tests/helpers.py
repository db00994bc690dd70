"""Small helpers shared by the endpoint tests."""

from django.urls import reverse
{% if cookiecutter.token_strategy in ["token", "both"] %}
from rest_framework.test import APIClient, APIRequestFactory
{% else %}
from rest_framework.test import APIClient
{% endif %}

{% if cookiecutter.token_strategy in ["token", "both"] %}
from users.authtoken import issue_token
{% endif %}
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
from users.jwt import RefreshToken
{% endif %}
from users.models import User
from users.tests.factories import PASSWORD
from users.tokens import encode_uid

# The login endpoints of the token kinds this project issues.
LOGIN_URLS = [
{% if cookiecutter.token_strategy in ["token", "both"] %}
    reverse("login"),
{% endif %}
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
    reverse("jwt-create"),
{% endif %}
]
# uids a link may carry that name no user.
BAD_UIDS = {
    "empty": "",
    "garbage": "not a uid",
    "zero": encode_uid(0),
    "negative": encode_uid(-1),
    "too_large": encode_uid(2**63),
    "too_many_digits": encode_uid("9" * 5000),
    "unknown_user": encode_uid(10**9),
}


def registration_body(*, email="newcomer@example.com", username="newcomer", password=PASSWORD):
    """A body that users/ accepts from a newcomer."""
    return {
{% if cookiecutter.username_field == "username" %}
        "username": username,
{% endif %}
        "email": email,
{% if cookiecutter.phone_number != "none" %}
        "phone_number": "+4915199999999",
{% endif %}
        "password": password,
{% if cookiecutter.user_create_password_retype %}
        "re_password": password,
{% endif %}
    }


def public_fields(user):
    """What users/me/ and users/{id}/ show of `user`."""
    return {
        "id": user.pk,
{% if cookiecutter.username_field == "username" %}
        "username": user.username,
{% endif %}
        "email": user.email,
        "pending_email": user.pending_email,
        "name": user.name,
{% if cookiecutter.phone_number != "none" %}
        "phone_number": str(user.phone_number),
        "phone_verified": user.phone_verified,
{% endif %}
{% if cookiecutter.profile_image %}
        "image": None,  # the factories make users without one
{% endif %}
    }


def assert_field_error(response, field):
    """The response is a 400 whose JSON object lists messages under `field`."""
    assert response.status_code == 400, response.content
    errors = response.json()
    assert isinstance(errors, dict), errors
    assert field in errors, errors
    assert errors[field], errors
    assert all(isinstance(message, str) for message in errors[field]), errors


def can_log_in(login, password):
    """Whether the API's login endpoint accepts these credentials."""
    credentials = {User.USERNAME_FIELD: login, "password": password}
{% if cookiecutter.token_strategy in ["token", "both"] %}
    response = APIClient().post(reverse("login"), credentials)
{% else %}
    response = APIClient().post(reverse("jwt-create"), credentials)
{% endif %}
    return response.status_code == 200


def authorization_headers(user):
    """An Authorization header for each kind of credential the API issues."""
    headers = {}
{% if cookiecutter.token_strategy in ["token", "both"] %}
    headers["drf_token"] = f"Token {drf_token(user)}"
{% endif %}
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
    headers["jwt"] = f"Bearer {RefreshToken.for_user(user).access_token}"
{% endif %}
    return headers


{% if cookiecutter.token_strategy in ["token", "both"] %}
def drf_token(user):
    """The key of a new DRF token for `user`, as a login gets."""
    request = APIRequestFactory().post("/")
    return issue_token(user, request)


{% endif %}
def log_in_from(url, user, *, agent="Test browser", address="192.0.2.1"):
    """Log `user` in at a login URL from a device; return the Authorization header it gets."""
    client = APIClient(HTTP_USER_AGENT=agent, REMOTE_ADDR=address)
    credentials = {User.USERNAME_FIELD: user.get_username(), "password": PASSWORD}
    body = client.post(url, credentials, format="json").json()
{% if cookiecutter.token_strategy == "both" %}
    return f"Token {body['auth_token']}" if "auth_token" in body else f"Bearer {body['access']}"
{% elif cookiecutter.token_strategy == "token" %}
    return f"Token {body['auth_token']}"
{% else %}
    return f"Bearer {body['access']}"
{% endif %}


def me_status(authorization):
    """The status of GET users/me/ sent with this Authorization header."""
    response = APIClient().get(reverse("user-me"), HTTP_AUTHORIZATION=authorization)
    return response.status_code
