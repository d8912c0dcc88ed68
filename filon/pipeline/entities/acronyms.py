"""Acronyms an article defines: "le Parti socialiste (PS)" makes every later "PS" that party.

The gazetteer knows the acronyms of the actors it lists; this serves the others (parties,
unions, agencies, companies), which otherwise stand as two actors, "Parti socialiste" and "PS".
"""

from __future__ import annotations

import re

from filon.domains.folding import spells

# "(PS)", "( CGT )", "(UE-Mercosur)" is not one: letters, digits and a dash, opening on a capital
_DEFINED = re.compile(r"\s*\(\s*([A-ZÀ-Ý][A-Za-zÀ-ÿ0-9&\-]{1,11})\s*\)")


def _slug_id(entity: dict) -> bool:
    """An identity made up from the surface (not a gazetteer actor)."""
    return entity["id"] is None or str(entity["id"]).startswith(("filon:org-", "filon:loc-"))


# "gaz naturel liquéfié (GNL)": the lowercase words before the parenthesis
_WORDS_BEFORE = re.compile(r"((?:[a-zà-ÿ][\w’'-]*\s+){1,8})$")


def common_noun_acronyms(text: str) -> set[str]:
    """Acronyms an article defines as short for a common noun phrase ("gaz naturel liquéfié
    (GNL)", "zone économique exclusive (ZEE)"): a thing, never an actor, whatever the model
    tagged."""
    out: set[str] = set()
    for m in re.finditer(r"\(\s*([A-ZÀ-Ý][A-Za-zÀ-ÿ0-9&\-]{1,11})\s*\)", text):
        before = _WORDS_BEFORE.search(text, max(0, m.start() - 120), m.start())
        if before is None:
            continue
        words = before.group(1).split()
        # the shortest run of lowercase words ending before the parenthesis that spells it
        if any(spells(m.group(1), " ".join(words[k:])) for k in range(len(words))):
            out.add(m.group(1))
    return out


def link_acronyms(text: str, entities: list[dict]) -> None:
    """Give the mentions of an acronym the identity of the organisation that defines it."""
    defined: dict[str, tuple[str, str]] = {}
    for ent in entities:
        if ent["label"] != "ORG" or not ent["id"]:
            continue
        m = _DEFINED.match(text, ent["end"])
        if m is None or not spells(m.group(1), ent["text"]):
            continue
        defined.setdefault(m.group(1), (ent["id"], ent["name"]))
    if not defined:
        return
    for ent in entities:
        hit = defined.get(ent["text"].strip())
        if hit is not None and _slug_id(ent) and ent["id"] != hit[0]:
            ent["id"], ent["name"] = hit
            ent["label"] = "ORG"
