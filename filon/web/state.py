"""What every request of `filon serve` shares: the store connection, the gazetteer, the ingest
lock, and the error that the API and the pages turn into one JSON or HTML shape."""

from __future__ import annotations

import hmac
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
from fastapi import Request

from filon.domains.gazetteer import Gazetteer

HERE = Path(__file__).resolve().parent

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


