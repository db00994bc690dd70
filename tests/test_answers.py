import ast
import json
import subprocess
import tomllib
from pathlib import Path

import pytest
from cookiecutter.exceptions import FailedHookException
from cookiecutter.main import cookiecutter

from bakery import TEMPLATE, VENV_BIN, full_answers, load_hook

HOSTILE = {
    "project_name": 'Zoë\'s "Auth" \\ API',
    "author_name": 'O\'Brien "\\\\" Ñandú',
    "description": "The \"quoted\" API: it's got \\backslashes\\, 'single' quotes and ü.",
}
REJECTED = [
    ("project_slug", "1abc"),
    ("project_slug", "class"),
    ("project_slug", "users"),
    ("project_slug", "my-app"),
    ("author_name", "Ada 🚀 Lovelace"),
]


def bake_on_the_command_line(output_dir, *answers):
    return subprocess.run(
        [VENV_BIN / "cookiecutter", "--no-input", "-o", output_dir, TEMPLATE, *answers],
        capture_output=True,
        text=True,
    )


def has_activation(project):
    urls = (project / "users/api/urls.py").read_text(encoding="utf-8")
    return (project / "users/api/activation.py").exists() and "activation" in urls


@pytest.mark.parametrize(("answer", "expected"), [("false", False), ("true", True)])
def test_boolean_given_as_a_string_to_the_python_api_is_a_boolean(bake, answer, expected):
    project = bake({"send_activation_email": answer})
    assert has_activation(project) is expected


@pytest.mark.parametrize(("answer", "expected"), [("false", False), ("true", True)])
def test_boolean_given_on_the_command_line_is_a_boolean(tmp_path, answer, expected):
    result = bake_on_the_command_line(tmp_path, f"send_activation_email={answer}")

    assert result.returncode == 0, result.stderr
    assert has_activation(tmp_path / "my_auth_api") is expected


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory):
    output_dir = tmp_path_factory.mktemp("hostile")
    return Path(
        cookiecutter(str(TEMPLATE), no_input=True, extra_context=HOSTILE, output_dir=output_dir)
    )


def test_hostile_project_name_still_derives_a_valid_slug(hostile_project):
    assert hostile_project.name == "zoe_s_auth_api"


def test_hostile_answers_reach_pyproject_exactly(hostile_project):
    project = tomllib.loads((hostile_project / "pyproject.toml").read_text(encoding="utf-8"))

    assert project["project"]["name"] == "zoe_s_auth_api"
    assert project["project"]["description"] == HOSTILE["description"]
    assert project["project"]["authors"][0]["name"] == HOSTILE["author_name"]


def test_hostile_project_name_titles_the_readme(hostile_project):
    readme = (hostile_project / "README.md").read_text(encoding="utf-8")

    assert readme.splitlines()[0] == f"# {HOSTILE['project_name']}"


def test_settings_name_the_site_by_the_derived_slug(hostile_project):
    source = (hostile_project / "config/settings/base.py").read_text(encoding="utf-8")

    strings = [node.value for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Constant)]
    assert "zoe_s_auth_api" in strings


def test_hostile_answers_are_recorded_exactly_for_cruft(hostile_project):
    recorded = json.loads((hostile_project / ".cruft.json").read_text(encoding="utf-8"))
    context = recorded["context"]["cookiecutter"]
    assert {name: context[name] for name in HOSTILE} == HOSTILE


def test_hostile_bake_passes_ruff(hostile_project):
    for command in (["check"], ["format", "--check"]):
        result = subprocess.run(
            [VENV_BIN / "ruff", *command, "--no-cache", "."],
            cwd=hostile_project,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(("field", "value"), REJECTED)
def test_pre_gen_hook_stops_a_bad_answer_and_leaves_nothing(tmp_path, field, value):
    with pytest.raises(FailedHookException):
        cookiecutter(
            str(TEMPLATE), no_input=True, extra_context={field: value}, output_dir=str(tmp_path)
        )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("field", "value"), REJECTED)
def test_pre_gen_hook_message_is_one_line_naming_the_field(capsys, field, value):
    assert load_hook("pre_gen_project").main(full_answers(**{field: value})) == 1

    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1
    assert field in lines[0]


def test_command_line_user_sees_why_an_answer_was_refused(tmp_path):
    result = bake_on_the_command_line(tmp_path, "project_slug=class")

    assert result.returncode != 0
    assert "project_slug" in result.stderr
