import hashlib

from phonenumber_field.phonenumber import to_python

from phones.services import user_with_verified_phone
from users.api.throttles import (
    FailedLoginPerAccountThrottle,
    FailedLoginPerIPThrottle,
    FailureThrottle,
    FieldThrottle,
    IPThrottle,
)


class PhoneNumberThrottle(FieldThrottle):
    """Counts per phone number, however it is written ("+49 151 …" or "+49151…")."""

    field = "phone_number"

    def ident_for(self, value):
        number = to_python(value)
        return number.as_e164 if number.is_valid() else value


class SMSPerNumberThrottle(PhoneNumberThrottle):
    """Caps the texts one number receives, whoever asks for them (they cost money)."""

    scope = "sms"


class SMSToOwnNumberThrottle(SMSPerNumberThrottle):
    """The same count, for the texts a logged-in user asks to be sent to their number."""

    def get_cache_key(self, request, view):
        number = request.user.phone_number
        if not number:
            return None  # validation answers that request
        return self.key_for(hashlib.sha256(self.ident_for(str(number)).encode()).hexdigest())


class SMSPerIPThrottle(IPThrottle):
    scope = "sms_ip"


class FailedLoginPerNumberThrottle(FailureThrottle, PhoneNumberThrottle):
    """Counts with the account's failed password logins, so that switching between its
    number and its login name gives no extra guesses."""

    scope = "login_failed"

    def ident_for(self, value):
        number = to_python(value)
        user = user_with_verified_phone(number) if number.is_valid() else None
        if user is None:
            # Kept apart from the login names, one of which may look like a number.
            return f"phone {super().ident_for(value)}"
        return FailedLoginPerAccountThrottle().ident_for(user.get_username())


SMS_THROTTLES = [SMSPerNumberThrottle, SMSPerIPThrottle]
PHONE_LOGIN_THROTTLES = [FailedLoginPerNumberThrottle, FailedLoginPerIPThrottle]
