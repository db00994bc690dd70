from django.contrib.auth.base_user import BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.functional import cached_property

from users.compiled_queries import CompiledQuery


class UserQuerySet(models.QuerySet):
    def with_email(self, email):
        # Normalise as create_user() stores it, so non-ASCII domains match on
        # SQLite too, whose lower() folds ASCII letters only.
        return self._matching("email", BaseUserManager.normalize_email(email))

    def with_login(self, login):
        """Users whose USERNAME_FIELD equals `login`, ignoring letter case."""
        return self._matching(self.model.USERNAME_FIELD, login)
{% if cookiecutter.login_with_email_or_username %}

    def with_username_or_email(self, login):
        """The user `login` names: by email address if it has "@", which no username has
        (users/validators.py), else by username; letter case ignored either way."""
        return self.with_email(login) if "@" in login else self.with_login(login)
{% endif %}

    def _matching(self, field, value):
        # Compare lower() to lower() so the query uses the unique lower() index.
        return self.alias(_lowered=Lower(field)).filter(_lowered=Lower(models.Value(value)))


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        # authenticate() looks users up here, so logins ignore letter case too.
        return self.with_login(username).get()

    def active_with_email(self, email):
        """The active user with the address `email`, letter case ignored, or None."""
        # db_manager() copies this manager with the lookup below: pass on its database.
        return self._active_with_email.get(self.normalize_email(email), using=self._db)

    @cached_property
    def _active_with_email(self):
        # Anyone may ask for a reset link or a login code by address, so this lookup
        # runs on requests that cost the asker nothing: its SQL is built only once per
        # database.
        return CompiledQuery(
            lambda email: self.with_email(email).filter(is_active=True), "someone@example.com"
        )

    def create_user(self, password=None, **fields):
        login_field = self.model.USERNAME_FIELD
        fields[login_field] = self.model.normalize_username(fields[login_field])
        fields["email"] = self.normalize_email(fields["email"])
        user = self.model(**fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(password, **fields)
