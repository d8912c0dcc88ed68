"""Golden checks of ingest on ../shared/corpus (read at run time, never copied)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import require_shared

from filon.ingest import Article, iter_articles

# the same folder the conftest fixtures `corpus_articles` and `corpus_gold` read
SHARED_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def corpus_read() -> list[Article]:
    require_shared(SHARED_CORPUS / "articles.jsonl")
    results = list(iter_articles([SHARED_CORPUS / "articles.jsonl"]))
    assert all(isinstance(r, Article) for r in results), results
    return results


def _occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(surface), text)]


def _inside(start: int, end: int, spans: list[dict], kinds: set[str] | None = None) -> bool:
    return any(
        s["start"] <= start and end <= s["end"] and (kinds is None or s["kind"] in kinds)
        for s in spans
    )


def _overlaps(start: int, end: int, spans: list[dict]) -> bool:
    return any(start < s["end"] and s["start"] < end for s in spans)


def test_ingest_corpus_metadata_matches_the_file(corpus_read, corpus_articles) -> None:
    by_id = {a["id"]: a for a in corpus_articles}
    assert {a.source_id for a in corpus_read} == set(by_id)
    for article in corpus_read:
        row = by_id[article.source_id]
        assert article.lang == row["lang"]
        assert article.published == row["published"]
        assert article.title == row["title"]


def test_ingest_corpus_credit_persons_sit_in_credit_spans(corpus_read, corpus_gold) -> None:
    for article in corpus_read:
        gold = corpus_gold[article.source_id]
        for person in gold.get("credit_persons", []):
            surfaces = [person, *gold.get("aliases", {}).get(person, [])]
            found = [occ for s in surfaces for occ in _occurrences(article.text, s)]
            assert found, person
            for start, end in found:
                assert _inside(start, end, article.boilerplate, {"credit"}), person


def test_ingest_corpus_quotes_are_never_boilerplate(corpus_read, corpus_gold) -> None:
    for article in corpus_read:
        for quote in corpus_gold[article.source_id].get("direct_quotes", []):
            for start, end in _occurrences(article.text, quote["quote"]):
                assert not _overlaps(start, end, article.boilerplate), quote["quote"]


def test_ingest_corpus_every_person_keeps_a_prose_mention(corpus_read, corpus_gold) -> None:
    for article in corpus_read:
        gold = corpus_gold[article.source_id]
        for person in gold.get("persons", []):
            surfaces = [person, *gold.get("aliases", {}).get(person, [])]
            found = [occ for s in surfaces for occ in _occurrences(article.text, s)]
            assert any(not _overlaps(s, e, article.boilerplate) for s, e in found), person
