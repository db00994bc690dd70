import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from rest_framework.test import APIClient

from users.api import throttles
from users.models import User
from users.tests.factories import PASSWORD
from users.tests.helpers import LOGIN_URLS, registration_body

LOGIN = User.USERNAME_FIELD
ACCOUNT_MAIL_URLS = [
    reverse("user-reset-password"),
    reverse("user-reset-username"),
{% if cookiecutter.send_activation_email %}
    reverse("user-resend-activation"),
{% endif %}
]


def client_at(address):
    return APIClient(REMOTE_ADDR=address)


def log_in(client, url, login, password):
    return client.post(url, {LOGIN: login, "password": password}, format="json")


def subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from subclasses(subclass)


def test_every_scope_has_a_rate_setting():
    # Every throttle of the API, in any app: the URLconf has imported them all.
    reverse("user-list")
    scopes = {throttle.scope for throttle in subclasses(throttles.Throttle) if throttle.scope}

    assert scopes == set(django_settings.THROTTLE_RATES)


@pytest.mark.parametrize("url", LOGIN_URLS)
def test_failed_logins_per_account_are_limited(rates, user, url):
    rates(login_failed="2/min")
    client = client_at("10.0.0.1")
    for _ in range(2):
        assert log_in(client, url, user.get_username(), "wrong").status_code in (400, 401)

    # Even the right password waits: guessing cannot go on.
    response = log_in(client_at("10.0.0.2"), url, user.get_username().upper(), PASSWORD)

    assert response.status_code == 429
    assert "detail" in response.json()


@pytest.mark.parametrize("url", LOGIN_URLS)
def test_successful_logins_do_not_count(rates, user, url):
    rates(login_failed="2/min", login_failed_ip="2/min")

    responses = [log_in(APIClient(), url, user.get_username(), PASSWORD) for _ in range(4)]

    assert [response.status_code for response in responses] == [200] * 4


@pytest.mark.parametrize("url", LOGIN_URLS)
def test_failed_logins_of_one_account_do_not_lock_another(rates, user, other_user, url):
    rates(login_failed="1/min")
    log_in(APIClient(), url, user.get_username(), "wrong")

    response = log_in(APIClient(), url, other_user.get_username(), PASSWORD)

    assert response.status_code == 200


@pytest.mark.parametrize("url", LOGIN_URLS)
def test_failed_logins_per_client_address_are_limited(rates, db, url):
    rates(login_failed_ip="2/min")
    attacker = client_at("10.0.0.1")
    for number in range(2):
        log_in(attacker, url, f"guess{number}@example.com", "wrong")

    assert log_in(attacker, url, "guess9@example.com", "wrong").status_code == 429
    assert log_in(client_at("10.0.0.2"), url, "guess9@example.com", "wrong").status_code != 429


@pytest.mark.parametrize("url", LOGIN_URLS)
def test_a_forged_forwarded_for_header_does_not_escape_the_limit(rates, db, url):
    rates(login_failed_ip="2/min")
    attacker = client_at("10.0.0.1")
    for number in range(2):
        attacker.credentials(HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
        log_in(attacker, url, f"guess{number}@example.com", "wrong")

    attacker.credentials(HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert log_in(attacker, url, "guess9@example.com", "wrong").status_code == 429


def test_registrations_per_client_address_are_limited(rates, db):
    rates(registration="1/hour")
    client = client_at("10.0.0.1")
    body = registration_body()
    assert client.post(reverse("user-list"), body, format="json").status_code == 201

    response = client.post(reverse("user-list"), body, format="json")

    assert response.status_code == 429
    assert User.objects.count() == 1


@pytest.mark.parametrize("url", ACCOUNT_MAIL_URLS)
def test_mails_per_address_are_limited_across_endpoints(rates, user, mailoutbox, url):
    rates(account_mail="1/hour")
    client_at("10.0.0.1").post(reverse("user-reset-password"), {"email": user.email})

    response = client_at("10.0.0.2").post(url, {"email": user.email.upper()})

    assert response.status_code == 429
    assert len(mailoutbox) == 1


@pytest.mark.parametrize("url", ACCOUNT_MAIL_URLS)
def test_mail_requests_per_client_address_are_limited(rates, db, url):
    rates(account_mail_ip="2/hour")
    client = client_at("10.0.0.1")
    for number in range(2):
        assert client.post(url, {"email": f"someone{number}@example.com"}).status_code == 204

    assert client.post(url, {"email": "someone9@example.com"}).status_code == 429


def test_mail_limit_of_one_address_leaves_others_alone(rates, user, other_user, mailoutbox):
    rates(account_mail="1/hour")
    url = reverse("user-reset-password")
    APIClient().post(url, {"email": user.email})

    response = APIClient().post(url, {"email": other_user.email})

    assert response.status_code == 204
    assert len(mailoutbox) == 2


def test_throttled_answers_are_json_with_retry_after(rates, user):
    rates(account_mail="1/hour")
    url = reverse("user-reset-password")
    APIClient().post(url, {"email": user.email})

    response = APIClient().post(url, {"email": user.email})

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert list(response.json()) == ["detail"]


def test_nothing_is_limited_while_the_rates_are_off(db, user):
    client = client_at("10.0.0.1")
    url = reverse("user-reset-password")

    statuses = {client.post(url, {"email": user.email}).status_code for _ in range(10)}

    assert statuses == {204}
