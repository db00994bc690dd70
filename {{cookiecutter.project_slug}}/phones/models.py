from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PhoneCode(models.Model):
    """The code last texted to a user for one purpose; only its hash is kept."""

    class Purpose(models.TextChoices):
        VERIFY = "verify", _("verify the phone number")
        LOGIN = "login", _("log in by phone")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="phone_codes"
    )
    purpose = models.CharField(_("code purpose"), max_length=10, choices=Purpose.choices)
    code_hash = models.CharField(max_length=64, editable=False)
    created = models.DateTimeField(_("created"), default=timezone.now)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)

    class Meta:
        verbose_name = _("phone code")
        verbose_name_plural = _("phone codes")
        # A new code replaces the one before it.
        constraints = [
            models.UniqueConstraint(fields=["user", "purpose"], name="phones_code_per_purpose")
        ]

    def __str__(self):
        return str(self.user)
