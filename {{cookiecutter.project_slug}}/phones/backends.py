from django.contrib.auth.backends import ModelBackend

from phones.services import user_with_verified_phone
from users.models import User


class PhoneNumberBackend(ModelBackend):
    """Logs in with a verified phone number and the password (token/login/phone/,
    jwt/create/phone/); other credentials are left to the backends before it.

    As in ModelBackend, the password is hashed also when no account matches: how long a
    login takes tells nothing of which numbers have an account.
    """

    def authenticate(self, request, phone_number=None, password=None):
        if phone_number is None or password is None:
            return None
        user = user_with_verified_phone(phone_number)
        if user is None:
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
