"""The `filon serve` application: a JSON API and server-rendered pages over one DuckDB store.

The store is opened once, read-only unless the server was started with `--writable`; each
request works on its own cursor (DuckDB connections are not shared across threads, cursors of
one connection are).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from filon.errors import FilonError
from filon.web import api, pages
from filon.web.state import HERE, SECURITY_HEADERS, ApiError, ServerState

logger = logging.getLogger("filon.web")


def _error_body(status: int, code: str, message: str) -> dict:
    return {"ok": False, "error": {"code": code, "message": message}, "status": status}


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not (path.startswith("/api/") or path == "/openapi.json")


def create_app(db: str | Path, *, writable: bool = False, token_env: str = "FILON_TOKEN") -> FastAPI:
    """The application over the store `db` (which must exist)."""

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

