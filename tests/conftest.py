import json
from pathlib import Path

import pytest
from cookiecutter.main import cookiecutter

from bakery import TEMPLATE


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: runs a baked project's own commands")


@pytest.fixture(scope="session")
def bake(tmp_path_factory):
    """Bake the template once per distinct set of answers and return the project directory."""
    baked = {}

    def bake(extra_context):
        key = json.dumps(extra_context, sort_keys=True)
        if key not in baked:
            output_dir = tmp_path_factory.mktemp("bake")
            project = cookiecutter(
                str(TEMPLATE),
                no_input=True,
                extra_context=dict(extra_context),
                output_dir=str(output_dir),
            )
            baked[key] = Path(project)
        return baked[key]

    return bake


@pytest.fixture
def project(bake, combination):
    return bake(combination)
