import re
import smtplib

from django.core.mail.backends.base import BaseEmailBackend

LINK = re.compile(r"https?://\S+/(?P<uid>[^/\s]+)/(?P<token>[^/\s]+)$", re.MULTILINE)


def link_params(message):
    """The uid and token of the one-time link in an account email's text body."""
    match = LINK.search(message.body)
    assert match, f"no link in {message.body!r}"
    return {"uid": match["uid"], "token": match["token"]}


class DownEmailBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
