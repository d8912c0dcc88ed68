"""`filon doctor`: check a store without changing it: version, tables, counts, consistency."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from filon.store.schema import FILON_TABLES, SCHEMA_VERSION, stored_version, table_names


@dataclass(frozen=True, slots=True)
class Check:
    """One line of the report; `ok` False is a problem (exit code 1)."""

    name: str
    ok: bool
    detail: str


# (name, SQL counting offending rows, what a non-zero count means)
_CONSISTENCY = (
    ("records", "SELECT count(*) FROM documents d WHERE NOT EXISTS "
     "(SELECT 1 FROM records r WHERE r.doc_id = d.id)", "documents without their record"),
    ("orphans", "SELECT (SELECT count(*) FROM mentions WHERE doc_id NOT IN (SELECT id FROM documents))"
     " + (SELECT count(*) FROM quotes WHERE doc_id NOT IN (SELECT id FROM documents))"
     " + (SELECT count(*) FROM events WHERE doc_id NOT IN (SELECT id FROM documents))",
     "mentions, quotes or events of no stored document"),
    ("agreement links", "SELECT count(*) FROM events e WHERE e.agreement_id IS NOT NULL AND "
     "e.agreement_id NOT IN (SELECT agreement_id FROM agreements)",
     "events pointing to an agreement that is not in the agreements table"),
    ("agreement events", "SELECT count(*) FROM agreements a WHERE NOT EXISTS "
     "(SELECT 1 FROM events e WHERE e.agreement_id = a.agreement_id)",
     "agreements that no stored event belongs to"),
)


def diagnose(path: str | Path) -> list[Check]:
    """Every check of the store at `path`, opened read-only with external access off."""
    path = str(path)
    if not Path(path).exists():
        return [Check("file", False, f"{path} does not exist")]
    try:
        con = duckdb.connect(path, read_only=True,
                             config={"enable_external_access": False, "lock_configuration": True})
    except duckdb.Error as exc:
        return [Check("file", False, f"cannot open {path}: {str(exc).splitlines()[0]}")]
    with con:
        return _checks(con)


def _checks(con: duckdb.DuckDBPyConnection) -> list[Check]:
    checks: list[Check] = []
    version = stored_version(con)
    if version is None:
        return [Check("schema", False, "a DuckDB database but not a filon store")]
    if version > SCHEMA_VERSION:
        return [Check("schema", False, f"version {version}, written by a newer filon "
                      f"(this one knows up to {SCHEMA_VERSION})")]
    note = "" if version == SCHEMA_VERSION else " (older: the next `filon ingest` upgrades it)"
    checks.append(Check("schema", True, f"version {version}{note}"))
    tables = table_names(con)
    missing = [t for t in FILON_TABLES if t not in tables]
    if missing:
        checks.append(Check("tables", False, "missing: " + ", ".join(missing)))
        return checks
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in FILON_TABLES}
    checks.append(Check("tables", True, " · ".join(f"{t} {n}" for t, n in counts.items())))
    for name, sql, meaning in _CONSISTENCY:
        bad = con.execute(sql).fetchone()[0]
        checks.append(Check(name, bad == 0, f"{bad} {meaning}" if bad else "consistent"))
    if "filon_meta" in tables:
        row = con.execute("SELECT value FROM filon_meta WHERE key = 'agreements_dirty'").fetchone()
        dirty = bool(row) and row[0] == "true" and counts["documents"] > 0
        checks.append(Check("agreements fresh", not dirty,
                            "stale: a run stopped before relinking; the next `filon ingest` "
                            "recomputes them" if dirty else "up to date with the stored events"))
    return checks
