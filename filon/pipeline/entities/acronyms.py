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
