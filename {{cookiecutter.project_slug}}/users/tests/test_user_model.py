import pytest
from django.contrib.auth import authenticate
from django.db import IntegrityError, transaction
from django.utils.connection import ConnectionDoesNotExist

from config.settings import base as base_settings
from users.models import User
from users.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def new_user(**fields):
{% if cookiecutter.username_field == "username" %}
    fields.setdefault("username", "ada")
{% endif %}
    fields.setdefault("email", "ada@example.com")
    return User.objects.create_user(password=PASSWORD, **fields)


def test_create_user_hashes_the_password():
    user = new_user()

    assert user.password != PASSWORD
    assert user.check_password(PASSWORD)


def test_create_user_makes_an_active_user_without_privileges():
    user = new_user()

    assert user.is_active
    assert not user.is_staff
    assert not user.is_superuser


def test_create_user_without_password_makes_it_unusable():
{% if cookiecutter.username_field == "username" %}
    user = User.objects.create_user(username="ada", email="ada@example.com")
{% else %}
    user = User.objects.create_user(email="ada@example.com")
{% endif %}

    assert not user.has_usable_password()


def test_create_user_lowercases_the_email_domain():
    user = new_user(email="Ada@EXAMPLE.COM")

    assert user.email == "Ada@example.com"


def test_create_superuser_grants_every_privilege():
{% if cookiecutter.username_field == "username" %}
    user = User.objects.create_superuser(PASSWORD, username="root", email="root@example.com")
{% else %}
    user = User.objects.create_superuser(PASSWORD, email="root@example.com")
{% endif %}

    assert user.is_staff
    assert user.is_superuser
    assert user.is_active
    assert user.check_password(PASSWORD)


def test_email_is_unique_ignoring_case():
    new_user(email="ada@example.com")

    with pytest.raises(IntegrityError), transaction.atomic():
{% if cookiecutter.username_field == "username" %}
        new_user(username="grace", email="ADA@example.com")
{% else %}
        new_user(email="ADA@example.com")
{% endif %}
{% if cookiecutter.username_field == "username" %}


def test_username_is_unique_ignoring_case():
    new_user(username="ada")

    with pytest.raises(IntegrityError), transaction.atomic():
        new_user(username="ADA", email="other@example.com")
{% endif %}


def test_with_email_matches_any_case():
    user = UserFactory(email="ada@example.com")

    assert list(User.objects.with_email("ADA@Example.Com")) == [user]


def test_with_email_matches_whole_address_only():
    UserFactory(email="ada@example.com")

    assert not User.objects.with_email("ada@example.co").exists()
    assert not User.objects.with_email("ad_@example.com").exists()
    assert not User.objects.with_email("%").exists()


def test_active_with_email_finds_the_user_in_any_case():
    user = new_user(email="ada@éxample.com")

    # Non-ASCII letters too, whose case SQLite's lower() does not fold.
    assert User.objects.active_with_email("ADA@ÉXAMPLE.COM") == user
    assert User.objects.active_with_email("Ada@éxample.com") == user


def test_active_with_email_passes_over_inactive_users():
    new_user(is_active=False)

    assert User.objects.active_with_email("ada@example.com") is None


def test_active_with_email_matches_whole_address_only():
    new_user()

    assert User.objects.active_with_email("ada@example.co") is None
    assert User.objects.active_with_email("ad_@example.com") is None
    assert User.objects.active_with_email("%") is None


def test_active_with_email_looks_in_the_database_of_its_manager():
    user = new_user()

    assert User.objects.active_with_email(user.email) == user
    # db_manager() copies the manager with its lookup, built above for the default database.
    with pytest.raises(ConnectionDoesNotExist):
        User.objects.db_manager("elsewhere").active_with_email(user.email)


def test_with_login_matches_any_case():
    user = UserFactory()

    assert list(User.objects.with_login(user.get_username().upper())) == [user]


def test_with_login_matches_whole_login_only():
    user = UserFactory()

    assert not User.objects.with_login(user.get_username()[:-1]).exists()
    assert not User.objects.with_login(user.get_username()[:-1] + "_").exists()


def test_get_by_natural_key_ignores_case():
    user = UserFactory()

    assert User.objects.get_by_natural_key(user.get_username().swapcase()) == user


def test_get_by_natural_key_for_unknown_login_raises_does_not_exist():
    with pytest.raises(User.DoesNotExist):
        User.objects.get_by_natural_key("nobody")


def test_authenticate_ignores_login_case():
    user = UserFactory()

    assert authenticate(username=user.get_username().upper(), password=PASSWORD) == user


def test_authenticate_refuses_inactive_user():
    user = UserFactory(is_active=False)

    assert authenticate(username=user.get_username(), password=PASSWORD) is None


def test_user_reads_as_its_login():
    user = UserFactory()

    assert str(user) == user.get_username()


def test_user_name_is_its_full_and_its_short_name():
    user = UserFactory(name="Ada King, Countess of Lovelace")

    assert user.get_full_name() == "Ada King, Countess of Lovelace"
    assert user.get_short_name() == "Ada King, Countess of Lovelace"


def test_user_without_a_name_has_empty_names():
    user = UserFactory(name="")

    assert user.get_full_name() == ""
    assert user.get_short_name() == ""


def test_clean_normalizes_the_email():
    user = UserFactory.build(email="Ada@EXAMPLE.com")

    user.clean()

    assert user.email == "Ada@example.com"


def test_new_passwords_are_hashed_with_argon2(settings, db):
    # The test settings hash with MD5 for speed; the real list puts Argon2 first.
    settings.PASSWORD_HASHERS = base_settings.PASSWORD_HASHERS
    user = UserFactory()

    assert user.password.startswith("argon2$")
