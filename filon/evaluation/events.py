"""Score agreement status assertions against the gold `agreements` of ../shared/corpus.

A gold item is a *status assertion*: parties (English names, or "unspecified"), a status
(`status_in_this_article`, or `status_coarse` when that is "other"), who asserts it and the
sentence that proves it. Gold items whose coarse status is null ("negotiations fell through")
are not scored.

Predictions are the events of a record that the gold conventions call agreements: `agreement`
events, and `investment_invitation` events (the gold counts an invitation to invest in minerals
as a *proposed* agreement-like assertion; the component only emits invitations about minerals).
An event counts when its status is asserted: negated or modal cues carry `status: None` and are
not assertions. Statuses are mapped onto the five gold statuses (ratified -> signed,
suspended/cancelled -> not scored), see `filon.pipeline.events.lexicon.COARSE_STATUS`.

Matching, per article, greedy and one-to-one: a prediction is compatible with a gold item when the
coarse statuses are equal and they share at least one party (compared by identity as asserters
are: gazetteer ids, a government or capital standing for its state; "unspecified" matches any).
Among compatible pairs, those whose evidence sentences coincide come
first, then those with the same asserter, then text order.

Gold lists each distinct assertion once, even when the article repeats it (a lede that a later
paragraph restates). So an unmatched prediction that restates a matched one (same coarse status,
same claimant, and one party set contains the other) is a duplicate: it is neither a hit nor a
false hit, and is counted in `extra["duplicates"]`. Every other unmatched prediction is a false
hit.

`extra["asserted_by_accuracy"]`: share of matched pairs whose claimant is the gold asserter
(null = narrator). Identities compare by gazetteer id, a city or government standing for its
state ("Kiev" = "Ukrainian government"); joint asserters ("Kiev & Washington") as sets.
"""

from __future__ import annotations

from filon.domains.folding import fold
from filon.domains.gazetteer import Gazetteer, load_gazetteer
from filon.evaluation.base import EvalError, LayerScore
from filon.pipeline.events.lexicon import COARSE_STATUS

LAYER = "agreements"
SCORED_TYPES = frozenset({"agreement", "investment_invitation"})
_STATE_PROXIES = frozenset({"city", "government"})


def gold_coarse(item: dict) -> str | None:
    """The coarse status of a gold assertion ("other" defers to `status_coarse`)."""
    status = item.get("status_in_this_article")
    if status == "other":
        return item.get("status_coarse")
    return status


def predicted_coarse(event: dict) -> str | None:
    """The coarse status of a predicted event, None when it asserts no scored status."""
    if event.get("type") not in SCORED_TYPES or event.get("status") is None:
        return None
    if event.get("coarse_status") is not None:
        return event["coarse_status"]
    return COARSE_STATUS.get(event["status"])


def _party_names(names: list[str], gaz: Gazetteer) -> frozenset[str]:
    """Identities of parties, as for asserters: a government or capital stands for its state
    ("French government" = "France"), other names by gazetteer id, unknown ones folded."""
    return frozenset(_identity(None, name, gaz) for name in names)


def _identity(actor_id: str | None, name: str | None, gaz: Gazetteer) -> str:
    actor = gaz.actor(actor_id) if actor_id else None
    if actor is None and name:
        actor = gaz.metonymy(name) or gaz.lookup(name)
    if actor is None:
        return fold(name or "")
    if actor.type in _STATE_PROXIES:
        state = gaz.state_of(actor.id)
        if state is not None:
            return state.id
    return actor.id


def gold_asserter(value: str | None, gaz: Gazetteer) -> frozenset[str] | None:
    """Identities of a gold `asserted_by` ("Kiev & Washington" -> two states)."""
    if not value:
        return None
    return frozenset(_identity(None, part.strip(), gaz) for part in value.split("&"))


def predicted_asserter(claim: dict | None, gaz: Gazetteer) -> frozenset[str] | None:
    """Identities of a predicted `claimed_by` (single or joint)."""
    if not claim:
        return None
    if claim.get("ids"):
        names = [n.strip() for n in (claim.get("name") or "").split("&")]
        if len(names) != len(claim["ids"]):
            names = [None] * len(claim["ids"])
        return frozenset(_identity(i, n, gaz) for i, n in zip(claim["ids"], names, strict=True))
    return frozenset({_identity(claim.get("id"), claim.get("name"), gaz)})


def _restates(pred: dict, other: dict) -> bool:
    """Same coarse status and claimant, and one party set holds the other: the same assertion."""
    if pred["coarse"] != other["coarse"] or pred["asserter"] != other["asserter"]:
        return False
    return pred["parties"] <= other["parties"] or other["parties"] <= pred["parties"]


def _same_text(a: str, b: str) -> bool:
    a, b = " ".join(a.split()), " ".join(b.split())
    return bool(a and b) and (a in b or b in a)


def _show(coarse: str | None, parties, asserter, evidence: str) -> str:
    who = " & ".join(sorted(asserter)) if asserter else "narrator"
    return f"{coarse} {sorted(parties)} by {who} | {evidence[:160]}"


def gold_assertions(gold: dict, gaz: Gazetteer) -> list[dict]:
    """The scored assertions of one gold row (coarse status known), in gold order, each with
    its `index` in the row's `agreements` and its `deal` key when the gold gives one."""
    items = []
    for index, item in enumerate(gold.get("agreements") or []):
        coarse = gold_coarse(item)
        if coarse is None:
            continue
        items.append({
            "coarse": coarse,
            "parties": _party_names(item.get("parties") or [], gaz),
            "asserter": gold_asserter(item.get("asserted_by"), gaz),
            "evidence": item.get("evidence") or "",
            "index": index,
            "deal": item.get("deal"),
        })
    return items


def predicted_assertions(record: dict | None, gaz: Gazetteer) -> list[dict]:
    """The status assertions among a record's events, each with its `agreement_id`."""
    preds = []
    for event in (record or {}).get("events") or []:
        coarse = predicted_coarse(event)
        if coarse is None:
            continue
        preds.append({
            "coarse": coarse,
            "parties": _party_names([p.get("name") or "" for p in event.get("parties") or []], gaz),
            "asserter": predicted_asserter(event.get("claimed_by"), gaz),
            "evidence": (event.get("evidence") or {}).get("text") or "",
            "agreement_id": event.get("agreement_id"),
        })
    return preds


def match(gold_items: list[dict], preds: list[dict]) -> dict[int, int]:
    """Greedy one-to-one matching of one article's predictions to its gold assertions (see the
    module docstring): `{prediction index: gold index}`."""
    pairs = []
    for gi, gold in enumerate(gold_items):
        for pi, pred in enumerate(preds):
            if gold["coarse"] != pred["coarse"]:
                continue
            unspecified = "unspecified" in gold["parties"]
            if not unspecified and not gold["parties"] & pred["parties"]:
                continue
            rank = 2 * _same_text(gold["evidence"], pred["evidence"]) + (
                gold["asserter"] == pred["asserter"]
            )
            pairs.append((-rank, gi, pi))
    used_g: set[int] = set()
    used_p: dict[int, int] = {}
    for _, gi, pi in sorted(pairs):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p[pi] = gi
    return used_p


def score(golds: dict[str, dict], records: dict[str, dict]) -> list[LayerScore]:
    """P/R/F1 of agreement status assertions, with asserter accuracy on matched items.

    Args:
        golds: gold rows keyed by corpus article id, each with an `agreements` list.
        records: extraction records keyed by the same ids; a missing record predicts nothing.

    Returns:
        One `LayerScore` ("agreements") with `extra` holding `asserted_by_accuracy`,
        `asserted_by_correct`, `matched`, `duplicates`, `same_evidence` and `strict_f1` (hits
        only on the gold's own sentence, restatements counted as false hits).
    """
    gaz = load_gazetteer()
    layer = LayerScore(LAYER)
    asserted_ok = matched_total = duplicates = same_evidence = 0
    for article_id in sorted(golds):
        gold_items = gold_assertions(golds[article_id], gaz)
        preds = predicted_assertions(records.get(article_id), gaz)
        used_p = match(gold_items, preds)
        used_g = set(used_p.values())
        layer.tp += len(used_p)
        for pi, gi in used_p.items():
            matched_total += 1
            same_evidence += _same_text(gold_items[gi]["evidence"], preds[pi]["evidence"])
            if gold_items[gi]["asserter"] == preds[pi]["asserter"]:
                asserted_ok += 1
                continue
            gold = gold_items[gi]
            got = " & ".join(sorted(preds[pi]["asserter"] or ())) or "narrator"
            layer.errors.append(EvalError(LAYER, article_id, "wrong", _show(
                gold["coarse"], gold["parties"], gold["asserter"], gold["evidence"])
                + f" (got asserter {got})"))
        for gi, gold in enumerate(gold_items):
            if gi not in used_g:
                layer.fn += 1
                layer.errors.append(EvalError(LAYER, article_id, "miss", _show(
                    gold["coarse"], gold["parties"], gold["asserter"], gold["evidence"])))
        matched = [preds[i] for i in used_p]
        for pi, pred in enumerate(preds):
            if pi in used_p:
                continue
            if any(_restates(pred, other) for other in matched):
                duplicates += 1
                continue
            layer.fp += 1
            layer.errors.append(EvalError(LAYER, article_id, "false", _show(
                pred["coarse"], pred["parties"], pred["asserter"], pred["evidence"])))
    layer.extra["asserted_by_accuracy"] = asserted_ok / matched_total if matched_total else 0.0
    layer.extra["asserted_by_correct"] = float(asserted_ok)
    layer.extra["matched"] = float(matched_total)
    layer.extra["duplicates"] = float(duplicates)
    # matches whose evidence sentences coincide: the rest pair an assertion with the same status
    # and party read in another sentence of the article (allowed by the matching rule above)
    layer.extra["same_evidence"] = float(same_evidence)
    # the strictest reading, for transparency: a hit needs the gold's own sentence, and a
    # restatement counts as a false hit
    predicted = layer.tp + layer.fp + duplicates
    strict_p = same_evidence / predicted if predicted else 0.0
    strict_r = same_evidence / (layer.tp + layer.fn) if layer.tp + layer.fn else 0.0
    layer.extra["strict_f1"] = 2 * strict_p * strict_r / (strict_p + strict_r) if strict_p + strict_r else 0.0
    return [layer]
