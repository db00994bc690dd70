{% set field = cookiecutter.username_field %}
import pytest
from django.urls import reverse

from users.tests.factories import UserFactory
from users.tests.helpers import assert_field_error, can_log_in
from users.tests.login_names import INVALID_LOGINS, NEW_LOGIN, TAKEN_LOGINS
{% if field == "email" %}
from users.tests.mail import link_params
from users.tokens import email_change_token
{% endif %}

URL = reverse("user-set-username")


def body(current_password, new_{{ field }}=NEW_LOGIN, **extra):
{% if cookiecutter.set_username_retype %}
    extra.setdefault("re_new_{{ field }}", new_{{ field }})
{% endif %}
    return {"current_password": current_password, "new_{{ field }}": new_{{ field }}, **extra}


{% if field == "email" %}
def test_set_email_keeps_the_old_address_until_it_is_confirmed(auth_client, user, password):
    old_email = user.email

    response = auth_client.post(URL, body(password))

    assert response.status_code == 204
    user.refresh_from_db()
    assert user.email == old_email
    assert user.pending_email == NEW_LOGIN
    assert can_log_in(old_email, password)
    assert not can_log_in(NEW_LOGIN, password)
{% else %}
def test_set_username_changes_the_login(auth_client, user, password):
    old_username = user.username

    response = auth_client.post(URL, body(password))

    assert response.status_code == 204
    user.refresh_from_db()
    assert user.username == NEW_LOGIN
    assert can_log_in(NEW_LOGIN, password)
    assert not can_log_in(old_username, password)
{% endif %}


def test_set_{{ field }}_with_wrong_current_password_is_refused(auth_client, user):
    old_{{ field }} = user.{{ field }}

    response = auth_client.post(URL, body("not the password"))

    assert_field_error(response, "current_password")
    user.refresh_from_db()
    assert user.{{ field }} == old_{{ field }}


{% if field == "email" and cookiecutter.prevent_enumeration %}
@pytest.mark.parametrize(("taken", "requested"), TAKEN_LOGINS, ids=["ascii", "non_ascii"])
def test_set_email_to_a_taken_email_in_other_letter_case_sends_it_no_link(
    auth_client, user, password, mailoutbox, taken, requested
):
    UserFactory(email=taken)

    response = auth_client.post(URL, body(password, requested))

    assert response.status_code == 204
    assert [message.to for message in mailoutbox] == [[user.email]]


{% else %}
@pytest.mark.parametrize(("taken", "requested"), TAKEN_LOGINS, ids=["ascii", "non_ascii"])
def test_set_{{ field }}_to_a_taken_{{ field }}_in_other_letter_case_is_refused(
    auth_client, password, taken, requested
):
    UserFactory({{ field }}=taken)

    response = auth_client.post(URL, body(password, requested))

    assert_field_error(response, "new_{{ field }}")


{% endif %}
@pytest.mark.parametrize("invalid", INVALID_LOGINS)
def test_set_{{ field }}_to_an_invalid_{{ field }}_is_refused(auth_client, user, password, invalid):
    old_{{ field }} = user.{{ field }}

    response = auth_client.post(URL, body(password, invalid))

    assert_field_error(response, "new_{{ field }}")
    user.refresh_from_db()
    assert user.{{ field }} == old_{{ field }}


@pytest.mark.parametrize("missing", ["current_password", "new_{{ field }}"])
def test_set_{{ field }}_without_a_required_field_is_refused(auth_client, password, missing):
    data = body(password)
    del data[missing]

    response = auth_client.post(URL, data)

    assert_field_error(response, missing)


def test_set_{{ field }}_requires_authentication(api_client, password):
    response = api_client.post(URL, body(password))

    assert response.status_code == 401
{% if cookiecutter.set_username_retype %}


def test_set_{{ field }}_with_mismatched_retype_is_refused(auth_client, user, password):
    old_{{ field }} = user.{{ field }}

    response = auth_client.post(URL, body(password, re_new_{{ field }}="other" + NEW_LOGIN))

    assert_field_error(response, "non_field_errors")
    assert "new {{ field }}" in response.json()["non_field_errors"][0]
    user.refresh_from_db()
    assert user.{{ field }} == old_{{ field }}


def test_set_{{ field }}_without_the_retype_is_refused(auth_client, password):
    data = body(password)
    del data["re_new_{{ field }}"]

    response = auth_client.post(URL, data)

    assert_field_error(response, "re_new_{{ field }}")
{% endif %}
{% if field == "email" %}


def test_set_email_mails_a_link_to_the_new_address_and_a_notice_to_the_old(
    auth_client, user, password, mailoutbox
):
    old_email = user.email

    auth_client.post(URL, body(password))

    assert sorted(message.to for message in mailoutbox) == sorted([[old_email], [NEW_LOGIN]])
    [link_mail] = [message for message in mailoutbox if message.to == [NEW_LOGIN]]
    user.refresh_from_db()
    assert email_change_token.check_token(user, link_params(link_mail)["token"])
    [notice] = [message for message in mailoutbox if message.to == [old_email]]
    assert NEW_LOGIN in notice.body


def test_refused_set_email_sends_nothing(auth_client, mailoutbox):
    auth_client.post(URL, body("not the password"))

    assert mailoutbox == []
{% elif cookiecutter.username_changed_email_confirmation %}


def test_set_username_emails_the_user(auth_client, user, password, mailoutbox):
    auth_client.post(URL, body(password))

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [user.email]
    assert NEW_LOGIN in mailoutbox[0].body


def test_refused_set_username_sends_nothing(auth_client, mailoutbox):
    auth_client.post(URL, body("not the password"))

    assert mailoutbox == []
{% else %}


def test_set_username_sends_no_mail(auth_client, password, mailoutbox):
    response = auth_client.post(URL, body(password))

    assert response.status_code == 204
    assert mailoutbox == []
{% endif %}
