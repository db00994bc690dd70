#!/usr/bin/env python3
"""Load-test the baked project against djoser 2.3.5 and a hand-written floor.

python3 bench/run.py [--rounds 9] [--duration 1] [--sizes 1000,1000000] [--readme]

Needs Python 3.11+, PostgreSQL at BENCH_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432, trust authentication, superuser for pg_prewarm) and
wrk, which it installs with apt-get when it runs as root. Everything else goes into
build/bench/: two virtualenvs, the baked project (token_strategy=both), server logs. The
apps run under gunicorn on loopback ports, each with its own database; wrk drives one
endpoint of one app at a time, the three apps alternating, for several rounds. See
README.md, "Benchmark".
"""

import argparse
import contextlib
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
import venv
from dataclasses import dataclass
from pathlib import Path

import report

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
BUILD = ROOT / "build" / "bench"
LOGS = BUILD / "logs"
REFERENCE = BENCH / "reference"
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432")
PASSWORD = "correct-horse-battery-staple-9"
# Same versions in both virtualenvs, so only the auth code differs.
SHARED_PACKAGES = (
    "django",
    "djangorestframework",
    "djangorestframework-simplejwt",
    "argon2-cffi",
    "argon2-cffi-bindings",
    "psycopg",
    "psycopg-binary",
    "gunicorn",
)
README_START = "<!-- bench:start -->"
README_END = "<!-- bench:end -->"
FIRST_PORT = 18411
# Runs of endpoints that hash a password last this many times --duration.
HASHING_DURATION_FACTOR = 4


def say(message):
    print(f"==> {message}", flush=True)


@dataclass(frozen=True)
class Endpoint:
    name: str
    method: str
    path: str
    body: str = ""
    auth: str = ""  # "token" or "jwt": sent in the Authorization header
    apps: tuple = report.APPS
    hashes: bool = False  # a password hash per request: few requests, so longer runs
    # For login and registration: the floor's bare password check or hash. It runs right
    # after ours each time, so that the ratio compares neighbouring runs.
    baseline: "Endpoint | None" = None


# In bodies, {n} is a random seeded user's number, {u} unique to the request.
LOGIN = f'{{"email": "user{{n}}@example.com", "password": "{PASSWORD}"}}'
REGISTRATION = f'{{"email": "reg-{{u}}@example.com", "password": "{PASSWORD}"}}'
RESET = '{"email": "user{n}@example.com"}'
HASH = f'{{"password": "{PASSWORD}"}}'
# The floor of login and registration: one password check or hash, nothing else.
PASSWORD_CHECK = Endpoint(
    "password check", "POST", "/hash/check/", HASH, apps=("floor",), hashes=True
)
PASSWORD_HASH = Endpoint("password hash", "POST", "/hash/make/", HASH, apps=("floor",), hashes=True)
BASELINE_APP = "hash"  # the key of the baseline's runs next to those of the apps
ALL_ENDPOINTS = (
    Endpoint("users/me (token)", "GET", "/auth/users/me/", auth="token"),
    Endpoint("users/me (JWT)", "GET", "/auth/users/me/", auth="jwt"),
    Endpoint("jwt/verify", "POST", "/auth/jwt/verify/", body='{"token": "{access}"}'),
    Endpoint("reset_password", "POST", "/auth/users/reset_password/", RESET),
    Endpoint(
        "token/login", "POST", "/auth/token/login/", LOGIN, hashes=True, baseline=PASSWORD_CHECK
    ),
    Endpoint(
        "jwt/create", "POST", "/auth/jwt/create/", LOGIN, hashes=True, baseline=PASSWORD_CHECK
    ),
    Endpoint(
        "registration", "POST", "/auth/users/", REGISTRATION, hashes=True, baseline=PASSWORD_HASH
    ),
)
ENDPOINTS = ALL_ENDPOINTS  # what this run measures: all of them but with --only
# Compared with themselves at the other database size (the largest against the smallest).
SCALED = ("reset_password", "token/login", "jwt/create")


def select_endpoints(names):
    """Measure only the endpoints named (and the baselines of their ratios)."""
    global ENDPOINTS
    known = {endpoint.name for endpoint in ALL_ENDPOINTS}
    unknown = set(names) - known
    if unknown:
        sys.exit(f"unknown endpoints: {', '.join(sorted(unknown))}; known: {', '.join(known)}")
    ENDPOINTS = tuple(endpoint for endpoint in ALL_ENDPOINTS if endpoint.name in names)


def baselines():
    """The baselines of the endpoints measured, each once, in order."""
    return tuple(dict.fromkeys(e.baseline for e in ENDPOINTS if e.baseline))


# --- setup -------------------------------------------------------------------------


def run(command, **kwargs):
    return subprocess.run([str(part) for part in command], check=True, **kwargs)


def output(command, **kwargs):
    return run(command, capture_output=True, text=True, **kwargs).stdout.strip()


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if not shutil.which("apt-get") or os.geteuid() != 0:
        sys.exit("wrk not found: install it (Debian: apt-get install wrk)")
    say("installing wrk with apt-get")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(["apt-get", "update", "-qq"], env=env)
    run(["apt-get", "install", "-y", "-qq", "wrk"], env=env, stdout=subprocess.DEVNULL)


def make_venv(path, *requirements):
    python = path / "bin" / "python"
    if not python.exists():
        say(f"creating virtualenv {path.relative_to(ROOT)}")
        venv.create(path, with_pip=True)
    pip = [python, "-m", "pip", "--disable-pip-version-check", "install", "--quiet"]
    run([*pip, *requirements])
    return python


def bake():
    """Bake token_strategy=both into build/bench/ours and install it; return its python."""
    python = make_venv(BUILD / "venv-ours", "cookiecutter>=2.6")
    target = BUILD / "ours"
    shutil.rmtree(target, ignore_errors=True)
    say("baking the template with token_strategy=both")
    cookiecutter = BUILD / "venv-ours" / "bin" / "cookiecutter"
    run([cookiecutter, "--no-input", "--output-dir", target, ROOT, "token_strategy=both"])
    (project,) = target.iterdir()
    say("installing the baked project and its dependencies")
    make_venv(BUILD / "venv-ours", "-e", project)
    return python, project


def install_djoser(ours_python):
    """djoser 2.3.5 with the very versions of Django, DRF and SimpleJWT the baked project got."""
    frozen = output([ours_python, "-m", "pip", "freeze", "--exclude-editable"]).splitlines()
    pins = [line for line in frozen if normalized(line.split("==")[0]) in SHARED_PACKAGES]
    constraints = BUILD / "constraints.txt"
    constraints.write_text("\n".join(pins) + "\n")
    say("installing djoser 2.3.5 with " + ", ".join(pins))
    return make_venv(
        BUILD / "venv-djoser",
        "-c",
        constraints,
        "djoser==2.3.5",
        "gunicorn",
        "psycopg[binary]",
        "argon2-cffi",
    )


def normalized(distribution):
    return distribution.lower().replace("_", "-")


@dataclass
class App:
    name: str  # one of report.APPS
    users: int  # seeded users in its database
    python: Path
    cwd: Path
    env: dict
    port: int

    @property
    def key(self):
        return self.name, self.users

    @property
    def label(self):
        return f"{self.name}-{self.users}"

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def manage(self, *args, **kwargs):
        return output([self.python, "-m", "django", *args], cwd=self.cwd, env=self.env, **kwargs)

    def appctl(self, *args):
        return output([self.python, BENCH / "appctl.py", *args], cwd=self.cwd, env=self.env)

    def prewarm(self):
        """Read the app's tables and indexes into the page cache; return the blocks read."""
        return int(output([self.python, "-c", PREWARM, self.env["DATABASE_URL"]]))


def make_apps(ours_python, ours_project, djoser_python, sizes, conn_max_age):
    """One app per kind and size, each with its own database and port."""
    common = {
        "PATH": os.environ["PATH"],
        # Read by the baked production settings and by reference/settings.py alike.
        "DJANGO_CONN_MAX_AGE": str(conn_max_age),
        "JWT_ACCESS_MINUTES": "600",
        "DJANGO_SECRET_KEY": "bench-only-" + "x" * 50,
    }
    ours_env = {
        **common,
        "PYTHONPATH": f"{ours_project}{os.pathsep}{BENCH}",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "EMAIL_FRONTEND_DOMAIN": "localhost:8000",
        "EMAIL_URL": "dummymail://",
        "THROTTLE_ENABLED": "false",
    }

    def reference_env(app):
        return {
            **common,
            "PYTHONPATH": f"{REFERENCE}{os.pathsep}{BENCH}",
            "DJANGO_SETTINGS_MODULE": "settings",
            "BENCH_APP": app,
        }

    kinds = {
        "ours": (ours_python, ours_project, ours_env),
        "djoser": (djoser_python, REFERENCE, reference_env("djoser")),
        "floor": (djoser_python, REFERENCE, reference_env("floor")),
    }
    apps = []
    for users in sizes:
        for name, (python, cwd, env) in kinds.items():
            database = {"DATABASE_URL": f"{DATABASE_URL}/drfbench_{name}_{users}"}
            port = FIRST_PORT + len(apps)
            apps.append(App(name, users, python, cwd, {**env, **database}, port))
    return apps


# Reads every table and index of an app's database into the OS page cache, just before each
# of its runs. Some hosts (virtual machines with a memory monitor such as DAMON) page out
# file cache that nothing touched for a minute. Between an app's runs, minutes apart, its
# 1,000,000-user tables are paged out, and the lookups of the next run wait on the disk:
# reset_password ran at 0.58 of its speed at 1,000 users, with idle cores. A database
# server in production keeps its working set in memory; the runs should measure that.
PREWARM = """\
import sys, psycopg
with psycopg.connect(sys.argv[1], autocommit=True) as db:
    db.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
    blocks = db.execute(
        "SELECT sum(pg_prewarm(c.oid, 'read')) FROM pg_class c"
        " JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i')"
    )
    print(blocks.fetchone()[0])
"""


def recreate_database(python, name):
    code = (
        "import sys, psycopg\n"
        "with psycopg.connect(sys.argv[1] + '/postgres', autocommit=True) as db:\n"
        "    db.execute(f'DROP DATABASE IF EXISTS {sys.argv[2]} WITH (FORCE)')\n"
        "    db.execute(f'CREATE DATABASE {sys.argv[2]}')\n"
    )
    run([python, "-c", code, DATABASE_URL, name])


# --- servers -----------------------------------------------------------------------


GUNICORN_CONF = """\
worker_class = "sync"
timeout = 120
accesslog = None
max_requests = 0
"""


@contextlib.contextmanager
def serving(apps, workers, count_queries=False):
    """Run every app under gunicorn until the block ends; yield {app key: master Popen}."""
    conf = BUILD / "gunicorn.conf.py"
    conf.write_text(GUNICORN_CONF)
    LOGS.mkdir(parents=True, exist_ok=True)
    servers = {}
    try:
        for app in apps:
            env = {**app.env, "BENCH_COUNT_QUERIES": "1" if count_queries else "0"}
            gunicorn = app.python.parent / "gunicorn"
            log = (LOGS / f"{app.label}.log").open("a")
            bind = f"127.0.0.1:{app.port}"
            command = [gunicorn, "-c", conf, "-b", bind, "-w", workers, "benchwsgi:application"]
            servers[app.key] = subprocess.Popen(
                [str(part) for part in command],
                cwd=app.cwd,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        for app in apps:
            wait_until_up(app, servers[app.key])
        yield servers
    finally:
        for server in servers.values():
            server.send_signal(signal.SIGTERM)
        for server in servers.values():
            server.wait(timeout=30)


def wait_until_up(app, server):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"{app.label} server exited; see {LOGS.relative_to(ROOT)}/{app.label}.log")
        try:
            urllib.request.urlopen(app.url + "/healthz", timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"{app.label} server did not start")


def call(app, endpoint, tokens, number=1, unique="count"):
    """One request as wrk would send it; return (status, headers)."""
    body = fill(endpoint.body, tokens).replace("{n}", str(number)).replace("{u}", unique)
    request = urllib.request.Request(
        app.url + endpoint.path,
        data=body.encode() if endpoint.method == "POST" else None,
        method=endpoint.method,
        headers={"Content-Type": "application/json", **auth_header(endpoint, tokens)},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def fill(body, tokens):
    return body.replace("{access}", tokens.get("access", ""))


def auth_header(endpoint, tokens):
    if endpoint.auth == "token":
        return {"Authorization": f"Token {tokens['token']}"}
    if endpoint.auth == "jwt":
        return {"Authorization": f"Bearer {tokens['access']}"}
    return {}


def log_in(app):
    """A DRF token and a JWT access token of user1."""
    by_path = {endpoint.name: endpoint for endpoint in ALL_ENDPOINTS}
    tokens = {}
    status, _, body = call(app, by_path["token/login"], tokens)
    if status != 200:
        sys.exit(f"{app.name}: token login answered {status}: {body[:300]!r}")
    tokens["token"] = json.loads(body)["auth_token"]
    status, _, body = call(app, by_path["jwt/create"], tokens)
    if status != 200:
        sys.exit(f"{app.name}: jwt/create answered {status}: {body[:300]!r}")
    tokens["access"] = json.loads(body)["access"]
    return tokens


def count_queries(apps, samples=5):
    """Median SQL statements per request, from servers that count them (not the timed ones).

    Returns {(endpoint name, app name, users): count}."""
    counts = {}
    for app in apps:
        tokens = log_in(app)
        for endpoint in ENDPOINTS + baselines():
            if app.name not in endpoint.apps:
                continue
            seen = []
            for sample in range(samples):
                number = 1 + sample * max(1, app.users // samples)
                status, headers, body = call(app, endpoint, tokens, number, f"q{time.time_ns()}")
                if status >= 300:
                    sys.exit(f"{app.label} {endpoint.name}: {status} {body[:300]!r}")
                seen.append(int(headers["X-Bench-Queries"]))
            counts[(endpoint.name, *app.key)] = statistics.median(seen)
    return counts


def wrk(app, endpoint, tokens, duration, connections, server=None):
    """One timed run; return the JSON line load.lua's done() prints.

    With the app's gunicorn master, also the CPU its workers spent per request (cpu_ms):
    unlike the rate, other load on the machine barely changes it.
    """
    if endpoint.hashes:
        duration *= HASHING_DURATION_FACTOR
    command = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "30s",
        "-s",
        BENCH / "load.lua",
        app.url + endpoint.path,
        "--",
        endpoint.method,
        fill(endpoint.body, tokens),
        app.users,
        f"r{time.time_ns()}",  # prefix of the unique emails registrations use
    ]
    for name, value in auth_header(endpoint, tokens).items():
        command += [name, value]
    app.prewarm()
    cpu_before = worker_cpu_seconds(server.pid) if server else 0
    lines = output(command).splitlines()
    result = json.loads(next(line for line in reversed(lines) if line.startswith("{")))
    if endpoint.hashes:
        # Few requests: rated by their latency (report.rate), not by their count.
        result["connections"] = connections
    if server and result["requests"]:
        cpu = worker_cpu_seconds(server.pid) - cpu_before
        result["cpu_ms"] = cpu * 1000 / result["requests"]
    if server:
        wait_until_idle(server)
    return result


def wait_until_idle(server, timeout=10):
    """Wait for the workers to finish what wrk left in flight and queued: up to one request
    per connection, which would run into the next timed run. With password hashes that
    is a few percent of a run, taken from whichever app comes next."""
    deadline = time.monotonic() + timeout
    used = worker_cpu_seconds(server.pid)
    while time.monotonic() < deadline:
        time.sleep(0.2)
        used, before = worker_cpu_seconds(server.pid), used
        if used == before:
            return


def workers(master_pid):
    """/proc/<pid> folders of a gunicorn master's workers, with their stat fields."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            # The fields after the command name; the parent pid is the second.
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == master_pid:
                yield stat.parent, fields


def worker_rss_mib(master_pid):
    """Mean resident memory of a gunicorn master's workers, in MiB."""
    sizes = []
    for folder, _ in workers(master_pid):
        with contextlib.suppress(OSError):
            status = (folder / "status").read_text()
            kib = next(line for line in status.splitlines() if line.startswith("VmRSS"))
            sizes.append(int(kib.split()[1]) / 1024)
    return statistics.mean(sizes) if sizes else None


def worker_cpu_seconds(master_pid):
    """User and system CPU time the master's workers have used so far."""
    ticks = sum(int(fields[11]) + int(fields[12]) for _, fields in workers(master_pid))
    return ticks / os.sysconf("SC_CLK_TCK")


# --- the run -----------------------------------------------------------------------


def measure(apps, args):
    """Every endpoint of every app, in turn, for args.rounds rounds.

    Returns ({(endpoint name, app name, users): [wrk results]}, query counts, worker MiB).
    """
    say("counting queries per request")
    with serving(apps, args.workers, count_queries=True):
        queries = count_queries(apps)
    runs = {}
    floors = {app.users: app for app in apps if app.name == "floor"}
    with serving(apps, args.workers) as servers:
        tokens = {app.key: log_in(app) for app in apps}

        def timed(app, endpoint, duration=args.duration):
            load = (tokens[app.key], duration, args.connections)
            return wrk(app, endpoint, *load, servers[app.key])

        say("warming up")
        for endpoint in ENDPOINTS + baselines():
            for app in apps:
                if app.name in endpoint.apps:
                    timed(app, endpoint, duration=1)
        for round_number in range(args.rounds):
            say(f"round {round_number + 1} of {args.rounds}")
            # Rotate the order, so no app always follows the same one.
            shift = round_number % len(apps)
            for endpoint in ENDPOINTS:
                for app in run_order(apps[shift:] + apps[:shift], endpoint):
                    if app.name not in endpoint.apps:
                        continue
                    if endpoint.baseline and app.name == "ours":
                        # Ours between two runs of the bare hash: against their mean, a
                        # machine that speeds up or slows down over the three runs
                        # favours neither side.
                        floor = floors[app.users]
                        before = timed(floor, endpoint.baseline)
                        result = timed(app, endpoint)
                        after = timed(floor, endpoint.baseline)
                        key = (endpoint.name, BASELINE_APP, app.users)
                        both = {**report.merged([before, after]), "runs": [before, after]}
                        runs.setdefault(key, []).append(both)
                    else:
                        result = timed(app, endpoint)
                    runs.setdefault((endpoint.name, *app.key), []).append(result)
        memory = {key: worker_rss_mib(server.pid) for key, server in servers.items()}
    return runs, queries, memory


def run_order(apps, endpoint):
    """`apps` in turn, with the runs each ratio compares next to each other: the apps of
    one size together, where the first of that size comes; for an endpoint compared with
    itself at another size, ours at every size back to back, where the first of ours comes."""
    if endpoint.name not in SCALED:
        sizes = dict.fromkeys(app.users for app in apps)
        return [app for users in sizes for app in apps if app.users == users]
    ours = [app for app in apps if app.name == "ours"]
    others = [app for app in apps if app.name != "ours"]
    first = apps.index(ours[0])
    return others[:first] + ours + others[first:]


def size_table(users, runs, queries, memory):
    rows = []
    for endpoint in ENDPOINTS:
        endpoint_runs = {app: runs.get((endpoint.name, app, users), []) for app in report.APPS}
        endpoint_queries = {app: queries.get((endpoint.name, app, users)) for app in report.APPS}
        baseline = None
        if endpoint.baseline:
            baseline = BASELINE_APP
            endpoint_runs[baseline] = runs.get((endpoint.name, baseline, users), [])
        rows.append(report.endpoint_row(endpoint.name, endpoint_runs, endpoint_queries, baseline))
    for baseline in baselines():
        # Every run of the baseline, whichever endpoint it ran next to.
        pooled = [
            result
            for endpoint in ENDPOINTS
            if endpoint.baseline == baseline
            for result in runs.get((endpoint.name, BASELINE_APP, users), [])
        ]
        count = {"floor": queries.get((baseline.name, "floor", users))}
        rows.append(report.endpoint_row(baseline.name, {"floor": pooled}, count))
    memory_cells = [report.fmt_rate(memory.get((app, users))) for app in report.APPS]
    rows.append(["worker memory (MiB)", *memory_cells, *[""] * (len(report.HEADER) - 4)])
    return f"**{users:,} users**\n\n" + report.markdown_table(report.HEADER, rows)


def targets(runs, memory, sizes):
    def ratio(name, app, users, baseline_name, baseline_app, baseline_users):
        # "not measured" where --only left either out
        return report.median_ratio(
            runs.get((name, app, users), []),
            runs.get((baseline_name, baseline_app, baseline_users), []),
        )

    lines = []
    for users in sizes:
        at = f"at {users:,} users"
        for name in ("users/me (token)", "users/me (JWT)", "jwt/verify"):
            djoser = ratio(name, "ours", users, name, "djoser", users)
            floor = ratio(name, "ours", users, name, "floor", users)
            lines.append(report.check(f"{name} ours/djoser {at}", djoser, 1.0))
            lines.append(report.check(f"{name} ours/floor {at}", floor, 0.95))
        for endpoint in ALL_ENDPOINTS:
            if endpoint.baseline:
                name = endpoint.name
                hashing = ratio(name, "ours", users, name, BASELINE_APP, users)
                label = f"{name} ours/{endpoint.baseline.name} {at}"
                lines.append(report.check(label, hashing, 0.95))
        djoser_mib, ours_mib = memory.get(("djoser", users)), memory.get(("ours", users))
        if djoser_mib and ours_mib:
            lines.append(
                report.check(f"worker memory djoser/ours {at}", djoser_mib / ours_mib, 1.0)
            )
    small, large = min(sizes), max(sizes)
    if small != large:
        for name in SCALED:
            scaled = ratio(name, "ours", large, name, "ours", small)
            lines.append(
                report.check(f"{name} ours at {large:,} / at {small:,} users", scaled, 0.90)
            )
    return "\n".join(lines)


def save_runs(runs):
    """Every wrk result, by endpoint, app and size, for a closer look at the rounds."""
    rows = [
        {"endpoint": name, "app": app, "users": users, "round": number, **result}
        for (name, app, users), results in runs.items()
        for number, result in enumerate(results, 1)
    ]
    (BUILD / "runs.json").write_text(json.dumps(rows, indent=1) + "\n")


def versions(python):
    code = (
        "import django, rest_framework, rest_framework_simplejwt as jwt\n"
        "print(django.__version__, rest_framework.__version__, jwt.__version__)"
    )
    return output([python, "-c", code]).split()


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # Many short rounds rather than a few long ones: the speed of a shared machine drifts
    # within seconds, and each ratio is the median of one per round.
    parser.add_argument("--rounds", type=int, default=9, help="rounds")
    parser.add_argument("--duration", type=int, default=1, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=4, help="wrk connections")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per app")
    parser.add_argument("--sizes", default="1000,1000000", help="user counts, comma-separated")
    parser.add_argument(
        "--conn-max-age",
        type=int,
        default=60,
        help="CONN_MAX_AGE of every app: 60 keeps connections, as production does; 0 opens "
        "one per request, a cost shared by all apps that hides part of the difference",
    )
    parser.add_argument(
        "--only",
        help="endpoint names, comma-separated, to measure just those (not with --readme)",
    )
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    args = parser.parse_args(argv)
    sizes = sorted(int(size) for size in args.sizes.split(","))
    if args.only:
        if args.readme:
            parser.error("--readme needs every endpoint")
        select_endpoints(args.only.split(","))

    ensure_wrk()
    BUILD.mkdir(parents=True, exist_ok=True)
    ours_python, ours_project = bake()
    djoser_python = install_djoser(ours_python)
    apps = make_apps(ours_python, ours_project, djoser_python, sizes, args.conn_max_age)
    password_hash = apps[0].appctl("password-hash", PASSWORD)
    hashing = json.loads(apps[0].appctl("hash-time", PASSWORD, "10"))
    for app in apps:
        say(f"database of {app.label}: creating, migrating, seeding {app.users:,} users")
        recreate_database(ours_python, app.env["DATABASE_URL"].rsplit("/", 1)[1])
        app.manage("migrate", "--verbosity", "0")
        app.appctl("seed", str(app.users), password_hash)
    load_before = os.getloadavg()
    runs, queries, memory = measure(apps, args)
    save_runs(runs)

    django_version, drf_version, simplejwt_version = versions(ours_python)
    load_after = os.getloadavg()
    text = "\n\n".join(
        [
            *(size_table(users, runs, queries, memory) for users in sizes),
            "Targets (medians of per-round ratios):\n\n" + targets(runs, memory, sizes),
            (
                f"{time.strftime('%Y-%m-%d', time.gmtime())}, {os.cpu_count()} cores "
                f"({platform.machine()}), load average {load_before[0]:.2f} before and "
                f"{load_after[0]:.2f} after; Python {platform.python_version()}, Django "
                f"{django_version}, DRF {drf_version}, SimpleJWT {simplejwt_version}, djoser "
                f"2.3.5, PostgreSQL with CONN_MAX_AGE {args.conn_max_age}; gunicorn with "
                f"{args.workers} sync workers per app, wrk with "
                f"{args.connections} connections, {args.rounds} rounds of {args.duration} s per "
                f"endpoint and app ({args.duration * HASHING_DURATION_FACTOR} s where a password "
                "is hashed, rated by connections over mean latency), the apps and sizes in "
                "turn. Argon2 in process: "
                f"{hashing['make_ms']:.0f} ms to hash, "
                f"{hashing['check_ms']:.0f} ms to check."
            ),
        ]
    )
    print("\n" + text)
    if args.readme:
        readme = ROOT / "README.md"
        updated = report.replace_between(readme.read_text(), README_START, README_END, text)
        readme.write_text(updated)
        say("README.md updated")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except subprocess.CalledProcessError as error:
        say(f"failed (exit code {error.returncode}): {' '.join(map(str, error.cmd))}")
        if error.stderr:
            print(error.stderr, file=sys.stderr)
        sys.exit(error.returncode)
