"""The account actions behind the API, free of request parsing."""

from django.conf import settings
{% if cookiecutter.prevent_enumeration %}
from django.contrib.auth.hashers import make_password
{% endif %}
{% if cookiecutter.send_activation_email %}
from django.utils import timezone
{% endif %}

from users import signals
{% if cookiecutter.token_strategy in ["token", "both"] %}
from users.authtoken import revoke_all_tokens
{% endif %}
from users.emails import send_account_email, send_link_email
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
from users.jwt import end_jwt_sessions, revoke_all_jwts
{% endif %}
from users.models import User
from users.tokens import (
{% if cookiecutter.send_activation_email %}
    activation_token,
{% endif %}
    email_change_token,
    password_reset_token,
    username_reset_token,
)


def user_create(*, request, password, **fields):
{% if cookiecutter.send_activation_email %}
    user = User.objects.create_user(password=password, is_active=False, **fields)
{% else %}
    user = User.objects.create_user(password=password, **fields)
{% endif %}
    signals.user_registered.send(sender=User, user=user, request=request)
{% if cookiecutter.send_activation_email %}
    user_send_activation(user=user)
{% elif cookiecutter.send_confirmation_email %}
    send_account_email(name="confirmation", user=user)
{% endif %}
    return user
{% if cookiecutter.prevent_enumeration %}


def user_register_taken_email(*, email, password, **fields):
    # Hash all the same, so that this answer takes as long as a real registration.
    make_password(password)
    owner = User.objects.with_email(email).first()
    if owner is not None:
        send_account_email(name="account_exists", user=owner)
{% endif %}
{% if cookiecutter.send_activation_email %}


def user_send_activation(*, user):
    send_link_email(
        name="activation",
        user=user,
        token_generator=activation_token,
        url_pattern=settings.ACTIVATION_URL,
    )


def user_resend_activation(*, email):
    # Same answer whether or not the address is known. Only accounts never
    # activated get a link: active and suspended ones get nothing.
    user = User.objects.with_email(email).filter(is_active=False, activated_at=None).first()
    if user is not None:
        user_send_activation(user=user)


def user_activate(*, user, request):
    user.is_active = True
    user.activated_at = timezone.now()
    user.save(update_fields=["is_active", "activated_at"])
    signals.user_activated.send(sender=User, user=user, request=request)
{% if cookiecutter.send_confirmation_email %}
    send_account_email(name="confirmation", user=user)
{% endif %}
{% endif %}


def user_logout_everywhere(*, user):
{% if cookiecutter.token_strategy in ["token", "both"] %}
    revoke_all_tokens(user)
{% endif %}
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
    revoke_all_jwts(user)
{% endif %}


def password_change(*, user, password):
    user.set_password(password)
    user.save(update_fields=["password"])
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
    # Every JWT carries a hash of the old password, so none of those logins lasts.
    end_jwt_sessions(user)
{% endif %}
{% if cookiecutter.password_changed_email_confirmation %}
    send_account_email(name="password_changed_confirmation", user=user)
{% endif %}


def password_reset_request(*, email):
    _send_link_to_active_user(
        email=email,
        name="password_reset",
        token_generator=password_reset_token,
        url_pattern=settings.PASSWORD_RESET_CONFIRM_URL,
    )


def password_reset_confirm(*, user, password):
    password_change(user=user, password=password)
    # Whoever made the reset necessary may hold a token: end every session.
    user_logout_everywhere(user=user)


def username_change(*, user, username):
{% if cookiecutter.username_changed_email_confirmation and cookiecutter.username_field == "email" %}
    old_email = user.email
{% endif %}
    setattr(user, User.USERNAME_FIELD, username)
    user.save(update_fields=[User.USERNAME_FIELD])
{% if cookiecutter.username_changed_email_confirmation %}
{% if cookiecutter.username_field == "email" %}
    # The old address hears of it too: it is the one an intruder does not control.
    send_account_email(name="username_changed_confirmation", user=user, to=[old_email, user.email])
{% else %}
    send_account_email(name="username_changed_confirmation", user=user)
{% endif %}
{% endif %}


def username_reset_request(*, email):
    _send_link_to_active_user(
        email=email,
        name="username_reset",
        token_generator=username_reset_token,
        url_pattern=settings.USERNAME_RESET_CONFIRM_URL,
    )


def email_change_request(*, user, email):
    """Mail a link to the new address; the current one stays until the link is opened,
    so a mistyped address, or one the user does not own, never takes the account."""
    user.pending_email = User.objects.normalize_email(email)
    user.save(update_fields=["pending_email"])
    # The current address hears of it: it is the one an intruder does not control.
    send_account_email(name="email_change_requested", user=user)
{% if cookiecutter.prevent_enumeration %}
    # The request is answered alike when the address has an account, but that address
    # gets no link: the answer tells no one who has an account.
    if User.objects.with_email(user.pending_email).exists():
        return
{% endif %}
    send_link_email(
        name="email_change",
        user=user,
        token_generator=email_change_token,
        url_pattern=settings.EMAIL_CHANGE_CONFIRM_URL,
        to=[user.pending_email],
    )


def email_change_confirm(*, user):
    email = user.pending_email
    user.pending_email = ""
{% if cookiecutter.username_field == "email" %}
    user.save(update_fields=["pending_email"])
    username_change(user=user, username=email)
{% else %}
    user.email = email
    user.save(update_fields=["email", "pending_email"])
{% endif %}


def _send_link_to_active_user(*, email, **link):
    # Unknown and inactive addresses get the same answer and no mail, so the
    # endpoint does not reveal who has an account.
    user = User.objects.active_with_email(email)
    if user is not None:
        send_link_email(user=user, **link)
