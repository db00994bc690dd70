import os
import re
import secrets
import socket
import string
import subprocess
import sys

import pytest

from bakery import COMBINATIONS, clean_env

SLOW_COMBINATIONS = {
    name: COMBINATIONS[name]
    for name in [
        "email-jwt",
        "email-token",
        "email-both",
        "username-jwt",
        "username-token",
        "username-both",
        "social=github",
        "phone_number=optional",
        "all-on",
        "all-off",
    ]
}
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": "".join(
        secrets.choice(string.ascii_letters + string.digits + "!@#%^&*(-_=+)") for _ in range(50)
    ),
    "DJANGO_ALLOWED_HOSTS": "api.example.com",
    "EMAIL_FRONTEND_DOMAIN": "app.example.com",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
}
POSTGRES = ("127.0.0.1", 5432)

pytestmark = pytest.mark.slow
each_slow_combination = pytest.mark.parametrize(
    "combination", list(SLOW_COMBINATIONS.values()), ids=list(SLOW_COMBINATIONS)
)


def run(project, *command, timeout=120, **env):
    result = subprocess.run(
        [sys.executable, *command],
        cwd=project,
        env=clean_env(**env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return result.returncode, result.stdout + result.stderr


def run_suite(project, **env):
    code, output = run(project, "-m", "pytest", "-q", "-p", "no:cacheprovider", timeout=600, **env)
    assert code == 0, output[output.find("= FAILURES ") :][-5000:]
    passed = re.search(r"(\d+) passed", output)
    assert passed and int(passed[1]) > 0, f"the baked suite ran no test:\n{output[-2000:]}"


@each_slow_combination
def test_baked_suite_passes(project):
    run_suite(project)


@each_slow_combination
def test_system_check_is_clean(project):
    code, output = run(project, "manage.py", "check", "--fail-level", "WARNING")
    assert code == 0, output


@each_slow_combination
def test_migrations_match_the_models(project):
    code, output = run(project, "manage.py", "makemigrations", "--check", "--dry-run")
    assert code == 0, output


@each_slow_combination
def test_deploy_check_is_clean_with_production_settings(project):
    command = ["manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    code, output = run(project, *command, **PRODUCTION)
    assert code == 0, output


def postgres_is_up():
    try:
        socket.create_connection(POSTGRES, timeout=2).close()
    except OSError:
        return False
    return True


@pytest.mark.parametrize("combination", [COMBINATIONS["all-on"]], ids=["all-on"])
def test_baked_suite_passes_on_postgresql(project):
    if not postgres_is_up():
        # CI has PostgreSQL; a developer's machine may not.
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is not listening on {POSTGRES[0]}:{POSTGRES[1]}")
        pytest.skip("PostgreSQL is not running")
    # pytest-django creates and drops test_<name>, so a unique name keeps parallel runs apart.
    name = f"template_{secrets.token_hex(6)}"
    run_suite(project, DATABASE_URL=f"postgres://postgres@{POSTGRES[0]}:{POSTGRES[1]}/{name}")
