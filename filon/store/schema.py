"""DuckDB schema, applied as numbered migrations recorded in `_filon_migrations`.

Each migration runs in its own transaction (as sqlite-utils' migrations do), so a database
opened by a newer filon is upgraded in place and an interrupted upgrade leaves no half table.
The store's schema version is also kept in `filon_meta` (key `schema_version`), with the
`agreements_dirty` flag that says derived tables await a refresh.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import duckdb

Migration = Callable[[duckdb.DuckDBPyConnection], None]
MIGRATIONS: list[tuple[int, str, Migration]] = []


def migration(version: int, name: str) -> Callable[[Migration], Migration]:
    def register(fn: Migration) -> Migration:
        MIGRATIONS.append((version, name, fn))
        return fn

    return register


@migration(1, "initial tables")
def _initial(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """
        CREATE TABLE documents (
            id VARCHAR PRIMARY KEY,          -- sha256 of the normalized text
            source_id VARCHAR,               -- id given by the input (JSON Lines), if any
            url VARCHAR, outlet VARCHAR, lang VARCHAR, published DATE, title VARCHAR,
            text VARCHAR NOT NULL,
            boilerplate JSON,                -- [{start, end, kind}]
            source VARCHAR,                  -- file (and line) it was read from
            status VARCHAR NOT NULL,         -- processed | skipped
            skip_reason VARCHAR,
            model VARCHAR,
            ingested_at TIMESTAMP DEFAULT current_timestamp
        );
        CREATE TABLE records (doc_id VARCHAR PRIMARY KEY, record JSON NOT NULL);
        CREATE TABLE entities (
            id VARCHAR PRIMARY KEY, name VARCHAR, label VARCHAR, type VARCHAR, qid VARCHAR
        );
        CREATE TABLE mentions (
            doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, text VARCHAR NOT NULL,
            label VARCHAR, entity_id VARCHAR, name VARCHAR, kind VARCHAR,
            refers_to_id VARCHAR, refers_to_name VARCHAR,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE TABLE quotes (
            doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, kind VARCHAR NOT NULL,
            text VARCHAR, start INTEGER, "end" INTEGER,
            speaker_id VARCHAR, speaker_name VARCHAR, speaker_text VARCHAR,
            speaker_start INTEGER, speaker_end INTEGER, cue VARCHAR,
            published DATE, extra JSON,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE TABLE events (
            doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, type VARCHAR NOT NULL,
            status VARCHAR, subject VARCHAR, date VARCHAR, agreement_id VARCHAR,
            evidence_start INTEGER, evidence_end INTEGER,
            negated BOOLEAN, modality VARCHAR, claimed_by_id VARCHAR, claimed_by_name VARCHAR,
            extra JSON,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE TABLE event_parties (
            doc_id VARCHAR NOT NULL, event_idx INTEGER NOT NULL,
            party_id VARCHAR, name VARCHAR
        );
        CREATE TABLE dates (
            doc_id VARCHAR NOT NULL, idx INTEGER NOT NULL, text VARCHAR,
            start INTEGER, "end" INTEGER, value VARCHAR, granularity VARCHAR,
            PRIMARY KEY (doc_id, idx)
        );
        CREATE TABLE agreements (
            agreement_id VARCHAR PRIMARY KEY, name VARCHAR, parties JSON, resources JSON,
            first_date VARCHAR, last_date VARCHAR, latest_status VARCHAR, history JSON
        );
        """
    )


@migration(2, "filon_meta: schema version and the agreements dirty flag")
def _meta(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TABLE filon_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)")
    # a store upgraded from version 1 may hold agreements computed by an interrupted run
    con.execute("INSERT INTO filon_meta VALUES ('agreements_dirty', 'true')")


@migration(3, "fetch_state: what URL ingest remembers (feed validators, pages read)")
def _fetch_state(con: duckdb.DuckDBPyConnection) -> None:
    # a feed's row carries its ETag / Last-Modified; a page's row its article id, so a page
    # whose text was already stored under another URL is not downloaded again either
    con.execute(
        """
        CREATE TABLE IF NOT EXISTS fetch_state (
            url VARCHAR PRIMARY KEY, etag VARCHAR, last_modified VARCHAR, doc_id VARCHAR,
            checked_at TIMESTAMP DEFAULT current_timestamp
        )
        """
    )


@migration(4, "incremental linking (units, clusters, pending articles) and wire copies")
def _links(con: duckdb.DuckDBPyConnection) -> None:
    # what agreement linking needs, kept so that an ingest never re-reads stored records:
    # one row per unit (the events of one agreement in one article) and per cluster
    con.execute(
        """
        CREATE TABLE IF NOT EXISTS link_units (
            doc_id VARCHAR NOT NULL, first_idx INTEGER NOT NULL, family VARCHAR NOT NULL,
            day DATE, published VARCHAR, parties VARCHAR[] NOT NULL,
            unit JSON NOT NULL,              -- party ids, resources, per-event steps
            cluster VARCHAR NOT NULL         -- founder unit of its cluster: 'doc_id#first_idx'
        );
        CREATE TABLE IF NOT EXISTS link_clusters (
            cluster VARCHAR NOT NULL, family VARCHAR NOT NULL,
            founder_day DATE, founder_doc VARCHAR NOT NULL, founder_idx INTEGER NOT NULL,
            last_day DATE, parties VARCHAR[] NOT NULL,
            base VARCHAR NOT NULL, first_day DATE, agreement_id VARCHAR NOT NULL,
            plain_name VARCHAR NOT NULL, first_date VARCHAR
        );
        CREATE TABLE IF NOT EXISTS link_pending (doc_id VARCHAR NOT NULL);
        -- wire copies: MinHash band keys of every article's body (filon/linking/copies.py)
        CREATE TABLE IF NOT EXISTS copy_bands (band SMALLINT NOT NULL, key BIGINT NOT NULL,
                                               doc_id VARCHAR NOT NULL);
        ALTER TABLE documents ADD COLUMN IF NOT EXISTS copy_of VARCHAR;  -- earliest of its copies
        ALTER TABLE documents ADD COLUMN IF NOT EXISTS copy_similarity DOUBLE;
        ALTER TABLE documents ADD COLUMN IF NOT EXISTS copy_kind VARCHAR;  -- copy | rewrite | translation
        """
    )
    if con.execute("SELECT count(*) FROM documents").fetchone()[0]:
        # agreements of an older store were linked by a full pass: the next ingest rebuilds
        # the link tables from the stored records, once
        con.execute("INSERT OR REPLACE INTO filon_meta VALUES ('links_rebuild', 'true')")
        con.execute("INSERT OR REPLACE INTO filon_meta VALUES ('agreements_dirty', 'true')")


SCHEMA_VERSION = max(version for version, _, _ in MIGRATIONS)
"""The newest store schema this filon reads and writes."""
FILON_TABLES = ("documents", "records", "entities", "mentions", "quotes", "events",
                "event_parties", "dates", "agreements")
LINK_TABLES = ("link_units", "link_clusters", "link_pending", "copy_bands")


def table_names(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Tables of the main schema of the connection's database."""
    rows = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
        " AND schema_name = 'main'"
    ).fetchall()
    return {row[0] for row in rows}


def stored_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """Schema version of a store: 0 for an empty database, None when it is not a filon store.

    A store of the first filon releases has the tables but no version record: version 1.
    """
    tables = table_names(con)
    if not tables:
        return 0
    versions = [0]
    if "_filon_migrations" in tables:
        versions.append(con.execute("SELECT coalesce(max(version), 0) FROM _filon_migrations")
                        .fetchone()[0])
    if "filon_meta" in tables:
        row = con.execute("SELECT value FROM filon_meta WHERE key = 'schema_version'").fetchone()
        if row and str(row[0]).isdigit():
            versions.append(int(row[0]))
    if max(versions) == 0:
        return 1 if {"documents", "records"} <= tables else None
    return max(versions)


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply pending migrations in order; returns the versions applied.

    A store without `_filon_migrations` but with filon's tables predates versioning: it is
    stamped as version 1 rather than created again.
    """
    legacy = {"documents", "records"} <= table_names(con)
    con.execute(
        "CREATE TABLE IF NOT EXISTS _filon_migrations "
        "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM _filon_migrations").fetchall()}
    if legacy and not done:
        con.execute("INSERT INTO _filon_migrations (version, name) VALUES (1, 'initial tables (stamped)')")
        done.add(1)
    applied = []
    for version, name, fn in sorted(MIGRATIONS, key=lambda m: m[0]):
        if version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            fn(con)
            con.execute("INSERT INTO _filon_migrations (version, name) VALUES (?, ?)", [version, name])
            if version >= 2:
                con.execute("INSERT OR REPLACE INTO filon_meta VALUES ('schema_version', ?)",
                            [str(version)])
            con.execute("COMMIT")
        except Exception:
            rollback(con)
            raise
        applied.append(version)
    return applied


def rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back if a transaction is open; never raise, so the error that led here is the one shown.

    A failed COMMIT (disk full, read-only file) already ends the transaction, and a ROLLBACK
    after it raises "no transaction is active", which used to hide the real cause.
    """
    with contextlib.suppress(duckdb.Error):
        con.execute("ROLLBACK")
