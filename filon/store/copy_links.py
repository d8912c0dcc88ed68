"""Wire copies in the store: each new article is matched against the articles sharing a MinHash
band with it (`copy_bands`), never against the whole store, and a group of copies points to its
earliest article (`documents.copy_of`, with `copy_similarity` and `copy_kind`).

Two signatures index each article: its word shingles (copies and rewrites, `linking.copies`) and
its anchors (translations into another language, `linking.translations`, bands numbered from
`BAND_OFFSET`). A pair found by the anchors is a copy only when the two articles' languages are
known and differ: `copy_kind` "translation".

The group of an article is the set of articles linked to it by similar pairs, so it does not
depend on the order in which they arrived; its root is the earliest published (then smallest id).
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from filon.linking.copies import COPY_THRESHOLD, band_keys, kind, signature, similarity
from filon.linking.translations import (
    BAND_OFFSET,
    CANDIDATE_THRESHOLD,
    TRANSLATION_THRESHOLD,
    translation_signature,
    translation_similarity,
)

Body = tuple[str, str, str | None]  # (id, text, lang)


def link_copies(con: duckdb.DuckDBPyConnection, docs: Sequence[Body]) -> int:
    """Index the new articles `docs` ((id, text, lang), already stored) and link their copies
    and translations, inside the caller's transaction. Returns how many of them were found to
    be copies."""
    if not docs:
        return 0
    flat = [(doc_id, band, key) for doc_id, text, _ in docs
            for band, key in band_keys(signature(text))]
    flat += [(doc_id, BAND_OFFSET + band, key) for doc_id, text, lang in docs if lang
             for band, key in band_keys(translation_signature(text), CANDIDATE_THRESHOLD)]
    # one join of the batch's band keys against the index: candidates among stored articles
    rows = con.execute(
        "SELECT DISTINCT q.doc_id, c.doc_id, c.band >= ? FROM copy_bands c JOIN (SELECT unnest(?)"
        " AS doc_id, unnest(?) AS band, unnest(?) AS key) q ON c.band = q.band AND c.key = q.key",
        [BAND_OFFSET, [f[0] for f in flat], [f[1] for f in flat], [f[2] for f in flat]]).fetchall()
    candidates = {(a, b, bool(t)) for a, b, t in rows if a != b}
    # and among the batch itself
    by_band: dict[tuple[int, int], list[str]] = {}
    for doc_id, band, key in flat:
        by_band.setdefault((band, key), []).append(doc_id)
    for (band, _), ids in by_band.items():
        candidates |= {(a, b, band >= BAND_OFFSET) for a in ids for b in ids if a < b}
    con.execute("INSERT INTO copy_bands SELECT unnest(?), unnest(?), unnest(?)",
                [[f[1] for f in flat], [f[2] for f in flat], [f[0] for f in flat]])
    # a dispatch printed by a thousand outlets is one group: a new article is compared with the
    # group's original, not with each copy
    roots = _roots(con, {x for a, b, _ in candidates for x in (a, b)})
    pairs = {(*sorted((a, roots.get(b, b))), t) for a, b, t in candidates if a != roots.get(b, b)}
    langs = {doc_id: lang for doc_id, _, lang in docs}
    langs.update(_langs(con, {x for a, b, t in pairs if t for x in (a, b)} - langs.keys()))
    # anchors link two languages only: drop the other pairs before reading any text
    pairs = {(a, b, t) for a, b, t in pairs if not t or _two_languages(langs[a], langs[b])}
    bodies = {doc_id: (text, lang) for doc_id, text, lang in docs}
    bodies.update(_bodies(con, {x for a, b, _ in pairs for x in (a, b)} - bodies.keys()))
    similar = sorted({(a, b) for a, b, by_anchors in pairs
                      if _similar(bodies[a][0], bodies[b][0], by_anchors)})
    return sum(_join(con, a, b) for a, b in similar)


def _similar(a: str, b: str, by_anchors: bool) -> bool:
    """Word shingles within one language, anchors between two (already checked) languages."""
    if by_anchors:
        return translation_similarity(a, b) >= TRANSLATION_THRESHOLD
    return similarity(a, b) >= COPY_THRESHOLD


def _two_languages(a: str | None, b: str | None) -> bool:
    """Both languages known, and different: the pair can only be a translation."""
    return bool(a and b and a != b)


def _score(a: tuple[str, str | None], b: tuple[str, str | None]) -> tuple[float, str]:
    """The similarity of a copy to its group's original, and its kind."""
    if _two_languages(a[1], b[1]):
        return round(translation_similarity(a[0], b[0]), 3), "translation"
    score = round(similarity(a[0], b[0]), 3)
    return score, kind(score)


def _roots(con: duckdb.DuckDBPyConnection, ids: set[str]) -> dict[str, str]:
    return dict(con.execute("SELECT id, coalesce(copy_of, id) FROM documents WHERE list_contains(?, id)",
                            [sorted(ids)]).fetchall())


def _langs(con: duckdb.DuckDBPyConnection, ids: set[str]) -> dict[str, str | None]:
    if not ids:
        return {}
    return dict(con.execute("SELECT id, lang FROM documents WHERE list_contains(?, id)",
                            [sorted(ids)]).fetchall())


def _bodies(con: duckdb.DuckDBPyConnection, ids: set[str]) -> dict[str, tuple[str, str | None]]:
    if not ids:
        return {}
    rows = con.execute("SELECT id, text, lang FROM documents WHERE list_contains(?, id)",
                       [sorted(ids)]).fetchall()
    return {doc_id: (text, lang) for doc_id, text, lang in rows}


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
    bodies = _bodies(con, {root_id, *members})
    scored = [_score(bodies[root_id], bodies[m]) for m in members]
    con.execute(
        "UPDATE documents SET copy_of = m.root, copy_similarity = m.score, copy_kind = m.kind"
        " FROM (SELECT unnest(?) AS id, unnest(?) AS score, unnest(?) AS kind, ? AS root) m"
        " WHERE documents.id = m.id", [members, [s for s, _ in scored], [k for _, k in scored], root_id])
    return 1


def rebuild_copies(con: duckdb.DuckDBPyConnection) -> None:
    """Forget every copy link and index every stored article again (a full pass)."""
    con.execute("DELETE FROM copy_bands")
    con.execute("UPDATE documents SET copy_of = NULL, copy_similarity = NULL, copy_kind = NULL")
    rows = con.execute("SELECT id, text, lang FROM documents WHERE status = 'processed'"
                       " ORDER BY id").fetchall()
    for start in range(0, len(rows), 256):
        link_copies(con, rows[start:start + 256])
