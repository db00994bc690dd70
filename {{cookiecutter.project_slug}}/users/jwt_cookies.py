"""JWTs for browsers, as httpOnly cookies that scripts on the page cannot read.

A browser sends cookies with every request to the API, whoever made the page that
asks, so whatever a cookie authenticates must pass Django's CSRF check: the
X-CSRFToken header matching the `csrftoken` cookie, and an Origin that is the API's
own or in CSRF_TRUSTED_ORIGINS. Apps keep sending the Authorization header, which no
other site can make a browser send, and need no CSRF token.
"""

from django.conf import settings
from rest_framework.authentication import CSRFCheck
from rest_framework.exceptions import PermissionDenied
from rest_framework_simplejwt.exceptions import AuthenticationFailed, InvalidToken
from rest_framework_simplejwt.settings import api_settings

from users.jwt import JWTAuthentication

ACCESS_COOKIE = "access_token"
REFRESH_COOKIE = "refresh_token"
# The refresh token goes only to the endpoints that take it.
REFRESH_COOKIE_PATH = "/auth/jwt/"


def set_jwt_cookies(response, access, refresh):
    cookies = [
        (ACCESS_COOKIE, access, "/", api_settings.ACCESS_TOKEN_LIFETIME),
        (REFRESH_COOKIE, refresh, REFRESH_COOKIE_PATH, api_settings.REFRESH_TOKEN_LIFETIME),
    ]
    for name, value, path, lifetime in cookies:
        response.set_cookie(
            name,
            value,
            max_age=int(lifetime.total_seconds()),
            path=path,
            secure=settings.JWT_COOKIE_SECURE,
            httponly=True,
            samesite=settings.JWT_COOKIE_SAMESITE,
        )


def delete_jwt_cookies(response):
    response.delete_cookie(ACCESS_COOKIE, path="/", samesite=settings.JWT_COOKIE_SAMESITE)
    response.delete_cookie(
        REFRESH_COOKIE, path=REFRESH_COOKIE_PATH, samesite=settings.JWT_COOKIE_SAMESITE
    )


def enforce_csrf(request):
    """Refuse, with 403, an unsafe request that fails Django's CSRF check."""
    check = CSRFCheck(lambda request: None)
    check.process_request(request)  # reads the csrftoken cookie
    reason = check.process_view(request, None, (), {})
    if reason:
        raise PermissionDenied(f"CSRF Failed: {reason}")


def is_browser_login(request):
    """Whether a login comes from a browser and gets cookies; then it must pass CSRF.

    Browsers send an Origin header with every POST; without the check, another site
    could log a visitor in to the attacker's account.
    """
    if "HTTP_ORIGIN" not in request.META:
        return False
    enforce_csrf(request)
    return True


def refresh_from_cookie(request):
    """The refresh cookie, when the body carries no refresh token; None otherwise."""
    if REFRESH_COOKIE not in request.COOKIES:
        return None
    if isinstance(request.data, dict) and "refresh" in request.data:
        return None
    enforce_csrf(request)
    return request.COOKIES[REFRESH_COOKIE]


def refresh_body(request):
    """The request's body, or the refresh cookie in it when the body carries none."""
    refresh = refresh_from_cookie(request)
    return request.data if refresh is None else {"refresh": refresh}


class CookieJWTAuthentication(JWTAuthentication):
    """An Authorization header as before; without one, the access cookie and CSRF."""

    def authenticate(self, request):
        if self.get_header(request) is not None:
            return super().authenticate(request)
        raw_token = request.COOKIES.get(ACCESS_COOKIE)
        if not raw_token:
            return None
        try:
            token = self.get_validated_token(raw_token)
            user = self.get_user(token)
        except (AuthenticationFailed, InvalidToken):
            # A stale cookie leaves the request anonymous: endpoints open to anyone
            # (registration, reset, login) keep working, the others answer 401.
            return None
        enforce_csrf(request)
        return user, token
