"""Shared set-up of the web tests: one store built from examples/ plus a hostile article.

Not a conftest fixture (the web tests keep to their own files): `web_store()` builds the store
once per test session and every web test module reuses it.
"""

from __future__ import annotations

import atexit
import functools
import json
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
JS_LINK = '<a href="javascript:alert(1)">le texte</a>'
XSS_ARTICLE = {
    "id": "xss-1",
    "title": f"Minerais {SCRIPT} {IMG}",
    "url": "javascript://%0Aalert(1)",
    "outlet": f"<b>{IMG}</b>",
    "published": "2025-03-03",
    "lang": "fr",
    "text": (
        "KIEV, 3 mars 2025 (AFP) - Le président ukrainien Volodymyr Zelensky a assuré lundi que "
        "l'Ukraine restait prête à signer l'accord sur les minerais avec les États-Unis. "
        f"« Nous sommes prêts à travailler {SCRIPT} {IMG} », a-t-il déclaré à Kiev. "
        f"Voir {JS_LINK} publié par la présidence."
    ),
}


@functools.cache
def web_store() -> Path:
    """A store of examples/ and XSS_ARTICLE (about 30 s, once per session)."""
    from filon import jobs
    from filon.backends.local import LocalBackend

    tmp = Path(tempfile.mkdtemp(prefix="filon-web-tests-"))
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)
    feed = tmp / "hostile.jsonl"
    feed.write_text(json.dumps(XSS_ARTICLE, ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp / "web.duckdb"
    report = jobs.ingest([EXAMPLES, feed], db, LocalBackend())
    assert report.ok, report.as_dict()
    return db


def client_for(db: Path, **options: object):
    """A TestClient of the app over `db` (its import warns that httpx will be replaced)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from filon.web import create_app

    return TestClient(create_app(db, **options))  # type: ignore[arg-type]


def xss_doc_id() -> str:
    from filon.ingest.article import article_id

    return article_id(XSS_ARTICLE["text"])
