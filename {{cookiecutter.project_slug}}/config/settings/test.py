"""Tests: fast hashing, mail{{ " and text messages" if cookiecutter.phone_number != "none" }} kept in memory."""

from .base import *  # noqa: F403
from .base import THROTTLE_RATES, env

SECRET_KEY = env("DJANGO_SECRET_KEY", default="tests-only-not-a-secret")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
{% if cookiecutter.phone_number != "none" %}
SMS_BACKEND = "phones.sms.LocmemSMSBackend"
{% endif %}
{% if cookiecutter.use_celery %}
# Tasks run in the test process: no broker or worker needed.
CELERY_TASK_ALWAYS_EAGER = True
{% endif %}
EMAIL_FRONTEND_PROTOCOL = "https"
EMAIL_FRONTEND_DOMAIN = "app.example.com"
# Off, as every test shares one client address; test_throttling.py turns scopes on.
THROTTLE_RATES = dict.fromkeys(THROTTLE_RATES)
{% if cookiecutter.profile_image %}
# Uploads stay in memory.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
{% endif %}
