import pytest
from django.urls import reverse

FRONTEND = "https://app.example.com"


@pytest.fixture
def allowed_frontend(settings):
    settings.CORS_ALLOWED_ORIGINS = [FRONTEND]


def preflight(client, origin):
    return client.options(
        reverse("user-list"),
        HTTP_ORIGIN=origin,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type",
    )


def test_an_allowed_origin_may_call_the_api(client, db, allowed_frontend):
    response = preflight(client, FRONTEND)

    assert response["Access-Control-Allow-Origin"] == FRONTEND
    assert "authorization" in response["Access-Control-Allow-Headers"]


def test_other_origins_get_no_cors_headers(client, db, allowed_frontend):
    response = preflight(client, "https://evil.example.net")

    assert "Access-Control-Allow-Origin" not in response


def test_no_origin_is_allowed_by_default(client, db):
    response = preflight(client, FRONTEND)

    assert "Access-Control-Allow-Origin" not in response
