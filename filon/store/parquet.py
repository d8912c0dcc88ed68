"""Parquet datasets of the store's tables: the rows the Spark backend writes, and their load.

Layout of a directory written by `filon ingest --backend spark` (or `filon.backends.spark`)::

    DIR/documents/month=2025-02/part-….parquet      one dataset per store table, partitioned
    DIR/records/…  DIR/entities/…  DIR/mentions/…    by the article's publication month
    DIR/quotes/…  DIR/events/…  DIR/event_parties/…  (`month=unknown` when it has none)
    DIR/dates/…
    DIR/errors/part-….parquet                        file, line, reason of each failed article

Each dataset has the columns of its table (`TABLE_COLUMNS`, as `write_batch` inserts them) plus
`seq`, the article's place in the input (file index << 32 | position in the file), so DuckDB reads
them directly (`read_parquet('DIR/quotes/**/*.parquet', hive_partitioning = true)`), and
`load_parquet` inserts them in input order: the store it gives equals the local ingest's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from filon.errors import Errors, InputError, StoreError
from filon.ingest.article import Article
from filon.store.copy_links import link_copies
from filon.store.duckdb_store import _SET_DIRTY, TABLE_COLUMNS, Store, _reason, record_rows
from filon.store.schema import migrate, rollback

ERRORS = "errors"
UNKNOWN_MONTH = "unknown"
SEQ_BITS = 32  # positions in one input file; more JSON lines than 4e9 in a file is not a case
# a column's kind in the Parquet files: DuckDB type -> kind; anything else (VARCHAR, JSON, a DATE
# that may hold a malformed date, cast on load as write_batch does) is text
_KINDS = {"INTEGER": "int", "BIGINT": "long", "BOOLEAN": "bool", "DOUBLE": "double"}
ERROR_COLUMNS: list[tuple[str, str]] = [("source", "str"), ("line", "int"), ("reason", "str"),
                                        ("seq", "long")]
_MONTH = re.compile(r"^(\d{4}-\d{2})")


def columns(table: str) -> list[str]:
    """The columns of `table` as `write_batch` inserts them (quotes of "end" removed)."""
    return [name.strip().strip('"') for name in TABLE_COLUMNS[table][0].split(",")]


def column_kinds() -> dict[str, list[tuple[str, str]]]:
    """Dataset -> [(column, kind)], kind one of str/int/long/bool/double, `seq` (and `month`) last.

    Read from the schema the migrations create, so a column added to the store is written too.
    """
    con = duckdb.connect(":memory:")
    try:
        migrate(con)
        kinds: dict[str, list[tuple[str, str]]] = {}
        for table in TABLE_COLUMNS:
            types = dict(con.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?",
                [table]).fetchall())
            kinds[table] = ([(c, _KINDS.get(types[c], "str")) for c in columns(table)]
                            + [("seq", "long"), ("month", "str")])
    finally:
        con.close()
    kinds[ERRORS] = list(ERROR_COLUMNS)
    return kinds


def month_of(published: str | None) -> str:
    """The partition of an article: YYYY-MM of its publication date, or `unknown`."""
    match = _MONTH.match(published or "")
    return match.group(1) if match else UNKNOWN_MONTH


def article_rows(article: Article, record: dict, model: str | None,
                 seq: int) -> Iterator[tuple[str, tuple]]:
    """(dataset, row) of every row one article gives, each row ending with `seq` and `month`."""
    month = month_of(record.get("published") or article.published)
    for table, rows in record_rows(article, record, model).items():
        for row in rows:
            yield table, (*row, seq, month)


def error_row(error: InputError, seq: int) -> tuple:
    """The `errors` row of one article or file that failed."""
    return (error.source, error.line, error.message, seq)


@dataclass(slots=True)
class LoadReport:
    """What `load_parquet` did: new documents, documents already stored, the run's errors."""

    new: int = 0
    already_stored: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)
    agreements: int = 0


def _files(directory: Path, dataset: str) -> list[str]:
    return sorted(str(p) for p in (directory / dataset).glob("**/*.parquet"))


def read_errors(directory: str | Path) -> list[InputError]:
    """The `errors` dataset of a Parquet directory, in input order."""
    files = _files(Path(directory), ERRORS)
    if not files:
        return []
    con = duckdb.connect(":memory:")
    try:
        rows = con.execute("SELECT source, line, reason FROM read_parquet(?) ORDER BY seq, source",
                           [files]).fetchall()
    finally:
        con.close()
    return [InputError(source, reason, line=line) for source, line, reason in rows]


def read_records(directory: str | Path) -> list[dict]:
    """The extraction records of a Parquet directory, first copy of each id, in input order."""
    files = _files(Path(directory), "records")
    if not files:
        return []
    con = duckdb.connect(":memory:")
    try:
        rows = con.execute(
            "SELECT record FROM read_parquet(?) QUALIFY row_number() OVER (PARTITION BY doc_id"
            " ORDER BY seq) = 1 ORDER BY seq", [files]).fetchall()
    finally:
        con.close()
    return [json.loads(row[0]) for row in rows]


def load_parquet(directory: str | Path, store: Store) -> LoadReport:
    """Merge a Parquet directory into `store` in one transaction, then relink agreements.

    Idempotent: a document already in the store (same id) is skipped with all its rows, so
    loading the same directory twice stores nothing new. Within the directory the first copy of
    an id in input order wins, and an identity's first description wins, as in `write_batch`.
    """
    directory = Path(directory)
    if not (directory / "documents").is_dir():
        raise StoreError(Errors.F208.format(path=directory))
    report = LoadReport(errors=read_errors(directory))
    documents = _files(directory, "documents")
    con = store.con
    try:
        con.execute("BEGIN TRANSACTION")
        if documents:
            # the articles of this load: first copy of each id, and only ids the store lacks
            con.execute(
                "CREATE OR REPLACE TEMP TABLE _filon_load AS SELECT id, seq FROM ("
                " SELECT id, seq, row_number() OVER (PARTITION BY id ORDER BY seq) AS copy"
                " FROM read_parquet(?, hive_partitioning = true)) AS p"
                " WHERE copy = 1 AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = p.id)",
                [documents])
            report.new = con.execute("SELECT count(*) FROM _filon_load").fetchone()[0]
            distinct = con.execute("SELECT count(DISTINCT id) FROM read_parquet(?)",
                                   [documents]).fetchone()[0]
            report.already_stored = distinct - report.new
        if report.new:
            for table in TABLE_COLUMNS:
                report.rows[table] = _insert(con, table, _files(directory, table))
            con.execute(_SET_DIRTY, ["true"])
            # the loaded articles are linked as a batch of `write_batch` is: agreements by the
            # refresh below, copies against the copy index now
            con.execute("INSERT INTO link_pending SELECT id FROM _filon_load")
            loaded = con.execute("SELECT d.id, d.text, d.lang FROM documents d JOIN _filon_load l"
                                 " ON l.id = d.id WHERE d.status = 'processed' ORDER BY l.seq").fetchall()
            for start in range(0, len(loaded), 256):
                link_copies(con, loaded[start:start + 256])
        con.execute("DROP TABLE IF EXISTS _filon_load")
        con.execute("COMMIT")
    except duckdb.Error as exc:
        rollback(con)
        raise StoreError(Errors.F201.format(path=store.path, reason=_reason(exc))) from exc
    if report.new or store.agreements_dirty:
        report.agreements = store.refresh_agreements()
    else:
        report.agreements = store.counts()["agreements"]
    return report


def _insert(con: duckdb.DuckDBPyConnection, table: str, files: list[str]) -> int:
    """Insert the rows of `table` that belong to the articles of this load, in input order."""
    if not files:
        return 0
    names = columns(table)
    _, casts = TABLE_COLUMNS[table]
    quoted = ", ".join(f'p."{name}" AS c{i}' for i, name in enumerate(names))
    select = ", ".join(casts.get(i, f"c{i}") for i in range(len(names)))
    source = (f"SELECT {quoted}, p.seq AS seq FROM read_parquet(?, hive_partitioning = true) AS p"
              " WHERE p.seq IN (SELECT seq FROM _filon_load)")
    if table == "entities":
        # one row per identity: the first description in input order, unless the store has one
        source = (f"SELECT * FROM ({source}) QUALIFY row_number() OVER (PARTITION BY c0 ORDER BY seq) = 1")
    conflict = " ON CONFLICT DO NOTHING" if table == "entities" else ""
    before = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    con.execute(f"INSERT INTO {table} ({TABLE_COLUMNS[table][0]}) SELECT {select} FROM ({source})"
                f" ORDER BY seq{conflict}", [files])
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] - before
