"""bench/run.py's choice of endpoints (--only), the order of its runs, what it compares
and its prewarm; the benchmark itself is not a test."""

import argparse
import collections
import contextlib
import os
import sys
import types
from pathlib import Path

import psycopg
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import run


@pytest.fixture(autouse=True)
def every_endpoint(monkeypatch):
    monkeypatch.setattr(run, "ENDPOINTS", run.ALL_ENDPOINTS)


def measured():
    return [endpoint.name for endpoint in run.ENDPOINTS]


def test_only_keeps_the_endpoints_named_and_the_baselines_of_their_ratios():
    run.select_endpoints(["jwt/create", "users/me (JWT)"])

    assert measured() == ["users/me (JWT)", "jwt/create"]
    assert run.baselines() == (run.PASSWORD_CHECK,)
    assert run.PASSWORD_CHECK.apps == ("floor",)
    assert run.PASSWORD_CHECK.hashes and not run.PASSWORD_CHECK.auth


def test_only_refuses_an_endpoint_it_does_not_know():
    with pytest.raises(SystemExit, match="unknown endpoints: users/you"):
        run.select_endpoints(["users/you"])

    assert measured() == [endpoint.name for endpoint in run.ALL_ENDPOINTS]


def test_targets_of_endpoints_left_out_are_not_measured_rather_than_failing():
    result = {"requests": 1000, "duration_us": 1_000_000, "non_2xx": 0, "socket_errors": 0}
    runs = {("jwt/verify", app, 1000): [result] for app in ("ours", "djoser", "floor")}

    lines = run.targets(runs, {}, [1000]).splitlines()

    assert "- [x] jwt/verify ours/floor at 1,000 users: 1.00 (at least 0.95)" in lines
    assert "- [ ] users/me (token) ours/floor at 1,000 users: not measured" in lines


def result(rate):
    return {"requests": rate, "duration_us": 10**6, "non_2xx": 0, "socket_errors": 0, "p99_us": 1}


def test_login_is_compared_with_the_baseline_run_next_to_it():
    # Round 1 ran on a slower machine than round 2; each compared with its neighbour,
    # ours is at 0.95 of a password check in both.
    runs = {
        ("token/login", "ours", 1000): [result(95), result(190)],
        ("token/login", "hash", 1000): [result(100), result(200)],
    }

    lines = run.targets(runs, {}, [1000]).splitlines()

    assert "- [x] token/login ours/password check at 1,000 users: 0.95 (at least 0.95)" in lines
    assert "- [ ] jwt/create ours/password check at 1,000 users: not measured" in lines


def test_the_table_shows_every_run_of_a_baseline_in_its_own_row():
    run.select_endpoints(["token/login", "jwt/create"])
    runs = {
        ("token/login", "hash", 1000): [result(6)],
        ("jwt/create", "hash", 1000): [result(8), result(7)],
        ("jwt/create", "ours", 1000): [result(7), result(7)],
    }

    table = run.size_table(1000, runs, {("password check", "floor", 1000): 0}, {})

    assert "| password check | - | - | 7.0 | - | - | - |" in table
    assert "| jwt/create | 7.0 | - | - | - | - | 0.94x |" in table


def test_ours_runs_at_every_size_back_to_back_where_it_is_compared_with_itself():
    apps = [
        run.App(name, users, None, None, {}, 0)
        for users in (1000, 1000000)
        for name in ("djoser", "ours", "floor")
    ]
    by_name = {endpoint.name: endpoint for endpoint in run.ALL_ENDPOINTS}

    def labels(endpoint):
        return [app.label for app in run.run_order(apps, by_name[endpoint])]

    assert labels("reset_password") == [
        "djoser-1000",
        "ours-1000",
        "ours-1000000",
        "floor-1000",
        "djoser-1000000",
        "floor-1000000",
    ]
    assert labels("jwt/verify") == [app.label for app in apps]


def test_the_apps_of_one_size_run_next_to_each_other():
    apps = [
        run.App(name, users, None, None, {}, 0)
        for users in (1000, 1000000)
        for name in ("djoser", "ours", "floor")
    ]
    rotated = apps[2:] + apps[:2]  # as in the third round
    jwt_verify = next(e for e in run.ALL_ENDPOINTS if e.name == "jwt/verify")

    assert [app.label for app in run.run_order(rotated, jwt_verify)] == [
        "floor-1000",
        "djoser-1000",
        "ours-1000",
        "djoser-1000000",
        "ours-1000000",
        "floor-1000000",
    ]


def test_ours_login_runs_between_two_password_checks_and_is_compared_with_their_mean(
    monkeypatch,
):
    run.select_endpoints(["token/login"])
    apps = [run.App(name, 1000, None, None, {}, 0) for name in ("ours", "djoser", "floor")]
    calls = []
    # The warm-up (each app, then the check), then the round. The machine slows down
    # during the round: the check before ours makes 12 requests per second, ours 9, the
    # check after it 8.
    rates = iter([10, 10, 10, 10, 12, 9, 8, 10, 10])

    def fake_wrk(app, endpoint, *load):
        calls.append(f"{endpoint.name} on {app.name}")
        return {"requests": next(rates), "duration_us": 10**6, "non_2xx": 0, "socket_errors": 0}

    monkeypatch.setattr(run, "wrk", fake_wrk)
    servers = collections.defaultdict(lambda: types.SimpleNamespace(pid=0))
    monkeypatch.setattr(run, "serving", lambda *args, **kwargs: contextlib.nullcontext(servers))
    monkeypatch.setattr(run, "count_queries", lambda apps: {})
    monkeypatch.setattr(run, "log_in", lambda app: {})
    monkeypatch.setattr(run, "worker_rss_mib", lambda pid: None)
    args = argparse.Namespace(rounds=1, duration=1, connections=1, workers=1)

    runs, _, _ = run.measure(apps, args)

    assert calls[4:] == [
        "password check on floor",
        "token/login on ours",
        "password check on floor",
        "token/login on djoser",
        "token/login on floor",
    ]
    lines = run.targets(runs, {}, [1000]).splitlines()
    assert "- [ ] token/login ours/password check at 1,000 users: 0.90 (at least 0.95)" in lines


@pytest.mark.parametrize(("name", "connections"), [("jwt/create", 3), ("jwt/verify", None)])
def test_runs_that_hash_a_password_are_rated_by_their_latency(monkeypatch, name, connections):
    endpoint = next(endpoint for endpoint in run.ALL_ENDPOINTS if endpoint.name == name)
    app = run.App("ours", 1000, None, None, {}, 0)
    monkeypatch.setattr(run.App, "prewarm", lambda self: 0)
    done = '{"requests": 30, "duration_us": 4000000, "mean_us": 300000}'
    monkeypatch.setattr(run, "output", lambda command: f"Running 4s test\n{done}")

    result = run.wrk(app, endpoint, {"access": "x"}, duration=1, connections=3)

    assert result.get("connections") == connections
    assert run.report.rate(result) == (10 if connections else 7.5)


@pytest.fixture
def database():
    """A new PostgreSQL database at the benchmark's server, dropped afterwards."""
    name = f"drfbench_test_{os.getpid()}"
    try:
        server = psycopg.connect(run.DATABASE_URL + "/postgres", autocommit=True)
    except psycopg.OperationalError:
        if os.environ.get("CI"):
            raise
        pytest.skip("PostgreSQL is not running")
    with server:
        server.execute(f"DROP DATABASE IF EXISTS {name}")
        server.execute(f"CREATE DATABASE {name}")
        yield f"{run.DATABASE_URL}/{name}"
        server.execute(f"DROP DATABASE {name} WITH (FORCE)")


def test_prewarm_reads_every_table_and_index_of_the_database(database):
    with psycopg.connect(database, autocommit=True) as db:
        db.execute("CREATE TABLE users (id serial PRIMARY KEY, email text UNIQUE)")
        db.execute("INSERT INTO users (email) SELECT 'user' || n FROM generate_series(1, 5000) n")
        blocks = db.execute(
            "SELECT sum(pg_relation_size(oid)) / current_setting('block_size')::int"
            " FROM pg_class WHERE relname IN ('users', 'users_pkey', 'users_email_key')"
        ).fetchone()[0]
    app = run.App("ours", 5000, Path(sys.executable), None, {"DATABASE_URL": database}, 0)

    assert blocks > 30
    assert app.prewarm() == blocks
    assert app.prewarm() == blocks  # the extension, once there, is kept
