from django.contrib.auth.backends import ModelBackend

from users.models import User


class UsernameOrEmailBackend(ModelBackend):
    """Django's model backend, taking the email address where the username goes.

    Either way a login costs one query, and one password hash also when no account
    matches, as in ModelBackend: how long a login takes tells nothing of who has an
    account, nor whether the name given was a username or an address.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        try:
            user = User.objects.with_username_or_email(username).get()
        except User.DoesNotExist:
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
