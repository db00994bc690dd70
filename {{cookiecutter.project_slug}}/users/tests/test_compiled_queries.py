"""users.compiled_queries: SQL built once answers as the ORM's queryset would."""

from datetime import datetime

import pytest

from users.compiled_queries import CompiledQuery
from users.jwt import SESSION_USER, RefreshToken, end_jwt_sessions
from users.models import User

pytestmark = pytest.mark.django_db


def field_values(user):
    return {field.attname: getattr(user, field.attname) for field in User._meta.concrete_fields}


@pytest.fixture
def family(user):
    return RefreshToken.for_user(user).family


def test_session_user_is_the_user_the_orm_reads(user, family):
    found = SESSION_USER.get(user.pk, family)

    expected = User.objects.get(pk=user.pk, jwt_sessions__family=family)
    assert field_values(found) == field_values(expected)
    # Converted as the ORM converts them, on every database.
    assert isinstance(found.date_joined, datetime)
    assert found.date_joined.tzinfo is not None
    assert found.is_active is True
    assert found._state.db == "default"
    assert not found._state.adding


def test_session_user_is_none_for_someone_elses_session(user, other_user, family):
    assert SESSION_USER.get(other_user.pk, family) is None


def test_session_user_is_none_for_an_unknown_family(user, family):
    assert SESSION_USER.get(user.pk, family + "0") is None


def test_session_user_is_none_once_the_session_ended(user, family):
    end_jwt_sessions(user)

    assert SESSION_USER.get(user.pk, family) is None


def test_session_user_reads_the_database_anew_each_time(user, family):
    SESSION_USER.get(user.pk, family)
    User.objects.filter(pk=user.pk).update(name="Changed")

    assert SESSION_USER.get(user.pk, family).name == "Changed"


def test_parameters_reach_the_sql_in_the_orms_order_whatever_theirs(user, other_user):
    # Keyword lookups are sorted by name, so `pk` comes after `name` in the SQL.
    by_name_and_pk = CompiledQuery(
        lambda pk, name: User.objects.filter(pk=pk, name=name),
        0,
        "sample",
    )
    User.objects.filter(pk=other_user.pk).update(name="Grace")

    assert by_name_and_pk.get(other_user.pk, "Grace").pk == other_user.pk
    assert by_name_and_pk.get(user.pk, "Grace") is None


def test_a_query_with_values_other_than_the_samples_is_refused(user):
    query = CompiledQuery(lambda pk: User.objects.filter(pk=pk, name="Ada"), 0)

    with pytest.raises(ValueError, match="samples"):
        query.get(user.pk)
