"""What the template tests share: the template's answers and how to look at a bake."""

import importlib.util
import json
import os
import sys
from pathlib import Path

import pytest

TEMPLATE = Path(__file__).resolve().parent.parent
CONTEXT = {
    name: value
    for name, value in json.loads((TEMPLATE / "cookiecutter.json").read_text()).items()
    if not name.startswith("_")
}
BOOLEANS = [name for name, value in CONTEXT.items() if isinstance(value, bool)]
CHOICES = {name: value for name, value in CONTEXT.items() if isinstance(value, list)}
SOCIAL_BACKENDS = json.loads((TEMPLATE / "cookiecutter.json").read_text())["_social_backends"]
DEFAULTS = {
    **{name: CONTEXT[name] for name in BOOLEANS},
    **{name: choices[0] for name, choices in CHOICES.items()},
    "social_providers": CONTEXT["social_providers"],
}
ALL_SOCIAL_PROVIDERS = ",".join(SOCIAL_BACKENDS)
FREE_TEXT = ["project_name", "description", "author_name", "author_email"]
VENV_BIN = Path(sys.executable).parent
ARTEFACT_DIRS = {"__pycache__", ".pytest_cache", ".ruff_cache"}
ARTEFACT_SUFFIXES = {".pyc", ".sqlite3"}


def answers(**overrides):
    """A full set of structural answers: the defaults with `overrides` applied."""
    return {**DEFAULTS, **overrides}


def all_booleans(value, **overrides):
    return answers(**{name: value for name in BOOLEANS}, **overrides)


# What an option needs of the other answers, or the pre-gen hook refuses it.
NEEDS = {"login_with_email_or_username": {"username_field": "username"}}


def _combinations():
    yield "defaults", answers()
    for name in BOOLEANS:
        flipped = not DEFAULTS[name]
        needs = NEEDS.get(name, {}) if flipped else {}
        yield f"{name}={flipped}", answers(**{name: flipped}, **needs)
    for field in CHOICES["username_field"]:
        for strategy in CHOICES["token_strategy"]:
            yield f"{field}-{strategy}", answers(username_field=field, token_strategy=strategy)
    yield "phone_number=optional", answers(phone_number="optional")
    # The phone logins of both token kinds, answering the second factor's challenge.
    yield (
        "phone_number=required",
        answers(phone_number="required", mfa=True, token_strategy="both"),
    )
    yield "social=github", answers(social_providers="github")
    yield "social=all", answers(social_providers=ALL_SOCIAL_PROVIDERS, token_strategy="token")
    yield (
        "all-on",
        all_booleans(
            True,
            username_field="username",
            token_strategy="both",
            phone_number="required",
            social_providers=ALL_SOCIAL_PROVIDERS,
        ),
    )
    yield "all-off", all_booleans(False, username_field="email", token_strategy="jwt")


COMBINATIONS = dict(_combinations())
each_combination = pytest.mark.parametrize(
    "combination", list(COMBINATIONS.values()), ids=list(COMBINATIONS)
)


def generated_files(project):
    """Every file the bake produced, leaving out what running its tools leaves behind."""
    for path in sorted(project.rglob("*")):
        relative = path.relative_to(project)
        if path.is_file() and not (
            ARTEFACT_DIRS.intersection(relative.parts) or path.suffix in ARTEFACT_SUFFIXES
        ):
            yield relative


def clean_env(**extra):
    """The environment for a baked project's commands, free of this run's Django and pytest
    settings so that the project's own defaults are what gets tested."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "PYTEST_", "EMAIL_"))
        and name not in {"DATABASE_URL", "CACHE_URL", "PYTHONPATH"}
    }
    return {**env, **extra}


def combinations_where(predicate):
    """Parametrize over the fast-layer combinations whose answers satisfy `predicate`."""
    chosen = {name: value for name, value in COMBINATIONS.items() if predicate(value)}
    return pytest.mark.parametrize("combination", list(chosen.values()), ids=list(chosen))


def text_files(project):
    """(relative path, text) for every generated file that is UTF-8 text."""
    for relative in generated_files(project):
        try:
            yield relative, (project / relative).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue


def files_mentioning(project, word):
    return [relative.as_posix() for relative, text in text_files(project) if word in text]


def load_hook(name):
    # Imported under its own name, a hook defines its functions and skips its `__main__` block.
    spec = importlib.util.spec_from_file_location(name, TEMPLATE / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def full_answers(**overrides):
    """Answers as cookiecutter hands them to the hooks, free text included."""
    return {
        **{name: CONTEXT[name] for name in FREE_TEXT},
        "project_slug": "my_auth_api",
        **answers(),
        "_social_backends": SOCIAL_BACKENDS,
        **overrides,
    }
