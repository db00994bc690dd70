from django.urls import reverse
from rest_framework.test import APIClient

from users.tests.helpers import authorization_headers, me_status

URL = reverse("logout-all")


def log_out_everywhere(authorization):
    return APIClient().post(URL, HTTP_AUTHORIZATION=authorization)


def test_logout_all_ends_every_session_of_the_user(user):
    first_device = authorization_headers(user)
    second_device = authorization_headers(user)

    response = log_out_everywhere(next(iter(first_device.values())))

    assert response.status_code == 204
    for authorization in [*first_device.values(), *second_device.values()]:
        assert me_status(authorization) == 401


def test_logout_all_leaves_other_users_logged_in(user, other_user):
    others = authorization_headers(other_user)

    log_out_everywhere(next(iter(authorization_headers(user).values())))

    for authorization in others.values():
        assert me_status(authorization) == 200


def test_logout_all_needs_a_logged_in_user(db):
    assert APIClient().post(URL).status_code == 401
