#!/usr/bin/env python3
"""Developer tasks for the template, runnable with nothing but Python 3.11+.

python3 tests/tasks.py test [pytest args]   run the template's test suite
python3 tests/tasks.py demo                 bake the default project with its demo page and serve it
"""

import contextlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
REQUIREMENTS = ROOT / "tests" / "requirements.txt"
DEMO_DIR = ROOT / "build" / "demo"
NO_TESTS_COLLECTED = 5


def say(message):
    print(f"==> {message}", flush=True)


def venv_bin(name):
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / name


def ensure_venv():
    python = venv_bin("python")
    if not python.exists():
        say(f"creating virtualenv {VENV.relative_to(ROOT)}")
        venv.create(VENV, with_pip=True)
    say(f"installing {REQUIREMENTS.relative_to(ROOT)}")
    pip = [python, "-m", "pip", "--disable-pip-version-check"]
    subprocess.run([*pip, "install", "--quiet", "-r", REQUIREMENTS], check=True)
    return python


def ensure_chromium():
    """The browser tests drive Debian's Chromium; install it where apt can."""
    if shutil.which("chromium") and shutil.which("chromedriver"):
        return
    if not shutil.which("apt-get") or os.geteuid() != 0:
        say("chromium not found and apt-get not usable here: the browser tests will skip")
        return
    say("installing chromium and chromium-driver with apt-get")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    install = ["apt-get", "install", "-y", "-qq", "chromium", "chromium-driver"]
    subprocess.run(install, check=True, env=env, stdout=subprocess.DEVNULL)


def test(args):
    python = ensure_venv()
    ensure_chromium()
    say("running pytest tests -n auto " + " ".join(args))
    pytest = [python, "-m", "pytest", "tests", "-n", "auto", *args]
    code = subprocess.run(pytest, cwd=ROOT).returncode
    if code == NO_TESTS_COLLECTED:
        say("pytest collected no tests")
        return 1
    say("tests passed" if code == 0 else f"tests failed (pytest exit code {code})")
    return code


def demo(args):
    python = ensure_venv()
    if DEMO_DIR.exists():
        shutil.rmtree(DEMO_DIR)
    DEMO_DIR.mkdir(parents=True)
    say(f"baking the default project into {DEMO_DIR.relative_to(ROOT)}")
    bake = [venv_bin("cookiecutter"), "--no-input", "--output-dir", DEMO_DIR, ROOT]
    subprocess.run([*bake, "demo_page=true"], check=True)
    (project,) = DEMO_DIR.iterdir()
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    subprocess.run([python, "manage.py", "migrate"], cwd=project, env=env, check=True)
    say("serving the demo page on http://127.0.0.1:8000/ (mail goes to this console; Ctrl-C stops)")
    with contextlib.suppress(KeyboardInterrupt):
        subprocess.run([python, "manage.py", "runserver", "127.0.0.1:8000"], cwd=project, env=env)
    return 0


TASKS = {"test": test, "demo": demo}


def main(argv):
    if not argv or argv[0] not in TASKS:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        return TASKS[argv[0]](argv[1:])
    except subprocess.CalledProcessError as error:
        say(f"failed (exit code {error.returncode}): {' '.join(map(str, error.cmd))}")
        return error.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
