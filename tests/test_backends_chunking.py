"""Issue 12: a text over the chunk limit runs in parts cut at paragraph or sentence ends, each
behind a lead-in of the part before, and the merged record's offsets point into the whole text
(property tests, on the real pipeline)."""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_extract_properties import FRAGMENTS, check_offsets

from filon.backends.chunking import (
    LEAD_CHARS,
    LEAD_SHARE,
    MAX_CHUNK_TOKENS,
    Part,
    chunk_bounds,
    estimated_tokens,
    lead_in,
    merge_records,
    part_bounds,
    part_size,
    pipe_groups,
    shift,
    split_article,
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
    parts = [(Part(0, 0, 3, article), {
                 "id": "x", "published": "2025-02-24", "entities": [{"start": 0, "end": 2}],
                 "quotes": [], "events": [], "dates": [], "boilerplate": []}),
             (Part(4, 4, 9, article), {
                 "id": "y", "published": "2025-02-24", "entities": [{"start": 0, "end": 4}],
                 "quotes": [], "events": [], "dates": [], "boilerplate": []})]
    record = merge_records(article, parts)
    assert record["id"] == article.id and record["source_id"] == "in-7"
    assert [(e["start"], e["end"]) for e in record["entities"]] == [(0, 2), (4, 8)]
    assert record["chunks"] == [[0, 3], [4, 9]]


def _event(start: int, end: int, quote_index: int | None = None) -> dict:
    return {"type": "agreement", "evidence": {"start": start, "end": end},
            "trigger": {"start": start + 1, "end": start + 2}, "quote_index": quote_index}


def test_chunking_merge_drops_what_the_lead_in_holds_and_repoints_quote_indexes():
    """Part 2 runs on [10, 30) of the text and owns [20, 30): what it finds from 10 to 20 was the
    first part's. An event after the cut may lean on a quote of the lead-in: its index points
    at that quote as the first part found it."""
    article = Article(text="x" * 30, lang="fr")
    first = {"entities": [{"start": 12, "end": 14}], "dates": [],
             "quotes": [{"start": 2, "end": 5}, {"start": 12, "end": 16}],
             "events": [_event(0, 6, 0), _event(11, 18, 1)]}
    second = {"entities": [{"start": 2, "end": 4}, {"start": 11, "end": 15}], "dates": [],
              "quotes": [{"start": 2, "end": 6}, {"start": 12, "end": 14}],
              # the first event's sentence reaches back over the cut (evidence at 9, trigger at
              # 10: the part's own); the second leans on the lead-in's quote
              "events": [_event(1, 8, 0), _event(9, 14, 1), _event(12, 18, 0)]}
    record = merge_records(article, [(Part(0, 0, 20, article), first),
                                     (Part(10, 20, 30, article), second)])
    assert [(e["start"], e["end"]) for e in record["entities"]] == [(12, 14), (21, 25)]
    assert [(q["start"], q["end"]) for q in record["quotes"]] == [(2, 5), (12, 16), (22, 24)]
    events = [(e["evidence"]["start"], e["trigger"]["start"], e["quote_index"])
              for e in record["events"]]
    # (12, 16) in the whole text is the first part's second quote; the lead-in's (12, 16) in
    # part coordinates is (2, 6), which the first part knew as (12, 16): index 1
    assert events == [(0, 1, 0), (11, 12, 1), (19, 20, 2), (22, 23, 1)]


def test_chunking_lead_in_starts_at_the_first_paragraph_then_line_then_sentence_in_reach():
    text = "Aa bb. Cc dd.\nEe ff. Gg hh.\n\nIi jj. Kk ll.\n\nMm."
    cut = text.index("Mm")
    assert lead_in(text, 0, cut) == text.index("Ii")
    # the paragraph break right at the cut opens nothing before it: a sentence start does
    assert lead_in(text, text.index("jj"), cut) == text.index("Kk")
    assert lead_in(text, text.index("ll"), cut) == cut
    assert lead_in(text, 1, text.index("Ii")) == text.index("Ee")
    assert lead_in(text, 1, text.index("Ee")) == text.index("Cc")
    assert lead_in(text, 1, text.index("dd")) == text.index("Cc")  # a word start at worst
    assert lead_in(text, 1, 3) == 3  # no word starts in reach


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("ab .\n!?«»"), max_size=3000),
       max_chars=st.integers(min_value=8, max_value=900))
def test_chunking_parts_and_their_lead_ins_stay_within_the_limit(text, max_chars):
    """The parts proper cover the text as `chunk_bounds` does; each lead-in is a stretch of the
    part before, starts on a non-space, and with its part fits the limit."""
    text = Article(text=text).text
    bounds = part_bounds(text, max_chars)
    limit = part_size(text, max_chars)
    if len(text) <= limit:
        assert bounds == [(0, 0, len(text))]
        return
    assert bounds[0][:2] == (0, 0) and bounds[-1][2] == len(text)
    covered = "".join(text[s:e] for _, s, e in bounds)
    assert covered.replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")
    for (_, before, _), (lead, start, end) in pairwise(bounds):
        assert before < lead <= start < end and end - lead <= limit
        assert start - lead <= min(LEAD_CHARS, limit // LEAD_SHARE)
        assert lead == start or not text[lead].isspace()


def test_chunking_parts_carry_their_lead_in_and_its_boilerplate():
    text = "\n\n".join(f"Paragraphe {i} : le ministre a parlé." for i in range(60))
    article = Article(text=text, lang="fr", boilerplate=[{"start": 0, "end": len(text), "kind": "x"}])
    parts = split_article(article, 1000)
    assert len(parts) > 2 and parts[0].lead == parts[0].start == 0
    for part in parts:
        assert part.article.text == text[part.lead:part.end].rstrip()
        assert part.article.boilerplate == [{"start": 0, "end": part.end - part.lead, "kind": "x"}]
    assert all(text[p.lead:p.start].startswith("Paragraphe") for p in parts[1:])


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
    # one paragraph a part, each behind a lead-in of the end of the paragraph before
    parts, = run_batch(nlp, [Article(text=text, published="2025-02-24", lang="fr")], 4, None,
                       2 * len(para))
    assert len(parts["chunks"]) == 6 and "chunks" not in whole
    for layer in ("quotes", "dates"):
        spans = [(i["start"], i["end"], i["text"]) for i in whole[layer]]
        assert spans and spans == [(i["start"], i["end"], i["text"]) for i in parts[layer]]


_FILLER = ("La production de lithium a progressé de 12 % au dernier trimestre dans les mines "
           "d'Australie occidentale, selon les chiffres publiés par le bureau des statistiques. "
           "Les cours du métal restent toutefois loin de leurs sommets de 2022.")
_NAMED = ("Le ministre ukrainien des Finances, Serhiy Martchenko, a reçu mardi 11 mars à Kiev une "
          "délégation américaine. Les deux parties ont paraphé un accord sur les minerais entre "
          "l'Ukraine et les États-Unis.")
_AFTER = ("« Nous signerons le texte définitif dans les prochains jours », a-t-il ajouté. "
          "Le ministre a précisé que la Rada voterait le texte. "
          "L'accord devrait être ratifié par la Rada le lendemain.")


@pytest.mark.slow
def test_chunking_a_part_sees_what_was_named_before_its_cut(nlp):
    """Cut right after the paragraph that names the minister and the deal: the pronoun's quote,
    "le ministre", the anaphoric "l'accord" and "le lendemain" after the cut read as in the whole
    text, and the merged record is the whole text's, item for item (nothing lost or doubled)."""
    text = "\n\n".join([_FILLER] * 13 + [_NAMED, _AFTER] + [_FILLER] * 2)
    article = Article(text=text, published="2025-03-12", lang="fr")
    cut = text.index(_AFTER)
    max_chars = next(m for m in range(cut, 2 * cut) if part_bounds(text, m)[1][1] == cut)
    assert part_bounds(text, max_chars)[1][0] == text.index(_NAMED)  # the lead-in
    whole, = run_batch(nlp, [article], 4, None)
    parts, = run_batch(nlp, [article], 4, None, max_chars)
    assert parts.pop("chunks") == [[0, cut], [cut, len(text)]]
    after = [q for q in parts["quotes"] if q["start"] >= cut]
    assert len(after) == 2 and all("Martchenko" in q["speaker"]["name"] for q in after)
    ratified = [e for e in parts["events"] if e["trigger"]["start"] > text.index("ratifié") - 3]
    assert ratified and {p["name"] for p in ratified[0]["parties"]} == {"Ukraine", "United States"}
    assert [d["value"] for d in parts["dates"] if d["text"] == "le lendemain"] == ["2025-03-12"]
    assert parts == whole
