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

This module holds the component and its factory; the steps live in modules named for what they
hold: `matching` (candidate mentions, overlaps), `corrections` (the model's span errors),
`identities` (mention -> identity), `persons` (short forms, appositions), `gender`, and
`mentions` (the `Mention` passed between them).
"""

from __future__ import annotations

import numpy
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.language import Language
from spacy.tokens import Doc

from filon.domains.gazetteer import Gazetteer, load_gazetteer
from filon.domains.pack import DEFAULT_DOMAIN
from filon.domains.places import city_index
from filon.pipeline.component import FilonComponent
from filon.pipeline.entities.acronyms import common_noun_acronyms, link_acronyms
from filon.pipeline.entities.companies import link_short_company_names
from filon.pipeline.entities.gender import (
    apposition_after_gender,
    fill_first_name_genders,
    first_name_gender,
    load_first_names,
    share_gender,
)
from filon.pipeline.entities.identities import (
    article_state,
    localise_departments,
    named_entity,
    role_entity,
)
from filon.pipeline.entities.matching import (
    Matchers,
    extend_first_names,
    extend_surnames,
    extend_to_acronym,
    find_candidates,
    merge_split_names,
    recurring_surnames,
    resolve_overlaps,
    split_person_tails,
)
from filon.pipeline.entities.mentions import Mention, span_chars
from filon.pipeline.entities.persons import PersonIndex, link_appositions
from filon.pipeline.extensions import doc_text, published_day, set_doc_extensions
from filon.pipeline.tokens import TokenTable, token_table

# `first_name_gender` and `load_first_names` are read from here by the quotes component and
# its tests: the component module stays their public address
__all__ = ["EntityLinker", "first_name_gender", "load_first_names", "make_entities", "write_ents"]


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
        self.matchers = Matchers(nlp, self.gazetteer)
        city_index(domain)  # read the city table now, not inside the first document's timing

    def match(self, doc: Doc) -> list[Mention]:
        """Candidate mentions (model + gazetteer + roles), overlaps resolved, in text order."""
        table = token_table(doc)
        candidates = find_candidates(doc, table, doc_text(doc), self.gazetteer, self.matchers)
        candidates = split_person_tails(table, self.gazetteer, candidates, self.first_names)
        kept = merge_split_names(table, doc_text(doc), resolve_overlaps(table, candidates))
        kept = extend_to_acronym(table, kept)
        kept = extend_first_names(table, kept, self.first_names)
        kept = extend_surnames(table, doc_text(doc), kept, self.gazetteer)
        return recurring_surnames(table, self.gazetteer, kept)

    def set_annotations(self, doc: Doc, mentions: list[Mention]) -> None:
        """Link mentions, write `doc._.filon_entities` and align `doc.ents`."""
        gaz = self.gazetteer
        day = published_day(doc)
        table = token_table(doc)
        text = doc_text(doc)
        people = PersonIndex(gaz, table, text, mentions)
        out: list[dict] = []
        roles: list[int] = []
        for k, m in enumerate(mentions):
            if m.source == "role":
                roles.append(k)
                out.append({})
                continue
            start_char, end_char = span_chars(table, m.start, m.end)
            surface = text[start_char:end_char]  # the mention's `Span.text`
            out.append(named_entity(doc, gaz, table, m, surface, start_char, people))
        # roles are linked once the places say where the article is set: "le président de la
        # République" of an article set in Mali is Mali's
        departments = any(e.get("type") == "ministry" for e in out)
        where = article_state(gaz, text, out) if roles or departments else None
        if departments:
            # "le ministère de l'Économie" of an article set in Mali is Mali's, not France's
            localise_departments(gaz, out, where)
        for k in roles:
            m = mentions[k]
            start_char, end_char = span_chars(table, m.start, m.end)
            phrase = text[table.idx[m.role_start] : end_char]
            out[k] = role_entity(gaz, text[start_char:end_char], start_char, end_char, phrase, day, m.former,
                                 where)
        things = common_noun_acronyms(text)
        if things:
            keep = [k for k, e in enumerate(out) if not _thing_acronym(e, things)]
            mentions, out = [mentions[k] for k in keep], [out[k] for k in keep]
        link_appositions(text, out)
        link_acronyms(text, out)
        link_short_company_names(text, out)
        fill_first_name_genders(out, self.first_names)
        apposition_after_gender(table, text, out)
        share_gender(out)
        doc._.filon_entities = out
        write_ents(doc, table, mentions, out)


def _thing_acronym(entity: dict, things: set[str]) -> bool:
    """A mention of an acronym the article spells out as a common noun ("GNL"), unless the
    gazetteer knows it as an actor."""
    if entity["text"].strip() not in things:
        return False
    return entity["id"] is None or str(entity["id"]).startswith("filon:")


def write_ents(doc: Doc, table: TokenTable, mentions: list[Mention], entities: list[dict]) -> None:
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


@Language.factory("filon_entities", default_config={"domain": DEFAULT_DOMAIN})
def make_entities(nlp: Language, name: str, domain: str = DEFAULT_DOMAIN) -> EntityLinker:
    """Factory of the `filon_entities` component (entry point `spacy_factories`)."""
    return EntityLinker(nlp, name, domain=domain)
