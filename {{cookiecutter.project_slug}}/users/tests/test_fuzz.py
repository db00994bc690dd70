"""Schemathesis sends generated requests to every operation of the OpenAPI schema.

Any server error fails, and so does a response whose status code, content type or body
the schema does not describe. Throttles are off in the test settings.
"""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from schemathesis import checks

from config.wsgi import application
from users.tests.helpers import authorization_headers

CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]
# A few examples per operation, the same on every run.
fuzzing = settings(
    max_examples=10,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def load_schema():
    """The schema /api/schema/ serves, loaded when the tests are collected."""
    generated = SchemaGenerator().get_schema(request=None, public=True)
    loaded = schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(generated)))
    loaded.app = application  # requests go to the WSGI app in-process
    return loaded


schema = load_schema()


@pytest.fixture(autouse=True)
def served_in_process(db, settings):
    # Schemathesis calls the app as http://localhost.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    # As in Django's test client: the end of a request must not close the connection
    # that holds the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@fuzzing
def test_anonymous_requests_get_answers_the_schema_describes(case):
    case.call_and_validate(checks=CHECKS)


@schema.parametrize()
@fuzzing
def test_authenticated_requests_get_answers_the_schema_describes(case, user):
    for authorization in authorization_headers(user).values():
        case.call_and_validate(headers={"Authorization": authorization}, checks=CHECKS)
