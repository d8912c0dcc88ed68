"""Issue 12: the readers on random and adversarial input. Whatever the bytes, a reader yields
articles or `InputError`s (never another exception) and finishes fast."""

from __future__ import annotations

import json
import time
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from filon.errors import InputError
from filon.ingest.article import Article
from filon.ingest.encoding import Decoded, decode_bytes
from filon.ingest.readers import _read_json, _read_jsonl, _read_txt, split_header

# A generous per-example budget: the shared test machine can be slow, but a reader stuck in a
# quadratic loop or deep recursion on 2 KB of input takes far longer than this.
FAST = settings(max_examples=150, deadline=timedelta(seconds=10),
                suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module", autouse=True)
def _warm_language_detection() -> None:
    """lingua loads its models on first use; that load is not the readers' time."""
    list(_read_txt("Un court texte en français pour charger les modèles.".encode(), "w.txt", None))

# pieces that broke readers before: lone surrogates, deep nesting, headers, BOMs, controls
_ATOMS = st.sampled_from([
    "\ud800", "\udfff", "\\ud800", "[" * 2000, "{" * 2000, '{"text": ', '"}', "---", "title: x",
    "published: 31 février 2025", "lang: zz", "url: javascript:x", "\ufeff", "\x00", "\x1b]0;x\x07",
    "« ", " »", "\r\n", "\n\n", "é", "\u202e", "null", "1e999", '"id": true', "KIEV, 3 mars (AFP) -",
])
_ADVERSARIAL = st.lists(st.one_of(_ATOMS, st.text(max_size=40)), max_size=30).map("".join)


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # keeps lone surrogates as (invalid) bytes


def _json_values():
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                        st.text(max_size=30), _ATOMS)
    return st.recursive(scalars, lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
        max_leaves=12)


_FIELDS = st.fixed_dictionaries({}, optional={
    key: _json_values() for key in ("text", "title", "url", "outlet", "published", "lang", "id")})


def _all_results(results) -> list:
    out = list(results)
    assert all(isinstance(r, Article | InputError) for r in out), out
    return out


@pytest.mark.issue(12)
@FAST
@given(st.one_of(_ADVERSARIAL, st.text(max_size=400)))
def test_ingest_properties_header_parser_returns_or_raises_input_error(text):
    try:
        meta, body = split_header(text, "x.txt")
    except InputError:
        return
    assert isinstance(meta, dict) and isinstance(body, str)


@pytest.mark.issue(12)
@FAST
@given(st.one_of(st.binary(max_size=2000), _ADVERSARIAL.map(_encode)))
def test_ingest_properties_encoding_detection_returns_or_raises_input_error(data):
    try:
        decoded = decode_bytes(data, "x.txt")
    except InputError:
        return
    assert isinstance(decoded, Decoded) and isinstance(decoded.text, str)
    decoded.text.encode("utf-8")  # never a lone surrogate in decoded text


@pytest.mark.issue(12)
@FAST
@given(st.one_of(st.binary(max_size=1000), _ADVERSARIAL.map(_encode)))
def test_ingest_properties_txt_reader_yields_articles_or_errors(data):
    _all_results(_read_txt(data, "x.txt", "fr"))


@pytest.mark.issue(12)
@FAST
@given(st.lists(st.one_of(_FIELDS.map(lambda d: json.dumps(d, ensure_ascii=True)),
                          _json_values().map(json.dumps), _ADVERSARIAL), max_size=8))
def test_ingest_properties_jsonl_reader_yields_articles_or_errors(lines):
    data = _encode("\n".join(lines))
    for reader in (_read_jsonl, _read_json):
        for result in _all_results(reader(data, "x.jsonl", "fr")):
            if isinstance(result, Article):
                # what the store and the terminal receive must be valid Unicode
                for value in (result.text, result.title, result.url, result.outlet, result.source_id):
                    if value is not None:
                        value.encode("utf-8")


@pytest.mark.issue(12)
def test_ingest_properties_huge_nesting_is_fast():
    data = ("[" * 100_000 + "\n" + "{" * 100_000 + '\n{"text": "Un texte sain.", "lang": "fr"}\n').encode()
    started = time.monotonic()
    results = _all_results(_read_jsonl(data, "x.jsonl", "fr"))
    assert time.monotonic() - started < 5
    assert [type(r).__name__ for r in results] == ["InputError", "InputError", "Article"]
    assert results[0].line == 1 and results[1].line == 2
