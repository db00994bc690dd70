"""users/tasks.py: mail is queued after commit and retried while the server is down."""

import json
import smtplib
from unittest import mock

import pytest
from django.core.mail.backends.locmem import EmailBackend
from django.urls import reverse
from kombu.exceptions import OperationalError
from rest_framework import status

from users import services
from users.models import User
from users.tasks import send_email
from users.tests.helpers import registration_body

pytestmark = pytest.mark.django_db


class FlakyEmailBackend(EmailBackend):
    """A mail server that drops the first `failures` connections."""

    failures = 0

    def send_messages(self, email_messages):
        if FlakyEmailBackend.failures:
            FlakyEmailBackend.failures -= 1
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(email_messages)


@pytest.fixture
def flaky_mail_server(settings):
    settings.EMAIL_BACKEND = "users.tests.test_tasks.FlakyEmailBackend"
    yield FlakyEmailBackend
    FlakyEmailBackend.failures = 0


def test_mail_is_queued_only_after_the_action_commits(user, django_capture_on_commit_callbacks):
    with mock.patch.object(send_email, "delay") as delay:
        with django_capture_on_commit_callbacks() as callbacks:
            services.password_reset_request(email=user.email)
            delay.assert_not_called()

        [queue] = callbacks
        queue()

    delay.assert_called_once()
    assert delay.call_args.kwargs["to"] == [user.email]


def test_queued_mail_travels_as_json(user, django_capture_on_commit_callbacks):
    with (
        mock.patch.object(send_email, "delay") as delay,
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.password_reset_request(email=user.email)

    fields = delay.call_args.kwargs
    assert json.loads(json.dumps(fields)) == fields
    assert set(fields) == {"subject", "body", "html", "to"}


def test_send_email_retries_until_the_server_answers(
    api_client, user, flaky_mail_server, mailoutbox
):
    flaky_mail_server.failures = 3

    response = api_client.post(reverse("user-reset-password"), {"email": user.email})

    assert response.status_code == status.HTTP_204_NO_CONTENT
    assert flaky_mail_server.failures == 0
    assert [message.to for message in mailoutbox] == [[user.email]]


def test_registration_stands_when_every_retry_fails(api_client, flaky_mail_server, mailoutbox):
    flaky_mail_server.failures = send_email.max_retries + 1

    response = api_client.post(reverse("user-list"), registration_body(), format="json")

    assert response.status_code == status.HTTP_201_CREATED
    assert User.objects.with_email("newcomer@example.com").exists()
    assert mailoutbox == []


def test_a_broker_that_is_down_does_not_fail_the_request(api_client, user):
    broker_down = OperationalError("Error 111 connecting to localhost:6379")
    with mock.patch.object(send_email, "delay", side_effect=broker_down):
        response = api_client.post(reverse("user-reset-password"), {"email": user.email})

    assert response.status_code == status.HTTP_204_NO_CONTENT
