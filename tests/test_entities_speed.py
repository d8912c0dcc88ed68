"""The table-based helpers of `filon_entities` against the spaCy features they replace.

`filon_entities` reads character offsets of the cached text and the shared token table, and
writes `doc.ents` with one `Doc.from_array` (about twice as fast as Spans). Its output was checked
equal, entity for entity and token column for column, to the Span-based code before the change
(commit 17586bd) on written sentences, shuffled articles, the examples, held-out and corpus
articles; what stays tested here are the primitives, each against spaCy, so that the tests keep
holding when the linking rules change.
"""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.tokens import Span

from filon.pipeline.entities.component import write_ents
from filon.pipeline.entities.mentions import Mention, span_chars
from filon.pipeline.tokens import TokenTable

NLP = spacy.blank("fr")
TEXT = ("Le président ukrainien Volodymyr Zelensky a reçu lundi à Kiev l'émissaire de la "
        "Maison Blanche, selon un communiqué du ministère des Affaires étrangères.")
LABELS = ["PER", "ORG", "LOC", "MISC"]


def _mentions(draw_spans: list[tuple[int, int, int, bool]], n: int) -> list[tuple[int, int, str, str, str]]:
    """Non-overlapping (start, end, label, id, kind) from raw draws, in text order."""
    taken = [False] * n
    out = []
    for start, width, label, is_role in draw_spans:
        start = min(start, n - 1)
        end = min(start + width, n)
        if any(taken[start:end]):
            continue
        taken[start:end] = [True] * (end - start)
        kind = "role" if is_role else "name"
        out.append((start, end, LABELS[label], f"filon:x{start}" if label != 3 else "", kind))
    return sorted(out)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 4), st.integers(0, 3), st.booleans()),
                max_size=8),
       st.lists(st.integers(0, 40), max_size=3))
def test_set_ents_writes_what_spacys_set_ents_writes(draws, earlier):
    """Same IOB, type and kb id columns as `doc.set_ents(spans, default="outside")`, including a
    doc that had entities before (they are replaced, their kb ids kept outside new mentions)."""
    ours, theirs = NLP(TEXT), NLP(TEXT)
    n = len(ours)
    for doc in (ours, theirs):
        doc.set_ents([Span(doc, i, i + 1, label="LOC", kb_id="Q1") for i in sorted(set(earlier)) if i < n],
                     default="outside")
    found = _mentions(draws, n)
    mentions = [Mention(start, end, label, "model") for start, end, label, _, _ in found]
    entities = [{"kind": kind, "label": label, "id": kb} for _, _, label, kb, kind in found]
    write_ents(ours, TokenTable(ours), mentions, entities)
    spans = [Span(theirs, start, end, label=label, kb_id=kb) for start, end, label, kb, kind in found
             if kind != "role"]
    theirs.set_ents(spans, default="outside")
    columns = [ENT_IOB, ENT_TYPE, ENT_KB_ID]
    assert ours.to_array(columns).tolist() == theirs.to_array(columns).tolist()
    assert [(e.start, e.end, e.label_, e.kb_id_) for e in ours.ents] == [
        (e.start, e.end, e.label_, e.kb_id_) for e in theirs.ents]


def test_char_span_is_the_spans_offsets():
    doc = NLP(TEXT + "  Fin\n\ndu texte.")
    table = TokenTable(doc)
    for start in range(len(doc)):
        for end in range(start + 1, min(start + 6, len(doc)) + 1):
            span = doc[start:end]
            assert span_chars(table, start, end) == (span.start_char, span.end_char)
