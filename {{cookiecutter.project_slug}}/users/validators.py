from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext_lazy as _


class UsernameValidator(UnicodeUsernameValidator):
    """Django's username characters but "@". Logins take a username or an email address
    (users/backends.py), so no username may look like an address: a login that has "@"
    names an account by its email."""

    regex = r"^[\w.+-]+\Z"
    message = _("Enter a valid username: letters, digits and ./+/-/_ only.")
