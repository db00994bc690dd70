{% if cookiecutter.mfa or cookiecutter.login_by_code or cookiecutter.phone_number != "none" %}
from django.urls import include, path
{% else %}
from django.urls import path
{% endif %}
from rest_framework.routers import DefaultRouter

{% if cookiecutter.send_activation_email %}
from users.api.activation import ActivationView, ResendActivationView
{% endif %}
{% if cookiecutter.token_strategy in ["token", "both"] %}
from users.api.authtoken import TokenLoginView, TokenLogoutView
{% endif %}
{% if cookiecutter.username_field == "username" %}
from users.api.check_username import CheckUsernameView
{% endif %}
from users.api.email_change import ChangeEmailConfirmView
{% if cookiecutter.profile_image %}
from users.api.images import ProfileImageView
{% endif %}
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
from users.api.jwt import (
{% if cookiecutter.jwt_cookie %}
    CSRFTokenView,
{% endif %}
    JWTLogoutView,
    TokenObtainPairView,
    TokenRefreshView,
    TokenVerifyView,
)
{% endif %}
from users.api.passwords import ResetPasswordConfirmView, ResetPasswordView, SetPasswordView
from users.api.sessions import LogoutEverywhereView, SessionDetailView, SessionListView
{% if cookiecutter.__social %}
from users.api.social import (
    SocialAccountDetailView,
    SocialAccountListView,
    SocialConnectView,
    SocialLoginView,
)
{% endif %}
from users.api.usernames import ResetUsernameConfirmView, ResetUsernameView, SetUsernameView
from users.api.views import UserViewSet

router = DefaultRouter()
router.register("users", UserViewSet, basename="user")

{% set field = cookiecutter.username_field %}
# Django tries the patterns in order: the ones clients call most come first.
urlpatterns = [
    *router.urls,
{% if cookiecutter.token_strategy in ["token", "both"] %}
    path("token/login/", TokenLoginView.as_view(), name="login"),
    path("token/logout/", TokenLogoutView.as_view(), name="logout"),
    # djoser answers these two without the trailing slash as well.
    path("token/login", TokenLoginView.as_view(schema=None)),
    path("token/logout", TokenLogoutView.as_view(schema=None)),
{% endif %}
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
    path("jwt/create/", TokenObtainPairView.as_view(), name="jwt-create"),
    path("jwt/refresh/", TokenRefreshView.as_view(), name="jwt-refresh"),
    path("jwt/verify/", TokenVerifyView.as_view(), name="jwt-verify"),
    path("jwt/logout/", JWTLogoutView.as_view(), name="jwt-logout"),
{% endif %}
{% if cookiecutter.send_activation_email %}
    path("users/activation/", ActivationView.as_view(), name="user-activation"),
    path(
        "users/resend_activation/",
        ResendActivationView.as_view(),
        name="user-resend-activation",
    ),
{% endif %}
{% if field == "username" %}
    path("users/check_username/", CheckUsernameView.as_view(), name="user-check-username"),
{% endif %}
    path("users/set_password/", SetPasswordView.as_view(), name="user-set-password"),
    path("users/reset_password/", ResetPasswordView.as_view(), name="user-reset-password"),
    path(
        "users/reset_password_confirm/",
        ResetPasswordConfirmView.as_view(),
        name="user-reset-password-confirm",
    ),
    path("users/set_{{ field }}/", SetUsernameView.as_view(), name="user-set-username"),
    path("users/reset_{{ field }}/", ResetUsernameView.as_view(), name="user-reset-username"),
    path(
        "users/reset_{{ field }}_confirm/",
        ResetUsernameConfirmView.as_view(),
        name="user-reset-username-confirm",
    ),
    path(
        "users/change_email_confirm/",
        ChangeEmailConfirmView.as_view(),
        name="user-change-email-confirm",
    ),
{% if cookiecutter.profile_image %}
    path("users/me/image/", ProfileImageView.as_view(), name="user-me-image"),
{% endif %}
    path("users/me/sessions/", SessionListView.as_view(), name="session-list"),
    path("users/me/sessions/<str:pk>/", SessionDetailView.as_view(), name="session-detail"),
    path("token/logout/all/", LogoutEverywhereView.as_view(), name="logout-all"),
{% if cookiecutter.jwt_cookie %}
    path("csrf/", CSRFTokenView.as_view(), name="csrf"),
{% endif %}
{% if cookiecutter.mfa %}
    path("", include("mfa.urls")),
{% endif %}
{% if cookiecutter.login_by_code %}
    path("", include("login_codes.urls")),
{% endif %}
{% if cookiecutter.phone_number != "none" %}
    path("", include("phones.urls")),
{% endif %}
{% if cookiecutter.__social %}
    path("o/<str:provider>/", SocialLoginView.as_view(), name="provider-auth"),
    path("o/<str:provider>/connect/", SocialConnectView.as_view(), name="provider-connect"),
    path("users/me/social/", SocialAccountListView.as_view(), name="user-social-list"),
    path(
        "users/me/social/<int:pk>/",
        SocialAccountDetailView.as_view(),
        name="user-social-detail",
    ),
{% endif %}
]
