import json
import re
import subprocess
import sys
import tomllib

from bakery import TEMPLATE, VENV_BIN, each_combination, text_files

# The directories cookiecutter copies without rendering: Django templates.
DJANGO_TEMPLATES = tuple(
    f"{directory}/"
    for directory in json.loads((TEMPLATE / "cookiecutter.json").read_text())[
        "_copy_without_render"
    ]
)
# Jinja syntax is expected in Django templates; a variable of the template is residue anywhere.
JINJA_SYNTAX = re.compile(r"\{\{|\{%|\{#")
TEMPLATE_VARIABLE = re.compile(r"cookiecutter\s*(\.\w|\||\[)")
# The cruft answers file must hold a "cookiecutter" key, and the README names its template.
MAY_NAME_THE_TEMPLATE = {".cruft.json", "README.md"}


def run(command, project, **kwargs):
    return subprocess.run(command, cwd=project, capture_output=True, text=True, **kwargs)


@each_combination
def test_bake_leaves_no_template_residue(project):
    residue = []
    for relative, text in text_files(project):
        path = relative.as_posix()
        if TEMPLATE_VARIABLE.search(text):
            residue.append(f"{path}: template variable")
        if not path.startswith(DJANGO_TEMPLATES) and JINJA_SYNTAX.search(text):
            residue.append(f"{path}: Jinja syntax")
        if path not in MAY_NAME_THE_TEMPLATE and "cookiecutter" in text.lower():
            residue.append(f"{path}: mentions cookiecutter")
    assert residue == []


@each_combination
def test_bake_has_no_whitespace_only_lines(project):
    offenders = [
        f"{relative}:{number}"
        for relative, text in text_files(project)
        for number, line in enumerate(text.splitlines(), start=1)
        if line and not line.strip()
    ]
    assert offenders == []


@each_combination
def test_python_files_have_no_trailing_whitespace(project):
    offenders = [
        f"{relative}:{number}"
        for relative, text in text_files(project)
        if relative.suffix == ".py"
        for number, line in enumerate(text.splitlines(), start=1)
        if line != line.rstrip()
    ]
    assert offenders == []


@each_combination
def test_bake_passes_ruff_check(project):
    result = run([VENV_BIN / "ruff", "check", "--no-cache", "."], project)
    assert result.returncode == 0, result.stdout + result.stderr


@each_combination
def test_bake_is_ruff_formatted(project):
    result = run([VENV_BIN / "ruff", "format", "--check", "--no-cache", "."], project)
    assert result.returncode == 0, result.stdout + result.stderr


@each_combination
def test_bake_compiles(project, tmp_path):
    # Bytecode goes elsewhere so the bake stays as generated for the other checks.
    env = {"PYTHONPYCACHEPREFIX": str(tmp_path)}
    result = run([sys.executable, "-m", "compileall", "-q", "."], project, env=env)
    assert result.returncode == 0, result.stdout + result.stderr


@each_combination
def test_pyproject_parses_and_names_the_project(project):
    pyproject = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["name"] == project.name


@each_combination
def test_cruft_answers_file_records_the_answers(project, combination):
    recorded = json.loads((project / ".cruft.json").read_text(encoding="utf-8"))
    context = recorded["context"]["cookiecutter"]
    assert {name: context[name] for name in combination} == combination


@each_combination
def test_dotenv_holds_a_development_secret_and_is_git_ignored(project):
    dotenv = (project / ".env").read_text(encoding="utf-8")
    assert re.search(r"^DJANGO_SECRET_KEY=\S{40,}$", dotenv, re.MULTILINE)
    assert ".env" in (project / ".gitignore").read_text(encoding="utf-8").splitlines()
