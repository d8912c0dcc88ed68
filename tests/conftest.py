"""The one conftest (spaCy style): shared, session-scoped fixtures."""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp():
    """The full filon pipeline on fr_core_news_md, built once."""
    from filon.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def rules_nlp():
    """The full pipeline with the rules alone (no learned status model): for tests of what the
    rules read and deliberately leave unread; the model's additions are tested on their own."""
    import os

    from filon.pipeline import build_pipeline
    from filon.pipeline.events.learned import MODEL_ENV

    before = os.environ.get(MODEL_ENV)
    os.environ[MODEL_ENV] = "off"
    try:
        return build_pipeline()
    finally:
        if before is None:
            del os.environ[MODEL_ENV]
        else:
            os.environ[MODEL_ENV] = before


@pytest.fixture(scope="session")
def nlp_bare():
    """The bare French model without filon components."""
    import spacy

    return spacy.load("fr_core_news_md")


@pytest.fixture(scope="session")
def gazetteer():
    from filon.domains.gazetteer import load_gazetteer

    return load_gazetteer()


def require_shared(path: Path) -> None:
    """Skip a test whose ../shared file is absent: a newcomer's lone clone still runs the rest.

    Under CI (`CI` set) the shared corpus is part of the checkout, so its absence fails instead.
    """
    if path.exists():
        return
    message = (f"shared corpus missing at {path}: clone the project next to ../shared to run "
               "this test (set CI=1 to make its absence a failure)")
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def corpus_articles() -> list[dict]:
    """Articles of ../shared/corpus (read-only; never copied into the project)."""
    path = SHARED_CORPUS / "articles.jsonl"
    require_shared(path)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="session")
def corpus_gold() -> dict[str, dict]:
    path = SHARED_CORPUS / "gold.jsonl"
    require_shared(path)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return {row["id"]: row for row in rows}


def annotate(nlp, text: str, published: str | None = "2025-02-24"):
    """Run the pipeline on one text with a publication date; returns the Doc."""
    from filon.ingest.article import Article
    from filon.pipeline import process

    article = Article(text=text, published=published, lang="fr")
    [(_, doc)] = list(process(nlp, [article]))
    return doc


@pytest.fixture(scope="session")
def run():
    """`run(nlp, text, published=...)` -> annotated Doc."""
    return annotate


def pytest_addoption(parser):
    parser.addoption("--update-baseline", action="store_true", default=False,
                     help="record measured evaluation figures in tests/eval_baseline.json")


# -- a real HTTP server on 127.0.0.1 for the feed and page tests ----------------------------------

FEED_FIXTURES = ROOT / "tests" / "data" / "feeds"


@dataclass(frozen=True)
class Hit:
    """One request the fixture site received."""

    at: float  # time.monotonic() when it arrived
    path: str
    headers: dict[str, str]


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    stall: float = 0.0  # seconds to wait before answering (ended early at teardown)


class FixtureSite:
    """A threaded http.server on 127.0.0.1 with routes set by the test; every request recorded.

    A route is a function of the `Hit` returning a `Reply`; a path without a route answers 404
    (so robots.txt is absent unless a test serves one).
    """

    def __init__(self) -> None:
        self.routes: dict[str, Callable[[Hit], Reply]] = {}
        self.hits: list[Hit] = []
        self.release = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                hit = Hit(time.monotonic(), self.path, {k.lower(): v for k, v in self.headers.items()})
                site.hits.append(hit)
                route = site.routes.get(self.path.split("?", 1)[0])
                reply = route(hit) if route else Reply(404, b"<html><body>introuvable</body></html>",
                                                       {"Content-Type": "text/html"})
                if reply.stall and site.release.wait(reply.stall):
                    return
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                with contextlib.suppress(OSError):  # the client may have given up (timeout)
                    self.wfile.write(reply.body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()

    def hits_for(self, path: str) -> list[Hit]:
        return [hit for hit in self.hits if hit.path == path]

    def fixture(self, name: str) -> bytes:
        """A file of tests/data/feeds with {base} replaced by this server's address."""
        text = (FEED_FIXTURES / name).read_text(encoding="utf-8")
        return text.replace("{base}", self.base).encode("utf-8")

    def serve(self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8",
              etag: str | None = None, last_modified: str | None = None) -> None:
        """A static resource; answers 304 to a request whose validators match."""

        def route(hit: Hit) -> Reply:
            headers = {"Content-Type": content_type}
            if etag:
                headers["ETag"] = etag
            if last_modified:
                headers["Last-Modified"] = last_modified
            if (etag and hit.headers.get("if-none-match") == etag) or (
                    not etag and last_modified and hit.headers.get("if-modified-since") == last_modified):
                return Reply(304, b"", headers)
            return Reply(200, body, headers)

        self.routes[path] = route

    def sequence(self, path: str, *replies: Reply) -> None:
        """Answers in turn; the last one repeats."""
        queue = list(replies)

        def route(hit: Hit) -> Reply:
            return queue.pop(0) if len(queue) > 1 else queue[0]

        self.routes[path] = route

    def news_site(self) -> None:
        """The French news site of tests/data/feeds: an RSS feed, an Atom feed and four pages."""
        self.serve("/rss.xml", self.fixture("rss.xml"), "application/rss+xml; charset=utf-8",
                   etag='"rss-v1"', last_modified="Wed, 26 Feb 2025 09:30:00 GMT")
        self.serve("/atom.xml", self.fixture("atom.xml"), "application/atom+xml",
                   last_modified="Sat, 21 Jun 2025 07:00:00 GMT")
        for path in ("/international/accord-minerais.html", "/economie/terres-rares.html",
                     "/international/lithium-serbie.html", "/economie/cobalt-rdc.html"):
            self.serve(path, self.fixture(path.rsplit("/", 1)[1]))


@pytest.fixture
def site():
    """A fresh `FixtureSite` on 127.0.0.1, shut down after the test."""
    server = FixtureSite()
    yield server
    server.close()
