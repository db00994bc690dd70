"""o/{provider}/ of a bake with a social provider, served by runserver, to an HTTP client."""

import json
import secrets
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from cookiecutter.main import cookiecutter

from bakery import TEMPLATE, clean_env
from devserver import runserver

pytestmark = pytest.mark.slow
FRONTEND_CALLBACK = "https://app.example.test/social/github/"


def request(method, url, form=None):
    data = None if form is None else urllib.parse.urlencode(form).encode()
    headers = {"Accept": "application/json"}
    if form is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        with urllib.request.urlopen(
            urllib.request.Request(url, data=data, headers=headers, method=method), timeout=10
        ) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.fixture(scope="module")
def auth_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("social")
    project = Path(
        cookiecutter(
            str(TEMPLATE),
            no_input=True,
            extra_context={"social_providers": "github"},
            output_dir=str(root / "bake"),
        )
    )
    env = clean_env(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        SOCIAL_AUTH_GITHUB_KEY="github-client-id",
        SOCIAL_AUTH_GITHUB_SECRET="github-client-secret",
        SOCIAL_AUTH_ALLOWED_REDIRECT_URIS=f"{FRONTEND_CALLBACK},https://other.example.test/",
    )
    with runserver(project, env, root / "runserver.log") as base_url:
        yield f"{base_url}/auth"


def login_url(auth_url, provider="github", redirect_uri=FRONTEND_CALLBACK):
    query = urllib.parse.urlencode({"redirect_uri": redirect_uri})
    return f"{auth_url}/o/{provider}/?{query}"


def test_get_with_an_allowed_redirect_uri_answers_the_github_url(auth_url):
    status, body = request("GET", login_url(auth_url))

    assert status == 200, body
    url = urllib.parse.urlsplit(body["authorization_url"])
    query = urllib.parse.parse_qs(url.query)
    assert (url.netloc, url.path) == ("github.com", "/login/oauth/authorize")
    assert query["client_id"] == ["github-client-id"]
    assert query["redirect_uri"] == [FRONTEND_CALLBACK]
    assert query["state"]


@pytest.mark.parametrize(
    "redirect_uri",
    [
        "https://evil.example.test/",
        FRONTEND_CALLBACK + "evil/",
        "https://app.example.test.evil.example/social/github/",
    ],
)
def test_get_with_a_disallowed_redirect_uri_answers_400(auth_url, redirect_uri):
    status, body = request("GET", login_url(auth_url, redirect_uri=redirect_uri))

    assert status == 400
    assert "redirect_uri" in body


def test_post_with_a_bad_state_answers_400(auth_url):
    status, body = request("POST", f"{auth_url}/o/github/", {"code": "x", "state": "forged"})

    assert status == 400
    assert "state" in body


def test_post_with_a_tampered_state_answers_400(auth_url):
    _, body = request("GET", login_url(auth_url))
    state = urllib.parse.parse_qs(urllib.parse.urlsplit(body["authorization_url"]).query)["state"]
    tampered = state[0][:-2] + ("AA" if not state[0].endswith("AA") else "BB")

    status, body = request("POST", f"{auth_url}/o/github/", {"code": "x", "state": tampered})

    assert status == 400
    assert "state" in body


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_unknown_provider_answers_404_as_json(auth_url, method):
    form = {"code": "x", "state": "y"} if method == "POST" else None

    status, body = request(method, login_url(auth_url, provider="myspace"), form)

    assert status == 404
    assert "detail" in body
