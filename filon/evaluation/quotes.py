"""Score quotes and reported statements against the gold labels of ../shared/corpus.

Layers (one `LayerScore` each):

- ``quotes_exact``: gold `direct_quotes` against predicted quotes, equal after normalizing
  whitespace, quotation marks and apostrophes.
- ``quotes_overlap_0.3`` and ``quotes_overlap_0.8``: the same pairs matched by token overlap, the
  lenient and strict figures the published anchors report (Radar de Parité: 0.817 / 0.726).
- ``statements``: gold `indirect_statements` against predicted `indirect` and `mixed` items,
  matched on speaker and cue.

What counts as a predicted quote: every item of kind ``direct``, every quoted fragment of a
``mixed`` item (its `quotes` list, else `quote_start`/`quote_end`), and every ``term``. filon
emits terms (scare quotes, names of documents, slogans), so gold quotes of kind "term" are
scored like the others: a missed term is a miss and a term predicted where the gold has none is
a false hit. Predicted and gold quotes are deduplicated the same way, once per distinct
(normalized quote, speaker) pair, as the gold lists a quote that occurs twice only once.

Overlap: both texts are normalized and split into word tokens (``\\w+``, case folded);
``overlap(p, g) = |tokens(p) ∩ tokens(g)| / max(|tokens(p)|, |tokens(g)|)`` with a multiset
intersection. A prediction matches a gold quote when the overlap reaches the threshold; the
denominator is the longer of the two, so a prediction can neither swallow a short gold quote
nor be a short piece of a long one. Pairs are matched one-to-one, best overlap first.

Speakers: a gold speaker string (canonical, in the article's language; joint speakers written
"A & B") is compared with the predicted speaker by identity: each member is mapped through the
gazetteer (`lookup`, `metonymy`, `role`), and a predicted member matches when its `id` is one of
those identities or when its canonical name or surface, folded, equals the gold string or the
name of one of those actors (a leading article of the predicted surface left out: the gold
writes "délégation canadienne" for "La délégation canadienne"). A gold speaker ``null``
(no or an anonymous source) matches a
predicted speaker that is None or unresolved (`name` None). ``extra["speaker_accuracy"]`` is the
share of matched quotes (or statements matched on cue) whose speakers agree; each disagreement
is logged as a "wrong" error.

Statements also report ``gold_on_direct_quotes``: gold statements that match no indirect or
mixed item but are the cue and speaker of a predicted whole direct quote ("« … », a déclaré X").
The seed's gold lists only mixed quotes among its statements; other gold files also list these
attributions, which the record carries on its direct items. They stay misses in the F1 (the
layer compares statements with statements); the count says how much of the gap is this
difference of convention.

Statements: a gold statement matches a predicted one when the speakers agree (as above) and the
cues agree: equal after folding, one containing the other ("assuré" / "a assuré"), or the stem
of the predicted `cue_lemma` (the infinitive without its ending) opening a word of the gold cue
("clamer" / "clamant").
"""

from __future__ import annotations

import re
from collections import Counter

from filon.domains.folding import fold
from filon.domains.gazetteer import Gazetteer, load_gazetteer, strip_determiner
from filon.evaluation.base import EvalError, LayerScore

THRESHOLDS = (0.3, 0.8)
_MARKS = re.compile(r"[«»“”„‹›\"‘’`]")
_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")


def normalize_quote(text: str) -> str:
    """Quote text with quotation marks removed, apostrophes unified and whitespace collapsed."""
    text = text.replace("’", "'").replace("ʼ", "'")
    text = _MARKS.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    # "américains , dans" and "américains, dans" are the same words
    return re.sub(r" ([,.;:!?)])", r"\1", text).replace("( ", "(")


def tokens(text: str) -> list[str]:
    """Case-folded word tokens of a normalized quote."""
    return _WORD.findall(fold(normalize_quote(text)))


def overlap(predicted: str, gold: str) -> float:
    """Shared tokens over the token count of the longer text (0.0 when either is empty)."""
    p, g = Counter(tokens(predicted)), Counter(tokens(gold))
    longer = max(sum(p.values()), sum(g.values()))
    return sum((p & g).values()) / longer if longer else 0.0


def predicted_quotes(record: dict) -> list[dict]:
    """The quotes a record asserts: direct items, terms and the fragments of mixed items.

    Each is ``{"text", "speaker", "kind"}`` ("full", "partial" or "term", like the gold).
    """
    out: list[dict] = []
    for item in record.get("quotes") or []:
        kind = item.get("kind")
        if kind in ("direct", "term"):
            gold_kind = "term" if kind == "term" else ("partial" if item.get("fragment") else "full")
            out.append({"text": item.get("text") or "", "speaker": item.get("speaker"), "kind": gold_kind})
        elif kind == "mixed":
            frags = item.get("quotes") or (
                [{"text": item.get("quote_text") or ""}] if item.get("quote_start") is not None else []
            )
            for frag in frags:
                out.append(
                    {"text": frag.get("text") or "", "speaker": item.get("speaker"), "kind": "partial"}
                )
    return out


class SpeakerMatcher:
    """Compare gold speaker strings with predicted speaker dicts by identity."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def _member_keys(self, surface: str) -> tuple[set[str], set[str]]:
        ids: set[str] = set()
        names = {fold(surface)}
        for actor in (self.gaz.lookup(surface), self.gaz.metonymy(surface), self.gaz.role(surface)):
            if actor is not None:
                ids.add(actor.id)
                names.update({fold(actor.name), fold(actor.name_fr)})
        return ids, names

    @staticmethod
    def _members(speaker: dict | None) -> list[dict]:
        if not speaker:
            return []
        return list(speaker.get("speakers") or [speaker])

    def key(self, speaker: dict | None) -> str:
        """Dedup key of a predicted speaker: its id, else its folded name or surface, else ''."""
        if not speaker or (speaker.get("name") is None and not speaker.get("speakers")):
            return ""
        return "&".join(
            sorted(m.get("id") or fold(m.get("name") or m.get("text") or "") for m in self._members(speaker))
        )

    def gold_key(self, gold: str | None) -> str:
        """Dedup key of a gold speaker string."""
        if not gold:
            return ""
        keys = []
        for member in gold.split(" & "):
            ids, _ = self._member_keys(member.strip())
            keys.append(sorted(ids)[0] if ids else fold(member))
        return "&".join(sorted(keys))

    def same(self, gold: str | None, predicted: dict | None) -> bool:
        """True when the predicted speaker is the gold speaker (see the module docstring)."""
        if not gold:
            return not predicted or (predicted.get("name") is None and not predicted.get("speakers"))
        if not predicted:
            return False
        members = [m.strip() for m in gold.split(" & ")]
        preds = self._members(predicted)
        if len(members) != len(preds):
            return False
        free = list(preds)
        for member in members:
            ids, names = self._member_keys(member)
            hit = next((p for p in free if self._member_same(ids, names, p)), None)
            if hit is None:
                return False
            free.remove(hit)
        return True

    @staticmethod
    def _member_same(ids: set[str], names: set[str], pred: dict) -> bool:
        if pred.get("id") and pred["id"] in ids:
            return True
        # the gold writes a description without its article ("délégation canadienne"), the
        # record keeps the surface ("La délégation canadienne")
        return any(
            fold(pred[k]) in names or fold(strip_determiner(pred[k])) in names
            for k in ("name", "text")
            if pred.get(k)
        )


def cue_match(gold_cue: str, predicted: dict) -> bool:
    """True when a predicted statement's cue agrees with the gold cue (see module docstring)."""
    gold = fold(gold_cue or "")
    cue = fold(predicted.get("cue") or "")
    if not gold or not cue:
        return False
    if gold == cue or gold in cue or cue in gold:
        return True
    lemma = fold(predicted.get("cue_lemma") or "")
    stem = lemma.split()[0][:-2] if lemma else ""
    return len(stem) >= 3 and any(word.startswith(stem) for word in re.split(r"[\s'-]+", gold))


def score(
    golds: dict[str, dict],
    records: dict[str, dict],
    gazetteer: Gazetteer | None = None,
) -> list[LayerScore]:
    """Precision / recall / F1 of direct quotes (exact, overlap 0.3, overlap 0.8) and statements.

    Args:
        golds: gold rows by article id (../shared/corpus/gold.jsonl).
        records: extraction records by article id (DESIGN.md contract; `quotes` used).
        gazetteer: maps gold speaker strings to identities. Defaults to the minerals pack.

    Returns:
        Layers ``quotes_exact``, ``quotes_overlap_0.3``, ``quotes_overlap_0.8`` and
        ``statements``, each with ``extra["speaker_accuracy"]``. An article with gold but no
        record counts every gold item as a miss.
    """
    speakers = SpeakerMatcher(gazetteer or load_gazetteer())
    layers = [LayerScore("quotes_exact"), *(LayerScore(f"quotes_overlap_{t}") for t in THRESHOLDS)]
    agree = {layer.layer: [0, 0] for layer in layers}
    statements = LayerScore("statements")
    st_agree = [0, 0]
    for article_id, gold in sorted(golds.items()):
        record = records.get(article_id) or {}
        gold_quotes = _dedupe(
            [
                {"text": q.get("quote") or "", "speaker": q.get("speaker"), "kind": q.get("kind")}
                for q in gold.get("direct_quotes") or []
            ],
            lambda q: (normalize_quote(q["text"]), speakers.gold_key(q["speaker"])),
        )
        preds = _dedupe(
            predicted_quotes(record), lambda q: (normalize_quote(q["text"]), speakers.key(q["speaker"]))
        )
        for layer in layers:
            if layer.layer == "quotes_exact":
                pairs = _match(
                    gold_quotes,
                    preds,
                    lambda g, p: float(normalize_quote(g["text"]) == normalize_quote(p["text"])),
                    1.0,
                )
            else:
                threshold = float(layer.layer.rsplit("_", 1)[1])
                pairs = _match(gold_quotes, preds, lambda g, p: overlap(p["text"], g["text"]), threshold)
            _count(layer, article_id, gold_quotes, preds, pairs, speakers, agree[layer.layer])
        _score_statements(
            statements, article_id, gold.get("indirect_statements") or [], record, speakers, st_agree
        )
    for layer in layers:
        ok, total = agree[layer.layer]
        layer.extra["speaker_accuracy"] = ok / total if total else 0.0
    statements.extra["speaker_accuracy"] = st_agree[0] / st_agree[1] if st_agree[1] else 0.0
    return [*layers, statements]


def _dedupe(items: list[dict], key) -> list[dict]:
    seen: set = set()
    out = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def _match(golds: list[dict], preds: list[dict], similarity, threshold: float) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), best similarity first, ties in text order."""
    candidates = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            sim = similarity(g, p)
            if sim >= threshold:
                candidates.append((-sim, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _show(q: dict) -> str:
    speaker = q.get("speaker")
    if isinstance(speaker, dict):
        speaker = speaker.get("name") or (f"?{speaker.get('text')}" if speaker.get("text") else None)
    return f"[{q.get('kind')}] «{q['text'][:80]}» — {speaker}"


def _count(layer: LayerScore, article_id: str, golds, preds, pairs, speakers: SpeakerMatcher, agree) -> None:
    matched_g = {g for g, _ in pairs}
    matched_p = {p for _, p in pairs}
    layer.tp += len(pairs)
    for gi, pi in pairs:
        agree[1] += 1
        if speakers.same(golds[gi]["speaker"], preds[pi]["speaker"]):
            agree[0] += 1
        else:
            layer.errors.append(
                EvalError(
                    layer.layer, article_id, "wrong", f"speaker of {_show(golds[gi])}: got {_show(preds[pi])}"
                )
            )
    for gi, g in enumerate(golds):
        if gi not in matched_g:
            layer.fn += 1
            layer.errors.append(EvalError(layer.layer, article_id, "miss", _show(g)))
    for pi, p in enumerate(preds):
        if pi not in matched_p:
            layer.fp += 1
            layer.errors.append(EvalError(layer.layer, article_id, "false", _show(p)))


def _score_statements(
    layer: LayerScore, article_id: str, golds: list[dict], record: dict, speakers, agree
) -> None:
    preds = [q for q in record.get("quotes") or [] if q.get("kind") in ("indirect", "mixed")]
    directs = [q for q in record.get("quotes") or [] if q.get("kind") == "direct" and q.get("cue")]
    layer.extra.setdefault("gold_on_direct_quotes", 0)
    used: set[int] = set()
    for g in golds:
        # first a prediction right on speaker and cue; else one right on the cue only, which
        # is a match of the statement with a wrong speaker
        found = None
        for pi, p in enumerate(preds):
            if (
                pi not in used
                and cue_match(g.get("cue_verb") or "", p)
                and speakers.same(g.get("speaker"), p.get("speaker"))
            ):
                found = (pi, True)
                break
        if found is None:
            found = next(
                (
                    (pi, False)
                    for pi, p in enumerate(preds)
                    if pi not in used and cue_match(g.get("cue_verb") or "", p)
                ),
                None,
            )
        detail = f"{g.get('speaker')} — {g.get('cue_verb')!r}: {g.get('gist', '')[:70]}"
        if found is None and any(
            cue_match(g.get("cue_verb") or "", q) and speakers.same(g.get("speaker"), q.get("speaker"))
            for q in directs
        ):
            # the attribution of a whole direct quote ("« … », a déclaré X"): a statement in
            # this gold, a direct item only in the record (and in the seed's convention)
            layer.extra["gold_on_direct_quotes"] = layer.extra.get("gold_on_direct_quotes", 0) + 1
        if found is None:
            layer.fn += 1
            layer.errors.append(EvalError(layer.layer, article_id, "miss", detail))
            continue
        pi, same = found
        agree[1] += 1
        if same:
            used.add(pi)
            agree[0] += 1
            layer.tp += 1
        else:
            # the statement is found but attributed to someone else: not a true positive
            layer.fn += 1
            got = (preds[pi].get("speaker") or {}).get("name")
            layer.errors.append(EvalError(layer.layer, article_id, "wrong", f"{detail} (got speaker {got})"))
    for pi, p in enumerate(preds):
        if pi not in used:
            # a wrong-speaker prediction was already reported as "wrong"; it is also a false hit
            layer.fp += 1
            speaker = (p.get("speaker") or {}).get("name") or (p.get("speaker") or {}).get("text")
            layer.errors.append(
                EvalError(
                    layer.layer,
                    article_id,
                    "false",
                    f"{speaker} — {p.get('cue')!r}: {p.get('text', '')[:70]}",
                )
            )
