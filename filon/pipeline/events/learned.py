"""A learned reading of deal sentences: where the rules find no status, a small linear model
reads the sentence and may say where the deal it talks of stands.

The rules are precise but each reads one construction; on press they have never seen they miss
most status assertions (no cue of theirs in the sentence). The model reads a sentence that names
a deal or talks (a noun of the pack) and at least one party, where no cue of the rules matched
(`model_events.py`, called by `filon_events`), from general features: the
lemmas of the sentence, what governs each deal noun and how ("signer:obj", "parvenir:obl"),
the modifiers of the noun, the tense, mood and negation of the governing verbs, whether the
noun sits inside a quotation; and the word vectors of the spaCy model (the mean over the
sentence's content words, the mean over the verbs governing the deal nouns), so that a wording
never seen in training still lands near the ones that were. The weights are data
(`deal_status_model.json` of a pack), trained by `filon train-status` on labelled articles; the
model is a multinomial logistic regression, so a prediction is a dot product per label.

The model only adds: a sentence where a cue of the rules matched keeps the rules' reading, even
when that reading is "nothing here" ("appelle à des négociations").
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy
from spacy.tokens import Span

from filon.errors import DomainError, Errors
from filon.pipeline.events import syntax as syn
from filon.pipeline.events.context import EventContext, within

# The scored statuses, plus "none" (the sentence asserts no status); the order is the weights'.
LABELS = ("none", "proposed", "negotiating", "close", "signed", "rejected")
_CONTENT = frozenset({"VERB", "NOUN", "ADJ", "ADV", "AUX"})
_NEGATIONS = frozenset({"pas", "jamais", "plus", "aucun", "aucune", "ni", "guère"})
# where a negation word hangs on the verb ("aucun" may be its subject's determiner)
_NEGATION_DEPS = syn.NEGATION_DEPS | {"advmod", "nsubj", "det"}
_VECTOR_POS = frozenset({"VERB", "NOUN", "ADJ", "ADV"})
# The dense part is scaled to this norm per half, so it weighs like a few binary features.
_VECTOR_NORM = 3.0
# Environment variable naming a model file to use instead of the pack's ("off": none).
MODEL_ENV = "FILON_STATUS_MODEL"
MODEL_FILE = "deal_status_model.json"


@dataclass(slots=True)
class Reading:
    """What the model reads of one sentence: sparse binary features and a dense vector."""

    features: list[str]
    vector: numpy.ndarray


def deal_tokens(ctx: EventContext, lo: int, hi: int) -> list[int]:
    """Deal and talk nouns of tokens `lo:hi`, in text order."""
    return sorted(set(within(ctx.deal_nouns, lo, hi)) | set(within(ctx.talk_nouns, lo, hi)))


def governing_verb(ctx: EventContext, noun: int) -> int:
    """The verb over a deal noun's phrase (up to three heads up), else the noun's head."""
    t = ctx.table
    verb = t.head[noun]
    for _ in range(3):
        if t.pos[verb] in ("VERB", "AUX") or t.head[verb] == verb:
            break
        verb = t.head[verb]
    return verb


def _verb_shape(ctx: EventContext, v: int) -> list[str]:
    """Tense, mood and form of verb `v`, with its auxiliaries and negation."""
    t = ctx.table
    out = []
    for field in ("Tense", "Mood", "VerbForm"):
        out.extend(f"{field}={x}" for x in t.feats(v, field))
    for c in t.children(v):
        dep = t.dep[c]
        if dep.startswith("aux"):
            out.append("aux=" + t.lemma_lower[c])
            out.extend(f"aux{field}={x}" for field in ("Tense", "Mood") for x in t.feats(c, field))
        elif t.lower[c] in _NEGATIONS and dep in _NEGATION_DEPS:
            out.append("neg")
    if syn.CONDITIONAL.search(t.lower[v]):
        out.append("cond-ending")
    return out


def sentence_features(ctx: EventContext, sent: Span, nouns: list[int]) -> list[str]:
    """The features of one sentence that names deal nouns `nouns` (token indices)."""
    t = ctx.table
    lo, hi = sent.start, sent.end
    feats = ["bias"]
    for i in range(lo, hi):
        if t.pos[i] in _CONTENT:
            feats.append("l=" + t.lemma_lower[i])
        if t.lower[i] in _NEGATIONS:
            feats.append("negword")
    if t.text[hi - 1] == "?":
        feats.append("question")
    quoted = [(q[0], q[1]) for q in ctx.quote_spans]
    for n in nouns:
        lemma = t.lemma_lower[n]
        feats.append("deal=" + lemma)
        feats.append(f"deal={lemma}:{t.lower[n - 1] if n > lo else '^'}")
        h = t.head[n]
        feats.append(f"gov={t.lemma_lower[h]}:{t.dep[n]}")
        feats.append(f"gov={t.lemma_lower[h]}")
        for c in t.children(n):
            if t.dep[c] in ("amod", "nmod", "acl", "det") and t.pos[c] in _CONTENT | {"DET"}:
                feats.append(f"mod={t.lemma_lower[c]}")
        verb = governing_verb(ctx, n)
        if t.pos[verb] in ("VERB", "AUX"):
            feats.append(f"verb={t.lemma_lower[verb]}")
            feats.extend("v:" + s for s in _verb_shape(ctx, verb))
            for g in list(syn.ancestors(t, verb))[:2]:
                if t.pos[g] == "VERB":
                    feats.append(f"above={t.lemma_lower[g]}")
        start = t.idx[n]
        if any(a <= start < b for a, b in quoted):
            feats.append("in-quote")
    return feats


def _unit(rows: numpy.ndarray, width: int) -> numpy.ndarray:
    """Mean of the known word vectors `rows` (a matrix), scaled to `_VECTOR_NORM`."""
    if not len(rows):
        return numpy.zeros(width, dtype="float32")
    mean = rows.mean(axis=0)
    norm = float(numpy.linalg.norm(mean))
    return mean * (_VECTOR_NORM / norm) if norm else mean


def _word_vectors(ctx: EventContext, tokens: list[int]) -> numpy.ndarray:
    """The vectors of the tokens the spaCy model knows (as `Token.vector`, by their text), read
    in one look-up."""
    vocab = ctx.doc.vocab
    if not tokens:
        return numpy.zeros((0, vocab.vectors_length), dtype="float32")
    rows = vocab.vectors.find(keys=[vocab.strings[ctx.table.text[i]] for i in tokens])
    return numpy.asarray(vocab.vectors.data[rows[rows >= 0]])


def sentence_vector(ctx: EventContext, sent: Span, nouns: list[int]) -> numpy.ndarray:
    """Mean vector of the sentence's content words, then of the verbs governing `nouns`
    (each half scaled to a fixed norm); empty when the model has no vectors."""
    t = ctx.table
    width = ctx.doc.vocab.vectors_length
    if not width:
        return numpy.zeros(0, dtype="float32")
    content = [i for i in range(sent.start, sent.end) if t.pos[i] in _VECTOR_POS]
    verbs = sorted({governing_verb(ctx, n) for n in nouns})
    return numpy.concatenate([_unit(_word_vectors(ctx, content), width),
                              _unit(_word_vectors(ctx, verbs), width)])


def read_sentence(ctx: EventContext, sent: Span, nouns: list[int]) -> Reading:
    """The model's reading of one sentence naming deal nouns `nouns`."""
    return Reading(sentence_features(ctx, sent, nouns), sentence_vector(ctx, sent, nouns))


@dataclass(slots=True)
class StatusModel:
    """A multinomial logistic regression over sparse binary features."""

    labels: tuple[str, ...]
    weights: dict[str, Sequence[float]]  # sparse feature -> one weight per label
    dense: numpy.ndarray  # (vector width, labels); empty when trained without vectors
    threshold: float  # least probability of a status for the model to assert it
    meta: dict

    @classmethod
    def load(cls, path: Path) -> StatusModel:
        """Read a model written by `filon train-status`; a missing, malformed or inconsistent
        file raises `DomainError` naming it."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            labels = tuple(data["labels"])
            weights = {k: numpy.asarray(v, dtype="float64") for k, v in data["weights"].items()}
            dense = numpy.asarray(data.get("dense") or [], dtype="float32").reshape(-1, len(labels))
            threshold = float(data["threshold"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            reason = f"not a status model written by filon train-status ({type(exc).__name__}: {exc})"
            raise DomainError(Errors.F301.format(file=path, line=0, reason=reason)) from exc
        if set(labels) != set(LABELS) or any(w.shape != (len(labels),) for w in weights.values()):
            reason = f"labels must be {', '.join(LABELS)}, with one weight per label for every feature"
            raise DomainError(Errors.F301.format(file=path, line=0, reason=reason))
        return cls(labels, weights, dense, threshold, dict(data.get("meta") or {}))

    def to_json(self) -> dict:
        """The model as plain data (weights rounded to 4 decimals)."""
        return {"labels": list(self.labels), "threshold": self.threshold, "meta": self.meta,
                "weights": {k: [round(float(x), 4) for x in v] for k, v in sorted(self.weights.items())},
                "dense": [[round(float(x), 4) for x in row] for row in self.dense]}

    def probabilities(self, reading: Reading) -> list[float]:
        """Probability of each label, in `labels` order."""
        scores = numpy.zeros(len(self.labels), dtype="float64")
        for f in set(reading.features):
            w = self.weights.get(f)
            if w is not None:
                scores += w
        if len(self.dense) and len(reading.vector) == len(self.dense):
            scores += reading.vector @ self.dense
        exp = numpy.exp(scores - scores.max())
        return (exp / exp.sum()).tolist()

    def predict(self, reading: Reading) -> tuple[str, float]:
        """The most likely label and its probability."""
        probs = self.probabilities(reading)
        best = max(range(len(probs)), key=probs.__getitem__)
        return self.labels[best], probs[best]


def load_status_model(folders: list[Path]) -> StatusModel | None:
    """The model of the last pack that has one; `FILON_STATUS_MODEL` names another file
    ("off": no model)."""
    chosen = os.environ.get(MODEL_ENV)
    if chosen:
        return None if chosen == "off" else StatusModel.load(Path(chosen))
    found = [f / MODEL_FILE for f in folders if (f / MODEL_FILE).is_file()]
    return StatusModel.load(found[-1]) if found else None
