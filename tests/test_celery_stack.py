"""A Celery bake on the production stack: gunicorn with production settings, PostgreSQL,
Redis as cache and broker, a real Celery worker, and a mail server that starts out down."""

import contextlib
import email
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg
import pytest
from aiosmtpd.controller import Controller
from cookiecutter.main import cookiecutter

from bakery import TEMPLATE, answers, clean_env
from devserver import free_port, wait_until_listening

pytestmark = pytest.mark.slow
POSTGRES = "postgres://postgres@127.0.0.1:5432"
REDIS = ("127.0.0.1", 6379)
MAIL_WAIT_SECONDS = 90
LINK = re.compile(r"https://app\.example\.test/#/activate/([\w-]+)/([\w-]+)")


class Inbox:
    """An aiosmtpd handler that keeps every message it is handed."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"


def require(address, name):
    try:
        socket.create_connection(address, timeout=2).close()
    except OSError:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not listening on {address[0]}:{address[1]}")
        pytest.skip(f"{name} is not running")


def post(url, body):
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wait_for(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


@contextlib.contextmanager
def database():
    name = f"template_celery_{secrets.token_hex(6)}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{POSTGRES}/{name}"
    finally:
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@contextlib.contextmanager
def process(command, project, env, log):
    with log.open("w") as output:
        child = subprocess.Popen(
            command, cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        yield child
    finally:
        child.terminate()
        try:
            child.wait(timeout=15)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    require(("127.0.0.1", 5432), "PostgreSQL")
    require(REDIS, "Redis")
    root = tmp_path_factory.mktemp("celery")
    bake = answers(use_celery=True, send_confirmation_email=True)
    project = Path(
        cookiecutter(str(TEMPLATE), no_input=True, extra_context=bake, output_dir=str(root))
    )
    smtp_port, web_port = free_port(), free_port()
    # Another run on this Redis must not take this run's tasks: a database of its own.
    redis_db = secrets.randbelow(14) + 1
    with database() as database_url:
        env = clean_env(
            DJANGO_SETTINGS_MODULE="config.settings.production",
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_ALLOWED_HOSTS="127.0.0.1",
            DJANGO_SECURE_SSL_REDIRECT="false",
            DATABASE_URL=database_url,
            CACHE_URL=f"rediscache://{REDIS[0]}:{REDIS[1]}/{redis_db}",
            CELERY_BROKER_URL=f"redis://{REDIS[0]}:{REDIS[1]}/{redis_db}",
            EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}",
            EMAIL_FRONTEND_DOMAIN="app.example.test",
            PORT=str(web_port),
            WEB_CONCURRENCY="2",
        )
        migrate = subprocess.run(
            [sys.executable, "manage.py", "migrate", "--no-input"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert migrate.returncode == 0, migrate.stdout + migrate.stderr
        worker = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
        ]
        web = [sys.executable, "-m", "gunicorn", "config.wsgi"]
        with (
            process(worker, project, env, root / "worker.log"),
            process(web, project, env, root / "gunicorn.log") as server,
        ):
            assert wait_until_listening(web_port, server), (root / "gunicorn.log").read_text()
            yield {
                "url": f"http://127.0.0.1:{web_port}",
                "smtp_port": smtp_port,
                "worker_log": root / "worker.log",
            }


def test_registration_answers_at_once_and_the_worker_mails_when_the_server_is_back(stack):
    url = stack["url"]
    address = f"ada.{secrets.token_hex(4)}@example.com"
    password = secrets.token_urlsafe(16)

    # No mail server is listening yet: the request must not wait for one.
    status, body = post(f"{url}/auth/users/", {"email": address, "password": password})
    assert status == 201, body
    assert wait_for(lambda: "Retry in" in stack["worker_log"].read_text(), 30), stack[
        "worker_log"
    ].read_text()

    inbox = Inbox()
    smtp = Controller(inbox, hostname="127.0.0.1", port=stack["smtp_port"])
    smtp.start()
    try:
        assert wait_for(lambda: inbox.messages, MAIL_WAIT_SECONDS), stack["worker_log"].read_text()
        [activation] = inbox.messages
        assert activation["To"] == address
        text = next(p for p in activation.walk() if p.get_content_type() == "text/plain")
        uid, token = LINK.search(text.get_payload(decode=True).decode()).groups()

        status, body = post(f"{url}/auth/users/activation/", {"uid": uid, "token": token})
        assert status == 204, body
        # The confirmation mail goes through the same worker, at once this time.
        assert wait_for(lambda: len(inbox.messages) == 2, 30), stack["worker_log"].read_text()

        status, body = post(f"{url}/auth/jwt/create/", {"email": address, "password": password})
        assert status == 200, body
    finally:
        smtp.stop()


def test_health_check_sees_postgresql_and_redis(stack):
    assert get(f"{stack['url']}/healthz") == 200
