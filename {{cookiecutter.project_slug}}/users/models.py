from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
{% if cookiecutter.username_field == "username" and not cookiecutter.login_with_email_or_username %}
from django.contrib.auth.validators import UnicodeUsernameValidator
{% endif %}
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
{% if cookiecutter.phone_number != "none" %}
from phonenumber_field.modelfields import PhoneNumberField
{% endif %}

{% if cookiecutter.profile_image %}
from users.images import image_path
{% endif %}
from users.managers import UserManager
{% if cookiecutter.login_with_email_or_username %}
from users.validators import UsernameValidator
{% endif %}


class User(AbstractBaseUser, PermissionsMixin):
{% if cookiecutter.username_field == "username" %}
{% if cookiecutter.login_with_email_or_username %}
    username_validator = UsernameValidator()
{% else %}
    username_validator = UnicodeUsernameValidator()
{% endif %}

    username = models.CharField(
        _("username"),
        max_length=150,
        unique=True,
        validators=[username_validator],
{% if cookiecutter.login_with_email_or_username %}
        help_text=_("150 characters or fewer. Letters, digits and ./+/-/_ only."),
{% else %}
        help_text=_("150 characters or fewer. Letters, digits and @/./+/-/_ only."),
{% endif %}
        error_messages={"unique": _("A user with that username already exists.")},
    )
    email = models.EmailField(_("email address"))
{% else %}
    email = models.EmailField(
        _("email address"),
        unique=True,
        error_messages={"unique": _("A user with that email address already exists.")},
    )
{% endif %}
    # An address the user asked to change to: theirs once they open the link mailed
    # there (services.email_change_request). Until then the current one stays in use.
    pending_email = models.EmailField(_("pending email address"), blank=True, editable=False)
    # One field, written as the person writes it: not every name splits into a
    # first and a last one.
    name = models.CharField(_("name"), max_length=255, blank=True)
{% if cookiecutter.phone_number != "none" %}
    # Unique among the numbers that are set (see Meta); phones/ verifies it by a texted code.
    phone_number = PhoneNumberField(
        _("phone number"),
{% if cookiecutter.phone_number == "optional" %}
        blank=True,
{% endif %}
        error_messages={"unique": _("A user with that phone number already exists.")},
    )
    phone_verified_at = models.DateTimeField(
        _("phone number verified at"), null=True, blank=True, editable=False
    )
{% endif %}
{% if cookiecutter.profile_image %}
    # users/images.py checks and re-encodes what is stored here.
    image = models.ImageField(_("profile image"), upload_to=image_path, blank=True)
{% endif %}
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Designates whether the user can log into the admin site."),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Unselect this instead of deleting accounts."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
    # JWTs issued before this moment are refused ("log out everywhere").
    tokens_valid_after = models.DateTimeField(
        _("tokens valid after"), null=True, blank=True, editable=False
    )
{% endif %}
{% if cookiecutter.send_activation_email %}
    # Set by the activation link, which it spends for good: deactivating the
    # account later must not let an activation link undo that.
    activated_at = models.DateTimeField(_("activated at"), null=True, blank=True, editable=False)
{% endif %}

    objects = UserManager()

    EMAIL_FIELD = "email"
{% set phone_required = ["phone_number"] if cookiecutter.phone_number == "required" else [] %}
{% if cookiecutter.username_field == "username" %}
    USERNAME_FIELD = "username"
    REQUIRED_FIELDS = {{ (["email"] + phone_required) | tojson }}
{% else %}
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = {{ phone_required | tojson }}
{% endif %}

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        # Case-insensitive uniqueness; the expression indexes also serve the
        # case-insensitive lookups in UserQuerySet.
        constraints = [
{% if cookiecutter.username_field == "username" %}
            models.UniqueConstraint(Lower("username"), name="users_user_username_ci_unique"),
{% endif %}
            models.UniqueConstraint(Lower("email"), name="users_user_email_ci_unique"),
{% if cookiecutter.phone_number != "none" %}
            models.UniqueConstraint(
                fields=["phone_number"],
                condition=~models.Q(phone_number=""),
                name="users_user_phone_number_unique",
            ),
{% endif %}
        ]

    def __str__(self):
        return self.get_username()
{% if cookiecutter.phone_number != "none" %}

    @property
    def phone_verified(self):
        return self.phone_verified_at is not None
{% endif %}

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email)

    def get_full_name(self):
        return self.name

    def get_short_name(self):
        # Which part of a name is the short one differs from name to name: no guessing.
        return self.name


class Login(models.Model):
    """One login on one device: when, from where, and when it was last used.

    users/sessions.py lists them for their user, who can end each one.
    """

    created = models.DateTimeField(_("created"), auto_now_add=True)
    last_used = models.DateTimeField(_("last used"), null=True, blank=True)
    user_agent = models.CharField(_("user agent"), max_length=200, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.user} ({self.user_agent or _('unknown device')})"
{% if cookiecutter.token_strategy in ["token", "both"] %}


class AuthToken(Login):
    """A DRF token for one device or login; users/authtoken.py issues and checks them.

    Only a SHA-256 hash of the key is stored, so a leaked database or backup holds no
    usable token. A fast hash is the right one here: the keys are 256 random bits, which
    no one can guess, so the slow hashing that protects passwords would only slow down
    every request.
    """

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="auth_tokens", verbose_name=_("user")
    )
    # The unique index is also what requests look their token up by.
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True, editable=False)

    class Meta:
        verbose_name = _("auth token")
        verbose_name_plural = _("auth tokens")
{% endif %}
{% if cookiecutter.token_strategy in ["jwt", "both"] %}


class JWTSession(Login):
    """One login with JWTs: the refresh tokens it rotates through, and their access tokens,
    carry its `family` (users/jwt.py). Deleting it ends them all; `last_used` is the last
    refresh."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="jwt_sessions", verbose_name=_("user")
    )
    # The unique index is also what every request looks its session up by.
    family = models.CharField(_("token family"), max_length=255, unique=True, editable=False)
    # When its newest refresh token expires: the login is over then.
    expires_at = models.DateTimeField(_("expires at"))

    class Meta:
        verbose_name = _("JWT session")
        verbose_name_plural = _("JWT sessions")
{% endif %}
