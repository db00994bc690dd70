from unittest import mock

from django.db import DatabaseError
from django.urls import reverse

URL = reverse("healthz")


def test_healthz_answers_200_while_database_and_cache_answer(client, db):
    response = client.get(URL)

    assert response.status_code == 200
    assert response.json() == {"database": True, "cache": True}


def test_healthz_answers_503_when_the_database_is_down(client, db):
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=DatabaseError):
        response = client.get(URL)

    assert response.status_code == 503
    assert response.json() == {"database": False, "cache": True}


def test_healthz_answers_503_when_the_cache_is_down(client, db):
    with mock.patch("django.core.cache.cache.set", side_effect=ConnectionError):
        response = client.get(URL)

    assert response.status_code == 503
    assert response.json() == {"database": True, "cache": False}
