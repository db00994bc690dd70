import json
import re
import secrets
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from cookiecutter.main import cookiecutter

from bakery import TEMPLATE, clean_env
from devserver import mails, runserver, text_body

pytestmark = pytest.mark.slow
# The running contract's frontend settings, as a deployment would set them.
FRONTEND = {
    "EMAIL_FRONTEND_PROTOCOL": "https",
    "EMAIL_FRONTEND_DOMAIN": "app.example.test",
    "EMAIL_FRONTEND_SITE_NAME": "Example App",
    "ACTIVATION_URL": "welcome?uid={uid}&token={token}",
    "PASSWORD_RESET_CONFIRM_URL": "password?uid={uid}&token={token}",
}
LINK = re.compile(r"https://app\.example\.test/(\w+)\?uid=([\w-]+)&token=([\w-]+)")


def request(method, url, body=None, token=None):
    data = None if body is None else json.dumps(body).encode()
    headers = {"Accept": "application/json", "Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    try:
        with urllib.request.urlopen(
            urllib.request.Request(url, data=data, headers=headers, method=method), timeout=10
        ) as response:
            return response.status, response.headers, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, json.loads(error.read() or b"null")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The default bake, migrated and served by runserver with settings from the environment."""
    root = tmp_path_factory.mktemp("smoke")
    project = Path(cookiecutter(str(TEMPLATE), no_input=True, output_dir=str(root / "bake")))
    maildir = root / "mail"
    maildir.mkdir()
    env = clean_env(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        EMAIL_URL=f"filemail:///{maildir}",
        **FRONTEND,
    )
    with runserver(project, env, root / "runserver.log") as base_url:
        yield base_url, maildir


def test_registration_answers_201_and_mails_the_new_user(server):
    base_url, maildir = server
    password = secrets.token_urlsafe(16)

    status, _, body = request(
        "POST", f"{base_url}/auth/users/", {"email": "ada@example.com", "password": password}
    )

    assert status == 201, body
    assert body["email"] == "ada@example.com"
    assert "password" not in body
    mails = [path.read_text(encoding="utf-8") for path in maildir.iterdir()]
    assert any("ada@example.com" in mail for mail in mails)


def test_me_without_credentials_answers_401_as_json(server):
    base_url, _ = server

    status, headers, body = request("GET", f"{base_url}/auth/users/me/")

    assert status == 401
    assert headers["Content-Type"].startswith("application/json")
    assert "detail" in body


def mailed_link(maildir, page, to):
    """uid and token of the newest link to frontend `page` mailed to `to`, from the text part."""
    for message in mails(maildir):
        if message["To"] != to or "Example App" not in message["Subject"]:
            continue
        match = LINK.search(text_body(message))
        if match and match[1] == page:
            return {"uid": match[2], "token": match[3]}
    raise AssertionError(f"no {page} link mailed to {to}")


def test_account_lifecycle_over_http(server):
    base_url, maildir = server
    auth = f"{base_url}/auth"
    address, password, new_password = "grace@example.com", "first pass phrase", "second pass phrase"

    status, _, body = request("POST", f"{auth}/users/", {"email": address, "password": password})
    assert status == 201, body
    credentials = {"email": address, "password": password}
    assert request("POST", f"{auth}/jwt/create/", credentials)[0] == 401

    activation = mailed_link(maildir, "welcome", address)
    assert request("POST", f"{auth}/users/activation/", activation)[0] == 204
    assert request("POST", f"{auth}/users/activation/", activation)[0] == 403

    status, _, tokens = request("POST", f"{auth}/jwt/create/", credentials)
    assert status == 200, tokens
    status, _, me = request("GET", f"{auth}/users/me/", token=tokens["access"])
    assert (status, me["email"]) == (200, address)

    assert request("POST", f"{auth}/users/reset_password/", {"email": address.upper()})[0] == 204
    reset = {**mailed_link(maildir, "password", address), "new_password": new_password}
    assert request("POST", f"{auth}/users/reset_password_confirm/", reset)[0] == 204
    assert request("POST", f"{auth}/users/reset_password_confirm/", reset)[0] == 400

    assert request("GET", f"{auth}/users/me/", token=tokens["access"])[0] == 401
    assert request("POST", f"{auth}/jwt/refresh/", {"refresh": tokens["refresh"]})[0] == 401
    new_credentials = {"email": address, "password": new_password}
    assert request("POST", f"{auth}/jwt/create/", new_credentials)[0] == 200
