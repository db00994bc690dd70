"""Auth events as log records of the "users.auth" logger, one per event, with the user id
and client address as fields (config.logging.JSONFormatter writes them as JSON lines in
production). A record never holds a password, token or link."""

import logging

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from rest_framework.throttling import BaseThrottle

{% if cookiecutter.send_activation_email %}
from users.signals import user_activated, user_registered
{% else %}
from users.signals import user_registered
{% endif %}

logger = logging.getLogger("users.auth")


def log_event(event, *, request=None, user=None, user_id=None):
    fields = {
        "event": event,
        "user_id": user.pk if user is not None else user_id,
        # The address the throttles count, so DJANGO_NUM_PROXIES applies here too.
        "ip": BaseThrottle().get_ident(request) if request is not None else None,
    }
    logger.info(event, extra=fields)


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs):
    log_event("login_succeeded", request=request, user=user)


@receiver(user_login_failed)
def log_failed_login(sender, credentials, request=None, **kwargs):
    # `credentials` is left out: its login name may be a mistyped password.
    log_event("login_failed", request=request)


@receiver(user_logged_out)
def log_logout(sender, request, user, **kwargs):
    log_event("logout", request=request, user=user)


@receiver(user_registered)
def log_registration(sender, request, user, **kwargs):
    log_event("user_registered", request=request, user=user)
{% if cookiecutter.send_activation_email %}


@receiver(user_activated)
def log_activation(sender, request, user, **kwargs):
    log_event("user_activated", request=request, user=user)
{% endif %}
