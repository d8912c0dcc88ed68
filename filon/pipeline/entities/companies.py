"""Companies by the last words of their names, and their short names in one article.

"Kosmos Energy" is a company however the model labelled it, and a later "Kosmos" in the same
article is that company, not a person nor a second organisation: the press drops the designator
once the full name is given.
"""

from __future__ import annotations

from filon.domains.folding import fold
from filon.domains.gazetteer import strip_determiner

# Last words of company names ("Barrick Gold", "Energy Transfer LP", "Ganfeng Lithium"): a name
# ending so is a company, however the model labelled it (it often reads two capitalised words
# as a person).
COMPANY_DESIGNATORS = frozenset({
    "sa", "sas", "se", "ag", "gmbh", "plc", "inc", "inc.", "corp", "corp.", "corporation", "ltd",
    "ltd.", "llc", "lp", "nv", "bv", "spa", "co", "co.", "group", "groupe", "holding", "holdings",
    "mining", "minerals", "resources", "gold", "lithium", "metals", "energy", "energies", "oil",
    "gas", "petroleum", "motors", "airlines", "airways", "aerospace", "pharma", "pharmaceuticals",
    "technologies", "technology", "systems", "industries", "capital", "partners", "bank",
    "agency", "administration", "services", "solutions", "telecom", "telecoms", "networks",
    "logistics", "engineering", "construction", "exploitation", "shipping", "international",
    "sports", "media",
})


def short_name(name: str) -> str | None:
    """The name without its trailing designators ("Kosmos Energy" -> "Kosmos"), if it has any
    and a name is left."""
    words = name.split()
    k = len(words)
    while k > 1 and words[k - 1].lower().strip(",") in COMPANY_DESIGNATORS:
        k -= 1
    # "beIN Sports" -> "beIN": a capital anywhere in the word keeps it a name
    if k == len(words) or not any(c.isupper() for c in words[0]):
        return None
    return " ".join(words[:k])


# "Bouygues et Bouygues Telecom": the parent and its subsidiary, side by side
_BETWEEN_TWO = frozenset({" et ", ", ", " ou "})


def link_short_company_names(text: str, entities: list[dict]) -> None:
    """Give a company's identity to the mentions of its short name in the article ("Kosmos"
    after "Kosmos Energy"), unless the gazetteer knows that short name as another actor or the
    article coordinates the two names ("Bouygues et Bouygues Telecom": parent and subsidiary)."""
    companies: dict[str, tuple[str, str]] = {}
    shared: set[str] = set()  # "Vale" of "Vale Base Metals" and of "Vale Energy": neither
    for ent in entities:
        if ent["label"] == "ORG" and ent["id"] and ent["kind"] == "name":
            short = short_name(ent["name"] or ent["text"])
            if short is not None:
                key = fold(short)
                if companies.setdefault(key, (ent["id"], ent["name"]))[0] != ent["id"]:
                    shared.add(key)
    for key in shared:
        companies.pop(key)
    if not companies:
        return
    shorts = [(k, fold(strip_determiner(e["text"]))) for k, e in enumerate(entities)]
    for k, key in shorts:
        hit = companies.get(key)
        if hit is not None and any(
                e["id"] == hit[0] and (text[entities[k]["end"]:e["start"]] in _BETWEEN_TWO
                                       or text[e["end"]:entities[k]["start"]] in _BETWEEN_TWO)
                for e in entities):
            companies.pop(key)
    for k, key in shorts:
        ent = entities[k]
        hit = companies.get(key)
        if hit is None or ent["id"] == hit[0] or ent["kind"] != "name":
            continue
        if ent["id"] is not None and not str(ent["id"]).startswith("filon:"):
            continue  # a gazetteer actor of that name
        ent["id"], ent["name"], ent["label"] = hit[0], hit[1], "ORG"
        ent["gender"] = None
