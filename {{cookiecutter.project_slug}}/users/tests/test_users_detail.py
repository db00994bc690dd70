import pytest
from django.urls import reverse
from rest_framework import status

from users.models import User
from users.signals import user_updated
from users.tests.factories import PASSWORD
from users.tests.helpers import public_fields

pytestmark = pytest.mark.django_db


def url(user_or_pk):
    return reverse("user-detail", args=[getattr(user_or_pk, "pk", user_or_pk)])


def test_get_own_user_shows_public_fields(auth_client, user):
    response = auth_client.get(url(user))

    assert response.status_code == status.HTTP_200_OK
    assert response.json() == public_fields(user)


def test_get_for_anonymous_is_unauthorized(api_client, user):
    response = api_client.get(url(user))

    assert response.status_code == status.HTTP_401_UNAUTHORIZED


def test_get_other_user_is_not_found(auth_client, other_user):
    response = auth_client.get(url(other_user))

    assert response.status_code == status.HTTP_404_NOT_FOUND
    assert "detail" in response.json()


def test_get_other_user_looks_like_a_missing_one(auth_client, other_user):
    other = auth_client.get(url(other_user))
    missing = auth_client.get(url(other_user.pk + 1000))

    assert other.status_code == missing.status_code == status.HTTP_404_NOT_FOUND
    assert other.json() == missing.json()


def test_staff_can_get_other_user(staff_client, user):
    response = staff_client.get(url(user))

    assert response.status_code == status.HTTP_200_OK
    assert response.json()["id"] == user.pk


@pytest.mark.parametrize("pk", ["0", "99999999999999999999999", "9223372036854775808"])
def test_get_unknown_id_is_not_found(staff_client, pk):
    response = staff_client.get(f"{reverse('user-list')}{pk}/")

    assert response.status_code == status.HTTP_404_NOT_FOUND
    assert "detail" in response.json()


@pytest.mark.parametrize("pk", ["abc", "-1", "1.5", "%00"])
def test_get_non_numeric_id_is_not_found(staff_client, pk):
    response = staff_client.get(f"{reverse('user-list')}{pk}/")

    assert response.status_code == status.HTTP_404_NOT_FOUND
    assert isinstance(response.json(), dict)


def test_patch_own_user_updates_it(auth_client, user):
    response = auth_client.patch(url(user), {"name": "Grace Hopper"}, format="json")

    assert response.status_code == status.HTTP_200_OK
    assert response.json()["name"] == "Grace Hopper"
    user.refresh_from_db()
    assert user.name == "Grace Hopper"


def test_put_own_user_updates_it(auth_client, user):
    body = {"email": user.email, "name": "Grace Hopper"}
{% if cookiecutter.phone_number == "required" %}
    body["phone_number"] = str(user.phone_number)
{% endif %}

    response = auth_client.put(url(user), body, format="json")

    assert response.status_code == status.HTTP_200_OK
    user.refresh_from_db()
    assert user.name == "Grace Hopper"


def test_update_sends_user_updated_signal(auth_client, user, catch_signal):
    calls = catch_signal(user_updated)

    auth_client.patch(url(user), {"name": "Grace Hopper"}, format="json")

    assert len(calls) == 1
    assert calls[0]["user"] == user
    assert calls[0]["request"] is not None


def test_patch_cannot_change_login_field(auth_client, user):
    login = user.get_username()

    auth_client.patch(url(user), {User.USERNAME_FIELD: "new@example.com"}, format="json")

    user.refresh_from_db()
    assert user.get_username() == login


def test_patch_cannot_grant_privileges(auth_client, user):
    body = {"is_staff": True, "is_superuser": True, "is_active": False, "password": "x"}

    response = auth_client.patch(url(user), body, format="json")

    assert response.status_code == status.HTTP_200_OK
    user.refresh_from_db()
    assert not user.is_staff
    assert not user.is_superuser
    assert user.is_active
    assert user.check_password(PASSWORD)


@pytest.mark.parametrize("method", ["put", "patch"])
def test_update_other_user_is_not_found(auth_client, other_user, method):
    body = {"email": "mine@example.com", "name": "Mallory"}

    response = getattr(auth_client, method)(url(other_user), body, format="json")

    assert response.status_code == status.HTTP_404_NOT_FOUND
    other_user.refresh_from_db()
    assert other_user.name != "Mallory"


def test_update_with_100_kb_name_is_refused(auth_client, user):
    response = auth_client.patch(url(user), {"name": "a" * 100_000}, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["name"]


def test_update_with_malformed_body_is_refused(auth_client, user, malformed_json):
    response = auth_client.patch(url(user), malformed_json, content_type="application/json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert isinstance(response.json(), dict)


def test_delete_own_user_with_current_password_deletes_it(auth_client, user, password):
    response = auth_client.delete(url(user), {"current_password": password}, format="json")

    assert response.status_code == status.HTTP_204_NO_CONTENT
    assert not User.objects.filter(pk=user.pk).exists()


def test_delete_own_user_with_wrong_password_is_refused(auth_client, user):
    response = auth_client.delete(url(user), {"current_password": "wrong"}, format="json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["current_password"]
    assert User.objects.filter(pk=user.pk).exists()


def test_delete_own_user_without_password_is_refused(auth_client, user):
    response = auth_client.delete(url(user))

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert list(response.json()) == ["current_password"]
    assert User.objects.filter(pk=user.pk).exists()


def test_delete_other_user_is_not_found(auth_client, other_user, password):
    response = auth_client.delete(url(other_user), {"current_password": password}, format="json")

    assert response.status_code == status.HTTP_404_NOT_FOUND
    assert User.objects.filter(pk=other_user.pk).exists()


def test_delete_for_anonymous_is_unauthorized(api_client, user, password):
    response = api_client.delete(url(user), {"current_password": password}, format="json")

    assert response.status_code == status.HTTP_401_UNAUTHORIZED
    assert User.objects.filter(pk=user.pk).exists()


def test_delete_with_malformed_body_is_refused(auth_client, user, malformed_json):
    response = auth_client.delete(url(user), malformed_json, content_type="application/json")

    assert response.status_code == status.HTTP_400_BAD_REQUEST
    assert isinstance(response.json(), dict)
    assert User.objects.filter(pk=user.pk).exists()
