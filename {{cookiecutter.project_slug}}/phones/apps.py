from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PhonesConfig(AppConfig):
    name = "phones"
    verbose_name = _("Phone numbers")

    def ready(self):
        from phones import checks  # noqa: F401  (registers its system check)
