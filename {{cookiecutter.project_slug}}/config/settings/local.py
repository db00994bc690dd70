"""Development: runserver on this machine, mail printed to the console."""

from .base import *  # noqa: F403
{% if cookiecutter.demo_page %}
from .base import INSTALLED_APPS, REST_FRAMEWORK, env
{% else %}
from .base import REST_FRAMEWORK, env
{% endif %}

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])

REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"] = [
    "rest_framework.renderers.JSONRenderer",
    "rest_framework.renderers.BrowsableAPIRenderer",
]
{% if cookiecutter.jwt_cookie %}

# runserver speaks plain http, over which some browsers drop Secure cookies.
JWT_COOKIE_SECURE = env.bool("JWT_COOKIE_SECURE", default=False)
{% endif %}
{% if cookiecutter.demo_page %}

# The demo page at / walks every flow of the API in a browser; the frontend links
# in mails (ACTIVATION_URL and the others) point at it. Never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
ROOT_URLCONF = "demo.urls"
{% endif %}
