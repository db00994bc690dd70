"""The OpenAPI schema at /api/schema/ and its Swagger UI at /api/docs/."""

import importlib
import io
import re
{% if cookiecutter.__social %}
from urllib.parse import unquote
{% endif %}

import pytest
from django.core.management import call_command
from django.urls import NoReverseMatch, clear_url_caches, reverse
from drf_spectacular.validation import validate_schema

import config.urls
from users.tests.test_urls import auth_url_names


def get_schema(client):
    response = client.get(reverse("schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200, response.content
    return response.json()


def auth_url_paths():
    """The path of every named URL under /auth/, with 1 for a user id."""
    paths = set()
    for name in auth_url_names():
        try:
            paths.add(reverse(name))
        except NoReverseMatch:
{% if cookiecutter.__social %}
            kwargs = {"provider": "{provider}"} if name.startswith("provider-") else {"pk": 1}
            paths.add(unquote(reverse(name, kwargs=kwargs)))
{% else %}
            paths.add(reverse(name, kwargs={"pk": 1}))
{% endif %}
    return paths


@pytest.fixture
def docs_disabled(settings):
    """The URLs as production builds them by default, with API_DOCS_ENABLED off."""
    settings.API_DOCS_ENABLED = False
    importlib.reload(config.urls)
    clear_url_caches()
    yield
    settings.API_DOCS_ENABLED = True
    importlib.reload(config.urls)
    clear_url_caches()


def test_schema_is_valid_openapi_3(api_client):
    schema = get_schema(api_client)

    assert schema["openapi"].startswith("3.")
    validate_schema(schema)


def test_schema_generates_without_warnings():
    call_command("spectacular", "--validate", "--fail-on-warn", stdout=io.StringIO())


def test_schema_is_readable_without_credentials(api_client):
    assert api_client.get(reverse("schema")).status_code == 200


def test_schema_documents_every_auth_route(api_client):
    # auth_url_paths() names ids 1{{ " and keeps {provider}" if cookiecutter.__social }}.
    paths = {re.sub(r"{(?!provider})\w+}", "1", path) for path in get_schema(api_client)["paths"]}

    # The router's index at /auth/ lists links, it is no API operation.
    assert auth_url_paths() - paths == {"/auth/"}


def test_schema_documents_the_errors_of_an_action(api_client):
    responses = get_schema(api_client)["paths"]["/auth/users/set_password/"]["post"]["responses"]

    assert set(responses) == {"204", "400", "401", "415"}
    assert "content" not in responses["204"]


def test_docs_page_answers_without_credentials(api_client):
    response = api_client.get(reverse("docs"))

    assert response.status_code == 200
    assert b"swagger-ui" in response.content


@pytest.mark.usefixtures("docs_disabled")
@pytest.mark.parametrize("path", ["/api/schema/", "/api/docs/"])
def test_schema_and_docs_are_not_found_when_disabled(api_client, path):
    assert api_client.get(path).status_code == 404
