"""users.compiled_queries: SQL built once answers as the ORM's queryset would."""

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import pytest
from django.db import connection, connections
from django.utils.connection import ConnectionDoesNotExist

from users.compiled_queries import CompiledQuery
from users.models import User

pytestmark = pytest.mark.django_db

BY_PK = CompiledQuery(lambda pk: User.objects.filter(pk=pk), 0)


def field_values(user):
    return {field.attname: getattr(user, field.attname) for field in User._meta.concrete_fields}


def test_the_instance_is_the_one_the_orm_reads(user):
    found = BY_PK.get(user.pk)

    assert field_values(found) == field_values(User.objects.get(pk=user.pk))
    # Converted as the ORM converts them, on every database.
    assert isinstance(found.date_joined, datetime)
    assert found.date_joined.tzinfo is not None
    assert found.is_active is True
    assert found._state.db == "default"
    assert not found._state.adding


def test_no_row_is_none(user):
    assert BY_PK.get(user.pk + 1000) is None


def test_the_constants_of_the_query_stay_as_they_were_built(user):
    named = CompiledQuery(lambda pk: User.objects.filter(pk=pk, name="Ada", is_active=True), 0)
    User.objects.filter(pk=user.pk).update(name="Ada")

    assert named.get(user.pk) == user
    User.objects.filter(pk=user.pk).update(name="Bob")
    assert named.get(user.pk) is None


def test_a_constant_equal_to_a_sample_but_of_another_type_is_no_sample(user):
    # True == 1: were True taken for the sample, it would be replaced by the pk.
    active = CompiledQuery(lambda pk: User.objects.filter(pk=pk, is_active=True), 1)

    assert active.get(user.pk) == user
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert active.get(user.pk) is None


def test_a_sample_the_sql_does_not_hold_is_refused(user):
    lowered = CompiledQuery(lambda name: User.objects.filter(name=name.lower()), "Ada")

    with pytest.raises(ValueError, match="do not hold each of"):
        lowered.get("Ada")


def test_using_runs_the_sql_on_the_database_it_names(user):
    assert BY_PK.get(user.pk, using="default") == user
    with pytest.raises(ConnectionDoesNotExist):
        BY_PK.get(user.pk, using="elsewhere")


def test_each_call_reads_the_database_anew(user):
    BY_PK.get(user.pk)
    User.objects.filter(pk=user.pk).update(name="Changed")

    assert BY_PK.get(user.pk).name == "Changed"


@pytest.mark.django_db(transaction=True)
def test_a_thread_runs_the_sql_another_thread_built_on_its_own_connection(user):
    by_pk = CompiledQuery(lambda pk: User.objects.filter(pk=pk), 0)
    by_pk.get(user.pk)  # builds the SQL with this thread's connection

    def in_another_thread():
        try:
            return by_pk.get(user.pk)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        assert pool.submit(in_another_thread).result() == user


def test_parameters_reach_the_sql_in_the_orms_order_whatever_theirs(user, other_user):
    # Keyword lookups are sorted by name, so `pk` comes after `name` in the SQL.
    by_name_and_pk = CompiledQuery(lambda pk, name: User.objects.filter(pk=pk, name=name), 0, "x")
    User.objects.filter(pk=other_user.pk).update(name="Grace")

    assert by_name_and_pk.get(other_user.pk, "Grace").pk == other_user.pk
    assert by_name_and_pk.get(user.pk, "Grace") is None


def test_postgresql_prepares_the_statement_once_a_connection_repeats_it(user):
    if not connection.settings_dict.get("OPTIONS", {}).get("prepare_threshold"):
        pytest.skip("PostgreSQL prepares statements (DATABASE_URL, DJANGO_DB_PREPARED_STATEMENTS)")
    for _ in range(6):
        BY_PK.get(user.pk)

    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [statement for (statement,) in cursor.fetchall()]
    assert any("users_user" in statement and "$1" in statement for statement in prepared)
