from django.urls import path

{% if cookiecutter.token_strategy in ["token", "both"] %}
from login_codes.authtoken import TokenCodeLoginView
{% endif %}
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
from login_codes.jwt import JWTCodeLoginView
{% endif %}
from login_codes.views import LoginCodeRequestView

urlpatterns = [
    path("login_code/", LoginCodeRequestView.as_view(), name="login-code-request"),
{% if cookiecutter.token_strategy in ["token", "both"] %}
    path("token/login/code/", TokenCodeLoginView.as_view(), name="login-code"),
{% endif %}
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
    path("jwt/create/code/", JWTCodeLoginView.as_view(), name="jwt-create-code"),
{% endif %}
]
