"""One-time links for the account flows, each signed for its own purpose only."""

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

# Primary keys are BigAutoField: anything larger is not a uid we issued.
_MAX_PK = 2**63 - 1


def encode_uid(pk):
    return urlsafe_base64_encode(force_bytes(pk))


def decode_uid(uid):
    """Return the primary key in `uid`, or raise ValueError if it holds none."""
    pk = int(force_str(urlsafe_base64_decode(uid)))
    if not 0 < pk <= _MAX_PK:
        raise ValueError("uid out of range")
    return pk
{% if cookiecutter.send_activation_email %}


class ActivationTokenGenerator(PasswordResetTokenGenerator):
    # Activation sets User.activated_at, and the activation view refuses users
    # who have it: that is what spends the link.
    key_salt = "users.tokens.ActivationTokenGenerator"
{% endif %}


class PasswordResetLinkTokenGenerator(PasswordResetTokenGenerator):
    # Django's hash covers the password hash and last login: setting the new
    # password spends the link.
    key_salt = "users.tokens.PasswordResetLinkTokenGenerator"


class UsernameResetTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "users.tokens.UsernameResetTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        # Changing the login name spends the link.
        return super()._make_hash_value(user, timestamp) + user.get_username()


class EmailChangeTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "users.tokens.EmailChangeTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        # Confirming the change, or asking for another address, spends the link.
        return f"{super()._make_hash_value(user, timestamp)}\n{user.email}\n{user.pending_email}"


{% if cookiecutter.send_activation_email %}
activation_token = ActivationTokenGenerator()
{% endif %}
password_reset_token = PasswordResetLinkTokenGenerator()
username_reset_token = UsernameResetTokenGenerator()
email_change_token = EmailChangeTokenGenerator()
