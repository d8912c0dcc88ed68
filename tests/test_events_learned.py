"""The learned deal status model: its features, its arithmetic, the events it adds where the rules
find none, its training and `filon train-status`, on sentences written for these tests."""

from __future__ import annotations

import json
import math

import numpy
import pytest
from typer.testing import CliRunner

from filon.cli import app
from filon.domains.pack import pack_folders
from filon.errors import DomainError
from filon.pipeline.events.candidates import sentences
from filon.pipeline.events.learned import (
    LABELS,
    MODEL_ENV,
    MODEL_FILE,
    Reading,
    StatusModel,
    deal_tokens,
    load_status_model,
    read_sentence,
)
from filon.pipeline.events.model_events import MODEL_CUE, model_event
from filon.training.status import Example, fit

runner = CliRunner()


def _reading(nlp, text: str, index: int = 0):
    doc = nlp(text)
    ctx = nlp.get_pipe("filon_events").context(doc)
    sent = sentences(doc)[index]
    nouns = deal_tokens(ctx, sent.start, sent.end)
    return ctx, sent, nouns, read_sentence(ctx, sent, nouns)


def _model(weights: dict[str, dict[str, float]], threshold: float = 0.5) -> StatusModel:
    """A model whose features push the named labels (everything else weighs 0)."""
    sparse = {f: [w.get(label, 0.0) for label in LABELS] for f, w in weights.items()}
    return StatusModel(LABELS, sparse, numpy.zeros((0, len(LABELS)), dtype="float32"), threshold, {})


# ---------------------------------------------------------------- features
def test_learned_features_read_the_act_over_the_deal_noun(nlp):
    _, _, nouns, reading = _reading(nlp, "La France et le Maroc ont signé un accord sur la pêche.")
    assert nouns
    feats = set(reading.features)
    assert {"deal=accord", "gov=signer:obj", "verb=signer", "l=signer", "bias"} <= feats
    assert "v:aux=avoir" in feats
    assert "v:neg" not in feats and "in-quote" not in feats


def test_learned_features_see_negation_conditional_and_modal(nlp):
    _, _, _, denied = _reading(nlp, "La France et le Maroc n'ont pas signé l'accord sur la pêche.")
    assert "v:neg" in denied.features
    # the tagger often reads a conditional as an imperfect: its ending says it
    _, _, _, maybe = _reading(nlp, "Le Maroc signerait l'accord avec la France dès lundi.")
    assert "v:cond-ending" in maybe.features
    _, _, _, modal = _reading(nlp, "La France pourrait signer l'accord avec le Maroc.")
    assert {"verb=signer", "above=pouvoir", "v:VerbForm=Inf"} <= set(modal.features)


def test_learned_features_see_a_deal_noun_inside_quotes(nlp):
    text = "« Nous allons conclure un accord avec le Maroc », a déclaré le ministre français."
    _, _, _, reading = _reading(nlp, text)
    assert "in-quote" in reading.features


def test_learned_vector_has_two_scaled_halves(nlp):
    _, _, _, reading = _reading(nlp, "La France et le Maroc ont signé un accord sur la pêche.")
    width = nlp.vocab.vectors_length
    assert reading.vector.shape == (2 * width,)
    for half in (reading.vector[:width], reading.vector[width:]):
        assert math.isclose(float(numpy.linalg.norm(half)), 3.0, rel_tol=1e-4)


def test_learned_sentence_without_deal_noun_names_none(nlp):
    doc = nlp("La France et le Maroc ont parlé de la pêche.")
    ctx = nlp.get_pipe("filon_events").context(doc)
    sent = sentences(doc)[0]
    assert deal_tokens(ctx, sent.start, sent.end) == []


# ---------------------------------------------------------------- the model's arithmetic
def test_learned_model_probabilities_are_a_softmax():
    model = _model({"gov=signer:obj": {"signed": 2.0}, "bias": {"none": 1.0}})
    probs = model.probabilities(Reading(["bias", "gov=signer:obj", "unknown"], numpy.zeros(0)))
    assert math.isclose(sum(probs), 1.0)
    expected = math.exp(2.0) / (math.exp(2.0) + math.exp(1.0) + 4)
    assert math.isclose(probs[LABELS.index("signed")], expected, rel_tol=1e-6)
    assert model.predict(Reading(["bias", "gov=signer:obj"], numpy.zeros(0)))[0] == "signed"
    assert model.predict(Reading(["bias"], numpy.zeros(0)))[0] == "none"


def test_learned_model_adds_the_dense_part():
    dense = numpy.zeros((2, len(LABELS)), dtype="float32")
    dense[1, LABELS.index("rejected")] = 4.0
    model = StatusModel(LABELS, {}, dense, 0.5, {})
    assert model.predict(Reading([], numpy.array([0.0, 1.0], dtype="float32")))[0] == "rejected"
    assert model.predict(Reading([], numpy.array([1.0, 0.0], dtype="float32")))[0] == "none"


def test_learned_model_round_trips_through_json(tmp_path):
    dense = numpy.arange(2 * len(LABELS), dtype="float32").reshape(2, len(LABELS)) / 7
    model = StatusModel(LABELS, {"deal=accord": [0.5, -0.25, 0, 0, 1.125, 0]}, dense, 0.35, {"sentences": 3})
    path = tmp_path / MODEL_FILE
    path.write_text(json.dumps(model.to_json()), encoding="utf-8")
    back = StatusModel.load(path)
    assert back.labels == LABELS and back.threshold == 0.35 and back.meta == {"sentences": 3}
    assert list(back.weights["deal=accord"]) == [0.5, -0.25, 0, 0, 1.125, 0]
    assert numpy.allclose(back.dense, dense, atol=1e-4)


@pytest.mark.parametrize("content, reason", [
    ("not json", "not a status model"),
    ('{"labels": ["none"]}', "not a status model"),
    ('{"labels": ["none", "yes"], "weights": {}, "threshold": 0.5}', "labels must be"),
    ('{"labels": ["none", "proposed", "negotiating", "close", "signed", "rejected"], '
     '"weights": {"bias": [1, 2]}, "threshold": 0.5}', "one weight per label"),
])
def test_learned_model_file_that_is_wrong_is_named(tmp_path, content, reason):
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DomainError, match=reason) as info:
        StatusModel.load(path)
    assert "broken.json" in str(info.value)


def test_learned_model_file_is_chosen_by_environment(tmp_path, monkeypatch):
    path = tmp_path / "m.json"
    path.write_text(json.dumps(_model({}, 0.9).to_json()), encoding="utf-8")
    monkeypatch.setenv(MODEL_ENV, str(path))
    assert load_status_model(pack_folders()).threshold == 0.9
    monkeypatch.setenv(MODEL_ENV, "off")
    assert load_status_model(pack_folders()) is None
    monkeypatch.delenv(MODEL_ENV)
    assert load_status_model([tmp_path / "no-pack"]) is None


def test_learned_bundled_model_matches_the_default_spacy_model(nlp):
    model = load_status_model(pack_folders())
    assert model is not None, "the general pack ships a deal status model"
    assert model.labels == LABELS
    assert model.dense.shape == (2 * nlp.vocab.vectors_length, len(LABELS))
    assert 0.0 < model.threshold < 1.0
    assert model.meta["articles"] >= 100


# ---------------------------------------------------------------- events the model adds
STANDING = "Le pacte migratoire entre l'Italie et l'Albanie tient toujours."


def test_learned_event_when_the_model_reads_a_status(nlp):
    ctx, sent, _, _ = _reading(nlp, STANDING)
    model = _model({"l=tenir": {"signed": 5.0}})
    event = model_event(ctx, sent, model, (False, ctx.doc_topical))
    assert event is not None
    assert event["cue"] == MODEL_CUE and event["status"] == "signed" and event["coarse_status"] == "signed"
    assert {p["name"] for p in event["parties"]} == {"Italy", "Albania"}
    assert event["evidence"]["text"] == STANDING
    assert STANDING[event["trigger"]["start"] : event["trigger"]["end"]] == event["trigger"]["text"]
    assert event["confidence"] > 0.9 and event["agreement_id"]


def test_learned_event_needs_confidence_a_party_and_a_status(nlp):
    ctx, sent, _, _ = _reading(nlp, STANDING)
    scope = (False, ctx.doc_topical)
    assert model_event(ctx, sent, _model({"l=tenir": {"signed": 5.0}}, threshold=0.999), scope) is None
    assert model_event(ctx, sent, _model({"l=tenir": {"none": 5.0}}), scope) is None
    ctx, sent, _, _ = _reading(nlp, "Le pacte migratoire tient toujours, selon les observateurs.")
    assert model_event(ctx, sent, _model({"l=tenir": {"signed": 5.0}}), (False, False)) is None


def test_learned_event_source_is_no_party(nlp):
    ctx, sent, _, _ = _reading(nlp, "Selon Moscou, le pacte tient toujours.")
    assert model_event(ctx, sent, _model({"l=tenir": {"signed": 5.0}}), (False, False)) is None


def test_learned_events_only_add_to_the_rules(nlp, monkeypatch):
    """A sentence the rules read keeps the rules' events; the model's come on top elsewhere."""
    from filon.pipeline.events.component import EventExtractor

    monkeypatch.setenv(MODEL_ENV, "off")
    extractor = EventExtractor(nlp)
    text = "L'Italie et l'Albanie ont signé un pacte migratoire. " + STANDING
    doc = nlp(text)
    rules = extractor.match(doc)
    assert [e["cue"] for e in rules if e["type"] == "agreement"]
    assert not any(e["cue"] == MODEL_CUE for e in rules)
    extractor.status_model = _model({"l=tenir": {"signed": 5.0}, "l=signer": {"rejected": 9.0}})
    both = extractor.match(doc)
    learned = [e for e in both if e["cue"] == MODEL_CUE]
    assert len(learned) == 1 and learned[0]["evidence"]["text"] == STANDING
    assert [e for e in both if e["cue"] != MODEL_CUE] == rules


# ---------------------------------------------------------------- training
def test_learned_fit_separates_what_the_features_separate():
    zero = numpy.zeros(4, dtype="float32")
    examples = []
    for k in range(6):
        examples.append(Example(f"a{k}", Reading(["bias", "gov=signer:obj", f"noise{k}"], zero), ["signed"]))
        examples.append(Example(f"b{k}", Reading(["bias", "gov=rejeter:obj"], zero), ["rejected"]))
        examples.append(Example(f"c{k}", Reading(["bias", "deal=accord"], zero), []))
    model = fit(examples, iterations=200)
    assert model.predict(Reading(["bias", "gov=signer:obj"], zero))[0] == "signed"
    assert model.predict(Reading(["bias", "gov=rejeter:obj"], zero))[0] == "rejected"
    assert model.predict(Reading(["bias", "deal=accord"], zero))[0] == "none"
    assert "noise1" not in model.weights  # seen once: dropped
    assert model.meta["labels"] == {"none": 6, "rejected": 6, "signed": 6}


def test_learned_fit_refuses_no_examples():
    with pytest.raises(ValueError, match="no training sentence"):
        fit([])


def test_cli_train_status_writes_a_model(tmp_path):
    articles = tmp_path / "a.jsonl"
    gold = tmp_path / "g.jsonl"
    texts = {
        "s1": "La France et le Maroc ont signé un accord sur la pêche. Le temps était beau.",
        "s2": "Le Chili a rejeté l'accord proposé par la Bolivie. La Bolivie négocie un traité.",
    }
    articles.write_text("".join(json.dumps({"id": k, "text": v}, ensure_ascii=False) + "\n"
                                for k, v in texts.items()), encoding="utf-8")
    gold.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in [
        {"id": "s1", "agreements": [{"parties": ["France", "Morocco"], "status_in_this_article": "signed",
                                     "evidence": "La France et le Maroc ont signé un accord sur la pêche."}]},
        {"id": "s2", "agreements": [{"parties": ["Chile"], "status_in_this_article": "rejected",
                                     "evidence_start": 0, "evidence_end": 51}]},
    ]), encoding="utf-8")
    out = tmp_path / "m.json"
    result = runner.invoke(app, ["train-status", "--articles", str(articles), "--gold", str(gold),
                                 "-o", str(out), "--iterations", "50", "--threshold", "0.6", "-q"],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    model = StatusModel.load(out)
    assert model.threshold == 0.6
    assert model.meta["articles"] == 2
    assert model.meta["labels"] == {"none": 1, "rejected": 1, "signed": 1}


def test_cli_train_status_names_a_missing_gold_file(tmp_path):
    articles = tmp_path / "a.jsonl"
    articles.write_text(json.dumps({"id": "s1", "text": "Un accord."}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["train-status", "--articles", str(articles), "--gold",
                                 str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "m.json")])
    assert result.exit_code != 0
    assert "nope.jsonl" in str(result.exception) + result.output
    assert not (tmp_path / "m.json").exists()


def test_cli_train_status_wants_one_gold_per_articles(tmp_path):
    result = runner.invoke(app, ["train-status", "--articles", "a.jsonl", "--articles", "b.jsonl",
                                 "--gold", "g.jsonl", "-o", str(tmp_path / "m.json")])
    assert result.exit_code == 2
    assert "2 --articles for 1 --gold" in result.output


def test_learned_event_without_a_party_belongs_to_the_deal_told_before(nlp, monkeypatch):
    """"Le pacte tient toujours" names no party: after a deal was told, it is that deal's;
    alone in an article it is no one's."""
    from filon.pipeline.events.component import EventExtractor

    monkeypatch.setenv(MODEL_ENV, "off")
    extractor = EventExtractor(nlp)
    extractor.status_model = _model({"l=tenir": {"signed": 5.0}})
    told = extractor.match(nlp("L'Italie et l'Albanie ont signé un pacte migratoire. "
                               "Le pacte tient toujours."))
    [learned] = [e for e in told if e["cue"] == MODEL_CUE]
    assert {p["name"] for p in learned["parties"]} == {"Italy", "Albania"}
    assert learned["evidence"]["text"] == "Le pacte tient toujours."
    alone = extractor.match(nlp("Le pacte tient toujours."))
    assert not any(e["cue"] == MODEL_CUE for e in alone)
