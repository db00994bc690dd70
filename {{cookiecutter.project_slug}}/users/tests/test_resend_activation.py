import pytest
from django.urls import reverse
from rest_framework import status

from users.tests.mail import link_params

pytestmark = pytest.mark.django_db

URL = reverse("user-resend-activation")


def test_resend_activation_mails_inactive_user_a_link(api_client, inactive_user, mailoutbox):
    response = api_client.post(URL, {"email": inactive_user.email}, format="json")

    assert response.status_code == status.HTTP_204_NO_CONTENT
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [inactive_user.email]
    assert mailoutbox[0].alternatives[0][1] == "text/html"


def test_resent_link_activates_the_account(api_client, inactive_user, mailoutbox):
    api_client.post(URL, {"email": inactive_user.email}, format="json")

    response = api_client.post(
        reverse("user-activation"), link_params(mailoutbox[0]), format="json"
    )

    assert response.status_code == status.HTTP_204_NO_CONTENT
    inactive_user.refresh_from_db()
    assert inactive_user.is_active


def test_resend_activation_matches_email_in_any_case(api_client, inactive_user, mailoutbox):
    response = api_client.post(URL, {"email": inactive_user.email.upper()}, format="json")

    assert response.status_code == status.HTTP_204_NO_CONTENT
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [inactive_user.email]


def test_resend_activation_for_unknown_email_sends_nothing(api_client, mailoutbox):
    response = api_client.post(URL, {"email": "nobody@example.com"}, format="json")

    assert response.status_code == status.HTTP_204_NO_CONTENT
    assert mailoutbox == []


def test_resend_activation_for_active_user_sends_nothing(api_client, user, mailoutbox):
    response = api_client.post(URL, {"email": user.email}, format="json")

    assert response.status_code == status.HTTP_204_NO_CONTENT
    assert mailoutbox == []


@pytest.mark.parametrize("email", ["not-an-address", "", "a" * 100_000 + "@example.com"])
def test_resend_activation_with_invalid_email_is_refused(api_client, mailoutbox, email):
    response = api_client.post(URL, {"email": email}, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["email"]
    assert mailoutbox == []


def test_resend_activation_without_email_is_refused(api_client):
    response = api_client.post(URL, {}, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["email"]


def test_resend_activation_with_odd_value_is_refused(api_client, hostile_value):
    response = api_client.post(URL, {"email": hostile_value}, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["email"]


def test_resend_activation_with_malformed_body_is_refused(api_client, malformed_json):
    response = api_client.post(URL, malformed_json, content_type="application/json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert isinstance(response.json(), dict)
