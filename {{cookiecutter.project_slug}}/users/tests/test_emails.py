{% set field = cookiecutter.username_field %}
"""Each account email: one message with a text body and an HTML alternative."""

import pytest
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils.html import escape

{% if cookiecutter.send_activation_email or cookiecutter.send_confirmation_email %}
from users.models import User
{% endif %}
{% if field == "email" %}
from users.tests.factories import PASSWORD
{% endif %}
{% if cookiecutter.send_activation_email or cookiecutter.send_confirmation_email %}
from users.tests.helpers import registration_body
{% endif %}
from users.tests.mail import link_params
from users.tokens import (
{% if cookiecutter.send_activation_email %}
    activation_token,
{% endif %}
    email_change_token,
    encode_uid,
    password_reset_token,
    username_reset_token,
)

SITE_NAME = "Ada's Shop & Co"
NEW_PASSWORD = "a new and longer passphrase"


@pytest.fixture(autouse=True)
def frontend(settings):
    settings.EMAIL_FRONTEND_PROTOCOL = "http"
    settings.EMAIL_FRONTEND_DOMAIN = "frontend.example.org:8080"
    settings.EMAIL_FRONTEND_SITE_NAME = SITE_NAME


def assert_account_email(message):
    """One multipart message: a one-line subject, a text body and an HTML body."""
    assert isinstance(message, EmailMultiAlternatives)
    assert message.subject
    assert "\n" not in message.subject
    assert "\r" not in message.subject
    assert SITE_NAME in message.subject or SITE_NAME in message.body
    assert SITE_NAME in message.body
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    assert escape(SITE_NAME) in html
    parts = [part.get_content_type() for part in message.message().walk()]
    assert parts == ["multipart/alternative", "text/plain", "text/html"]
    return html


def assert_link(message, url_pattern, user, token_generator):
    """The message links to `url_pattern` on the frontend with a working uid and token."""
    params = link_params(message)
    assert params["uid"] == encode_uid(user.pk)
    assert token_generator.check_token(user, params["token"])
    link = "http://frontend.example.org:8080/" + url_pattern.format(**params)
    assert link in message.body.splitlines()
    assert f'href="{escape(link)}"' in message.alternatives[0].content


def test_password_reset_email(api_client, user, settings, mailoutbox):
    settings.PASSWORD_RESET_CONFIRM_URL = "app/password/{uid}/{token}"

    api_client.post(reverse("user-reset-password"), {"email": user.email})

    [message] = mailoutbox
    assert message.to == [user.email]
    assert_account_email(message)
    assert_link(message, "app/password/{uid}/{token}", user, password_reset_token)


def test_password_reset_email_links_to_the_default_frontend_url(api_client, user, mailoutbox):
    api_client.post(reverse("user-reset-password"), {"email": user.email})

    assert_link(mailoutbox[0], "#/password/reset/confirm/{uid}/{token}", user, password_reset_token)


def test_username_reset_email(api_client, user, settings, mailoutbox):
    settings.USERNAME_RESET_CONFIRM_URL = "app/login/{uid}/{token}"

    api_client.post(reverse("user-reset-username"), {"email": user.email})

    [message] = mailoutbox
    assert message.to == [user.email]
    assert_account_email(message)
    assert_link(message, "app/login/{uid}/{token}", user, username_reset_token)


def test_username_reset_email_links_to_the_default_frontend_url(api_client, user, mailoutbox):
    api_client.post(reverse("user-reset-username"), {"email": user.email})

    assert_link(mailoutbox[0], "#/username/reset/confirm/{uid}/{token}", user, username_reset_token)


def request_email_change(client, email):
{% if field == "email" %}
    data = {"current_password": PASSWORD, "new_email": email}
{% if cookiecutter.set_username_retype %}
    data["re_new_email"] = email
{% endif %}
    client.post(reverse("user-set-username"), data)
{% else %}
    client.patch(reverse("user-me"), {"email": email}, format="json")
{% endif %}


def test_email_change_emails(auth_client, user, settings, mailoutbox):
    settings.EMAIL_CHANGE_CONFIRM_URL = "app/email/{uid}/{token}"
    old_email = user.email

    request_email_change(auth_client, "grace@example.com")

    [link_mail] = [message for message in mailoutbox if message.to == ["grace@example.com"]]
    assert_account_email(link_mail)
    user.refresh_from_db()
    assert_link(link_mail, "app/email/{uid}/{token}", user, email_change_token)
    [notice] = [message for message in mailoutbox if message.to == [old_email]]
    html = assert_account_email(notice)
    assert "grace@example.com" in notice.body
    assert "grace@example.com" in html


def test_email_change_email_links_to_the_default_frontend_url(auth_client, user, mailoutbox):
    request_email_change(auth_client, "grace@example.com")

    [link_mail] = [message for message in mailoutbox if message.to == ["grace@example.com"]]
    user.refresh_from_db()
    assert_link(link_mail, "#/email/change/confirm/{uid}/{token}", user, email_change_token)


def test_email_subject_is_one_line_even_if_the_site_name_is_not(
    api_client, user, settings, mailoutbox
):
    settings.EMAIL_FRONTEND_SITE_NAME = "Ada's\nShop"

    api_client.post(reverse("user-reset-password"), {"email": user.email})

    assert "\n" not in mailoutbox[0].subject
    assert "\r" not in mailoutbox[0].subject
{% if cookiecutter.send_activation_email or cookiecutter.send_confirmation_email %}


def register(api_client):
    response = api_client.post(reverse("user-list"), registration_body(password=NEW_PASSWORD))
    assert response.status_code == 201, response.content
    return User.objects.get(email="newcomer@example.com")
{% endif %}
{% if cookiecutter.send_activation_email %}


def test_activation_email(api_client, db, settings, mailoutbox):
    settings.ACTIVATION_URL = "app/activate/{uid}/{token}"

    user = register(api_client)

    [message] = mailoutbox
    assert message.to == ["newcomer@example.com"]
    assert_account_email(message)
    assert_link(message, "app/activate/{uid}/{token}", user, activation_token)


def test_activation_email_links_to_the_default_frontend_url(api_client, db, mailoutbox):
    user = register(api_client)

    assert_link(mailoutbox[0], "#/activate/{uid}/{token}", user, activation_token)
{% endif %}
{% if cookiecutter.send_confirmation_email %}


def test_confirmation_email(api_client, db, mailoutbox):
    user = register(api_client)
{% if cookiecutter.send_activation_email %}
    activation = link_params(mailoutbox.pop())
    response = api_client.post(reverse("user-activation"), activation)
    assert response.status_code == 204
{% endif %}

    [message] = mailoutbox
    assert message.to == [user.email]
    assert_account_email(message)
{% endif %}
{% if cookiecutter.password_changed_email_confirmation %}


def test_password_changed_email(auth_client, user, password, mailoutbox):
    data = {"current_password": password, "new_password": NEW_PASSWORD}
{% if cookiecutter.set_password_retype %}
    data["re_new_password"] = NEW_PASSWORD
{% endif %}

    auth_client.post(reverse("user-set-password"), data)

    [message] = mailoutbox
    assert message.to == [user.email]
    assert_account_email(message)
{% endif %}
{% if cookiecutter.username_changed_email_confirmation %}


def test_username_changed_email(auth_client, user, password, mailoutbox):
{% if field == "email" %}
    old_email = user.email
{% endif %}
{% if field == "email" %}
    data = {"current_password": password, "new_email": "new.address@example.com"}
{% else %}
    data = {"current_password": password, "new_username": "new_name"}
{% endif %}
{% if cookiecutter.set_username_retype %}
    data["re_new_{{ field }}"] = data["new_{{ field }}"]
{% endif %}

    auth_client.post(reverse("user-set-username"), data)
{% if field == "email" %}
    [link_mail] = [message for message in mailoutbox if message.to == [data["new_email"]]]
    mailoutbox.clear()
    auth_client.post(reverse("user-change-email-confirm"), link_params(link_mail))

    recipients = sorted(address for message in mailoutbox for address in message.to)
    assert recipients == sorted([old_email, "new.address@example.com"])
    for message in mailoutbox:
        html = assert_account_email(message)
        assert "new.address@example.com" in message.body
        assert "new.address@example.com" in html
{% else %}

    [message] = mailoutbox
    assert message.to == [user.email]
    html = assert_account_email(message)
    assert "new_name" in message.body
    assert "new_name" in html
{% endif %}
{% endif %}
