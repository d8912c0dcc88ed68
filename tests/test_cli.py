"""End-to-end tests through the CLI: ingest, idempotency, bad input, extract, queries, docs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from filon.cli import app
from filon.errors import StoreError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
runner = CliRunner()

GOOD = (
    "title: Essai\noutlet: test\npublished: 2025-03-03\nlang: fr\n---\n"
    "KIEV, 3 mars 2025 (AFP) - Le président ukrainien Volodymyr Zelensky a assuré lundi que "
    "l'Ukraine restait prête à signer l'accord sur les minerais avec les États-Unis. "
    "« Nous sommes prêts à travailler », a-t-il déclaré à Kiev.\n"
)


def _invoke(*args: str):
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result


def _counts(db: Path) -> dict:
    result = _invoke("sql", "SELECT (SELECT count(*) FROM documents) AS d, (SELECT count(*) FROM "
                     "mentions) AS m, (SELECT count(*) FROM quotes) AS q, (SELECT count(*) FROM "
                     "events) AS e, (SELECT count(*) FROM dates) AS t", "--db", str(db), "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_cli_ingest_twice_gives_same_counts(tmp_path):
    db = tmp_path / "f.duckdb"
    first = _invoke("ingest", str(EXAMPLES), "--db", str(db), "-q")
    assert first.exit_code == 0, first.output
    counts = _counts(db)
    assert counts["d"] >= 10 and counts["m"] > 100 and counts["q"] > 10
    second = _invoke("ingest", str(EXAMPLES), "--db", str(db), "-q")
    assert second.exit_code == 0, second.output
    assert "new 0" in second.output
    assert _counts(db) == counts


@pytest.mark.slow
def test_cli_mixed_batch_stores_good_files_and_names_bad_ones(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (src / "feed.jsonl").write_text(
        json.dumps({"id": "a1", "text": "Pékin a annoncé mardi de nouvelles restrictions sur "
                    "les exportations de gallium et de germanium.", "lang": "fr",
                    "published": "2025-04-08"}) + "\n{broken\n", encoding="utf-8")
    (src / "page.html").write_text("<html><body><nav>menu</nav></body></html>", encoding="utf-8")
    db = tmp_path / "f.duckdb"
    result = _invoke("ingest", str(src), str(tmp_path / "missing.txt"), "--db", str(db), "-q")
    assert result.exit_code == 1
    out = result.output
    for name in ("empty.txt", "binary.txt", "feed.jsonl:2", "page.html", "missing.txt"):
        assert name in out, (name, out)
    docs = _invoke("sql", "SELECT source_id, published FROM documents ORDER BY source_id",
                   "--db", str(db), "-f", "json")
    rows = [json.loads(line) for line in docs.stdout.strip().splitlines()]
    assert len(rows) == 2
    assert {r["source_id"] for r in rows} == {"a1", None}
    # a second run with the same inputs adds nothing and loses nothing
    before = _counts(db)
    _invoke("ingest", str(src), "--db", str(db), "-q")
    assert _counts(db) == before


@pytest.mark.slow
def test_cli_extract_writes_contract_records_with_exact_offsets(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    feed = tmp_path / "b.jsonl"
    feed.write_text(json.dumps({"id": "art-7", "lang": "fr", "published": "2025-04-30",
                                "text": "Washington et Kiev ont signé mercredi l'accord sur les "
                                "minerais, a annoncé le gouvernement ukrainien."}) + "\n",
                    encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = _invoke("extract", str(src), str(feed), "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 2
    texts = {r["id"]: r for r in records}
    for record in records:
        assert set(record) >= {"id", "url", "outlet", "lang", "published", "title", "entities",
                               "quotes", "events", "dates"}
        assert record["id"].startswith("sha256:")
    assert [r.get("source_id") for r in records].count("art-7") == 1
    # offsets slice the stored text: the text is not in the record, so re-read it via ingest
    from filon.ingest import iter_articles

    for article in iter_articles([src, feed]):
        record = texts[article.id]
        for layer in ("entities", "quotes", "dates"):
            for item in record[layer]:
                assert article.text[item["start"]:item["end"]] == item["text"], (layer, item)


@pytest.mark.slow
def test_cli_queries_and_timeline_on_examples(tmp_path):
    db = tmp_path / "f.duckdb"
    assert _invoke("ingest", str(EXAMPLES), "--db", str(db), "-q").exit_code == 0
    by_fr = _invoke("query", "quotes", "--speaker", "Zelensky", "--db", str(db), "-f", "json")
    by_en = _invoke("query", "quotes", "--speaker", "Zelenskyy", "--db", str(db), "-f", "json")
    assert by_fr.stdout and by_fr.stdout == by_en.stdout
    csv_out = _invoke("query", "actors", "--db", str(db), "-f", "csv")
    assert csv_out.stdout.splitlines()[0] == "id,name,label,mentions,articles"
    timeline = _invoke("timeline", "--db", str(db), "-f", "json")
    steps = [json.loads(line) for line in timeline.stdout.strip().splitlines()]
    assert steps and all(s["evidence"] for s in steps)
    brief = _invoke("briefing", "--db", str(db))
    assert brief.exit_code == 0 and "filon briefing" in brief.output


def test_cli_sql_refuses_writes(tmp_path):
    from filon.store import Store

    db = tmp_path / "e.duckdb"
    Store(db).close()
    with pytest.raises(StoreError, match="F202"):
        runner.invoke(app, ["sql", "DROP TABLE documents", "--db", str(db)],
                      catch_exceptions=False)


def test_cli_user_errors_print_one_line_without_traceback(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "filon.cli", "query", "actors", "--db", str(tmp_path / "none.duckdb")],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert proc.returncode == 2
    assert "F203" in proc.stderr and "Traceback" not in proc.stderr


def _commands() -> list[list[str]]:
    import typer.main

    group = typer.main.get_command(app)
    out = []
    for name, cmd in group.commands.items():
        if hasattr(cmd, "commands"):
            out.extend([name, sub] for sub in cmd.commands)
        else:
            out.append([name])
    return out


@pytest.mark.parametrize("command", _commands(), ids=" ".join)
def test_cli_every_command_has_help_and_readme_docs(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert len(result.output) > 100
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"`filon {' '.join(command)}\b", readme) or re.search(
        rf"filon {command[0]} [^\n]*{command[-1]}", readme), f"README lacks `filon {' '.join(command)}`"


def test_cli_extract_max_chunk_chars_cuts_long_texts_with_whole_text_offsets(tmp_path):
    paragraph = ("Le ministre ukrainien a déclaré lundi à Kiev que l'accord avec les États-Unis "
                 "serait signé vendredi. « Nous sommes prêts », a-t-il ajouté.\n\n")
    text = paragraph * 30  # about 4,300 characters
    source = tmp_path / "long.txt"
    source.write_text("title: long\npublished: 2025-03-03\nlang: fr\n---\n" + text, encoding="utf-8")
    out = tmp_path / "r.jsonl"
    result = _invoke("extract", str(source), "-o", str(out), "-q", "--max-chunk-chars", "1000")
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text(encoding="utf-8"))
    assert len(record["chunks"]) >= 4
    assert record["quotes"] and all(text[q["start"]:q["end"]] == q["text"] for q in record["quotes"])
