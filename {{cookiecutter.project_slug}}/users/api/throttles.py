"""Rate limits for the endpoints that can be abused anonymously.

Rates come from settings.THROTTLE_RATES (see config/settings/base.py), read on every request
so that they can be changed per test or per deployment; a rate of None switches a scope off.
Clients are told apart by REMOTE_ADDR unless REST_FRAMEWORK["NUM_PROXIES"] says how many
trusted proxies put their address in X-Forwarded-For, so a forged header changes nothing.
"""

import hashlib

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from users.models import User


class Throttle(SimpleRateThrottle):
    def get_rate(self):
        return settings.THROTTLE_RATES[self.scope]

    def key_for(self, ident):
        return self.cache_format % {"scope": self.scope, "ident": ident}


class IPThrottle(Throttle):
    def get_cache_key(self, request, view):
        return self.key_for(self.get_ident(request))


class FieldThrottle(Throttle):
    """Counts per value of one body field, e.g. per email address, ignoring letter case."""

    field = None

    def get_cache_key(self, request, view):
        data = request.data
        value = data.get(self.field) if hasattr(data, "get") else None
        if not isinstance(value, str) or not value.strip():
            return None  # validation answers that request
        # Hashed: cache backends refuse long keys and some of the characters clients send.
        ident = self.ident_for(value.strip())
        return self.key_for(hashlib.sha256(ident.encode()).hexdigest())

    def ident_for(self, value):
        return value.lower()


class FailureThrottle:
    """Counts only the requests the view reports as failed, through `record_failure()`."""

    def throttle_success(self):
        return True

    def record_failure(self, request, view):
        key = self.get_cache_key(request, view) if self.rate else None
        if key is not None:
            history = self.cache.get(key, [])
            history.insert(0, self.timer())
            self.cache.set(key, history, self.duration)


class FailedLoginPerAccountThrottle(FailureThrottle, FieldThrottle):
    scope = "login_failed"
    field = User.USERNAME_FIELD
{% if cookiecutter.login_with_email_or_username %}

    def ident_for(self, login):
        # Per account, whether named by username or email address, so that switching
        # between the two gives no extra guesses.
        pk = User.objects.with_username_or_email(login).values_list("pk", flat=True).first()
        return super().ident_for(login) if pk is None else f"user {pk}"
{% endif %}


class FailedLoginPerIPThrottle(FailureThrottle, IPThrottle):
    scope = "login_failed_ip"


class RegistrationThrottle(IPThrottle):
    scope = "registration"


class AccountMailPerAddressThrottle(FieldThrottle):
    """Caps the reset and activation mails one address receives (mail bombing)."""

    scope = "account_mail"
    field = "email"


class AccountMailPerIPThrottle(IPThrottle):
    scope = "account_mail_ip"
{% if cookiecutter.username_field == "username" %}


class CheckUsernameThrottle(IPThrottle):
    scope = "check_username"
{% endif %}


ACCOUNT_MAIL_THROTTLES = [AccountMailPerAddressThrottle, AccountMailPerIPThrottle]
LOGIN_THROTTLES = [FailedLoginPerAccountThrottle, FailedLoginPerIPThrottle]


def record_failed_login(request, view):
    for throttle in view.get_throttles():
        throttle.record_failure(request, view)
