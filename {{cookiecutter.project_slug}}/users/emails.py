"""Account emails: a subject, a text body and an HTML body per message.

Each message `name` has three templates in users/templates/users/email/:
`<name>_subject.txt`, `<name>.txt` and `<name>.html`. Override them there.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from users.tokens import encode_uid

TEMPLATE_DIR = "users/email"


def send_account_email(*, name, user, to=None, context=None):
    context = {
        "user": user,
        "protocol": settings.EMAIL_FRONTEND_PROTOCOL,
        "domain": settings.EMAIL_FRONTEND_DOMAIN,
        "site_name": settings.EMAIL_FRONTEND_SITE_NAME,
        **(context or {}),
    }
    subject = render_to_string(f"{TEMPLATE_DIR}/{name}_subject.txt", context)
    # A header must not contain newlines.
    subject = "".join(subject.splitlines())
    body = render_to_string(f"{TEMPLATE_DIR}/{name}.txt", context)
    message = EmailMultiAlternatives(subject, body, to=to or [user.email])
    html = render_to_string(f"{TEMPLATE_DIR}/{name}.html", context)
    message.attach_alternative(html, "text/html")
    message.send()


def send_link_email(*, name, user, token_generator, url_pattern):
    """Send a message carrying a one-time `{uid}/{token}` link to the frontend."""
    uid = encode_uid(user.pk)
    token = token_generator.make_token(user)
    url = url_pattern.format(uid=uid, token=token)
    send_account_email(name=name, user=user, context={"uid": uid, "token": token, "url": url})
