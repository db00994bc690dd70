"""GET users/me/social/ and DELETE users/me/social/{id}/: the user's connected providers."""

import pytest
from django.urls import reverse
from social_django.models import UserSocialAuth

from users.tests.factories import UserFactory
from users.tests.helpers import assert_field_error
from users.tests.social_providers import PROVIDERS, connected_account

PROVIDER = PROVIDERS[0]


def connected(user, uid="Ab12Cd", provider=PROVIDER):
    return connected_account(user, provider, uid)


def test_urls_of_the_connected_providers():
    assert reverse("user-social-list") == "/auth/users/me/social/"
    assert reverse("user-social-detail", args=[7]) == "/auth/users/me/social/7/"


def test_list_shows_the_users_own_providers_only(auth_client, user, other_user):
    mine = connected(user)
    connected(other_user, uid="someone-else")

    response = auth_client.get(reverse("user-social-list"))

    assert response.status_code == 200
    assert [account["id"] for account in response.json()] == [mine.pk]
    assert response.json()[0]["provider"] == PROVIDER


def test_list_needs_a_logged_in_user(api_client):
    assert api_client.get(reverse("user-social-list")).status_code == 401


def test_user_with_a_password_disconnects_their_only_provider(auth_client, user):
    account = connected(user)

    response = auth_client.delete(reverse("user-social-detail", args=[account.pk]))

    assert response.status_code == 204
    assert not UserSocialAuth.objects.filter(pk=account.pk).exists()


def test_user_without_a_password_disconnects_one_of_two_providers(auth_client, user):
    user.set_unusable_password()
    user.save()
    account = connected(user)
    connected(user, uid="second-account")

    response = auth_client.delete(reverse("user-social-detail", args=[account.pk]))

    assert response.status_code == 204
    assert UserSocialAuth.objects.filter(user=user).count() == 1


def test_last_way_to_log_in_cannot_be_disconnected(auth_client, user):
    user.set_unusable_password()
    user.save()
    account = connected(user)

    response = auth_client.delete(reverse("user-social-detail", args=[account.pk]))

    assert_field_error(response, "non_field_errors")
    assert UserSocialAuth.objects.filter(pk=account.pk).exists()


def test_someone_elses_provider_is_not_found(auth_client, other_user):
    account = connected(other_user)

    response = auth_client.delete(reverse("user-social-detail", args=[account.pk]))

    assert response.status_code == 404
    assert UserSocialAuth.objects.filter(pk=account.pk).exists()


@pytest.mark.django_db
def test_disconnect_needs_a_logged_in_user(api_client):
    account = connected(UserFactory())

    response = api_client.delete(reverse("user-social-detail", args=[account.pk]))

    assert response.status_code == 401


def test_disconnecting_is_logged(auth_client, user, caplog):
    account = connected(user)

    with caplog.at_level("INFO", logger="users.auth"):
        auth_client.delete(reverse("user-social-detail", args=[account.pk]))

    events = [record.event for record in caplog.records if record.name == "users.auth"]
    assert events == ["social_disconnected"]


def test_list_costs_one_query(auth_client, user, django_assert_num_queries):
    connected(user)
    connected(user, uid="second-account")

    with django_assert_num_queries(1):
        auth_client.get(reverse("user-social-list"))
