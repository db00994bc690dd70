"""Reject answers that would bake a broken project, with a one-line reason."""

import json
import keyword
import re
import sys

# Cookiecutter renders this before it runs the hook; JSON escapes keep any answer inside
# the raw string.
ANSWERS_JSON = r"""{{ cookiecutter | tojson }}"""

# Names that would shadow, or be mistaken for, a module the project imports: the
# standard library, Django and its contrib apps, and the project's own packages.
RESERVED_SLUGS = set(sys.stdlib_module_names) | {
    "admin",
    "auth",
    "config",
    "contenttypes",
    "django",
    "environ",
    "messages",
    "rest_framework",
    "rest_framework_simplejwt",
    "sessions",
    "staticfiles",
    "test",
    "tests",
    "users",
}
BOOLEAN_ANSWERS = [
    "login_with_email_or_username",
    "send_activation_email",
    "send_confirmation_email",
    "password_changed_email_confirmation",
    "username_changed_email_confirmation",
    "user_create_password_retype",
    "set_password_retype",
    "set_username_retype",
    "password_reset_confirm_retype",
    "username_reset_confirm_retype",
    "logout_on_password_change",
    "prevent_enumeration",
    "jwt_cookie",
    "demo_page",
]
CHOICES = {
    "username_field": ["email", "username"],
    "token_strategy": ["jwt", "token", "both"],
    "phone_number": ["none", "optional", "required"],
}
FREE_TEXT = ["project_name", "description", "author_name", "author_email"]
# Characters outside the Basic Multilingual Plane or control characters cannot be
# written into pyproject.toml as the escapes Jinja's tojson produces.
UNWRITABLE = re.compile(r"[\x00-\x1f\x7f\U00010000-\U0010ffff]")


def social_providers(answers):
    """The backend names in the comma-separated `social_providers` answer."""
    return [
        name.strip() for name in answers["social_providers"].split(",") if name.strip()
    ]


def errors(answers):
    slug = answers["project_slug"]
    if not re.fullmatch(r"[a-z][a-z0-9_]*", slug) or keyword.iskeyword(slug):
        yield (
            f"project_slug {slug!r} is not a valid name: use lowercase letters, digits and "
            "underscores, starting with a letter"
        )
    elif slug in RESERVED_SLUGS:
        yield f"project_slug {slug!r} is already the name of a Python, Django or project module; pick another"
    for name, choices in CHOICES.items():
        if answers[name] not in choices:
            yield f"{name} must be one of {', '.join(choices)}, not {answers[name]!r}"
    for name in BOOLEAN_ANSWERS:
        if not isinstance(answers[name], bool):
            yield f"{name} must be true or false, not {answers[name]!r}"
    if answers["jwt_cookie"] is True and answers["token_strategy"] == "token":
        yield "jwt_cookie needs token_strategy jwt or both"
    supported = answers["_social_backends"]
    unknown = [name for name in social_providers(answers) if name not in supported]
    if unknown:
        yield (
            f"social_providers: {', '.join(unknown)} not supported; choose from "
            f"{', '.join(sorted(supported))}"
        )
    by_email = answers["login_with_email_or_username"]
    if by_email is True and answers["username_field"] == "email":
        yield "login_with_email_or_username needs username_field username"
    for name in FREE_TEXT:
        if not answers[name].strip():
            yield f"{name} must not be empty"
        elif UNWRITABLE.search(answers[name]):
            yield f"{name} holds emoji or control characters, which the project files cannot carry"


def main(answers):
    problems = list(errors(answers))
    for problem in problems:
        print(f"ERROR: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(json.loads(ANSWERS_JSON)))
