"""A login for an unknown account costs one password hash, like a login for a known one,
so response times do not tell which accounts exist."""

import pytest

from users.models import User
from users.tests.helpers import LOGIN_URLS


@pytest.fixture
def hashes(monkeypatch):
    calls = []
    set_password = User.set_password

    def counting_set_password(user, raw_password):
        calls.append(raw_password)
        set_password(user, raw_password)

    monkeypatch.setattr(User, "set_password", counting_set_password)
    return calls


@pytest.mark.parametrize("url", LOGIN_URLS)
def test_login_for_unknown_account_still_hashes_the_password(api_client, db, hashes, url):
    body = {User.USERNAME_FIELD: "nobody@example.com", "password": "a guess"}

    response = api_client.post(url, body, format="json")

    assert response.status_code in (400, 401)
    assert hashes == ["a guess"]
