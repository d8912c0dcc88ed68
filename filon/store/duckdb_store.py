"""The DuckDB store: one file, idempotent ingest, one transaction per batch.

Rows are derived from extraction records (DESIGN.md); the full record is kept too, in
`records`. Agreements are linked incrementally (`agreement_links.py`): each batch lists its
articles in `link_pending`, and the refresh reads only those records.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb

from filon.errors import Errors, StoreError
from filon.ingest.article import Article
from filon.store.copy_links import link_copies
from filon.store.schema import SCHEMA_VERSION, migrate, rollback, stored_version

# Read-only connections (queries, `filon sql`) cannot reach files, extensions or settings: a
# statement that slips past the SQL check still cannot read /etc/passwd or write a CSV.
SANDBOX = {"enable_external_access": False, "lock_configuration": True}
# DuckDB keeps every block a query has read in its buffers until its memory limit (by default
# 80 % of the machine's memory): a batch that reads the store's copy index and link tables would
# leave the process holding memory in proportion to the store. Under a limit that follows the
# batch, those reads stream through the buffers instead.
BATCH_MEMORY_BASE = 96 * 2**20
BATCH_MEMORY_PER_CHAR = 16  # a character of text: the text, its record's JSON and its rows, twice
_NOT_DUCKDB = ("not a valid DuckDB database file", "Could not read enough bytes", "Corrupt",
               "corrupt", "checksum")


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _reason(exc: BaseException) -> str:
    """The first line of a DuckDB error: its cause, without the LINE/caret context."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _open_error(path: str, exc: duckdb.Error) -> StoreError:
    reason = _reason(exc)
    if any(marker in reason for marker in _NOT_DUCKDB):
        return StoreError(Errors.F205.format(path=path, reason=reason))
    return StoreError(Errors.F201.format(path=path, reason=reason))


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(path, read_only=read_only, config=dict(SANDBOX) if read_only else {})
    except duckdb.Error as exc:
        raise _open_error(path, exc) from exc


def _check_version(con: duckdb.DuckDBPyConnection, path: str) -> int:
    """The store's schema version; refuses a database filon did not write, or a newer filon did."""
    try:
        version = stored_version(con)
    except duckdb.Error as exc:
        raise _open_error(path, exc) from exc
    if version is None:
        raise StoreError(Errors.F207.format(path=path))
    if version > SCHEMA_VERSION:
        raise StoreError(Errors.F206.format(path=path, found=version, known=SCHEMA_VERSION))
    return version


class Store:
    """A filon DuckDB database.

    Args:
        path: the database file (created when missing unless `read_only`).
        read_only: open without write access (queries, `filon sql`).
    """

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._limited = False  # `limit_memory` was called
        exists = self.path != ":memory:" and Path(self.path).exists()
        if read_only and self.path != ":memory:" and not exists:
            raise StoreError(Errors.F203.format(path=self.path))
        if exists and not read_only:
            # judged on a read-only connection first: a store from a newer filon, or a file that
            # is not filon's, is never opened for writing (opening alone may checkpoint it)
            try:
                probe = duckdb.connect(self.path, read_only=True, config=dict(SANDBOX))
            except duckdb.Error as exc:
                if "different configuration" not in str(exc):
                    raise _open_error(self.path, exc) from exc
                # this process already holds the file open for writing (`filon serve --writable`
                # ingesting a post): it was judged when that connection was opened
                probe = None
            if probe is not None:
                with probe:
                    _check_version(probe, self.path)
        self.con = _connect(self.path, read_only)
        try:
            self.version = _check_version(self.con, self.path)
            if not read_only:
                migrate(self.con)
                self.version = SCHEMA_VERSION
        except duckdb.Error as exc:
            self.con.close()
            raise StoreError(Errors.F201.format(path=self.path, reason=_reason(exc))) from exc
        except StoreError:
            self.con.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._limited:
            # the limit holds for every connection of this process to the file (`filon serve
            # --writable` keeps one open): it ends with the batches it was set for
            with contextlib.suppress(duckdb.Error):
                self.con.execute("RESET memory_limit")
        self.con.close()

    def limit_memory(self, items: Sequence[tuple[Article, dict]]) -> None:
        """Set DuckDB's memory limit (for this database, in this process) to what writing and
        linking `items` needs, so that it does not grow with the store's size; `close` puts
        DuckDB's default back."""
        self._limited = True
        chars = sum(len(article.text) for article, _ in items)
        limit = BATCH_MEMORY_BASE + BATCH_MEMORY_PER_CHAR * chars
        self.con.execute(f"SET memory_limit = '{limit // 2**20}MB'")

    # -- reading ---------------------------------------------------------------------------

    @property
    def agreements_dirty(self) -> bool:
        """True when a batch was committed but the agreements were not recomputed after it."""
        if self.version < 2:
            return True  # a store of the first releases could have been left so; refresh is cheap
        row = self.con.execute("SELECT value FROM filon_meta WHERE key = 'agreements_dirty'").fetchone()
        return bool(row) and row[0] == "true"

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of `ids` already stored."""
        ids = list(ids)
        if not ids:
            return set()
        rows = self.con.execute(
            "SELECT id FROM documents WHERE list_contains(?, id)", [ids]
        ).fetchall()
        return {r[0] for r in rows}

    def all_ids(self) -> set[str]:
        """Every stored document id (the Spark backend skips them before the pipeline)."""
        return {r[0] for r in self.con.execute("SELECT id FROM documents").fetchall()}

    def counts(self) -> dict[str, int]:
        """Row count of every table."""
        tables = ["documents", "records", "entities", "mentions", "quotes", "events",
                  "event_parties", "dates", "agreements"]
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def records(self, with_events_only: bool = False) -> list[dict]:
        """Every stored extraction record."""
        sql = "SELECT record FROM records"
        if with_events_only:
            sql += " WHERE json_array_length(json_extract(record, '$.events')) > 0"
        return [json.loads(r[0]) for r in self.con.execute(sql).fetchall()]

    # -- writing ---------------------------------------------------------------------------

    def write_batch(
        self, items: Sequence[tuple[Article, dict]], model: str | None = None
    ) -> int:
        """Store a batch of (article, record) pairs in one transaction; returns how many were new.

        Articles already stored (same id) are skipped, so re-running an ingest adds nothing.
        A record with a "skipped" key stores the document with status `skipped` and no layers.
        """
        con = self.con
        try:
            con.execute("BEGIN TRANSACTION")
            known = self.known_ids(a.id for a, _ in items)
            rows = _Rows()
            for article, record in items:
                if article.id in known:
                    continue
                known.add(article.id)
                rows.add(article, record, model)
            rows.insert(con)
            if rows.linkable:
                con.execute("INSERT INTO link_pending SELECT unnest(?)", [rows.linkable])
            link_copies(con, rows.bodies)
            if rows.documents:
                # in the batch's own transaction: whatever stops the run before the refresh,
                # the next run sees that agreements are stale and recomputes them
                con.execute(_SET_DIRTY, ["true"])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            rollback(con)
            raise StoreError(Errors.F201.format(path=self.path, reason=_reason(exc))) from exc
        return rows.documents

    def refresh_agreements(self, rebuild: bool = False) -> int:
        """Link the articles stored since the last refresh to their agreements; with `rebuild`
        (or once after an upgrade from a store without link tables) relink the whole store,
        wire copies included.

        Only the agreements the new articles can join are read and rewritten. Returns the number
        of agreements. Runs in one transaction: readers never see a half refreshed table.
        """
        # imported here: cross-article linking is only needed after a batch with new events
        from filon.store.agreement_links import rebuild as forget_links
        from filon.store.agreement_links import relink
        from filon.store.copy_links import rebuild_copies

        con = self.con
        try:
            con.execute("BEGIN TRANSACTION")
            row = con.execute("SELECT value FROM filon_meta WHERE key = 'links_rebuild'").fetchone()
            if rebuild or (row and row[0] == "true"):
                forget_links(con)
                rebuild_copies(con)
            relink(con)
            con.execute(_SET_DIRTY, ["false"])
            con.execute("INSERT OR REPLACE INTO filon_meta VALUES ('links_rebuild', 'false')")
            con.execute("COMMIT")
        except duckdb.Error as exc:
            rollback(con)
            raise StoreError(Errors.F201.format(path=self.path, reason=_reason(exc))) from exc
        except BaseException:
            rollback(con)
            raise
        return con.execute("SELECT count(*) FROM agreements").fetchone()[0]


_SET_DIRTY = "INSERT OR REPLACE INTO filon_meta VALUES ('agreements_dirty', ?)"


# table -> (column list, select expression per column where it needs a cast)
_TABLES: dict[str, tuple[str, dict[int, str]]] = {
    "documents": ("id, source_id, url, outlet, lang, published, title, text, boilerplate, source,"
                  " status, skip_reason, model", {5: "TRY_CAST(c5 AS DATE)"}),
    "records": ("doc_id, record", {}),
    "entities": ("id, name, label, type, qid", {}),
    "mentions": ('doc_id, idx, start, "end", text, label, entity_id, name, kind, refers_to_id,'
                 " refers_to_name", {}),
    "quotes": ('doc_id, idx, kind, text, start, "end", speaker_id, speaker_name, speaker_text,'
               " speaker_start, speaker_end, cue, published, extra", {12: "TRY_CAST(c12 AS DATE)"}),
    "events": ('doc_id, idx, type, status, subject, date, agreement_id, evidence_start, evidence_end,'
               " negated, modality, claimed_by_id, claimed_by_name, extra", {}),
    "event_parties": ("doc_id, event_idx, party_id, name", {}),
    "dates": ('doc_id, idx, text, start, "end", value, granularity', {}),
}


def record_rows(article: Article, record: dict, model: str | None) -> dict[str, list[list]]:
    """The rows one article and its record give each table, in `TABLE_COLUMNS` order.

    The one mapping from records to rows: `write_batch` inserts them, the Parquet writer of the
    Spark backend (`filon.store.parquet`) writes them.
    """
    rows = _Rows()
    rows.add(article, record, model)
    return rows.tables


TABLE_COLUMNS = _TABLES
"""table -> (its columns as inserted, SQL cast of the column at an index where one is needed)."""


class _Rows:
    """The rows of a batch of records, table by table, inserted with one statement per table.

    DuckDB runs `executemany` one row at a time (about 75 ms per article with its mentions,
    quotes and events); one INSERT of unnested column lists per table costs about the same as
    one row.
    """

    def __init__(self) -> None:
        self.tables: dict[str, list[list]] = {name: [] for name in _TABLES}
        self.entity_ids: set[str] = set()
        self.documents = 0
        self.linkable: list[str] = []  # articles with events, for the next agreement refresh
        # (id, text, lang) of the processed articles, for copies and translations
        self.bodies: list[tuple[str, str, str | None]] = []

    def add(self, article: Article, record: dict, model: str | None) -> None:
        """Rows of one article and its record."""
        t = self.tables
        doc_id = article.id
        skipped = record.get("skipped")
        self.documents += 1
        t["documents"].append([
            doc_id, article.source_id, article.url, article.outlet, article.lang,
            record.get("published") or article.published, article.title, article.text,
            _json(article.boilerplate), article.source,
            "skipped" if skipped else "processed", skipped, None if skipped else model,
        ])
        t["records"].append([doc_id, _json(record)])
        if skipped:
            return
        self.bodies.append((doc_id, article.text, article.lang))
        if record.get("events"):
            self.linkable.append(doc_id)
        for i, ent in enumerate(record.get("entities", [])):
            refers = ent.get("refers_to") or {}
            t["mentions"].append([doc_id, i, ent["start"], ent["end"], ent["text"], ent.get("label"),
                                  ent.get("id"), ent.get("name"), ent.get("kind"),
                                  refers.get("id"), refers.get("name")])
            # the first description of an identity wins, as with ON CONFLICT DO NOTHING
            if ent.get("id") and ent["id"] not in self.entity_ids:
                self.entity_ids.add(ent["id"])
                qid = ent["id"] if str(ent["id"]).startswith("Q") else None
                t["entities"].append([ent["id"], ent.get("name"), ent.get("label"), ent.get("type"), qid])
        for i, q in enumerate(record.get("quotes", [])):
            sp = q.get("speaker") or {}
            extra = {k: v for k, v in q.items()
                     if k not in ("kind", "text", "start", "end", "speaker", "cue")}
            t["quotes"].append([doc_id, i, q["kind"], q.get("text"), q.get("start"), q.get("end"),
                                sp.get("id"), sp.get("name"), sp.get("text"), sp.get("start"),
                                sp.get("end"), q.get("cue"), record.get("published"), _json(extra)])
        for i, ev in enumerate(record.get("events", [])):
            evidence = ev.get("evidence") or {}
            claimed = ev.get("claimed_by") or {}
            extra = {k: v for k, v in ev.items() if k not in (
                "type", "status", "subject", "date", "agreement_id", "evidence", "parties",
                "negated", "modality", "claimed_by")}
            t["events"].append([doc_id, i, ev["type"], ev.get("status"), ev.get("subject"),
                                ev.get("date"), ev.get("agreement_id"), evidence.get("start"),
                                evidence.get("end"), ev.get("negated"), ev.get("modality"),
                                claimed.get("id"), claimed.get("name"), _json(extra)])
            for party in ev.get("parties") or []:
                t["event_parties"].append([doc_id, i, party.get("id"), party.get("name")])
        for i, d in enumerate(record.get("dates", [])):
            t["dates"].append([doc_id, i, d.get("text"), d.get("start"), d.get("end"), d.get("value"),
                               d.get("granularity")])

    def insert(self, con: duckdb.DuckDBPyConnection) -> None:
        """One INSERT per non-empty table, columns passed as lists and unnested side by side."""
        for table, rows in self.tables.items():
            if not rows:
                continue
            columns, casts = _TABLES[table]
            width = len(rows[0])
            select = ", ".join(casts.get(i, f"c{i}") for i in range(width))
            unnest = ", ".join(f"unnest(?) AS c{i}" for i in range(width))
            conflict = " ON CONFLICT DO NOTHING" if table == "entities" else ""
            con.execute(
                f"INSERT INTO {table} ({columns}) SELECT {select} FROM (SELECT {unnest}){conflict}",
                [list(column) for column in zip(*rows, strict=True)],
            )
