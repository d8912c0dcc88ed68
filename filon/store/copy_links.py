"""Wire copies in the store: each new article is matched against the articles sharing a MinHash
band with it (`copy_bands`), never against the whole store, and a group of copies points to its
earliest article (`documents.copy_of`, with `copy_similarity` and `copy_kind`).

The group of an article is the set of articles linked to it by similar pairs, so it does not
depend on the order in which they arrived; its root is the earliest published (then smallest id).
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from filon.linking.copies import COPY_THRESHOLD, band_keys, kind, signature, similarity


def link_copies(con: duckdb.DuckDBPyConnection, docs: Sequence[tuple[str, str]]) -> int:
    """Index the new articles `docs` ((id, text) pairs, already stored) and link their copies,
    inside the caller's transaction. Returns how many of them were found to be copies."""
    if not docs:
        return 0
    keys = {doc_id: band_keys(signature(text)) for doc_id, text in docs}
    flat = [(doc_id, band, key) for doc_id, pairs in keys.items() for band, key in pairs]
    # one join of the batch's band keys against the index: candidates among stored articles
    rows = con.execute(
        "SELECT DISTINCT q.doc_id, c.doc_id FROM copy_bands c JOIN (SELECT unnest(?) AS doc_id,"
        " unnest(?) AS band, unnest(?) AS key) q ON c.band = q.band AND c.key = q.key",
        [[f[0] for f in flat], [f[1] for f in flat], [f[2] for f in flat]]).fetchall()
    candidates = {(a, b) for a, b in rows if a != b}
    # and among the batch itself
    by_band: dict[tuple[int, int], list[str]] = {}
    for doc_id, band, key in flat:
        by_band.setdefault((band, key), []).append(doc_id)
    for ids in by_band.values():
        candidates |= {(a, b) for a in ids for b in ids if a < b}
    con.execute("INSERT INTO copy_bands SELECT unnest(?), unnest(?), unnest(?)",
                [[f[1] for f in flat], [f[2] for f in flat], [f[0] for f in flat]])
    # a dispatch printed by a thousand outlets is one group: a new article is compared with the
    # group's original, not with each copy
    roots = _roots(con, {x for pair in candidates for x in pair})
    pairs = {tuple(sorted((a, roots.get(b, b)))) for a, b in candidates if a != roots.get(b, b)}
    texts = dict(docs)
    texts.update(_texts(con, {x for pair in pairs for x in pair} - texts.keys()))
    similar = [(a, b) for a, b in sorted(pairs) if similarity(texts[a], texts[b]) >= COPY_THRESHOLD]
    return sum(_join(con, a, b) for a, b in similar)


def _roots(con: duckdb.DuckDBPyConnection, ids: set[str]) -> dict[str, str]:
    return dict(con.execute("SELECT id, coalesce(copy_of, id) FROM documents WHERE list_contains(?, id)",
                            [sorted(ids)]).fetchall())


def _texts(con: duckdb.DuckDBPyConnection, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    return dict(con.execute("SELECT id, text FROM documents WHERE list_contains(?, id)",
                            [sorted(ids)]).fetchall())


def _join(con: duckdb.DuckDBPyConnection, a: str, b: str) -> int:
    """Merge the copy groups of `a` and `b` under their earliest article."""
    roots = sorted(set(_roots(con, {a, b}).values()))
    if len(roots) == 1:
        return 0  # already one group
    heads = con.execute("SELECT id FROM documents WHERE list_contains(?, id)"
                        " ORDER BY published NULLS LAST, id", [roots]).fetchall()
    root_id = heads[0][0]
    # the members of the groups whose original changes point to the new one; the others stay
    members = [r[0] for r in con.execute(
        "SELECT id FROM documents WHERE list_contains(?, coalesce(copy_of, id))",
        [[r for r in roots if r != root_id]]).fetchall()]
    texts = _texts(con, {root_id, *members})
    scores = [round(similarity(texts[root_id], texts[m]), 3) for m in members]
    con.execute(
        "UPDATE documents SET copy_of = m.root, copy_similarity = m.score, copy_kind = m.kind"
        " FROM (SELECT unnest(?) AS id, unnest(?) AS score, unnest(?) AS kind, ? AS root) m"
        " WHERE documents.id = m.id", [members, scores, [kind(s) for s in scores], root_id])
    return 1


def rebuild_copies(con: duckdb.DuckDBPyConnection) -> None:
    """Forget every copy link and index every stored article again (a full pass)."""
    con.execute("DELETE FROM copy_bands")
    con.execute("UPDATE documents SET copy_of = NULL, copy_similarity = NULL, copy_kind = NULL")
    rows = con.execute("SELECT id, text FROM documents WHERE status = 'processed' ORDER BY id").fetchall()
    for start in range(0, len(rows), 256):
        link_copies(con, rows[start:start + 256])
