"""Concurrent requests on a real database server: each answers, none with a 500, and the data
stays right. Run on PostgreSQL (DATABASE_URL); SQLite serialises writes anyway."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.urls import reverse
from rest_framework.test import APIClient

from users.models import User
from users.tests.factories import UserFactory
from users.tests.helpers import registration_body
{% if cookiecutter.send_activation_email %}
from users.tokens import activation_token, encode_uid, password_reset_token
{% else %}
from users.tokens import encode_uid, password_reset_token
{% endif %}


@pytest.fixture
def postgresql(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is checked on PostgreSQL (DATABASE_URL)")


def in_parallel(requests):
    def run(request):
        try:
            return request()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        return list(pool.map(run, requests))


def test_simultaneous_registrations_of_one_email_make_one_user(postgresql):
    def register(number):
        email = "".join(
            char.upper() if number >> index & 1 else char
            for index, char in enumerate("ada@example.com")
        )
        body = registration_body(email=email, username=f"ada{number}")
{% if cookiecutter.phone_number != "none" %}
        body["phone_number"] = f"+49151999{number:05d}"
{% endif %}
        return lambda: APIClient().post(reverse("user-list"), body, format="json")

    responses = in_parallel([register(number) for number in range(20)])

    assert User.objects.count() == 1
    statuses = sorted(response.status_code for response in responses)
{% if cookiecutter.prevent_enumeration %}
    # Taken addresses answer like new ones (prevent_enumeration).
    assert statuses == [201] * 20
{% else %}
    assert statuses == [201] + [400] * 19
    assert all(
        list(response.json()) == ["email"] for response in responses if response.status_code == 400
    )
{% endif %}


def test_one_reset_link_used_five_times_at_once_works_once(postgresql):
    user = UserFactory()
    link = {"uid": encode_uid(user.pk), "token": password_reset_token.make_token(user)}

    def confirm(number):
        password = f"brand new passphrase {number}"
{% if cookiecutter.password_reset_confirm_retype %}
        body = {**link, "new_password": password, "re_new_password": password}
{% else %}
        body = {**link, "new_password": password}
{% endif %}
        return lambda: APIClient().post(reverse("user-reset-password-confirm"), body, format="json")

    responses = in_parallel([confirm(number) for number in range(5)])

    assert sorted(response.status_code for response in responses) == [204] + [400] * 4
{% if cookiecutter.send_activation_email %}


def test_one_activation_link_used_five_times_at_once_works_once(postgresql):
    user = UserFactory(is_active=False)
    link = {"uid": encode_uid(user.pk), "token": activation_token.make_token(user)}

    def activate():
        return APIClient().post(reverse("user-activation"), link, format="json")

    responses = in_parallel([activate] * 5)

    assert sorted(response.status_code for response in responses) == [204] + [403] * 4
{% endif %}
