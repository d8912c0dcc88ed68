"""The public surface of `filon.ingest` (httpx-style exported-members check)."""

from __future__ import annotations

import inspect

import filon.ingest


def test_ingest_all_lists_existing_public_names() -> None:
    for name in filon.ingest.__all__:
        assert hasattr(filon.ingest, name), name
    assert {"iter_articles", "ReadResult", "Article"} <= set(filon.ingest.__all__)


def test_ingest_iter_articles_signature_is_the_contract() -> None:
    params = inspect.signature(filon.ingest.iter_articles).parameters
    assert list(params) == ["paths", "max_bytes", "default_lang"]
    assert params["max_bytes"].kind is inspect.Parameter.KEYWORD_ONLY
    assert params["max_bytes"].default == 20_000_000
    assert params["default_lang"].default is None


def test_ingest_import_does_not_load_heavy_dependencies() -> None:
    # trafilatura and lingua cost ~2 s together; loaded on first use only (charset-normalizer
    # is not checked: spaCy's own dependencies import it)
    import subprocess
    import sys

    code = (
        "import sys, filon.ingest; "
        "print([m for m in ('trafilatura', 'lingua') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
