"""The benchmark's arithmetic and its markdown table: pure functions, no I/O."""

import statistics

APPS = ("ours", "djoser", "floor")
NONE = "-"


def rate(run):
    """Requests per second of one wrk run (its done() line as a dict).

    A run that names its connections is rated by its mean latency instead: each connection
    always has one request out, so the rate is connections / mean latency (Little's law).
    The runs that hash a password do, as they make too few requests for a count to be
    precise (README.md, "Benchmark").
    """
    if "connections" in run:
        return run["connections"] / (run["mean_us"] / 1_000_000) if run["mean_us"] else 0
    return run["requests"] / (run["duration_us"] / 1_000_000)


def merged(runs):
    """Several wrk runs of one endpoint and app as one: their requests over their time, or,
    for runs rated by latency, their connections over the mean latency of all requests."""
    counts = ("requests", "duration_us", "non_2xx", "socket_errors")
    total = {key: sum(run[key] for run in runs) for key in counts}
    connections = {run.get("connections") for run in runs}
    if len(connections) == 1 and None not in connections:
        (total["connections"],) = connections
    for key in ("p50_us", "p99_us", "mean_us", "cpu_ms"):
        if all(key in run for run in runs):
            # Each run weighs as many requests as it made: exact for the mean and the CPU
            # per request, near enough for the percentiles.
            weighted = sum(run[key] * run["requests"] for run in runs)
            total[key] = weighted / total["requests"] if total["requests"] else 0
    return total


def median_rate(runs):
    return statistics.median(rate(run) for run in runs) if runs else None


def median_p99_ms(runs):
    return statistics.median(run["p99_us"] for run in runs) / 1000 if runs else None


def median_cpu_ms(runs):
    cpu = [run["cpu_ms"] for run in runs if "cpu_ms" in run]
    return statistics.median(cpu) if cpu else None


def median_ratio(runs, baseline_runs):
    """Median over rounds of ours/baseline, each round compared with its own neighbour."""
    ratios = [rate(a) / rate(b) for a, b in zip(runs, baseline_runs, strict=True) if rate(b)]
    return statistics.median(ratios) if ratios else None


def fmt_rate(value):
    if value is None:
        return NONE
    return f"{value:,.0f}" if value >= 100 else f"{value:,.1f}"


def fmt_ratio(value):
    return NONE if value is None else f"{value:.2f}x"


def fmt_ms(value):
    return NONE if value is None else f"{value:.1f}"


def fmt_cpu(value):
    return NONE if value is None else f"{value:.2f}"


def fmt_queries(value):
    return NONE if value is None else f"{value:g}"


def endpoint_row(name, runs, queries, baseline=None):
    """One table row; `runs` and `queries` map app → list of wrk results / query count.

    `baseline` names a pseudo-app (a bare password hash) that the row is also compared with.
    """
    ours, djoser, floor = (runs.get(app, []) for app in APPS)
    cells = [
        name,
        *(fmt_rate(median_rate(runs.get(app, []))) for app in APPS),
        fmt_ratio(median_ratio(ours, djoser) if ours and djoser else None),
        fmt_ratio(median_ratio(ours, floor) if ours and floor else None),
        fmt_ratio(median_ratio(ours, runs[baseline]) if ours and baseline else None),
        " / ".join(fmt_ms(median_p99_ms(runs.get(app, []))) for app in APPS),
        " / ".join(fmt_cpu(median_cpu_ms(runs.get(app, []))) for app in APPS),
        " / ".join(fmt_queries(queries.get(app)) for app in APPS),
    ]
    errors = sum(run["non_2xx"] + run["socket_errors"] for app in APPS for run in runs.get(app, []))
    if errors:
        cells[0] += f" ({errors} errors)"
    return cells


HEADER = [
    "endpoint",
    "ours req/s",
    "djoser req/s",
    "floor req/s",
    "ours/djoser",
    "ours/floor",
    "ours/hash",
    "p99 ms (ours / djoser / floor)",
    "worker CPU ms per request (ours / djoser / floor)",
    "queries (ours / djoser / floor)",
]


def markdown_table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def check(label, value, minimum):
    """A target line: the measured ratio against the least it may be."""
    if value is None:
        return f"- [ ] {label}: not measured"
    mark = "x" if value >= minimum else " "
    return f"- [{mark}] {label}: {value:.2f} (at least {minimum:.2f})"


def replace_between(text, start, end, body):
    """Put `body` between the marker lines `start` and `end` of `text`."""
    head, found, rest = text.partition(start)
    if not found or end not in rest:
        raise ValueError(f"markers {start!r} … {end!r} not found")
    return f"{head}{start}\n{body}\n{end}{rest.split(end, 1)[1]}"
