from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.generic import TemplateView


# The page sends Django's CSRF token with its requests, as a browser app should.
@method_decorator(ensure_csrf_cookie, name="get")
class DemoPageView(TemplateView):
    """One static page that drives the auth API like a single-page app would."""

    template_name = "demo/index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            config={
                "api": "/auth/",
                "loginField": get_user_model().USERNAME_FIELD,
                "requiredFields": get_user_model().REQUIRED_FIELDS,
{% if cookiecutter.token_strategy == "token" %}
                "tokens": "token",
{% else %}
                "tokens": "jwt",
{% endif %}
                "retype": {
                    "password": {{ "True" if cookiecutter.user_create_password_retype else "False" }},
                    "setPassword": {{ "True" if cookiecutter.set_password_retype else "False" }},
                    "resetPassword": {{ "True" if cookiecutter.password_reset_confirm_retype else "False" }},
                    "setUsername": {{ "True" if cookiecutter.set_username_retype else "False" }},
                    "resetUsername": {{ "True" if cookiecutter.username_reset_confirm_retype else "False" }},
                },
                "activation": {{ "True" if cookiecutter.send_activation_email else "False" }},
                "siteName": settings.EMAIL_FRONTEND_SITE_NAME,
            },
            **kwargs,
        )
