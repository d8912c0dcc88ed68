"""The `filon serve` application: a JSON API and server-rendered pages over one DuckDB store.

The store is opened once, read-only unless the server was started with `--writable`; each
request works on its own cursor (DuckDB connections are not shared across threads, cursors of
one connection are).
"""

from __future__ import annotations

import hmac
import logging
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from filon.domains.gazetteer import Gazetteer
from filon.errors import FilonError

HERE = Path(__file__).resolve().parent
logger = logging.getLogger("filon.web")

# No inline script or style anywhere: every script and stylesheet is a file under /static.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class ApiError(Exception):
    """An error answered as `{"ok": false, "error": {"code", "message"}, "status"}`."""

    def __init__(self, status: int, code: str, message: str,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


@dataclass
class ServerState:
    """What every request shares: the store connection, the gazetteer, the ingest lock."""

    db: Path
    writable: bool = False
    token_env: str = "FILON_TOKEN"
    con: duckdb.DuckDBPyConnection | None = None
    gazetteer: Gazetteer | None = None
    ingest_lock: threading.Lock = field(default_factory=threading.Lock)
    backend: Any = None  # LocalBackend, built on the first POST /api/articles

    def open(self) -> None:
        from filon.domains.gazetteer import load_gazetteer
        from filon.store import Store

        # Store checks the file exists (read-only) or migrates it (writable)
        self.con = Store(self.db, read_only=not self.writable).con
        self.gazetteer = load_gazetteer()

    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        assert self.con is not None
        cur = self.con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def token(self) -> str | None:
        # read per request, so a token rotated in the environment of a test applies at once
        return os.environ.get(self.token_env) or None

    def check_token(self, request: Request) -> None:
        """403 when the server has no token, 401 when the request does not carry it."""
        expected = self.token()
        if expected is None:
            raise ApiError(403, "writes_disabled",
                           f"no write token configured: set ${self.token_env} before `filon serve`")
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(),
                                                                  expected.encode()):
            raise ApiError(401, "unauthorized", "missing or wrong 'Authorization: Bearer <token>'",
                           headers={"WWW-Authenticate": "Bearer"})


def _error_body(status: int, code: str, message: str) -> dict:
    return {"ok": False, "error": {"code": code, "message": message}, "status": status}


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api/") or path == "/openapi.json")


def create_app(db: str | Path, *, writable: bool = False, token_env: str = "FILON_TOKEN") -> FastAPI:
    """The application over the store `db` (which must exist)."""
    from filon.web import api, pages

    state = ServerState(Path(db), writable=writable, token_env=token_env)
    state.open()
    app = FastAPI(
        title="filon",
        version="0.1.0",
        description="Actors, quotes and agreements rebuilt from French news, each fact tied "
        "to its characters in the source article.",
        # FastAPI's own /docs loads Swagger UI from a CDN; ours is rendered by the server
        docs_url=None, redoc_url=None,
    )
    app.state.filon = state
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    def error_response(request: Request, status: int, code: str, message: str,
                       headers: dict[str, str] | None = None) -> Response:
        if _wants_html(request):
            return pages.error_page(request, status, message, headers)
        return JSONResponse(_error_body(status, code, message), status_code=status, headers=headers)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return error_response(request, exc.status_code, code, str(exc.detail),
                              getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        message = "; ".join(
            f"{'.'.join(str(p) for p in err.get('loc', ()))}: {err.get('msg')}" for err in exc.errors())
        return error_response(request, 422, "invalid_request", message)

    @app.exception_handler(FilonError)
    async def filon_error(request: Request, exc: FilonError) -> Response:
        return error_response(request, 500, "store_error", str(exc))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        # the reason goes to the server log, not to the client
        logger.exception("unhandled error on %s", request.url.path, exc_info=exc)
        return error_response(request, 500, "internal_error", "internal server error",
                              dict(SECURITY_HEADERS))

    return app


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000, *, writable: bool = False,
          token_env: str = "FILON_TOKEN") -> None:
    """Run the app on uvicorn until interrupted."""
    import uvicorn

    app = create_app(db, writable=writable, token_env=token_env)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)

