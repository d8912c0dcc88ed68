"""The trigger matcher of `filon_events` gives exactly what spaCy's Matcher gives.

`TriggerMatcher` runs one-token and multi-token cues by dictionary lookups for speed; spaCy's
Matcher over the same patterns is the reference, on random token sequences drawn from the
patterns' own words (so that cues, optional steps and repeats actually occur) and on the parsed
sentences of the example corpus.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.matcher import Matcher
from spacy.tokens import Doc

from filon.pipeline.events.lexicon import SequenceTriggers, TokenTriggers, load_event_lexicon

ROOT = Path(__file__).resolve().parent.parent
LEXICON = load_event_lexicon()
VOCAB = spacy.blank("fr").vocab
POS = ["DET", "ADJ", "ADV", "NOUN", "VERB", "AUX", "ADP", "PUNCT", "PROPN"]


def _reference() -> Matcher:
    matcher = Matcher(VOCAB)
    for trigger_id, pattern in LEXICON.patterns.items():
        matcher.add(trigger_id, [pattern])
    return matcher


REFERENCE = _reference()
TRIGGERS, _ = LEXICON.matchers(spacy.blank("fr"))
ORDER = {trigger_id: i for i, trigger_id in enumerate(LEXICON.patterns)}


def _words() -> list[str]:
    """Every word a pattern names (lemma or lower form), plus fillers and punctuation."""
    words = {"le", "la", "très", ",", ".", "vraiment", "accord", "pays", "x"}
    for pattern in LEXICON.patterns.values():
        for spec in pattern:
            for attr, value in spec.items():
                if attr in ("LEMMA", "LOWER"):
                    words.update([value] if isinstance(value, str) else value.get("IN", []))
    return sorted(words)


WORDS = _words()


def expected(span) -> list[tuple[int, int, int]]:
    found = set(REFERENCE(span))
    return sorted(found, key=lambda m: (m[1], ORDER[VOCAB.strings[m[0]]], m[2]))


def named(matches) -> list[tuple[str, int, int]]:
    return [(VOCAB.strings[key], start, end) for key, start, end in matches]


token = st.tuples(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(POS))
REGEX_WORDS = ["prête", "prêts", "disposée", "ouvertes", "favorable", "engagées", "menées", "lancé",
               "conduit"]


@st.composite
def fitting(draw, spec: dict) -> tuple[str, str, str]:
    """A (word, lemma, pos) token that meets one pattern step (most of the time)."""
    word, lemma, pos = draw(token)
    for attr, value in spec.items():
        if attr == "OP":
            continue
        if isinstance(value, dict) and "REGEX" in value:
            word = draw(st.sampled_from(REGEX_WORDS))
            continue
        if isinstance(value, str | bool):
            choice = value
        elif "NOT_IN" in value:
            # any value but the excluded ones ("POS": {"NOT_IN": ["DET"]})
            current = {"LOWER": word, "LEMMA": lemma, "POS": pos}.get(attr, word)
            pool = POS if attr == "POS" else [current, *WORDS]
            allowed = [v for v in pool if v not in value["NOT_IN"]]
            choice = draw(st.sampled_from(allowed)) if allowed else current
        else:
            choice = draw(st.sampled_from(sorted(value.get("IN", [word]))))
        if attr == "LOWER":
            word = choice
        elif attr == "LEMMA":
            lemma = choice
        elif attr == "POS":
            pos = choice
        elif attr == "IS_PUNCT":
            word, pos = ("," if choice else word), ("PUNCT" if choice else pos)
    return word, lemma, pos


@st.composite
def near_matches(draw) -> list[tuple[str, str, str]]:
    """Filler, then one pattern's steps each repeated 0-2 times, then filler."""
    pattern = draw(st.sampled_from([p for p in LEXICON.patterns.values() if len(p) > 1]))
    tokens = draw(st.lists(token, max_size=3))
    for spec in pattern:
        repeats = draw(st.integers(0, 2)) if spec.get("OP") else 1 + draw(st.booleans())
        tokens.extend(draw(fitting(spec)) for _ in range(repeats))
    return tokens + draw(st.lists(token, max_size=3))


def _check_same(tokens: list[tuple[str, str, str]], data) -> None:
    if not tokens:
        return
    words = [w.replace(" ", "_") for w, _, _ in tokens]
    doc = Doc(VOCAB, words=words, lemmas=[lemma for _, lemma, _ in tokens], pos=[p for _, _, p in tokens])
    start = data.draw(st.integers(0, len(doc) - 1))
    end = data.draw(st.integers(start + 1, len(doc)))
    span = doc[start:end] if data.draw(st.booleans()) else doc[:]
    assert named(TRIGGERS(span)) == named(expected(span))


@settings(max_examples=300, deadline=None)
@given(st.lists(token, min_size=1, max_size=14), st.data())
def test_same_matches_as_spacy_on_random_sequences(tokens, data):
    _check_same(tokens, data)


@settings(max_examples=1000, deadline=None)
@given(near_matches(), st.data())
def test_same_matches_as_spacy_around_every_pattern(tokens, data):
    _check_same(tokens, data)


def test_cues_of_every_shape_are_found():
    """Optional first step, repeats, punctuation and a regex step, on sentences we write."""
    cases = {
        "very_close": (["Ils", "sont", "très", "proches", "d'", "un", "accord"],
                       ["il", "être", "très", "proche", "de", "un", "accord"],
                       ["PRON", "AUX", "ADV", "ADJ", "ADP", "DET", "NOUN"]),
        "close_predicate": (["Kiev", "est", "vraiment", ",", "très", "proche"],
                            ["Kiev", "être", "vraiment", ",", "très", "proche"],
                            ["PROPN", "AUX", "ADV", "PUNCT", "ADV", "ADJ"]),
        "ready_to_sign": (["Elle", "est", "prête", "à", "signer"],
                          ["elle", "être", "prêt", "à", "signer"],
                          ["PRON", "AUX", "ADJ", "ADP", "VERB"]),
    }
    for trigger_id, (words, lemmas, pos) in cases.items():
        doc = Doc(VOCAB, words=words, lemmas=lemmas, pos=pos)
        got = named(TRIGGERS(doc[:]))
        assert trigger_id in {name for name, _, _ in got}
        assert got == named(expected(doc[:]))
    # "très proches" and "proches" both start a very_close match, as with spaCy's Matcher
    doc = Doc(VOCAB, words=cases["very_close"][0], lemmas=cases["very_close"][1], pos=cases["very_close"][2])
    assert {(s, e) for name, s, e in named(TRIGGERS(doc[:])) if name == "very_close"} == {(2, 7), (3, 7)}


def test_most_patterns_run_without_spacys_matcher():
    """The point of the engines: no pattern of the pack falls back to the Matcher."""
    assert TRIGGERS.matcher is None
    assert all(TokenTriggers.supports(p[0]) if len(p) == 1 else SequenceTriggers.supports(p)
               for p in LEXICON.patterns.values())


def test_unsupported_pattern_falls_back_to_spacys_matcher():
    assert not SequenceTriggers.supports([{"LOWER": "pas"}, {"LEMMA": "signer", "OP": "!"}])
    assert not SequenceTriggers.supports([{"POS": "DET"}, {"POS": "NOUN"}])  # no word to anchor on
    assert SequenceTriggers.supports([{"POS": "DET", "OP": "?"}, {"LOWER": {"IN": ["accord"]}}])


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.txt"))[:6], ids=lambda p: p.stem)
def test_same_matches_on_parsed_example_sentences(nlp_bare, path):
    doc = nlp_bare(path.read_text(encoding="utf-8"))
    triggers, _ = LEXICON.matchers(nlp_bare)
    reference = Matcher(nlp_bare.vocab)
    for trigger_id, pattern in LEXICON.patterns.items():
        reference.add(trigger_id, [pattern])
    strings = nlp_bare.vocab.strings
    for sent in doc.sents:
        span = doc[sent.start : sent.end]
        want = sorted(set(reference(span)), key=lambda m: (m[1], ORDER[strings[m[0]]], m[2]))
        assert triggers(span) == want, span.text
