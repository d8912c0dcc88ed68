"""Issue 12: one article never takes its batch down: pipeline exceptions, time budget, texts over
nlp.max_length (run in parts), dying workers; workers die with their parent; Ctrl-C keeps committed batches.

A blank French pipeline with one test component stands in for the model: what is under test is
the backend's isolation, and it runs in a fraction of a second.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from typer.testing import CliRunner

from filon import jobs
from filon.backends.local import LocalBackend
from filon.cli import app
from filon.ingest.article import Article
from filon.store import Store

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


@Language.component("filon_test_saboteur")
def _saboteur(doc):
    """Raises on BOUM, sleeps on LENT, dies on MEURS, is interrupted on STOP."""
    if "BOUM" in doc.text:
        raise RuntimeError("sabotage")
    if "LENT" in doc.text:
        time.sleep(30)
    if "MEURS" in doc.text:
        os._exit(3)
    if "STOP" in doc.text:
        raise KeyboardInterrupt
    return doc


@pytest.fixture()
def saboteur() -> Language:
    nlp = spacy.blank("fr")
    nlp.add_pipe("filon_test_saboteur")
    return nlp


def _articles(*texts: str) -> list[Article]:
    return [Article(text=f"Article {i} : {t}", lang="fr", source=f"in.jsonl:{i + 1}")
            for i, t in enumerate(texts)]


def _run(backend: LocalBackend, articles: list[Article]):
    errors = []
    records = [r for _, r in backend.run(articles, on_error=errors.append)]
    return records, errors


@pytest.mark.issue(12)
@pytest.mark.parametrize("n_process", [1, 2])
def test_backends_exception_fails_only_its_article(saboteur, n_process):
    articles = _articles("bon", "BOUM", "bon aussi", "encore bon")
    records, errors = _run(LocalBackend(nlp=saboteur, batch_size=4, n_process=n_process), articles)
    assert [r["id"] for r in records] == [a.id for a in articles if "BOUM" not in a.text]
    [error] = errors
    assert error.source == "in.jsonl" and error.line == 2
    assert "F014" in error.message and "RuntimeError: sabotage" in error.message


@pytest.mark.issue(12)
@pytest.mark.parametrize("n_process", [1, 2])
def test_backends_article_over_time_budget_is_reported(saboteur, n_process):
    articles = _articles("bon", "LENT", "bon aussi")
    backend = LocalBackend(nlp=saboteur, batch_size=3, n_process=n_process, max_article_seconds=0.3)
    started = time.monotonic()
    records, errors = _run(backend, articles)
    assert time.monotonic() - started < 10
    assert len(records) == 2
    [error] = errors
    assert error.line == 2 and "F013" in error.message and "0.3 s" in error.message


@Language.component("filon_test_slow_part")
def _slow_part(doc):
    """Takes 0.25 s on every doc (article or part of one) holding "pas"."""
    if "pas" in doc.text:
        time.sleep(0.25)
    return doc


@pytest.mark.issue(12)
def test_backends_time_budget_is_per_part_of_a_long_text():
    nlp = spacy.blank("fr")
    nlp.add_pipe("filon_test_slow_part")
    nlp.max_length = 2_000
    [long, short] = _articles("pas à pas. " * 500, "pas " * 200)  # 3 parts; 1 part
    backend = LocalBackend(nlp=nlp, batch_size=1, max_article_seconds=0.4)
    records, errors = _run(backend, [long, short])
    assert not errors and len(records[0]["chunks"]) == 3 and len(records) == 2
    backend.max_article_seconds = 0.1
    records, errors = _run(backend, [long, short])
    assert not records and len(errors) == 2
    assert "over 0.3 s on this article (3 parts of a long text, 0.1 s each)" in errors[0].message
    assert "over 0.1 s on this article (--max-article-seconds)" in errors[1].message


@pytest.mark.issue(12)
def test_backends_text_over_max_length_runs_in_parts(saboteur):
    saboteur.max_length = 200
    articles = _articles("bon", "x " * 150, "bon aussi")
    records, errors = _run(LocalBackend(nlp=saboteur, batch_size=8), articles)
    assert not errors and [r["id"] for r in records] == [a.id for a in articles]
    chunks = records[1]["chunks"]
    assert len(chunks) == 2 and all(end - start <= 200 for start, end in chunks)
    assert chunks[0][0] == 0 and chunks[-1][1] == len(articles[1].text)
    assert "chunks" not in records[0]  # a text under the limit runs whole, as before


@pytest.mark.issue(12)
def test_backends_dead_worker_fails_its_batch_and_the_run_goes_on(saboteur):
    articles = _articles("a", "b", "MEURS", "c", "d", "e")
    # workers get half batches (2 articles here): the dead worker's chunk is MEURS and its neighbour
    records, errors = _run(LocalBackend(nlp=saboteur, batch_size=4, n_process=2), articles)
    assert {e.line for e in errors} == {3, 4}
    assert all("F015" in e.message for e in errors)
    assert len(records) == 4


@pytest.mark.issue(12)
def test_backends_workers_die_with_their_parent(tmp_path):
    script = tmp_path / "parent.py"
    script.write_text(textwrap.dedent("""
        import sys, time, spacy
        from filon.backends.local import LocalBackend
        from filon.ingest.article import Article

        backend = LocalBackend(nlp=spacy.blank("fr"), n_process=2, batch_size=1)
        run = backend.run([Article(text="Un.", lang="fr"), Article(text="Deux.", lang="fr")])
        next(run)  # the pool is up
        import multiprocessing
        print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
        time.sleep(60)
    """))
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True,
                              cwd=ROOT)
    try:
        pids = [int(p) for p in parent.stdout.readline().split()]
        assert pids, "no worker started"
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()

    def alive(pid: int) -> bool:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split()[2]
        except FileNotFoundError:
            return False
        return state not in ("Z", "X")  # a zombie has died, waiting for init to reap it

    deadline = time.monotonic() + 10
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(p) for p in pids)


def _jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.issue(12)
def test_backends_hostile_json_lines_fail_alone(saboteur, tmp_path):
    good = [json.dumps({"text": f"Texte numéro {i} sur les terres rares.", "lang": "fr"})
            for i in range(3)]
    src = _jsonl(tmp_path / "in.jsonl", [
        good[0],
        '{"text": "Un texte \\ud800 cassé", "lang": "fr"}',
        "[" * 100_000,
        '{"text": "Titre cassé mais texte sain.", "title": "t\\udc80", "outlet": "\\ud800",'
        ' "url": "https://x.fr/\\ud800", "id": "\\udfff", "lang": "fr"}',
        good[1],
        '{"text": "BOUM dans le pipeline", "lang": "fr"}',
        good[2],
    ])
    report = jobs.ingest([src], tmp_path / "s.duckdb", LocalBackend(nlp=saboteur))
    lines = {e.line: e.message for e in report.failed}
    assert set(lines) == {2, 3, 6}
    assert "lone surrogate \\ud800" in lines[2] and "nested too deeply" in lines[3]
    assert "F014" in lines[6]
    assert all(e.source == str(src) for e in report.failed)
    assert report.new == 4
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        [(title, outlet, source_id)] = store.con.execute(
            "SELECT title, outlet, source_id FROM documents WHERE text LIKE 'Titre%'").fetchall()
    assert (title, outlet, source_id) == ("t\ufffd", "\ufffd", "\ufffd")


@pytest.mark.issue(12)
@pytest.mark.parametrize("n_process", [1, 2])
def test_backends_ctrl_c_exits_130_and_keeps_committed_batches(saboteur, tmp_path, monkeypatch,
                                                               n_process):
    lines = [json.dumps({"text": f"Article numéro {i} sur le lithium.", "lang": "fr"})
             for i in range(70)]
    lines.append(json.dumps({"text": "STOP ici", "lang": "fr"}))
    src = _jsonl(tmp_path / "in.jsonl", lines)
    monkeypatch.setattr("filon.cli.run.make_backend",
                        lambda *a, **k: LocalBackend(nlp=saboteur, n_process=n_process))
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["ingest", str(src), "--db", str(db), "-q"])
    assert result.exit_code == 130
    assert "interrupted" in result.output and "Traceback" not in result.output
    with Store(db) as store:
        assert store.counts()["documents"] == 64  # the first commit (jobs commit every 64)
        # each committed batch is linked right after its commit (issue 13): nothing left stale
        assert not store.agreements_dirty
        assert store.con.execute("SELECT count(*) FROM link_pending").fetchone()[0] == 0
