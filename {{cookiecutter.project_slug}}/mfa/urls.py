from django.urls import path

from mfa import views
{% if cookiecutter.token_strategy in ["token", "both"] %}
from mfa.authtoken import TokenMFAVerifyView
{% endif %}
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
from mfa.jwt import JWTMFAVerifyView
{% endif %}

urlpatterns = [
    path("mfa/", views.StatusView.as_view(), name="mfa-status"),
    path("mfa/activate/", views.ActivateView.as_view(), name="mfa-activate"),
    path("mfa/activate/confirm/", views.ActivateConfirmView.as_view(), name="mfa-activate-confirm"),
    path("mfa/deactivate/", views.DeactivateView.as_view(), name="mfa-deactivate"),
    path("mfa/recovery_codes/", views.RecoveryCodesView.as_view(), name="mfa-recovery-codes"),
{% if cookiecutter.token_strategy in ["token", "both"] %}
    path("token/mfa/verify/", TokenMFAVerifyView.as_view(), name="login-mfa-verify"),
{% endif %}
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
    path("jwt/mfa/verify/", JWTMFAVerifyView.as_view(), name="jwt-mfa-verify"),
{% endif %}
]
