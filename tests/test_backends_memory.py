"""Issue 12: the per-article memory budget (`--max-article-memory`). An article whose processing
would add more than the budget to its process becomes one error line (F017, file, line, budget),
the rest of its batch is stored once, and the process gives the memory back.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from test_backends_isolation import _articles
from typer.testing import CliRunner

from filon.backends.limits import format_size, parse_size, resident_bytes
from filon.backends.local import LocalBackend
from filon.cli import app
from filon.store import Store

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
runner = CliRunner()
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the memory budget reads /proc/self/statm (Linux)")


@pytest.fixture()
def glutton() -> Language:
    """A blank French pipeline whose one component eats memory: the backend is under test."""
    nlp = spacy.blank("fr")
    nlp.add_pipe("filon_test_glutton")
    return nlp


@Language.component("filon_test_glutton")
def _glutton(doc):
    """Holds 8 MB more at every step on GROS (Python code: the watchdog can interrupt it);
    asks for 1 GB in one C call on ENORME (only the hard limit can stop it)."""
    if "GROS" in doc.text:
        held = [bytearray(8 * 2**20) for _ in range(200)]
        del held
    if "ENORME" in doc.text:
        held = bytearray(2**30)
        del held
    return doc


@pytest.mark.issue(12)
def test_backends_memory_sizes_parse_in_powers_of_1024():
    assert parse_size("2G") == 2 * 2**30 and parse_size("512MiB") == 512 * 2**20
    assert parse_size("1.5 gb") == 3 * 2**29 and parse_size("4096") == 4096 and parse_size("0") == 0
    assert format_size(2**30) == "1 GiB" and format_size(200 * 2**20) == "200 MiB"
    for bad in ("", "deux", "2X", "-1G"):
        with pytest.raises(ValueError):
            parse_size(bad)


@linux_only
@pytest.mark.issue(12)
@pytest.mark.parametrize("n_process", [1, 2])
@pytest.mark.parametrize("word", ["GROS", "ENORME"])
def test_backends_article_over_memory_budget_is_reported(glutton, n_process, word):
    articles = _articles("bon", word, "bon aussi", "encore bon")
    backend = LocalBackend(nlp=glutton, batch_size=4, n_process=n_process,
                           max_article_memory=100 * 2**20)
    before = resident_bytes()
    errors: list = []
    records = [r for _, r in backend.run(articles, on_error=errors.append)]
    assert [r["id"] for r in records] == [a.id for a in articles if word not in a.text]
    [error] = errors
    assert error.source == "in.jsonl" and error.line == 2
    assert "F017" in error.message and "100 MiB" in error.message
    if n_process == 1:  # the memory the article took is given back to the system
        assert resident_bytes() - before < 100 * 2**20


@pytest.mark.issue(12)
def test_backends_no_memory_budget_lets_the_article_through(glutton):
    backend = LocalBackend(nlp=glutton, batch_size=2, max_article_memory=None)
    errors: list = []
    records = [r for _, r in backend.run(_articles("bon", "GROS"), on_error=errors.append)]
    assert len(records) == 2 and not errors


def _long_prose(size: int) -> str:
    texts = [p.read_text(encoding="utf-8").split("---\n", 1)[-1] for p in sorted(EXAMPLES.glob("*.txt"))]
    out: list[str] = []
    while sum(map(len, out)) < size:
        out.append(texts[len(out) % len(texts)])
    return "\n\n".join(out)


@linux_only
@pytest.mark.issue(12)
def test_cli_ingest_article_over_memory_budget_is_one_error_line(tmp_path):
    """The real pipeline: 90,000 characters of prose (in two parts) add about 0.2 GB; articles
    of a few thousand characters add tens of MB."""
    src = tmp_path / "in"
    src.mkdir()
    small = sorted(EXAMPLES.glob("2025-0[2-3]*.txt"))
    for path in small:
        shutil.copy(path, src / path.name)
    big = src / "zz-long.txt"
    big.write_text("title: Long\npublished: 2025-03-01\n---\n" + _long_prose(90_000),
                   encoding="utf-8")
    db = tmp_path / "s.duckdb"
    args = ["ingest", str(src), "--db", str(db), "-q", "--max-article-memory", "40M"]
    first = runner.invoke(app, args)
    assert first.exit_code == 1, first.output
    [line] = [ln for ln in first.output.splitlines() if ln.startswith("error")]
    assert str(big) in line and "[F017]" in line and "40 MiB" in line
    assert "--max-article-memory" in line and "Traceback" not in first.output
    assert f"new {len(small)} " in first.output and "failed 1 " in first.output
    again = runner.invoke(app, args)
    assert "new 0 " in again.output and f"already stored {len(small)} " in again.output
    assert "failed 1 " in again.output
    with Store(db, read_only=True) as store:
        assert store.counts()["documents"] == len(small)
        titles = [t for (t,) in store.con.execute("SELECT title FROM documents").fetchall()]
    assert "Long" not in titles and len(set(titles)) == len(small)


@pytest.mark.issue(12)
def test_cli_max_article_memory_refuses_a_bad_size(tmp_path):
    result = runner.invoke(app, ["extract", str(EXAMPLES), "--max-article-memory", "beaucoup"])
    assert result.exit_code == 2 and "not a size" in result.output


@pytest.mark.issue(12)
def test_cli_ingest_help_names_the_budgets():
    out = runner.invoke(app, ["ingest", "--help"], env={"COLUMNS": "200"}).output
    for option in ("--max-article-memory", "--max-article-seconds", "--max-chunk-chars"):
        assert option in out
