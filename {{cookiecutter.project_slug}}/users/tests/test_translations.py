"""Every message the API and its mails show is translated; answers follow Accept-Language."""

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation.template import templatize

from users.tokens import encode_uid

PROJECT = Path(settings.BASE_DIR)
GETTEXT_NAMES = {"_", "gettext", "gettext_lazy"}
TEMPLATE_GETTEXT = re.compile(r"gettext\(u('(?:[^'\\]|\\.)*')\)")
GERMAN = {"HTTP_ACCEPT_LANGUAGE": "de"}


def project_packages():
    """config and the project's own apps; not the packages of a virtualenv inside it."""
    yield PROJECT / "config"
    for app in apps.get_app_configs():
        if Path(app.path).parent == PROJECT:
            yield Path(app.path)


def python_messages():
    modules = (path for package in project_packages() for path in package.rglob("*.py"))
    for path in modules:
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) in GETTEXT_NAMES
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                yield node.args[0].value


def template_messages():
    templates = (path for app in project_packages() for path in app.glob("templates/**/*.*"))
    for path in templates:
        for literal in TEMPLATE_GETTEXT.findall(templatize(path.read_text(encoding="utf-8"))):
            yield ast.literal_eval(literal)


def test_the_project_marks_messages_for_translation():
    assert len(set(python_messages())) >= 10
    assert len(set(template_messages())) >= 5


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES if code != "en"])
def test_every_message_is_translated(language):
    messages = set(python_messages()) | set(template_messages())
    with translation.override(language):
        untranslated = sorted(
            message for message in messages if translation.gettext(message) == message
        )
    assert untranslated == []


def test_errors_answer_in_the_language_the_client_asks_for(api_client, db):
    body = {"uid": encode_uid(10**9), "token": "x", "new_password": "irrelevant"}

    response = api_client.post(reverse("user-reset-password-confirm"), body, **GERMAN)

    assert response.status_code == 400
    assert response["Content-Language"] == "de"
    assert response.json()["uid"] == ["Ungültige Benutzer-ID oder der Benutzer existiert nicht."]


def test_errors_answer_in_english_by_default(api_client, db):
    body = {"uid": encode_uid(10**9), "token": "x", "new_password": "irrelevant"}

    response = api_client.post(reverse("user-reset-password-confirm"), body)

    assert response.json()["uid"] == ["Invalid user id or user doesn't exist."]


def test_mail_is_written_in_the_language_of_the_request(api_client, user, mailoutbox, settings):
    settings.EMAIL_FRONTEND_SITE_NAME = "Shop"

    api_client.post(reverse("user-reset-password"), {"email": user.email}, **GERMAN)

    [message] = mailoutbox
    assert message.subject == "Passwort bei Shop zurücksetzen"
    assert "Öffnen Sie diesen Link, um ein neues Passwort zu wählen:" in message.body
    html = message.alternatives[0][0]
    assert '<html lang="de">' in html
    assert "Neues Passwort wählen" in html
