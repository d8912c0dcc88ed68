"""`filon sql`: one read-only statement on the store, checked before it runs.

The store is opened read-only with file access and extensions disabled; this check refuses what
would still escape (several statements, COPY, ATTACH, SET, …) with a clear reason.
"""

from __future__ import annotations

import re

import duckdb

from filon.errors import Errors, StoreError
from filon.store.queries import Table, _table

# Statement types `filon sql` runs. DuckDB's parser types DESCRIBE, SHOW, SUMMARIZE, FROM-first
# and VALUES queries as SELECT; EXPLAIN is checked on the statement it wraps.
_ALLOWED_TYPES = frozenset({"SELECT"})
_EXPLAIN = re.compile(r"^\s*EXPLAIN\b(?:\s+ANALY[SZ]E\b)?(?:\s*\([^)]*\))?", re.IGNORECASE)
_LEADING_COMMENTS = re.compile(r"^(?:\s+|--[^\n]*(?:\n|$)|/\*.*?\*/)*", re.DOTALL)
ALLOWED_SQL = "SELECT, WITH, FROM, VALUES, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN [ANALYZE] of those"


def _keyword(query: str) -> str:
    """The statement's opening keyword(s) as the user wrote them: "INSTALL", "EXPLAIN ANALYZE"."""
    words = _LEADING_COMMENTS.sub("", query).split(None, 2)
    if words and words[0].upper() == "EXPLAIN" and len(words) > 1 and words[1].upper().startswith(
            "ANALY"):
        return "EXPLAIN ANALYZE"
    return words[0].upper().rstrip(";") if words else ""


def _check_statement(con: duckdb.DuckDBPyConnection, statement: str) -> str | None:
    """None when `statement` is one allowed query, else the name of what is refused.

    The name is the keyword the user wrote ("INSTALL", "RESET"), with DuckDB's statement type
    when it differs: DuckDB types INSTALL as LOAD and IMPORT as PRAGMA.
    """
    try:
        parsed = con.extract_statements(statement)
    except duckdb.Error as exc:
        raise StoreError(f"SQL error: {str(exc).splitlines()[0]}") from exc
    if len(parsed) != 1:
        raise StoreError(Errors.F204.format(n=len(parsed)))
    kind = parsed[0].type.name
    if kind == "EXPLAIN":
        # EXPLAIN ANALYZE runs the statement it wraps: judge that one
        query = _LEADING_COMMENTS.sub("", parsed[0].query)
        match = _EXPLAIN.match(query)
        inner = query[match.end():] if match else ""
        try:
            wrapped = con.extract_statements(inner) if inner.strip() else []
        except duckdb.Error:
            wrapped = []
        if len(wrapped) == 1 and wrapped[0].type.name in _ALLOWED_TYPES:
            return None
        inner_name = _keyword(inner) if wrapped else "an unreadable statement"
        return f"{_keyword(query)} {inner_name}"
    if kind in _ALLOWED_TYPES:
        return None
    word = _keyword(parsed[0].query)
    return word if word == kind else f"{word} ({kind.replace('_', ' ')})"


def sql(con: duckdb.DuckDBPyConnection, statement: str) -> Table:
    """Run exactly one read-only statement; see `ALLOWED_SQL`.

    The type check is the first guard; the CLI also opens the store read-only with external
    access disabled and the configuration locked, so a statement the check misses still cannot
    touch files, extensions or settings.
    """
    refused = _check_statement(con, statement)
    if refused is not None:
        raise StoreError(Errors.F202.format(kind=refused, allowed=ALLOWED_SQL))
    try:
        return _table(con, statement)
    except duckdb.Error as exc:
        raise StoreError(f"SQL error: {exc}") from exc
