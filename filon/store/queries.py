"""Read queries behind `filon query`, `filon timeline`, `filon briefing` and the web app
(`filon sql` is `filon.store.readonly_sql`).

Each returns a `Table` (column names + rows) so the CLI can print it as a table, JSON Lines or
CSV without knowing the query.
"""

from __future__ import annotations

import heapq
import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import duckdb

from filon.domains.folding import fold
from filon.domains.gazetteer import Gazetteer


@dataclass(slots=True)
class Table:
    columns: list[str]
    rows: list[tuple]
    # rows matching the query before limit/offset; None when the query was not paged
    total: int | None = None

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def _table(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> Table:
    cur = con.execute(sql, params or [])
    return Table([d[0] for d in cur.description], cur.fetchall())


def _page(con: duckdb.DuckDBPyConnection, sql: str, params: list, limit: int, offset: int) -> Table:
    """Rows `offset`..`offset + limit` of `sql`, with `total` = every row it matches."""
    table = _table(con, f"{sql} LIMIT ? OFFSET ?", [*params, limit, offset])
    if offset == 0 and len(table.rows) < limit:
        table.total = len(table.rows)  # the page holds everything: no second scan
    else:
        table.total = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
    return table


_FOLD_CLASSES = {"a": "[aàâäáã]", "c": "[cç]", "e": "[eéèêë]", "i": "[iîïíì]", "n": "[nñ]",
                 "o": "[oôöóò]", "u": "[uùûüú]", "y": "[yÿ]", "'": "['’]", "-": "[-‐–]", " ": r"\s+"}


def folded_pattern(text: str) -> str:
    """An RE2 pattern finding `text` with case and accents ignored ("pekin" finds "Pékin").

    Letters become classes of their accented forms: DuckDB runs such a regex about 50 times
    faster than `strip_accents(lower(column))` over every row.
    """
    out = []
    for char in fold(text) if text else "":
        out.append(_FOLD_CLASSES.get(char) or re.escape(char))
    return "(?i)" + "".join(out)


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


def actors(con: duckdb.DuckDBPyConnection, label: str | None = None, limit: int = 50,
           offset: int = 0, search: str | None = None) -> Table:
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
    if search:
        sql += (" AND m.entity_id IN (SELECT entity_id FROM mentions WHERE"
                " strip_accents(lower(name)) LIKE '%' || strip_accents(lower(?)) || '%'"
                " OR strip_accents(lower(text)) LIKE '%' || strip_accents(lower(?)) || '%')")
        params += [search, search]
    sql += " GROUP BY m.entity_id ORDER BY mentions DESC, name, id"
    return _page(con, sql, params, limit, offset)


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


def articles(con: duckdb.DuckDBPyConnection, limit: int = 100, offset: int = 0) -> Table:
    """Stored articles with counts of what was extracted from each."""
    return _page(
        con,
        "SELECT d.id, d.published, d.outlet, d.lang, d.status, d.title,"
        " (SELECT count(*) FROM mentions m WHERE m.doc_id = d.id) AS mentions,"
        " (SELECT count(*) FROM quotes q WHERE q.doc_id = d.id) AS quotes,"
        " (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events,"
        " d.source"
        " FROM documents d ORDER BY d.published NULLS LAST, d.id",
        [], limit, offset,
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
    offset: int = 0,
    speaker_id: str | None = None,
) -> Table:
    """Quotes and statements, filtered by speaker (any alias or role), date, text and kind."""
    where, params = ["TRUE"], []
    if speaker_id:
        where.append("q.speaker_id = ?")
        params.append(speaker_id)
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
        where.append("regexp_matches(q.text, ?)")
        params.append(folded_pattern(search))
    if kind:
        where.append("q.kind = ?")
        params.append(kind)
    return _page(
        con,
        "SELECT q.published, q.speaker_name AS speaker, q.speaker_id, q.kind, q.cue, q.text,"
        " q.doc_id, q.start, q.\"end\", q.speaker_text, q.idx"
        f" FROM quotes q WHERE {' AND '.join(where)}"
        " ORDER BY q.published NULLS LAST, q.doc_id, q.start",
        params, limit, offset,
    )


def events(
    con: duckdb.DuckDBPyConnection,
    gaz: Gazetteer,
    type_: str | None = None,
    status: str | None = None,
    party: str | None = None,
    agreement: str | None = None,
    limit: int = 1000,
    offset: int = 0,
    domain: str | None = None,
) -> Table:
    """Events with their parties, filtered by type, status, party (any alias), agreement and
    domain (trade, energy, …; see `filon.domains.taxonomy.DOMAINS`)."""
    where, params = ["TRUE"], []
    if domain:
        where.append(f"{_EVENT_DOMAIN} = ?")
        params.append(domain)
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
    where_sql = " AND ".join(where)
    order = "e.date NULLS LAST, e.doc_id, e.idx"
    # parties and evidence are computed for the rows of the page only, after it is cut
    table = _table(
        con,
        "SELECT e.date, e.type, e.status, e.negated, e.modality,"
        " (SELECT string_agg(p.name, ' & ' ORDER BY p.name) FROM event_parties p"
        "  WHERE p.doc_id = e.doc_id AND p.event_idx = e.idx) AS parties,"
        f" e.subject, {_EVENT_DOMAIN} AS domain, e.claimed_by_name AS claimed_by, e.agreement_id,"
        " substr(d.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS evidence,"
        " e.doc_id, e.evidence_start, e.evidence_end, e.idx"
        f" FROM (SELECT * FROM events e WHERE {where_sql} ORDER BY {order} LIMIT ? OFFSET ?) e"
        f" JOIN documents d ON d.id = e.doc_id ORDER BY {order}",
        [*params, limit, offset],
    )
    table.total = con.execute(f"SELECT count(*) FROM events e WHERE {where_sql}", params).fetchone()[0]
    return table


# The domain of an event is in its record's extra fields; an agreement's is the commonest
# domain of its events other than "other" (the taxonomy's fallback), else "other".
_EVENT_DOMAIN = "json_extract_string(e.extra, '$.domain')"
_AGREEMENT_DOMAIN = (
    f"(SELECT coalesce(mode({_EVENT_DOMAIN}) FILTER (WHERE {_EVENT_DOMAIN} <> 'other'),"
    f" max({_EVENT_DOMAIN})) FROM events e WHERE e.agreement_id = a.agreement_id)"
)


def agreement_domains(con: duckdb.DuckDBPyConnection) -> dict[str, str | None]:
    """agreement id -> its domain, for every agreement of the store."""
    return dict(con.execute(f"SELECT a.agreement_id, {_AGREEMENT_DOMAIN} FROM agreements a").fetchall())


def agreement_domains_of(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, str | None]:
    """agreement id -> its domain, for the agreements `ids`."""
    return dict(con.execute(f"SELECT a.agreement_id, {_AGREEMENT_DOMAIN} FROM agreements a"
                            " WHERE list_contains(?, a.agreement_id)", [ids]).fetchall())


def agreements(con: duckdb.DuckDBPyConnection) -> Table:
    """Every agreement with its latest status."""
    return _table(
        con,
        "SELECT agreement_id, name, latest_status, first_date, last_date, parties"
        " FROM agreements ORDER BY last_date DESC NULLS LAST, agreement_id",
    )


_STEP_KEYS = ("date", "status", "claimed_by", "article_id", "evidence_start", "evidence_end",
              "event_index", "confidence")


def _step(step: list | dict) -> dict:
    """A history step as a dict (`filon.linking.agreements` stores them as tuples, see its docstring)."""
    return step if isinstance(step, dict) else dict(zip(_STEP_KEYS, step, strict=False))


def find_agreements(con: duckdb.DuckDBPyConnection, query: str | None,
                    domain: str | None = None) -> list[dict]:
    """Agreements whose id or name matches `query` (all when None) and of `domain` (any when
    None), with their history and domain.

    Copies of one dispatch asserting one status on one date are one step, with `sources` (how
    many articles) and `outlets`; the step cites the group's earliest article when it is there.
    """
    rows = _table(con, "SELECT * FROM agreements ORDER BY agreement_id").dicts()
    domains = agreement_domains(con)
    out = []
    needle = fold(query) if query else None
    for row in rows:
        if needle and needle not in fold(row["agreement_id"]) and needle not in fold(row["name"] or ""):
            continue
        row["domain"] = domains.get(row["agreement_id"])
        if domain and row["domain"] != domain:
            continue
        for key in ("parties", "resources", "history"):
            row[key] = json.loads(row[key]) if row[key] else []
        row["history"] = [_step(step) for step in row["history"]]
        out.append(row)
    _merge_copies(con, out)
    return out


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    """The columns of `table`: a store opened read-only may predate a column (no migration)."""
    rows = con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ?",
                       [table]).fetchall()
    return {r[0] for r in rows}


def _merge_copies(con: duckdb.DuckDBPyConnection, found: list[dict]) -> None:
    """One step per (date, status, group of copies), with its sources and outlets."""
    doc_ids = sorted({step.get("article_id") for agr in found for step in agr["history"]} - {None})
    root = "coalesce(copy_of, id)" if "copy_of" in _columns(con, "documents") else "id"
    docs = {r[0]: (r[1], r[2]) for r in con.execute(
        f"SELECT id, {root}, outlet FROM documents WHERE list_contains(?, id)", [doc_ids]).fetchall()}
    for agr in found:
        merged: dict[tuple, dict] = {}
        seen: dict[tuple, int] = {}
        for step in agr["history"]:
            group, outlet = docs.get(step.get("article_id"), (step.get("article_id"), None))
            # two steps of one article stay two: the n-th of each copy merges with the n-th
            own = (step.get("date"), step.get("status"), step.get("article_id"))
            seen[own] = seen.get(own, 0) + 1
            key = (step.get("date"), step.get("status"), group, seen[own])
            first = merged.get(key)
            if first is None:
                merged[key] = first = {**step, "sources": 0, "outlets": [], "article_ids": []}
            elif step.get("article_id") == group:  # the original dispatch speaks for its copies
                first.update(step)
            first["sources"] += 1
            first["article_ids"].append(step.get("article_id"))
            if outlet and outlet not in first["outlets"]:
                first["outlets"].append(outlet)
        for step in merged.values():
            step["outlets"].sort()
        agr["history"] = list(merged.values())


def _steps(con: duckdb.DuckDBPyConnection, found: list[dict]) -> list[dict]:
    """Every history step of `found` agreements with its evidence text and source article."""
    # one read of the documents the steps cite, not one query per step
    doc_ids = sorted({step.get("article_id") for agr in found for step in agr["history"]} - {None})
    docs = {row[0]: row[1:] for row in con.execute(
        "SELECT id, title, url, outlet, text FROM documents WHERE list_contains(?, id)", [doc_ids]
    ).fetchall()}
    steps = []
    for agr in found:
        for step in agr["history"]:
            title, url, outlet, text = docs.get(step.get("article_id"), (None, None, None, None))
            start, end = step.get("evidence_start"), step.get("evidence_end")
            evidence = text[start:end] if text is not None and start is not None and end is not None else None
            steps.append({
                "agreement_id": agr["agreement_id"], "agreement": agr["name"],
                "date": step.get("date"), "status": step.get("status"),
                "claimed_by": step.get("claimed_by"), "evidence": evidence,
                "article_id": step.get("article_id"), "title": title, "outlet": outlet, "url": url,
                "evidence_start": start, "evidence_end": end, "event_index": step.get("event_index"),
                "sources": step.get("sources", 1),
                "outlets": step.get("outlets") or ([outlet] if outlet else []),
                "confidence": step.get("confidence"),
            })
    return steps


def timeline(con: duckdb.DuckDBPyConnection, query: str | None = None,
             domain: str | None = None) -> Table:
    """Status history of the matching agreements (and `domain`) in date order, each step with
    its evidence; copies of one dispatch are one step with `sources` and `outlets`."""
    columns = ["agreement_id", "agreement", "date", "status", "claimed_by", "evidence", "article_id",
               "title", "outlet", "url", "evidence_start", "evidence_end", "sources", "outlets",
               "confidence"]
    found = find_agreements(con, query, domain)
    steps = [tuple(", ".join(step[c]) if c == "outlets" else step[c] for c in columns)
             for step in _steps(con, found)]
    steps.sort(key=lambda s: (s[0], s[2] or "9999"))
    return Table(columns, steps)


# -- views of the web app and its JSON API (filon serve) -------------------------------------


@lru_cache(maxsize=1 << 14)
def day_of(value: str | None) -> date | None:
    """The first day an event date denotes: 2025-02-24, 2025-02 (month), 2025-W07 (ISO week)."""
    # cached: a timeline of thousands of steps holds a few hundred distinct dates
    if not value:
        return None
    try:
        if "-W" in value:
            year, week = value.split("-W", 1)
            return date.fromisocalendar(int(year), int(week[:2]), 1)
        parts = [int(p) for p in value[:10].split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None


def _decoded(row: dict, keys: tuple[str, ...] = ("parties", "resources", "history")) -> dict:
    for key in keys:
        if key in row:
            row[key] = json.loads(row[key]) if row[key] else []
    return row


def agreement_list(con: duckdb.DuckDBPyConnection, gaz: Gazetteer | None = None,
                   status: str | None = None, party: str | None = None, search: str | None = None,
                   limit: int = 50, offset: int = 0, domain_filter: str | None = None) -> Table:
    """Agreements with latest status, parties, domain and counts."""
    domain = _AGREEMENT_DOMAIN
    where, params = ["TRUE"], []
    if domain_filter:
        where.append(f"{_AGREEMENT_DOMAIN} = ?")
        params.append(domain_filter)
    if status:
        where.append("a.latest_status = ?")
        params.append(status)
    if party:
        ids = resolve_actor_ids(con, gaz, party) if gaz else []
        if gaz:
            ids += [gaz.state_of(i).id for i in ids if gaz.state_of(i)]
        # lower() of the whole JSON keeps its keys ("name", "id") and avoids a lambda, whose
        # syntax changed between DuckDB versions
        where.append("(list_has_any(json_extract_string(a.parties, '$[*].id'), ?) OR list_contains("
                     "json_extract_string(lower(a.parties), '$[*].name'), lower(?)))")
        params += [ids, party]
    if search:
        where.append("strip_accents(lower(coalesce(a.name, '') || ' ' || a.agreement_id))"
                     " LIKE '%' || strip_accents(lower(?)) || '%'")
        params.append(search)
    table = _page(
        con,
        "SELECT a.agreement_id, a.name, a.latest_status, a.first_date, a.last_date, a.parties,"
        f" a.resources, {domain} AS domain, json_array_length(a.history) AS steps,"
        " (SELECT count(*) FROM events e WHERE e.agreement_id = a.agreement_id) AS events,"
        " (SELECT count(DISTINCT e.doc_id) FROM events e WHERE e.agreement_id = a.agreement_id)"
        f" AS articles FROM agreements a WHERE {' AND '.join(where)}"
        " ORDER BY a.last_date DESC NULLS LAST, a.agreement_id",
        params, limit, offset,
    )
    table.rows = [tuple(_decoded(row).values()) for row in table.dicts()]
    return table


def _by_date(history: list) -> list[dict]:
    """History steps as dicts in date order (undated last; the stored order on ties)."""
    steps = [_step(step) for step in history]
    steps.sort(key=lambda s: (day_of(s.get("date")) or date.max, s.get("date") or ""))
    return steps


def agreement(con: duckdb.DuckDBPyConnection, agreement_id: str, limit: int | None = None,
              offset: int = 0) -> dict | None:
    """One agreement with its timeline (date, status, claimant, evidence and its offsets) in
    date order: `limit` steps from `offset` (all when None), out of `timeline_total`.

    Only the documents the page cites are read: an agreement followed by thousands of
    articles has thousands of steps.
    """
    found = _table(con, "SELECT * FROM agreements WHERE agreement_id = ?", [agreement_id]).dicts()
    if not found:
        return None
    agr = _decoded(found[0])
    agr["history"] = [_step(step) for step in agr["history"]]
    _merge_copies(con, [agr])
    steps = _by_date(agr["history"])
    agr["history"] = steps[offset:] if limit is None else steps[offset : offset + limit]
    agr["domain"] = agreement_domains_of(con, [agreement_id]).get(agreement_id)
    agr["timeline"] = [{k: v for k, v in s.items() if k not in ("agreement_id", "agreement")}
                       for s in _steps(con, [agr])]
    agr["timeline_total"], agr["timeline_limit"], agr["timeline_offset"] = len(steps), limit, offset
    del agr["history"]
    agr["events"], agr["articles"] = con.execute(
        "SELECT count(*), count(DISTINCT doc_id) FROM events WHERE agreement_id = ?", [agreement_id]
    ).fetchone()
    return agr


def actor(con: duckdb.DuckDBPyConnection, gaz: Gazetteer | None, actor_id: str,
          limit: int = 50) -> dict | None:
    """An actor: aliases, mentions per day, quotes, agreements and co-mentioned actors."""
    row = con.execute(
        "SELECT any_value(name), any_value(label), count(*), count(DISTINCT doc_id) FROM mentions"
        " WHERE entity_id = ?", [actor_id]).fetchone()
    if not row or not row[2]:
        return None
    known = gaz.actor(actor_id) if gaz else None
    aliases = _table(con, "SELECT text, count(*) AS mentions FROM mentions WHERE entity_id = ?"
                     " GROUP BY text ORDER BY mentions DESC, text", [actor_id]).dicts()
    per_day = _table(
        con,
        "SELECT d.published AS day, count(*) AS mentions FROM mentions m JOIN documents d"
        " ON d.id = m.doc_id WHERE m.entity_id = ? OR m.refers_to_id = ?"
        " GROUP BY d.published ORDER BY d.published NULLS LAST", [actor_id, actor_id]).dicts()
    agreements_of = _table(
        con,
        "SELECT a.agreement_id, a.name, a.latest_status, a.last_date, count(e.idx) AS events"
        " FROM agreements a LEFT JOIN events e ON e.agreement_id = a.agreement_id AND"
        " (e.claimed_by_id = ? OR list_contains(json_extract_string(e.extra, '$.actors[*].id'), ?)"
        "  OR EXISTS (SELECT 1 FROM event_parties p WHERE p.doc_id = e.doc_id"
        "   AND p.event_idx = e.idx AND p.party_id = ?))"
        " GROUP BY ALL HAVING count(e.idx) > 0"
        " OR list_contains(json_extract_string(any_value(a.parties), '$[*].id'), ?)"
        " ORDER BY a.last_date DESC NULLS LAST, a.agreement_id",
        [actor_id] * 4).dicts()
    co = _table(
        con,
        "WITH docs AS (SELECT DISTINCT doc_id FROM mentions WHERE entity_id = ?)"
        " SELECT m.entity_id AS id, any_value(m.name) AS name, any_value(m.label) AS label,"
        " count(DISTINCT m.doc_id) AS articles, count(*) AS mentions"
        " FROM mentions m JOIN docs USING (doc_id) WHERE m.entity_id IS NOT NULL"
        " AND m.entity_id <> ? GROUP BY m.entity_id"
        " ORDER BY articles DESC, mentions DESC, id LIMIT ?", [actor_id, actor_id, limit]).dicts()
    said = quotes(con, gaz, speaker_id=actor_id, limit=limit) if gaz else None
    return {
        "id": actor_id, "name": row[0], "label": row[1], "mentions": row[2], "articles": row[3],
        "type": known.type if known else None,
        "known_aliases": list(known.aliases) if known else [],
        "aliases": aliases, "mentions_per_day": per_day,
        "quotes": said.dicts() if said else [], "quotes_total": said.total if said else 0,
        "agreements": agreements_of, "co_mentioned": co,
    }


def agreement_steps(con: duckdb.DuckDBPyConnection, agreement_id: str) -> list[dict]:
    """Every step of an agreement in date order, without evidence text (for a chart)."""
    row = con.execute("SELECT history FROM agreements WHERE agreement_id = ?", [agreement_id]).fetchone()
    steps = _by_date(json.loads(row[0]) if row and row[0] else [])
    return [{key: step.get(key) for key in _STEP_KEYS} for step in steps]


def status_changes(con: duckdb.DuckDBPyConnection, limit: int = 10) -> list[dict]:
    """The `limit` latest status changes of all agreements, latest first.

    DuckDB hands over the date and status of each step, not the whole history (claimant,
    evidence, …); only the agreements that hold one of the changes shown are read whole.
    """
    rows = con.execute(
        "SELECT agreement_id, name, json_extract_string(history, '$[*][0]'),"
        " json_extract_string(history, '$[*][1]'), json_type(history, '$[0]') = 'OBJECT'"
        " FROM agreements ORDER BY agreement_id"
    ).fetchall()
    light = []  # (day, agreement row, index in its history, previous status)
    for n, (_id, _name, dates, statuses, objects) in enumerate(rows):
        if objects:  # a history written as objects: read the steps as such
            steps = [_step(s) for s in json.loads(con.execute(
                "SELECT history FROM agreements WHERE agreement_id = ?", [_id]).fetchone()[0])]
            dates, statuses = [s.get("date") for s in steps], [s.get("status") for s in steps]
        order = sorted(range(len(dates or [])), key=lambda k: day_of(dates[k]) or date.max)
        previous = None
        for k in order:
            status = statuses[k]
            # "other" is an act around the agreement, not a status it moved to
            if not status or status == "other" or not dates[k]:
                continue
            if status != previous:
                light.append((day_of(dates[k]) or date.min, n, k, previous))
            previous = status
    # nlargest is sorted(…, reverse=True)[:limit], which keeps the order of ties
    top = heapq.nlargest(limit, light, key=lambda c: c[0])
    histories = {n: json.loads(con.execute("SELECT history FROM agreements WHERE agreement_id = ?",
                                           [rows[n][0]]).fetchone()[0]) for n in {c[1] for c in top}}
    changes = [{"agreement_id": rows[n][0], "agreement": rows[n][1], "from": previous,
                **_step(histories[n][k])} for _day, n, k, previous in top]
    # each change with its sources, as `find_agreements` counts copies of one dispatch
    merged = {n: {"history": [_step(step) for step in history]} for n, history in histories.items()}
    _merge_copies(con, list(merged.values()))
    for change, (_day, n, _k, _previous) in zip(changes, top, strict=True):
        for step in merged[n]["history"]:
            if (step.get("date"), step.get("status")) == (change.get("date"), change.get("status")) \
                    and change.get("article_id") in step["article_ids"]:
                change.update(sources=step["sources"], outlets=step["outlets"],
                              article_ids=step["article_ids"])
                break
    return changes


def dashboard(con: duckdb.DuckDBPyConnection, limit: int = 10) -> dict:
    """Agreements by latest status, the latest status changes, the most mentioned actors."""
    by_status = _table(con, "SELECT coalesce(latest_status, 'unknown') AS status, count(*) AS"
                       " agreements FROM agreements GROUP BY ALL ORDER BY agreements DESC, status")
    changes = status_changes(con, limit)
    counts = con.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM mentions),"
                         " (SELECT count(*) FROM quotes), (SELECT count(*) FROM agreements)").fetchone()
    return {
        "counts": dict(zip(("documents", "mentions", "quotes", "agreements"), counts, strict=True)),
        "by_status": by_status.dicts(), "changes": changes,
        "actors": actors(con, None, limit).dicts(),
    }
