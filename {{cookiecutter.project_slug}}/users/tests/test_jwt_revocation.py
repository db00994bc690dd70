"""users.jwt: tokens revoked per user and per login, checked on every use."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from rest_framework import status
from rest_framework.test import APIClient
from rest_framework_simplejwt import tokens
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from users.jwt import (
    CHECKED_FIELDS,
    SESSION_USER,
    SESSION_USER_CHECKED,
    RefreshToken,
    SpentTokenError,
    end_jwt_sessions,
    revoke_all_jwts,
    rotate_refresh_token,
)
from users.models import User

pytestmark = pytest.mark.django_db


def log_in(user, password):
    credentials = {User.USERNAME_FIELD: user.get_username(), "password": password}
    return APIClient().post(reverse("jwt-create"), credentials, format="json").json()


def me_status(access):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client.get(reverse("user-me")).status_code


def refresh_status(refresh):
    return APIClient().post(reverse("jwt-refresh"), {"refresh": refresh}, format="json").status_code


def verify_status(token):
    return APIClient().post(reverse("jwt-verify"), {"token": token}, format="json").status_code


@pytest.fixture
def second():
    """The start of a whole second, a little ahead so tokens issued then are not expired."""
    return timezone.now().replace(microsecond=0) + timedelta(seconds=2)


@pytest.mark.parametrize("lookup", [SESSION_USER, SESSION_USER_CHECKED])
def test_the_session_lookup_reads_the_user_only_while_the_session_lasts(user, other_user, lookup):
    family = RefreshToken.for_user(user).family

    found = lookup.get(user.pk, family)

    assert found == user
    stored = User.objects.get(pk=user.pk)
    for field in CHECKED_FIELDS:
        assert getattr(found, field) == getattr(stored, field)
    assert lookup.get(other_user.pk, family) is None  # someone else's session
    assert lookup.get(user.pk, family + "0") is None
    end_jwt_sessions(user)
    assert lookup.get(user.pk, family) is None


def test_the_lookup_of_the_checks_loads_only_the_checked_columns(user):
    family = RefreshToken.for_user(user).family

    found = SESSION_USER_CHECKED.get(user.pk, family)

    loaded = {field.attname for field in User._meta.concrete_fields} - found.get_deferred_fields()
    assert loaded == {User._meta.pk.attname, *CHECKED_FIELDS}
    assert not SESSION_USER.get(user.pk, family).get_deferred_fields()


def test_revoke_all_jwts_ends_earlier_access_and_refresh_tokens(user, password):
    tokens_before = log_in(user, password)

    revoke_all_jwts(user)

    assert me_status(tokens_before["access"]) == status.HTTP_401_UNAUTHORIZED
    assert refresh_status(tokens_before["refresh"]) == status.HTTP_401_UNAUTHORIZED
    assert verify_status(tokens_before["access"]) == status.HTTP_401_UNAUTHORIZED


def test_revoke_all_jwts_blacklists_every_outstanding_refresh_token(user, password):
    log_in(user, password)
    log_in(user, password)

    revoke_all_jwts(user)

    outstanding = OutstandingToken.objects.filter(user=user)
    assert outstanding.count() == 2
    assert not outstanding.filter(blacklistedtoken__isnull=True).exists()


def test_login_right_after_revoke_all_jwts_works(user, password):
    revoke_all_jwts(user)

    tokens_after = log_in(user, password)

    assert me_status(tokens_after["access"]) == status.HTTP_200_OK
    assert refresh_status(tokens_after["refresh"]) == status.HTTP_200_OK


def test_revoke_all_jwts_leaves_other_users_tokens(user, other_user, password):
    other_tokens = log_in(other_user, password)

    revoke_all_jwts(user)

    assert me_status(other_tokens["access"]) == status.HTTP_200_OK
    assert refresh_status(other_tokens["refresh"]) == status.HTTP_200_OK


def test_revoke_all_jwts_splits_the_second_it_happens_in(user, password, second):
    with time_machine.travel(second + timedelta(milliseconds=200), tick=False):
        before = log_in(user, password)
    with time_machine.travel(second + timedelta(milliseconds=500), tick=False):
        revoke_all_jwts(user)
    with time_machine.travel(second + timedelta(milliseconds=800), tick=False):
        after = log_in(user, password)

        assert me_status(before["access"]) == status.HTTP_401_UNAUTHORIZED
        assert me_status(after["access"]) == status.HTTP_200_OK


def test_revoke_all_jwts_ends_whole_second_tokens_of_its_second(user, second):
    # Tokens issued elsewhere carry a whole-second `iat`: within the second of the
    # revocation it cannot tell before from after, so they count as before.
    with time_machine.travel(second + timedelta(milliseconds=500), tick=False):
        revoke_all_jwts(user)
    with time_machine.travel(second + timedelta(milliseconds=800), tick=False):
        same_second = str(tokens.RefreshToken.for_user(user).access_token)
    with time_machine.travel(second + timedelta(seconds=1), tick=False):
        next_second = str(tokens.RefreshToken.for_user(user).access_token)

        assert me_status(same_second) == status.HTTP_401_UNAUTHORIZED
        assert me_status(next_second) == status.HTTP_200_OK


@pytest.mark.parametrize("check", [me_status, verify_status])
def test_access_token_of_deleted_user_is_unauthorized(user, password, check):
    access = log_in(user, password)["access"]
    user.delete()

    assert check(access) == status.HTTP_401_UNAUTHORIZED


@pytest.mark.parametrize("check", [me_status, verify_status])
def test_access_token_of_deactivated_user_is_unauthorized(user, password, check):
    access = log_in(user, password)["access"]
    user.is_active = False
    user.save()

    assert check(access) == status.HTTP_401_UNAUTHORIZED


def test_reused_refresh_token_revokes_its_login_only(user, password):
    stolen = log_in(user, password)["refresh"]
    other_login = log_in(user, password)["refresh"]
    client = APIClient()
    rotated = client.post(reverse("jwt-refresh"), {"refresh": stolen}, format="json").json()

    assert refresh_status(stolen) == status.HTTP_401_UNAUTHORIZED
    assert refresh_status(rotated["refresh"]) == status.HTTP_401_UNAUTHORIZED
    assert refresh_status(other_login) == status.HTTP_200_OK


def test_rotating_a_token_spent_meanwhile_revokes_its_login(user):
    refresh = RefreshToken.for_user(user)
    presented_twice = RefreshToken(str(refresh))
    rotated = str(rotate_refresh_token(refresh))

    with pytest.raises(SpentTokenError):
        rotate_refresh_token(presented_twice)

    assert refresh_status(rotated) == status.HTTP_401_UNAUTHORIZED


def test_rotated_token_stays_in_its_family(user):
    refresh = RefreshToken.for_user(user)
    family = refresh.family

    rotated = RefreshToken(str(rotate_refresh_token(refresh)))

    assert rotated.family == family
    assert rotated["jti"] != family
