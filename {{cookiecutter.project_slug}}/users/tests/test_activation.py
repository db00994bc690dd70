from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from rest_framework import status

from users.models import User
from users.signals import user_activated
from users.tests.factories import UserFactory
from users.tokens import activation_token, encode_uid, password_reset_token, username_reset_token

pytestmark = pytest.mark.django_db

URL = reverse("user-activation")


def link(user, token_generator=activation_token):
    return {"uid": encode_uid(user.pk), "token": token_generator.make_token(user)}


def test_activation_activates_user(api_client, inactive_user):
    response = api_client.post(URL, link(inactive_user), format="json")

    assert response.status_code == status.HTTP_204_NO_CONTENT
    assert response.content == b""
    inactive_user.refresh_from_db()
    assert inactive_user.is_active


def test_activation_sends_user_activated_signal(api_client, inactive_user, catch_signal):
    calls = catch_signal(user_activated)

    api_client.post(URL, link(inactive_user), format="json")

    assert len(calls) == 1
    assert calls[0]["sender"] is User
    assert calls[0]["user"] == inactive_user
    assert calls[0]["request"] is not None
{% if cookiecutter.send_confirmation_email %}


def test_activation_sends_confirmation_mail(api_client, inactive_user, mailoutbox):
    api_client.post(URL, link(inactive_user), format="json")

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [inactive_user.email]
    assert mailoutbox[0].alternatives[0][1] == "text/html"
{% else %}


def test_activation_sends_no_mail(api_client, inactive_user, mailoutbox):
    api_client.post(URL, link(inactive_user), format="json")

    assert mailoutbox == []
{% endif %}


def test_activation_lets_the_user_log_in(api_client, inactive_user, password):
    api_client.post(URL, link(inactive_user), format="json")

    assert api_client.login(username=inactive_user.get_username(), password=password)


def test_activation_with_used_link_is_stale(api_client, inactive_user, catch_signal):
    params = link(inactive_user)
    api_client.post(URL, params, format="json")
    calls = catch_signal(user_activated)

    response = api_client.post(URL, params, format="json")

    assert response.status_code == status.HTTP_403_FORBIDDEN
    assert response.json() == {"detail": "Stale token for given user."}
    assert calls == []


def test_used_link_does_not_reactivate_a_deactivated_user(api_client, inactive_user):
    params = link(inactive_user)
    api_client.post(URL, params, format="json")
    # Deactivating is how accounts are suspended: the old link must not undo it.
    User.objects.filter(pk=inactive_user.pk).update(is_active=False)

    response = api_client.post(URL, params, format="json")

    assert response.status_code in (status.HTTP_400_BAD_REQUEST, status.HTTP_403_FORBIDDEN)
    assert isinstance(response.json(), dict)
    inactive_user.refresh_from_db()
    assert not inactive_user.is_active


def test_activation_of_active_user_is_stale(api_client, user):
    response = api_client.post(URL, link(user), format="json")

    assert response.status_code == status.HTTP_403_FORBIDDEN
    assert response.json() == {"detail": "Stale token for given user."}


@pytest.mark.parametrize("uid", ["garbage", "MTIzNDU2Nzg5MA", "LTE", "0"])
def test_activation_with_bad_uid_is_refused(api_client, inactive_user, uid):
    params = {**link(inactive_user), "uid": uid}

    response = api_client.post(URL, params, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["uid"]
    inactive_user.refresh_from_db()
    assert not inactive_user.is_active


def test_activation_of_deleted_user_is_refused(api_client, inactive_user):
    params = link(inactive_user)
    inactive_user.delete()

    response = api_client.post(URL, params, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["uid"]


@pytest.mark.parametrize("token", ["garbage", "1-2", "c3xyzw-0123456789abcdef0123", "-"])
def test_activation_with_bad_token_is_refused(api_client, inactive_user, token):
    params = {**link(inactive_user), "token": token}

    response = api_client.post(URL, params, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["token"]
    inactive_user.refresh_from_db()
    assert not inactive_user.is_active


def test_activation_with_other_users_token_is_refused(api_client, inactive_user):
    stranger = UserFactory(is_active=False)
    params = {"uid": encode_uid(inactive_user.pk), "token": activation_token.make_token(stranger)}

    response = api_client.post(URL, params, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["token"]
    inactive_user.refresh_from_db()
    assert not inactive_user.is_active


@pytest.mark.parametrize("generator", [password_reset_token, username_reset_token])
def test_activation_with_token_for_other_purpose_is_refused(api_client, inactive_user, generator):
    response = api_client.post(URL, link(inactive_user, generator), format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["token"]
    inactive_user.refresh_from_db()
    assert not inactive_user.is_active


def test_activation_with_expired_token_is_refused(api_client, inactive_user):
    params = link(inactive_user)
    later = timezone.now() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 60)

    with time_machine.travel(later, tick=False):
        response = api_client.post(URL, params, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["token"]
    inactive_user.refresh_from_db()
    assert not inactive_user.is_active


def test_activation_with_token_just_within_its_lifetime_works(api_client, inactive_user):
    params = link(inactive_user)
    later = timezone.now() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT - 60)

    with time_machine.travel(later, tick=False):
        response = api_client.post(URL, params, format="json")

    assert response.status_code == status.HTTP_204_NO_CONTENT


def test_activation_without_fields_names_both(api_client):
    response = api_client.post(URL, {}, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert sorted(response.json()) == ["token", "uid"]


@pytest.mark.parametrize("field", ["uid", "token"])
def test_activation_with_odd_value_is_refused_under_its_field(
    api_client, inactive_user, field, hostile_value
):
    params = {**link(inactive_user), field: hostile_value}

    response = api_client.post(URL, params, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == [field]
    inactive_user.refresh_from_db()
    assert not inactive_user.is_active


def test_activation_with_malformed_body_is_refused(api_client, malformed_json):
    response = api_client.post(URL, malformed_json, content_type="application/json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert isinstance(response.json(), dict)


def test_activation_does_not_answer_get(api_client):
    response = api_client.get(URL)

    assert response.status_code == status.HTTP_405_METHOD_NOT_ALLOWED
