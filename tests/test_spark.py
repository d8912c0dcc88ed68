"""The Spark backend in local mode (real Spark, real Java, real Parquet and DuckDB files): the same
records and the same store as the local backend, an idempotent `filon load`, and one error row
per bad article while the rest goes on."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from filon.store.parquet import UNKNOWN_MONTH, month_of

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TABLES = ("documents", "records", "entities", "mentions", "quotes", "events", "event_parties",
          "dates", "agreements")


@given(st.dates(), st.text(max_size=12))
def test_month_of_a_date_is_its_year_and_month(day, tail):
    assert month_of(day.isoformat() + tail) == day.isoformat()[:7]


@given(st.text(max_size=20).filter(lambda s: not (len(s) >= 7 and s[:4].isdigit() and s[4] == "-"
                                                    and s[5:7].isdigit())))
def test_month_of_anything_else_is_unknown(text):
    assert month_of(text) == UNKNOWN_MONTH
    assert month_of(None) == UNKNOWN_MONTH


def _require_spark() -> None:
    pytest.importorskip("pyspark", reason="pyspark missing: pip install -e '.[spark]' (make setup)")
    if shutil.which("java") or os.environ.get("JAVA_HOME"):
        return
    message = "java missing: make setup installs Debian's default-jre-headless (as root)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def spark():
    """One Spark session in local[2] for the module: its Python workers keep their pipeline."""
    _require_spark()
    from filon.backends.spark import SparkBackend

    backend = SparkBackend(master="local[2]", partitions=4,
                           config={"spark.ui.showConsoleProgress": "false"})
    yield backend
    backend.stop()


def _table(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple]:
    cols = [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall() if row[0] != "ingested_at"]
    select = ", ".join(f'"{c}"' for c in cols)
    return con.execute(f"SELECT {select} FROM {table} ORDER BY ALL").fetchall()


def _tables(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {table: _table(con, table) for table in TABLES}


@pytest.fixture(scope="module")
def ingested(spark, nlp, tmp_path_factory):
    """examples/ ingested by the local backend and by Spark (its Parquet kept)."""
    from filon import jobs
    from filon.backends.local import LocalBackend

    tmp = tmp_path_factory.mktemp("spark-ingest")
    local = jobs.ingest([EXAMPLES], tmp / "local.duckdb", LocalBackend(nlp=nlp))
    remote = jobs.spark_ingest([EXAMPLES], tmp / "spark.duckdb", spark, parquet_dir=tmp / "pq")
    return tmp, local, remote


@pytest.mark.slow
@pytest.mark.issue(13)
def test_spark_ingest_gives_the_store_of_the_local_backend(ingested):
    tmp, local, remote = ingested
    assert remote.as_dict() == local.as_dict()
    assert local.new > 10 and local.skipped_language > 0 and local.agreements > 0
    local_tables, spark_tables = _tables(tmp / "local.duckdb"), _tables(tmp / "spark.duckdb")
    for table in TABLES:
        assert spark_tables[table] == local_tables[table], table
        assert spark_tables[table], f"{table} is empty: the comparison proves nothing"


@pytest.mark.slow
@pytest.mark.issue(13)
def test_parquet_is_one_dataset_per_table_partitioned_by_month_and_read_by_duckdb(ingested):
    tmp, _, _ = ingested
    pq = tmp / "pq"
    with duckdb.connect(str(tmp / "spark.duckdb"), read_only=True) as con:
        for table in TABLES[:-1]:
            files = f"{pq / table}/**/*.parquet"
            # an identity is described by every article naming it; the store keeps the first
            count = "count(DISTINCT id)" if table == "entities" else "count(*)"
            n = con.execute(f"SELECT {count} FROM read_parquet('{files}', hive_partitioning = true)"
                            ).fetchone()[0]
            assert n == con.execute(f"SELECT count(*) FROM {table}").fetchone()[0], table
        # each document sits in the partition of its publication month
        rows = con.execute(
            f"SELECT p.month, d.published FROM read_parquet('{pq}/documents/**/*.parquet',"
            " hive_partitioning = true) p JOIN documents d ON d.id = p.id").fetchall()
    assert {month for month, _ in rows} >= {"2025-02", "2025-04"}
    for month, published in rows:
        assert month == (published.isoformat()[:7] if published else UNKNOWN_MONTH)


@pytest.mark.slow
@pytest.mark.issue(13)
def test_load_is_idempotent_and_gives_the_same_store(ingested):
    from filon.store import Store
    from filon.store.parquet import load_parquet

    tmp, local, _ = ingested
    before = _tables(tmp / "spark.duckdb")
    with Store(tmp / "spark.duckdb") as store:
        again = load_parquet(tmp / "pq", store)
    assert (again.new, again.already_stored) == (0, local.new)
    assert _tables(tmp / "spark.duckdb") == before
    # into an empty store: the same rows as the local ingest, agreements relinked
    with Store(tmp / "fresh.duckdb") as store:
        fresh = load_parquet(tmp / "pq", store)
    assert fresh.new == local.new and fresh.agreements == local.agreements
    assert _tables(tmp / "fresh.duckdb") == _tables(tmp / "local.duckdb")


@pytest.mark.slow
@pytest.mark.issue(13)
def test_spark_extract_writes_the_records_of_the_local_extract(spark, nlp):
    from filon import jobs
    from filon.backends.local import LocalBackend

    local_out, spark_out = io.StringIO(), io.StringIO()
    local = jobs.extract([EXAMPLES], local_out, LocalBackend(nlp=nlp))
    remote = jobs.spark_extract([EXAMPLES], spark_out, spark)
    assert spark_out.getvalue() == local_out.getvalue()
    assert remote.as_dict() == local.as_dict()
    records = [json.loads(line) for line in spark_out.getvalue().splitlines()]
    assert any(ev.get("agreement_id") for r in records for ev in r["events"])


@pytest.mark.slow
@pytest.mark.issue(13)
def test_bad_articles_become_error_rows_the_rest_is_stored_once(spark, tmp_path):
    from filon import jobs
    from filon.ingest import iter_articles
    from filon.store import Store

    example = EXAMPLES / "2025-02-24-poutine-offre-terres-rares.txt"
    [article] = iter_articles([example])
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(example, inputs / "a.txt")
    (inputs / "b.jsonl").write_text("\n".join([
        json.dumps({"text": "Le ministre a signé un accord avec Kiev lundi à Paris.", "lang": "fr",
                    "published": "2025-03-03"}),
        "{broken",
        json.dumps({"text": "Texte « " + "«" * 300, "lang": "fr"}),  # refused by the tokenizer guard
        json.dumps({"text": article.text}),  # a copy of a.txt
    ]) + "\n", encoding="utf-8")
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    report = jobs.spark_ingest([inputs], tmp_path / "s.duckdb", spark, parquet_dir=tmp_path / "pq")
    where = [(e.source.rsplit("/", 1)[-1], e.line, e.message[:6]) for e in report.failed]
    assert where == [("b.jsonl", 2, "[F006]"), ("b.jsonl", 3, "[F016]"), ("empty.txt", None, "[F002]")]
    assert (report.new, report.duplicates_in_input, report.read) == (2, 1, 4)
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.counts()["documents"] == 2
    # again into the same store: what it holds is skipped before the pipeline, errors stay
    again = jobs.spark_ingest([inputs], tmp_path / "s.duckdb", spark)
    assert (again.new, again.already_stored, again.read) == (0, 2, 4)
    assert [str(e) for e in again.failed] == [str(e) for e in report.failed]


def test_spark_refuses_stdin_and_processes_before_starting(tmp_path):
    from typer.testing import CliRunner

    from filon.cli import app

    runner = CliRunner()
    db = str(tmp_path / "x.duckdb")
    result = runner.invoke(app, ["ingest", "-", "--backend", "spark", "--db", db], input="texte")
    assert isinstance(result.exception, Exception) and "F105" in str(result.exception)
    result = runner.invoke(app, ["ingest", "examples", "--backend", "spark", "-p", "2", "--db", db])
    assert result.exit_code == 2 and "--processes" in result.output


@pytest.mark.slow
@pytest.mark.issue(13)
def test_filon_load_command_reports_and_is_idempotent(ingested, tmp_path):
    from typer.testing import CliRunner

    from filon.cli import app

    tmp, local, _ = ingested
    db = str(tmp_path / "cli.duckdb")
    runner = CliRunner()
    first = runner.invoke(app, ["load", str(tmp / "pq"), "--db", db])
    assert first.exit_code == 0, first.output
    assert f"new {local.new} · already stored 0" in first.output
    second = runner.invoke(app, ["load", str(tmp / "pq"), "--db", db])
    assert f"new 0 · already stored {local.new}" in second.output
    missing = runner.invoke(app, ["load", str(tmp_path), "--db", db])
    assert "F208" in str(missing.exception)
