{% set field = cookiecutter.username_field %}
"""The URLs the API serves: names and paths a djoser client relies on, and no others."""

import pytest
from django.urls import URLResolver, get_resolver, resolve, reverse

PATHS = {
    "user-list": "/auth/users/",
    "user-me": "/auth/users/me/",
{% if cookiecutter.send_activation_email %}
    "user-activation": "/auth/users/activation/",
    "user-resend-activation": "/auth/users/resend_activation/",
{% endif %}
{% if field == "username" %}
    "user-check-username": "/auth/users/check_username/",
{% endif %}
    "user-set-password": "/auth/users/set_password/",
    "user-reset-password": "/auth/users/reset_password/",
    "user-reset-password-confirm": "/auth/users/reset_password_confirm/",
    "user-set-username": "/auth/users/set_{{ field }}/",
    "user-reset-username": "/auth/users/reset_{{ field }}/",
    "user-reset-username-confirm": "/auth/users/reset_{{ field }}_confirm/",
    "user-change-email-confirm": "/auth/users/change_email_confirm/",
{% if cookiecutter.profile_image %}
    "user-me-image": "/auth/users/me/image/",
{% endif %}
    "session-list": "/auth/users/me/sessions/",
    "logout-all": "/auth/token/logout/all/",
{% if cookiecutter.__social %}
    "user-social-list": "/auth/users/me/social/",
{% endif %}
{% if cookiecutter.token_strategy in ["token", "both"] %}
    "login": "/auth/token/login/",
    "logout": "/auth/token/logout/",
{% endif %}
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
    "jwt-create": "/auth/jwt/create/",
    "jwt-refresh": "/auth/jwt/refresh/",
    "jwt-verify": "/auth/jwt/verify/",
    "jwt-logout": "/auth/jwt/logout/",
{% endif %}
{% if cookiecutter.jwt_cookie %}
    "csrf": "/auth/csrf/",
{% endif %}
{% if cookiecutter.login_by_code %}
    "login-code-request": "/auth/login_code/",
{% if cookiecutter.token_strategy in ["token", "both"] %}
    "login-code": "/auth/token/login/code/",
{% endif %}
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
    "jwt-create-code": "/auth/jwt/create/code/",
{% endif %}
{% endif %}
{% if cookiecutter.phone_number != "none" %}
    "user-phone-verify": "/auth/users/me/phone/verify/",
    "user-phone-verify-confirm": "/auth/users/me/phone/verify/confirm/",
    "phone-code-request": "/auth/phone_code/",
{% if cookiecutter.token_strategy in ["token", "both"] %}
    "login-phone": "/auth/token/login/phone/",
    "login-phone-code": "/auth/token/login/phone/code/",
{% endif %}
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
    "jwt-create-phone": "/auth/jwt/create/phone/",
    "jwt-create-phone-code": "/auth/jwt/create/phone/code/",
{% endif %}
{% endif %}
{% if cookiecutter.mfa %}
    "mfa-status": "/auth/mfa/",
    "mfa-activate": "/auth/mfa/activate/",
    "mfa-activate-confirm": "/auth/mfa/activate/confirm/",
    "mfa-deactivate": "/auth/mfa/deactivate/",
    "mfa-recovery-codes": "/auth/mfa/recovery_codes/",
{% if cookiecutter.token_strategy in ["token", "both"] %}
    "login-mfa-verify": "/auth/token/mfa/verify/",
{% endif %}
{% if cookiecutter.token_strategy in ["jwt", "both"] %}
    "jwt-mfa-verify": "/auth/jwt/mfa/verify/",
{% endif %}
{% endif %}
}


def auth_url_names():
    """The name of every URL pattern under /auth/."""
    (auth,) = [
        pattern
        for pattern in get_resolver().url_patterns
        if isinstance(pattern, URLResolver) and str(pattern.pattern) == "auth/"
    ]
    names = set()
    pending = list(auth.url_patterns)
    while pending:
        pattern = pending.pop()
        if isinstance(pattern, URLResolver):
            pending.extend(pattern.url_patterns)
        elif pattern.name:
            names.add(pattern.name)
    return names


@pytest.mark.parametrize(("name", "path"), PATHS.items())
def test_url_name_reverses_to_its_path(name, path):
    assert reverse(name) == path


@pytest.mark.parametrize(("name", "path"), PATHS.items())
def test_path_resolves_to_its_url_name(name, path):
    assert resolve(path).url_name == name


def test_user_detail_url_takes_the_user_id():
    assert reverse("user-detail", args=[42]) == "/auth/users/42/"
    assert resolve("/auth/users/42/").url_name == "user-detail"


def test_session_detail_url_takes_the_session_id():
    assert reverse("session-detail", args=["token-7"]) == "/auth/users/me/sessions/token-7/"
    assert resolve("/auth/users/me/sessions/token-7/").url_name == "session-detail"


def test_auth_serves_exactly_the_urls_of_this_configuration():
    # api-root is the router's index at /auth/, which djoser serves too.
{% if cookiecutter.__social %}
    # test_social_*.py reverse the social URLs that take a provider or an id.
    social = {"provider-auth", "provider-connect", "user-social-detail"}
    assert auth_url_names() == {*PATHS, *social, "user-detail", "session-detail", "api-root"}
{% else %}
    assert auth_url_names() == {*PATHS, "user-detail", "session-detail", "api-root"}
{% endif %}
{% if cookiecutter.token_strategy in ["token", "both"] %}


@pytest.mark.parametrize("name", ["login", "logout"])
def test_token_urls_are_also_served_without_the_trailing_slash(name):
    view = resolve(PATHS[name]).func.view_class

    assert resolve(PATHS[name].rstrip("/")).func.view_class is view
{% endif %}
