"""Production: every secret and host comes from the environment."""

from .base import *  # noqa: F403
from .base import DATABASES, env

# https://docs.djangoproject.com/en/stable/howto/deployment/checklist/
DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
EMAIL_FRONTEND_PROTOCOL = env("EMAIL_FRONTEND_PROTOCOL", default="https")
EMAIL_FRONTEND_DOMAIN = env("EMAIL_FRONTEND_DOMAIN")
API_DOCS_ENABLED = env.bool("API_DOCS_ENABLED", default=False)

# https://docs.djangoproject.com/en/stable/ref/databases/#persistent-connections
# A worker keeps its connection for this many seconds instead of opening one per request
# (which costs more than most requests); 0 behind a pooler such as PgBouncer.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
# Checked before reuse, so a restarted database costs one reconnect, not a failed request.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
{% if cookiecutter.use_celery %}
CELERY_BROKER_URL = env("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = False
{% endif %}

# https://docs.djangoproject.com/en/stable/ref/middleware/#module-django.middleware.security
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
# Load balancers probe over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True

# https://docs.djangoproject.com/en/stable/topics/logging/
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "config.logging.JSONFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"level": "INFO", "handlers": ["console"]},
}
