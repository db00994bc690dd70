"""`Authorization: Token <key>`: per-device tokens, stored as hashes, checked on every request."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from users.authtoken import TOKEN_WITH_USER, hash_key, revoke_all_tokens
from users.models import AuthToken
from users.tests.factories import UserFactory
from users.tests.helpers import drf_token, me_status

pytestmark = pytest.mark.django_db


def stored_token(key):
    return AuthToken.objects.get(key_hash=hash_key(key))


def test_a_token_authenticates_its_user(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {drf_token(user)}")

    response = client.get(reverse("user-me"))

    assert response.status_code == 200
    assert response.json()["id"] == user.pk


def test_tokens_are_stored_only_as_hashes(user):
    key = drf_token(user)

    stored = AuthToken.objects.values_list().get()
    assert not any(key in str(value) for value in stored)
    assert stored_token(key).user == user


def test_the_stored_hash_is_not_a_token(user):
    key_hash = hash_key(drf_token(user))

    assert me_status(f"Token {key_hash}") == 401


BAD_KEYS = {
    "unknown": "tHiSkEyWaSnEvErIsSuEdToAnYoNeAtAlLxxxxxxxxx",
    "short": "x",
    "long": "x" * 100_000,
    "non_ascii": "clé",
    "nul_character": "abc\x00def",
    "percent_encoded": "%00%ff",
}


@pytest.mark.parametrize("key", BAD_KEYS.values(), ids=BAD_KEYS.keys())
def test_an_unknown_key_is_unauthorized(user, key):
    drf_token(user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")

    response = client.get(reverse("user-me"))

    assert response.status_code == 401
    assert response.has_header("WWW-Authenticate")
    assert "detail" in response.json()


def test_the_lookup_reads_the_token_and_its_user_as_the_orm_does(user, other_user):
    key = drf_token(user)
    drf_token(other_user)

    token = TOKEN_WITH_USER.get(hash_key(key))

    expected = AuthToken.objects.select_related("user").get(key_hash=hash_key(key))
    assert (token.pk, token.key_hash, token.created, token.last_used) == (
        expected.pk,
        expected.key_hash,
        expected.created,
        expected.last_used,
    )
    assert token.user.pk == user.pk
    assert token.user.date_joined == expected.user.date_joined
    assert token.user.password == expected.user.password
    assert TOKEN_WITH_USER.get(hash_key(key + "x")) is None


def test_a_key_with_a_character_changed_is_unauthorized(user):
    key = drf_token(user)
    changed = key[:-1] + ("A" if key[-1] != "A" else "B")

    assert me_status(f"Token {changed}") == 401


def test_a_token_of_an_inactive_user_is_unauthorized(user):
    key = drf_token(user)
    user.is_active = False
    user.save(update_fields=["is_active"])

    assert me_status(f"Token {key}") == 401


def test_a_deleted_users_tokens_go_with_the_user(user):
    key = drf_token(user)

    user.delete()

    assert not AuthToken.objects.exists()
    assert me_status(f"Token {key}") == 401


def test_use_is_recorded(user):
    key = drf_token(user)
    before = timezone.now()

    me_status(f"Token {key}")

    assert stored_token(key).last_used >= before


def test_use_is_recorded_at_most_once_a_minute(user):
    key = drf_token(user)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        me_status(f"Token {key}")
    with time_machine.travel(start + timedelta(seconds=30), tick=False):
        me_status(f"Token {key}")
    assert stored_token(key).last_used == start

    with time_machine.travel(start + timedelta(minutes=2), tick=False):
        me_status(f"Token {key}")

    assert stored_token(key).last_used == start + timedelta(minutes=2)


def test_revoke_all_tokens_ends_every_device_of_the_user(user, other_user):
    keys = [drf_token(user), drf_token(user)]
    other_key = drf_token(other_user)

    revoke_all_tokens(user)

    assert [me_status(f"Token {key}") for key in keys] == [401, 401]
    assert me_status(f"Token {other_key}") == 200


def test_admin_lists_tokens_without_their_keys(user):
    key = drf_token(user)
    admin = UserFactory(is_staff=True, is_superuser=True)
    client = APIClient()
    client.force_login(admin)

    listing = client.get(reverse("admin:users_authtoken_changelist"))
    detail = client.get(reverse("admin:users_authtoken_change", args=[stored_token(key).pk]))

    assert listing.status_code == detail.status_code == 200
    for page in (listing, detail):
        assert key not in page.content.decode()
        assert hash_key(key) not in page.content.decode()
    assert client.get(reverse("admin:users_authtoken_add")).status_code == 403
