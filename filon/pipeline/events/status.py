"""Polarity, modality and the status a cue asserts given where the deal stands in the article."""

from __future__ import annotations

from spacy.tokens import Span

from filon.pipeline.events import aims
from filon.pipeline.events import syntax as syn
from filon.pipeline.events.context import (
    EventContext,
    EventPack,
    Mention,
)
from filon.pipeline.events.lexicon import COARSE_STATUS, Trigger
from filon.pipeline.tokens import TokenTable

_NEGATIVE_DETERMINERS = frozenset({"aucun", "aucune", "nul", "nulle"})
_WEAK_NEGATIONS = frozenset({"plus", "jamais", "point"})  # negate only with "ne" ("plus proche")


def is_negated(pack: EventPack, table: TokenTable, span: Span, sent: Span, chain: list[int]) -> bool:
    """A negation on the predicate, its auxiliaries, its subject ("aucun document n'a été
    signé") or a verb governing it through xcomp ("n'a pas voulu signer"); `chain` holds
    the predicate and its governors (`syn.governors`).

    "plus", "jamais" and "point" negate only with "ne" in the clause: "plus proche que
    jamais" is a comparison. Words inside the trigger itself never negate it.
    """
    floor, ceiling = sent.start, sent.end
    lower, dep = table.lower, table.dep
    has_ne = any(low in ("ne", "n'", "n’") for low in lower[floor:ceiling])
    words = pack.lexicon.negation_words

    def negates(i: int) -> bool:
        if span.start <= i < span.end or lower[i] not in words:
            return False
        return has_ne or lower[i] not in _WEAK_NEGATIONS

    for tok in chain:
        kids = table.children(tok)
        for child in kids:
            if dep[child] in syn.NEGATION_DEPS and negates(child):
                return True
            if lower[child] == "sans" and dep[child] == "mark":
                return True
            # "n'a signé aucun accord": a negative determiner on the object
            if dep[child] == "obj" and any(dep[d] == "det" and lower[d] in _NEGATIVE_DETERMINERS
                                           for d in table.children(child)):
                return True
            # "aucun document n'a été signé", "rien n'a été signé"
            if dep[child].startswith("nsubj") and (
                negates(child) or any(dep[d] == "det" and negates(d) for d in table.children(child))
            ):
                return True
        for aux in (c for c in kids if dep[c].startswith("aux")):
            if any(dep[g] == "advmod" and negates(g) for g in table.children(aux)):
                return True
    if chain and _negated_noun(table, chain[0], floor):
        return True
    if chain and dep[chain[0]] == "acl:relcl":
        # "il n'y a pas un plan qui soit finalisé": the relative clause says what is denied
        holder = table.head[table.head[chain[0]]]
        if dep[table.head[chain[0]]] == "obj" and any(
                dep[k] in syn.NEGATION_DEPS and negates(k) for k in table.children(holder)):
            return True
    return any(dep[k] == "advmod" and negates(k) and span.start <= table.head[k] < span.end
               for k in range(max(span.start - 3, floor), span.start))


def _negated_noun(table: TokenTable, predicate: int, floor: int) -> bool:
    """'pas d'accord signé', 'aucun accord signé', 'sans accord signé': a participle whose
    noun is denied. The parser often reads "d'accord" as the idiom (OK): the noun right before
    the participle stands in for the arc then."""
    if table.pos[predicate] not in ("VERB", "ADJ") or "Part" not in table.feats(predicate, "VerbForm"):
        return False
    attached = table.dep[predicate] in ("acl", "amod") and table.head[predicate] < predicate \
        and table.pos[table.head[predicate]] in ("NOUN", "PROPN")
    noun = table.head[predicate] if attached else predicate - 1
    while not attached and noun > floor and table.pos[noun] == "ADV" and noun > predicate - 3:
        noun -= 1  # "pas d'accord encore signé"
    if noun <= floor or table.pos[noun] not in ("NOUN", "PROPN"):
        return False
    lower = table.lower
    if lower[noun - 1] in _NEGATIVE_DETERMINERS or lower[noun - 1] == "sans":
        return True
    return (noun - 2 >= floor and lower[noun - 1] in ("de", "d'", "d’")
            and lower[noun - 2] in ("pas", "sans", "point", "guère", "jamais", "plus"))


# verbs of a decision taken together or alone ("ont convenu de prolonger", "a décidé de reconduire")
DECISION_VERBS = frozenset({"décider", "convenir", "accepter"})


def modality_of(
    pack: EventPack, table: TokenTable, span: Span, sent: Span, chain: list[int], proposal: bool = False,
    decided: bool = False,
) -> str:
    """asserted | expected | possible | hypothetical, from governors (`chain`, see
    `syn.governors`), mood and markers. `decided`: a decision taken to do the act is the act
    (an extension decided is an extension), so a governing verb of decision sets no modality."""
    lower, dep, lemma, pos = table.lower, table.dep, table.lemma_lower, table.pos
    predicate = chain[0]
    if proposal and syn.advocated(table, predicate):
        return "asserted"  # "plaide pour que l'UE propose …": an offer put forward, not a condition
    if pos[predicate] == "NOUN" and lemma[table.head[predicate]] in syn.PROSPECT_NOUNS:
        return "possible"  # "la perspective de négociations directes": talks not held
    if _noun_complement(table, predicate) or _bare_infinitive(table, predicate, sent):
        return "possible"
    # "soit vous concluez un accord, soit …": the parser rarely gets the correlative right
    if any(lower[k] == "soit" for k in range(max(span.start - 3, sent.start), span.start)):
        return "hypothetical"
    # "préféraient s'entretenir … plutôt qu'en arriver à une entente": the course not taken
    if any(lower[k] == "plutôt" and lower[k + 1] in ("que", "qu'", "qu’")
           for k in range(max(span.start - 5, sent.start), span.start - 1)):
        return "hypothetical"
    if syn.purpose_before(table, span.start) and not _seized(table, predicate):
        return "hypothetical"  # "afin de conclure des accords": the parse often loses the mark
    for tok in chain:
        # "pour autant" (nevertheless) is an adverb, not a purpose: skip fixed expressions; a
        # subordinator opens its clause, so one after the verb ("a été signé … afin
        # d'accroître …") opens another clause
        marks = {lower[c] for c in table.children(tok) if dep[c] in ("mark", "cc", "advmod")
                 and c < tok and not any(dep[g] == "fixed" for g in table.children(c))}
        if marks & pack.lexicon.hypothetical_marks and not _seized(table, tok):
            return "hypothetical"
    for tok in chain[1:]:
        if aims.aim_stated(table, tok):
            return "possible"  # "l'objectif est de parvenir à un accord": sought, not reached
        modal = pack.lexicon.modal.get(lemma[tok])
        if modal == "expected" and lemma[tok] in syn.MOTION_VERBS and any(
            dep[c].startswith("aux") for c in table.children(tok)
        ):
            continue  # "est allé à Kiev proposer un accord": a trip made, not a future step
        if lemma[tok] == "venir" and predicate > 0 and lower[predicate - 1] in ("de", "d'", "d’"):
            continue  # "vient de conclure": the recent past, not a plan
        if decided and lemma[tok] in DECISION_VERBS:
            continue
        if lemma[tok] == "devoir" and _realized_obligation(table, tok):
            continue  # "a dû être négociée directement par …": it was negotiated
        if modal:
            return modal
    for tok in chain:
        helpers = [tok, *[c for c in table.children(tok) if dep[c].startswith(("aux", "cop"))]]
        moods = {str(m) for h in helpers for m in table.feats(h, "Mood")}
        verbs = [h for h in helpers if pos[h] in ("VERB", "AUX")]
        if any(syn.CONDITIONAL.search(lower[h]) for h in verbs):
            moods.add("Cnd")  # the tagger often misses it: "offrirait", "pourraient"
        tenses = {str(t) for h in helpers for t in table.feats(h, "Tense")}
        if "Sub" in moods:
            return "hypothetical"
        if "Cnd" in moods:
            return _conditional(table, span, sent, tok, verbs)
        if "Fut" in tenses or any(
            syn.FUTURE.search(lower[h]) and "Inf" not in table.feats(h, "VerbForm") for h in verbs
        ):
            return "expected"
        if dep[tok] != "xcomp" and "Inf" not in table.feats(tok, "VerbForm"):
            break
    return "asserted"


# Nouns whose "de" + infinitive names an act hoped, attempted, owed or out of reach, not one
# done ("les chances de parvenir à un accord", "faute de trouver un accord"); nouns of time
# ("à l'heure de le signer", "au moment de conclure") tell of the act and are not here.
_PROSPECT_ACT_NOUNS = syn.PROSPECT_NOUNS | frozenset({
    "chance", "impossibilité", "incapacité", "capacité", "espoir", "objectif", "but", "tentative",
    "effort", "volonté", "intention", "ambition", "difficulté", "nécessité", "besoin", "urgence",
    "moyen", "probabilité", "faute", "option", "obligation", "droit", "mandat", "mission",
    "promesse", "engagement", "menace", "risque", "crainte", "peur", "appel", "demande",
    "condition", "question", "envie", "souhait", "plan", "stratégie", "pression"})


def _noun_complement(table: TokenTable, predicate: int) -> bool:
    """An infinitive that completes a noun with "de" ("les chances de parvenir à un accord",
    "l'impossibilité de conclure", "faute de trouver un accord") names an act, it does not tell
    one; "le premier opérateur à signer" (with "à") and "à l'heure de le signer" (a time) do."""
    head = table.head[predicate]
    if (head == predicate or table.lemma_lower[head] not in _PROSPECT_ACT_NOUNS
            or table.dep[predicate] != "acl" or "Inf" not in table.feats(predicate, "VerbForm")):
        return False
    return any(table.dep[c] == "mark" and table.lower[c] in ("de", "d'", "d’")
               for c in table.children(predicate))


def _bare_infinitive(table: TokenTable, predicate: int, sent: Span) -> bool:
    """An infinitive opening its sentence is its subject ("Parvenir à un accord va requérir …",
    which the parser often makes the root): the act is spoken of, not done."""
    first = sent.start
    while first < predicate and table.pos[first] == "PUNCT":
        first += 1
    return (first == predicate and "Inf" in table.feats(predicate, "VerbForm")
            and table.pos[predicate] == "VERB")


def _realized_obligation(table: TokenTable, tok: int) -> bool:
    """"devoir" in a compound past of the indicative ("a dû", "avaient dû"): what had to be done
    was done; "aurait dû" (should have) was not."""
    auxes = [c for c in table.children(tok) if table.dep[c] == "aux:tense"]
    return bool(auxes) and not any(
        "Cnd" in table.feats(a, "Mood") or syn.CONDITIONAL.search(table.lower[a]) for a in auxes)


def _seized(table: TokenTable, tok: int) -> bool:
    """"Macron en a profité pour signer un accord": the occasion taken, the act done (the
    purpose clause of "en profiter" is no plan)."""
    head = table.head[tok]
    return head != tok and table.lemma_lower[head] == "profiter" and any(
        table.lower[c] == "en" for c in table.children(head))


def _conditional(table: TokenTable, span: Span, sent: Span, tok: int, verbs: list[int]) -> str:
    """What a conditional says. The press uses it to report what it cannot confirm: "l'UE et
    les Etats-Unis seraient proches d'un accord" (the cue itself) and a past act ("l'accord
    aurait été signé", "le royaume aurait commandé"); both assert. Anything else, a plan seen
    from the past ("a indiqué que Bruxelles finaliserait …") or a condition, is possible."""
    lower = table.lower
    if any(lower[k] in ("si", "s'", "s’") for k in range(sent.start, sent.end)):
        return "possible"
    if any(span.start <= h < span.end and table.lemma_lower[h] == "être" for h in verbs):
        return "asserted"  # "seraient proches", "serait en passe de": a state, reported
    # a compound tense ("aurait commandé", "serait parvenu"), not a passive ("serait transmise":
    # would be sent)
    past = any(h != tok and table.lemma_lower[h] in ("avoir", "être") and table.dep[h] == "aux:tense"
               for h in verbs) and "Part" in table.feats(tok, "VerbForm")
    # "le royaume aurait commandé 25 blindés", "X aurait entamé des négociations": a past act
    # the press reports without confirming it, unless something else was the case ("sans
    # cette crise, l'accord aurait été signé")
    counterfactual = any(lower[k] in ("sans", "faute") for k in range(sent.start, span.start))
    return "asserted" if past and not counterfactual else "possible"


def by_legislature(pack: EventPack, table: TokenTable, start: int, end: int) -> bool:
    """An approval given by a legislature named after the cue ("a obtenu le feu vert du
    Parlement", "approuvé par les députés"): the model tags no body in a bare "le Parlement"."""
    words = pack.lexicon.legislature_nouns
    links = ("du", "de", "des", "par", "d'", "d’")
    return any((table.lemma_lower[k] in words or table.lower[k] in words)
               and any(table.lower[j] in links for j in range(max(start, k - 3), k))
               for k in range(start, end))


def event_status(ctx: EventContext, sent: Span, region: Span, span: Span, trig: Trigger, negated: bool,
    modality: str, quote_index: int | None, agent: Mention | None, local_signed: str | None,
    chain: list[int],
) -> tuple[str | None, str | None, str | None]:
    """(status, detail, coarse status) of a cue given polarity, modality and the article so far.

    Only an asserted, non-negated cue sets a status, with these exceptions (each a reading
    of what the sentence says about where the deal stands, not of the act it mentions):
    - a signing on the calendar or expected soon ("doit signer vendredi", "pourrait être
      signé dès vendredi", "venir à Washington cette semaine pour signer"): close;
    - a cue that states the deal's state even when planned or possible (`asserts_state`:
      "les discussions doivent se poursuivre", "prêt à signer", "sa signature pourrait être
      repoussée"), unless negated or under "si";
    - a negated, planned signing in direct speech ("« Nous ne signerons pas … »"): rejected;
    - an act planned or possible whose cue has a `planned_status` ("va négocier", "pourrait
      acheter … à X"): that status;
    - a ratification, approval or entry into force still to come for a deal the article has
      already signed ("doit encore être ratifié"): signed (`after_signature`), or ratified
      when the article has read the ratification (a later step never moves the deal back).
    An approval by a legislature is a ratification; an approval after the signing is signed.
    """
    status: str | None = trig.status
    detail = trig.detail
    coarse = trig.coarse
    if status is None:
        return None, detail, None
    table = ctx.table
    predicate = chain[0]
    if aims.asked(table, chain, sent.start, sent.end):
        return None, f"asked_{status}", None  # "un accord pourra-t-il être conclu ?": no status told
    region_text = ctx.text[region.start_char : region.end_char]
    pending = modality != "asserted" and not syn.conditional_clause(table, chain)
    if negated:
        quote = ctx.quotes[quote_index] if quote_index is not None else None
        if (trig.in_quote_refusal and modality in ("expected", "possible") and quote is not None
                and quote.get("kind") in ("direct", "mixed")):
            return "rejected", "refuses_to_sign", "rejected"
        if status in ("close", "signed") and syn.conditional_clause(table, chain):
            # "si aucun accord n'est trouvé rapidement", "si nous ne parvenons pas à un accord":
            # a threat or a warning while the talks go on
            return "negotiating", f"unless_{status}", "negotiating"
        if status == "signed" and still(table, chain):
            # "le volet minier n'a pas encore été signé": the signing is pending, the deal
            # still under negotiation (gold convention), not a plain non-signing
            return "negotiating", "not_yet_signed", "negotiating"
        if trig.negated_status and not (trig.negated_status == "rejected" and still(table, chain)):
            # "il n'y a pas un plan qui soit finalisé": the text is still being worked on;
            # "l'UE ne renouvellera pas l'accord": a refusal ("pas encore renouvelé" is none)
            return trig.negated_status, f"not_{status}", COARSE_STATUS.get(trig.negated_status)
        return None, f"not_{status}", None
    if status == "signed" and any(table.lemma_lower[t] in ctx.pack.lexicon.urge_lemmas
                                  for t in chain[1:]):
        # "Lula a exhorté les 27 à parapher cet accord": a text others are urged to sign is agreed
        return "close", "urged_to_sign", COARSE_STATUS["close"]
    if trig.detail == "approved" and ((agent is not None and agent.type == "legislature")
                                      or by_legislature(ctx.pack, table, span.end, region.end)):
        status, coarse = "ratified", "signed"
    if modality == "asserted":
        if trig.after_signature and local_signed and status == "other":
            coarse = trig.after_signature
        return status, detail, coarse
    if trig.asserts_state and pending:
        return status, detail or f"{modality}_{status}", coarse
    if trig.planned_status and modality in ("expected", "possible") and pending:
        # "va négocier avec Paris", "pourrait acheter des blindés à X": talks or a purchase to come
        return trig.planned_status, f"{modality}_{status}", COARSE_STATUS.get(trig.planned_status)
    if trig.after_signature and pending and (local_signed or still(table, chain)):
        return local_signed or "signed", f"{trig.detail or status}_pending", "signed"
    if trig.status == "signed" and (
        syn.scheduled(table, chain)
        or (modality in ("possible", "expected") and pending and syn.near_term(region_text)
            and not aims.wished(table, chain))
        or (modality == "hypothetical" and syn.trip_to(table, predicate, sent.start)
            and syn.near_term(region_text))
    ):
        # "doit signer vendredi", "pourrait être signé dès vendredi": a signing on the
        # calendar means the text is agreed (gold convention "close"); "devait être
        # paraphé" does not
        return "close", f"{modality}_{status}", "close"
    if trig.status == "proposed" and modality == "hypothetical" and syn.trip_made(
            table, predicate, sent.start):
        # "s'est rendu à Hanoï pour proposer un accord": the offer was made on the trip
        return status, detail, coarse
    if trig.status == "close" and modality in ("possible", "expected") and pending and (
        syn.near_term(region_text) and not aims.wished(table, chain)
    ):
        # "ces discussions pourraient aboutir à un accord rapidement": agreed soon, close
        return status, f"{modality}_{status}", coarse
    # "afin de conclure des accords" seeks a deal; "sont à Lima pour signer l'accord" has one
    seeks = trig.without_signing or (trig.status == "signed" and table.lemma_lower[span.start] == "conclure")
    if ((seeks or trig.status == "negotiating") and modality == "hypothetical"
            and (syn.purpose_clause(table, chain) or syn.purpose_before(table, span.start))):
        # "unis dans leurs négociations pour trouver un accord", "se réunissent afin de parvenir
        # à un compromis": a deal sought is a deal under negotiation; "est arrivé à Beyrouth pour
        # poursuivre les pourparlers": talks held on the trip
        return "negotiating", f"sought_{status}", "negotiating"
    if trig.status in ("signed", "close") and pending and modality in ("possible", "expected") and (
        aims.wished(table, chain) or aims.deadline(region_text)
    ):
        # "espère conclure le volet d'ici l'été", "pourrait signer un accord-cadre avant la
        # fin de l'année": a signing hoped for or given a term, with no day on the calendar,
        # says the deal is being negotiated (not yet agreed: not close)
        return "negotiating", f"{modality}_{status}", "negotiating"
    return None, f"{modality}_{status}", None


def still(table: TokenTable, chain: list[int]) -> bool:
    """'doit encore être ratifié' (`chain`: the cue's governors): a step still to come after
    earlier ones."""
    if any(table.lower[c] in ("encore", "toujours") for t in chain for c in table.children(t)):
        return True
    # "pas d'accord encore signé": the parser often leaves the adverb off the participle
    first = chain[0] if chain else 0
    return any(table.lower[k] in ("encore", "toujours") for k in range(max(first - 2, 0), first))

