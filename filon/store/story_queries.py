"""Read queries over wire copies and stories (`filon query copies`, `filon query stories`), in
the shape of `filon.store.queries`."""

from __future__ import annotations

import duckdb

from filon.linking.stories import StoryArticle
from filon.linking.stories import stories as group
from filon.store.queries import Table, _columns, _page


def copies(con: duckdb.DuckDBPyConnection, limit: int = 100, offset: int = 0) -> Table:
    """Articles that copy or rewrite an earlier one, with the original and their similarity."""
    return _page(
        con,
        "SELECT c.copy_of AS original_id, o.published AS original_published, o.outlet AS"
        " original_outlet, o.title AS original_title, c.id, c.published, c.outlet, c.title,"
        " c.copy_kind AS kind, c.copy_similarity AS similarity FROM documents c"
        " JOIN documents o ON o.id = c.copy_of"
        " ORDER BY o.published NULLS LAST, c.copy_of, c.published NULLS LAST, c.id",
        [], limit, offset,
    )


def stories(con: duckdb.DuckDBPyConnection, since: str | None = None, until: str | None = None,
            min_articles: int = 2, limit: int = 100, offset: int = 0) -> Table:
    """Stories (`filon.linking.stories`) among the articles published in [since, until]."""
    root = "coalesce(d.copy_of, d.id)" if "copy_of" in _columns(con, "documents") else "d.id"
    rows = con.execute(
        f"SELECT d.id, d.published, {root}, d.outlet, d.title,"
        " (SELECT list(DISTINCT e.agreement_id) FROM events e WHERE e.doc_id = d.id"
        "  AND e.agreement_id IS NOT NULL),"
        " (SELECT list(DISTINCT m.entity_id) FROM mentions m WHERE m.doc_id = d.id"
        "  AND m.entity_id IS NOT NULL)"
        " FROM documents d WHERE d.status = 'processed'"
        " AND (? IS NULL OR d.published >= TRY_CAST(? AS DATE))"
        " AND (? IS NULL OR d.published <= TRY_CAST(? AS DATE))",
        [since, since, until, until]).fetchall()
    meta = {r[0]: (r[3], r[4]) for r in rows}
    found = [g for g in group(StoryArticle(r[0], r[1], r[2], set(r[5] or []), set(r[6] or [])) for r in rows)
             if len(g) >= min_articles]
    out = []
    for story in found:
        first, last = story[0].published, max((a.published for a in story if a.published), default=None)
        agreements = sorted({x for a in story for x in a.agreements})
        outlets = sorted({meta[a.id][0] for a in story if meta[a.id][0]})
        out.append((f"story:{story[0].id}", first, last, len(story),
                    len({a.copy_group for a in story}), ", ".join(outlets), ", ".join(agreements),
                    meta[story[0].id][1], [a.id for a in story]))
    columns = ["story_id", "first_published", "last_published", "articles", "distinct_texts",
               "outlets", "agreements", "title", "article_ids"]
    return Table(columns, out[offset:offset + limit], total=len(out))
