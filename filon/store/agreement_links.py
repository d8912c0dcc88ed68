"""Incremental agreement linking over the store: new articles are linked against the agreements
they can join, and only the touched agreements are rewritten.

The store keeps what linking needs (`link_units`: one row per unit, the events of one agreement in
one article; `link_clusters`: one row per agreement with its parties, days and id), so an ingest
reads the records of the new articles only. Linking takes units in key order (day, article id,
first event; `filon.linking.units.Unit.key`), and a unit's choice depends only on the units
before it. So adding articles replays, per family, the stored units from the earliest new day on
that can be affected (those sharing a party, directly or through the clusters they may join),
against those clusters as they stood before that day. For articles that come in date order the
replay is the new units and those of their own day; an article dated years back (a backfill)
replays the units after it in its region of parties. The result equals a full relink
(`filon.linking.agreements.link_agreements`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

import duckdb

from filon.linking.agreements import (
    DEFAULT_MAX_GAP_DAYS,
    base_id,
    cluster_units,
    numbered_ids,
)
from filon.linking.summaries import summarize, year_suffixed
from filon.linking.units import Cluster, Unit, record_units

_UNIT_COLUMNS = "doc_id, first_idx, family, day, published, parties, unit, cluster"


def _cluster_name(cluster: Cluster) -> str:
    return f"{cluster.units[0].article_id}#{cluster.units[0].events[0]}"


def _unit_row(unit: Unit, cluster: str) -> list:
    payload = {"events": unit.events, "party_ids": unit.party_ids, "resources": unit.resources,
               "types": sorted(unit.types), "steps": unit.steps}
    return [unit.article_id, unit.events[0], unit.family, unit.day, unit.published, unit.parties,
            json.dumps(payload, ensure_ascii=False), cluster]


def _unit(row: tuple) -> tuple[Unit, str]:
    doc_id, _first, family, day, published, parties, payload, cluster = row
    data = json.loads(payload)
    unit = Unit(doc_id, data["events"], list(parties), data["party_ids"], data["resources"], family,
                day, set(data["types"]), published, data["steps"])
    return unit, cluster


def _insert(con: duckdb.DuckDBPyConnection, table: str, columns: str, rows: list[list]) -> None:
    """One INSERT of unnested column lists (DuckDB's executemany goes row by row)."""
    if not rows:
        return
    width = len(rows[0])
    con.execute(
        f"INSERT INTO {table} ({columns}) SELECT * FROM (SELECT "
        + ", ".join(f"unnest(?) AS c{i}" for i in range(width)) + ")",
        [list(column) for column in zip(*rows, strict=True)],
    )


def pending_units(con: duckdb.DuckDBPyConnection) -> list[Unit]:
    """The units of the articles stored since the last relink."""
    rows = con.execute(
        "SELECT r.record FROM records r WHERE r.doc_id IN (SELECT doc_id FROM link_pending)"
        " ORDER BY r.doc_id").fetchall()
    units: list[Unit] = []
    for (text,) in rows:
        units.extend(record_units(json.loads(text)))
    return units


def rebuild(con: duckdb.DuckDBPyConnection) -> None:
    """Forget every link and mark every stored article for linking (inside the caller's
    transaction): the next `relink` then links the whole store from its records."""
    for table in ("link_units", "link_clusters", "link_pending", "agreements"):
        con.execute(f"DELETE FROM {table}")
    con.execute("UPDATE events SET agreement_id = NULL WHERE agreement_id IS NOT NULL")
    con.execute("INSERT INTO link_pending SELECT doc_id FROM records"
                " WHERE json_array_length(json_extract(record, '$.events')) > 0")


def relink(con: duckdb.DuckDBPyConnection, max_gap_days: int = DEFAULT_MAX_GAP_DAYS) -> None:
    """Link the pending articles (inside the caller's transaction) and clear them."""
    new = pending_units(con)
    if new:
        # an article stored again after a failed relink must not be linked twice
        con.execute("DELETE FROM link_units WHERE doc_id IN (SELECT doc_id FROM link_pending)")
    by_family: dict[str, list[Unit]] = defaultdict(list)
    for unit in new:
        by_family[unit.family].append(unit)
    for family, units in sorted(by_family.items()):
        _relink_family(con, family, units, max_gap_days)
    con.execute("DELETE FROM link_pending")


def _relink_family(con: duckdb.DuckDBPyConnection, family: str, new: list[Unit],
                   max_gap_days: int) -> None:
    since = min(u.key[0] for u in new)
    replay, old_cluster_of, candidates = _region(con, family, new, since, max_gap_days)
    moving = new + replay
    seeds = _seed_clusters(con, candidates, since)
    clusters = cluster_units(moving, seeds, max_gap_days)
    moved = {(u.article_id, u.events[0]) for u in moving}
    # every cluster that held a replayed unit before is rewritten (or gone), with those that
    # gained one
    before = set(old_cluster_of.values())
    touched = [c for c in clusters if _cluster_name(c) in before
               or any((u.article_id, u.events[0]) in moved for u in c.units)]
    stale = before | {_cluster_name(c) for c in touched}
    _write(con, family, touched, stale, moved)


def _region(con: duckdb.DuckDBPyConnection, family: str, new: list[Unit], since: date,
            max_gap_days: int) -> tuple[list[Unit], dict[tuple[str, int], str], list[str]]:
    """The stored units to link again and the clusters they may join, from `since` on.

    Grown to a fixed point: the clusters sharing a party with the moving units and active within
    the date gap before `since`, and the units from `since` on that share a party with those or
    belong to them. A unit outside shares no party with any cluster a moving unit can be in, so
    its choice cannot change.
    """
    parties = {p for u in new for p in u.parties}
    undated = any(u.day is None for u in new)
    horizon = since - timedelta(days=max_gap_days) if since != date.max else date.max
    candidates: set[str] = set()
    while True:
        # an undated unit has no gap to respect: every cluster sharing a party is a candidate
        found = con.execute(
            "SELECT cluster, parties FROM link_clusters WHERE family = ? AND list_has_any(parties, ?)"
            " AND (? OR last_day IS NULL OR last_day >= ?)",
            [family, sorted(parties), undated, date.min if undated else horizon]).fetchall()
        rows = con.execute(
            f"SELECT {_UNIT_COLUMNS} FROM link_units WHERE family = ? AND (day IS NULL OR day >= ?)"
            " AND (list_has_any(parties, ?) OR list_contains(?, cluster))",
            [family, since, sorted(parties), sorted({r[0] for r in found})]).fetchall()
        grown = parties | {p for _, ps in found for p in ps} | {p for r in rows for p in r[5]}
        undated_now = undated or any(r[3] is None for r in rows)
        clusters = {r[0] for r in found} | {r[7] for r in rows}
        if grown == parties and clusters == candidates and undated_now == undated:
            break
        parties, candidates, undated = grown, clusters, undated_now
    replay: list[Unit] = []
    old_cluster_of: dict[tuple[str, int], str] = {}
    for row in rows:
        unit, cluster = _unit(row)
        replay.append(unit)
        old_cluster_of[(unit.article_id, unit.events[0])] = cluster
    return replay, old_cluster_of, sorted(candidates)


def _seed_clusters(con: duckdb.DuckDBPyConnection, names: list[str], since: date) -> list[Cluster]:
    """The candidate clusters as they stood before `since`: their units of earlier days."""
    if not names:
        return []
    by_name: dict[str, Cluster] = {}
    rows = con.execute(
        f"SELECT {_UNIT_COLUMNS} FROM link_units WHERE list_contains(?, cluster) AND day < ?",
        [names, since],
    ).fetchall()
    units = [_unit(row) for row in rows]
    units.sort(key=lambda item: item[0].key)
    for unit, name in units:
        by_name.setdefault(name, Cluster()).add(unit)
    return sorted(by_name.values(), key=lambda c: c.founder)


def _write(con: duckdb.DuckDBPyConnection, family: str, touched: list[Cluster], stale: set[str],
           moved: set[tuple[str, int]]) -> None:
    """Store the touched clusters: their units, rows, ids (renumbering their bases), events and
    agreement summaries."""
    old = {r[0]: r[1:] for r in con.execute(
        "SELECT cluster, agreement_id, base FROM link_clusters WHERE list_contains(?, cluster)",
        [sorted(stale)]).fetchall()}
    bases = {base_id(c) for c in touched} | {base for _, base in old.values()}
    # the other clusters of those bases keep their rows; their number or name may change
    others = con.execute(
        "SELECT cluster, base, first_day, founder_day, founder_doc, founder_idx, agreement_id,"
        " plain_name, first_date FROM link_clusters WHERE list_contains(?, base)"
        " AND NOT list_contains(?, cluster)", [sorted(bases), sorted(stale)]).fetchall()
    entries = [(base_id(c), c.days()[0] if c.days() else None, c.founder) for c in touched]
    entries += [(r[1], r[2], (r[3] or date.max, r[4], r[5])) for r in others]
    ids = numbered_ids(entries)
    summaries = [summarize(agreement_id, c.core(), c.units)
                 for c, agreement_id in zip(touched, ids, strict=False)]
    plain = [s["name"] for s in summaries] + [r[7] for r in others]
    firsts = [s["first_date"] for s in summaries] + [r[8] for r in others]
    same = defaultdict(int)
    for entry, name in zip(entries, plain, strict=True):
        same[(entry[0], name)] += 1
    names = [year_suffixed(name, first, same[(entry[0], name)])
             for entry, name, first in zip(entries, plain, firsts, strict=True)]

    con.execute("DELETE FROM link_clusters WHERE list_contains(?, cluster)", [sorted(stale)])
    _delete_units(con, moved)
    old_ids = sorted({agreement_id for agreement_id, _ in old.values()})
    con.execute("DELETE FROM agreements WHERE list_contains(?, agreement_id)", [old_ids])

    renamed = _renames(others, ids[len(touched):], names[len(touched):])
    _apply_renames(con, renamed)
    unit_rows, cluster_rows, links = [], [], []
    for cluster, agreement_id, summary, name in zip(touched, ids, summaries, names, strict=False):
        label = _cluster_name(cluster)
        for unit in cluster.units:
            if (unit.article_id, unit.events[0]) in moved:
                unit_rows.append(_unit_row(unit, label))
            links.extend((unit.article_id, i, agreement_id) for i in unit.events)
        founder = cluster.units[0]
        days = cluster.days()
        cluster_rows.append([
            label, family, founder.day, founder.article_id, founder.events[0],
            days[-1] if days else None, sorted(cluster.counts), base_id(cluster),
            days[0] if days else None, agreement_id, summary["name"], summary["first_date"],
        ])
        summary["name"] = name
    _insert(con, "link_units", _UNIT_COLUMNS, unit_rows)
    _insert(con, "link_clusters", "cluster, family, founder_day, founder_doc, founder_idx, last_day,"
            " parties, base, first_day, agreement_id, plain_name, first_date", cluster_rows)
    if links:
        con.execute(
            "UPDATE events SET agreement_id = l.agr FROM (SELECT unnest(?) AS doc_id,"
            " unnest(?) AS idx, unnest(?) AS agr) AS l"
            " WHERE events.doc_id = l.doc_id AND events.idx = l.idx",
            [[x[0] for x in links], [x[1] for x in links], [x[2] for x in links]],
        )
    _insert(con, "agreements", "agreement_id, name, parties, resources, first_date, last_date,"
            " latest_status, history", [_agreement_row(s) for s in summaries])


def _delete_units(con: duckdb.DuckDBPyConnection, moved: Iterable[tuple[str, int]]) -> None:
    keys = sorted(moved)
    con.execute(
        "DELETE FROM link_units USING (SELECT unnest(?) AS doc_id, unnest(?) AS first_idx) AS m"
        " WHERE link_units.doc_id = m.doc_id AND link_units.first_idx = m.first_idx",
        [[k[0] for k in keys], [k[1] for k in keys]],
    )


def _renames(others: list[tuple], ids: list[str], names: list[str]) -> list[tuple[str, str, str, str]]:
    """(cluster, old id, new id, new name) of the untouched clusters of the touched bases."""
    return [(row[0], row[6], agreement_id, name)
            for row, agreement_id, name in zip(others, ids, names, strict=True)]


def _apply_renames(con: duckdb.DuckDBPyConnection, renamed: list[tuple[str, str, str, str]]) -> None:
    """Give untouched clusters their new id and name, in events, agreements and link_clusters."""
    if not renamed:
        return
    rows = con.execute("SELECT agreement_id, name, parties, resources, first_date, last_date,"
                       " latest_status, history FROM agreements WHERE list_contains(?, agreement_id)",
                       [[r[1] for r in renamed]]).fetchall()
    by_old = {r[0]: r[1:] for r in rows}
    renamed = [r for r in renamed if r[1] != r[2] or (r[1] in by_old and by_old[r[1]][0] != r[3])]
    if not renamed:
        return
    old_ids = [r[1] for r in renamed]
    new_rows = [[new_id, name, *by_old[old_id][1:]] for _, old_id, new_id, name in renamed
                if old_id in by_old]
    con.execute("DELETE FROM agreements WHERE list_contains(?, agreement_id)", [old_ids])
    # one statement: ids that swap (":2" becoming ":3" while ":3" becomes ":2") stay apart
    con.execute(
        "UPDATE events SET agreement_id = m.new FROM (SELECT unnest(?) AS old, unnest(?) AS new) m"
        " WHERE events.agreement_id = m.old", [old_ids, [r[2] for r in renamed]])
    con.execute(
        "UPDATE link_clusters SET agreement_id = m.new FROM (SELECT unnest(?) AS c,"
        " unnest(?) AS new) m WHERE link_clusters.cluster = m.c",
        [[r[0] for r in renamed], [r[2] for r in renamed]])
    _insert(con, "agreements", "agreement_id, name, parties, resources, first_date, last_date,"
            " latest_status, history", new_rows)


def _agreement_row(s: dict) -> list:
    def dump(value: object) -> str | None:
        return None if value is None else json.dumps(value, ensure_ascii=False)

    return [s["agreement_id"], s["name"], dump(s["parties"]), dump(s["resources"]),
            s["first_date"], s["last_date"], s["latest_status"], dump(s["history"])]
