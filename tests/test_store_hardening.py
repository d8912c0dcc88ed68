"""Issue 12 on real DuckDB files: `filon sql` stays read-only, the store's schema version, refused
files, the agreements dirty flag, `filon doctor`, and write failures named by their cause."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from filon.cli import app
from filon.errors import StoreError
from filon.ingest.article import Article
from filon.store import Store, readonly_sql
from filon.store.schema import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
TEXT = "Kiev et Washington ont signé mercredi l'accord sur les terres rares, selon Kiev."


def _record(article: Article, agreement: bool = True) -> dict:
    events = [{"type": "agreement", "status": "signed", "subject": "minerals",
               "parties": [{"name": "Ukraine", "id": "Q212"}, {"name": "United States", "id": "Q30"}],
               "resources": [{"name": "rare earths"}], "date": "2025-04-30", "agreement_id": "local:1",
               "evidence": {"start": 0, "end": len(article.text)}, "negated": False,
               "modality": "asserted"}] if agreement else []
    return {"id": article.id, "lang": "fr", "published": "2025-04-30", "entities": [],
            "quotes": [], "events": events, "dates": []}


@pytest.fixture()
def db(tmp_path) -> Path:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        article = Article(text=TEXT, published="2025-04-30", lang="fr")
        store.write_batch([(article, _record(article))])
        store.refresh_agreements()
    return path


def _sql(db: Path, statement: str, *extra: str):
    return runner.invoke(app, ["sql", statement, "--db", str(db), *extra])


# --- filon sql --------------------------------------------------------------------------------


@pytest.mark.issue(12)
@pytest.mark.parametrize(("statement", "named"), [
    ("SELECT 1; COPY (SELECT 1) TO 'x.csv'", "exactly one statement"),
    ("COPY (SELECT 1) TO 'x.csv'", "COPY"),
    ("EXPLAIN ANALYZE COPY (SELECT 1) TO 'x.csv'", "EXPLAIN ANALYZE COPY"),
    ("EXPLAIN COPY (SELECT 1) TO 'x.csv'", "EXPLAIN COPY"),
    ("EXPLAIN ANALYZE INSERT INTO entities VALUES ('a', 'b', 'c', 'd', 'e')", "EXPLAIN ANALYZE INSERT"),
    ("ATTACH 'other.duckdb' AS o", "ATTACH"),
    ("DETACH o", "DETACH"),
    ("INSTALL httpfs", "INSTALL"),
    ("LOAD httpfs", "LOAD"),
    ("SET enable_external_access = true", "SET"),
    ("RESET enable_external_access", "RESET"),
    ("PRAGMA enable_profiling", "PRAGMA"),
    ("EXPORT DATABASE 'dump'", "EXPORT"),
    ("IMPORT DATABASE 'dump'", "IMPORT"),
    ("CALL pragma_version()", "CALL"),
    ("DROP TABLE documents", "DROP"),
])
def test_store_sql_refuses_all_but_one_read_only_query(db, tmp_path, monkeypatch, statement, named):
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    result = _sql(db, statement)
    assert result.exit_code != 0
    assert isinstance(result.exception, StoreError)
    assert named in str(result.exception)
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no file written


@pytest.mark.issue(12)
def test_store_sql_cannot_read_other_files(db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for statement in ("SELECT * FROM read_csv('/etc/passwd')",
                      "SELECT * FROM read_text('/etc/hostname')",
                      "SELECT * FROM 'x.parquet'"):
        result = _sql(db, statement)
        assert result.exit_code != 0, statement
        assert "disabled by configuration" in str(result.exception) or "SQL error" in str(
            result.exception)
    assert "root:" not in result.output


@pytest.mark.issue(12)
@pytest.mark.parametrize("statement", [
    "SELECT count(*) AS n FROM documents",
    "WITH d AS (SELECT id FROM documents) SELECT count(*) FROM d",
    "FROM documents SELECT id",
    "DESCRIBE documents",
    "SHOW TABLES",
    "SUMMARIZE documents",
    "EXPLAIN SELECT * FROM documents",
    "EXPLAIN ANALYZE SELECT * FROM documents",
    "/* a comment */ SELECT 1;",
])
def test_store_sql_runs_read_only_queries(db, statement):
    result = _sql(db, statement, "-f", "json")
    assert result.exit_code == 0, result.output


@pytest.mark.issue(12)
def test_store_sql_connection_is_sandboxed(db):
    with Store(db, read_only=True) as store:
        with pytest.raises(duckdb.Error, match="locked"):
            store.con.execute("SET enable_external_access = true")
        with pytest.raises(StoreError, match="F202"):
            readonly_sql.sql(store.con, "SET enable_external_access = true")


# --- schema version, refused files -------------------------------------------------------------


@pytest.mark.issue(12)
def test_store_records_schema_version_in_filon_meta(db):
    con = duckdb.connect(str(db), read_only=True)
    value = con.execute("SELECT value FROM filon_meta WHERE key = 'schema_version'").fetchone()[0]
    con.close()
    assert int(value) == SCHEMA_VERSION


@pytest.mark.issue(12)
def test_store_unversioned_store_is_stamped_and_upgraded(db):
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE _filon_migrations")
    con.execute("DROP TABLE filon_meta")
    con.close()
    with Store(db) as store:
        assert store.version == SCHEMA_VERSION
        assert store.counts()["documents"] == 1
        assert store.agreements_dirty  # what an old run left cannot be trusted
    con = duckdb.connect(str(db))
    versions = sorted(r[0] for r in con.execute("SELECT version FROM _filon_migrations").fetchall())
    assert versions == list(range(1, SCHEMA_VERSION + 1))
    con.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.issue(12)
def test_store_newer_schema_is_refused_and_left_untouched(db):
    con = duckdb.connect(str(db))
    con.execute("UPDATE filon_meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    digest = _digest(db)
    with pytest.raises(StoreError, match="F206") as info:
        Store(db)
    assert str(db) in str(info.value) and "newer filon" in str(info.value)
    with pytest.raises(StoreError, match="F206"):
        Store(db, read_only=True)
    assert _digest(db) == digest
    assert not Path(str(db) + ".wal").exists()


def _cli_line(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "filon.cli", *args], capture_output=True,
                          text=True, cwd=ROOT)


@pytest.mark.issue(12)
@pytest.mark.parametrize("content", [b"", b"not a database at all\n" * 50, "truncated"])
def test_store_non_duckdb_or_truncated_file_refused_in_one_line(tmp_path, db, content):
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(db.read_bytes()[:100] if content == "truncated" else content)
    digest = _digest(bad)
    for command in (["query", "actors"], ["sql", "SELECT 1"], ["ingest", "-"]):
        proc = _cli_line(*command, "--db", str(bad))
        assert proc.returncode == 2, proc.stderr
        assert "Traceback" not in proc.stderr
        lines = [line for line in proc.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and str(bad) in lines[0] and "F205" in lines[0], proc.stderr
    assert _digest(bad) == digest


@pytest.mark.issue(12)
def test_store_foreign_duckdb_database_refused(tmp_path):
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE invoices (n INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="F207"):
        Store(other)


# --- agreements dirty flag ----------------------------------------------------------------------


@pytest.mark.issue(12)
def test_store_batch_marks_agreements_dirty_until_refreshed(tmp_path):
    with Store(tmp_path / "d.duckdb") as store:
        store.refresh_agreements()
        assert not store.agreements_dirty
        article = Article(text=TEXT, published="2025-04-30", lang="fr")
        store.write_batch([(article, _record(article))])
        assert store.agreements_dirty
        assert store.counts()["agreements"] == 0
        store.refresh_agreements()
        assert not store.agreements_dirty
        assert store.counts()["agreements"] == 1


@pytest.mark.issue(12)
def test_store_failed_batch_leaves_dirty_flag_as_it_was(tmp_path):
    with Store(tmp_path / "d.duckdb") as store:
        store.refresh_agreements()
        article = Article(text=TEXT, published="2025-04-30", lang="fr")
        record = _record(article)
        record["events"][0]["type"] = None  # NOT NULL column: the batch fails
        with pytest.raises(StoreError):
            store.write_batch([(article, record)])
        assert not store.agreements_dirty
        assert store.counts()["documents"] == 0


# --- doctor ---------------------------------------------------------------------------------------


@pytest.mark.issue(12)
def test_store_doctor_passes_a_consistent_store(db):
    result = runner.invoke(app, ["doctor", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"version {SCHEMA_VERSION}" in result.output and "documents 1" in result.output
    assert "FAIL" not in result.output


@pytest.mark.issue(12)
def test_store_doctor_finds_stale_and_dangling_agreements(db):
    con = duckdb.connect(str(db))
    con.execute("DELETE FROM agreements")
    con.execute("UPDATE filon_meta SET value = 'true' WHERE key = 'agreements_dirty'")
    con.close()
    result = runner.invoke(app, ["doctor", "--db", str(db)])
    assert result.exit_code == 1
    assert "FAIL agreement links" in result.output and "FAIL agreements fresh" in result.output


@pytest.mark.issue(12)
def test_store_doctor_reports_missing_and_foreign_files(tmp_path):
    assert runner.invoke(app, ["doctor", "--db", str(tmp_path / "none.duckdb")]).exit_code == 1
    junk = tmp_path / "junk.duckdb"
    junk.write_text("junk\n" * 100)
    result = runner.invoke(app, ["doctor", "--db", str(junk)])
    assert result.exit_code == 1 and "cannot open" in result.output


# --- write failures ---------------------------------------------------------------------------------


@pytest.mark.issue(12)
def test_store_unwritable_path_gives_clean_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    target = blocker / "s.duckdb"  # a path under a regular file: no one can create it, not even root
    proc = _cli_line("ingest", str(ROOT / "examples" / "english-sample.jsonl"), "--db", str(target))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "no transaction is active" not in proc.stderr
    assert str(target) in proc.stderr and "Not a directory" in proc.stderr


class _FailingCommit:
    """A real connection whose COMMIT fails as on a full disk (DuckDB raises IOException)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con

    def execute(self, sql: str, *args, **kwargs):
        if sql == "COMMIT":
            self._con.execute("ROLLBACK")  # DuckDB ends the transaction when a commit fails
            raise duckdb.IOException('Could not write file "s.duckdb.wal": No space left on device')
        return self._con.execute(sql, *args, **kwargs)

    def __getattr__(self, name: str):
        return getattr(self._con, name)


@pytest.mark.issue(12)
def test_store_failed_commit_names_cause_not_rollback_error(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        real = store.con
        store.con = _FailingCommit(real)  # type: ignore[assignment]
        article = Article(text=TEXT, published="2025-04-30", lang="fr")
        with pytest.raises(StoreError) as info:
            store.write_batch([(article, _record(article))])
        assert "No space left on device" in str(info.value)
        assert "no transaction is active" not in str(info.value)
        store.con = real
        assert store.counts()["documents"] == 0
