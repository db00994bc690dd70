"""Celery tasks. Mail leaves the request here and is retried while the server is down."""

import smtplib

from django.core.mail import EmailMultiAlternatives

from config.celery import app


# acks_late: a worker that dies while sending leaves the message on the queue, so
# a mail may go out twice but is never lost.
@app.task(
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=True,
    retry_backoff_max=10 * 60,
    max_retries=10,
    acks_late=True,
)
def send_email(*, subject, body, html, to):
    message = EmailMultiAlternatives(subject, body, to=to)
    message.attach_alternative(html, "text/html")
    message.send()
