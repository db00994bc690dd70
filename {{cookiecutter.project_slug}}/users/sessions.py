{% set drf_token = cookiecutter.token_strategy in ["token", "both"] %}
{% set jwt = cookiecutter.token_strategy in ["jwt", "both"] %}
"""A user's logins, one per device: listed with when and where, and ended one by one.

A session's id is its kind and its number, e.g. "{{ "token" if drf_token else "jwt" }}-12": one list holds
every kind of login the API issues.
"""

{% if jwt %}
from django.utils import timezone
from rest_framework_simplejwt.tokens import Token

from users.jwt import FAMILY_CLAIM
{% endif %}
{% if cookiecutter.token_strategy == "both" %}
from users.models import AuthToken, JWTSession
{% elif drf_token %}
from users.models import AuthToken
{% else %}
from users.models import JWTSession
{% endif %}

KINDS = {
{% if drf_token %}
    AuthToken: "token",
{% endif %}
{% if jwt %}
    JWTSession: "jwt",
{% endif %}
}


def live_sessions(user):
    """The user's logins that still work, by kind, as querysets."""
    return {
{% if drf_token %}
        "token": AuthToken.objects.filter(user=user),
{% endif %}
{% if jwt %}
        "jwt": JWTSession.objects.filter(user=user, expires_at__gt=timezone.now()),
{% endif %}
    }


def user_sessions(user):
    """The user's logins that still work, the most recently used first."""
    sessions = [session for queryset in live_sessions(user).values() for session in queryset]
    return sorted(sessions, key=lambda session: session.last_used or session.created, reverse=True)


def session_kind(session):
    return KINDS[type(session)]


def session_id(session):
    return f"{session_kind(session)}-{session.pk}"


def find_session(user, session_id):
    """The login of `user` with this id, or None (also for another user's)."""
    kind, _, number = session_id.partition("-")
    sessions = live_sessions(user).get(kind)
    # At most 18 digits, which a 64-bit primary key holds.
    if sessions is None or not (number.isascii() and number.isdigit()) or len(number) > 18:
        return None
    return sessions.filter(pk=number).first()


def is_current(session, auth):
    """Whether `auth`, what a request was authenticated with, belongs to `session`."""
{% if jwt %}
    if isinstance(auth, Token):
        # An access token names its login by the family claim.
        return isinstance(session, JWTSession) and auth.get(FAMILY_CLAIM) == session.family
{% endif %}
    return session == auth
