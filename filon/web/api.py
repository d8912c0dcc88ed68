"""The JSON API under /api: thin routes over `filon.store.queries`, the functions the CLI calls.

Lists take `limit`/`offset` and answer `{"ok", "total", "limit", "offset", "items"}`, or the
page as CSV or JSON Lines with `?format=csv|jsonl`. CSV cells that a spreadsheet would run as a
formula get a leading ' (`filon.export.csv_cell`, as in the CLI). An agreement's timeline is
paged the same way (`limit`/`offset`, `timeline_total`).
"""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from filon.domains.taxonomy import DOMAINS
from filon.export import csv_cell
from filon.store import document_queries, queries
from filon.store.queries import Table
from filon.web.state import ApiError, ServerState

router = APIRouter(prefix="/api", tags=["api"])

MAX_LIMIT = 10_000
MAX_BODY = 20_000_000  # as `filon ingest --max-bytes`
DAY = r"^\d{4}-\d{2}-\d{2}$"


def state_of(request: Request) -> ServerState:
    return request.app.state.filon


def cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    yield from state_of(request).cursor()


Con = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]


class Format(StrEnum):
    json = "json"
    csv = "csv"
    jsonl = "jsonl"


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip.")]
Fmt = Annotated[Format, Query(description="json (default), csv or jsonl (JSON Lines).")]
Domain = Annotated[str | None, Query(pattern=f"^({'|'.join(DOMAINS)})$",
                                     description="Deals of one domain: " + ", ".join(DOMAINS) + ".")]


def plain(value: Any) -> Any:
    """`value` with dates as ISO strings, recursively, ready for JSON."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(plain(value), ensure_ascii=False)
    return plain(value)


def listing(table: Table, limit: int, offset: int, fmt: Format, name: str) -> Response:
    """A page of `table` as JSON (with its total), CSV or JSON Lines."""
    items = [plain(row) for row in table.dicts()]
    total = table.total if table.total is not None else len(items)
    headers = {"X-Total-Count": str(total)}
    if fmt is Format.csv:
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow([csv_cell(c) for c in table.columns])
        writer.writerows([csv_cell(_cell(v)) for v in row] for row in table.rows)
        headers["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return Response(buf.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
    if fmt is Format.jsonl:
        body = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)
        headers["Content-Disposition"] = f'attachment; filename="{name}.jsonl"'
        return Response(body, media_type="application/x-ndjson; charset=utf-8", headers=headers)
    return JSONResponse({"ok": True, "total": total, "limit": limit, "offset": offset,
                         "items": items}, headers=headers)


def found(value: dict | None, what: str, key: str) -> JSONResponse:
    if value is None:
        raise ApiError(404, "not_found", f"no {what} with id {key!r}")
    return JSONResponse({"ok": True, "item": plain(value)})


@router.get("/agreements", summary="Agreements with latest status, parties, domain and counts")
def list_agreements(request: Request, con: Con, status: str | None = None,
                    party: Annotated[str | None, Query(description="Any alias of a party.")] = None,
                    q: Annotated[str | None, Query(description="Part of the name or id.")] = None,
                    domain: Domain = None,
                    limit: Limit = 50, offset: Offset = 0, format: Fmt = Format.json) -> Response:
    table = queries.agreement_list(con, state_of(request).gazetteer, status, party, q, limit, offset,
                                   domain_filter=domain)
    return listing(table, limit, offset, format, "agreements")


@router.get("/agreements/{agreement_id}", summary="One agreement and a page of its status timeline")
def get_agreement(con: Con, agreement_id: str, limit: Annotated[int, Query(
                      ge=1, le=MAX_LIMIT, description="Timeline steps per page.")] = 100,
                  offset: Annotated[int, Query(ge=0, description="Timeline steps to skip.")] = 0,
                  ) -> JSONResponse:
    return found(queries.agreement(con, agreement_id, limit, offset), "agreement", agreement_id)


@router.get("/actors", summary="Actors by number of mentions")
def list_actors(con: Con, label: Annotated[str | None, Query(description="PER, ORG, LOC or MISC.")] = None,
                q: Annotated[str | None, Query(description="Part of a name or alias.")] = None,
                limit: Limit = 50, offset: Offset = 0, format: Fmt = Format.json) -> Response:
    return listing(queries.actors(con, label, limit, offset, q), limit, offset, format, "actors")


@router.get("/actors/{actor_id}",
            summary="An actor: aliases, mentions per day, quotes, agreements, co-mentioned actors")
def get_actor(request: Request, con: Con, actor_id: str) -> JSONResponse:
    return found(queries.actor(con, state_of(request).gazetteer, actor_id), "actor", actor_id)


@router.get("/quotes", summary="Quotes and reported statements")
def list_quotes(
    request: Request, con: Con,
    speaker: Annotated[str | None, Query(description="Any alias, language or role.")] = None,
    speaker_id: Annotated[str | None, Query(description="An actor id.")] = None,
    kind: Annotated[str | None, Query(pattern="^(direct|indirect|mixed|term)$")] = None,
    q: Annotated[str | None, Query(description="Text inside the quote.")] = None,
    since: Annotated[str | None, Query(pattern=DAY, description="YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(pattern=DAY, description="YYYY-MM-DD")] = None,
    limit: Limit = 50, offset: Offset = 0, format: Fmt = Format.json,
) -> Response:
    table = queries.quotes(con, state_of(request).gazetteer, speaker, since, until, q, kind,
                           limit, offset, speaker_id=speaker_id)
    return listing(table, limit, offset, format, "quotes")


@router.get("/events", summary="Events with parties, status, date and evidence")
def list_events(
    request: Request, con: Con,
    type: Annotated[str | None, Query(description="agreement, export_control, …")] = None,
    status: str | None = None,
    party: Annotated[str | None, Query(description="Any alias of a party.")] = None,
    agreement: Annotated[str | None, Query(description="An agreement id.")] = None,
    domain: Domain = None,
    limit: Limit = 50, offset: Offset = 0, format: Fmt = Format.json,
) -> Response:
    table = queries.events(con, state_of(request).gazetteer, type, status, party, agreement,
                           limit, offset, domain=domain)
    return listing(table, limit, offset, format, "events")


@router.get("/documents", summary="Stored articles with counts of what was extracted")
def list_documents(con: Con, limit: Limit = 50, offset: Offset = 0,
                   format: Fmt = Format.json) -> Response:
    return listing(queries.articles(con, limit, offset), limit, offset, format, "documents")


@router.get("/documents/{doc_id}",
            summary="An article's text and every span: entities, quotes, speakers, dates, evidence")
def get_document(con: Con, doc_id: str) -> JSONResponse:
    return found(document_queries.document(con, doc_id), "document", doc_id)


@router.get("/search", summary="Articles and quotes containing a text (accents and case ignored)")
def search(con: Con, q: Annotated[str, Query(min_length=1, max_length=200)],
           limit: Annotated[int, Query(ge=1, le=200)] = 20, offset: Offset = 0) -> JSONResponse:
    result = document_queries.search(con, q, limit, offset)
    return JSONResponse({
        "ok": True, "q": q, "engine": "substring", "limit": limit, "offset": offset,
        **{name: {"total": t.total, "items": [plain(r) for r in t.dicts()]}
           for name, t in result.items()},
    })


_CODE = re.compile(r"^\[(F\d+)\]\s*")


@router.post("/articles", summary="Ingest articles (needs the token and a --writable server)",
             status_code=200)
async def post_articles(request: Request) -> JSONResponse:
    """Body: a JSON array of articles (`text`, optional `title`, `url`, `outlet`, `published`,
    `lang`, `id`), or one article. Each bad article gets an error with its line (its position,
    from 1) as `filon ingest` reports a JSON Lines file; the others are stored."""
    state = state_of(request)
    state.check_token(request)
    if not state.writable:
        raise ApiError(409, "read_only", "this server opened the store read-only; restart it with "
                       "`filon serve --writable` to accept articles")
    if int(request.headers.get("content-length") or 0) > MAX_BODY:
        raise ApiError(413, "too_large", f"body over {MAX_BODY} bytes")
    try:
        body = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(400, "invalid_json", f"body is not JSON: {exc}") from exc
    items = body.get("articles", [body]) if isinstance(body, dict) else body
    if not isinstance(items, list) or not items:
        raise ApiError(400, "invalid_body", "expected an article object or a non-empty array of them")
    result = await run_in_threadpool(ingest_items, state, items)
    return JSONResponse(result, status_code=result["status"])


def ingest_items(state: ServerState, items: list) -> dict:
    """Run `filon ingest` on the items, as lines of a JSON Lines file; one ingest at a time."""
    from filon import jobs
    from filon.backends.local import LocalBackend
    from filon.ingest.article import article_id

    with state.ingest_lock, tempfile.TemporaryDirectory(prefix="filon-api-") as tmp:
        if state.backend is None:
            state.backend = LocalBackend()
        path = Path(tmp) / "request.jsonl"
        path.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items),
                        encoding="utf-8")
        report = jobs.ingest([str(path)], state.db, state.backend)
        assert state.con is not None
        # the stored `source` tells where an article came from: this request, not a temp file
        state.con.execute("UPDATE documents SET source = 'POST /api/articles' || substr(source, ?)"
                          " WHERE starts_with(source, ?)", [len(str(path)) + 1, str(path)])
    errors = []
    for error in report.failed:
        match = _CODE.match(error.message)
        errors.append({"line": error.line, "code": match.group(1) if match else None,
                       "message": error.message})
    bad = {e["line"] for e in errors}
    ids = [article_id(item["text"]) if isinstance(item, dict) and isinstance(item.get("text"), str)
           and n not in bad else None for n, item in enumerate(items, 1)]
    status = 200 if report.ok else 422
    result: dict[str, Any] = {"ok": report.ok, "status": status, "ids": ids,
                              "report": {**report.as_dict(), "failed": len(report.failed)},
                              "errors": errors}
    if not report.ok:
        result["error"] = {"code": "articles_rejected",
                           "message": f"{len(errors)} of {len(items)} articles could not be read"}
    return result
