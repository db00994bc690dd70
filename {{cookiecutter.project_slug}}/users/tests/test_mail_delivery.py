"""Mail goes out once its action has committed, and a failing mail server loses nothing."""

import contextlib

import pytest
from django.db import transaction
from django.urls import reverse
from rest_framework import status

from users import services
from users.models import User
from users.tests.helpers import registration_body
from users.tests.mail import link_params

pytestmark = pytest.mark.django_db

MAIL_SERVER_DOWN = "users.tests.mail.DownEmailBackend"


def test_mail_waits_until_the_action_commits(user, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        services.password_reset_request(email=user.email)
        assert mailoutbox == []

    [send] = callbacks
    send()
    assert [message.to for message in mailoutbox] == [[user.email]]


def test_an_action_that_rolls_back_sends_no_mail(
    user, mailoutbox, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        contextlib.suppress(RuntimeError),
        transaction.atomic(),
    ):
        services.password_reset_request(email=user.email)
        raise RuntimeError

    assert callbacks == []
    assert mailoutbox == []


def test_registration_survives_a_mail_server_that_is_down(api_client, settings, mailoutbox):
    settings.EMAIL_BACKEND = MAIL_SERVER_DOWN

    response = api_client.post(reverse("user-list"), registration_body(), format="json")

    assert response.status_code == status.HTTP_201_CREATED
    assert User.objects.with_email("newcomer@example.com").exists()
    assert mailoutbox == []


def test_reset_request_survives_a_mail_server_that_is_down(api_client, user, settings):
    settings.EMAIL_BACKEND = MAIL_SERVER_DOWN

    response = api_client.post(reverse("user-reset-password"), {"email": user.email})

    assert response.status_code == status.HTTP_204_NO_CONTENT


def test_reset_mail_can_be_asked_for_again_once_the_server_is_back(
    api_client, user, settings, mailoutbox
):
    settings.EMAIL_BACKEND = MAIL_SERVER_DOWN
    api_client.post(reverse("user-reset-password"), {"email": user.email})
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    api_client.post(reverse("user-reset-password"), {"email": user.email})

    [message] = mailoutbox
    body = {**link_params(message), "new_password": "a new and longer passphrase"}
{% if cookiecutter.password_reset_confirm_retype %}
    body["re_new_password"] = body["new_password"]
{% endif %}
    response = api_client.post(reverse("user-reset-password-confirm"), body, format="json")
    assert response.status_code == status.HTTP_204_NO_CONTENT
{% if cookiecutter.send_activation_email %}


def test_activation_mail_can_be_resent_once_the_server_is_back(api_client, settings, mailoutbox):
    settings.EMAIL_BACKEND = MAIL_SERVER_DOWN
    api_client.post(reverse("user-list"), registration_body(), format="json")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    api_client.post(reverse("user-resend-activation"), {"email": "newcomer@example.com"})

    [message] = mailoutbox
    response = api_client.post(reverse("user-activation"), link_params(message), format="json")
    assert response.status_code == status.HTTP_204_NO_CONTENT
    assert User.objects.get(email="newcomer@example.com").is_active
{% endif %}
{% if not cookiecutter.use_celery %}


def test_a_mail_that_could_not_be_sent_is_logged_without_its_link(
    api_client, user, settings, caplog
):
    settings.EMAIL_BACKEND = MAIL_SERVER_DOWN

    api_client.post(reverse("user-reset-password"), {"email": user.email})

    [record] = [record for record in caplog.records if record.name == "users.emails"]
    assert record.levelname == "ERROR"
    assert "/" not in record.getMessage()
{% endif %}
