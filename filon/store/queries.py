"""Read queries behind `filon query`, `filon timeline`, `filon briefing` and `filon sql`.

Each returns a `Table` (column names + rows) so the CLI can print it as a table, JSON Lines or
CSV without knowing the query.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from filon.domains.folding import fold
from filon.domains.gazetteer import Gazetteer
from filon.errors import Errors, StoreError


@dataclass(slots=True)
class Table:
    columns: list[str]
    rows: list[tuple]

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def _table(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> Table:
    cur = con.execute(sql, params or [])
    return Table([d[0] for d in cur.description], cur.fetchall())


def resolve_actor_ids(con: duckdb.DuckDBPyConnection, gaz: Gazetteer, name: str,
                      on: date | None = None) -> list[str]:
    """Identity ids a user's NAME may denote: any alias or language, a role, or a stored name."""
    ids: list[str] = []
    for actor in (gaz.actor(name), gaz.lookup(name), gaz.role(name, on), gaz.metonymy(name)):
        if actor is not None and actor.id not in ids:
            ids.append(actor.id)
    if not ids:
        # unknown to the gazetteer: per-corpus identities stored from the articles
        rows = con.execute(
            "SELECT DISTINCT entity_id FROM mentions WHERE entity_id IS NOT NULL AND "
            "(lower(name) = lower(?) OR lower(text) = lower(?) OR entity_id = ?)",
            [name, name, name],
        ).fetchall()
        ids = [r[0] for r in rows]
    return ids


def actors(con: duckdb.DuckDBPyConnection, label: str | None = None, limit: int = 50) -> Table:
    """Actors by number of mentions, with the number of articles naming them."""
    sql = (
        "SELECT m.entity_id AS id, any_value(m.name) AS name, any_value(m.label) AS label,"
        " count(*) AS mentions, count(DISTINCT m.doc_id) AS articles"
        " FROM mentions m WHERE m.entity_id IS NOT NULL"
    )
    params: list = []
    if label:
        sql += " AND m.label = ?"
        params.append(label.upper())
    sql += " GROUP BY m.entity_id ORDER BY mentions DESC, name LIMIT ?"
    params.append(limit)
    return _table(con, sql, params)


def mentions(con: duckdb.DuckDBPyConnection, gaz: Gazetteer, actor: str, limit: int = 100) -> Table:
    """Every mention of an actor (any alias), with its offsets and context."""
    ids = resolve_actor_ids(con, gaz, actor)
    return _table(
        con,
        "SELECT m.doc_id, d.published, m.start, m.\"end\", m.text, m.kind, m.entity_id, m.name,"
        " substr(d.text, greatest(m.start - 60, 0) + 1,"
        "        least(m.\"end\" + 60, length(d.text)) - greatest(m.start - 60, 0)) AS context"
        " FROM mentions m JOIN documents d ON d.id = m.doc_id"
        " WHERE list_contains(?, m.entity_id) OR list_contains(?, m.refers_to_id)"
        " ORDER BY d.published, m.doc_id, m.start LIMIT ?",
        [ids, ids, limit],
    )


def articles(con: duckdb.DuckDBPyConnection, limit: int = 100) -> Table:
    """Stored articles with counts of what was extracted from each."""
    return _table(
        con,
        "SELECT d.id, d.published, d.outlet, d.lang, d.status, d.title,"
        " (SELECT count(*) FROM mentions m WHERE m.doc_id = d.id) AS mentions,"
        " (SELECT count(*) FROM quotes q WHERE q.doc_id = d.id) AS quotes,"
        " (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events,"
        " d.source"
        " FROM documents d ORDER BY d.published NULLS LAST, d.id LIMIT ?",
        [limit],
    )


def quotes(
    con: duckdb.DuckDBPyConnection,
    gaz: Gazetteer,
    speaker: str | None = None,
    since: str | None = None,
    until: str | None = None,
    search: str | None = None,
    kind: str | None = None,
    limit: int = 1000,
) -> Table:
    """Quotes and statements, filtered by speaker (any alias or role), date, text and kind."""
    where, params = ["TRUE"], []
    if speaker:
        ids = resolve_actor_ids(con, gaz, speaker)
        where.append("(list_contains(?, q.speaker_id) OR lower(q.speaker_name) = lower(?))")
        params += [ids, speaker]
    if since:
        where.append("q.published >= TRY_CAST(? AS DATE)")
        params.append(since)
    if until:
        where.append("q.published <= TRY_CAST(? AS DATE)")
        params.append(until)
    if search:
        where.append("strip_accents(lower(q.text)) LIKE '%' || strip_accents(lower(?)) || '%'")
        params.append(search)
    if kind:
        where.append("q.kind = ?")
        params.append(kind)
    params.append(limit)
    return _table(
        con,
        "SELECT q.published, q.speaker_name AS speaker, q.speaker_id, q.kind, q.cue, q.text,"
        " q.doc_id, q.start, q.\"end\", q.speaker_text"
        f" FROM quotes q WHERE {' AND '.join(where)}"
        " ORDER BY q.published NULLS LAST, q.doc_id, q.start LIMIT ?",
        params,
    )


def events(
    con: duckdb.DuckDBPyConnection,
    gaz: Gazetteer,
    type_: str | None = None,
    status: str | None = None,
    party: str | None = None,
    agreement: str | None = None,
    limit: int = 1000,
) -> Table:
    """Events with their parties, filtered by type, status, party (any alias) and agreement."""
    where, params = ["TRUE"], []
    if type_:
        where.append("e.type = ?")
        params.append(type_)
    if status:
        where.append("e.status = ?")
        params.append(status)
    if party:
        ids = [gaz.state_of(i).id if gaz.state_of(i) else i
               for i in resolve_actor_ids(con, gaz, party)]
        where.append(
            "EXISTS (SELECT 1 FROM event_parties p WHERE p.doc_id = e.doc_id AND"
            " p.event_idx = e.idx AND (list_contains(?, p.party_id) OR lower(p.name) = lower(?)))"
        )
        params += [ids, party]
    if agreement:
        where.append("e.agreement_id = ?")
        params.append(agreement)
    params.append(limit)
    return _table(
        con,
        "SELECT e.date, e.type, e.status, e.negated, e.modality,"
        " (SELECT string_agg(p.name, ' & ' ORDER BY p.name) FROM event_parties p"
        "  WHERE p.doc_id = e.doc_id AND p.event_idx = e.idx) AS parties,"
        " e.subject, e.claimed_by_name AS claimed_by, e.agreement_id,"
        " substr(d.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS evidence,"
        " e.doc_id, e.evidence_start, e.evidence_end"
        f" FROM events e JOIN documents d ON d.id = e.doc_id WHERE {' AND '.join(where)}"
        " ORDER BY e.date NULLS LAST, e.doc_id, e.idx LIMIT ?",
        params,
    )


def agreements(con: duckdb.DuckDBPyConnection) -> Table:
    """Every agreement with its latest status."""
    return _table(
        con,
        "SELECT agreement_id, name, latest_status, first_date, last_date, parties"
        " FROM agreements ORDER BY last_date DESC NULLS LAST, agreement_id",
    )


_STEP_KEYS = ("date", "status", "claimed_by", "article_id", "evidence_start", "evidence_end",
              "event_index")


def _step(step: list | dict) -> dict:
    """A history step as a dict (`filon.linking.agreements` stores them as tuples, see its docstring)."""
    return step if isinstance(step, dict) else dict(zip(_STEP_KEYS, step, strict=False))


def find_agreements(con: duckdb.DuckDBPyConnection, query: str | None) -> list[dict]:
    """Agreements whose id or name matches `query` (all when None), with their history."""
    rows = _table(con, "SELECT * FROM agreements ORDER BY agreement_id").dicts()
    out = []
    needle = fold(query) if query else None
    for row in rows:
        if needle and needle not in fold(row["agreement_id"]) and needle not in fold(row["name"] or ""):
            continue
        for key in ("parties", "resources", "history"):
            row[key] = json.loads(row[key]) if row[key] else []
        row["history"] = [_step(step) for step in row["history"]]
        out.append(row)
    return out


def timeline(con: duckdb.DuckDBPyConnection, query: str | None = None) -> Table:
    """Status history of the matching agreements in date order, each step with its evidence."""
    steps = []
    found = find_agreements(con, query)
    # one read of the documents the steps cite, not one query per step
    doc_ids = sorted({step.get("article_id") for agr in found for step in agr["history"]} - {None})
    docs = {row[0]: row[1:] for row in con.execute(
        "SELECT id, title, url, outlet, text FROM documents WHERE list_contains(?, id)", [doc_ids]
    ).fetchall()}
    for agr in found:
        for step in agr["history"]:
            title, url, outlet, text = docs.get(step.get("article_id"), (None, None, None, None))
            start, end = step.get("evidence_start"), step.get("evidence_end")
            evidence = text[start:end] if text is not None and start is not None and end is not None else None
            steps.append((
                agr["agreement_id"], agr["name"], step.get("date"), step.get("status"),
                step.get("claimed_by"),
                evidence, step.get("article_id"), title, outlet, url,
                step.get("evidence_start"), step.get("evidence_end"),
            ))
    steps.sort(key=lambda s: (s[0], s[2] or "9999"))
    return Table(
        ["agreement_id", "agreement", "date", "status", "claimed_by", "evidence", "article_id",
         "title", "outlet", "url", "evidence_start", "evidence_end"],
        steps,
    )


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
