"""Finding candidate mentions: the model's entities, gazetteer names and role phrases.

`Matchers` holds the phrase matchers built once from the gazetteer (every spelling copy uses:
accents kept or dropped, straight or curly apostrophes). `find_candidates` gathers the three
kinds of candidates of one document, and `resolve_overlaps` keeps the non-overlapping ones, the
most trustworthy first. Spans are read as character offsets into the cached text and tokens
from the shared token table.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from filon.domains.folding import fold
from filon.domains.gazetteer import Actor, Gazetteer
from filon.ingest.dateline import MONTHS, WEEKDAYS
from filon.pipeline.entities.corrections import (
    NAME_PARTICLES,
    ROLE_NOUNS,
    clean_model_span,
    common_word_opening,
    noise_text,
    skipped_spans,
)
from filon.pipeline.entities.mentions import LABELS, Mention, span_chars
from filon.pipeline.entities.words import CommonWords
from filon.pipeline.extensions import in_spans
from filon.pipeline.tokens import TokenTable

# Tokens that may open a role mention; kept inside the span ("le président russe").
_ROLE_DETERMINERS = frozenset({"le", "la", "les", "l'", "l’", "du", "des", "au", "aux", "un", "une"})
# "l'ancien président américain": the previous holder, not the current one
_FORMER = frozenset({"ancien", "ancienne", "ex", "ex-"})
# Words that open a complement after a name ("de la Maison Blanche", "à Kiev").
_COMPLEMENT_WORDS = frozenset({"de", "du", "des", "d'", "d’", "à", "au", "aux", "en", "pour", "sur"})
# A surface alias this short or all in capitals only matches with its exact case ("US" vs "us").
_CASE_SENSITIVE_MAX = 4


class Matchers:
    """The gazetteer's names (case-insensitive, and exact-case for short or all-caps aliases)
    and role phrases, as phrase matchers built once with the pipeline's tokenizer."""

    def __init__(self, nlp: Language, gaz: Gazetteer) -> None:
        self.common_words = CommonWords(nlp)
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
            # a product's name is a common noun in lowercase ("une rafale de tirs")
            short = (len(surface) <= _CASE_SENSITIVE_MAX or (surface.isupper() and " " not in surface)
                     or actor.type == "product")
            for variant in _spellings(surface):
                (exact if short else lower).setdefault(actor_id, set()).add(variant)
        for store, matcher in ((lower, self.names_lower), (exact, self.names_exact)):
            for actor_id, variants in store.items():
                matcher.add(actor_id, list(nlp.tokenizer.pipe(sorted(variants))))
        phrases = gaz.role_phrases()
        for phrase in phrases:
            variants = sorted(_spellings(phrase))
            self.roles.add(fold(phrase), list(nlp.tokenizer.pipe(variants)))


def find_candidates(
    doc: Doc, table: TokenTable, text: str, gaz: Gazetteer, matchers: Matchers
) -> list[Mention]:
    """Candidate mentions of `doc` (model + gazetteer + roles), in the order they were found.

    `text` is the doc's text; overlaps are left for `resolve_overlaps`.
    """
    # spans are read as character offsets into the cached text, and tokens from the shared
    # token table: building a Span or a Token per look-up was most of this component's time
    lower, idx, words = table.lower, table.idx, table.text
    skip = skipped_spans(doc)
    candidates: list[Mention] = []
    for ent in doc.ents:
        label = ent.label_
        if label not in LABELS:
            continue
        s, e = ent.start, ent.end
        a, b = idx[s], idx[e - 1] + len(words[e - 1])  # the span's start_char, end_char
        if in_spans(a, b, skip) or noise_text(text[a:b]):
            continue
        mention = clean_model_span(table, text, s, e, label, gaz)
        if mention is not None and not common_word_opening(table, text, mention, matchers.common_words):
            candidates.append(mention)
    strings = doc.vocab.strings
    for mid, s, e in [*matchers.names_lower(doc), *matchers.names_exact(doc)]:
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
        candidates.append(Mention(s, e, actor.label, "gazetteer", actor))
    candidates += firms_after_their_kind(table, candidates)
    candidates += persons_before_their_title(table, candidates)
    for _mid, s, e in matchers.roles(doc):
        former = s > 0 and lower[s - 1] in _FORMER
        phrase_start = s - 1 if former else s
        if phrase_start > 0 and lower[phrase_start - 1] in _ROLE_DETERMINERS:
            phrase_start -= 1
        if in_spans(*span_chars(table, phrase_start, e), skip):
            continue
        role = Mention(phrase_start, e, "PER", "role")
        role.role_start, role.former = s, former
        candidates.append(role)
    return candidates


# nouns that say what kind of firm the capitalised name after them is ("la compagnie
# américaine ConocoPhillips", "le groupe chinois Tarvex"), folded
_FIRM_NOUNS = frozenset({
    "societe", "groupe", "firme", "entreprise", "compagnie", "constructeur", "geant", "laboratoire",
    "start-up", "startup", "fabricant", "operateur", "major", "conglomerat", "petrolier", "gazier",
    "energeticien", "equipementier", "armateur", "assureur", "siderurgiste", "minier", "avionneur",
    "motoriste",
})


def firms_after_their_kind(table: TokenTable, candidates: list[Mention]) -> list[Mention]:
    """Firms the model did not tag, named right after the noun of their kind and its adjectives
    ("la compagnie américaine ConocoPhillips"): the capitalised words that follow, as ORG. A
    model MISC there, or a model person of one word, is relabelled ORG ("le géant pétrolier
    britannique X", "la société Vendrak"); a model span that opens on the lowercase kind noun
    keeps the name only ("le laboratoire Pfizer" is "Pfizer")."""
    taken = {k for m in candidates for k in range(m.start, m.end)}
    model = {m.start: m for m in candidates if m.source == "model"}
    words, low, alpha = table.text, table.low, table.alpha
    found: list[Mention] = []
    k = 0
    while k < table.n:
        if low[k] not in _FIRM_NOUNS or table.pos[k] != "NOUN":
            k += 1
            continue
        j = k + 1
        while j < table.n and j - k <= 3 and words[j].islower() and table.pos[j] == "ADJ":
            j += 1  # "la firme allemande", "le géant pétrolier britannique"
        opening = model.get(k)
        if (opening is not None and opening.label in ("ORG", "MISC") and words[k].islower()
                and opening.end > j and words[j][:1].isupper()):
            opening.start, opening.label = j, "ORG"
            model[j] = opening
        hit = model.get(j)
        if hit is not None and (hit.label == "MISC" or (hit.label == "PER" and hit.end - hit.start == 1)):
            hit.label = "ORG"
        end = j
        while end < table.n and alpha[end] and words[end][:1].isupper() and end not in taken:
            end += 1
        if end > j and not any(i in taken for i in range(j, end)):
            found.append(Mention(j, end, "ORG", "model"))
        k = max(end, k + 1)
    return found


def persons_before_their_title(table: TokenTable, candidates: list[Mention]) -> list[Mention]:
    """Names the model missed or took for a body, written before a title in apposition
    ("a annoncé mardi Abebe Aemro Selassie, directeur du département Afrique"): two to four
    capitalised words, inside a sentence, followed by a comma and a title noun, are a person.
    A model ORG or MISC span there is relabelled PER."""
    taken: dict[int, Mention] = {k: m for m in candidates for k in range(m.start, m.end)}
    words, low = table.text, table.low
    found: list[Mention] = []
    for comma in range(2, table.n - 1):
        if words[comma] != ",":
            continue
        k = comma + 1
        if k < table.n and low[k] in ("le", "la", "l'", "l’", "son", "sa"):
            k += 1
        if k >= table.n or low[k] not in ROLE_NOUNS:
            continue
        start = comma
        while start > 0 and comma - start < 4 and table.alpha[start - 1] and words[start - 1][:1].isupper() \
                and not words[start - 1].isupper():
            start -= 1
        opens = start == 0 or words[start - 1] in (".", "!", "?", "«", "\n")
        if comma - start < 2 or opens or low[start] in ROLE_NOUNS:
            continue
        spans = [taken[i] for i in range(start, comma) if i in taken]
        if not spans:
            found.append(Mention(start, comma, "PER", "model"))
            continue
        m = spans[0]
        if any(other is not m for other in spans) or m.source != "model" or m.end != comma:
            continue
        if (m.start, m.end) == (start, comma) and m.label in ("ORG", "MISC"):
            m.label = "PER"
        elif m.label == "PER" and m.start > start and not any(i in taken for i in range(start, m.start)):
            m.start = start  # "Abebe Aemro [Selassie]": the given names the model left out
    return found


def resolve_overlaps(table: TokenTable, candidates: list[Mention]) -> list[Mention]:
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
    kept: list[Mention] = []
    for *_key, position in keyed:
        m = candidates[position]
        if True in taken[m.start : m.end]:
            m = _name_after_role(table, m, taken, candidates)
            if m is None:
                continue
        taken[m.start : m.end] = [True] * (m.end - m.start)
        kept.append(m)
    kept.sort(key=lambda m: m.start)
    return kept


def _name_after_role(
    table: TokenTable, m: Mention, taken: list[bool], candidates: list[Mention]
) -> Mention | None:
    """The name a model span glues to a role before it ("[commissaire européen au Commerce]
    Pierre Martin" tagged as one span): its capitalised tail of two words or more after the
    role, as a person, else None."""
    if m.source != "model":
        return None
    k = m.start
    while k < m.end and taken[k]:
        k += 1
    tail = table.text[k : m.end]
    if k == m.start or len(tail) < 2 or True in taken[k : m.end] or not all(w[:1].isupper() for w in tail):
        return None
    # the model's label of the glued span is the role's word's ("Commerce Pierre Martin", LOC)
    role = next((c for c in candidates if c.source == "role" and c.end == k), None)
    return Mention(k, m.end, "PER", m.source) if role is not None else None


def actor_surface(actor: Actor) -> str:
    """The French press form of an actor's name."""
    return actor.name_fr or actor.name


def _first_alpha(text: str) -> str:
    return next((c for c in text if c.isalpha()), "")


@lru_cache(maxsize=1 << 14)
def _is_capitalised(text: str) -> bool:
    first = _first_alpha(text)
    return bool(first) and first.isupper()


def _unaccent(text: str) -> str:
    """Accents removed but case kept ("États-Unis" -> "Etats-Unis"), for unaccented copy."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def _spellings(surface: str) -> set[str]:
    """The ways copy writes a name: accents kept, dropped, or dropped on capitals only;
    straight or curly apostrophes."""
    # French copy often drops accents on capitals only ("secrétaire d'Etat", "l'Elysée")
    capitals = "".join(_unaccent(c) if c.isupper() else c for c in surface)
    forms = {surface, _unaccent(surface), capitals}
    return forms | {f.replace("'", "’") for f in forms} | {f.replace("’", "'") for f in forms}


# courtesy titles the press puts before a surname it repeats ("M. Trappier a dit …")
_COURTESY = frozenset({"m.", "mme", "mme.", "mlle", "monsieur", "madame", "dr", "dr."})


# "ministère de l'Économie | et des | Finances": a second portfolio after the first one
# ", de l'Énergie et des " between "ministère … du Pétrole" and "Mines": more portfolios, then the last
_SECOND_PORTFOLIO = re.compile(
    r"^(?:, (?:des|du|de la|de l['’]|de) ?[A-ZÉÈÊÀÂÎÔ][\w'’-]*(?: [a-zéèêàâîôç'’-]+){0,2})*(?: et|,) "
    r"(?:des|du|de la|de l['’]) ?$")


def merge_split_names(table: TokenTable, text: str, kept: list[Mention]) -> list[Mention]:
    """`kept` with the names the model cut in two put back whole: a person ("Clara" + "Ana De
    Sousa", two model person spans one plain space apart: French copy joins two persons with
    "et" or a comma, never with a bare space) and a ministry with two portfolios ("ministère de
    l'Économie" + "et des" + "Finances"). `kept` is in text order and without overlaps."""
    out: list[Mention] = []
    for m in kept:
        last = out[-1] if out else None
        gap = text[span_chars(table, last.start, last.end)[1] : table.idx[m.start]] if last else ""
        if (last is not None and last.label == m.label == "PER" and last.source == m.source == "model"
                and last.end == m.start and gap == " "):
            out[-1] = Mention(last.start, m.end, "PER", "model")
            continue
        if (last is not None and last.label == "ORG" and last.actor is None
                and fold(table.text[last.start]) in ("ministere", "ministry")
                and _SECOND_PORTFOLIO.match(gap) and m.end - m.start <= 3 and m.actor is None):
            out[-1] = Mention(last.start, m.end, "ORG", last.source)
            continue
        if (last is not None and last.label == m.label == "ORG" and last.source == "model"
                and last.end == m.start and last.end - last.start >= 3
                and table.low[last.end - 1] in _DANGLING and gap in ("", " ")):
            # "[Cour de justice de l'][UE]": the model closed the name on its article (a state
            # after it stays a state: "[Affaires étrangères de la][Turquie]" names Turkey)
            out[-1] = Mention(last.start, m.end, "ORG", "model")
            continue
        out.append(m)
    return out


# words a name cannot end on: a preposition or article waiting for its noun
_DANGLING = frozenset({"de", "du", "des", "d'", "d’", "l'", "l’", "la", "le", "les"})


def extend_to_acronym(table: TokenTable, mentions: list[Mention]) -> list[Mention]:
    """Organisation spans the model closed before the end of the name its acronym spells out
    ("[Union française] pour une médecine libre (UFML)"): up to six words, with no verb, no
    punctuation and no other mention, run on to an acronym in brackets that opens with the
    name's first letter and ends with the initial of its last word."""
    taken = {k for m in mentions for k in range(m.start, m.end)}
    out: list[Mention] = []
    for m in mentions:
        if m.label == "ORG" and m.source == "model":
            k = m.end
            while (k < min(table.n, m.end + 6) and k not in taken and table.text[k] != "("
                   and table.pos[k] not in ("VERB", "AUX")
                   and (table.alpha[k] or table.text[k][-1:] in "'’")):
                k += 1
            closed = k + 2 < table.n and table.text[k] == "(" and table.text[k + 2] == ")"
            acronym = table.text[k + 1] if closed else ""
            if (k > m.end and 2 <= len(acronym) <= 8 and acronym.isalpha() and acronym[0].isupper()
                    and acronym[0].lower() == table.text[m.start][0].lower()
                    and acronym[-1].lower() == table.text[k - 1][0].lower()):
                m = dataclasses.replace(m, end=k)
        out.append(m)
    return out


def recurring_surnames(table: TokenTable, gaz: Gazetteer, kept: list[Mention]) -> list[Mention]:
    """`kept` with the surnames of the persons it names where they come back untagged.

    The model tags "Eric Trappier" once and often misses "M. Trappier" three paragraphs on;
    each capitalised repeat of the last word of a full name (three letters or more, naming no
    place or body of the gazetteer) becomes a person mention, its courtesy title included.
    """
    surnames: set[str] = set()
    for m in kept:
        if m.label == "PER" and m.source != "role" and m.end - m.start >= 2:
            last = table.text[m.end - 1]
            actor = gaz.lookup(last)
            if len(last) >= 3 and last[:1].isupper() and (actor is None or actor.type == "person"):
                surnames.add(last)
    if not surnames:
        return kept
    taken = [False] * table.n
    for m in kept:
        taken[m.start : m.end] = [True] * (m.end - m.start)
    added = []
    for i in range(table.n):
        if table.text[i] in surnames and not taken[i] and not (i + 1 < table.n and taken[i + 1]):
            start = i - 1 if i > 0 and not taken[i - 1] and table.lower[i - 1] in _COURTESY else i
            added.append(Mention(start, i + 1, "PER", "model"))
    return sorted([*kept, *added], key=lambda m: m.start) if added else kept


def split_person_tails(
    table: TokenTable, gaz: Gazetteer, candidates: list[Mention], first_names: dict[str, str]
) -> list[Mention]:
    """Model spans that glue a person's name to the word before it ("[l'Alliance Verts et]
    Gauche Angelo Bonelli", "LFI Jean Dupont"): from a known first name followed by
    capitalised words to the end of the span, the tail is a person; a single word left
    before it is kept only when the gazetteer knows it."""
    out: list[Mention] = []
    # names the model tags as persons on their own: the same words ending a longer span are that
    # person ("le porte-parole du [ministère des Affaires étrangères Hong Lei]" then "Hong Lei")
    people = {tuple(table.text[m.start : m.end]) for m in candidates if m.label == "PER"}
    for m in candidates:
        k = _first_name_at(table, m, first_names) if m.source == "model" and m.end - m.start >= 3 else None
        if k is None and people and m.source == "model" and m.label != "PER" and m.end - m.start >= 3:
            tails = (n for n in range(m.start + 1, m.end - 1) if tuple(table.text[n : m.end]) in people)
            k = next(tails, None)
        if k is None:
            out.append(m)
            continue
        if k - m.start > 1 or gaz.lookup(table.text[m.start]) is not None:
            out.append(Mention(m.start, k, m.label, m.source))
        out.append(Mention(k, m.end, "PER", m.source))
    return out


def extend_first_names(
    table: TokenTable, mentions: list[Mention], first_names: dict[str, str]
) -> list[Mention]:
    """Person spans the model opened one word late ("Saïd [Mohamed Karimou]"): a capitalised
    first name of the lexicon right before a model person, in no other mention and after no
    determiner ("le Pape François" keeps the title out), joins it; so does the first half of a
    compound first name glued by its hyphen ("Félix-[Antoine X]") or by an apostrophe that
    elides no French word ("Sid’[Ahmed X]")."""
    taken = {k for m in mentions for k in range(m.start, m.end)}
    out: list[Mention] = []
    for m in mentions:
        k = m.start - 1
        if m.label != "PER" or m.source != "model" or k < 0 or k in taken:
            out.append(m)
            continue
        if (k >= 1 and table.text[k] == "-"
                and table.idx[k - 1] + len(table.text[k - 1]) == table.idx[k] == table.idx[k + 1] - 1
                and k - 1 not in taken
                and table.alpha[k - 1] and table.text[k - 1][:1].isupper()):
            # "Félix-[Antoine X]": the first half of a compound first name, glued by its hyphen
            m = dataclasses.replace(m, start=k - 1)
        elif _glued_by_apostrophe(table, k) or _first_name_before(table, k, first_names):
            m = dataclasses.replace(m, start=k)
        out.append(m)
    return out


# "du Pape", "au Pape": the article glued to a preposition
_CONTRACTED = frozenset({"du", "au", "aux", "des"})
# the French words an apostrophe elides; any other capitalised word glued to a name by one is
# half of the name ("Sid’Ahmed", "Ma’ruf")
_ELIDED = frozenset({"c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu",
                     "quoiqu", "presqu", "quelqu"})


def _first_name_before(table: TokenTable, k: int, first_names: dict[str, str]) -> bool:
    return (table.alpha[k] and table.text[k][:1].isupper() and not table.text[k].isupper()
            and fold(table.text[k]) in first_names
            and (k == 0 or (table.pos[k - 1] != "DET" and table.low[k - 1] not in _CONTRACTED)))


def _glued_by_apostrophe(table: TokenTable, k: int) -> bool:
    word = table.text[k]
    stem = word[:-1]
    return (len(word) >= 3 and word[-1] in "’'" and stem.isalpha() and stem[:1].isupper()
            and stem.lower() not in _ELIDED
            and table.idx[k] + len(word) == table.idx[k + 1])


def extend_surnames(table: TokenTable, text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Person spans the model closed one word early ("[Kofi] Mensah a déclaré"): a capitalised
    proper noun right after a model person, one space away, in no other mention and neither a
    month, a weekday nor a name the gazetteer knows, joins it."""
    taken = {k for m in mentions for k in range(m.start, m.end)}
    out: list[Mention] = []
    for m in mentions:
        k = m.end
        if (m.label == "PER" and m.source == "model" and k < table.n and k not in taken
                and table.pos[k] == "PROPN" and table.alpha[k] and table.text[k][:1].isupper()
                and not table.text[k].isupper() and text[table.idx[k] - 1 : table.idx[k]] == " "
                and table.idx[k - 1] + len(table.text[k - 1]) == table.idx[k] - 1
                and table.low[k] not in MONTHS and table.low[k] not in WEEKDAYS
                and gaz.lookup(table.text[k]) is None):
            m = dataclasses.replace(m, end=k + 1)
        out.append(m)
    return out


def _first_name_at(table: TokenTable, m: Mention, first_names: dict[str, str]) -> int | None:
    """Token of the first name that opens a person's name inside span `m` (not at its start)."""
    for k in range(m.start + 1, m.end - 1):
        # "Amélie de Montchalin": a particle inside the name, not at its end
        if fold(table.text[k]) in first_names and table.text[m.end - 1][:1].isupper() and all(
            table.text[n][:1].isupper() or table.lower[n] in NAME_PARTICLES for n in range(k, m.end)
        ):
            before = [fold(table.text[n]) for n in range(m.start, k)]
            return k if not any(w in first_names for w in before) else None
    return None
