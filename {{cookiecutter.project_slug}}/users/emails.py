"""Account emails: a subject, a text body and an HTML body per message.

Each message `name` has three templates in users/templates/users/email/:
`<name>_subject.txt`, `<name>.txt` and `<name>.html`. Override them there.

A message is rendered when its action happens and sent once the action's
transaction commits: an action that rolls back mails nothing, and a mail server
that is down cannot undo one that succeeded (the user can ask again).
"""

{% if not cookiecutter.use_celery %}
import logging
import smtplib
from functools import partial

{% endif %}
from django.conf import settings
{% if not cookiecutter.use_celery %}
from django.core.mail import EmailMultiAlternatives
{% endif %}
from django.db import transaction
from django.template.loader import render_to_string

{% if cookiecutter.use_celery %}
from users.tasks import send_email
{% endif %}
from users.tokens import encode_uid

TEMPLATE_DIR = "users/email"
{% if not cookiecutter.use_celery %}

logger = logging.getLogger(__name__)
{% endif %}


def send_account_email(*, name, user, to=None, context=None):
    context = {
        "user": user,
        "protocol": settings.EMAIL_FRONTEND_PROTOCOL,
        "domain": settings.EMAIL_FRONTEND_DOMAIN,
        "site_name": settings.EMAIL_FRONTEND_SITE_NAME,
        **(context or {}),
    }
    subject = render_to_string(f"{TEMPLATE_DIR}/{name}_subject.txt", context)
    message = {
        # A header must not contain newlines.
        "subject": "".join(subject.splitlines()),
        "body": render_to_string(f"{TEMPLATE_DIR}/{name}.txt", context),
        "html": render_to_string(f"{TEMPLATE_DIR}/{name}.html", context),
        "to": to or [user.email],
    }
{% if cookiecutter.use_celery %}
    # The worker retries while the mail server is down. `robust`: a broker that is
    # down is logged, and the action that committed still answers as it succeeded.
    transaction.on_commit(lambda: send_email.delay(**message), robust=True)
{% else %}
    transaction.on_commit(partial(send_email, **message))
{% endif %}


def send_link_email(*, name, user, token_generator, url_pattern, to=None):
    """Send a message carrying a one-time `{uid}/{token}` link to the frontend."""
    uid = encode_uid(user.pk)
    token = token_generator.make_token(user)
    url = url_pattern.format(uid=uid, token=token)
    context = {"uid": uid, "token": token, "url": url}
    send_account_email(name=name, user=user, to=to, context=context)
{% if not cookiecutter.use_celery %}


def send_email(*, subject, body, html, to):
    message = EmailMultiAlternatives(subject, body, to=to)
    message.attach_alternative(html, "text/html")
    try:
        message.send()
    except (smtplib.SMTPException, OSError):
        # The account change has committed; the user can ask for the mail again.
        logger.exception("Could not send the mail %r", subject)
{% endif %}
