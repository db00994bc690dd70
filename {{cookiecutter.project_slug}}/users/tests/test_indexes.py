{% set drf_token = cookiecutter.token_strategy in ["token", "both"] %}
"""Every lookup by email, login name, uid or token is served by an index, so its cost does not
grow with the number of users. Checked with EXPLAIN on PostgreSQL."""

import pytest
from django.db import connection

{% if drf_token %}
from users.authtoken import hash_key
from users.models import AuthToken, User
{% else %}
from users.models import User
{% endif %}


@pytest.fixture
def explain(db):
    if connection.vendor != "postgresql":
        pytest.skip("query plans are checked on PostgreSQL (DATABASE_URL)")
    with connection.cursor() as cursor:
        # The test tables are tiny; without this the planner scans them whatever indexes exist.
        cursor.execute("SET enable_seqscan = off")
    yield lambda queryset: queryset.explain()
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = on")


def test_email_lookup_uses_an_index(explain):
    assert "Index" in explain(User.objects.with_email("Ada@Example.com"))


def test_login_lookup_uses_an_index(explain):
    assert "Index" in explain(User.objects.with_login("Ada@Example.com"))


def test_uid_lookup_uses_an_index(explain):
    assert "Index" in explain(User.objects.filter(pk=42))
{% if cookiecutter.phone_number != "none" %}


def test_phone_number_lookup_uses_an_index(explain):
    # The unique index leaves out empty numbers; a lookup of a number still uses it.
    assert "Index" in explain(User.objects.filter(phone_number="+4915112345678"))
{% endif %}
{% if drf_token %}


def test_token_lookup_uses_an_index(explain):
    assert "Index" in explain(AuthToken.objects.filter(key_hash=hash_key("some key")))
{% endif %}
