"""Train the deal status model (`filon.pipeline.events.learned`) from gold-labelled articles.

Each sentence that names a deal or talks is one example. Its label is the coarse status of the
gold assertion whose evidence is that sentence (most of the sentence or of the evidence
overlaps), else "none"; a sentence with assertions of several statuses shares its weight among
them. The model is a multinomial logistic regression with an L2 penalty, fitted by AdaGrad over
the whole batch: a few thousand examples fit in seconds on a laptop.
"""

from __future__ import annotations

import collections
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy
from spacy.language import Language

from filon.evaluation.events import gold_coarse
from filon.ingest.article import Article
from filon.pipeline import process
from filon.pipeline.events.candidates import sentences
from filon.pipeline.events.learned import LABELS, Reading, StatusModel, deal_tokens, read_sentence


@dataclass(slots=True)
class Example:
    """One sentence naming a deal: what the model reads, and the statuses gold asserts there."""

    article_id: str
    reading: Reading
    labels: list[str]


def _evidence_spans(text: str, gold: dict) -> list[tuple[int, int, str]]:
    """(start, end, coarse status) of each scored gold assertion; offsets from the gold, else
    where its evidence text is found."""
    spans = []
    for item in gold.get("agreements") or []:
        coarse = gold_coarse(item)
        if coarse is None:
            continue
        start, end = item.get("evidence_start"), item.get("evidence_end")
        if start is None or end is None:
            evidence = item.get("evidence") or ""
            start = text.find(evidence) if evidence else -1
            end = start + len(evidence)
        if start >= 0:
            spans.append((start, end, coarse))
    return spans


def _overlaps(a: int, b: int, start: int, end: int) -> bool:
    return min(b, end) - max(a, start) > 0.5 * min(b - a, end - start)


def collect(nlp: Language, articles: Iterable[Article], golds: dict[str, dict],
            keys: dict[str, str], progress: Callable[[], None] | None = None) -> list[Example]:
    """The examples of labelled articles (`keys`: article id -> gold id)."""
    component = nlp.get_pipe("filon_events")
    examples = []
    for article, doc in process(nlp, articles):
        gold_id = keys[article.id]
        ctx = component.context(doc)
        spans = _evidence_spans(ctx.text, golds[gold_id])
        for sent in sentences(doc):
            nouns = deal_tokens(ctx, sent.start, sent.end)
            if not nouns:
                continue
            a, b = sent.start_char, sent.end_char
            labels = [coarse for start, end, coarse in spans if _overlaps(a, b, start, end)]
            examples.append(Example(gold_id, read_sentence(ctx, sent, nouns), labels))
        if progress is not None:
            progress()
    return examples


def _matrix(examples: list[Example], vocab: dict[str, int]) -> numpy.ndarray:
    width = len(examples[0].reading.vector) if examples else 0
    x = numpy.zeros((len(examples), len(vocab) + width), dtype="float32")
    for row, example in enumerate(examples):
        for feature in set(example.reading.features):
            column = vocab.get(feature)
            if column is not None:
                x[row, column] = 1.0
        if width and len(example.reading.vector) == width:
            x[row, len(vocab):] = example.reading.vector
    return x


def fit(examples: list[Example], l2: float = 0.3, iterations: int = 400, min_count: int = 2,
        threshold: float = 0.4, rate: float = 0.5) -> StatusModel:
    """Fit the model on `examples`; features seen in fewer than `min_count` sentences are
    dropped (the bias always stays)."""
    if not examples:
        raise ValueError("no training sentence: the articles name no deal or talks")
    counts = collections.Counter(f for e in examples for f in set(e.reading.features))
    names = sorted(f for f, n in counts.items() if n >= min_count or f == "bias")
    vocab = {f: i for i, f in enumerate(names)}
    x = _matrix(examples, vocab)
    y = numpy.zeros((len(examples), len(LABELS)), dtype="float32")
    for row, example in enumerate(examples):
        labels = [label for label in example.labels if label in LABELS] or ["none"]
        for label in labels:
            y[row, LABELS.index(label)] += 1.0 / len(labels)
    weights = numpy.zeros((x.shape[1], len(LABELS)), dtype="float32")
    squares = numpy.full_like(weights, 1e-6)
    n = len(examples)
    for _ in range(iterations):
        scores = x @ weights
        scores -= scores.max(axis=1, keepdims=True)
        probs = numpy.exp(scores)
        probs /= probs.sum(axis=1, keepdims=True)
        grad = x.T @ (probs - y) / n + l2 * weights / n
        squares += grad * grad
        weights -= rate * grad / numpy.sqrt(squares)
    sparse = {name: weights[i].astype("float64") for name, i in vocab.items()}
    label_counts = collections.Counter(label for e in examples for label in (e.labels or ["none"]))
    meta = {"sentences": n, "articles": len({e.article_id for e in examples}),
            "labels": dict(sorted(label_counts.items())), "l2": l2, "iterations": iterations,
            "min_count": min_count}
    return StatusModel(LABELS, sparse, weights[len(vocab):], threshold, meta)
