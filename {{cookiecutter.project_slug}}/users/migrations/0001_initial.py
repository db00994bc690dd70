import django.db.models.functions.text
import django.utils.timezone
{% if cookiecutter.phone_number != "none" %}
import phonenumber_field.modelfields
{% endif %}
from django.db import migrations, models

{% if cookiecutter.username_field == "username" and not cookiecutter.login_with_email_or_username %}
import django.contrib.auth.validators
{% endif %}
{% if cookiecutter.profile_image %}
import users.images
{% endif %}
import users.managers
{% if cookiecutter.login_with_email_or_username %}
import users.validators
{% endif %}


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.CreateModel(
            name="User",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("password", models.CharField(max_length=128, verbose_name="password")),
                (
                    "last_login",
                    models.DateTimeField(blank=True, null=True, verbose_name="last login"),
                ),
                (
                    "is_superuser",
                    models.BooleanField(
                        default=False,
                        help_text="Designates that this user has all permissions without explicitly assigning them.",
                        verbose_name="superuser status",
                    ),
                ),
{% if cookiecutter.username_field == "username" %}
                (
                    "username",
                    models.CharField(
                        error_messages={"unique": "A user with that username already exists."},
{% if cookiecutter.login_with_email_or_username %}
                        help_text="150 characters or fewer. Letters, digits and ./+/-/_ only.",
                        max_length=150,
                        unique=True,
                        validators=[users.validators.UsernameValidator()],
{% else %}
                        help_text="150 characters or fewer. Letters, digits and @/./+/-/_ only.",
                        max_length=150,
                        unique=True,
                        validators=[django.contrib.auth.validators.UnicodeUsernameValidator()],
{% endif %}
                        verbose_name="username",
                    ),
                ),
                ("email", models.EmailField(max_length=254, verbose_name="email address")),
{% else %}
                (
                    "email",
                    models.EmailField(
                        error_messages={"unique": "A user with that email address already exists."},
                        max_length=254,
                        unique=True,
                        verbose_name="email address",
                    ),
                ),
{% endif %}
                (
                    "pending_email",
                    models.EmailField(
                        blank=True,
                        editable=False,
                        max_length=254,
                        verbose_name="pending email address",
                    ),
                ),
                ("name", models.CharField(blank=True, max_length=255, verbose_name="name")),
{% if cookiecutter.phone_number != "none" %}
                (
                    "phone_number",
                    phonenumber_field.modelfields.PhoneNumberField(
{% if cookiecutter.phone_number == "optional" %}
                        blank=True,
{% endif %}
                        error_messages={"unique": "A user with that phone number already exists."},
                        max_length=128,
                        region=None,
                        verbose_name="phone number",
                    ),
                ),
                (
                    "phone_verified_at",
                    models.DateTimeField(
                        blank=True,
                        editable=False,
                        null=True,
                        verbose_name="phone number verified at",
                    ),
                ),
{% endif %}
{% if cookiecutter.profile_image %}
                (
                    "image",
                    models.ImageField(
                        blank=True,
                        upload_to=users.images.image_path,
                        verbose_name="profile image",
                    ),
                ),
{% endif %}
                (
                    "is_staff",
                    models.BooleanField(
                        default=False,
                        help_text="Designates whether the user can log into the admin site.",
                        verbose_name="staff status",
                    ),
                ),
                (
                    "is_active",
                    models.BooleanField(
                        default=True,
                        help_text="Unselect this instead of deleting accounts.",
                        verbose_name="active",
                    ),
                ),
                (
                    "date_joined",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="date joined"
                    ),
                ),
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
                (
                    "tokens_valid_after",
                    models.DateTimeField(
                        blank=True, editable=False, null=True, verbose_name="tokens valid after"
                    ),
                ),
{% endif %}
{% if cookiecutter.send_activation_email %}
                (
                    "activated_at",
                    models.DateTimeField(
                        blank=True, editable=False, null=True, verbose_name="activated at"
                    ),
                ),
{% endif %}
                (
                    "groups",
                    models.ManyToManyField(
                        blank=True,
                        help_text="The groups this user belongs to. A user will get all permissions granted to each of their groups.",
                        related_name="user_set",
                        related_query_name="user",
                        to="auth.group",
                        verbose_name="groups",
                    ),
                ),
                (
                    "user_permissions",
                    models.ManyToManyField(
                        blank=True,
                        help_text="Specific permissions for this user.",
                        related_name="user_set",
                        related_query_name="user",
                        to="auth.permission",
                        verbose_name="user permissions",
                    ),
                ),
            ],
            options={
                "verbose_name": "user",
                "verbose_name_plural": "users",
                "constraints": [
{% if cookiecutter.username_field == "username" %}
                    models.UniqueConstraint(
                        django.db.models.functions.text.Lower("username"),
                        name="users_user_username_ci_unique",
                    ),
{% endif %}
                    models.UniqueConstraint(
                        django.db.models.functions.text.Lower("email"),
                        name="users_user_email_ci_unique",
                    ),
{% if cookiecutter.phone_number != "none" %}
                    models.UniqueConstraint(
                        condition=models.Q(("phone_number", ""), _negated=True),
                        fields=("phone_number",),
                        name="users_user_phone_number_unique",
                    ),
{% endif %}
                ],
            },
            managers=[
                ("objects", users.managers.UserManager()),
            ],
        ),
    ]
