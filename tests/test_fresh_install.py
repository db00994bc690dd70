"""A baked project installs from its own pyproject.toml into an empty virtualenv, as its
README says, and passes its suite there: on Django 5.2 and, where a Python 3.12+ is on the
machine, on Django 6."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bakery import COMBINATIONS, clean_env

pytestmark = pytest.mark.slow


def newer_python():
    """A Python 3.12+ that really starts: on PATH, or installed by pyenv but not activated."""
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    candidates = [shutil.which(f"python3.{minor}") for minor in (14, 13, 12)]
    candidates += sorted(pyenv.glob("3.1[2-9]*/bin/python3"), reverse=True)
    for path in filter(None, candidates):
        if subprocess.run([path, "-c", ""], capture_output=True).returncode == 0:
            return path
    return None


def run(command, cwd):
    result = subprocess.run(
        command, cwd=cwd, env=clean_env(), capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-3000:]
    return result.stdout


def installed_copy(project, tmp_path, python, *requirements):
    """A copy of the project with `pip install -e .[dev]` done in a new virtualenv of its own;
    returns the copy and its virtualenv's python."""
    copy = shutil.copytree(project, tmp_path / project.name)
    run([python, "-m", "venv", ".venv"], cwd=copy)
    venv_python = copy / ".venv" / "bin" / "python"
    pip = [venv_python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    run([*pip, "-e", ".[dev]", *requirements], cwd=copy)
    return copy, venv_python


def assert_suite_passes(project, python):
    output = run([python, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=project)
    assert re.search(r"[1-9]\d* passed", output), output[-2000:]


@pytest.mark.parametrize("combination", [COMBINATIONS["defaults"]], ids=["defaults"])
def test_default_bake_installs_and_passes_in_a_fresh_virtualenv(project, tmp_path):
    copy, python = installed_copy(project, tmp_path, sys.executable)

    assert_suite_passes(copy, python)


@pytest.mark.parametrize("combination", [COMBINATIONS["all-on"]], ids=["all-on"])
def test_all_on_bake_passes_on_django_6(project, tmp_path):
    newer = newer_python()
    if newer is None:
        pytest.skip("Django 6 needs Python 3.12 or newer, and none is on this machine")
    copy, python = installed_copy(project, tmp_path, newer, "django>=6")

    major = run([python, "-c", "import django; print(django.VERSION[0])"], cwd=copy)
    assert major.strip() == "6"
    assert_suite_passes(copy, python)
