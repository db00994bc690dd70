"""A text message backend that cannot work fails `manage.py check` (and so migrate and
runserver) at deploy time, rather than the first code a user asks for."""

from django.conf import settings
from django.core.checks import Error, register
from django.utils.module_loading import import_string


@register()
def sms_backend_check(app_configs, **kwargs):
    try:
        backend = import_string(settings.SMS_BACKEND)
    except ImportError as error:
        return [
            Error(
                f"SMS_BACKEND {settings.SMS_BACKEND!r} cannot be imported: {error}",
                hint="Name a class with a send(to, body) method, e.g. phones.sms.TwilioSMSBackend.",
                id="phones.E001",
            )
        ]
    unset = [name for name in backend.required_settings if not getattr(settings, name, "")]
    if unset:
        return [
            Error(
                f"{settings.SMS_BACKEND} needs {', '.join(unset)}.",
                hint="Set them in the environment (see .env.example).",
                id="phones.E002",
            )
        ]
    return []
