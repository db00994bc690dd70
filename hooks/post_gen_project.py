"""Remove the files the answers do not need and write a development `.env`."""

import json
import secrets
import shutil
import sys
from pathlib import Path

# Cookiecutter renders this before it runs the hook; JSON escapes keep any answer inside
# the raw string.
ANSWERS_JSON = r"""{{ cookiecutter | tojson }}"""

EMAIL_TEMPLATES = Path("users/templates/users/email")


def email_files(name):
    return [
        EMAIL_TEMPLATES / f"{name}{suffix}"
        for suffix in ("_subject.txt", ".txt", ".html")
    ]


def unneeded_paths(answers):
    """Every optional file, mapped to whether these answers keep it."""
    jwt = answers["token_strategy"] in ("jwt", "both")
    drf_token = answers["token_strategy"] in ("token", "both")
    activation = answers["send_activation_email"]
    keep = {
        Path("users/api/activation.py"): activation,
        Path("users/tests/test_activation.py"): activation,
        Path("users/tests/test_resend_activation.py"): activation,
        Path("users/api/authtoken.py"): drf_token,
        Path("users/authtoken.py"): drf_token,
        Path("users/migrations/0002_authtoken.py"): drf_token,
        Path("users/tests/test_token_authentication.py"): drf_token,
        Path("users/tests/test_token_login.py"): drf_token,
        Path("users/tests/test_token_logout.py"): drf_token,
        Path("users/api/jwt.py"): jwt,
        Path("users/jwt.py"): jwt,
        Path("users/tests/test_jwt_logout.py"): jwt,
        Path("users/tests/test_jwt_revocation.py"): jwt,
        Path("users/tests/test_jwt_create.py"): jwt,
        Path("users/tests/test_jwt_refresh.py"): jwt,
        Path("users/tests/test_jwt_verify.py"): jwt,
        Path("demo"): answers["demo_page"],
        Path("users/tests/test_enumeration.py"): answers["prevent_enumeration"],
        Path("users/jwt_cookies.py"): answers["jwt_cookie"],
        Path("users/tests/test_jwt_cookies.py"): answers["jwt_cookie"],
        Path("config/celery.py"): answers["use_celery"],
        Path("users/tasks.py"): answers["use_celery"],
        Path("users/tests/test_tasks.py"): answers["use_celery"],
    }
    for path in email_files("activation"):
        keep[path] = activation
    for path in email_files("confirmation"):
        keep[path] = answers["send_confirmation_email"]
    for path in email_files("password_changed_confirmation"):
        keep[path] = answers["password_changed_email_confirmation"]
    for path in email_files("username_changed_confirmation"):
        keep[path] = answers["username_changed_email_confirmation"]
    for path in email_files("account_exists"):
        keep[path] = answers["prevent_enumeration"]
    return [path for path, kept in keep.items() if not kept]


def remove(path):
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


def write_dotenv(project_dir):
    dotenv = project_dir / ".env"
    if not dotenv.exists():
        dotenv.write_text(
            f"DJANGO_SECRET_KEY={secrets.token_urlsafe(50)}\nDJANGO_DEBUG=true\n"
        )


def main(answers, project_dir=Path()):
    for path in unneeded_paths(answers):
        remove(project_dir / path)
    write_dotenv(project_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main(json.loads(ANSWERS_JSON)))
