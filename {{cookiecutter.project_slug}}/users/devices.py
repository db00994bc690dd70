"""What a login records of the device it comes from (see users.models.Login)."""

import ipaddress

from rest_framework.throttling import BaseThrottle

from users.models import Login

USER_AGENT_MAX_LENGTH = Login._meta.get_field("user_agent").max_length


def login_device(request):
    """The `user_agent` and `ip_address` of a Login made by `request`."""
    return {"user_agent": _user_agent(request), "ip_address": _client_address(request)}


def _user_agent(request):
    # NUL is the one character a PostgreSQL text column refuses.
    return request.META.get("HTTP_USER_AGENT", "").replace("\x00", "")[:USER_AGENT_MAX_LENGTH]


def _client_address(request):
    # The address the throttles count, so REST_FRAMEWORK["NUM_PROXIES"] applies here too.
    address = BaseThrottle().get_ident(request) or ""
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None
