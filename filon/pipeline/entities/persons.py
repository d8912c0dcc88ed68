"""Who each person mention of one article is: short forms, titles and appositions.

`PersonIndex` links a short form ("Poutine", "M. Dupont") to the full name of the article it
belongs to; `link_appositions` gives a role next to a name ("le président russe Vladimir
Poutine") the name's identity. `strip_title` and `person_key` are the string keys both use.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from filon.domains.folding import fold
from filon.domains.gazetteer import Gazetteer, slugify
from filon.pipeline.entities.corrections import NAME_PARTICLES
from filon.pipeline.entities.mentions import Mention, span_chars
from filon.pipeline.tokens import TokenTable

# Courtesy titles in front of a surname: not part of the identity ("M. Dupont" is "Dupont").
TITLE_RE = re.compile(r"^(?:MM\.|M\.|Mr\.?|Mmes?\.?|Mlle|Monsieur|Madame|Dr\.?|Me|Mgr)\s+")


# the Arabic article bound to a surname by a hyphen ("al-Sissi", "el-Béchir"): the surname alone
# is written without it
_ARTICLE_PREFIX = re.compile(r"^(?:al|el)-(?=\w{3})")

# the same names come back in every article: the pure string functions are memoized
@lru_cache(maxsize=1 << 14)
def strip_title(text: str) -> str:
    """The name without its courtesy title ("M. Dupont" -> "Dupont")."""
    return TITLE_RE.sub("", text.strip())


@lru_cache(maxsize=1 << 14)
def person_key(text: str) -> str:
    """The folded, untitled form two mentions of one person share ("M. Dupont," -> "dupont")."""
    return fold(strip_title(text)).strip(" ,.;:")


class PersonIndex:
    """Who each person mention of one article is: full names first, short forms after.

    A full name (two words or more, titles such as "M." left out) is a gazetteer person or,
    unknown, `filon:person-<slug>`. A short form ("Poutine", "M. Dupont") takes the identity of
    the full name of the article it ends or starts with; when several match, the nearest one
    before it (else after it). Without any, the gazetteer decides; else the one given name the
    text writes before that surname where the model tagged no name ("Olusegun Obasanjo"); else it
    is left unresolved (None) for the caller, who may find it is a place.
    """

    def __init__(self, gaz: Gazetteer, table: TokenTable, text: str, mentions: list[Mention]) -> None:
        self.gaz = gaz
        self.text = text
        # surname -> given-and-surname forms written in the text, read on first need
        self._unmarked: dict[str, set[str]] | None = None
        self.full: list[tuple[int, str, tuple[str, str]]] = []  # (token, key, identity)
        self._quoted: set[tuple[str, str]] = set()  # identities of full names in quotation marks
        for m in mentions:
            if m.source == "role":
                continue
            start_char, end_char = span_chars(table, m.start, m.end)
            surface = text[start_char:end_char]
            key = person_key(surface)
            if len(key.split()) < 2:
                continue
            actor = m.actor or gaz.lookup(strip_title(surface))
            if actor is not None and actor.type == "person":
                self.full.append((m.start, key, (actor.id, actor.name)))
            elif actor is None and m.label == "PER":
                self.full.append((m.start, key, (f"filon:person-{slugify(key)}", strip_title(surface))))
            else:
                continue
            before, after = text[start_char - 1 : start_char], text[end_char : end_char + 1]
            if before in _QUOTE_MARKS and after in _QUOTE_MARKS:
                self._quoted.add(self.full[-1][2])
        # "M. de Tavernost" after "Nicolas de Tavernost" is its short form, no full name: left
        # in, it would stand as a second person for a later "Tavernost"
        keys = {k for _p, k, _i in self.full}
        self.full = [(p, k, i) for p, k, i in self.full
                     if k.split()[0] not in NAME_PARTICLES or not any(o.endswith(" " + k) for o in keys)]
        # the full names by what a shorter form may match, so that a look-up is no scan of
        # every full name (an article naming thousands of persons was quadratic)
        self._ends: dict[str, set[tuple[str, str]]] = {}  # "der berg" -> names ending " der berg"
        self._exact: dict[str, tuple[str, str]] = {}  # key -> the first identity with that key
        self._words: dict[str, list[tuple[int, tuple[str, str]]]] = {}  # first or last word ->
        for pos, k, identity in self.full:
            for at, ch in enumerate(k):
                if ch == " ":
                    self._ends.setdefault(k[at + 1 :], set()).add(identity)
            self._exact.setdefault(k, identity)
            words = k.split()
            # "Sissi" after "Abdel Fattah al-Sissi": the surname without its Arabic article
            bare = _ARTICLE_PREFIX.sub("", words[-1])
            for word in dict.fromkeys((words[-1], words[0], bare)):
                self._words.setdefault(word, []).append((pos, identity))
        # per word: (its full names in text order, the same sorted, how many identities)
        self._by_word = {w: (c, sorted(c), len({i for _p, i in c})) for w, c in self._words.items()}

    def resolve(self, start: int, key: str) -> tuple[str, str] | None:
        """(id, name) of the person mention at token `start` with person key `key`."""
        if len(key.split()) >= 2:
            # "De Wever" / "Van der Berg" alone: the fuller name of the article it ends
            longer = self._ends.get(key, set())
            if len(longer) == 1:
                return next(iter(longer))
            return self._exact.get(key)
        found = self._by_word.get(key)
        if found is not None:
            candidates, ordered, identities = found
            if identities == 1:
                return candidates[0][1]
            # the nearest full name before the mention, else the first after it
            k = bisect_left(ordered, (start,))
            return (ordered[k - 1] if k else ordered[0])[1]
        actor = self.gaz.lookup(key)
        if actor is not None and actor.type == "person":
            return actor.id, actor.name
        return self._written_in_full(key)

    def surname_of(self, key: str) -> tuple[str, str] | None:
        """(id, name) of the one full name of the article that ends with the word `key`
        ("Nduhungirehe" after "Olivier Nduhungirehe"), else None. A name written in quotation
        marks ("le complexe de golf « Trump Turnberry »") names a thing: it gives no surname."""
        longer = self._ends.get(key, set()) - self._quoted
        return next(iter(longer)) if len(longer) == 1 else None

    def _written_in_full(self, key: str) -> tuple[str, str] | None:
        """ "M. Obasanjo" when the model missed "Olusegun Obasanjo" earlier in the text: the one
        capitalised given name the article writes before that surname, if only one."""
        if self._unmarked is None:
            self._unmarked = {}
            for found in _GIVEN_AND_SURNAME.finditer(self.text):
                given, surname = found.group(1), found.group(2)
                if fold(given) in _NOT_GIVEN or self.gaz.lookup(given) is not None:
                    continue
                self._unmarked.setdefault(fold(surname), set()).add(f"{given} {surname}")
        names = self._unmarked.get(key, set())
        if len(names) != 1:
            return None
        name = next(iter(names))
        actor = self.gaz.lookup(name)
        if actor is not None:
            return (actor.id, actor.name) if actor.type == "person" else None
        return f"filon:person-{slugify(person_key(name))}", name


_QUOTE_MARKS = frozenset('"«»“”')
# Two capitalised words in a row, as a given name and a surname are written ("Olusegun Obasanjo").
_GIVEN_AND_SURNAME = re.compile(r"(?<![\w'’-])([A-ZÀ-Ý][a-zà-ÿ'’-]{2,})\s([A-ZÀ-Ý][\w'’-]+)")
# Capitalised words that are no given name (articles, titles, months, sentence openers).
_NOT_GIVEN = frozenset(fold(w) for w in [
    "Les", "La", "Le", "Une", "Des", "Dans", "Pour", "Par", "Sur", "Avec", "Selon", "Après",
    "Avant", "Entre", "Depuis", "Pendant", "Mais", "Donc", "Ainsi", "Alors", "Lors", "Monsieur",
    "Madame", "Président", "Présidente", "Premier", "Première", "Ministre", "Général",
    "Secrétaire", "Commissaire", "Chancelier", "Chancelière", "Roi", "Reine", "Prince",
    "Princesse", "Sénateur", "Député", "Janvier", "Février", "Mars", "Avril", "Mai", "Juin",
    "Juillet", "Août", "Septembre", "Octobre", "Novembre", "Décembre", "Lundi", "Mardi",
    "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche", "Nations", "Union", "États", "Etats",
    "République", "Royaume", "Conseil", "Commission", "Parlement", "Assemblée", "Cour", "Banque",
    "Fonds", "Organisation", "Agence", "Ministère", "Gouvernement", "Maison", "Palais", "Saint",
    "Sainte", "Nord", "Sud", "Est", "Ouest", "Nouvelle", "Nouveau",
])


def link_appositions(text: str, entities: list[dict]) -> None:
    """A role next to a name takes the name's identity (the text beats the role's dates).

    "le président russe Vladimir Poutine": the name right after the role always wins.
    "Vladimir Poutine, le président russe, a dit": the role must close with punctuation (an
    apposition, not "Emmanuel Macron, le président américain a ajouté" where the role starts a
    clause) and must not belong to another country than the person.
    The same role said again alone later ("a déclaré le président argentin" after "du président
    argentin Mauricio Macri") is the person the article put next to it, whatever the gazetteer
    says of that day (an article of 2018 names Macri, not today's holder).
    """
    named: dict[str, dict] = {}
    for i, ent in enumerate(entities):
        if ent["kind"] != "role":
            continue
        key = _role_key(ent["text"])
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
            named[key] = other
        else:
            other = named.get(key)
        if other is not None:
            ent["id"], ent["name"] = other["id"], other["name"]
            ent["gender"] = other["gender"] or ent["gender"]
            ent["country"] = other["country"] or ent["country"]


_ROLE_LEAD = frozenset({"le", "la", "les", "l", "du", "de", "des", "d", "au", "aux", "a", "ce", "cette"})


def _role_key(text: str) -> str:
    """A role's words without the article or preposition that opens it ("du président argentin"
    and "le président argentin" are one role)."""
    words = fold(text).replace("’", "'").replace("'", " ").split()
    while words and words[0] in _ROLE_LEAD:
        words = words[1:]
    return " ".join(words)


def _is_person_name(entity: dict | None) -> bool:
    return entity is not None and entity["label"] == "PER" and entity["kind"] == "name" \
        and entity["id"] is not None

