import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
{% if cookiecutter.token_strategy == "both" %}
        ("users", "0002_authtoken"),
{% else %}
        ("users", "0001_initial"),
{% endif %}
    ]

    operations = [
        migrations.CreateModel(
            name="JWTSession",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                (
                    "last_used",
                    models.DateTimeField(blank=True, null=True, verbose_name="last used"),
                ),
                (
                    "user_agent",
                    models.CharField(blank=True, max_length=200, verbose_name="user agent"),
                ),
                (
                    "ip_address",
                    models.GenericIPAddressField(blank=True, null=True, verbose_name="IP address"),
                ),
                (
                    "family",
                    models.CharField(
                        editable=False, max_length=255, unique=True, verbose_name="token family"
                    ),
                ),
                ("expires_at", models.DateTimeField(verbose_name="expires at")),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="jwt_sessions",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="user",
                    ),
                ),
            ],
            options={
                "verbose_name": "JWT session",
                "verbose_name_plural": "JWT sessions",
            },
        ),
    ]
