"""Concurrent requests on a real database server: each answers, none with a 500, and the data
stays right. Run on PostgreSQL (DATABASE_URL); SQLite serialises writes anyway."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.urls import reverse
from rest_framework.test import APIClient

from users.models import User
from users.tests.factories import PASSWORD


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
        body = {
{% if cookiecutter.username_field == "username" %}
            "username": f"ada{number}",
{% endif %}
            "email": email,
            "password": PASSWORD,
{% if cookiecutter.user_create_password_retype %}
            "re_password": PASSWORD,
{% endif %}
        }
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
