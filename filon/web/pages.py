"""Server-rendered pages: Jinja2 with autoescape on, the same queries as the API and the CLI."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from filon.store import document_queries, queries
from filon.web import charts
from filon.web.api import DAY, Con, state_of
from filon.web.highlight import css_token, document_spans, render, url_id
from filon.web.state import HERE, ApiError

router = APIRouter(include_in_schema=False)

# autoescape for every template whatever its extension: article strings are untrusted
_env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
_env.filters["url_id"] = url_id
_env.filters["css"] = css_token
templates = Jinja2Templates(env=_env)
PAGE = 50


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


def error_page(request: Request, status: int, message: str,
               headers: dict[str, str] | None = None) -> Response:
    return page(request, "error.html", status, status_code=status, message=message,
                title=f"Error {status}")


def pager(request: Request, total: int, limit: int, offset: int) -> dict:
    """Links to the previous and next pages, keeping the other query parameters."""
    params = {k: v for k, v in request.query_params.items() if k != "offset" and v}

    def link(at: int) -> str:
        return f"{request.url.path}?{urlencode({**params, 'offset': at})}"

    return {
        "total": total, "first": offset + 1 if total else 0, "last": min(offset + limit, total),
        "prev": link(max(offset - limit, 0)) if offset > 0 else None,
        "next": link(offset + limit) if offset + limit < total else None,
    }


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, con: Con) -> HTMLResponse:
    data = queries.dashboard(con, limit=10)
    return page(request, "dashboard.html", title="filon", data=data,
                chart=charts.status_bars(data["by_status"]))


@router.get("/agreements", response_class=HTMLResponse)
def agreements_page(request: Request, con: Con, status: str | None = None, party: str | None = None,
                    q: str | None = None, offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    table = queries.agreement_list(con, state_of(request).gazetteer, status or None, party or None,
                                   q or None, PAGE, offset)
    return page(request, "agreements.html", title="Agreements", rows=table.dicts(),
                pager=pager(request, table.total or 0, PAGE, offset),
                filters={"status": status or "", "party": party or "", "q": q or ""})


@router.get("/agreements/{agreement_id}", response_class=HTMLResponse)
def agreement_page(request: Request, con: Con, agreement_id: str,
                   offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    agr = queries.agreement(con, agreement_id, PAGE, offset)
    if agr is None:
        raise ApiError(404, "not_found", f"no agreement with id {agreement_id!r}")
    # the chart shows every step (dates and statuses only); the list below, one page of them
    return page(request, "agreement.html", title=agr["name"] or agreement_id, agr=agr,
                chart=charts.timeline(queries.agreement_steps(con, agreement_id)),
                pager=pager(request, agr["timeline_total"], PAGE, offset))


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, con: Con, label: str | None = None, q: str | None = None,
                offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    table = queries.actors(con, label or None, PAGE, offset, q or None)
    return page(request, "actors.html", title="Actors", rows=table.dicts(),
                pager=pager(request, table.total or 0, PAGE, offset),
                filters={"label": label or "", "q": q or ""})


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, con: Con, actor_id: str) -> HTMLResponse:
    actor = queries.actor(con, state_of(request).gazetteer, actor_id)
    if actor is None:
        raise ApiError(404, "not_found", f"no actor with id {actor_id!r}")
    return page(request, "actor.html", title=actor["name"] or actor_id, actor=actor,
                chart=charts.bars_over_time(actor["mentions_per_day"]))


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(
    request: Request, con: Con, speaker: str | None = None,
    kind: Annotated[str | None, Query(pattern="^(|direct|indirect|mixed|term)$")] = None,
    q: str | None = None,
    since: Annotated[str | None, Query(pattern=f"(^$)|({DAY})")] = None,
    until: Annotated[str | None, Query(pattern=f"(^$)|({DAY})")] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    table = queries.quotes(con, state_of(request).gazetteer, speaker or None, since or None,
                           until or None, q or None, kind or None, PAGE, offset)
    # the same filters for the export links; urlencode escapes them, Jinja escapes the result
    export = {"speaker": speaker, "kind": kind, "q": q, "since": since, "until": until}
    export_query = urlencode({"limit": 10_000, **{k: v for k, v in export.items() if v}})
    return page(request, "quotes.html", title="Quotes", rows=table.dicts(),
                pager=pager(request, table.total or 0, PAGE, offset), export_query=export_query,
                filters={"speaker": speaker or "", "kind": kind or "", "q": q or "",
                         "since": since or "", "until": until or ""})


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, con: Con, doc_id: str) -> HTMLResponse:
    doc = document_queries.document(con, doc_id)
    if doc is None:
        raise ApiError(404, "not_found", f"no document with id {doc_id!r}")
    # only http(s) addresses become links: a stored `javascript:` URL stays text
    url = doc["url"] or ""
    safe_url = url if url.lower().startswith(("http://", "https://")) else None
    return page(request, "document.html", title=doc["title"] or doc_id, doc=doc, safe_url=safe_url,
                body=render(doc["text"], document_spans(doc)))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, con: Con, q: str = "",
                offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    q = q.strip()[:200]
    result = document_queries.search(con, q, 20, offset) if q else None
    total = max((t.total or 0 for t in result.values()), default=0) if result else 0
    return page(request, "search.html", title=f"Search: {q}" if q else "Search", q=q,
                docs=result["documents"].dicts() if result else [],
                docs_total=result["documents"].total if result else 0,
                said=result["quotes"].dicts() if result else [],
                said_total=result["quotes"].total if result else 0,
                pager=pager(request, total, 20, offset))


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The OpenAPI description as a page (FastAPI's Swagger UI would load from a CDN)."""
    spec = request.app.openapi()
    routes = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            routes.append({"method": method.upper(), "path": path, "summary": op.get("summary"),
                           "description": op.get("description"),
                           "params": [{"name": p["name"], "in": p["in"],
                                       "required": p.get("required", False),
                                       "description": p.get("description") or ""}
                                      for p in op.get("parameters", [])]})
    return page(request, "docs.html", title="API", routes=routes, spec=spec)
