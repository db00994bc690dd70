from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LoginCodesConfig(AppConfig):
    name = "login_codes"
    verbose_name = _("Login codes")
