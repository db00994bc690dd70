"""Text messages. send_sms() hands them, once the current transaction commits, to the
backend that settings.SMS_BACKEND names, as account mail is sent (users/emails.py).

A backend is a class with a `send(to, body)` method that raises OSError when the message
could not be sent. ConsoleSMSBackend (the default) prints messages, LocmemSMSBackend keeps
them in `outbox` for tests, and TwilioSMSBackend sends them with Twilio. Another provider
is a class like TwilioSMSBackend, named in the SMS_BACKEND environment variable.
"""

import base64
import logging
import sys
from dataclasses import dataclass
from functools import partial
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

# What LocmemSMSBackend sent, as django.core.mail.outbox holds the mail tests send.
outbox = []


@dataclass(frozen=True)
class TextMessage:
    to: str
    body: str


class BaseSMSBackend:
    # Settings the backend cannot send without; phones/checks.py reports them unset.
    required_settings = ()

    def send(self, to, body):
        """Send `body` to the number `to` (E.164, e.g. "+4915112345678")."""
        raise NotImplementedError


class ConsoleSMSBackend(BaseSMSBackend):
    def send(self, to, body):
        sys.stdout.write(f"Text message to {to}:\n{body}\n\n")
        sys.stdout.flush()


class LocmemSMSBackend(BaseSMSBackend):
    def send(self, to, body):
        outbox.append(TextMessage(to, body))


class TwilioSMSBackend(BaseSMSBackend):
    """Twilio's Messages API, with the TWILIO_* settings:
    https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource
    """

    required_settings = ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER")
    timeout = 10

    def send(self, to, body):
        account = settings.TWILIO_ACCOUNT_SID
        credentials = f"{account}:{settings.TWILIO_AUTH_TOKEN}".encode()
        data = urlencode({"To": to, "From": settings.TWILIO_FROM_NUMBER, "Body": body})
        request = Request(
            f"https://api.twilio.com/2010-04-01/Accounts/{account}/Messages.json",
            data=data.encode(),
            headers={"Authorization": f"Basic {base64.b64encode(credentials).decode()}"},
        )
        # Answers other than 2xx raise HTTPError, an OSError.
        with urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (an https URL)
            response.read()


def send_sms(to, body):
    """Text `body` to `to` once the current transaction commits (at once outside one)."""
    transaction.on_commit(partial(_send, str(to), body))


def _send(to, body):
    backend = import_string(settings.SMS_BACKEND)()
    try:
        backend.send(to, body)
    except OSError:
        # The action has committed; the user can ask for another code.
        logger.exception("Could not send a text message")
