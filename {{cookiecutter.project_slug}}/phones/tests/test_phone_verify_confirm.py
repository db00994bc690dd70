import datetime

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from rest_framework.test import APIClient

from phones.services import MAX_ATTEMPTS
from phones.tests.helpers import other_code, texted_code

pytestmark = pytest.mark.django_db
URL = reverse("user-phone-verify-confirm")


@pytest.fixture
def code(auth_client, sms_outbox):
    auth_client.post(reverse("user-phone-verify"))
    return texted_code(sms_outbox[-1])


def confirm(client, code):
    return client.post(URL, {"code": code}, format="json")


def test_the_texted_code_verifies_the_number(auth_client, user, code):
    response = confirm(auth_client, code)

    assert response.status_code == 204
    user.refresh_from_db()
    assert user.phone_verified


def test_a_wrong_code_is_refused(auth_client, user, code):
    response = confirm(auth_client, other_code(code))

    assert response.status_code == 400
    assert "code" in response.json()
    user.refresh_from_db()
    assert not user.phone_verified


def test_a_code_expires(auth_client, code):
    later = datetime.timedelta(seconds=settings.PHONE_CODE_TIMEOUT + 1)

    with time_machine.travel(later):
        response = confirm(auth_client, code)

    assert response.status_code == 400


def test_a_code_works_once(auth_client, user, code):
    confirm(auth_client, code)
    user.phone_verified_at = None
    user.save()

    assert confirm(auth_client, code).status_code == 400


def test_a_code_allows_a_few_attempts(auth_client, code):
    for _ in range(MAX_ATTEMPTS):
        confirm(auth_client, other_code(code))

    assert confirm(auth_client, code).status_code == 400


def test_someone_elses_code_is_refused(code, other_user):
    client = APIClient()
    client.force_authenticate(other_user)

    assert confirm(client, code).status_code == 400


def test_a_code_texted_to_an_earlier_number_does_not_verify_a_new_one(auth_client, user, code):
    auth_client.patch(reverse("user-me"), {"phone_number": "+4915177777777"}, format="json")

    assert confirm(auth_client, code).status_code == 400


def test_a_code_to_log_in_does_not_verify_the_number(api_client, auth_client, user, sms_outbox):
    user.phone_verified_at = user.date_joined
    user.save()
    api_client.post(reverse("phone-code-request"), {"phone_number": str(user.phone_number)})
    user.phone_verified_at = None
    user.save()

    assert confirm(auth_client, texted_code(sms_outbox[-1])).status_code == 400


def test_without_a_code_requested_any_code_is_refused(auth_client, db):
    assert confirm(auth_client, "123456").status_code == 400


def test_anonymous_requests_are_refused(api_client):
    assert confirm(api_client, "123456").status_code == 401
