"""A baked project served by its own runserver, and the mails it writes, for the slow tests."""

import contextlib
import email
import socket
import subprocess
import sys
import time

STARTUP_SECONDS = 30
# Django's file-based mail backend separates the messages of one connection with this line.
MAIL_SEPARATOR = "\n" + "-" * 79 + "\n"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_listening(port, server):
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
        except OSError:
            time.sleep(0.2)
        else:
            return True
    return False


def manage(project, env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@contextlib.contextmanager
def runserver(project, env, log, port=None):
    """Migrate `project`, serve it on 127.0.0.1 and yield its base URL; `log` gets the output."""
    migrate = manage(project, env, "migrate", "--no-input")
    assert migrate.returncode == 0, migrate.stdout + migrate.stderr

    port = port or free_port()
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=project,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        assert wait_until_listening(port, process), log.read_text()
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def mails(maildir):
    """Every message the file-based backend wrote to `maildir`, newest first."""
    paths = sorted(maildir.iterdir(), key=lambda path: (path.stat().st_mtime_ns, path.name))
    messages = [
        email.message_from_string(raw.strip())
        for path in paths
        for raw in path.read_text(encoding="utf-8").split(MAIL_SEPARATOR)
        if raw.strip()
    ]
    return messages[::-1]


def text_body(message):
    part = next(part for part in message.walk() if part.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode()
