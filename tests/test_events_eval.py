"""The agreement evaluation layer on golds and records written for these tests."""

from __future__ import annotations

import pytest

from filon.evaluation.events import gold_asserter, predicted_asserter, predicted_coarse, score


def gold_item(status, parties, asserted_by=None, evidence="", coarse=None):
    item = {"parties": parties, "subject": "minerals", "status_in_this_article": status,
            "asserted_by": asserted_by, "event_date": None, "evidence": evidence}
    if coarse is not None or status == "other":
        item["status_coarse"] = coarse
    return item


def pred(status, parties, claimed=None, type_="agreement", evidence="", coarse=None):
    event = {"type": type_, "status": status, "parties": [{"name": n, "id": None} for n in parties],
             "claimed_by": claimed, "evidence": {"start": 0, "end": len(evidence), "text": evidence}}
    if coarse is not None:
        event["coarse_status"] = coarse
    return event


def run(golds: list[dict], events: list[dict]):
    [layer] = score({"a": {"id": "a", "agreements": golds}}, {"a": {"id": "a", "events": events}})
    return layer


def test_events_eval_perfect_match():
    layer = run([gold_item("signed", ["United States", "Ukraine"])],
                [pred("signed", ["Ukraine", "United States"])])
    assert (layer.tp, layer.fp, layer.fn, layer.f1) == (1, 0, 0, 1.0)


def test_events_eval_ratified_counts_as_signed():
    layer = run([gold_item("signed", ["Ukraine"])], [pred("ratified", ["Ukraine", "United States"])])
    assert layer.tp == 1


def test_events_eval_other_uses_status_coarse_and_null_is_not_scored():
    golds = [gold_item("other", ["Ukraine"], coarse="close"), gold_item("other", ["Ukraine"], coarse=None)]
    layer = run(golds, [pred("close", ["Ukraine"])])
    assert (layer.tp, layer.fp, layer.fn) == (1, 0, 0)


def test_events_eval_status_and_party_must_agree():
    layer = run([gold_item("rejected", ["Ukraine"])],
                [pred("proposed", ["Ukraine"]), pred("rejected", ["European Union"])])
    assert (layer.tp, layer.fp, layer.fn) == (0, 2, 1)
    assert {e.kind for e in layer.errors} == {"miss", "false"}
    assert all(e.article_id == "a" for e in layer.errors)


def test_events_eval_unspecified_party_matches_any():
    layer = run([gold_item("negotiating", ["unspecified"])], [pred("negotiating", ["China"])])
    assert layer.tp == 1


def test_events_eval_unasserted_and_other_types_are_ignored():
    events = [pred(None, ["Ukraine"]), pred(None, ["Ukraine"], type_="order"),
              pred("collapsed", ["Ukraine"])]
    assert [predicted_coarse(e) for e in events] == [None, None, None]
    layer = run([], events)
    assert (layer.tp, layer.fp) == (0, 0)


def test_events_eval_investment_invitation_is_a_proposal():
    layer = run([gold_item("proposed", ["Russia", "United States"], "Vladimir Poutine")],
                [pred("proposed", ["Russia", "United States"], {"name": "Vladimir Putin", "id": "Q7747"},
                      type_="investment_invitation")])
    assert layer.tp == 1
    assert layer.extra["asserted_by_accuracy"] == 1.0


def test_events_eval_restatement_is_a_duplicate_not_a_false_hit():
    trump = {"name": "Donald Trump", "id": "Q22686"}
    layer = run([gold_item("close", ["United States", "Ukraine"], "Donald Trump")],
                [pred("close", ["United States", "Ukraine"], trump),
                 pred("close", ["United States", "Ukraine", "Russia"], trump),
                 pred("close", ["United States", "Ukraine"], None)])
    assert (layer.tp, layer.fp, layer.extra["duplicates"]) == (1, 1, 1.0)


def test_events_eval_prefers_the_pair_with_the_same_evidence_and_asserter():
    golds = [gold_item("negotiating", ["United States", "Ukraine"], None, "Les deux pays négocient."),
             gold_item("negotiating", ["United States", "Ukraine"], "Kiev & Washington",
                       "Une version est en discussion, selon Kiev et Washington.")]
    joint = {"name": "Kyiv & Washington, D.C.", "id": None, "ids": ["Q1899", "Q61"]}
    events = [pred("negotiating", ["Ukraine", "United States"], joint,
                   evidence="Une version est en discussion, selon Kiev et Washington."),
              pred("negotiating", ["Ukraine", "United States"], None, evidence="Les deux pays négocient.")]
    layer = run(golds, events)
    assert (layer.tp, layer.fp, layer.fn) == (2, 0, 0)
    assert layer.extra["asserted_by_accuracy"] == 1.0


@pytest.mark.parametrize(
    ("gold", "claim"),
    [
        ("Kiev & Washington", {"name": "Ukrainian government & United States government", "id": None,
                               "ids": ["filon:gov-ua", "filon:gov-us"]}),
        ("Vladimir Poutine", {"name": "Vladimir Putin", "id": "Q7747"}),
        (None, None),
    ],
)
def test_events_eval_asserter_identities(gold, claim):
    from filon.domains.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    assert gold_asserter(gold, gaz) == predicted_asserter(claim, gaz)


def test_events_eval_wrong_asserter_is_listed_and_strict_f1_needs_the_sentence():
    golds = [gold_item("close", ["United States", "Ukraine"], "Donald Trump",
                       "Trump juge l'accord proche."),
             gold_item("signed", ["United States", "Ukraine"], None, "Les deux pays ont signé.")]
    events = [pred("close", ["United States", "Ukraine"], None, evidence="Trump juge l'accord proche."),
              pred("signed", ["Ukraine", "United States"], None, evidence="Une autre phrase.")]
    layer = run(golds, events)
    assert (layer.tp, layer.fp, layer.fn) == (2, 0, 0)
    assert [e.kind for e in layer.errors] == ["wrong"]  # matched, but the narrator is not Trump
    assert layer.extra["same_evidence"] == 1.0
    assert layer.extra["strict_f1"] == pytest.approx(0.5)  # the signing was read in another sentence



def test_events_eval_government_party_is_its_state():
    # a government acts for its state, as asserters are compared
    layer = run([gold_item("close", ["French government", "Socialist Party"])],
                [pred("close", ["France", "Socialist Party"])])
    assert (layer.tp, layer.fp, layer.fn) == (1, 0, 0)
    layer = run([gold_item("close", ["French government"])], [pred("close", ["Germany"])])
    assert (layer.tp, layer.fp, layer.fn) == (0, 1, 1)
