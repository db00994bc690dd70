from django.apps import AppConfig
from django.db.backends.signals import connection_created


def _lower(value):
    return value.lower() if isinstance(value, str) else value


def fold_case_like_postgresql(sender, connection, **kwargs):
    # Emails and usernames are unique and matched through lower(). SQLite's own
    # lower() folds ASCII letters only, so É and é would count as different there:
    # replace it with Python's, which folds all of Unicode as PostgreSQL does.
    if connection.vendor == "sqlite":
        connection.connection.create_function("lower", 1, _lower, deterministic=True)


class UsersConfig(AppConfig):
    name = "users"
    verbose_name = "Users"

    def ready(self):
        connection_created.connect(fold_case_like_postgresql)
        from users import auth_log  # noqa: F401  (connects its signal receivers)
