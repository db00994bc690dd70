import io
import json
from base64 import b64decode
from urllib.error import URLError
from urllib.parse import parse_qs

import pytest
from django.db import transaction

from phones import sms

pytestmark = pytest.mark.django_db


def test_messages_wait_for_the_commit(sms_outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sms.send_sms("+4915112345678", "Hello")
        assert sms_outbox == []

    assert sms_outbox == [sms.TextMessage("+4915112345678", "Hello")]


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_action_texts_nothing(sms_outbox):
    with pytest.raises(RuntimeError), transaction.atomic():
        sms.send_sms("+4915112345678", "Hello")
        raise RuntimeError

    assert sms_outbox == []


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """send_sms() as an action that commits."""

    def send(to, body):
        with django_capture_on_commit_callbacks(execute=True):
            sms.send_sms(to, body)

    return send


def test_the_console_backend_prints_the_message(capsys):
    sms.ConsoleSMSBackend().send("+4915112345678", "Hello")

    assert "+4915112345678" in capsys.readouterr().out


def test_the_setting_names_the_backend(settings, capsys, sms_outbox, send):
    settings.SMS_BACKEND = "phones.sms.ConsoleSMSBackend"

    send("+4915112345678", "Hello")

    assert "Hello" in capsys.readouterr().out
    assert sms_outbox == []


class FakeTwilio:
    """Stands in for urlopen: records the request and answers like Twilio."""

    def __init__(self, error=None):
        self.requests = []
        self.error = error

    def __call__(self, request, timeout):
        self.requests.append(request)
        if self.error:
            raise self.error
        return io.BytesIO(json.dumps({"sid": "SM123", "status": "queued"}).encode())


@pytest.fixture
def twilio(settings, monkeypatch):
    settings.SMS_BACKEND = "phones.sms.TwilioSMSBackend"
    settings.TWILIO_ACCOUNT_SID = "AC123"
    settings.TWILIO_AUTH_TOKEN = "secret"
    settings.TWILIO_FROM_NUMBER = "+15017122661"
    fake = FakeTwilio()
    monkeypatch.setattr(sms, "urlopen", fake)
    return fake


def test_twilio_gets_the_message_from_the_account_number(twilio, send):
    send("+4915112345678", "Hello")

    [request] = twilio.requests
    assert request.full_url == "https://api.twilio.com/2010-04-01/Accounts/AC123/Messages.json"
    assert request.get_method() == "POST"
    assert parse_qs(request.data.decode()) == {
        "To": ["+4915112345678"],
        "From": ["+15017122661"],
        "Body": ["Hello"],
    }


def test_twilio_is_sent_the_account_credentials(twilio, send):
    send("+4915112345678", "Hello")

    scheme, credentials = twilio.requests[0].get_header("Authorization").split()
    assert scheme == "Basic"
    assert b64decode(credentials) == b"AC123:secret"


def test_a_failed_message_is_logged_not_raised(twilio, caplog, send):
    twilio.error = URLError("Connection refused")

    send("+4915112345678", "Hello")

    assert "Could not send a text message" in caplog.text
    assert "Hello" not in caplog.text
