"""What tells a person's gender: titles, appositions, first names, and the other mentions.

Each helper reads the token table or the entity dicts and fills `gender` ("m" | "f") where
nothing surer told it: the gazetteer first, then a courtesy title or the determiner of an
apposition (`title_gender`, `apposition_gender`), a known first name (`first_name_gender`, from
the domain pack's `first_names.csv`), a person noun after the name, and finally every mention of
a person shares what one of them showed.
"""

from __future__ import annotations

from bisect import bisect_left

from filon.domains.folding import fold
from filon.domains.pack import DEFAULT_DOMAIN, read_csv
from filon.ingest.dateline import MONTHS, WEEKDAYS
from filon.pipeline.entities.persons import strip_title
from filon.pipeline.tokens import TokenTable

FIRST_NAMES_FILE = "first_names.csv"

# Courtesy titles in front of a surname: not part of the identity, but they tell the gender.
_TITLES = {"m.": "m", "mr": "m", "mr.": "m", "monsieur": "m", "mme": "f", "mme.": "f",
           "madame": "f", "mlle": "f", "dr": None, "dr.": None, "me": None, "mgr": "m"}
# Suffixes of person nouns that show their gender ("chercheuse", "directeur"); epicene nouns
# ("ministre", "porte-parole", "géologue") tell nothing and are not matched.
_FEMININE_NOUN_ENDINGS = ("trice", "euse", "ienne", "ière", "esse", "ante", "ente", "aine", "ée")
_MASCULINE_NOUN_ENDINGS = ("teur", "eur", "ien", "ier", "ant", "ent", "ain", "é")


# Nouns of time that stand before an inverted name without telling its gender: the days and
# months of the dateline reader, and the parts of a day or week.
_DAY_PARTS = ("matin", "soir", "midi", "après-midi", "soirée", "nuit", "hier", "aujourd'hui", "demain",
              "semaine", "week-end")
_TIME_NOUNS = frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset(fold(w) for w in _DAY_PARTS)


def title_gender(table: TokenTable, start: int) -> str | None:
    """'M. Dupont' -> 'm', 'Mme Dupont' -> 'f' (title as the mention's first token, at `start`,
    or just before it)."""
    first = table.lower[start]
    if first in _TITLES:
        return _TITLES[first]
    if start > 0 and table.lower[start - 1] in _TITLES:
        return _TITLES[table.lower[start - 1]]
    return None


def apposition_gender(table: TokenTable, start: int) -> str | None:
    """'la géologue Anna X' -> 'f', 'le ministre Petro Y' -> 'm': the noun or determiner just
    before a name (starting at token `start`) agrees with the person (the model's morphology
    says how)."""
    if start == 0:
        return None
    pos = table.pos
    before = start - 1
    if pos[before] not in ("NOUN", "DET", "ADJ"):
        return None
    if pos[before] == "ADJ" and start > 1 and table.text[start - 2][:1].isupper():
        return None  # "des Affaires étrangères Hong Lei": the adjective agrees with the portfolio
    if pos[before] == "NOUN" and _complement_noun(table, before):
        return None  # "le ministre de l'économie Guy X": the noun is the portfolio, not the title
    if table.low[before] in _TIME_NOUNS:
        return None  # "a indiqué dimanche Agnès X": a day, not a title
    genders = table.feats(before, "Gender")
    if not genders and pos[before] != "DET" and start > 1 and pos[start - 2] == "DET":
        genders = table.feats(start - 2, "Gender")
    return {"Fem": "f", "Masc": "m"}.get(genders[0]) if len(genders) == 1 else None


def _complement_noun(table: TokenTable, noun: int) -> bool:
    """The noun at `noun` opens with "de", "du", "des", "de la", "de l'", "au", "aux", "à la":
    a complement of the noun before it ("ministre de l'Économie", "secrétaire aux Finances"),
    not a title of its own."""
    lower = table.lower
    k = noun - 1
    if k >= 0 and lower[k] in ("du", "des", "de", "d'", "d’", "au", "aux"):
        return True
    return k >= 1 and lower[k] in ("la", "le", "l'", "l’", "les") and lower[k - 1] in ("de", "d'", "d’", "à")


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
    words = strip_title(surface).split()
    if len(words) < 2:
        return None
    first = fold(words[0].strip(",.;:"))
    if first in first_names:
        return first_names[first]
    # "Jean-Marc" missing from the list: the first part of a compound decides
    head = first.split("-")[0]
    return first_names.get(head) if "-" in first else None


def fill_first_name_genders(entities: list[dict], first_names: dict[str, str]) -> None:
    """Persons with no gender from the gazetteer, a title or an apposition get the one their
    first name tells (only full names: the short forms share it through `share_gender`)."""
    for ent in entities:
        if ent["label"] == "PER" and ent["kind"] == "name" and not ent["gender"]:
            ent["gender"] = first_name_gender(ent["text"], first_names)


def apposition_after_gender(table: TokenTable, text: str, entities: list[dict]) -> None:
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


def share_gender(entities: list[dict]) -> None:
    """Every mention of a person gets the gender one of its mentions showed ("Mme X" … "X")."""
    known: dict[str, str] = {}
    for ent in entities:
        if ent["label"] == "PER" and ent["id"] and ent["gender"]:
            known.setdefault(ent["id"], ent["gender"])
    for ent in entities:
        if ent["label"] == "PER" and ent["id"] and not ent["gender"]:
            ent["gender"] = known.get(ent["id"])
