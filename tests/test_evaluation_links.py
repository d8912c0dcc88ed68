"""The `agreement_links` evaluation layer: agreement ids against gold deal keys."""

from __future__ import annotations

from filon.evaluation.links import score


def gold(status, parties, deal=None):
    item = {"parties": parties, "status_in_this_article": status, "asserted_by": None,
            "evidence": ""}
    if deal is not None:
        item["deal"] = deal
    return item


def pred(status, parties, agreement_id):
    return {"type": "agreement", "status": status, "agreement_id": agreement_id,
            "parties": [{"name": n, "id": None} for n in parties], "claimed_by": None,
            "evidence": {"start": 0, "end": 0, "text": ""}}


US_UA = ["United States", "Ukraine"]


def run(golds: dict[str, list], events: dict[str, list]):
    return score({a: {"id": a, "agreements": g} for a, g in golds.items()},
                 {a: {"id": a, "events": e} for a, e in events.items()})


def test_links_eval_perfect_and_merged_and_split():
    golds = {"a1": [gold("signed", US_UA, "minerals"), gold("proposed", US_UA, "truce")],
             "a2": [gold("negotiating", US_UA, "minerals"), gold("close", US_UA, "truce")]}
    right = {"a1": [pred("signed", US_UA, "x"), pred("proposed", US_UA, "y")],
             "a2": [pred("negotiating", US_UA, "x"), pred("close", US_UA, "y")]}
    [layer] = run(golds, right)
    assert (layer.tp, layer.fp, layer.fn) == (2, 0, 0)
    assert layer.extra["items"] == 4 and layer.extra["deals"] == 2
    merged = {a: [dict(e, agreement_id="x") for e in events] for a, events in right.items()}
    [layer] = run(golds, merged)
    assert (layer.tp, layer.fp, layer.fn) == (2, 4, 0)  # 6 predicted pairs, 2 true
    assert any("merges deals ['minerals', 'truce']" in e.detail for e in layer.errors)
    split = {"a1": right["a1"], "a2": [pred("negotiating", US_UA, "x2"), pred("close", US_UA, "y")]}
    [layer] = run(golds, split)
    assert (layer.tp, layer.fp, layer.fn) == (1, 0, 1)
    assert any(e.kind == "miss" and e.article_id == "minerals" for e in layer.errors)


def test_links_eval_unlinked_event_links_to_nothing():
    golds = {"a1": [gold("signed", US_UA, "d")], "a2": [gold("signed", US_UA, "d")]}
    events = {"a1": [pred("signed", US_UA, None)], "a2": [pred("signed", US_UA, None)]}
    [layer] = run(golds, events)
    assert (layer.tp, layer.fp, layer.fn) == (0, 0, 1)


def test_links_eval_not_reported_without_deal_keys():
    assert run({"a1": [gold("signed", US_UA)]}, {"a1": [pred("signed", US_UA, "x")]}) == []


def test_links_eval_local_ids_are_scoped_to_their_article():
    # events no party linked keep the article's "local:1": two articles' local:1 are not one deal
    golds = {"a1": [gold("signed", ["unspecified"], "cop27")],
             "a2": [gold("signed", ["unspecified"], "cop29")]}
    events = {"a1": [pred("signed", [], "local:1")], "a2": [pred("signed", [], "local:1")]}
    [layer] = run(golds, events)
    assert (layer.tp, layer.fp, layer.fn) == (0, 0, 0)
