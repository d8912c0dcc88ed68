"""DuckDB schema, applied as numbered migrations recorded in `_filon_migrations`.

Each migration runs in its own transaction (as sqlite-utils' migrations do), so a database
opened by a newer filon is upgraded in place and an interrupted upgrade leaves no half table.
"""

from __future__ import annotations

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


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply pending migrations in order; returns the versions applied."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS _filon_migrations "
        "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM _filon_migrations").fetchall()}
    applied = []
    for version, name, fn in sorted(MIGRATIONS, key=lambda m: m[0]):
        if version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            fn(con)
            con.execute("INSERT INTO _filon_migrations (version, name) VALUES (?, ?)", [version, name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied
