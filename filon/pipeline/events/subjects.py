"""What a deal is about: the noun phrase that names it ("accord de libre-échange UE-Mercosur",
"contrat de 27 ans de GNL") and its domain in filon's taxonomy, read from the pack's words."""

from __future__ import annotations

from filon.domains.folding import fold
from filon.pipeline.events import syntax as syn
from filon.pipeline.events.context import EventContext, LocalAgreement, anaphoric_only

# complements that belong to the deal's name; "avec X", "entre X et Y" name its parties instead
_NAME_DEPS = frozenset({"nmod", "amod", "flat:name", "flat:foreign", "compound", "nummod", "fixed"})
_PARTY_CASES = frozenset({"avec", "entre", "par", "pour", "à", "au", "aux"})
_STOPS = frozenset({",", ";", ":", "(", ")", "«", "»", '"', "“", "”", "—", "–"})
_MAX_TOKENS = 12


def subject_phrase(ctx: EventContext, noun: int) -> tuple[str, int, int]:
    """The noun phrase of the deal noun `noun`: its name complements, not its parties or clauses."""
    t = ctx.table
    lo, hi = noun, noun + 1
    if noun > 0 and t.dep[noun - 1] == "amod" and t.head[noun - 1] == noun:
        lo = noun - 1  # "nouvel accord", "vaste contrat"
    for child in t.children(noun):
        if child < noun or t.dep[child] not in _NAME_DEPS:
            continue
        if any(t.dep[c] == "case" and t.lower[c] in _PARTY_CASES for c in t.children(child)):
            continue
        hi = max(hi, max(syn.subtree(t, child)) + 1)
    for k in range(noun + 1, hi):
        if t.lower[k] in _STOPS or t.dep[k] in ("acl:relcl", "acl") or t.text[k].isspace() or (
                t.dep[k] == "case" and t.lower[k] in _PARTY_CASES):  # "… en 28 points à la Serbie"
            hi = k
            break
    while (hi < t.n and t.idx[hi] == t.idx[hi - 1] + len(t.text[hi - 1])
           and "-" in (t.text[hi], t.text[hi - 1])):
        hi += 1  # "libre-échange", "UE-Mercosur": the tokenizer cuts at the hyphen
    hi = min(hi, noun + _MAX_TOKENS)
    start, end = t.idx[lo], t.idx[hi - 1] + len(t.text[hi - 1])
    return ctx.text[start:end], start, end


def deal_subject(ctx: EventContext, nouns: list[int], local: LocalAgreement | None) -> dict | None:
    """The subject of an event from the deal nouns of its clause, else its agreement's."""
    t = ctx.table
    naming = [n for n in nouns if not anaphoric_only(ctx.pack, t, n)]
    for noun in naming or nouns:
        text, start, end = subject_phrase(ctx, noun)
        if local is not None and end - start <= len(t.text[noun]) and local.subject:
            break  # a bare "l'accord": the deal named earlier in the article
        return {"text": text, "start": start, "end": end}
    return dict(local.subject) if local is not None and local.subject else None


def deal_domain(ctx: EventContext, subject: dict | None, clause: str, resources: list[dict],
                local: LocalAgreement | None) -> str:
    """The domain of a deal: its subject's words, else its resources', clause's, or agreement's."""
    domains = ctx.pack.lexicon.domains
    found = domains.classify(subject["text"]) if subject else None
    if found is None and resources:
        families = {ctx.pack.lexicon.resources[r["id"]].family for r in resources}
        found = next((f for f in ("minerals", "energy") if f in families), None)
    if found is None and local is not None and local.domain:
        found = local.domain
    return found or domains.classify(clause) or "other"


def preliminary(ctx: EventContext, subject: dict | None, after: int, lo: int, hi: int) -> bool:
    """A deal named in this clause (`lo`:`hi`, characters) as a step before the deal itself:
    "accord de principe", "accord préliminaire", "staff-level agreement". Without a subject,
    the words right after the trigger (ending at `after`) name the deal."""
    if subject is not None and lo <= subject["start"] < hi:
        start, end = subject["start"], subject["end"]
    elif subject is None:
        start = end = after
    else:
        return False
    # the qualifier may follow the phrase ("un accord, préliminaire, sur …")
    words = fold(ctx.text[start : min(end + 30, hi)])
    return any(q in words for q in ctx.pack.lexicon.preliminary_qualifiers)
