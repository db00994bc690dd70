import runpy
from pathlib import Path

CONF = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def test_gunicorn_settings_follow_the_environment(monkeypatch):
    monkeypatch.setenv("PORT", "9000")
    monkeypatch.setenv("WEB_CONCURRENCY", "3")

    conf = runpy.run_path(str(CONF))

    assert conf["bind"] == "0.0.0.0:9000"
    assert conf["workers"] == 3


def test_gunicorn_serves_on_port_8000_by_default(monkeypatch):
    monkeypatch.delenv("PORT", raising=False)

    assert runpy.run_path(str(CONF))["bind"] == "0.0.0.0:8000"
