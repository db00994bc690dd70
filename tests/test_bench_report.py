"""The benchmark's arithmetic and table (bench/report.py); the benchmark itself is not a test."""

import importlib.util
from pathlib import Path

import pytest

spec = importlib.util.spec_from_file_location(
    "bench_report", Path(__file__).resolve().parent.parent / "bench" / "report.py"
)
report = importlib.util.module_from_spec(spec)
spec.loader.exec_module(report)


def wrk_run(requests, seconds=2, non_2xx=0, p99_ms=10):
    return {
        "requests": requests,
        "duration_us": seconds * 1_000_000,
        "non_2xx": non_2xx,
        "socket_errors": 0,
        "p50_us": 1000,
        "p99_us": p99_ms * 1000,
    }


def test_rate_is_requests_per_second():
    assert report.rate(wrk_run(300, seconds=2)) == 150


def test_run_with_its_connections_is_rated_by_its_mean_latency():
    # 4 connections, 0.4 s each request: 10 per second, though only 37 finished in 4 s.
    run = {**wrk_run(37, seconds=4), "mean_us": 400_000, "connections": 4}
    assert report.rate(run) == 10
    assert report.rate({**run, "requests": 0, "mean_us": 0}) == 0


def test_runs_rated_by_latency_merge_into_their_mean_rate():
    # 10 requests per second before ours, 8 after: 40 and 32 requests in 4 s each.
    before = {**wrk_run(40, seconds=4), "mean_us": 400_000, "connections": 4}
    after = {**wrk_run(32, seconds=4), "mean_us": 500_000, "connections": 4}

    both = report.merged([before, after])

    assert both["connections"] == 4
    assert report.rate(both) == pytest.approx(9)
    assert "connections" not in report.merged([before, wrk_run(32, seconds=4)])


def test_ratio_is_the_median_of_each_rounds_ratio():
    ours = [wrk_run(100), wrk_run(300), wrk_run(200)]
    theirs = [wrk_run(100), wrk_run(100), wrk_run(400)]
    assert report.median_ratio(ours, theirs) == 1.0


def test_runs_before_and_after_merge_into_their_mean_rate():
    # The machine slowed down from one run to the next: 12 requests per second before
    # ours, 8 after; ours, in between, is compared with 10.
    before = {**wrk_run(24), "cpu_ms": 200}
    after = {**wrk_run(16, non_2xx=1, p99_ms=20), "cpu_ms": 300}

    both = report.merged([before, after])

    assert report.rate(both) == 10
    assert both["requests"] == 40 and both["non_2xx"] == 1
    assert both["cpu_ms"] == (24 * 200 + 16 * 300) / 40
    assert both["p99_us"] == (24 * 10_000 + 16 * 20_000) / 40
    assert report.median_ratio([wrk_run(18)], [both]) == 0.9


def test_merged_runs_without_cpu_times_have_none():
    assert "cpu_ms" not in report.merged([wrk_run(1), {**wrk_run(1), "cpu_ms": 5}])


def test_row_shows_rates_ratios_latencies_and_queries():
    ours = [{**wrk_run(400), "cpu_ms": 2}]
    runs = {"ours": ours, "djoser": [wrk_run(200)], "floor": [wrk_run(500, p99_ms=4)]}
    row = report.endpoint_row("users/me", runs, {"ours": 1, "djoser": 2, "floor": 1})
    assert row == [
        "users/me",
        "200",
        "100",
        "250",
        "2.00x",
        "0.80x",
        "-",
        "10.0 / 10.0 / 4.0",
        "2.00 / - / -",
        "1 / 2 / 1",
    ]


def test_row_compares_with_a_baseline_and_counts_errors():
    runs = {"ours": [wrk_run(19, non_2xx=1)], "hash": [wrk_run(20)]}
    row = report.endpoint_row("token/login", runs, {}, baseline="hash")
    assert row[0] == "token/login (1 errors)"
    assert row[1] == "9.5"
    assert row[6] == "0.95x"


def test_target_is_met_at_its_minimum():
    assert report.check("login", 0.95, 0.95) == "- [x] login: 0.95 (at least 0.95)"
    assert report.check("login", 0.94, 0.95) == "- [ ] login: 0.94 (at least 0.95)"
    assert report.check("login", None, 0.95) == "- [ ] login: not measured"


def test_markdown_table():
    assert report.markdown_table(["a", "b"], [["1", "2"]]) == "| a | b |\n| --- | --- |\n| 1 | 2 |"


def test_readme_section_is_replaced_between_its_markers():
    text = "intro\n<!-- s -->\nold\n<!-- e -->\nrest\n"
    assert report.replace_between(text, "<!-- s -->", "<!-- e -->", "new") == (
        "intro\n<!-- s -->\nnew\n<!-- e -->\nrest\n"
    )
    with pytest.raises(ValueError, match="not found"):
        report.replace_between("no markers", "<!-- s -->", "<!-- e -->", "new")
