{% set field = cookiecutter.username_field %}
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from users.api import email_change
from users.models import User
{% if field == "email" %}
from users.tests.factories import PASSWORD, UserFactory
from users.tests.helpers import BAD_UIDS, assert_field_error, can_log_in
{% else %}
from users.tests.factories import UserFactory
from users.tests.helpers import BAD_UIDS, assert_field_error
{% endif %}
from users.tests.mail import link_params
from users.tokens import email_change_token, encode_uid, password_reset_token

URL = reverse("user-change-email-confirm")
NEW_EMAIL = "grace@example.com"


def request_change(client, email=NEW_EMAIL):
    """Ask for a new address for the client's user, as the API offers it."""
{% if field == "email" %}
    body = {"current_password": PASSWORD, "new_email": email}
{% if cookiecutter.set_username_retype %}
    body["re_new_email"] = email
{% endif %}
    response = client.post(reverse("user-set-username"), body)
{% else %}
    response = client.patch(reverse("user-me"), {"email": email}, format="json")
{% endif %}
    assert response.status_code < 300, response.content


def link_to(address, mailoutbox):
    """The uid and token of the last link mailed to `address`."""
    messages = [message for message in mailoutbox if message.to == [address]]
    return link_params(messages[-1])


@pytest.fixture
def link(auth_client, mailoutbox):
    request_change(auth_client)
    return link_to(NEW_EMAIL, mailoutbox)


def assert_unchanged(user):
    old_email = user.email
    user.refresh_from_db()
    assert user.email == old_email


def test_confirming_the_link_sets_the_new_email(api_client, user, link):
    response = api_client.post(URL, link)

    assert response.status_code == 204
    user.refresh_from_db()
    assert user.email == NEW_EMAIL
    assert user.pending_email == ""
{% if field == "email" %}


def test_after_confirmation_only_the_new_email_logs_in(api_client, user, password, link):
    old_email = user.email

    api_client.post(URL, link)

    assert can_log_in(NEW_EMAIL, password)
    assert not can_log_in(old_email, password)
{% endif %}


def test_change_email_link_works_once(api_client, user, link):
    api_client.post(URL, link)

    response = api_client.post(URL, link)

    assert_field_error(response, "token")
    user.refresh_from_db()
    assert user.email == NEW_EMAIL


def test_change_email_link_expires(api_client, user, link):
    with time_machine.travel(timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 1)):
        response = api_client.post(URL, link)

    assert_field_error(response, "token")
    assert_unchanged(user)


def test_asking_for_another_address_spends_the_earlier_link(
    api_client, auth_client, user, link, mailoutbox
):
    request_change(auth_client, "other.grace@example.com")

    response = api_client.post(URL, link)

    assert_field_error(response, "token")
    assert_unchanged(user)
    assert api_client.post(URL, link_to("other.grace@example.com", mailoutbox)).status_code == 204


@pytest.mark.parametrize("token", ["", "garbage", "abc-0123456789abcdef0123", "-"])
def test_change_email_confirm_with_a_wrong_token_is_refused(api_client, user, link, token):
    response = api_client.post(URL, {**link, "token": token})

    assert_field_error(response, "token")
    assert_unchanged(user)


@pytest.mark.parametrize("uid", BAD_UIDS.values(), ids=BAD_UIDS.keys())
def test_change_email_confirm_with_a_bad_uid_is_refused(api_client, user, link, uid):
    response = api_client.post(URL, {**link, "uid": uid})

    assert_field_error(response, "uid")
    assert_unchanged(user)


def test_change_email_link_with_someone_elses_uid_is_refused(api_client, user, other_user, link):
    other_user.pending_email = NEW_EMAIL
    other_user.save()

    response = api_client.post(URL, {**link, "uid": encode_uid(other_user.pk)})

    assert_field_error(response, "token")
    assert_unchanged(other_user)
    assert_unchanged(user)


def test_change_email_confirm_with_a_password_reset_token_is_refused(api_client, user, link):
    token = password_reset_token.make_token(user)

    response = api_client.post(URL, {**link, "token": token})

    assert_field_error(response, "token")
    assert_unchanged(user)


def test_change_email_confirm_without_a_pending_address_is_refused(api_client, user):
    link = {"uid": encode_uid(user.pk), "token": email_change_token.make_token(user)}

    response = api_client.post(URL, link)

    assert_field_error(response, "token")
    assert_unchanged(user)


def test_change_email_to_an_address_taken_meanwhile_is_refused(api_client, user, link):
    UserFactory(email=NEW_EMAIL.upper())

    response = api_client.post(URL, link)

    assert_field_error(response, "non_field_errors")
    assert_unchanged(user)
    assert User.objects.with_email(NEW_EMAIL).count() == 1


def test_change_email_losing_a_race_for_the_address_is_refused(api_client, user, link, monkeypatch):
    check = email_change.check_email_is_free

    def check_then_lose_race(email, user=None):
        checked = check(email, user=user)
        UserFactory(email=email.upper())
        return checked

    monkeypatch.setattr(email_change, "check_email_is_free", check_then_lose_race)

    response = api_client.post(URL, link)

    assert_field_error(response, "non_field_errors")
    assert_unchanged(user)
    assert not User.objects.with_email(NEW_EMAIL).exists()


def test_change_email_confirm_does_not_need_a_login(api_client, link):
    response = api_client.post(URL, link)

    assert response.status_code == 204
{% if cookiecutter.username_changed_email_confirmation and field == "email" %}


def test_confirmed_change_tells_the_old_and_the_new_address(api_client, user, link, mailoutbox):
    old_email = user.email
    mailoutbox.clear()

    api_client.post(URL, link)

    recipients = sorted(address for message in mailoutbox for address in message.to)
    assert recipients == sorted([old_email, NEW_EMAIL])
    assert all(NEW_EMAIL in message.body for message in mailoutbox)
{% else %}


def test_confirmed_change_sends_no_mail(api_client, link, mailoutbox):
    mailoutbox.clear()

    api_client.post(URL, link)

    assert mailoutbox == []
{% endif %}


def test_refused_confirmation_sends_no_mail(api_client, link, mailoutbox):
    mailoutbox.clear()

    api_client.post(URL, {**link, "token": "garbage"})

    assert mailoutbox == []
