"""`filon watch` and `filon ingest URL` end to end, against a real server on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest
from conftest import Hit, Reply
from typer.testing import CliRunner

from filon.cli import app
from filon.cli.watch import parse_interval

runner = CliRunner()
COBALT = "/economie/cobalt-rdc.html"
LITHIUM = "/international/lithium-serbie.html"
FAST = ["--model", "fr_core_news_sm", "--host-delay", "0", "--timeout", "1"]


def _growing_feed(site) -> None:
    """/rss.xml lists three items on its first request, and the cobalt article too afterwards."""
    first = site.fixture("rss.xml")
    item = (b"<item><title>La RDC prolonge la suspension</title><link>" + site.url(COBALT).encode()
            + b"</link></item>\n    <item>")
    later = first.replace(b"<item>", item, 1)
    served = []

    def route(hit: Hit) -> Reply:
        body, etag = (first, '"v1"') if not served else (later, '"v2"')
        served.append(etag)
        headers = {"Content-Type": "application/rss+xml", "ETag": etag}
        if hit.headers.get("if-none-match") == etag:
            return Reply(304, b"", headers)
        return Reply(200, body, headers)

    site.routes["/rss.xml"] = route


def _urls(db) -> set[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {row[0] for row in con.execute("SELECT url FROM documents").fetchall()}


@pytest.mark.slow
def test_cli_watch_picks_up_an_item_added_between_rounds(site, tmp_path) -> None:
    site.news_site()
    _growing_feed(site)
    db = tmp_path / "feeds-watch.duckdb"
    result = runner.invoke(app, ["watch", site.url("/rss.xml"), "--db", str(db), "--every", "0.2s",
                                 "--rounds", "2", *FAST], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rounds = [line for line in result.output.splitlines() if " round " in line]
    assert len(rounds) == 2, result.output
    assert "round 1 · new 3 · already stored 0 · feeds unchanged 0 · failed 0 · next round at" in rounds[0]
    assert "round 2 · new 1 · already stored 3 · feeds unchanged 0 · failed 0 · last round" in rounds[1]
    assert site.url(COBALT) in _urls(db) and len(_urls(db)) == 4
    assert len(site.hits_for(COBALT)) == 1 and len(site.hits_for(LITHIUM)) == 1
    assert site.hits_for("/rss.xml")[1].headers["if-none-match"] == '"v1"'


@pytest.mark.slow
def test_cli_ingest_url_reports_a_missing_item_and_stores_the_rest(site, tmp_path) -> None:
    site.news_site()
    del site.routes[LITHIUM]
    db = tmp_path / "feeds-cli.duckdb"
    result = runner.invoke(app, ["ingest", site.url("/rss.xml"), "--db", str(db), "-q", *FAST],
                           catch_exceptions=False)
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error ")]
    assert errors == [f"error {site.url(LITHIUM)}: [F050] could not fetch: HTTP 404 Not Found"]
    assert "new 2 ·" in result.output
    assert len(_urls(db)) == 2


@pytest.mark.slow
def test_cli_watch_ctrl_c_exits_130(site, tmp_path) -> None:
    site.news_site()
    db = tmp_path / "feeds-sigint.duckdb"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "filon.cli", "watch", site.url("/atom.xml"),
         "--db", str(db), "--every", "1h", *FAST],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    try:
        lines = []
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            lines.append(line)
            if "round 1" in line:
                break
        assert any("round 1 · new 2" in line for line in lines), lines
        proc.send_signal(signal.SIGINT)
        rest = proc.communicate(timeout=30)[1]
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    assert "stopped after 1 round(s)" in rest and "Traceback" not in rest
    assert len(_urls(db)) == 2


def test_cli_watch_refuses_bad_arguments(tmp_path) -> None:
    db = str(tmp_path / "feeds-args.duckdb")
    bad_every = runner.invoke(app, ["watch", "http://127.0.0.1:9/rss.xml", "--db", db, "--every", "soon"])
    assert bad_every.exit_code == 2 and "is not an interval" in bad_every.output
    not_url = runner.invoke(app, ["watch", "feeds.txt", "--db", db])
    assert not_url.exit_code == 2 and "not an http(s) URL: feeds.txt" in not_url.output


def test_cli_watch_parses_intervals() -> None:
    assert parse_interval("15m") == 900
    assert parse_interval("1h") == 3600
    assert parse_interval("90") == 90
    assert parse_interval("500ms") == pytest.approx(0.5)
    assert parse_interval(" 2.5 S ") == 2.5
