import pytest
from django.urls import reverse

from mfa import services
from mfa.tests.helpers import enable_mfa
from users.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
URL = reverse("mfa-recovery-codes")


def test_new_recovery_codes_replace_the_old_ones(auth_client, user):
    old = enable_mfa(user)

    response = auth_client.post(URL, {"current_password": PASSWORD})

    assert response.status_code == 200
    new = response.json()["recovery_codes"]
    assert len(new) == 10
    assert set(new).isdisjoint(old)
    assert not services.second_factor_is_valid(user=user, code=old[1])
    assert services.second_factor_is_valid(user=user, code=new[1])


def test_a_recovery_code_works_once(user):
    codes = enable_mfa(user)

    assert services.second_factor_is_valid(user=user, code=codes[0])
    assert not services.second_factor_is_valid(user=user, code=codes[0])


def test_a_recovery_code_is_read_in_any_letter_case_and_without_its_dash(user):
    codes = enable_mfa(user)

    assert services.second_factor_is_valid(user=user, code=codes[0].lower().replace("-", ""))


def test_someone_elses_recovery_code_does_not_work(user, other_user):
    enable_mfa(user)
    theirs = enable_mfa(other_user)

    assert not services.second_factor_is_valid(user=user, code=theirs[0])


def test_new_codes_need_the_password_or_a_code(auth_client, user):
    enable_mfa(user)

    response = auth_client.post(URL, {"current_password": "not it"})

    assert response.status_code == 400
    assert "current_password" in response.json()


def test_new_codes_need_the_second_factor_on(auth_client):
    assert auth_client.post(URL, {"current_password": PASSWORD}).status_code == 400
