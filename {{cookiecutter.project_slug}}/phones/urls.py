from django.urls import path

{% if cookiecutter.token_strategy in ["token", "both"] %}
from phones.authtoken import TokenPhoneCodeLoginView, TokenPhoneLoginView
{% endif %}
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
from phones.jwt import JWTPhoneCodeLoginView, JWTPhoneLoginView
{% endif %}
from phones.views import PhoneCodeRequestView, VerifyConfirmView, VerifyRequestView

urlpatterns = [
    path("users/me/phone/verify/", VerifyRequestView.as_view(), name="user-phone-verify"),
    path(
        "users/me/phone/verify/confirm/",
        VerifyConfirmView.as_view(),
        name="user-phone-verify-confirm",
    ),
    path("phone_code/", PhoneCodeRequestView.as_view(), name="phone-code-request"),
{% if cookiecutter.token_strategy in ["token", "both"] %}
    path("token/login/phone/", TokenPhoneLoginView.as_view(), name="login-phone"),
    path("token/login/phone/code/", TokenPhoneCodeLoginView.as_view(), name="login-phone-code"),
{% endif %}
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
    path("jwt/create/phone/", JWTPhoneLoginView.as_view(), name="jwt-create-phone"),
    path(
        "jwt/create/phone/code/",
        JWTPhoneCodeLoginView.as_view(),
        name="jwt-create-phone-code",
    ),
{% endif %}
]
