"""`filon_entities`: named, role and metonymic mentions linked to canonical identities.

The component reads the model's NER (`doc.ents`), corrects its known errors on wire copy and
links every mention to an identity of the domain pack's gazetteer:

- named mentions: the model's entities plus gazetteer names it missed (phrase matching), with
  the label the gazetteer decides (a capital tagged PER becomes LOC), and without photo credits,
  subheadings (`doc._.filon_boilerplate`) or all-caps credit lines;
- role mentions ("le président russe"): linked to whoever held the role on the article's date
  (`doc._.filon_published`), or to the name that stands in apposition next to it;
- metonymies: "Kremlin" / "Maison Blanche" (ORG) and capitals used as actors ("Washington a
  exigé…", LOC as the gold conventions want) carry `refers_to`, the government they stand for;
- inside one article a short mention ("Poutine", "M. Dupont") links to the full name; people,
  organizations and places the gazetteer does not know get stable `filon:person-…`,
  `filon:org-…`, `filon:loc-…` ids derived from their full surface.

`doc._.filon_entities` is a list of plain dicts in text order::

    {"text", "start", "end", "label": "PER|ORG|LOC|MISC", "id", "name",
     "kind": "name|role|metonymy", "type", "gender", "country", "refers_to": {"id","name"}|None,
     "descriptive": bool}

`descriptive` marks governments and armies named by a description ("gouvernement ukrainien",
"armée russe", "la présidence ukrainienne"): real actors, but kept apart by the gold
conventions (lowercase ministries such as "ministère chinois du Commerce" count as named).
`doc.ents` is rewritten to the named and metonymic mentions, with the identity as `kb_id_`.

The gazetteer, the phrase matchers and the city table are built once, when the component is
created (`load_gazetteer` caches per process); nothing is compiled per document.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from filon.domains.folding import fold
from filon.domains.gazetteer import Actor, Gazetteer, load_gazetteer, slugify
from filon.domains.pack import DEFAULT_DOMAIN, read_csv
from filon.domains.places import city_index
from filon.ingest.dateline import MONTHS, WEEKDAYS
from filon.pipeline.component import FilonComponent
from filon.pipeline.extensions import doc_text, in_spans, set_doc_extensions
from filon.pipeline.tokens import TokenTable, token_table

LABELS = ("PER", "ORG", "LOC", "MISC")
FIRST_NAMES_FILE = "first_names.csv"

# Tokens that may open a role mention; kept inside the span ("le président russe").
_ROLE_DETERMINERS = frozenset({"le", "la", "les", "l'", "l’", "du", "des", "au", "aux", "un", "une"})
# "l'ancien président américain": the previous holder, not the current one
_FORMER = frozenset({"ancien", "ancienne", "ex", "ex-"})
_LEADING_DETERMINERS = frozenset({"le", "la", "les", "l'", "l’"})
# "( POOL / MIKHAIL METZEL )", "(AFP/Archives)": a photo credit, whatever the marker found
_CREDIT = re.compile(r"\(\s*[A-ZÀ-Ý][A-ZÀ-Ý .&'’-]*/[^()\n]{1,60}\)")
# Words that open a complement after a name ("de la Maison Blanche", "à Kiev").
_COMPLEMENT_WORDS = frozenset({"de", "du", "des", "d'", "d’", "à", "au", "aux", "en", "pour", "sur"})
# Title nouns: a model entity starting with one is a title, maybe followed by a name.
_ROLE_NOUNS = frozenset(fold(w) for w in (
    "ministre", "président", "présidente", "premier", "première", "secrétaire", "chef", "cheffe",
    "commissaire", "chancelier", "chancelière", "porte-parole", "directeur", "directrice",
    "vice-président", "vice-présidente", "vice-premier", "vice-première", "ambassadeur",
    "ambassadrice", "émissaire", "envoyé", "envoyée", "sénateur", "sénatrice", "député",
    "députée", "général", "patron", "patronne", "dirigeant", "dirigeante", "négociateur",
    "négociatrice", "conseiller", "conseillère", "gouverneur", "maire", "roi", "reine", "prince",
    "princesse", "pape", "monseigneur",
))
# Portfolios that may sit, capitalised, between a title and a name ("ministre de l'Economie X").
_PORTFOLIO_WORDS = frozenset(fold(w) for w in (
    "Economie", "Trésor", "Commerce", "Défense", "Intérieur", "Finances", "Energie", "Justice",
    "Affaires", "Etrangères", "Industrie", "Santé", "Agriculture", "Environnement", "Travail",
    "Budget", "Armées", "Transports", "Education", "Culture", "Etat", "Numérique", "Mines",
    "Ressources", "Relations", "Extérieures", "Europe", "Diplomatie", "Reconstruction",
))
_TITLE_WORDS = _PORTFOLIO_WORDS | _ROLE_NOUNS
# Nouns that make an entity an institution whatever the model labelled it.
_INSTITUTION_NOUNS = frozenset(fold(w) for w in (
    "ministère", "agence", "commission", "banque", "administration", "département", "office",
    "conseil", "parlement", "gouvernement", "université", "comité", "fonds", "groupe", "société",
    "compagnie", "bureau", "institut", "autorité", "cour", "tribunal", "assemblée", "sénat",
    "service", "direction", "organisation", "fédération", "association", "entreprise",
))
# Capitalised generic nouns the model takes for names on their own.
_GENERIC_NOUNS = frozenset({"etat", "etats", "occident", "gouvernement", "ministre"})
# Plural nationality nouns ("Européens", "Américains", "Chinois", "Russes", "Britanniques").
_DEMONYM = re.compile(
    r"^[A-ZÉÈ][a-zéèêëîïôöûüç-]+(?:iens|iennes|éens|éennes|ains|aines|ais|aises|ois|oises|ands|andes|"
    r"ites|iques|aques|èques|aux|sses|ges|cs)$"
)
# "Rédigé par Jean Martin", "Edité par …": the wire's byline line (people, not actors)
_BYLINE = re.compile(r"^(?:Rédigé|Redige|Édité|Edité|Edite|Écrit|Ecrit) par [^\n]{1,120}$",
                     re.MULTILINE)
# "KIEV, 3 mars (AFP) -", "(avec Reuters)": the wire credit of a dateline or a footer, like a
# photo credit not an actor of the story (an agency named in prose, "a dit à l'AFP", stays)
_AGENCY_CREDIT = re.compile(
    r"\((?:[Aa]vec\s+(?:l['’])?)?(?:AFP|Reuters|AP|Bloomberg|Belga|ATS|dpa|DPA|ANSA|EFE|Xinhua|"
    r"TASS|Tass|RIA Novosti|Interfax|Ukrinform)(?:\s*(?:,|/|et)\s*[^()\n]{1,40})?\)"
)
# Courtesy titles in front of a surname: not part of the identity, but they tell the gender.
_TITLES = {"m.": "m", "mr": "m", "mr.": "m", "monsieur": "m", "mme": "f", "mme.": "f",
           "madame": "f", "mlle": "f", "dr": None, "dr.": None, "me": None, "mgr": "m"}
_TITLE_RE = re.compile(r"^(?:M\.|Mr\.?|Mme\.?|Mlle|Monsieur|Madame|Dr\.?|Me|Mgr)\s+")
# A surface alias this short or all in capitals only matches with its exact case ("US" vs "us").
_CASE_SENSITIVE_MAX = 4
# Prepositions that make a capital a place ("à Moscou") rather than an actor ("Moscou a dit").
_PLACE_CASES = frozenset({"à", "en", "dans", "vers", "depuis", "près", "de", "d'", "d’", "par", "sur"})
_ACTOR_CASES = frozenset({"selon", "avec", "contre", "entre", "pour", "face"})
# Actor types that are descriptions ("gouvernement ukrainien"), kept apart by the gold.
_DESCRIPTIVE_TYPES = frozenset({"government", "military"})
# A one-word PER the model found is re-labelled LOC when it names a city at least this big
# (or a known state/city): "Washington" yes, "Florence" (370,000) as a first name stays PER.
_PER_TO_LOC_POPULATION = 500_000
_ACTOR_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl:agent", "obl:arg"})


@dataclass(slots=True)
class _Mention:
    """A candidate mention before linking (token offsets, label and how it was found)."""

    start: int  # token index
    end: int
    label: str
    source: str  # "model" | "gazetteer" | "role"
    actor: Actor | None = None
    role_start: int = 0  # roles: first token of the role phrase itself (after "le", "l'ancien")
    former: bool = False  # roles: "l'ancien président américain", the holder before the date


def _span_chars(table: TokenTable, start: int, end: int) -> tuple[int, int]:
    """`doc[start:end]`'s (start_char, end_char), read from the token table (no Span built)."""
    last = end - 1
    return table.idx[start], table.idx[last] + len(table.text[last])


class EntityLinker(FilonComponent):
    """Find entity mentions and link them to the gazetteer (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "filon_entities", domain: str = DEFAULT_DOMAIN):
        """Build the phrase matchers once; nothing is compiled per document.

        Args:
            nlp: the pipeline the component belongs to (its tokenizer builds the patterns).
            name: component name. Defaults to "filon_entities".
            domain: domain pack whose gazetteer is used. Defaults to "minerals".
        """
        set_doc_extensions()
        self.name = name
        self.domain = domain
        self.gazetteer: Gazetteer = load_gazetteer(domain)
        self.first_names = load_first_names(domain)
        self._build_matchers(nlp)
        city_index(domain)  # read the city table now, not inside the first document's timing

    # -- set-up -------------------------------------------------------------------------------

    def _build_matchers(self, nlp: Language) -> None:
        gaz = self.gazetteer
        self.names_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.names_exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.roles = PhraseMatcher(nlp.vocab, attr="LOWER")
        lower: dict[str, set[str]] = {}
        exact: dict[str, set[str]] = {}
        for surface, actor in gaz.surfaces():
            actor_id = actor.id
            surface = surface.strip()
            if not surface or surface.startswith(("l'", "l’")):
                continue  # "l'Union" style aliases overlap the full name; the name covers them
            short = len(surface) <= _CASE_SENSITIVE_MAX or (surface.isupper() and " " not in surface)
            for variant in _spellings(surface):
                (exact if short else lower).setdefault(actor_id, set()).add(variant)
        for store, matcher in ((lower, self.names_lower), (exact, self.names_exact)):
            for actor_id, variants in store.items():
                matcher.add(actor_id, list(nlp.tokenizer.pipe(sorted(variants))))
        phrases = gaz.role_phrases()
        for phrase in phrases:
            variants = sorted(_spellings(phrase))
            self.roles.add(fold(phrase), list(nlp.tokenizer.pipe(variants)))

    # -- matching ----------------------------------------------------------------------------

    def match(self, doc: Doc) -> list[_Mention]:
        """Candidate mentions (model + gazetteer + roles), overlaps resolved, in text order."""
        # spans are read as character offsets into the cached text, and tokens from the shared
        # token table: building a Span or a Token per look-up was most of this component's time
        gaz = self.gazetteer
        table = token_table(doc)
        text = doc_text(doc)
        lower, idx, words = table.lower, table.idx, table.text
        skip = _skipped_spans(doc)
        candidates: list[_Mention] = []
        for ent in doc.ents:
            label = ent.label_
            if label not in LABELS:
                continue
            s, e = ent.start, ent.end
            a, b = idx[s], idx[e - 1] + len(words[e - 1])  # the span's start_char, end_char
            if in_spans(a, b, skip) or _noise_text(text[a:b]):
                continue
            mention = _clean_model_span(table, text, s, e, label, gaz)
            if mention is not None:
                candidates.append(mention)
        strings = doc.vocab.strings
        for mid, s, e in [*self.names_lower(doc), *self.names_exact(doc)]:
            a, b = idx[s], idx[e - 1] + len(words[e - 1])
            if in_spans(a, b, skip):
                continue
            actor = gaz.actor(strings[mid])
            if actor is None:
                continue
            # a lowercase hit of a capitalised name is a common word ("porcelaine de chine"),
            # only descriptions such as "gouvernement ukrainien" are written in lowercase
            if not _is_capitalised(text[a:b]) and _is_capitalised(actor_surface(actor)):
                continue
            candidates.append(_Mention(s, e, actor.label, "gazetteer", actor))
        for _mid, s, e in self.roles(doc):
            former = s > 0 and lower[s - 1] in _FORMER
            phrase_start = s - 1 if former else s
            if phrase_start > 0 and lower[phrase_start - 1] in _ROLE_DETERMINERS:
                phrase_start -= 1
            if in_spans(*_span_chars(table, phrase_start, e), skip):
                continue
            role = _Mention(phrase_start, e, "PER", "role")
            role.role_start, role.former = s, former
            candidates.append(role)
        return self._resolve_overlaps(table, candidates)

    def _resolve_overlaps(self, table: TokenTable, candidates: list[_Mention]) -> list[_Mention]:
        """Keep non-overlapping mentions, the most trustworthy first.

        Roles and full names of gazetteer people come first: the model often glues a title to a
        name ("Trésor Scott Bessent"). A model span that runs on from a gazetteer name into
        lowercase words ("Bureau ovale de la Maison Blanche") is dropped for the names inside it.
        Otherwise the longest span wins, and on equal length the gazetteer beats the model (it
        knows the label).
        """
        gazetteer_ends: dict[int, int] = {}  # token -> end of the longest gazetteer hit there
        for m in candidates:
            if m.source == "gazetteer":
                gazetteer_ends[m.start] = max(m.end, gazetteer_ends.get(m.start, m.end))
        lower = table.lower
        # (priority, -length, source rank, start, position): the position keeps equal keys in
        # candidate order, as a stable sort on the first four would
        keyed: list[tuple[int, int, int, int, int]] = []
        for position, m in enumerate(candidates):
            start, end, source = m.start, m.end, m.source
            if source == "model":
                # a model span running on from a gazetteer name into a complement: "Bureau
                # ovale de la Maison Blanche" yes; but not "Union soviétique" (an adjective
                # makes a new name) nor "Commission de régulation" (one-word names are too
                # generic)
                name_end = gazetteer_ends.get(start, end)
                if name_end < end and name_end - start >= 2 and lower[name_end] in _COMPLEMENT_WORDS:
                    continue
                keyed.append((1, start - end, 2, start, position))
            elif source == "role":
                keyed.append((0, start - end, 0, start, position))
            else:  # gazetteer: full names of people first
                person = m.actor is not None and m.actor.type == "person" and end - start >= 2
                keyed.append((0 if person else 1, start - end, 1, start, position))
        keyed.sort()
        taken = [False] * table.n
        kept: list[_Mention] = []
        for *_key, position in keyed:
            m = candidates[position]
            if True in taken[m.start : m.end]:
                continue
            taken[m.start : m.end] = [True] * (m.end - m.start)
            kept.append(m)
        kept.sort(key=lambda m: m.start)
        return kept

    # -- linking -----------------------------------------------------------------------------

    def set_annotations(self, doc: Doc, mentions: list[_Mention]) -> None:
        """Link mentions, write `doc._.filon_entities` and align `doc.ents`."""
        day = _parse_date(doc._.filon_published)
        table = token_table(doc)
        text = doc_text(doc)
        people = _PersonIndex(self.gazetteer, table, text, mentions)
        out: list[dict] = []
        for m in mentions:
            start_char, end_char = _span_chars(table, m.start, m.end)
            surface = text[start_char:end_char]  # the mention's `Span.text`
            if m.source == "role":
                phrase = text[table.idx[m.role_start] : end_char]
                out.append(self._role_entity(surface, start_char, end_char, phrase, day, m.former))
            else:
                out.append(self._named_entity(doc, table, m, surface, start_char, people))
        _link_appositions(doc, out)
        _first_name_gender(out, self.first_names)
        _apposition_after_gender(table, text, out)
        _share_gender(out)
        doc._.filon_entities = out
        self._set_ents(doc, table, mentions, out)

    def _named_entity(
        self, doc: Doc, table: TokenTable, m: _Mention, text: str, start_char: int, people: _PersonIndex
    ) -> dict:
        """Identity of a named mention: gazetteer, in-article full name, place index or slug.

        `text` is the mention's text and `start_char` its offset in the doc.
        """
        gaz = self.gazetteer
        end_char = start_char + len(text)
        surface = _strip_title(text)
        actor = m.actor or gaz.lookup(surface)
        label = actor.label if actor is not None else m.label
        if m.label == "PER" or (actor is not None and actor.type == "person"):
            linked = people.resolve(m.start, _person_key(text))
            if linked is not None:
                actor_id, name = linked
                entity = _entity(text, start_char, end_char, "PER", actor_id, name, "name")
                entity["gender"] = _title_gender(table, m.start) or _apposition_gender(table, m.start)
                known = gaz.actor(actor_id)
                if known is not None:
                    _fill(entity, known)
                return entity
            if actor is None and m.end - m.start == 1 and _title_gender(table, m.start) is None \
                    and not _TITLE_RE.match(text):
                # the model's commonest error on wire copy: a capital or a country tagged PER
                actor = gaz.place(surface, min_population=_PER_TO_LOC_POPULATION)
                label = "LOC" if actor is not None else "PER"
        if actor is None and label == "LOC":
            actor = gaz.place(surface)
        if actor is None:
            prefix = {"PER": "person", "ORG": "org", "LOC": "loc"}.get(label)
            actor_id = f"filon:{prefix}-{slugify(surface)}" if prefix else None
            entity = _entity(text, start_char, end_char, label, actor_id, surface if prefix else None, "name")
            if label == "PER":
                entity["gender"] = _title_gender(table, m.start) or _apposition_gender(table, m.start)
            return entity
        entity = _entity(text, start_char, end_char, label, actor.id, actor.name, "name")
        _fill(entity, actor)
        entity["descriptive"] = actor.type in _DESCRIPTIVE_TYPES or (
            actor.type == "institution" and text[:1].islower()  # "la présidence ukrainienne"
        )
        stands_for = gaz.metonymy(text)
        if (
            stands_for is not None
            and stands_for.id != actor.id
            and (actor.type != "city" or _used_as_actor(doc, table, m.start, m.end))
        ):
            entity["kind"] = "metonymy"
            entity["refers_to"] = {"id": stands_for.id, "name": stands_for.name}
        return entity

    def _role_entity(
        self, text: str, start_char: int, end_char: int, phrase: str, day: date | None, former: bool
    ) -> dict:
        """A role mention linked to its holder on `day` (or the one before, for "ancien")."""
        gaz = self.gazetteer
        holder = gaz.former_holder(phrase, day) if former else gaz.role(phrase, day)
        entity = _entity(text, start_char, end_char, "PER", None, None, "role")
        if holder is not None:
            entity["id"], entity["name"] = holder.id, holder.name
            _fill(entity, holder)
            entity["label"] = holder.label if holder.label in LABELS else "PER"
        else:
            entity["type"] = "person"
        return entity

    @staticmethod
    def _set_ents(doc: Doc, table: TokenTable, mentions: list[_Mention], entities: list[dict]) -> None:
        """Mirror the named and metonymic mentions in `doc.ents` (kb_id = identity).

        Writes the token columns `doc.set_ents(spans, default="outside")` would write, in one
        `Doc.from_array` (a Span per mention cost more than the rest of the linking): mentions
        never overlap, so no span needs filtering; tokens outside them become O and keep their
        kb id; `ent_id` is left as it was.
        """
        n = table.n
        if not n:
            return
        strings = doc.vocab.strings
        iob = [2] * n  # O
        types = [0] * n
        kb_ids = doc.to_array(ENT_KB_ID).tolist()
        for m, e in zip(mentions, entities, strict=True):
            if e["kind"] == "role":
                continue
            label = strings.add(e["label"])
            if not label:
                continue  # set_ents ignores a span without label
            start, end = m.start, m.end
            width = end - start
            iob[start:end] = [3] + [1] * (width - 1)  # B, then I
            types[start:end] = [label] * width
            kb_ids[start:end] = [strings.add(e["id"] or "")] * width
        columns = numpy.array([iob, types, kb_ids], dtype=numpy.uint64).T
        doc.from_array([ENT_IOB, ENT_TYPE, ENT_KB_ID], columns)


class _PersonIndex:
    """Who each person mention of one article is: full names first, short forms after.

    A full name (two words or more, titles such as "M." left out) is a gazetteer person or,
    unknown, `filon:person-<slug>`. A short form ("Poutine", "M. Dupont") takes the identity of
    the full name of the article it ends or starts with; when several match, the nearest one
    before it (else after it). Without any, the gazetteer decides; else it is left unresolved
    (None) for the caller, who may find it is a place.
    """

    def __init__(self, gaz: Gazetteer, table: TokenTable, text: str, mentions: list[_Mention]) -> None:
        self.gaz = gaz
        self.full: list[tuple[int, str, tuple[str, str]]] = []  # (token, key, identity)
        for m in mentions:
            if m.source == "role":
                continue
            start_char, end_char = _span_chars(table, m.start, m.end)
            surface = text[start_char:end_char]
            key = _person_key(surface)
            if len(key.split()) < 2:
                continue
            actor = m.actor or gaz.lookup(_strip_title(surface))
            if actor is not None and actor.type == "person":
                self.full.append((m.start, key, (actor.id, actor.name)))
            elif actor is None and m.label == "PER":
                self.full.append((m.start, key, (f"filon:person-{slugify(key)}", _strip_title(surface))))

    def resolve(self, start: int, key: str) -> tuple[str, str] | None:
        """(id, name) of the person mention at token `start` with person key `key`."""
        if len(key.split()) >= 2:
            # "De Wever" / "Van der Berg" alone: the fuller name of the article it ends
            longer = {identity for _pos, k, identity in self.full if k.endswith(" " + key)}
            if len(longer) == 1:
                return longer.pop()
            for _pos, k, identity in self.full:
                if k == key:
                    return identity
            return None
        candidates = [(pos, identity) for pos, k, identity in self.full
                      if key in (k.split()[-1], k.split()[0])]
        if len({identity for _pos, identity in candidates}) == 1:
            return candidates[0][1]
        if candidates:
            before = [c for c in candidates if c[0] < start]
            return (max(before) if before else min(candidates))[1]
        actor = self.gaz.lookup(key)
        if actor is not None and actor.type == "person":
            return actor.id, actor.name
        return None


# -- helpers -------------------------------------------------------------------------------------


def actor_surface(actor: Actor) -> str:
    """The French press form of an actor's name."""
    return actor.name_fr or actor.name


def _clean_model_span(
    table: TokenTable, text: str, start: int, end: int, label: str, gaz: Gazetteer
) -> _Mention | None:
    """Repair a model entity, or None when it is not an entity at all.

    - "Le Kremlin": the determiner goes.
    - "Premier ministre", "ministre de l'Economie Ioulia Svyrydenko": a title alone is not a
      name; a title followed by a name keeps only the name, as PER.
    - "ministère du Commerce" tagged LOC: an institution noun makes it an ORG.
    - "Etats" ("les Etats membres"), "Etat ukrainien": a generic noun, not a name.
    - "Européens", "Américains": nationalities are MISC, not places.

    `start`, `end` and `label` are the model entity's; `text` is the doc's text. Token strings
    come from the token table (`Token.is_upper`/`is_lower` are `str.isupper`/`islower` of the
    text, the lexeme flags spaCy computes that way).
    """
    words, low, alpha = table.text, table.low, table.alpha
    if end - start > 1 and table.lower[start] in _LEADING_DETERMINERS:
        start += 1
    first = low[start]  # `fold` of the first word
    if first in _ROLE_NOUNS:
        tail = end
        while tail > start and words[tail - 1][:1].isupper() and alpha[tail - 1]:
            tail -= 1
        while tail < end and low[tail] in _TITLE_WORDS:
            tail += 1
        if tail >= end or tail == start:
            return None
        return _Mention(tail, end, "PER", "model")
    if first in _GENERIC_NOUNS:
        return None
    span_text = text[slice(*_span_chars(table, start, end))]
    if (end - start > 1 and words[start].isupper() and len(words[start]) >= 2
            and all(words[i].islower() for i in range(start + 1, end))
            and gaz.lookup(span_text) is None):
        # "CRMA européen", "IRA américain": a known acronym and its adjective; full names
        # ending in lowercase words ("Commission électorale centrale") are left whole
        known = gaz.lookup(words[start])
        if known is not None:
            return _Mention(start, start + 1, known.label, "model")
    if not any(c.isupper() for c in span_text) and gaz.lookup(span_text) is None:
        return None  # "multivectorielle": names are capitalised; descriptions come from the gazetteer
    if end - start == 1 and (first in WEEKDAYS or first in MONTHS):
        return None  # "Lundi, le Parlement…": a sentence-initial day or month is no name
    if end - start <= 2 and first in _PORTFOLIO_WORDS:
        head = _portfolio_head(table, start)
        if head is not None and low[head] in _INSTITUTION_NOUNS:
            # "ministère kazakh de l'Industrie" tagged "Industrie"/LOC: the institution is the name
            return _Mention(head, end, "ORG", "model")
        if head is not None:
            return None  # "secrétaire au Trésor", "ministre de l'Industrie": a portfolio, not a place
    if first in _PORTFOLIO_WORDS and label == "PER" and end - start >= 3:
        start += 1  # "Trésor Jean Dupont": the portfolio of a title cut off by the model
    if first in _INSTITUTION_NOUNS and label != "ORG":
        label = "ORG"
    if (end - start == 1 and label == "LOC" and _DEMONYM.match(words[start])
            and gaz.place(words[start]) is None):
        label = "MISC"
    return _Mention(start, end, label, "model")


def _skipped_spans(doc: Doc) -> list[dict]:
    """Character spans that yield no entity: credits, subheadings, bylines.

    Caption prose ("Vladimir Poutine à Moscou, le 24 février") is kept on purpose: the gold
    conventions count the people and places it names; only its credit "( AGENCE / NOM )" goes.
    Credits are also found here when no boilerplate marker ran (a user's own pipeline).
    """
    spans = [b for b in doc._.filon_boilerplate or [] if b.get("kind") != "caption"]
    spans += [{"start": m.start(), "end": m.end()} for m in _CREDIT.finditer(doc_text(doc))]
    spans += [{"start": m.start(), "end": m.end()} for m in _BYLINE.finditer(doc_text(doc))]
    spans += [{"start": m.start(), "end": m.end()} for m in _AGENCY_CREDIT.finditer(doc_text(doc))]
    return spans


def _first_alpha(text: str) -> str:
    return next((c for c in text if c.isalpha()), "")


@lru_cache(maxsize=1 << 14)
def _is_capitalised(text: str) -> bool:
    first = _first_alpha(text)
    return bool(first) and first.isupper()


def _unaccent(text: str) -> str:
    """Accents removed but case kept ("États-Unis" -> "Etats-Unis"), for unaccented copy."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def _spellings(surface: str) -> set[str]:
    """The ways copy writes a name: accents kept, dropped, or dropped on capitals only;
    straight or curly apostrophes."""
    # French copy often drops accents on capitals only ("secrétaire d'Etat", "l'Elysée")
    capitals = "".join(_unaccent(c) if c.isupper() else c for c in surface)
    forms = {surface, _unaccent(surface), capitals}
    return forms | {f.replace("'", "’") for f in forms} | {f.replace("’", "'") for f in forms}


# the same names come back in every article: the pure string functions below are memoized
@lru_cache(maxsize=1 << 14)
def _noise_text(text: str) -> bool:
    """A model entity's text that is no mention: no letter (lone punctuation), or a credit line.

    Boilerplate spans are checked apart, by offsets.
    """
    if not any(c.isalpha() for c in text):
        return True
    # "( AGENCE / PRÉNOM NOM )": photo credits are all caps, often with a slash
    letters = [c for c in text if c.isalpha()]
    return bool("/" in text or (all(c.isupper() for c in letters) and " " in text.strip()))


@lru_cache(maxsize=1 << 14)
def _strip_title(text: str) -> str:
    return _TITLE_RE.sub("", text.strip())


@lru_cache(maxsize=1 << 14)
def _person_key(text: str) -> str:
    return fold(_strip_title(text)).strip(" ,.;:")


def _title_gender(table: TokenTable, start: int) -> str | None:
    """'M. Dupont' -> 'm', 'Mme Dupont' -> 'f' (title as the mention's first token, at `start`,
    or just before it)."""
    first = table.lower[start]
    if first in _TITLES:
        return _TITLES[first]
    if start > 0 and table.lower[start - 1] in _TITLES:
        return _TITLES[table.lower[start - 1]]
    return None


def _apposition_gender(table: TokenTable, start: int) -> str | None:
    """'la géologue Anna X' -> 'f', 'le ministre Petro Y' -> 'm': the noun or determiner just
    before a name (starting at token `start`) agrees with the person (the model's morphology
    says how)."""
    if start == 0:
        return None
    pos = table.pos
    before = start - 1
    if pos[before] not in ("NOUN", "DET", "ADJ"):
        return None
    genders = table.feats(before, "Gender")
    if not genders and pos[before] != "DET" and start > 1 and pos[start - 2] == "DET":
        genders = table.feats(start - 2, "Gender")
    return {"Fem": "f", "Masc": "m"}.get(genders[0]) if len(genders) == 1 else None


def _entity(
    text: str, start_char: int, end_char: int, label: str, actor_id: str | None, name: str | None, kind: str
) -> dict:
    return {
        "text": text,
        "start": start_char,
        "end": end_char,
        "label": label,
        "id": actor_id,
        "name": name,
        "kind": kind,
        "type": "person" if label == "PER" else None,
        "gender": None,
        "country": None,
        "refers_to": None,
        "descriptive": False,
    }


def _fill(entity: dict, actor: Actor) -> None:
    entity["type"] = actor.type
    entity["gender"] = actor.gender or entity.get("gender")
    entity["country"] = actor.id if actor.type == "state" else actor.country


def _used_as_actor(doc: Doc, table: TokenTable, start: int, end: int) -> bool:
    """True when a capital (tokens `start`..`end`) acts ("Kiev refuse", "selon Washington"), not
    when it is a place."""
    # a one-token span is its own root; longer ones ask spaCy (`Span.root`'s tie-breaking).
    # Children come from spaCy too: the table's children index costs a pass over the whole doc,
    # more than the few capitals per article that get here
    root = start if end - start == 1 else doc[start:end].root.i
    lower, dep = table.lower, table.dep
    cases = {lower[c] for c in _children(doc, root) if dep[c] in ("case", "fixed")}
    if cases & _PLACE_CASES and not cases & _ACTOR_CASES:
        return False
    if cases & _ACTOR_CASES:
        return True
    head = root
    if dep[root] == "conj":
        head = table.head[root]  # "Kiev et Washington négocient": the conjunct shares the role
        head_cases = {lower[c] for c in _children(doc, head) if dep[c] == "case"}
        if head_cases & _ACTOR_CASES:
            return True
        if head_cases & _PLACE_CASES:
            return False
    return dep[head] in _ACTOR_DEPS


def _children(doc: Doc, i: int) -> list[int]:
    """Indices of `doc[i].children`, in text order."""
    return [child.i for child in doc[i].children]


def _link_appositions(doc: Doc, entities: list[dict]) -> None:
    """A role next to a name takes the name's identity (the text beats the role's dates).

    "le président russe Vladimir Poutine": the name right after the role always wins.
    "Vladimir Poutine, le président russe, a dit": the role must close with punctuation (an
    apposition, not "Emmanuel Macron, le président américain a ajouté" where the role starts a
    clause) and must not belong to another country than the person.
    """
    text = doc_text(doc)
    for i, ent in enumerate(entities):
        if ent["kind"] != "role":
            continue
        after = entities[i + 1] if i + 1 < len(entities) else None
        before = entities[i - 1] if i > 0 else None
        other = None
        if _is_person_name(after) and text[ent["end"] : after["start"]].strip(" ,") == "" \
                and "\n" not in text[ent["end"] : after["start"]]:
            other = after
        elif _is_person_name(before) and text[before["end"] : ent["start"]].strip() == "," \
                and text[ent["end"] : ent["end"] + 1] in (",", ")", ".", ";", ":", ""):
            same_state = not ent["country"] or not before["country"] or \
                ent["country"] == before["country"]
            other = before if same_state else None
        if other is not None:
            ent["id"], ent["name"] = other["id"], other["name"]
            ent["gender"] = other["gender"] or ent["gender"]
            ent["country"] = other["country"] or ent["country"]


def load_first_names(domain: str = DEFAULT_DOMAIN) -> dict[str, str]:
    """Folded first name -> "m" | "f", from the domain pack's `first_names.csv` (empty when the
    pack has none: the gender then comes from titles and appositions only)."""
    try:
        rows = read_csv(domain, FIRST_NAMES_FILE, ("name", "gender", "source"))
    except FileNotFoundError:
        return {}
    return {fold(r["name"]): r["gender"].strip() for r in rows if r["gender"].strip() in ("m", "f")}


def first_name_gender(surface: str, first_names: dict[str, str]) -> str | None:
    """Gender told by the first name of a full person name ("Hélène Dupont" -> "f",
    "Jean-Marc Ayrault" -> "m"); None for a lone word (a surname says nothing) or an unknown or
    ambiguous first name."""
    words = _strip_title(surface).split()
    if len(words) < 2:
        return None
    first = fold(words[0].strip(",.;:"))
    if first in first_names:
        return first_names[first]
    # "Jean-Marc" missing from the list: the first part of a compound decides
    head = first.split("-")[0]
    return first_names.get(head) if "-" in first else None


def _first_name_gender(entities: list[dict], first_names: dict[str, str]) -> None:
    """Persons with no gender from the gazetteer, a title or an apposition get the one their
    first name tells (only full names: the short forms share it through `_share_gender`)."""
    for ent in entities:
        if ent["label"] == "PER" and ent["kind"] == "name" and not ent["gender"]:
            ent["gender"] = first_name_gender(ent["text"], first_names)


# Suffixes of person nouns that show their gender ("chercheuse", "directeur"); epicene nouns
# ("ministre", "porte-parole", "géologue") tell nothing and are not matched.
_FEMININE_NOUN_ENDINGS = ("trice", "euse", "ienne", "ière", "esse", "ante", "ente", "aine", "ée")
_MASCULINE_NOUN_ENDINGS = ("teur", "eur", "ien", "ier", "ant", "ent", "ain", "é")


def _apposition_after_gender(table: TokenTable, text: str, entities: list[dict]) -> None:
    """'Hélène Dupont, chercheuse au CNRS' -> 'f': a person noun in apposition right after a
    name whose gender nothing else told (the noun's ending says it; epicene nouns say nothing).
    `text` is the doc's text."""
    starts = table.idx  # token start offsets, strictly increasing
    for ent in entities:
        if ent["label"] != "PER" or ent["kind"] != "name" or ent["gender"]:
            continue
        end = ent["end"]
        while end < len(text) and text[end] == " ":
            end += 1
        comma = bisect_left(starts, end)  # the token starting at `end`, if any
        if comma >= table.n or starts[comma] != end or table.text[comma] != "," or comma + 1 >= table.n:
            continue
        noun = comma + 1
        if table.pos[noun] != "NOUN" or not table.text[noun].islower():
            continue
        word = table.lower[noun]
        if word.endswith(_FEMININE_NOUN_ENDINGS):
            ent["gender"] = "f"
        elif word.endswith(_MASCULINE_NOUN_ENDINGS):
            ent["gender"] = "m"


def _share_gender(entities: list[dict]) -> None:
    """Every mention of a person gets the gender one of its mentions showed ("Mme X" … "X")."""
    known: dict[str, str] = {}
    for ent in entities:
        if ent["label"] == "PER" and ent["id"] and ent["gender"]:
            known.setdefault(ent["id"], ent["gender"])
    for ent in entities:
        if ent["label"] == "PER" and ent["id"] and not ent["gender"]:
            ent["gender"] = known.get(ent["id"])


def _is_person_name(entity: dict | None) -> bool:
    return entity is not None and entity["label"] == "PER" and entity["kind"] == "name" \
        and entity["id"] is not None


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@Language.factory("filon_entities", default_config={"domain": DEFAULT_DOMAIN})
def make_entities(nlp: Language, name: str, domain: str = DEFAULT_DOMAIN) -> EntityLinker:
    """Factory of the `filon_entities` component (entry point `spacy_factories`)."""
    return EntityLinker(nlp, name, domain=domain)


_PORTFOLIO_LINKS = frozenset({"de", "du", "des", "d'", "d’", "l'", "l’", "la", "le", "au", "aux", "à"})


def _portfolio_head(table: TokenTable, start: int) -> int | None:
    """Index of the institution or role noun a portfolio word depends on, if any.

    Walks left over "de l'", "du", "au" and lowercase adjectives ("ministère kazakh de
    l'Industrie", "secrétaire américain au Trésor"), at most four tokens.
    """
    i = start - 1
    while i >= 0 and start - i <= 4:
        key = table.low[i]  # `fold` of the token's text
        if key in _INSTITUTION_NOUNS or key in _ROLE_NOUNS:
            return i
        if table.lower[i] in _PORTFOLIO_LINKS or (table.text[i].islower() and table.alpha[i]):
            i -= 1
            continue
        return None
    return None
