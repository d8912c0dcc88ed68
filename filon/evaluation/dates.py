"""Score temporal expressions against the gold `dates` of ../shared/corpus.

Gold lists each distinct (mention, resolution) pair of an article once, so the unit of
detection is a SET of normalized mention texts per article: an article that says "lundi" three
times has one "lundi" mention, and finding it once is enough.

- Detection: precision / recall / F1 on normalized mention texts (NFC, lowercase, one kind of
  apostrophe, folded spaces, leading prepositions and determiners dropped as whole words: "le 24
  février 2025" / "24 février 2025", "en mars" / "mars", "ce lundi 8 juillet" / "lundi 8
  juillet", "dans les prochains jours" / "les prochains jours" compare equal, since where a
  mention starts is a labelling convention, not a finding). Gold and predicted mentions go
  through the same `normalize_mention`.
- `extra["value_accuracy"]`: share of gold dates with a non-null `resolved` for which a predicted
  mention with the same normalized text has that value. A gold date the system did not find
  counts as wrong: the figure is over all resolvable gold dates.
- Errors: misses and false hits (detection) and "wrong" values with expected and predicted.
"""

from __future__ import annotations

import re
import unicodedata

from filon.evaluation.base import EvalError, LayerScore

LAYER = "dates"

# Leading words that do not change which date is meant. Each one is stripped only as a whole
# word: followed by a space, or, for the elided forms, by their apostrophe ("l'automne" ->
# "automne"; "lendemain" and "les" keep their "le"). Longest alternatives come first.
_LEADING_WORDS = (
    "à partir du", "à partir de", "au cours des", "au cours du", "au cours de", "au mois de",
    "jusqu'au", "jusqu'en", "d'ici au", "d'ici à", "d'ici", "depuis", "dès", "avant", "après",
    "pour", "entre", "lors du", "lors de", "dans", "vers", "en", "au", "aux", "à", "du", "des",
    "de", "le", "la", "les", "cette", "cet", "ce",
)  # fmt: skip
_ELIDED = ("jusqu'", "lorsqu'", "d'", "l'")
_LEADING = re.compile(
    r"^(?:(?:"
    + "|".join(re.escape(w) for w in _LEADING_WORDS)
    + r")\s+|(?:"
    + "|".join(re.escape(w) for w in _ELIDED)
    + r"))+"
)
_SPACES = re.compile(r"\s+")


def normalize_mention(text: str) -> str:
    """The form mentions are compared in: "Le 24 février 2025," -> "24 février 2025"."""
    text = unicodedata.normalize("NFC", text).lower().replace("’", "'")
    text = _SPACES.sub(" ", text).strip(' \t\n.,;:!?«»"“”()')
    stripped = _LEADING.sub("", text)
    # never strip a mention to nothing ("l'an dernier" keeps its "l'" if that is all there is)
    return stripped.strip() or text


def score(golds: dict[str, dict], records: dict[str, dict]) -> list[LayerScore]:
    """Detection P/R/F1 and value accuracy of dates, per article then summed.

    Args:
        golds: gold rows keyed by corpus article id (each with a `dates` list of
            {"text", "resolved"}).
        records: extraction records keyed by the same ids (each with `dates` of
            {"text", "start", "end", "value"}). An article without a record counts as
            predicting nothing.

    Returns:
        One `LayerScore` ("dates") whose `extra` holds `value_accuracy`, `value_correct` and
        `value_total`.
    """
    layer = LayerScore(LAYER)
    correct = total = 0
    for article_id in sorted(golds):
        gold_dates = golds[article_id].get("dates") or []
        predicted = (records.get(article_id) or {}).get("dates") or []
        gold_texts = {normalize_mention(d["text"]) for d in gold_dates}
        values: dict[str, set[str | None]] = {}
        for item in predicted:
            values.setdefault(normalize_mention(item["text"]), set()).add(item.get("value"))
        layer.add_sets(article_id, gold_texts, set(values))
        for gold in gold_dates:
            if gold.get("resolved") is None:
                continue
            total += 1
            key = normalize_mention(gold["text"])
            got = values.get(key)
            if got and gold["resolved"] in got:
                correct += 1
            elif got:
                shown = ", ".join(sorted(str(v) for v in got))
                layer.errors.append(
                    EvalError(
                        LAYER,
                        article_id,
                        "wrong",
                        f"{gold['text']!r}: expected {gold['resolved']}, got {shown}",
                    )
                )
    layer.extra["value_accuracy"] = correct / total if total else 0.0
    layer.extra["value_correct"] = float(correct)
    layer.extra["value_total"] = float(total)
    return [layer]
