"""Score cross-article agreement linking against gold `deal` keys.

A gold agreement item may carry `deal`: a key naming the real-world deal it is about, the same
for every item (in any article) about that deal ("eu-mercosur-fta"). Linking is right when the
predicted events matched to those items (the `agreements` layer's matching) share an
`agreement_id` exactly when their gold items share a `deal`.

Scored over pairs of matched items, pooled across articles: a pair whose events share an
agreement id is a predicted link; a pair whose gold items share a deal is a gold link. Precision
falls when two deals are merged (the US–Ukraine minerals deal and a US–Ukraine ceasefire under
one id), recall when one deal is split. Items the pipeline missed are not counted here: the
`agreements` layer scores them. Without any `deal` key in the gold, the layer is not reported.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from filon.domains.gazetteer import load_gazetteer
from filon.evaluation.base import EvalError, LayerScore
from filon.evaluation.events import gold_assertions, match, predicted_assertions

LAYER = "agreement_links"


def _pairs(counts: Counter) -> int:
    return sum(n * (n - 1) // 2 for n in counts.values())


def score(golds: dict[str, dict], records: dict[str, dict]) -> list[LayerScore]:
    """Pairwise P/R/F1 of agreement ids against gold deal keys; `extra["items"]` counts the
    matched items scored and `extra["deals"]` their distinct gold deals."""
    gaz = load_gazetteer()
    items: list[tuple[str, str | None, str]] = []  # (gold deal, agreement id, article)
    for article_id in sorted(golds):
        gold_items = gold_assertions(golds[article_id], gaz)
        if not any(item["deal"] for item in gold_items):
            continue
        preds = predicted_assertions(records.get(article_id), gaz)
        for pi, gi in match(gold_items, preds).items():
            if gold_items[gi]["deal"]:
                agr = preds[pi]["agreement_id"]
                if agr and agr.startswith("local:"):  # not linked (no party): its article's own
                    agr = f"{article_id}#{agr}"
                items.append((gold_items[gi]["deal"], agr, article_id))
    if not items:
        return []
    # an event without an agreement id links to nothing: give it an id of its own
    items = [(deal, agr or f"#none{n}", art) for n, (deal, agr, art) in enumerate(items)]
    both = _pairs(Counter((deal, agr) for deal, agr, _ in items))
    predicted = _pairs(Counter(agr for _, agr, _ in items))
    gold = _pairs(Counter(deal for deal, _, _ in items))
    layer = LayerScore(LAYER, tp=both, fp=predicted - both, fn=gold - both)
    by_agr: dict[str, set[str]] = defaultdict(set)
    by_deal: dict[str, set[str]] = defaultdict(set)
    for deal, agr, _ in items:
        by_agr[agr].add(deal)
        by_deal[deal].add(agr)
    for agr, deals in sorted(by_agr.items()):
        if len(deals) > 1:
            layer.errors.append(EvalError(LAYER, agr, "false", f"merges deals {sorted(deals)}"))
    for deal, agrs in sorted(by_deal.items()):
        if len(agrs) > 1:
            layer.errors.append(EvalError(LAYER, deal, "miss", f"split across {sorted(agrs)}"))
    layer.extra["items"] = float(len(items))
    layer.extra["deals"] = float(len(by_deal))
    return [layer]
