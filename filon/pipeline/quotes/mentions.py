"""The entity mentions `filon_quotes` reads, and what a mention says as a speaker.

`collect_mentions` takes `doc._.filon_entities` (or, when `filon_entities` did not run, the
model's NER and the gazetteer); `speaker_from_mention` turns a mention into a speaker dict
(a place that speaks is the body it stands for) and `mention_gender` tells its gender.
Plain functions over plain data: no per-document state.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from typing import Any

from spacy.tokens import Doc

from filon.domains.demonyms import demonym_table
from filon.domains.gazetteer import Gazetteer
from filon.pipeline.extensions import in_spans
from filon.pipeline.tokens import TokenTable


def collect_mentions(doc: Doc, text: str, gaz: Gazetteer, day: date | None, skip: list[dict]) -> list[dict]:
    """Mentions outside boilerplate, sorted by start (longest first), as dicts of their own."""
    given = doc._.filon_entities
    if given is not None:
        items = [dict(m) for m in given if m.get("label") in ("PER", "ORG", "LOC", "MISC")]
    else:
        items = _fallback_mentions(doc, text, gaz, day)
    items = [m for m in items if not in_spans(m["start"], m["end"], skip)]
    items.sort(key=lambda m: (m["start"], -m["end"]))
    return items


def _fallback_mentions(doc: Doc, text: str, gaz: Gazetteer, day: date | None) -> list[dict]:
    """Mentions from the model's NER and the gazetteer when `filon_entities` did not run."""
    out = []
    for ent in doc.ents:
        label = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}.get(ent.label_)
        if label is None:
            continue
        actor = gaz.lookup(ent.text)
        kind = "name"
        meto = gaz.metonymy(ent.text) if label == "LOC" else None
        if meto is not None:
            actor, kind, label = meto, "metonymy", "ORG"
        out.append(_mention(ent.text, ent.start_char, ent.end_char, label, actor, kind))
    # roles ("le président russe") as written, dated by the article
    lowered = text.casefold()
    for phrase in gaz.role_phrases():
        start = lowered.find(phrase.casefold())
        while start >= 0:
            end = start + len(phrase)
            actor = gaz.role(phrase, on=day)
            if actor is not None and not any(m["start"] <= start < m["end"] for m in out):
                out.append(_mention(text[start:end], start, end, "PER", actor, "role"))
            start = lowered.find(phrase.casefold(), end)
    return out


def _mention(text: str, start: int, end: int, label: str, actor: Any, kind: str) -> dict:
    """A mention dict built from the NER or the gazetteer (the fields the steps read)."""
    return {
        "text": text, "start": start, "end": end, "label": label, "kind": kind,
        "id": actor.id if actor else None,
        "name": (actor.name if actor else text),
        "gender": actor.gender if actor else None,
    }  # fmt: skip


def speaker_from_mention(gaz: Gazetteer, m: dict) -> dict:
    """Speaker dict of a mention; a place that speaks is the body it stands for."""
    # a role no one holds here ("le président de la République" of a Malian article) is a
    # description, not a name
    name = m.get("name") or (None if m.get("kind") == "role" else m.get("text"))
    ident = m.get("id")
    target = m.get("refers_to")
    if not target and m.get("label") == "LOC":
        actor = gaz.metonymy(m["text"])
        target = {"id": actor.id, "name": actor.name} if actor is not None else None
    if not target and m.get("label") == "MISC" and m["text"][:1].isupper():
        # "les Américains ont affirmé": a people that speaks is its state (the model tags it MISC)
        state = demonym_table(gaz.domain).get(m["text"].lower())
        target = {"id": state[0], "name": state[1]} if state is not None else None
    if target:
        name, ident = target.get("name") or name, target.get("id") or ident
    return {
        "name": name,
        "id": ident,
        "text": m["text"],
        "start": m["start"],
        "end": m["end"],
    }


def mention_gender(gaz: Gazetteer, table: TokenTable, m: dict) -> str | None:
    """"m", "f" or None: the mention's own, its actor's, or what the words before it or its
    morphology tell."""
    if m.get("gender") in ("m", "f"):
        return m["gender"]
    actor = gaz.actor(m.get("id"))
    if actor is not None and actor.gender:
        return actor.gender
    i = max(0, bisect_right(table.idx, m["start"]) - 1)  # the token at its start
    # a title or a determined role right before the name: "Mme X", "la ministre X"
    for k in range(i - 1, max(-1, i - 4), -1):
        low = table.low[k]
        if low in ("mme", "madame"):
            return "f"
        if low in ("m.", "monsieur"):
            return "m"
        if low in ("la", "une", "cette"):
            return "f"
        if low in ("le", "un", "ce", "du", "au"):
            return "m"
        if table.punct[k]:
            break
    g = table.feats(i, "Gender")
    if m.get("label") == "PER" and m.get("kind", "name") != "name":
        return {"Masc": "m", "Fem": "f"}.get(g[0]) if g else None
    return None  # the tagger's gender of a name is a guess on its spelling ("Sama" read as feminine)
