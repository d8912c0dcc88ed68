"""Sentences and the trigger matches kept in each: the requirements a cue must meet to stand."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span

from filon.pipeline.events import syntax as syn
from filon.pipeline.events.context import (
    EventContext,
    anaphoric_only,
    deal_word,
    extent,
    mentions_in,
    where,
)
from filon.pipeline.events.lexicon import Trigger, TriggerMatcher
from filon.pipeline.events.local_agreements import foreign_complement
from filon.pipeline.tokens import TokenTable, token_table

# Verbs through which wanting a resource is still demanding it ("veut obtenir des terres rares").
_ACQUIRE_VERBS = frozenset({"obtenir", "récupérer", "acquérir", "accéder", "exploiter", "recevoir",
                            "avoir", "posséder", "contrôler", "sécuriser"})


def sentences(doc: Doc) -> list[Span]:
    """Parser sentences, cut at line breaks and glued back where the parser cut mid-sentence.

    The parser of fr_core_news_md runs paragraphs together and also cuts sentences that
    have no final punctuation yet ("Washington | multiplie les pressions …"): a piece that
    does not end with . ! ? … (before closing quotes) is joined to the next piece of its line.
    """
    sents = ([(s.start, s.end) for s in doc.sents] if doc.has_annotation("SENT_START")
             else [(0, len(doc))])
    pieces: list[tuple[int, int]] = []
    table = token_table(doc)
    newlines = {text for text in set(table.text) if "\n" in text and text.isspace()}
    breaks = where(table.text, newlines)
    for sent_start, sent_end in sents:
        start = sent_start
        for i in breaks[bisect.bisect_left(breaks, sent_start) : bisect.bisect_left(breaks, sent_end)]:
            if i > start:
                pieces.append((start, i))
            start = i + 1
        if start < sent_end:
            pieces.append((start, sent_end))
    merged: list[tuple[int, int]] = []
    for start, end in pieces:
        if merged and merged[-1][1] == start and not syn.ends_sentence(table, *merged[-1]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    trimmed = [syn.trim(table, a, b) for a, b in merged]
    # Span(doc, a, b) is doc[a:b] for bounds already in range, without the slice checks
    return [Span(doc, a, b) for a, b in trimmed if b > a]


def resource_in_complements(ctx: EventContext, predicate: int) -> bool:
    """A resource lies in the predicate's complements (its subject aside)."""
    table = ctx.table
    for child in table.children(predicate):
        dep = table.dep[child]
        if dep.startswith("nsubj"):
            continue
        if dep in ("xcomp", "ccomp", "advcl") and table.lemma_lower[child] not in _ACQUIRE_VERBS:
            # "veulent sortir les mines de cobalt de l'orbite chinoise": an aim, not a demand
            # for the resource ("veut obtenir des terres rares" is one)
            continue
        lo, hi = extent(ctx, child)
        if any(lo <= r[0] < hi for r in ctx.resources):
            return True
    return False


def foreign_object(ctx: EventContext, predicate: int, start: int, end: int) -> bool:
    """The cue verb (trigger tokens `start:end`) has a direct object that is a noun and no
    agreement ("signer un décret")."""
    table = ctx.table
    if table.pos[predicate] not in ("VERB", "AUX"):
        return False
    objects = [c for c in table.children(predicate) if table.dep[c] == "obj"]
    if any(deal_word(ctx.pack, table, c) for c in objects):
        return False  # "ont signé ensemble un partenariat": an adverb read as a second object
    for child in objects:
        if table.pos[child] == "NOUN" and not start <= child < end:
            # the parser often reads "a présenté mercredi …" with the weekday as object
            at = table.idx[child]
            if table.lower[child] in syn.TIME_WORDS or any(
                d["start"] <= at < d["end"] for d in ctx.dates
            ):
                continue
            # "la possibilité d'un accord", "le texte de l'accord": the deal is in the phrase;
            # not in a relative clause on it ("les critiques selon lesquelles … cet accord")
            if not any(deal_word(ctx.pack, table, t) for t in syn.subtree(table, child, ("acl:relcl",))):
                return True
    return False


# prepositions of the party an act is done to or for ("vendu à l'Égypte", "un prêt au Kenya")
TO = ("à", "au", "aux")


def handed_over(ctx: EventContext, predicate: int) -> list[int]:
    """The things an act hands over: its objects, and those of the infinitive it governs ("a
    accepté de fournir du gaz"); the parser often reads a partitive ("livrer du gaz") as a
    prepositional complement (obl:arg)."""
    table = ctx.table
    return [c for act in _acts(table, predicate) for c in table.children(act)
            if table.dep[c] in ("obj", "nsubj:pass") or (table.dep[c] == "obl:arg" and not any(
                table.dep[k] == "case" and table.lower[k] in TO for k in table.children(c)))]


def counterparts(ctx: EventContext, predicate: int) -> list[tuple[int, int]]:
    """Character ranges of the complements that name whom the act is done with: "à" or "au"
    after the act ("vendu à l'Égypte") or after the things handed over or their amount, where
    the parser often hangs it ("un prêt de deux milliards de dollars au Ghana"), and "auprès
    de" ("commandé auprès des États-Unis", "se procurer quatre frégates auprès de X")."""
    table = ctx.table
    goods = handed_over(ctx, predicate)
    ranges: list[tuple[int, int]] = []
    for act in _acts(table, predicate):
        ranges += complements(ctx, act, TO, ("obl", "iobj"))
    ranges += [r for c in goods for n in _nmod_chain(table, c) for r in complements(ctx, n, TO, ("nmod",))]
    for owner in (*_acts(table, predicate), *goods):
        # the parser reads "auprès" as an adverb and the party as a complement opening with "de"
        for child in table.children(owner):
            after = child + 1
            if (table.lower[child] == "auprès" and after < len(table.lower)
                    and table.lower[after] in ("de", "des", "du", "d'", "d’")
                    and table.head[table.head[after]] in (owner, child)):
                ranges.append(extent(ctx, table.head[after]))
    return ranges


def sale_to_party(ctx: EventContext, predicate: int) -> bool:
    """The act names its counterpart (see `counterparts`) and hands over no deal ("vendre son
    plan de paix à Kiev" sells an idea, not goods)."""
    table = ctx.table
    if any(deal_word(ctx.pack, table, t) for c in handed_over(ctx, predicate)
           for t in syn.subtree(table, c)):
        return False
    return any(m.party and not m.place
               for lo, hi in counterparts(ctx, predicate) for m in mentions_in(ctx, lo, hi))


def _acts(table: TokenTable, predicate: int) -> list[int]:
    """The predicate and the infinitives it governs ("a accepté de fournir … à X")."""
    return [predicate] + [c for c in table.children(predicate) if table.dep[c] == "xcomp"]


def _nmod_chain(table: TokenTable, noun: int, depth: int = 3) -> list[int]:
    """`noun` and the nouns hung on it by nmod, then on those, down to `depth` levels."""
    chain, level = [noun], [noun]
    for _ in range(depth - 1):
        level = [c for n in level for c in table.children(n) if table.dep[c] == "nmod"]
        chain += level
    return chain


def owned_goods(table: TokenTable, predicate: int) -> list[int]:
    """What an act of ownership takes: its object, or its subject in the passive ("X a été
    racheté")."""
    return [c for c in table.children(predicate) if table.dep[c] in ("obj", "nsubj:pass")]


def owned_by_party(ctx: EventContext, predicate: int) -> bool:
    """The act's object is a firm named ("a racheté X"), a holding with its owner named ("a
    acquis la filiale ghanéenne du groupe X", "la participation de 40 % de X dans la mine") or
    goods with their maker named ("30 avions de Dassault Aviation"), and no deal ("a racheté le
    contrat" goes through the deal word); a thing alone ("achète neuf avions", "a acheté une
    maison") names no one to deal with."""
    table = ctx.table
    for good in owned_goods(table, predicate):
        if any(deal_word(ctx.pack, table, t) for t in syn.subtree(table, good)):
            return False
        lo, hi = extent(ctx, good)
        # a nationality adjective ("la filiale ghanéenne") names no owner
        owners = [m for m in mentions_in(ctx, lo, hi) if m.party and not m.place and not m.demonym]
        if not owners:
            continue
        if any(m.tok <= good < m.tok_end for m in owners):
            return True  # the firm itself
        if table.lemma_lower[good] in ctx.pack.lexicon.holding_nouns:
            return True
        if any(m.type in ("organization", "company") for m in owners):
            return True  # "30 exemplaires de l'avion de Dassault Aviation": its maker sells
    return False


def partner_named(ctx: EventContext, noun: int) -> bool:
    """Talks held: the noun sits in a phrase of circumstance ("suite à des pourparlers", "lors
    des négociations", "dans le cadre de discussions") and has a complement after "avec" or
    "entre" that names a party. Talks that a verb takes as its object or aim ("a évoqué des
    pourparlers avec Moscou", "appelle à des négociations avec Kiev", "suivent les tractations")
    or that are a topic ("quant aux négociations") are only mentioned."""
    table = ctx.table
    head = table.head[noun]
    circumstances = ctx.pack.lexicon.circumstance_words
    if not (any(table.dep[c] == "case" and table.lower[c] in circumstances for c in table.children(noun))
            or (head != noun and table.lemma_lower[head] in circumstances)):
        return False
    return party_after(ctx, noun, ("avec", "entre"), ("nmod", "obl"))


def complements(ctx: EventContext, head: int, cases: tuple[str, ...], deps: tuple[str, ...]
                ) -> list[tuple[int, int]]:
    """Character ranges of the complements of `head` (dependency starting with one of `deps`)
    that open with one of `cases` ("à l'Égypte", "avec Kiev")."""
    table = ctx.table
    return [extent(ctx, child) for child in table.children(head)
            if table.dep[child].startswith(deps) and any(
                table.dep[c] == "case" and table.lower[c] in cases for c in table.children(child))]


def party_after(ctx: EventContext, head: int, cases: tuple[str, ...], deps: tuple[str, ...]) -> bool:
    """A complement of `head` (see `complements`) names a party that is no place."""
    return any(m.party and not m.place
               for lo, hi in complements(ctx, head, cases, deps) for m in mentions_in(ctx, lo, hi))


def deal_is_subject(ctx: EventContext, predicate: int) -> bool:
    """A deal or talks noun is the predicate's subject ("l'accord prévoit …"), or the noun the
    parser hung the verb on before it ("L'accord entre les deux pays prévoit", read as the root)."""
    table = ctx.table
    if "Fin" not in table.feats(predicate, "VerbForm") and not any(
            table.dep[c].startswith("aux") for c in table.children(predicate)):
        return False  # "l'accord garantissant la livraison …": a description, the act is elsewhere

    def names_deal(noun: int) -> bool:
        # "les documents techniques", "47 projets" name no deal; "le projet d'accord" does
        return deal_word(ctx.pack, table, noun) and (
            not anaphoric_only(ctx.pack, table, noun)
            or any(deal_word(ctx.pack, table, t) and not anaphoric_only(ctx.pack, table, t)
                   for t in syn.subtree(table, noun, ("acl:relcl",))))

    return any(table.dep[c] in ("nsubj", "nsubj:pass") and names_deal(c)
               for c in table.children(predicate)) or any(
        a < predicate and names_deal(a) for a in syn.ancestors(table, predicate))


def matched_triggers(
    ctx: EventContext, sent: Span, matcher: TriggerMatcher, resource: bool, has_context: bool,
    agreement_nouns: list[int],
) -> list[tuple[Span, Trigger]]:
    """The trigger matches of `sent` whose requirements hold (see each `continue` for why one fails)."""
    doc = ctx.doc
    table = ctx.table
    lo, hi = sent.start, sent.end
    negotiation_nouns = ctx.pack.lexicon.negotiation_nouns
    candidates: list[tuple[Span, Trigger]] = []
    dep, head, pos = table.dep, table.head, table.pos
    lemmas: set[str] | None = None  # the sentence's lemmas and forms, read when a cue needs one
    # the Matcher runs only on sentences with a deal word or a resource (about a third of
    # an article's sentences have neither)
    for match_id, start, end in matcher(sent):
        trig = ctx.pack.lexicon.triggers[doc.vocab.strings[match_id]]
        start, end = lo + start, lo + end
        if syn.in_any(table.idx[start], ctx.boilerplate):
            continue
        if trig.requires_lemma:
            if lemmas is None:
                lemmas = set(table.lemma_lower[lo:hi]) | set(table.lower[lo:hi])
            if not trig.requires_lemma & lemmas:
                continue
        predicate = syn.predicate_of(table, start, end)
        if trig.unless_lemma and any(
            table.lemma_lower[c] in trig.unless_lemma for c in table.children(predicate)
        ):
            continue  # "a proposé un accord pour exploiter …" is an agreement proposal
        if trig.requires_resource and not resource:
            continue
        if trig.type == "agreement" and not (has_context or trig.self_context):
            continue
        if trig.requires_agreement and not agreement_nouns:
            continue
        if pos[predicate] == "VERB" and any(dep[c] == "det" for c in table.children(predicate)):
            continue  # "l'offre de l'UE" tagged as the verb offrir: a noun, not an act
        if trig.with_partner and not partner_named(ctx, start):
            continue  # "quant aux tractations", "après des négociations": no one talks with anyone
        if trig.restates_state and not deal_is_subject(ctx, predicate):
            continue  # "le gouvernement prévoit …" is a plan; "l'accord prévoit …" tells the deal
        if trig.to_recipient and not sale_to_party(ctx, predicate):
            continue  # "a vendu 2 millions de voitures", "vendre son plan à Kiev": no deal
        if trig.partner_with and not party_after(ctx, predicate, ("avec",), ("obl",)):
            continue  # "négocier un virage", "négocier son salaire": no one to deal with
        if trig.owned_object and not owned_by_party(ctx, predicate):
            continue  # "achète neuf avions", "a acquis une maison": no firm changes hands
        # what is agreed, sold or told by a deal is its object, not another thing done
        own_object = bool(trig.object_lemmas or trig.resource_in_object or trig.to_recipient
                          or trig.restates_state or trig.stands_alone or trig.partner_with
                          or trig.owned_object)
        if trig.type == "agreement" and not own_object and foreign_object(
                ctx, predicate, start, end):
            continue  # "a signé la loi", "a présenté ses excuses": not the agreement
        if trig.subject_only and not (dep[predicate].startswith("nsubj") or (
                dep[predicate] == "conj" and dep[head[predicate]].startswith("nsubj"))):
            continue  # "les Européens suivent ces tractations": the talks are only mentioned
        if trig.object_lemmas and not syn.object_fits(table, predicate, trig):
            continue  # "a présenté les grandes lignes de l'accord", "a évoqué l'accord"
        if trig.resource_in_object and not resource_in_complements(ctx, predicate):
            continue  # "veut des terres rares" is a demand; "veut savoir …, dit-il, terres rares" is not
        if trig.needs_antecedent and not ctx.agreements:
            continue
        if (trig.status == "rejected" and dep[predicate] == "acl" and pos[head[predicate]] == "NOUN"
                and not deal_word(ctx.pack, table, head[predicate])):
            continue  # "des extrémistes opposés à une entente": who they are, not an act
        talk_nouns_here = [i for i in range(start, end) if table.lemma_lower[i] in negotiation_nouns]
        if trig.status == "negotiating" and ctx.pack.lexicon.scope_family and any(
            foreign_complement(ctx, i, ("de", "d'", "d’")) for i in talk_nouns_here
        ):
            continue  # "des pourparlers de paix": other talks
        if trig.status == "negotiating" and any(
            table.lemma_lower[head[i]] in syn.DURATION_NOUNS and head[i] != i for i in talk_nouns_here
        ):
            continue  # "après deux mois de négociations": background, the talks are over
        candidates.append((Span(doc, start, end), trig))
    return candidates
