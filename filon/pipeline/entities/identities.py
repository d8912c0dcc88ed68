"""Mention -> identity: the entity dict of a named or role mention, linked to the gazetteer.

`named_entity` decides a named mention's identity (gazetteer, in-article full name, place index
or a stable `filon:…` slug) and whether it is a metonymy ("Washington a exigé…");
`role_entity` links a role ("le président russe") to whoever held it on the article's date.
Both return the plain dict `doc._.filon_entities` holds.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from spacy.tokens import Doc

from filon.domains.demonyms import folded_demonym_table
from filon.domains.folding import fold
from filon.domains.gazetteer import Actor, Gazetteer, slugify
from filon.ingest.dateline import DATELINE
from filon.pipeline.entities.gender import apposition_gender, title_gender
from filon.pipeline.entities.mentions import LABELS, Mention
from filon.pipeline.entities.persons import TITLE_RE, PersonIndex, person_key, strip_title
from filon.pipeline.tokens import TokenTable

# Prepositions that make a capital a place ("à Moscou") rather than an actor ("Moscou a dit").
_PLACE_CASES = frozenset({"à", "en", "dans", "vers", "depuis", "près", "de", "d'", "d’", "par", "sur"})
_ACTOR_CASES = frozenset({"selon", "avec", "contre", "entre", "pour", "face"})
# Actor types that are descriptions ("gouvernement ukrainien"), kept apart by the gold.
_DESCRIPTIVE_TYPES = frozenset({"government", "military"})
# A one-word PER the model found is re-labelled LOC when it names a city at least this big
# (or a known state/city): "Washington" yes, "Florence" (370,000) as a first name stays PER.
_PER_TO_LOC_POPULATION = 500_000
# Prepositions of place: "à Turnberry" is somewhere, not someone.
_LOCATIVES = frozenset({"a", "en", "au", "aux", "dans", "vers", "depuis", "pres"})
# What a surname alone never overrides: a place the gazetteer knows by that word.
_PLACE_TYPES = frozenset({"state", "city", "region", "place"})
# A surname alone the model did not tag PER stays a place when a place this big has that name.
_SURNAME_PLACE_POPULATION = 100_000
_ACTOR_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl:agent", "obl:arg"})


def named_entity(
    doc: Doc, gaz: Gazetteer, table: TokenTable, m: Mention, text: str, start_char: int, people: PersonIndex
) -> dict:
    """Identity of a named mention: gazetteer, in-article full name, place index or slug.

    `text` is the mention's text and `start_char` its offset in the doc.
    """
    end_char = start_char + len(text)
    surface = strip_title(text)
    actor = m.actor or gaz.lookup(surface)
    label = actor.label if actor is not None else m.label
    if m.label == "PER" or (actor is not None and actor.type == "person"):
        linked = people.resolve(m.start, person_key(text))
        if linked is not None:
            actor_id, name = linked
            entity = _entity(text, start_char, end_char, "PER", actor_id, name, "name")
            entity["gender"] = title_gender(table, m.start) or apposition_gender(table, m.start)
            known = gaz.actor(actor_id)
            if known is not None:
                _fill(entity, known)
            return entity
        if actor is None and m.end - m.start == 1 and title_gender(table, m.start) is None \
                and not TITLE_RE.match(text):
            # the model's commonest error on wire copy: a capital or a country tagged PER
            actor = gaz.place(surface, min_population=_PER_TO_LOC_POPULATION)
            label = "LOC" if actor is not None else "PER"
    if (actor is None or actor.type not in _PLACE_TYPES) and m.label != "PER" and m.end - m.start == 1 \
            and surface[:1].isupper() and not (m.start and table.low[m.start - 1] in _LOCATIVES):
        # "Nduhungirehe a dit" tagged MISC after "Olivier Nduhungirehe", "Wagner a noté" after
        # "Thérèse Kayikwamba Wagner" (not the Wagner group): the surname of a person the article
        # named in full, unless it names a place
        linked = people.surname_of(person_key(text))
        place = gaz.place(surface, min_population=_SURNAME_PLACE_POPULATION)
        if linked is not None and (place is None or place.type not in _PLACE_TYPES):
            entity = _entity(text, start_char, end_char, "PER", *linked, "name")
            known = gaz.actor(linked[0])
            if known is not None:
                _fill(entity, known)
            return entity
    if actor is None and label == "LOC":
        actor = gaz.place(surface)
    if actor is None:
        prefix = {"PER": "person", "ORG": "org", "LOC": "loc"}.get(label)
        actor_id = f"filon:{prefix}-{slugify(surface)}" if prefix else None
        entity = _entity(text, start_char, end_char, label, actor_id, surface if prefix else None, "name")
        if label == "PER":
            entity["gender"] = title_gender(table, m.start) or apposition_gender(table, m.start)
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


def role_entity(
    gaz: Gazetteer, text: str, start_char: int, end_char: int, phrase: str, day: date | None, former: bool,
    where: str | None = None,
) -> dict:
    """A role mention linked to its holder on `day` (or the one before, for "ancien"), in an
    article set in state `where` (see `Gazetteer.role`)."""
    holder = gaz.former_holder(phrase, day) if former else gaz.role(phrase, day, where)
    entity = _entity(text, start_char, end_char, "PER", None, None, "role")
    if holder is not None:
        entity["id"], entity["name"] = holder.id, holder.name
        _fill(entity, holder)
        entity["label"] = holder.label if holder.label in LABELS else "PER"
    else:
        entity["type"] = "person"
    return entity


def _entity(
    text: str, start_char: int, end_char: int, label: str, actor_id: str | None, name: str | None, kind: str
) -> dict:
    """A fresh entity dict, every field `doc._.filon_entities` promises present."""
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
    """Type, gender and country of a linked entity, from its gazetteer actor."""
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


def article_state(gaz: Gazetteer, text: str, entities: list[dict]) -> str | None:
    """The state an article is set in: its dateline's ("Bamako, 5 février (AMAP) -"), else the
    state its places name most often (twice at least, and more than any other), else None."""
    header = DATELINE.match(text)
    if header is not None:
        place = gaz.lookup(header.group(2)) or gaz.place(header.group(2))
        state = _state_of_place(gaz, place.id, place.country) if place is not None else None
        if state is not None:
            return state
    counts = Counter(
        state for e in entities
        if e.get("label") == "LOC" and e.get("id")
        and (state := _state_of_place(gaz, e["id"], e.get("country"))) is not None
    )
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _state_of_place(gaz: Gazetteer, place_id: str, country: str | None) -> str | None:
    """The state id of a place: itself when a state, else its country when that is a state (a
    city of the GeoNames index is no actor of the gazetteer, its country is)."""
    actor = gaz.actor(place_id)
    if actor is not None and actor.type == "state":
        return actor.id
    state = gaz.actor(country or (actor.country if actor is not None else None))
    return state.id if state is not None and state.type == "state" else None


# common nouns that open the name of a state's department ("le ministère de l'Économie",
# "le département de la Défense"), folded: such a name says nothing of which state's it is
_DEPARTMENT_HEADS = frozenset({"ministere", "departement"})


def localise_departments(gaz: Gazetteer, entities: list[dict], where: str | None) -> None:
    """In an article set in state `where`, a department the gazetteer knows for another state,
    named by its common name with no nationality ("le ministère de l'Économie" of a Malian
    article), is `where`'s own department: unlinked from the foreign one, its state `where`.
    A proper name ("Bercy", "le Pentagone") or a nationality ("ministère français de …") keeps
    its link."""
    if where is None:
        return
    demonyms = folded_demonym_table(gaz.domain)
    for entity in entities:
        if entity.get("type") != "ministry" or entity.get("country") in (None, where):
            continue
        words = fold(entity["text"]).replace("'", " ").replace("’", " ").split()
        if words and words[0] in ("le", "la", "l", "du", "au"):
            words = words[1:]
        if not words or words[0] not in _DEPARTMENT_HEADS or any(w in demonyms for w in words):
            continue
        name = entity["text"]
        entity.update(id=f"filon:org-{slugify(name)}", name=name, country=where)
