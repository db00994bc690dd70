"""JWTs as httpOnly cookies for browsers, with CSRF checks; apps keep the body tokens."""

import pytest
from django.conf import settings
from django.urls import reverse
from rest_framework import status
from rest_framework.test import APIClient

from users.jwt import RefreshToken
from users.jwt_cookies import ACCESS_COOKIE, REFRESH_COOKIE
from users.models import User

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"  # the test client's own origin


def credentials(user, password):
    return {User.USERNAME_FIELD: user.get_username(), "password": password}


def csrf_headers(client):
    """The X-CSRFToken header a browser app sends, after asking csrf/ for its cookie."""
    token = client.get(reverse("csrf")).json()["csrf_token"]
    return {"HTTP_ORIGIN": ORIGIN, "HTTP_X_CSRFTOKEN": token}


@pytest.fixture
def browser():
    return APIClient(enforce_csrf_checks=True)


@pytest.fixture
def logged_in_browser(browser, user, password):
    """A browser holding the JWT cookies, with no CSRF header yet."""
    response = browser.post(
        reverse("jwt-create"), credentials(user, password), format="json", **csrf_headers(browser)
    )
    assert response.status_code == status.HTTP_200_OK, response.content
    return browser


def refresh_cookie(client):
    return client.cookies[REFRESH_COOKIE].value


def test_csrf_sets_the_csrftoken_cookie(browser):
    response = browser.get(reverse("csrf"))

    assert response.status_code == status.HTTP_200_OK
    assert response.cookies[settings.CSRF_COOKIE_NAME].value
    assert response.json()["csrf_token"]


def test_browser_login_sets_httponly_cookies(browser, user, password):
    response = browser.post(
        reverse("jwt-create"), credentials(user, password), format="json", **csrf_headers(browser)
    )

    assert response.status_code == status.HTTP_200_OK
    assert sorted(response.json()) == ["access", "refresh"]
    access, refresh = response.cookies[ACCESS_COOKIE], response.cookies[REFRESH_COOKIE]
    assert access.value == response.json()["access"]
    assert refresh.value == response.json()["refresh"]
    for cookie in (access, refresh):
        assert cookie["httponly"]
        assert cookie["secure"]
        assert cookie["samesite"] == "Lax"
    assert access["path"] == "/"
    assert refresh["path"] == "/auth/jwt/"
    lifetimes = (settings.SIMPLE_JWT[f"{kind}_TOKEN_LIFETIME"] for kind in ("ACCESS", "REFRESH"))
    access_lifetime, refresh_lifetime = (int(t.total_seconds()) for t in lifetimes)
    assert access["max-age"] == access_lifetime
    assert refresh["max-age"] == refresh_lifetime


def test_browser_login_cookies_follow_the_cookie_settings(browser, user, password, settings):
    settings.JWT_COOKIE_SECURE = False
    settings.JWT_COOKIE_SAMESITE = "Strict"

    response = browser.post(
        reverse("jwt-create"), credentials(user, password), format="json", **csrf_headers(browser)
    )

    assert not response.cookies[ACCESS_COOKIE]["secure"]
    assert response.cookies[REFRESH_COOKIE]["samesite"] == "Strict"


def test_browser_login_without_csrf_token_is_forbidden(browser, user, password):
    response = browser.post(
        reverse("jwt-create"), credentials(user, password), format="json", HTTP_ORIGIN=ORIGIN
    )

    assert response.status_code == status.HTTP_403_FORBIDDEN
    assert "CSRF" in response.json()["detail"]
    assert ACCESS_COOKIE not in response.cookies
    assert REFRESH_COOKIE not in response.cookies


def test_browser_login_from_an_untrusted_origin_is_forbidden(browser, user, password):
    headers = {**csrf_headers(browser), "HTTP_ORIGIN": "https://evil.example"}

    response = browser.post(
        reverse("jwt-create"), credentials(user, password), format="json", **headers
    )

    assert response.status_code == status.HTTP_403_FORBIDDEN
    assert ACCESS_COOKIE not in response.cookies


def test_browser_login_from_a_trusted_origin_sets_cookies(browser, user, password, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://app.example.com"]
    headers = {**csrf_headers(browser), "HTTP_ORIGIN": "https://app.example.com"}

    response = browser.post(
        reverse("jwt-create"), credentials(user, password), format="json", **headers
    )

    assert response.status_code == status.HTTP_200_OK
    assert ACCESS_COOKIE in response.cookies


def test_app_login_answers_with_body_tokens_and_no_cookies(browser, user, password):
    response = browser.post(reverse("jwt-create"), credentials(user, password), format="json")

    assert response.status_code == status.HTTP_200_OK
    assert sorted(response.json()) == ["access", "refresh"]
    assert ACCESS_COOKIE not in response.cookies
    assert REFRESH_COOKIE not in response.cookies


def test_access_cookie_authenticates_a_safe_request(logged_in_browser, user):
    response = logged_in_browser.get(reverse("user-me"))

    assert response.status_code == status.HTTP_200_OK
    assert response.json()["id"] == user.pk


def test_access_cookie_without_csrf_token_is_forbidden_for_an_unsafe_request(logged_in_browser):
    response = logged_in_browser.patch(reverse("user-me"), {}, format="json")

    assert response.status_code == status.HTTP_403_FORBIDDEN
    assert "CSRF" in response.json()["detail"]


def test_access_cookie_with_csrf_token_authenticates_an_unsafe_request(logged_in_browser):
    headers = csrf_headers(logged_in_browser)

    response = logged_in_browser.patch(reverse("user-me"), {}, format="json", **headers)

    assert response.status_code == status.HTTP_200_OK


def test_authorization_header_wins_over_the_access_cookie(logged_in_browser, other_user):
    access = RefreshToken.for_user(other_user).access_token
    logged_in_browser.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")

    response = logged_in_browser.patch(reverse("user-me"), {}, format="json")

    assert response.status_code == status.HTTP_200_OK
    assert response.json()["id"] == other_user.pk


def test_stale_access_cookie_leaves_the_request_anonymous(browser):
    browser.cookies[ACCESS_COOKIE] = "garbage"

    assert browser.get(reverse("user-me")).status_code == status.HTTP_401_UNAUTHORIZED
    assert browser.get(reverse("csrf")).status_code == status.HTTP_200_OK


def test_refresh_from_cookie_rotates_the_cookies(logged_in_browser, user):
    spent = refresh_cookie(logged_in_browser)

    response = logged_in_browser.post(
        reverse("jwt-refresh"), format="json", **csrf_headers(logged_in_browser)
    )

    assert response.status_code == status.HTTP_204_NO_CONTENT
    assert response.content == b""
    assert response.cookies[REFRESH_COOKIE].value != spent
    assert response.cookies[REFRESH_COOKIE]["httponly"]
    assert logged_in_browser.get(reverse("user-me")).json()["id"] == user.pk


def test_refresh_from_cookie_without_csrf_token_is_forbidden(logged_in_browser):
    response = logged_in_browser.post(reverse("jwt-refresh"), format="json")

    assert response.status_code == status.HTTP_403_FORBIDDEN
    assert REFRESH_COOKIE not in response.cookies


def test_refresh_with_a_spent_cookie_revokes_the_login(logged_in_browser):
    spent = refresh_cookie(logged_in_browser)
    headers = csrf_headers(logged_in_browser)
    logged_in_browser.post(reverse("jwt-refresh"), format="json", **headers)
    newest = refresh_cookie(logged_in_browser)
    logged_in_browser.cookies[REFRESH_COOKIE] = spent

    reused = logged_in_browser.post(reverse("jwt-refresh"), format="json", **headers)

    assert reused.status_code == status.HTTP_401_UNAUTHORIZED
    newest_refresh = APIClient().post(reverse("jwt-refresh"), {"refresh": newest}, format="json")
    assert newest_refresh.status_code == status.HTTP_401_UNAUTHORIZED


def test_refresh_token_in_the_body_wins_over_the_cookie(logged_in_browser, other_user):
    refresh = str(RefreshToken.for_user(other_user))

    response = logged_in_browser.post(reverse("jwt-refresh"), {"refresh": refresh}, format="json")

    assert response.status_code == status.HTTP_200_OK
    assert sorted(response.json()) == ["access", "refresh"]
    assert REFRESH_COOKIE not in response.cookies


def test_logout_from_cookie_deletes_the_cookies_and_ends_the_login(logged_in_browser):
    refresh = refresh_cookie(logged_in_browser)

    response = logged_in_browser.post(
        reverse("jwt-logout"), format="json", **csrf_headers(logged_in_browser)
    )

    assert response.status_code == status.HTTP_204_NO_CONTENT
    for name in (ACCESS_COOKIE, REFRESH_COOKIE):
        assert response.cookies[name].value == ""
        assert response.cookies[name]["max-age"] == 0
    assert response.cookies[REFRESH_COOKIE]["path"] == "/auth/jwt/"
    refreshed = APIClient().post(reverse("jwt-refresh"), {"refresh": refresh}, format="json")
    assert refreshed.status_code == status.HTTP_401_UNAUTHORIZED


def test_logout_from_cookie_without_csrf_token_is_forbidden(logged_in_browser):
    refresh = refresh_cookie(logged_in_browser)

    response = logged_in_browser.post(reverse("jwt-logout"), format="json")

    assert response.status_code == status.HTTP_403_FORBIDDEN
    refreshed = APIClient().post(reverse("jwt-refresh"), {"refresh": refresh}, format="json")
    assert refreshed.status_code == status.HTTP_200_OK


def test_refresh_with_a_garbage_cookie_is_unauthorized(browser):
    browser.cookies[REFRESH_COOKIE] = "garbage"

    response = browser.post(reverse("jwt-refresh"), format="json", **csrf_headers(browser))

    assert response.status_code == status.HTTP_401_UNAUTHORIZED
    assert "detail" in response.json()
