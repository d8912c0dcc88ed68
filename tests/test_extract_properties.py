"""Issue 12: property tests of the extractors on French-ish text built from fragments (quotes,
dates, names, cues, punctuation, line breaks): the pipeline never raises, and every span of the
record lies inside the text and slices to the text it states.

The model is slow: the example counts are small, and each example is a few sentences.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.util import raise_error

from filon.extract.record import doc_to_record
from filon.ingest.article import Article
from filon.pipeline import make_doc
from filon.pipeline.component import FilonComponent

pytestmark = [pytest.mark.issue(12)]

FEW = settings(max_examples=25, deadline=timedelta(seconds=30),
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

FRAGMENTS = [
    # quotation marks, balanced or not, with and without padding
    "« ", " »", "«", "»", "“", "”", '"', "‘", "’", "„", "‹ ", " ›", "« Nous signerons », ",
    "« Nous sommes prêts, a-t-il dit, à travailler »", "“It is a deal”", "l’accord", "aujourd’hui",
    # dates
    "le 24 février 2025", "lundi", "hier", "mi-mars", "fin avril", "en 2026", "le lendemain",
    "au lendemain du sommet", "la semaine dernière", "2025-02-24", "Mars", "le 31 février",
    # names, roles, places
    "Vladimir Poutine", "Emmanuel Macron", "le président russe", "Kiev", "Washington",
    "l'Union européenne", "Il", "elle", "on", "un diplomate", "M. Bessent", "Zelensky",
    # reporting cues and deal words
    "a déclaré", "a-t-il déclaré", "selon", "d'après", "estime que", "a assuré que", "a dit",
    "affirme-t-elle", "selon ses termes", "a signé", "l'accord sur les minerais", "a rejeté",
    "négocient", "a été ratifié", "terres rares", "a annoncé",
    # punctuation and layout
    ", ", ". ", " : ", " ; ", " (", ") ", " — ", "?", "!", "…", "\n", "\n\n", "  ", "\u00a0",
    "-", "'", "qu'", "que ", "et ", "mais ", "10h45 - ", "Photo AFP", "Par Jean Dupont",
]
texts = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=40).map(
    lambda parts: " ".join(parts))


@contextmanager
def raising(nlp) -> Iterator[None]:
    """Component exceptions propagate (the backend's handler would turn them into a log line)."""
    previous = {name: pipe.get_error_handler() for name, pipe in nlp.pipeline
                if isinstance(pipe, FilonComponent)}
    for name in previous:
        nlp.get_pipe(name).set_error_handler(raise_error)
    try:
        yield
    finally:
        for name, handler in previous.items():
            nlp.get_pipe(name).set_error_handler(handler)


def spans(value: object, path: str = "") -> Iterator[tuple[str, dict]]:
    """Every dict holding integer `start` and `end` in a record, with where it sits."""
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            yield path, value
        for key, item in value.items():
            yield from spans(item, f"{path}.{key}")
    elif isinstance(value, list):
        for k, item in enumerate(value):
            yield from spans(item, f"{path}[{k}]")


def check_offsets(record: dict, text: str) -> int:
    """Assert every span of `record` is inside `text` and slices to its stated text; returns
    how many spans were checked."""
    checked = 0
    for layer in ("entities", "quotes", "events", "dates", "boilerplate"):
        for path, span in spans(record[layer], layer):
            assert 0 <= span["start"] <= span["end"] <= len(text), (path, span)
            if isinstance(span.get("text"), str):
                assert text[span["start"] : span["end"]] == span["text"], (path, span)
            checked += 1
        for item in record[layer]:
            for prefix, stated in (("cue", "cue"), ("quote", "quote_text")):
                start, end = item.get(f"{prefix}_start"), item.get(f"{prefix}_end")
                if isinstance(start, int) and isinstance(end, int):
                    assert 0 <= start <= end <= len(text), (layer, item)
                    assert text[start:end] == item[stated], (layer, item)
    return checked


def record_of(nlp, text: str) -> tuple[dict, str]:
    article = Article(text=text, published="2025-02-24", lang="fr")
    with raising(nlp):
        [doc] = list(nlp.pipe([make_doc(nlp, article)]))
    return doc_to_record(doc, article), article.text


@pytest.mark.slow
@FEW
@given(text=texts)
def test_extract_properties_fragments_never_raise_and_spans_slice_the_text(nlp, text):
    record, stored = record_of(nlp, text)
    check_offsets(record, stored)


@pytest.mark.slow
def test_extract_properties_check_sees_every_layer(nlp):
    """The check is not vacuous: on a text with a quote, a speaker, a cue, a date and a deal it
    checks spans of every layer (and would catch a span shifted by one)."""
    text = ("KIEV, 24 février 2025 - « Nous signerons l'accord sur les minerais lundi », a déclaré "
            "Volodymyr Zelensky. Selon Emmanuel Macron, l'Ukraine a signé l'accord avec les "
            "États-Unis le 24 février 2025.")
    record, stored = record_of(nlp, text)
    assert all(record[layer] for layer in ("entities", "quotes", "events", "dates"))
    assert check_offsets(record, stored) >= 8
    shifted = {**record, "dates": [{**d, "start": d["start"] + 1, "end": d["end"] + 1}
                                   for d in record["dates"]]}
    with pytest.raises(AssertionError):
        check_offsets(shifted, stored)
