"""Issue 12: what comes from an article is printed literally: no rich markup, no emoji codes, no
terminal escapes; CSV cells cannot run as spreadsheet formulas unless --raw-csv."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from filon.cli import app
from filon.cli.output import safe as _safe
from filon.export import csv_cell as _csv_cell
from filon.ingest.article import Article
from filon.store import Store

runner = CliRunner()
HOSTILE = "[/] [link=file:///etc/passwd]x[/link] :x: \x1b]0;pwn\x07"
# what the terminal must show instead, piece by piece (a table may wrap between pieces)
SHOWN = ("[/]", "[link=file:///etc/", "[/link]", ":x:", "\\x1b]0;pwn\\x07")


def _hostile_store(path: Path) -> Path:
    text = (f"Kiev et Washington ont signé mercredi l'accord sur les terres rares. "
            f"« {HOSTILE} », a déclaré le ministre.")
    article = Article(text=text, title=HOSTILE, outlet=HOSTILE, published="2025-04-30", lang="fr",
                      source="hostile.jsonl:1")
    text = article.text
    q = text.index(HOSTILE)
    record = {
        "id": article.id, "lang": "fr", "published": "2025-04-30",
        "entities": [{"text": "Kiev", "start": 0, "end": 4, "label": "PER", "id": "filon:person-x",
                      "name": HOSTILE, "kind": "name"}],
        "quotes": [{"kind": "direct", "text": HOSTILE, "start": q, "end": q + len(HOSTILE),
                    "speaker": {"name": HOSTILE, "id": "filon:person-x", "text": "le ministre"},
                    "cue": "a déclaré"}],
        "events": [{"type": "agreement", "status": "signed", "subject": "minerals",
                    "parties": [{"name": HOSTILE, "id": "Q212"}, {"name": "United States", "id": "Q30"}],
                    "resources": [{"name": "rare earths"}], "date": "2025-04-30",
                    "agreement_id": "local:1", "evidence": {"start": q, "end": q + len(HOSTILE)},
                    "negated": False, "modality": "asserted",
                    "claimed_by": {"name": HOSTILE, "id": "filon:person-x"}}],
        "dates": [],
    }
    with Store(path) as store:
        store.write_batch([(article, record)])
        store.refresh_agreements()
    return path


@pytest.fixture()
def hostile_db(tmp_path) -> Path:
    return _hostile_store(tmp_path / "h.duckdb")


def _assert_literal(output: str) -> None:
    assert "\x1b" not in output and "\x07" not in output
    assert "❌" not in output  # :x: is not an emoji
    for piece in SHOWN:  # short pieces: a narrow table column folds a long cell
        assert piece in output, (piece, output)


@pytest.mark.issue(12)
@pytest.mark.parametrize("command", [
    ["briefing"],
    ["query", "articles"],
    ["query", "actors"],
    ["query", "quotes"],
    ["query", "events"],
    ["timeline"],
    ["sql", "SELECT title, outlet FROM documents"],
])
def test_cli_output_prints_article_strings_literally(hostile_db, command):
    result = runner.invoke(app, [*command, "--db", str(hostile_db)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    _assert_literal(result.stdout)


@pytest.mark.issue(12)
def test_cli_output_error_lines_are_literal(tmp_path):
    bad = tmp_path / "in.jsonl"
    bad.write_text(json.dumps({"text": 3, "title": HOSTILE}) + "\n" + HOSTILE + "\n",
                   encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(bad), "--db", str(tmp_path / "e.duckdb"), "-q"])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "line 2" in result.output and "line 1" in result.output


@pytest.mark.issue(12)
def test_cli_output_safe_escapes_controls_but_keeps_newline_and_tab():
    assert _safe("a\x1b[31mb\x07\x9bc\u202e") == "a\\x1b[31mb\\x07\\x9bc\\u202e"
    assert _safe("ligne\n\tsuite « é »") == "ligne\n\tsuite « é »"
    assert _safe(None) == ""


@pytest.mark.issue(12)
def test_cli_output_csv_neutralises_formulas(tmp_path):
    article = Article(text="Un article sur les terres rares, assez long pour le test.",
                      title="=HYPERLINK(\"http://x\",\"y\")", outlet="@SUM(1)", lang="fr")
    with Store(tmp_path / "c.duckdb") as store:
        store.write_batch([(article, {"id": article.id, "entities": [], "quotes": [],
                                      "events": [], "dates": []})])
    args = ["sql", "SELECT title, outlet, '-1+2' AS m, '+x' AS p, 'ok' AS k, -3 AS n FROM documents",
            "--db", str(tmp_path / "c.duckdb"), "-f", "csv"]
    safe = list(csv.reader(io.StringIO(runner.invoke(app, args).stdout)))
    assert safe[1] == ["'=HYPERLINK(\"http://x\",\"y\")", "'@SUM(1)", "'-1+2", "'+x", "ok", "-3"]
    raw = list(csv.reader(io.StringIO(runner.invoke(app, [*args, "--raw-csv"]).stdout)))
    assert raw[1] == ["=HYPERLINK(\"http://x\",\"y\")", "@SUM(1)", "-1+2", "+x", "ok", "-3"]
    assert _csv_cell(-3) == -3 and _csv_cell("\tx") == "'\tx"
