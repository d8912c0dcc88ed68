"""Agreements within one article: which one an event belongs to, and when a new one opens."""

from __future__ import annotations

from filon.pipeline.events import syntax as syn
from filon.pipeline.events.context import (
    EventContext,
    EventPack,
    LocalAgreement,
    anaphoric_only,
    deal_word,
    mentions_in,
    within,
)
from filon.pipeline.events.subjects import subject_phrase
from filon.pipeline.tokens import TokenTable


def local_agreement_of(ctx: EventContext,
    explicit: list[tuple[str, str]],
    resources: list[dict],
    scope: tuple[bool, bool],
    nouns: list[int],
    talk_nouns: list[int] | None = None,
    offer: bool = False,
    grow: bool = True,
) -> LocalAgreement | None:
    """The in-article agreement an agreement event belongs to, created when new (an offer
    made between two named parties opens one, though "l'offre" alone only points back). The
    parties named here join a deal already told of, unless `grow` is False."""
    talks = bool(talk_nouns)
    table = ctx.table
    introduces = any(opens_new(ctx.pack, table, t) for t in nouns)
    resource, topical = scope
    weak = not (resource or nouns)
    if weak and not explicit and not talks:
        return None  # "les syndicats négocient": no deal word, no resource, no known party
    antecedent = antecedent_of(ctx, explicit, strict=weak)
    if antecedent is None and nouns and not introduces and ctx.agreements:
        # "le texte a été paraphé par X et Y": a definite or demonstrative noun points back
        # to the last agreement that shares a party (or the last one if none is named)
        wanted = set(explicit)
        sharing = [a for a in ctx.agreements if wanted & set(a.parties)]
        if (sharing and len(wanted) <= 1) or not wanted:
            antecedent = (sharing or ctx.agreements)[-1]
    if antecedent is not None and not (introduces and len(explicit) >= 2
                                       and not set(explicit) <= set(antecedent.parties)):
        for party in explicit if grow else ():
            if party not in antecedent.parties:
                antecedent.parties.append(party)
        return antecedent
    if not topical:
        # an article in scope (about minerals): "l'accord" there is its deal, unless a
        # complement says otherwise ("l'accord de cessez-le-feu")
        # "le texte", "le projet", "la signature" only ever point back: they open no deal
        definite = [t for t in nouns if not opens_new(ctx.pack, table, t)
                    and not anaphoric_only(ctx.pack, table, t)]
        # "les négociations avec Washington se poursuivent" in an article about minerals
        named_talks = bool(talk_nouns and explicit and ctx.doc_topical and not any(
            foreign_complement(ctx, t) for t in talk_nouns or []))
        if not named_talks and (not (ctx.doc_topical and definite)
                                or any(foreign_complement(ctx, t) for t in definite)):
            return None
    elif (nouns and not (talks or resource or (offer and len(explicit) >= 2))
          and all(anaphoric_only(ctx.pack, table, t) for t in nouns)):
        return None  # "le texte", "le projet de loi": they point back to a deal, never open one
    local = LocalAgreement(f"local:{len(ctx.agreements) + 1}", list(explicit), list(resources))
    ctx.agreements.append(local)
    return local


def antecedent_of(ctx: EventContext, explicit: list[tuple[str, str]], strict: bool = False
) -> LocalAgreement | None:
    """The last agreement of the article whose parties include the ones named here.

    Unless `strict`, an agreement known by one party only may gain the others, and one
    sharing two parties with a noisy list is accepted too.
    """
    wanted = set(explicit)
    for local in reversed(ctx.agreements):
        have = set(local.parties)
        if wanted <= have:
            return local
        if strict:
            continue
        if (len(have) < 2 and have <= wanted) or (len(wanted) >= 2 and len(wanted & have) >= 2):
            return local
    return None


def foreign_complement(ctx: EventContext, noun: int, cases: tuple[str, ...] = ("de", "d'", "d’", "sur")
) -> bool:
    """'accord de cessez-le-feu', 'pourparlers de paix': the noun names another kind of deal."""
    resources = {r[0] for r in ctx.resources}
    table = ctx.table
    dep, lower = table.dep, table.lower
    for child in table.children(noun):
        if dep[child] in ("nmod", "obl") and table.pos[child] == "NOUN" and not deal_word(ctx.pack,
                table, child):
            found = {lower[c] for c in table.children(child) if dep[c] == "case"}
            if found & set(cases) and not any(
                    table.idx[t] in resources for t in syn.subtree(table, child)):
                return True
    return False


def opens_new(pack: EventPack, table: TokenTable, noun: int) -> bool:
    """An indefinite, non-anaphoric agreement noun ("un accord entre X et Y") may open a new one."""
    if anaphoric_only(pack, table, noun):
        return False  # "le document", "une mouture": only ever point back
    dets = [table.lower[c] for c in table.children(noun) if table.dep[c] == "det"]
    return not any(d in pack.lexicon.anaphoric_determiners for d in dets)


def register_named_deals(ctx: EventContext, start: int, end: int) -> None:
    """Deals a sentence (tokens `start`:`end`) names between parties without saying where
    they stand ("L'accord de libre-échange entre l'UE et le Mercosur divise les Européens"):
    they become the article's agreements, so that "la signature a été repoussée" further on
    has one to point back to."""
    table = ctx.table
    for noun in within(ctx.deal_nouns, start, end):
        if anaphoric_only(ctx.pack, table, noun):
            continue
        # the noun's complements up to the verb or a comma ("l'accord de libre-échange entre
        # l'UE et le Mercosur divise …"): the parse often hangs "entre X et Y" on the verb
        k = noun + 1
        while k < end and table.pos[k] not in ("VERB", "AUX") and table.text[k] not in (",", ";", ":", "."):
            k += 1
        lo, hi = table.idx[noun], table.idx[k - 1] + len(table.text[k - 1])
        parties = syn.unique([m.party for m in mentions_in(ctx, lo, hi) if m.party and not m.place])
        if len(parties) >= 2 and antecedent_of(ctx, parties, strict=True) is None:
            local = LocalAgreement(f"local:{len(ctx.agreements) + 1}", parties, [])
            text, s_start, s_end = subject_phrase(ctx, noun)
            local.subject = {"text": text, "start": s_start, "end": s_end}
            ctx.agreements.append(local)
