"""Issue 12: a text over the chunk limit runs in parts cut at paragraph or sentence ends, and the
merged record's offsets point into the whole text (property tests, on the real pipeline)."""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_extract_properties import FRAGMENTS, check_offsets

from filon.backends.chunking import (
    MAX_CHUNK_TOKENS,
    chunk_bounds,
    estimated_tokens,
    merge_records,
    pipe_groups,
    shift,
)
from filon.backends.local import run_batch
from filon.ingest.article import Article

pytestmark = [pytest.mark.issue(12)]


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("ab .\n!?«»"), max_size=400),
       max_chars=st.integers(min_value=1, max_value=120))
def test_chunking_bounds_cover_the_text_within_the_limit(text, max_chars):
    bounds = chunk_bounds(text, max_chars)
    assert all(0 <= s < e <= len(text) and e - s <= max_chars for s, e in bounds) or text == ""
    assert all(a[1] <= b[0] for a, b in pairwise(bounds))
    # only the whitespace at a cut is left out, and no part opens with whitespace
    covered = "".join(text[s:e] for s, e in bounds)
    assert covered.replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")
    assert all(not text[s].isspace() for s, e in bounds[1:])


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.integers(min_value=0, max_value=30_000), max_size=40),
       batch_size=st.integers(min_value=1, max_value=20))
def test_chunking_pipe_groups_bound_the_tokens_run_together(words, batch_size):
    articles = [Article(text="mot " * n + f"fin {i}.", lang="fr") for i, n in enumerate(words)]
    groups = pipe_groups(articles, batch_size)
    assert [a for g in groups for a in g] == articles
    for group in groups:
        assert 1 <= len(group) <= batch_size
        tokens = sum(estimated_tokens(a.text) for a in group)
        assert tokens <= MAX_CHUNK_TOKENS or len(group) == 1


def test_chunking_pipe_groups_keep_a_batch_of_news_whole():
    """A batch of ordinary articles (a few thousand characters) still runs as one batch."""
    articles = [Article(text="Le ministre a signé l'accord. " * 75, lang="fr") for _ in range(16)]
    assert len(pipe_groups(articles, 16)) == 1
    assert len(pipe_groups(articles * 4, 16)) == 4


def test_chunking_cuts_at_a_paragraph_then_at_a_sentence():
    text = "Un. Deux.\n\nTrois quatre. Cinq six sept."
    assert chunk_bounds(text, 15) == [(0, 11), (11, 25), (25, len(text))]
    assert chunk_bounds(text, 1000) == [(0, len(text))]


def test_chunking_shift_moves_every_offset_and_nothing_else():
    item = {"start": 1, "end": 4, "text": "abc", "cue_start": 5, "cue_end": 7, "idx": 3,
            "speaker": {"start": 0, "end": 2, "name": None}, "quotes": [{"start": 1, "end": 2}],
            "incise": {"start": 2, "end": 3}, "fragment": True, "term": False}
    moved = shift(item, 100)
    assert (moved["start"], moved["end"], moved["cue_start"], moved["cue_end"]) == (101, 104, 105, 107)
    assert moved["speaker"]["start"] == 100 and moved["quotes"][0]["end"] == 102
    assert moved["incise"] == {"start": 102, "end": 103}
    assert (moved["idx"], moved["fragment"], moved["term"]) == (3, True, False)


def test_chunking_merge_keeps_the_article_identity():
    article = Article(text="Un. Deux.", published="2025-02-24", lang="fr", source_id="in-7")
    parts = [(0, 3, {"id": "x", "published": "2025-02-24", "entities": [{"start": 0, "end": 2}],
                     "quotes": [], "events": [], "dates": [], "boilerplate": []}),
             (4, 9, {"id": "y", "published": "2025-02-24", "entities": [{"start": 0, "end": 4}],
                     "quotes": [], "events": [], "dates": [], "boilerplate": []})]
    record = merge_records(article, parts)
    assert record["id"] == article.id and record["source_id"] == "in-7"
    assert [(e["start"], e["end"]) for e in record["entities"]] == [(0, 2), (4, 8)]
    assert record["chunks"] == [[0, 3], [4, 9]]


PARAGRAPHS = st.lists(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12).map(" ".join),
                      min_size=2, max_size=8).map("\n\n".join)


@pytest.mark.slow
@settings(max_examples=12, deadline=timedelta(seconds=60),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=PARAGRAPHS, max_chars=st.integers(min_value=40, max_value=300))
def test_chunking_merged_spans_slice_the_whole_text(nlp, text, max_chars):
    article = Article(text=text, published="2025-02-24", lang="fr")
    [record] = run_batch(nlp, [article], 4, None, max_chars)
    assert isinstance(record, dict), record
    assert record["id"] == article.id
    check_offsets(record, article.text)
    if len(article.text) > max_chars:
        assert all(e - s <= max_chars for s, e in record["chunks"])


@pytest.mark.slow
def test_chunking_finds_the_same_spans_in_every_part(nlp):
    """Cut between self-contained paragraphs, the parts find what the whole text finds."""
    para = ("« Nous signerons l'accord lundi », a déclaré Volodymyr Zelensky le 24 février 2025 "
            "à Kiev.")
    text = "\n\n".join([para] * 6)
    whole, = run_batch(nlp, [Article(text=text, published="2025-02-24", lang="fr")], 4, None)
    parts, = run_batch(nlp, [Article(text=text, published="2025-02-24", lang="fr")], 4, None,
                       len(para) + 2)
    assert len(parts["chunks"]) == 6 and "chunks" not in whole
    for layer in ("quotes", "dates"):
        spans = [(i["start"], i["end"], i["text"]) for i in whole[layer]]
        assert spans and spans == [(i["start"], i["end"], i["text"]) for i in parts[layer]]
