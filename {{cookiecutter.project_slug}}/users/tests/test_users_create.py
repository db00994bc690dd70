import pytest
from django.urls import reverse
from rest_framework import status

from users.api.serializers import UserCreateSerializer
from users.models import User
from users.signals import user_registered
from users.tests.factories import PASSWORD, UserFactory
{% if cookiecutter.send_activation_email %}
from users.tests.mail import link_params
from users.tokens import activation_token, decode_uid
{% endif %}

pytestmark = pytest.mark.django_db

URL = reverse("user-list")
LOGIN_FIELD = User.USERNAME_FIELD
{% if cookiecutter.user_create_password_retype %}
FIELDS = [LOGIN_FIELD, *User.REQUIRED_FIELDS, "password", "re_password"]
{% else %}
FIELDS = [LOGIN_FIELD, *User.REQUIRED_FIELDS, "password"]
{% endif %}


def registration(**fields):
    data = {
{% if cookiecutter.username_field == "username" %}
        "username": "ada",
{% endif %}
        "email": "ada@example.com",
{% if cookiecutter.phone_number != "none" %}
        "phone_number": "+4915199999999",
{% endif %}
        "password": PASSWORD,
{% if cookiecutter.user_create_password_retype %}
        "re_password": PASSWORD,
{% endif %}
    }
    return {**data, **fields}


def test_register_creates_user_with_given_password(api_client):
    response = api_client.post(URL, registration(), format="json")

    assert response.status_code == status.HTTP_201_CREATED
    user = User.objects.get()
    assert user.email == "ada@example.com"
{% if cookiecutter.username_field == "username" %}
    assert user.username == "ada"
{% endif %}
    assert user.check_password(PASSWORD)
    assert not user.is_staff
    assert not user.is_superuser


{% if cookiecutter.prevent_enumeration %}
def test_register_answers_with_login_field_and_required_fields_only(api_client):
    # No id: an answer for a taken address (see test_enumeration.py) could not show one.
    response = api_client.post(URL, registration(), format="json")

    user = User.objects.get()
    expected = {LOGIN_FIELD: user.get_username()}
{% else %}
def test_register_answers_with_id_login_field_and_required_fields_only(api_client):
    response = api_client.post(URL, registration(), format="json")

    user = User.objects.get()
    expected = {"id": user.pk, LOGIN_FIELD: user.get_username()}
{% endif %}
{% if cookiecutter.phone_number == "required" %}
    # The phone number as it is stored, in E.164.
    expected.update({field: str(getattr(user, field)) for field in User.REQUIRED_FIELDS})
{% else %}
    expected.update({field: getattr(user, field) for field in User.REQUIRED_FIELDS})
{% endif %}
    assert response.json() == expected


def test_register_sends_user_registered_signal(api_client, catch_signal):
    calls = catch_signal(user_registered)

    api_client.post(URL, registration(), format="json")

    assert len(calls) == 1
    assert calls[0]["sender"] is User
    assert calls[0]["user"] == User.objects.get()
    assert calls[0]["request"] is not None


def test_register_ignores_privilege_fields_in_body(api_client):
    body = registration(is_staff=True, is_superuser=True, is_active=True, id=999)

    response = api_client.post(URL, body, format="json")

    assert response.status_code == status.HTTP_201_CREATED
    user = User.objects.get()
    assert user.pk != 999
    assert not user.is_staff
    assert not user.is_superuser
{% if cookiecutter.send_activation_email %}
    assert not user.is_active


def test_registered_user_is_inactive_until_activation(api_client):
    api_client.post(URL, registration(), format="json")

    assert not User.objects.get().is_active


def test_register_sends_activation_mail_with_link(api_client, mailoutbox):
    api_client.post(URL, registration(), format="json")

    user = User.objects.get()
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["ada@example.com"]
    assert message.subject
    assert message.alternatives[0][1] == "text/html"
    params = link_params(message)
    assert decode_uid(params["uid"]) == user.pk
    assert activation_token.check_token(user, params["token"])


def test_mailed_activation_link_activates_the_account(api_client, mailoutbox):
    api_client.post(URL, registration(), format="json")

    response = api_client.post(
        reverse("user-activation"), link_params(mailoutbox[0]), format="json"
    )

    assert response.status_code == status.HTTP_204_NO_CONTENT
    assert User.objects.get().is_active
{% else %}
    assert user.is_active


def test_registered_user_is_active_at_once(api_client):
    api_client.post(URL, registration(), format="json")

    assert User.objects.get().is_active
{% if cookiecutter.send_confirmation_email %}


def test_register_sends_confirmation_mail(api_client, mailoutbox):
    api_client.post(URL, registration(), format="json")

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["ada@example.com"]
    assert mailoutbox[0].alternatives[0][1] == "text/html"
{% else %}


def test_register_sends_no_mail(api_client, mailoutbox):
    api_client.post(URL, registration(), format="json")

    assert mailoutbox == []
{% endif %}
{% endif %}
{% if not cookiecutter.prevent_enumeration %}


def test_register_with_taken_email_in_other_case_is_refused(api_client, mailoutbox):
    UserFactory(email="ada@example.com")

    response = api_client.post(URL, registration(email="ADA@Example.COM"), format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["email"]
    assert User.objects.count() == 1
    assert mailoutbox == []
{% endif %}
{% if cookiecutter.username_field == "username" %}


def test_register_with_taken_username_in_other_case_is_refused(api_client):
    UserFactory(username="ada")

    response = api_client.post(URL, registration(username="ADA"), format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["username"]
    assert User.objects.count() == 1


def test_register_without_email_is_refused(api_client):
    body = registration()
    del body["email"]

    response = api_client.post(URL, body, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["email"]


def test_register_with_invalid_username_is_refused(api_client):
    response = api_client.post(URL, registration(username="ada lovelace!"), format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["username"]
{% endif %}
{% if not cookiecutter.prevent_enumeration %}


def test_register_with_taken_email_in_other_case_of_non_ascii_domain_is_refused(api_client):
    UserFactory(email="ada@exämple.com")

    response = api_client.post(URL, registration(email="ada@EXÄMPLE.com"), format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["email"]
    assert User.objects.count() == 1
{% endif %}


def register_after_rival(rival_fields, monkeypatch):
    """Make someone else register between validation and insert."""
    validate = UserCreateSerializer.validate

    def validate_then_lose_race(self, attrs):
        attrs = validate(self, attrs)
        UserFactory(**rival_fields)
        return attrs

    monkeypatch.setattr(UserCreateSerializer, "validate", validate_then_lose_race)
{% if cookiecutter.prevent_enumeration %}


def test_register_losing_a_race_for_the_email_answers_as_for_a_taken_address(
    api_client, monkeypatch, mailoutbox
):
    register_after_rival({"email": "ADA@example.com"}, monkeypatch)

    response = api_client.post(URL, registration(), format="json")

    assert response.status_code == status.HTTP_201_CREATED
    assert User.objects.count() == 1
    assert [message.to for message in mailoutbox][-1] == ["ADA@example.com"]
{% else %}


def test_register_losing_a_race_for_the_email_is_refused(api_client, monkeypatch):
    register_after_rival({"email": "ADA@example.com"}, monkeypatch)

    response = api_client.post(URL, registration(), format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["email"]
    assert User.objects.count() == 1
{% endif %}
{% if cookiecutter.username_field == "username" %}


def test_register_losing_a_race_for_the_username_is_refused(api_client, monkeypatch):
    register_after_rival({"username": "Ada"}, monkeypatch)

    response = api_client.post(URL, registration(), format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["username"]
    assert User.objects.count() == 1
{% endif %}


def test_register_with_invalid_email_is_refused(api_client):
    response = api_client.post(URL, registration(email="not-an-address"), format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["email"]


def test_register_with_blank_email_is_refused(api_client):
    response = api_client.post(URL, registration(email=""), format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["email"]


@pytest.mark.parametrize("password", ["12345678", "password", "short"])
def test_register_with_weak_password_is_refused(api_client, password):
{% if cookiecutter.user_create_password_retype %}
    body = registration(password=password, re_password=password)
{% else %}
    body = registration(password=password)
{% endif %}

    response = api_client.post(URL, body, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["password"]
    assert not User.objects.exists()


def test_register_with_password_like_the_email_is_refused(api_client):
{% if cookiecutter.user_create_password_retype %}
    body = registration(password="ada@example.com", re_password="ada@example.com")
{% else %}
    body = registration(password="ada@example.com")
{% endif %}

    response = api_client.post(URL, body, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["password"]
{% if cookiecutter.user_create_password_retype %}


def test_register_with_mismatched_retyped_password_is_refused(api_client):
    response = api_client.post(URL, registration(re_password=PASSWORD + "!"), format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    errors = response.json()
    assert list(errors) == ["non_field_errors"]
    assert "password" in errors["non_field_errors"][0]
    assert not User.objects.exists()
{% endif %}


def test_register_without_any_field_names_every_missing_field(api_client):
    response = api_client.post(URL, {}, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert sorted(response.json()) == sorted(FIELDS)


@pytest.mark.parametrize("field", FIELDS)
def test_register_without_one_field_names_it(api_client, field):
    body = registration()
    del body[field]

    response = api_client.post(URL, body, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == [field]


@pytest.mark.parametrize("field", FIELDS)
def test_register_with_100_kb_field_is_refused(api_client, field):
    response = api_client.post(URL, registration(**{field: "a" * 100_000}), format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert field in response.json()
    assert not User.objects.exists()


@pytest.mark.parametrize("field", FIELDS)
def test_register_with_odd_value_is_answered_without_error(api_client, field, hostile_value):
    response = api_client.post(URL, registration(**{field: hostile_value}), format="json")

    # A number may make a valid username; nothing may make a server error.
    assert response.status_code in (status.HTTP_201_CREATED, status.HTTP_400_BAD_REQUEST)
    assert isinstance(response.json(), dict)


def test_register_with_malformed_body_is_refused(api_client, malformed_json):
    response = api_client.post(URL, malformed_json, content_type="application/json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert isinstance(response.json(), dict)
    assert not User.objects.exists()


def test_register_with_form_encoded_body_works(api_client):
    response = api_client.post(URL, registration())

    assert response.status_code == status.HTTP_201_CREATED


def test_register_with_unsupported_content_type_is_refused(api_client):
    response = api_client.post(URL, "email=ada@example.com", content_type="text/plain")

    assert response.status_code == status.HTTP_415_UNSUPPORTED_MEDIA_TYPE
    assert list(response.json()) == ["detail"]
