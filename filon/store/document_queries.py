"""One stored article with every span filon found in it, and full-text search over articles
and quotes: what the web app's document and search pages read."""

from __future__ import annotations

import json

import duckdb

from filon.store.queries import Table, _page, _table, folded_pattern


def document(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict | None:
    """A stored article: text, metadata and every span filon found in it."""
    found = _table(con, "SELECT id, source_id, url, outlet, lang, published, title, text,"
                   " boilerplate, status, skip_reason, model FROM documents WHERE id = ?",
                   [doc_id]).dicts()
    if not found:
        return None
    doc = found[0]
    doc["boilerplate"] = json.loads(doc["boilerplate"]) if doc["boilerplate"] else []
    doc["entities"] = _table(
        con, "SELECT idx, start, \"end\", text, label, entity_id, name, kind, refers_to_id,"
        " refers_to_name FROM mentions WHERE doc_id = ? ORDER BY idx", [doc_id]).dicts()
    doc["quotes"] = _table(
        con, "SELECT idx, kind, start, \"end\", text, speaker_id, speaker_name, speaker_text,"
        " speaker_start, speaker_end, cue, extra FROM quotes WHERE doc_id = ? ORDER BY idx",
        [doc_id]).dicts()
    doc["speakers"] = []
    for q in doc["quotes"]:
        q["extra"] = json.loads(q["extra"]) if q["extra"] else {}
        if q["speaker_start"] is not None and q["speaker_end"] is not None:
            doc["speakers"].append({"quote_idx": q["idx"], "start": q["speaker_start"],
                                    "end": q["speaker_end"], "text": q["speaker_text"],
                                    "id": q["speaker_id"], "name": q["speaker_name"]})
    doc["dates"] = _table(con, "SELECT idx, start, \"end\", text, value, granularity FROM dates"
                          " WHERE doc_id = ? ORDER BY idx", [doc_id]).dicts()
    doc["evidence"] = _table(
        con,
        "SELECT e.idx, e.type, e.status, e.subject, e.date, e.agreement_id, a.name AS agreement,"
        " e.evidence_start AS start, e.evidence_end AS \"end\", e.negated, e.modality,"
        " e.claimed_by_id, e.claimed_by_name,"
        " (SELECT list(p.name ORDER BY p.name) FROM event_parties p WHERE p.doc_id = e.doc_id"
        "  AND p.event_idx = e.idx) AS parties"
        " FROM events e LEFT JOIN agreements a ON a.agreement_id = e.agreement_id"
        " WHERE e.doc_id = ? ORDER BY e.idx", [doc_id]).dicts()
    return doc


def search(con: duckdb.DuckDBPyConnection, text: str, limit: int = 20, offset: int = 0
           ) -> dict[str, Table]:
    """Articles (title or text) and quotes containing `text`, accents and case ignored.

    A scan with `folded_pattern`: DuckDB's fts extension needs a download and an index written
    into the store, neither possible for a read-only store offline; the scan of 4,000 articles
    takes a few milliseconds.
    """
    pattern = folded_pattern(text)
    docs = _page(
        con,
        "SELECT id, published, outlet, title,"
        " regexp_extract(text, '(?s).{0,80}(?:' || ? || ').{0,140}') AS snippet FROM documents"
        " WHERE regexp_matches(text, ?) OR regexp_matches(coalesce(title, ''), ?)"
        " ORDER BY published DESC NULLS LAST, id",
        [pattern, pattern, pattern], limit, offset,
    )
    said = _page(
        con,
        "SELECT published, speaker_name AS speaker, speaker_id, kind, text, doc_id, idx"
        " FROM quotes WHERE regexp_matches(text, ?) ORDER BY published DESC NULLS LAST, doc_id, idx",
        [pattern], limit, offset,
    )
    return {"documents": docs, "quotes": said}
