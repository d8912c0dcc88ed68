"""Actor mentions the event rules read: entities (or, without `filon_entities`, the pack's
gazetteer), nationality adjectives, each with the party it acts for and whether it is used as a
place here."""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from datetime import date

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from filon.domains.demonyms import STATE_BODY_NOUNS
from filon.domains.folding import spells
from filon.domains.gazetteer import Actor
from filon.ingest.dateline import DATELINE
from filon.pipeline.entities.identities import article_state
from filon.pipeline.events import syntax as syn
from filon.pipeline.events.context import (
    OWN_PARTY_TYPES,
    EventPack,
    Mention,
    char_span,
    where,
)
from filon.pipeline.extensions import doc_text, published_day
from filon.pipeline.quotes.cues import OCCUPATIONS, QUOTE_CHARS, TITLES
from filon.pipeline.tokens import TokenTable, token_table

LOGGER = logging.getLogger(__name__)

# nouns of a person's title or trade, after which "de X" names an employer, not a party
PERSON_NOUNS = OCCUPATIONS | TITLES
_PARTY_TYPES = frozenset({"state", "organization", "company"})

_PREPOSITIONS_OF = frozenset({"de", "d'", "d’", "du", "des"})

_DATIVE = frozenset({"à", "au", "aux"})


def actor_mentions(pack: EventPack, doc: Doc) -> list[Mention]:
    entities = doc._.filon_entities
    published = published_day(doc)
    mentions = (from_entities(pack, doc, entities) if entities is not None
                else from_gazetteer(pack, doc, published))
    # a name tagged MISC links to no actor: "entre Américains et Ukrainiens" still names states
    covered = sorted((m.start, m.end) for m in mentions if m.party is not None or m.type)
    covered_starts = [start for start, _ in covered]
    # the furthest end of the mentions starting at or before each one: a position is inside
    # a mention when that reach passes it
    reach = list(itertools.accumulate((end for _, end in covered), max))
    table = token_table(doc)
    demonyms = pack.lexicon.demonyms
    for first, i, hit in _demonym_hits(table, demonyms):
        at = table.idx[first]
        k = bisect.bisect_right(covered_starts, at)
        if k and reach[k - 1] > at:
            continue
        if table.pos[i] not in ("ADJ", "NOUN", "PROPN", "PRON", "X", ""):
            continue
        if describes_company(pack, table, first):
            continue  # "le laboratoire américain Moderna": where the company is from
        actor = pack.gazetteer.actor(hit[0])
        party = (actor.id, actor.name) if actor else hit
        if unnamed_company(pack, table, first):
            # "la firme américaine et sa partenaire allemande": the article's last company of
            # that country, named before; else the country stands in for the company
            party = _company_of(pack, mentions, at, party[0]) or party
        end = table.idx[i] + len(table.text[i])
        mentions.append(Mention(at, end, first, i + 1, None, party[1],
                                "demonym", party, demonym=True,
                                place=qualifies_place(pack, table, i) or syn.witness(table, i)))
    members_of(pack, doc_text(doc), mentions)
    mentions.sort(key=lambda m: (m.start, -m.end))
    enumerated_members(doc_text(doc), mentions)
    mentions.extend(bare_governments(pack, doc, table, mentions))
    mentions.sort(key=lambda m: (m.start, -m.end))
    header = DATELINE.match(doc_text(doc))
    if header is not None:
        # "MUNICH (Allemagne), 15 fév 2025 (AFP) -": where the story was filed, not who acts
        for m in mentions:
            if m.start < header.end(1):
                m.place = True
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions


# "les pays membres de l'OMS", "les 194 États membres de l'ONU", "les Etats membres de l'UE"
_MEMBERS = re.compile(r"(?:\b\d+\s+)?\b(?:pays|[EÉ]tats|états|nations)\s+membres?\s+"
                      r"(?:de\s+l['’]\s*|de\s+la\s+|du\s+|des\s+|de\s+)$")


def members_of(pack: EventPack, text: str, mentions: list[Mention]) -> None:
    """'les pays membres de l'OMS' negotiate as themselves, not as the organisation: the
    mention stands for the member states (one party, named after the body's acronym)."""
    for m in mentions:
        actor = pack.gazetteer.actor(m.actor_id)
        if actor is None or actor.type != "organization":
            continue
        found = _MEMBERS.search(text, max(0, m.start - 40), m.start)
        if found is None:
            continue
        short = next((a for a in actor.aliases if a.isupper() and spells(a, actor.name)), actor.name)
        m.party = (f"{actor.id}#members", f"{short} member states")
        m.start, m.name = found.start(), m.party[1]
        for other in mentions:  # "… de l'Organisation mondiale de la santé (OMS)"
            if other.actor_id == actor.id and 0 <= other.start - m.end <= 3:
                other.party, other.name = m.party, m.name


_GOVERNMENT_NOUNS = frozenset({"gouvernement", "exécutif"})


def state_body(pack: EventPack, table: TokenTable, start: int, end: int) -> tuple[str, str] | None:
    """The state a body of tokens `start:end` belongs to when it opens with a noun of a state
    body and names a nationality ("ministère ghanéen des Finances"), else None."""
    k = start + 1 if table.lower[start] in ("le", "la", "l'", "l’") else start
    if k >= end or (table.lemma_low[k] not in STATE_BODY_NOUNS and table.low[k] not in STATE_BODY_NOUNS):
        return None
    for i in range(k + 1, end):
        hit = pack.lexicon.demonyms.get(table.lower[i])
        if hit is not None:
            actor = pack.gazetteer.actor(hit[0])
            return (actor.id, actor.name) if actor is not None else hit
    return None


def bare_governments(pack: EventPack, doc: Doc, table: TokenTable, mentions: list[Mention]) -> list[Mention]:
    """'Le Parti socialiste et le gouvernement ont trouvé un compromis': a government named by
    its noun alone acts for the one state the other actors of its sentence belong to (a party,
    a union or a city of that state); with no state named there, for the state the article is
    set in (`article_state`); with several, it stays unnamed."""
    gaz = pack.gazetteer
    home: tuple[str, str] | None = None
    home_read = False
    out = []
    starts = [m.start for m in mentions]  # mentions are in text order
    for i in where(table.lemma_lower, _GOVERNMENT_NOUNS):
        if i == 0 or table.lower[i - 1] not in ("le", "l'", "l’", "du", "au"):
            continue
        nxt = i + 1 if i + 1 < table.n else None
        if nxt is not None and (table.pos[nxt] == "ADJ" or table.lower[nxt] in _PREPOSITIONS_OF):
            continue  # "le gouvernement français", "le gouvernement de Kiev": named elsewhere
        sent = doc[i].sent
        states = set()
        lo = bisect.bisect_left(starts, sent.start_char)
        for m in mentions[lo : bisect.bisect_left(starts, sent.end_char)]:
            if m.party is None:
                continue
            actor = gaz.actor(m.actor_id) if m.actor_id else None
            state = gaz.state_of(actor.id) if actor is not None else None
            if state is None and actor is not None and actor.type == "state":
                state = actor
            if state is None:
                states.add(None)
            else:
                states.add((state.id, state.name))
        named = {s for s in states if s is not None}
        if not named and not home_read:
            home_read = True  # read once, and only for a government no sentence places
            state = gaz.actor(article_state(gaz, doc_text(doc), doc._.filon_entities or []))
            home = (state.id, state.name) if state is not None else None
        if not named and home is not None:
            # "un protocole a été signé entre le gouvernement et les syndicats": the government of
            # the state the article is set in
            named = {home}
            states.discard(None)
        if len(named) != 1 or None in states:
            continue
        party = next(iter(named))
        start = table.idx[i - 1]
        out.append(Mention(start, table.idx[i] + len(table.text[i]), i - 1, i + 1, party[0], party[1],
                           "government", party))
    return out


def enumerated_members(text: str, mentions: list[Mention]) -> None:
    """'les pays du Mercosur (Argentine, Brésil, Paraguay et Uruguay)': the states listed in
    brackets right after a bloc or organisation spell out its members; the bloc is the party,
    so they are not parties of their own (`place`). Mentions are in text order."""
    for k, m in enumerate(mentions):
        if m.type not in ("organization", "bloc") or m.place:
            continue
        opening = text[m.end : m.end + 3].lstrip()
        if not opening.startswith("("):
            continue
        close = text.find(")", m.end, m.end + 200)
        if close < 0:
            continue
        inside = [o for o in mentions[k + 1 :] if m.end < o.start < close]
        if inside and all(o.type == "state" or o.demonym for o in inside):
            for o in inside:
                o.place = True


def _demonym_hits(table: TokenTable, demonyms: dict[str, tuple[str, str]]
                  ) -> list[tuple[int, int, tuple[str, str]]]:
    """(first token, last token, state) of each nationality adjective. The tokenizer splits
    compounds ("sierra-léonaises" -> sierra, -, léonaises): those are read back across tokens
    written without spaces."""
    hits = [(i, i, demonyms[table.lower[i]]) for i in where(table.lower, demonyms)]
    for i in where(table.lower, {"-"}):
        if i == 0 or i + 1 >= table.n or table.space[i - 1] or table.space[i]:
            continue
        hit = demonyms.get(f"{table.lower[i - 1]}-{table.lower[i + 1]}")
        if hit is not None:
            hits.append((i - 1, i + 1, hit))
    return sorted(hits)


def qualifies_place(pack: EventPack, table: TokenTable, i: int) -> bool:
    """'le sol russe', 'l'armée russe': the adjective's noun is a place or a belligerent;
    'un responsable américain', 'la presse japonaise': a source, which tells, not a party."""
    head = table.head[i] if table.head[i] != i else None
    prev = i - 1 if i > 0 else None
    nouns = [t for t in (head, prev) if t is not None and table.pos[t] == "NOUN"]
    words = pack.lexicon.place_nouns | pack.lexicon.source_nouns
    return any(table.lemma_lower[t] in words or table.lower[t] in words for t in nouns)


def is_place(pack: EventPack, table: TokenTable, tok_start: int, actor: Actor | None, metonymy: bool) -> bool:
    """A state or city mention used as a location ("en Russie", "à Kiev", "territoires d'Ukraine")."""
    if syn.witness(table, tok_start):
        return True
    pos = table.pos
    i = tok_start - 1
    while i >= 0 and pos[i] == "DET":
        i -= 1
    if i < 0:
        return False
    prev = table.lower[i]
    if prev in pack.lexicon.locative_prepositions and prev not in _DATIVE:
        return True
    if prev in _DATIVE:
        # "transmis à Kiev", "propose un accord sur le lithium au Chili": the recipient of a
        # verb of giving (the parser often hangs it on the noun between); "les pourparlers
        # au Qatar", "réunis à Doha": where it happens
        dative = pack.lexicon.dative_verbs
        if table.lemma_lower[table.head[tok_start]] in dative:
            return False
        # "vendu à l'Égypte, au Qatar, à l'Inde et à la Grèce": a conjunct is a recipient as
        # the first one is, however long the list
        # (the parser hangs each name on the one before it, as "conj" or "nmod")
        first = tok_start
        while (table.dep[first] in ("conj", "nmod") and table.head[first] != first
               and table.pos[table.head[first]] == "PROPN"):
            first = table.head[first]
        if first != tok_start and table.lemma_lower[table.head[first]] in dative:
            return False
        if actor is None or actor.type == "city" or metonymy:
            return True
        return not any(table.lemma_lower[k] in dative and table.pos[k] in ("VERB", "NOUN")
                       for k in range(max(i - 10, 0), i))
    if prev in _PREPOSITIONS_OF or (prev.endswith("'") and prev[:-1] == "d"):
        j = i - 1
        while j >= 0 and pos[j] in ("ADJ", "DET"):
            j -= 1
        if j >= 0 and table.lemma_lower[j] in pack.lexicon.place_nouns:
            return True
    return False


def party_of(pack: EventPack, actor: Actor | None, country: str | None) -> tuple[str, str] | None:
    gaz = pack.gazetteer
    if actor is not None and actor.id.lower() in pack.lexicon.non_parties:
        return None
    if actor is not None and actor.type in OWN_PARTY_TYPES:
        return actor.id, actor.name
    if actor is not None:
        state = gaz.state_of(actor.id)
        if state is not None:
            return state.id, state.name
        if actor.type in _PARTY_TYPES:
            return actor.id, actor.name
    if country:
        state = gaz.actor(country)
        if state is not None:
            return state.id, state.name
    return None


def from_entities(pack: EventPack, doc: Doc, entities: list[dict]) -> list[Mention]:
    gaz = pack.gazetteer
    out = []
    table = token_table(doc)
    boilerplate = doc._.filon_boilerplate
    definitions = acronym_definitions(doc_text(doc))
    for ent in entities:
        start, end = ent.get("start"), ent.get("end")
        if start is None or end is None or syn.in_any(start, boilerplate):
            continue
        span = char_span(doc, table, start, end)
        if span is None:
            LOGGER.debug("entity %r at %d-%d matches no tokens; skipped", ent.get("text"), start, end)
            continue
        refers = ent.get("refers_to") or None
        metonymy = ent.get("kind") == "metonymy" and refers is not None
        actor_id = (refers or {}).get("id") if metonymy else ent.get("id")
        actor = gaz.actor(actor_id)
        # "une entente avec Québec", "la Wallonie a rejeté": a city or a region for its government
        region = ent.get("label") == "LOC" and (actor is None or actor.type == "region")
        if (region or (actor is not None and actor.type == "city")) and not metonymy:
            via = gaz.metonymy(ent.get("text") or doc_text(doc)[span.start_char : span.end_char])
            place = is_place(pack, table, span.start, actor, False)
            if via is not None and not place:
                actor, metonymy = via, True
        name = actor.name if actor else (refers or {}).get("name") if metonymy else ent.get("name")
        kind = actor.type if actor else (ent.get("type") or "")
        place = is_place(pack, table, span.start, actor, metonymy) if kind in ("state", "city") else False
        if kind == "city" and not metonymy:
            place = True
        place = place or syn.witness(table, span.start) or joined(pack, table, span.start) or (
            # a body named as where it happened; states and cities have their own reading above
            kind not in ("state", "city") and syn.venue(table, span.start, span.end))
        party = party_of(pack, actor, ent.get("country"))
        reporter = (ent.get("id") or "").lower() in pack.lexicon.non_parties
        if actor is None:
            # "Radio J", "ministres des Affaires étrangères de la": a medium that reports, or a
            # span of people the model took for a body, not a party
            reporter = reporter or unknown_non_party(pack, table, span.start, span.end)
        named_company = (not kind and ent.get("label") in ("ORG", "MISC")
                         and company_named(pack, table, span.start))
        surface = ent.get("text") or ""
        if (named_company or (not kind and ent.get("label") == "ORG")) and not reporter \
                and not affiliation(table, span.start) and not names_a_deal(pack, surface) \
                and not names_a_deal(pack, definitions.get(surface, "")):
            # a body the gazetteer does not know (a company, an armed group, a party): a party of
            # its own deals, and an agent that can act
            kind = "organization"
        if actor is None and (party is None or kind == "organization"):
            # "le ministère ghanéen des Finances", "la présidence sud-africaine": a body of a
            # state named by its nationality acts for that state
            party = state_body(pack, table, span.start, span.end) or party
        own_name = ent.get("name") or (ent.get("text") if named_company else None)
        if party is None and kind in _PARTY_TYPES and (ent.get("id") or own_name) and not reporter:
            party = (ent.get("id") or f"filon:{own_name}", own_name or ent.get("text"))
        out.append(Mention(start, end, span.start, span.end, actor.id if actor else ent.get("id"),
                           name or ent.get("text", ""), kind, party, place=place))
    return out


def _company_noun(pack: EventPack, table: TokenTable, j: int) -> bool:
    """Whether token `j` ends a noun of a business ("groupe", "start-up" split in three)."""
    nouns = pack.lexicon.company_nouns
    if table.lemma_lower[j] in nouns or table.lower[j] in nouns:
        return True
    return j >= 2 and table.lower[j - 1] == "-" and f"{table.lower[j - 2]}-{table.lower[j]}" in nouns


def describes_company(pack: EventPack, table: TokenTable, i: int) -> bool:
    """'la société française Mistral AI', 'le laboratoire américain Moderna': the adjective at
    token `i` says where a company named right after it is from; the company is the party.
    Unnamed ("le groupe minier australien"), see `unnamed_company`."""
    k = i + 1
    return unnamed_company(pack, table, i) and k < table.n and table.text[k][:1].isupper()


def unnamed_company(pack: EventPack, table: TokenTable, i: int) -> bool:
    """'le groupe minier australien', 'sa partenaire allemande': the adjective at token `i`
    follows a noun of a business (and maybe another adjective)."""
    j = i - 1
    if j >= 0 and table.pos[j] == "ADJ" and not _company_noun(pack, table, j):
        j -= 1
    return j >= 0 and _company_noun(pack, table, j)


def _company_of(pack: EventPack, mentions: list[Mention], before: int, state: str) -> tuple[str, str] | None:
    """The party of the last company mention before character `before` whose country is `state`."""
    latest: tuple[int, tuple[str, str]] | None = None
    for m in mentions:
        if m.start >= before or not m.actor_id or (latest and m.start <= latest[0]):
            continue
        actor = pack.gazetteer.actor(m.actor_id)
        if actor is not None and actor.type == "company" and actor.country == state:
            latest = (m.start, (actor.id, actor.name))
    return latest[1] if latest else None


def company_named(pack: EventPack, table: TokenTable, start: int) -> bool:
    """'la société française Mistral AI', 'le groupe Vinci': the name at token `start` comes
    right after a noun of a business and its adjectives; the model often tags it MISC."""
    j = start - 1
    while j >= 0 and start - j <= 3 and table.pos[j] == "ADJ":
        j -= 1
    if j >= 0 and _company_noun(pack, table, j):
        return True
    # "les opérateurs de satellite Eutelsat", "le fabricant de puces X": the noun's complement
    if j >= 2 and table.pos[j] == "NOUN" and table.lower[j - 1] in ("de", "d'", "d’") and _company_noun(
            pack, table, j - 2):
        return True
    # "… Intelsat et Viasat": the second name of a pair of firms is one too
    return (start >= 2 and table.lower[start - 1] in ("et", ",") and table.text[start - 2][:1].isupper()
            and company_named(pack, table, start - 2))


def joined(pack: EventPack, table: TokenTable, start: int) -> bool:
    """'son adhésion à l'Union européenne', 'l'entrée dans l'OTAN': the body a state joins, not
    a party of the deal the sentence is about."""
    i = start - 1
    while i >= 0 and table.pos[i] == "DET":
        i -= 1
    if i < 1 or table.lower[i] not in ("à", "au", "aux", "dans"):
        return False
    j = i - 1
    while j >= 0 and table.pos[j] == "ADJ":
        j -= 1
    return j >= 0 and table.lemma_lower[j] in pack.lexicon.membership_nouns


def unknown_non_party(pack: EventPack, table: TokenTable, start: int, end: int) -> bool:
    """An unknown body named by a word of the press ("Radio J", "la chaîne Fox News") or of
    people ("ministres des Affaires étrangères de …"): that word says it is not a party."""
    nouns = pack.lexicon.source_nouns
    first, lemma = table.lower[start], table.lemma_lower[start]
    generic = pack.lexicon.generic_body_nouns
    if end - start == 1 and (first in generic or lemma in generic):
        return True  # "le Conseil", "le Comité": a body named by its kind alone, not by a name
    # "la chaîne Fox News", "le quotidien Kommersant", "l'agence italienne « ANSA »": the medium
    # that tells, named after its kind (its adjectives and quotation marks between)
    j = start - 1
    while j > 0 and start - j <= 3 and (table.pos[j] == "ADJ" or table.text[j] in QUOTE_CHARS):
        j -= 1
    if j > 1 and table.pos[j] == "NOUN" and table.lower[j - 1] in ("de", "d'", "d’"):
        j -= 2  # "le site d'investigation Disclose", "le magazine d'information X"
    medium = j >= 0 and (table.lower[j] in nouns or table.lemma_lower[j] in nouns)
    return (medium or first in nouns or lemma in nouns or first in PERSON_NOUNS or lemma in PERSON_NOUNS)


_DEFINED = re.compile(r"\(\s*([A-Z]{2,8})\s*\)")


def acronym_definitions(text: str) -> dict[str, str]:
    """The long forms an article gives its acronyms ("Facilité élargie de crédit (FEC)" gives
    "FEC" -> "Facilité élargie de crédit"), the first definition of each; one pass over the text."""
    found: dict[str, str] = {}
    for match in _DEFINED.finditer(text):
        acronym = match.group(1)
        if acronym in found:
            continue
        # the long form is the shortest tail of words before the bracket that the letters spell
        words = text[max(0, match.start() - 80) : match.start()].split()
        tail = next((" ".join(words[k:]) for k in range(len(words) - 1, -1, -1)
                     if spells(acronym, " ".join(words[k:]))), None)
        if tail is not None:
            found[acronym] = tail
    return found


def names_a_deal(pack: EventPack, surface: str) -> bool:
    """'Staff-Level Agreement', 'Accord de Paris', 'Inflation Reduction Act': the name of a deal
    or a law that the model tagged ORG, which is what is agreed on, not a party to it."""
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", surface)}
    return bool(words & pack.lexicon.deal_name_words)


def from_gazetteer(pack: EventPack, doc: Doc, published: date | None) -> list[Mention]:
    """Actor mentions found with the pack's gazetteer, for pipelines without filon_entities."""
    gaz = pack.gazetteer
    if pack.actor_matcher is None:
        # ORTH: lower-casing would read the article "un" as the acronym "UN"
        matcher = PhraseMatcher(doc.vocab, attr="ORTH")
        for surface, actor in gaz.surfaces():
            matcher.add("A:" + actor.id, [pack.nlp.make_doc(surface)])
        for surface in {s for s in gaz.metonymies}:
            matcher.add("M:" + surface, [pack.nlp.make_doc(surface)])
        for role in gaz.role_phrases():
            matcher.add("R:" + role, [pack.nlp.make_doc(role)])
        pack.actor_matcher = matcher
    spans = []
    for match_id, start, end in pack.actor_matcher(doc):
        spans.append(Span(doc, start, end, label=match_id))
    out = []
    for span in filter_spans(spans):
        if syn.in_any(span.start_char, doc._.filon_boilerplate):
            continue
        key = span.label_
        metonymy = False
        if key.startswith("A:"):
            actor = gaz.actor(key[2:])
        elif key.startswith("R:"):
            actor = gaz.role(span.text, on=published)
        else:
            actor = gaz.metonymy(span.text)
            metonymy = True
        via = gaz.metonymy(span.text) if actor is not None and actor.type == "city" else None
        if via is not None and not is_place(pack, token_table(doc), span.start, actor, False):
            actor, metonymy = via, True
        if actor is None:
            continue
        place = (actor.type == "city" and not metonymy) or syn.witness(token_table(doc), span.start)
        if actor.type == "state" or metonymy:
            place = place or is_place(pack, token_table(doc), span.start, actor, metonymy)
        out.append(Mention(span.start_char, span.end_char, span.start, span.end, actor.id, actor.name,
                           actor.type, party_of(pack, actor, None), place=place))
    return out


def affiliation(table: TokenTable, start: int) -> bool:
    """'une analyste de l'Institut …', 'le PDG de MBDA': the body only says where a person works."""
    i = start - 1
    while i >= 0 and table.pos[i] == "DET":
        i -= 1
    if i < 1 or (table.lower[i] not in _PREPOSITIONS_OF and not table.lower[i].startswith("d'")):
        return False
    noun = i - 1
    return table.pos[noun] == "NOUN" and (table.lower[noun] in PERSON_NOUNS
                                          or table.lemma_lower[noun] in PERSON_NOUNS)
