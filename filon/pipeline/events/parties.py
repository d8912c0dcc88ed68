"""Who acts and who is party: the agent of a cue, partners coordinated after "avec", the
actors list and the order of parties."""

from __future__ import annotations

from spacy.tokens import Span

from filon.pipeline.events import syntax as syn
from filon.pipeline.events.context import (
    AGENT_TYPES,
    EventContext,
    EventPack,
    Mention,
    mentions_in,
    name_at,
    subject_of,
)
from filon.pipeline.events.lexicon import Trigger
from filon.pipeline.quotes.cues import QUOTE_CHARS
from filon.pipeline.tokens import TokenTable

_TARGETED = frozenset({"pressure", "order", "investment_invitation"})

# Words that may sit between two coordinated partners ("la Namibie et le Rwanda", "au Chili et à
# l'Argentine"); anything else means the second name belongs to another phrase.
_COORDINATION_GAP = frozenset({"et", "ou", ",", "le", "la", "l'", "l’", "les", "à", "au", "aux", "avec"})


def agent_of(ctx: EventContext, sent: Span, region: Span, span: Span, mentions: list[Mention],
    chain: list[int],
) -> Mention | None:
    """Who acts: the subject of the trigger's predicate, else the first actor before it.

    The fallback matters: the parser often hangs a participle on a noun ("a de son côté
    évoqué" parsed as a modifier of "côté"). Inside a relative clause ("que lui avaient
    soumis les Etats-Unis") it would pick the main clause's subject, so it is not used there.
    """
    for head in chain:
        found = subject_of(ctx, head)
        if found is not None:
            return found
        if ctx.table.dep[head] == "acl:relcl":
            return None
    before = [m for m in mentions if m.end <= span.start_char and not m.place and not m.demonym
              and m.type in AGENT_TYPES]
    if before:
        return before[0]
    if region.start > sent.start:
        return None  # a later clause ("tandis que …") does not inherit the main subject
    earlier = [m for m in mentions_in(ctx, sent.start_char, span.start_char)
               if not m.place and not m.demonym and m.type in AGENT_TYPES]
    return earlier[0] if earlier else None


def _citing(table: TokenTable, j: int) -> bool:
    """A present participle ("citant", "reprenant"): the source names its own source."""
    return (table.pos[j] == "VERB" and "Part" in table.feats(j, "VerbForm")
            and "Pres" in table.feats(j, "Tense"))


def attributions(ctx: EventContext, sent: Span) -> list[dict]:
    """Character ranges of the sources named by "selon X", "d'après X et Y" in the sentence:
    who tells of a deal is no party to it (the claimant rules read them)."""
    table = ctx.table
    out = []
    cues = ctx.pack.lexicon.attribution_cues
    for i in range(sent.start, sent.end):
        if table.lower[i] not in cues:
            continue
        j = i + 1
        # the source runs to the next verb or punctuation; quotation marks around its name
        # ("l'agence « ANSA »") and a source it cites ("citant le Guardian") are part of it
        while j < sent.end and (table.text[j] in QUOTE_CHARS or _citing(table, j) or (
                table.pos[j] not in ("VERB", "AUX")
                and not (table.punct[j] and table.text[j] not in ("-", "'", "’")))):
            j += 1
        out.append({"start": table.idx[i], "end": table.idx[j - 1] + len(table.text[j - 1])})
    reporting = ctx.pack.lexicon.reporting_lemmas
    for i in range(sent.start + 1, sent.end):
        # "…, ont annoncé samedi les États-Unis et l'Arabie saoudite": an inverted reporting
        # verb after a comma or a closing quote; its subject follows it
        # the lemmatizer leaves some present forms as they are ("indique"): the infinitive
        # of a first-group verb is the form plus "r"
        if table.pos[i] != "VERB" or not (table.lemma_lower[i] in reporting
                                          or table.lower[i] + "r" in reporting):
            continue
        j = i - 1
        while j > sent.start and table.pos[j] in ("AUX", "ADV"):
            j -= 1
        if table.lower[j] not in (",", "»", '"', "”"):
            continue
        k = _phrase_end(table, i + 1, sent.end)
        if k + 1 < sent.end and table.text[k] == "," and table.pos[k + 1] in ("NOUN", "DET"):
            # "…, indique X, porte-parole du ministère français des Armées": the speaker's
            # apposition tells who X is, it names no party
            after = _phrase_end(table, k + 1, sent.end)
            if not any(table.pos[t] in ("VERB", "AUX") for t in range(k + 1, after)):
                k = after
        out.append({"start": table.idx[i], "end": table.idx[k - 1] + len(table.text[k - 1])})
    return out


def _phrase_end(table: TokenTable, k: int, end: int) -> int:
    """The first punctuation token from `k` on (hyphens and apostrophes aside), else `end`."""
    while k < end and not (table.punct[k] and table.text[k] not in ("-", "'", "’")):
        k += 1
    return k


def split_partners(ctx: EventContext, r_start: int, r_end: int, event: dict) -> list[dict]:
    """One event per partner when several are coordinated after "avec".

    "l'UE a signé des partenariats … avec la Namibie et le Rwanda" asserts two bilateral
    deals (EU–Namibia, EU–Rwanda), not one three-party deal: each partner keeps the other
    parties (the signatory side) and gets its own copy of the event.
    """
    if event["type"] != "agreement" or len(event["parties"]) < 3:
        return [event]
    doc = ctx.doc
    region = doc[r_start:r_end]
    # recipients of an offer: "propose au Kazakhstan et à la Mongolie un partenariat"
    preps = ("avec", "à", "au", "aux") if event["status_cue"] == "proposed" else ("avec",)
    partners: list[tuple[str, str]] = []
    for tok in region:
        if tok.lower_ not in preps or tok.dep_ != "case" or not tok.i < tok.head.i < region.end:
            continue
        first = name_at(ctx, tok.head)
        if first is None:
            continue
        chain = [first]
        # walk the coordination on the surface ("avec le Chili, la RDC et la Zambie"): the
        # parser hangs the later names on any noun of the clause
        i = first.tok_end
        while True:
            j = i
            while j < region.end and doc[j].lower_ in _COORDINATION_GAP:
                j += 1
            if j >= region.end or not any(t.lower_ in ("et", ",", "ou") for t in doc[i:j]):
                break
            found = name_at(ctx, doc[j])
            if found is None:
                break
            chain.append(found)
            i = max(found.tok_end, j + 1)
        if len(chain) >= 2:
            partners = syn.unique([m.party for m in chain])
            break
    if len(partners) < 2:
        return [event]
    ids = {pid for pid, _ in partners}
    side = [p for p in event["parties"] if p["id"] not in ids]
    if not side:
        return [event]
    return [{**event, "parties": [*side, {"name": name, "id": pid}]} for pid, name in partners]


_COUNTS = {"deux": 2, "2": 2, "trois": 3, "3": 3, "quatre": 4, "4": 4}


def counted_parties(ctx: EventContext, chain: list[int], before: int) -> list[tuple[str, str]]:
    """The parties a subject counts without naming them ("les deux parties ont conclu …",
    "les deux pays", "les belligérants"): the last deal of the article with as many parties,
    else (when counted) the last distinct actors named before character `before`."""
    table, lex = ctx.table, ctx.pack.lexicon
    subject = next((c for head in chain for c in table.children(head)
                    if table.dep[c] in ("nsubj", "nsubj:pass")), None)
    if subject is None or "Plur" not in table.feats(subject, "Number"):
        return []
    # the lemmatizer reads some plurals in English ("parties" -> "party"): the singular by hand
    word = next((w for w in (table.lemma_lower[subject], table.lower[subject], table.lower[subject][:-1])
                 if w in lex.counted_party_nouns), None)
    count = next((_COUNTS[table.lower[c]] for c in table.children(subject)
                  if table.dep[c] == "nummod" and table.lower[c] in _COUNTS), None)
    definite = any(table.lower[c] in ("les", "ces") for c in table.children(subject) if table.dep[c] == "det")
    if count is not None and definite and table.pos[subject] == "NOUN":
        word = word or table.lemma_lower[subject]  # "les deux fabricants de puces", "les deux hommes"
    if word is None:
        return []
    if count is None and word not in lex.plural_party_nouns:
        return []  # "les pays" alone: some countries, not the parties
    for local in reversed(ctx.agreements):
        if len(local.parties) >= 2 and (count is None or len(local.parties) == count):
            return list(local.parties)
    if count is None:
        return []
    named: list[tuple[str, str]] = []
    for m in reversed([m for m in ctx.mentions if m.end <= before]):
        if m.party and not m.place and (m.type in AGENT_TYPES or m.demonym) and m.party not in named:
            named.append(m.party)
            if len(named) == count:
                break
    return named[::-1]  # fewer than counted when the others are not known actors


def actors_of(pack: EventPack, mentions: list[Mention], agent: Mention | None, span: Span, trig: Trigger
) -> list[dict]:
    out: list[dict] = []
    seen: set[str] = set()
    ordered = ([agent] if agent else []) + [m for m in mentions if m is not agent]
    for m in ordered:
        if m.demonym or m.place or m.type == "state" or m.type == "city" or not m.name:
            continue
        key = m.actor_id or m.name
        if key in seen:
            continue
        seen.add(key)
        if m is agent:
            role = "agent"
        elif trig.type in _TARGETED and m.start >= span.end_char:
            role = "target"
        else:
            role = "party"
        out.append({"name": m.name, "id": m.actor_id, "role": role})
    return out


def order_parties(pack: EventPack, parties: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """States first, then other bodies, each group in text order."""
    def is_state(party: tuple[str, str]) -> bool:
        actor = pack.gazetteer.actor(party[0])
        return actor is None or actor.type == "state"

    return [p for p in parties if is_state(p)] + [p for p in parties if not is_state(p)]



def merge_restatements(events: list[dict]) -> list[dict]:
    """One event where two cues of a sentence say the same thing: "ont conclu un accord de
    principe" matches the verb and the noun phrase, with one status, parties and claimant.
    The first keeps its place and takes the subject the other names."""
    out: list[dict] = []
    for event in events:
        twin = next((kept for kept in out if event["type"] == "agreement" == kept["type"]
                     and event["status"] is not None and event["status"] == kept["status"]
                     and {p["id"] for p in event["parties"]} == {p["id"] for p in kept["parties"]}
                     and event["claimed_by"] == kept["claimed_by"]
                     and event["agreement_id"] == kept["agreement_id"]), None)
        if twin is None:
            out.append(event)
        elif twin.get("subject_span") is None and event.get("subject_span") is not None:
            twin["subject"], twin["subject_span"] = event["subject"], event["subject_span"]
            twin["domain"] = event.get("domain", twin.get("domain"))
    return out
