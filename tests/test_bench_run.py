"""bench/run.py's choice of endpoints (--only); the benchmark itself is not a test."""

import sys
from pathlib import Path

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

    assert measured() == ["users/me (JWT)", "jwt/create", "password check"]


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
