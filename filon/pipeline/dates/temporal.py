"""French temporal expressions: find them in text and resolve them against a reference date.

Pure functions, no spaCy, so every rule is unit-testable: `find_expressions(text)` returns the
expressions of a text with character offsets, and `resolve(expression, ref, tense)` turns one
into an ISO 8601 value at the precision the text gives.

Resolution rules (the reference date `ref` is the article's publication date):

- A bare weekday ("lundi") in past context, or with no verb to tell, is the most recent such
  day on or before `ref` (wire copy: "a déclaré lundi"); in future context ("doit signer
  lundi", "signera lundi") it is the next such day on or after `ref`; in the present ("reçoit
  vendredi") the nearer of the two. "lundi dernier" / "lundi passé" is strictly before `ref`
  (1-7 days), "lundi prochain" strictly after (1-7 days). "ce lundi" follows tense.
  "mardi 25" is the nearest Tuesday the 25th.
- A day and month without a year ("le 30 avril", "lundi 24 février") take the year of `ref`,
  or the year before/after when that is closer (an article of 3 January speaking of
  "28 décembre" means the previous year). A weekday, when given, picks the year in which the
  day falls on that weekday. Past tense picks the latest candidate not after `ref` (3 days of
  slack for late copy), future tense the earliest not before it.
- A month without a year ("en mars", "fin avril") is the one of the publication year, or the
  adjacent year when that is more than six months closer; past tense takes the latest such
  month up to `ref`'s month, future tense the earliest from it. "mars dernier" / "mars
  prochain" force the direction.
- Weeks are ISO weeks ("2025-W09"): "cette semaine", "la semaine dernière/prochaine",
  "il y a deux semaines", "ce week-end" (the week-end's ISO week; which week-end follows tense).
- "il y a N jours|semaines|mois|ans" and "dans N …" count from `ref` at the unit's precision.
- "la veille", "le lendemain", "le même jour", "le jour même", "le soir même" count from the
  day the text last named: the caller passes that day as the reference (`filon_dates` does);
  "la veille de la rencontre", "au lendemain de l'annonce" name another anchor and get no
  value here (`filon_dates` gives them the day their sentence names, if any).
- Anaphoric dates count from the date the text named last, at any precision (`anchor`):
  "le 1er août de la même année", "fin mars de la même année", "la même année" take its
  year; "trois jours plus tard", "deux semaines auparavant" move it (a day for days and
  weeks, a month for months). "quelques jours plus tôt" is vague: found, no value.
- Seasons ("à l'automne", "au printemps 2026"), "dans les prochains jours", "dans les
  semaines à venir", "la fin de la décennie" are found without a value (ranges). A bare
  "l'hiver" counts only after a preposition of time, since "l'hiver ukrainien" is no date.
- Ranges ("du 3 au 5 mars", "dans la nuit de dimanche à lundi"), expressions relative to the
  narrative rather than to publication ("le lundi suivant", "la semaine précédente") and vague
  ones ("ces derniers jours", "cet été") are found but resolve to None.
- Durations ("depuis trois ans", "pendant deux semaines") and clock times are never matched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from filon.ingest.dateline import MONTHS, WEEKDAYS, fold_text

__all__ = [
    "Expression",
    "Resolved",
    "Tense",
    "find_expressions",
    "iso_week",
    "resolve",
    "resolve_day_month",
    "resolve_month",
    "resolve_text",
    "resolve_weekday",
    "shift_months",
]

Tense = Literal["past", "present", "future"] | None
Granularity = Literal["day", "week", "month", "year"]


@dataclass(frozen=True, slots=True)
class Expression:
    """A temporal expression found in a text: offsets into that text, its kind and its parts."""

    start: int
    end: int
    kind: str
    parts: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Resolved:
    """The value of an expression: ISO 8601 at the text's precision, or None when vague."""

    value: str | None
    granularity: Granularity | None
    relative: bool
    part: str | None = None  # "start" | "mid" | "end" for "début avril", "mi-mars", "fin avril"


# ---------------------------------------------------------------------------------------------
# Lexicons (accent-folded, lowercase: patterns run on `fold_text(text)`)

_FULL_MONTHS = [
    "janvier", "fevrier", "mars", "avril", "mai", "juin",
    "juillet", "aout", "septembre", "octobre", "novembre", "decembre",
]  # fmt: skip
# Abbreviations are trusted only with their period and after a day number ("24 févr. 2025"):
# bare "sept" is also the number seven.
_ABBR_MONTHS = r"janv\.|fevr\.|fev\.|avr\.|juil\.|sept\.|oct\.|nov\.|dec\."
_ABBR_NODOT = r"janv|fevr|fev|avr|juil|sept|oct|nov|dec"
_FR_WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

_M = "|".join(_FULL_MONTHS)
_MD = f"{_M}|{_ABBR_MONTHS}"
_W = "|".join(_FR_WEEKDAYS)
_D = r"(?:1er|premier|[12]\d|3[01]|0?[1-9])"
_Y = r"(?:1[89]\d\d|20\d\d)"
_S = r"[ \t\u00a0\u202f]+"  # spaces inside an expression (no newline)
_APO = r"['’]"
# after a day or month: "le 1er août de la même année" takes the year the text last named
_SAME = rf"{_S}(?P<same>de{_S}(?:la|cette){_S}meme{_S}annee)"

NUMBER_WORDS: dict[str, int] = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
}  # fmt: skip
_N = r"\d{1,3}|" + "|".join(NUMBER_WORDS) + r"|quelques|plusieurs"
_UNIT = r"jours?|semaines?|mois|ans?|annees?"

_PAST_MODS = {"dernier", "derniere", "passe", "passee"}
_NEXT_MODS = {"prochain", "prochaine"}
# Relative to the narrative ("le lundi suivant"), not to publication: no value.
_NARRATIVE_MODS = {"precedent", "precedente", "suivant", "suivante"}
_PARTS = {"debut": "start", "mi": "mid", "fin": "end", "courant": None}

_L = r"(?<![\w'’-])"  # left word edge (not inside a word, not after an elision)
_R = r"(?![\w-])"  # right word edge
_LM = r"(?<![\w-])"  # left edge of a month name, which may follow an elision ("le mois d'avril")

# (kind, pattern) in no particular order: overlaps are settled longest-first.
_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"(?<![\d./-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])"),
    (
        "numeric",
        rf"(?:{_L}le{_S})?(?<![\d./-])(?P<d>\d{{1,2}})(?P<sep>[/.])(?P<m>\d{{1,2}})(?P=sep)"
        rf"(?P<y>\d{{4}})(?![\d./])",
    ),
    (
        "day_range",
        rf"{_L}(?:du{_S}|entre{_S}le{_S}|les{_S})?(?:(?:{_W}){_S})?{_D}(?:{_S})?(?:au|et{_S}le|et|-|–)(?:{_S})?"
        rf"(?:(?:{_W}){_S})?{_D}{_S}(?P<m>{_MD})(?:{_S}(?P<y>{_Y}))?{_R}",
    ),
    (
        "day_month",
        rf"{_L}(?:(?P<det>le|ce){_S})?(?:(?P<wd>{_W}),?{_S})?(?<![\d,.])(?P<d>{_D}){_S}"
        rf"(?P<m>{_MD})(?:{_S}(?P<y>{_Y})(?!\d)|{_S}(?P<mod>dernier|prochain)|{_SAME})?{_R}",
    ),
    (
        # wire datelines abbreviate without a period, but always give the year: "26 fév 2025"
        "day_abbr",
        rf"{_L}(?:(?P<det>le){_S})?(?:(?P<wd>{_W}),?{_S})?(?<![\d,.])(?P<d>{_D}){_S}"
        rf"(?P<m>{_ABBR_NODOT}){_S}(?P<y>{_Y})(?!\d)",
    ),
    (
        "month_part",
        rf"{_L}(?:la{_S})?(?P<part>fin|debut|mi|courant)(?:-|{_S})(?:du{_S}mois{_S})?"
        rf"(?:de{_S}|d{_APO})?(?P<m>{_M})(?:{_S}(?P<y>{_Y})(?!\d)|{_SAME})?{_R}",
    ),
    ("year_part", rf"{_L}(?P<part>fin|debut|mi)(?:-|{_S})(?P<y>{_Y})(?!\d)"),
    (
        "unit_part",
        rf"{_L}(?:la{_S}|le{_S})?(?P<part>fin|debut)(?:{_S}de{_S}l{_APO}|{_S}d{_APO})(?P<unit>annee)"
        rf"(?:{_S}(?P<mod>derniere|prochaine|passee|en{_S}cours))?{_R}"
        rf"|{_L}(?:la{_S}|le{_S})?(?P<part2>fin|debut)(?:{_S}du{_S}|{_S}de{_S})(?P<unit2>mois|siecle)"
        rf"(?:{_S}(?P<mod2>dernier|prochain|passe|en{_S}cours))?{_R}"
        rf"|{_L}(?:la{_S}|le{_S})?(?P<part3>fin|debut)(?:{_S}de{_S}la{_S}|{_S}de{_S})"
        rf"(?P<unit3>semaine|decennie)"
        rf"(?:{_S}(?P<mod3>derniere|prochaine|passee))?{_R}",
    ),
    (
        "month_year",
        rf"{_LM}(?P<m>{_M}){_S}(?P<y>{_Y})(?!\d)",
    ),
    (
        "month",
        rf"{_LM}(?P<m>{_M})(?:{_S}(?P<mod>dernier|prochain)|{_SAME})?{_R}",
    ),
    (
        # "la même année", "cette même année": the year the text last named
        "same_year",
        rf"{_L}(?:la|cette){_S}meme{_S}annee{_R}",
    ),
    ("year", rf"(?<![\w.,/-])(?:l{_APO}an{_S})?(?P<y>{_Y})(?![\w/]|[.,]\d|-\d)"),
    (
        "weekday",
        rf"{_L}(?:(?P<det>ce){_S})?(?P<wd>{_W})(?:{_S}(?P<mod>dernier|prochain|passe))?"
        rf"(?:{_S}(?P<tod>matin|soir|apres-midi|midi))?{_R}",
    ),
    (
        # "mardi 25": the month is implied (a longer "mardi 25 février" wins the overlap)
        "weekday_day",
        rf"{_L}(?:(?P<det>le|ce){_S})?(?P<wd>{_W}){_S}(?P<d>{_D})(?![\d,.:h]|{_S}(?:h\b|heures?))",
    ),
    (
        "weekday_narrative",
        rf"{_L}le{_S}(?P<wd>{_W}){_S}(?P<mod>precedent|suivant){_R}",
    ),
    (
        "night_range",
        rf"{_L}(?:la{_S})?nuit{_S}de{_S}(?:{_W}){_S}(?:a|au){_S}(?:{_W}){_R}",
    ),
    (
        # relative to the day the narrative last named ("la veille", "le lendemain"): the
        # caller passes that day as `ref`; "la veille de la rencontre" names its own anchor
        "anchored",
        rf"{_L}(?P<word>(?:a{_S})?la{_S}veille|(?:a{_S})?l{_APO}avant-veille"
        rf"|(?:le|au){_S}lendemain|(?:le|au){_S}surlendemain"
        rf"|le{_S}meme{_S}jour|le{_S}(?:jour|soir|matin){_S}meme|ce{_S}jour-la)"
        rf"(?:{_S}(?:au{_S})?(?:soir|matin))?{_R}"
        rf"(?:(?=(?P<of>{_S}(?:de|du|des|d{_APO})))|)",  # look at "de …" without taking it
    ),
    (
        "day_word",
        rf"{_L}(?P<word>avant-hier|apres-demain|hier|demain|aujourd{_APO}hui)"
        rf"(?:{_S}(?P<tod>matin|soir|apres-midi|midi))?{_R}"
        rf"|{_L}(?P<word2>ce{_S}matin|ce{_S}soir|cet{_S}apres-midi|ce{_S}midi){_R}",
    ),
    (
        "week",
        rf"{_L}(?:(?P<det>cette){_S}semaine(?:-ci)?"
        rf"|la{_S}semaine{_S}(?P<mod>derniere|prochaine|passee|precedente|suivante))"
        rf"{_R}",
    ),
    (
        "weekend",
        rf"{_L}(?:(?P<det>ce){_S}week-?end"
        rf"|le{_S}week-?end{_S}(?P<mod>dernier|prochain|passe|precedent|suivant)){_R}",
    ),
    (
        "month_rel",
        rf"{_L}(?:le{_S}mois{_S}(?P<mod>dernier|prochain|passe|precedent|suivant)"
        rf"|ce{_S}mois(?:-ci)?){_R}",
    ),
    (
        "year_rel",
        rf"{_L}(?:l{_APO}(?:an|annee){_S}(?P<mod>derniere?|prochaine?|passee?|precedente?"
        rf"|suivante?)|cette{_S}annee(?:-ci)?|l{_APO}annee{_S}en{_S}cours){_R}",
    ),
    (
        "offset",
        rf"{_L}(?P<dir>il{_S}y{_S}a|dans){_S}(?P<n>{_N}){_S}(?P<unit>{_UNIT}){_R}",
    ),
    (
        # quarters and halves have no ISO form at our precisions: found, no value
        "quarter",
        rf"{_L}(?:le{_S})?(?:premier|1er|deuxieme|2e|second|troisieme|3e|quatrieme|dernier|4e)"
        rf"{_S}(?:trimestre|semestre)(?:{_S}(?:de{_S}l{_APO}annee{_S})?(?P<y>{_Y})(?!\d))?{_R}",
    ),
    ("decade", rf"{_L}les{_S}annees{_S}(?:19|20)?\d0{_R}"),
    (
        "year_range",
        rf"{_L}(?:entre{_S}{_Y}{_S}et{_S}{_Y}|(?:de{_S})?{_Y}(?:{_S})?(?:a|au|-|–)(?:{_S})?{_Y})(?!\d)",
    ),
    (
        # seasons are ranges: found, no value. A bare "l'hiver" is taken only after a
        # preposition of time ("à l'automne", "depuis l'été"), since "l'hiver ukrainien" or
        # "un hiver rude" name the season, not a date; with a year it is always a date.
        "season",
        rf"(?:(?<=\ba{_S[:-1]})|(?<=\bdes )|(?<=depuis )|(?<=pour )|(?<=avant )|(?<=apres )"
        rf"|(?<=d{_APO}ici ))l{_APO}(?:ete|hiver|automne)(?:{_S}(?P<y>{_Y})(?!\d))?{_R}"
        rf"|{_L}(?:au{_S}printemps|en{_S}(?:ete|hiver|automne))(?:{_S}(?P<y2>{_Y})(?!\d))?{_R}"
        rf"|{_L}(?:l{_APO}(?:ete|hiver|automne)|le{_S}printemps){_S}(?P<y3>{_Y})(?!\d)",
    ),
    (
        # relative to the day the narrative last named: "trois jours plus tard", "quelques
        # semaines auparavant"; "deux jours avant le scrutin" names its own anchor (not taken)
        "narrative_offset",
        rf"{_L}(?P<n>{_N}){_S}(?P<unit>{_UNIT}){_S}(?P<dir>plus{_S}tot|plus{_S}tard|auparavant"
        rf"|(?:avant|apres)(?={_S[:-1]}*[,.;:!?)]|{_S[:-1]}*$))",
    ),
    (
        "vague",
        rf"{_L}(?:ces{_S}(?:derniers|dernieres){_S}(?:jours|semaines|mois|annees)"
        rf"|(?:dans{_S}les|au{_S}cours{_S}des|les){_S}(?:prochains|prochaines)"
        rf"{_S}(?:jours|semaines|mois|annees)"
        rf"|(?:dans{_S}les|au{_S}cours{_S}des|les){_S}"
        rf"(?:jours|semaines|mois|annees){_S}(?:a{_S}venir|qui{_S}viennent)"
        rf"|cet{_S}(?:ete|hiver|automne)|ce{_S}printemps"
        rf"|l{_APO}(?:ete|hiver|automne){_S}(?:dernier|prochain)"
        rf"|le{_S}printemps{_S}(?:dernier|prochain)){_R}",
    ),
]
_COMPILED = [(kind, re.compile(pattern)) for kind, pattern in _PATTERNS]

# Speed: each pattern is a pass over the whole text trying every position, since a leading
# lookbehind keeps the regex engine from scanning ahead for a first character. So a pattern that
# is often absent from an article has a guard: a cheap necessary condition (a substring test,
# or a regex that starts with literals and so does scan ahead), true of every text in which the
# pattern can match; the pattern runs only when its guard holds. Patterns without a guard run
# always (months, weekdays, digits are in nearly every text). tests/test_dates_speed.py checks
# the result against the plain implementation and each guard against its pattern.
_SPACES = _S[:-1]  # one space character of `_S`
# The direction of "trois jours plus tard", "deux semaines avant." (see "narrative_offset")
_THEN = rf"(?:plus{_S}tot|plus{_S}tard|auparavant|(?:avant|apres)(?={_SPACES}*[,.;:!?)]|{_SPACES}*$))"
# A guard regex starts with a literal word, or alternatives that each start with one, so that
# the engine scans ahead for it: alternatives are spelled out rather than grouped.
_GUARD_RES = {
    "dash_digits": re.compile(r"-\d\d-"),
    "slash_digit": re.compile(r"/\d"),
    "dot_digit": re.compile(r"\.\d"),
    # the tail of "day_range" from its connector on, as written there
    "range_to_day": re.compile(rf"(?:au|et{_S}le|et|-|–)(?:{_S})?(?:(?:{_W}){_S})?{_D}{_S}(?:{_MD})"),
    "ce_time": re.compile(rf"ce{_S}(?:matin|soir|midi)|cet{_S}apres-midi"),
    "offset": re.compile(rf"(?:a|dans){_S}(?:{_N}){_S}(?:{_UNIT})"),  # "il y a" ends in "a"
    "abbr_year": re.compile(rf"(?:{_ABBR_NODOT}){_SPACES}+{_Y}"),
    "part_year": re.compile(rf"(?:fin|debut|mi)(?:-|{_SPACES}+){_Y}"),
    "part_month": re.compile(
        rf"(?:fin|debut|mi|courant)(?:-|{_SPACES}+)(?:du{_SPACES}+mois{_SPACES}+)?"
        rf"(?:de{_SPACES}+|d{_APO})?(?:{_M})"
    ),
    "part_unit": re.compile(
        rf"(?:fin|debut){_SPACES}+(?:de{_SPACES}+l{_APO}annee|d{_APO}annee|du{_SPACES}+(?:mois|siecle)"
        rf"|de{_SPACES}+(?:mois|siecle|semaine|decennie)|de{_SPACES}+la{_SPACES}+(?:semaine|decennie))"
    ),
    "same_day": re.compile(rf"meme{_SPACES}+jour|(?:jour|soir|matin){_SPACES}+meme"),
    "week": re.compile(
        rf"cette{_SPACES}+semaine|la{_SPACES}+semaine{_SPACES}+"
        rf"(?:derniere|prochaine|passee|precedente|suivante)"
    ),
    "unit_then": re.compile("|".join(rf"{unit}{_S}{_THEN}" for unit in _UNIT.split("|"))),
    "vague": re.compile(
        rf"ces{_S}dernier|s{_S}prochain|cet{_S}(?:ete|hiver|automne)|ce{_S}printemps|"
        + "|".join(
            rf"{unit}{_S}(?:a{_S}venir|qui{_S}viennent)" for unit in ("jours", "semaines", "mois", "annees")
        )
        + "|"
        + "|".join(
            rf"{season}{_S}(?:dernier|prochain)" for season in ("ete", "hiver", "automne", "printemps")
        )
    ),
    "year_to": re.compile(rf"\d\d\d\d{_SPACES}*(?:a|-|–|et)"),
    "weekday_num": re.compile(rf"(?:{_W}){_SPACES}+[\dp]"),
    "en_ete": re.compile(rf"en{_SPACES}+ete"),
}


def _any(*words: str) -> Callable[[str], bool]:
    return lambda text: any(word in text for word in words)


def _search(name: str) -> Callable[[str], bool]:
    pattern = _GUARD_RES[name]
    return lambda text: pattern.search(text) is not None


_GUARDS: dict[str, Callable[[str], bool]] = {
    "iso": _search("dash_digits"),  # "2025-02-24"
    "numeric": lambda text: (  # "24/02/2025", "24.02.2025"
        _GUARD_RES["dot_digit"].search(text) is not None
        or ("/" in text and _GUARD_RES["slash_digit"].search(text) is not None)
    ),
    "day_range": _search("range_to_day"),
    "day_abbr": _search("abbr_year"),  # month abbreviation, spaces, year
    "month_part": _search("part_month"),  # the pattern without its left edge and year
    "year_part": _search("part_year"),
    "unit_part": _search("part_unit"),  # the three alternatives without edges and modifiers
    "same_year": lambda text: "meme" in text and "annee" in text,
    "weekday_day": _search("weekday_num"),  # a weekday, spaces, a digit or "premier"
    "weekday_narrative": _any("precedent", "suivant"),
    "night_range": _any("nuit"),
    "anchored": lambda text: (
        "veille" in text  # "la veille", "l'avant-veille"
        or "lendemain" in text  # "le lendemain", "au surlendemain"
        or "jour-la" in text
        or ("meme" in text and _GUARD_RES["same_day"].search(text) is not None)
    ),
    "day_word": lambda text: (  # "avant-hier", "apres-demain", or "ce soir", "cet apres-midi"
        any(word in text for word in ("hier", "demain", "aujourd"))
        or _GUARD_RES["ce_time"].search(text) is not None
    ),
    "week": lambda text: "semaine" in text and _GUARD_RES["week"].search(text) is not None,
    "weekend": _any("week"),
    "month_rel": _any("mois"),
    "year_rel": _any("annee", "l'an", "l’an"),
    "quarter": _any("trimestre", "semestre"),
    "decade": _any("annees"),
    "year_range": _search("year_to"),  # a year, spaces, then "a", "au", "-", "–" or "et"
    "season": lambda text: (
        "printemps" in text
        or "hiver" in text
        or "automne" in text
        or "l'ete" in text
        or "l’ete" in text
        or _GUARD_RES["en_ete"].search(text) is not None
    ),
    "offset": _search("offset"),
    "narrative_offset": _search("unit_then"),  # a unit, spaces, then the direction
    "vague": _search("vague"),  # each alternative from its first word that is not optional
}
_GUARDED = [(kind, pattern, _GUARDS.get(kind)) for kind, pattern in _COMPILED]

# Folding is per character: the table of the characters seen so far turns it into one
# `str.translate` (the same result as `fold_text`, character for character).
_FOLD_TABLE: dict[int, str] = {}


def _fold(text: str) -> str:
    table = _FOLD_TABLE
    if len(table) > 65536:  # bound the memory on exotic input
        table.clear()
    for ch in set(text):
        if ord(ch) not in table:
            table[ord(ch)] = fold_text(ch)
    return text.translate(table)


# The patterns every match of which holds a month, a weekday or a digit run only on the lines
# (paragraphs) holding one: two thirds of an article's text has none. This is exact because no
# pattern consumes a line break, and their lookaheads read the end of a line (`endpos`) as they
# read a line break; their lookbehinds still see the text before the line ("narrative_offset",
# whose `$` reads the two differently, is not one of them).
_DIGITS = tuple("0123456789")
_MONTH_WORDS = tuple(_FULL_MONTHS)
_DAY_MONTH_WORDS = (*_MONTH_WORDS, *_ABBR_NODOT.split("|"))  # "24 fevr. 2025", "26 fev 2025"
_WEEKDAY_WORDS = tuple(_FR_WEEKDAYS)
_PARAGRAPH_WORDS: dict[str, tuple[str, ...]] = {
    "day_month": _DAY_MONTH_WORDS,
    "month_year": _MONTH_WORDS,
    "month": _MONTH_WORDS,
    "year": _DIGITS,
    "weekday": _WEEKDAY_WORDS,
    # guarded ones that share those words: the lines are looked up once per text
    "day_range": _DAY_MONTH_WORDS,
    "day_abbr": _DAY_MONTH_WORDS,
    "month_part": _MONTH_WORDS,
    "weekday_day": _WEEKDAY_WORDS,
    "iso": _DIGITS,
    "numeric": _DIGITS,
    "year_part": _DIGITS,
    "year_range": _DIGITS,
}


def _paragraphs_with(folded: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of the lines of `folded` holding one of `words`."""
    spans = []
    start = 0
    while start <= len(folded):
        end = folded.find("\n", start)
        if end < 0:
            end = len(folded)
        line = folded[start:end]
        if any(word in line for word in words):
            spans.append((start, end))
        start = end + 1
    return spans


def find_expressions(text: str) -> list[Expression]:
    """Temporal expressions of `text`, non-overlapping, in text order.

    Every pattern runs on the accent-folded lowercase text; where matches overlap, the longest
    wins ("lundi 24 février 2025" over "lundi" and "2025"), then the earliest.

    Args:
        text: any text; offsets of the result slice it exactly.

    Returns:
        Expressions with `start`/`end` into `text`, a `kind` and the named parts matched.
    """
    folded = _fold(text)
    found: list[Expression] = []
    ranges: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for kind, pattern, guard in _GUARDED:
        if guard is not None and not guard(folded):
            continue
        words = _PARAGRAPH_WORDS.get(kind)
        if words is None:
            matches: Iterable[re.Match[str]] = pattern.finditer(folded)
        else:
            if words not in ranges:
                ranges[words] = _paragraphs_with(folded, words)
            matches = (m for start, end in ranges[words] for m in pattern.finditer(folded, start, end))
        for match in matches:
            parts = {k: v for k, v in match.groupdict().items() if v is not None}
            found.append(Expression(match.start(), match.end(), kind, parts))
    return longest_first(found)


def longest_first(found: list[Expression]) -> list[Expression]:
    """The expressions that survive overlaps, longest first then earliest, in text order."""
    found = sorted(found, key=lambda e: (-(e.end - e.start), e.start))
    kept: list[Expression] = []
    for expr in found:
        if all(expr.end <= k.start or k.end <= expr.start for k in kept):
            kept.append(expr)
    return sorted(kept, key=lambda e: e.start)


# ---------------------------------------------------------------------------------------------
# Resolvers: expression parts + reference date (+ tense) -> value


def iso_week(day: date) -> str:
    """ISO 8601 week of a day, e.g. "2025-W09" (the ISO year can differ from the calendar year)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by `delta` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


# How far ahead a future read from the verb alone may reach before the nearest date wins.
_HORIZON_DAYS = 183


def _direction(tense: Tense, mod: str | None) -> str:
    """ "past", "future" or "any" from a modifier word, else from the tense."""
    if mod in _PAST_MODS:
        return "past"
    if mod in _NEXT_MODS:
        return "future"
    if tense == "future":
        return "future"
    if tense == "past":
        return "past"
    return "any"


def resolve_weekday(weekday: int, ref: date, tense: Tense = None, mod: str | None = None) -> date:
    """The day named by a weekday relative to `ref`.

    Args:
        weekday: 0 for Monday … 6 for Sunday.
        ref: publication date.
        tense: tense of the clause; "future" looks forward, "present" takes the nearer of the
            two (the wire present announces: "reçoit vendredi" written on a Wednesday is two
            days ahead, "assure lundi" two days back), anything else backward. Defaults to None
            (backward, the wire-copy reading of "a déclaré lundi").
        mod: "dernier"/"passé" (strictly before `ref`) or "prochain" (strictly after).

    Returns:
        The most recent such day on or before `ref`, or the next one on or after it in future
        context; with a modifier, strictly before or after.
    """
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if mod in _PAST_MODS:
        return ref - timedelta(days=back or 7)
    if mod in _NEXT_MODS:
        return ref + timedelta(days=ahead or 7)
    if tense == "future" or (tense == "present" and ahead < back):
        return ref + timedelta(days=ahead)
    return ref - timedelta(days=back)


def resolve_weekday_day(weekday: int, day: int, ref: date) -> date | None:
    """The date of "mardi 25" (a weekday and a day of month, no month) nearest to `ref`.

    Looks in the month of `ref` and the months around it for a day `day` falling on `weekday`;
    without one (a typo in the copy), the day `day` of the nearest month.
    """
    candidates = []
    for delta in (-1, 0, 1):
        year, month = shift_months(ref.year, ref.month, delta)
        if found := _valid(year, month, day):
            candidates.append(found)
    fitting = [d for d in candidates if d.weekday() == weekday] or candidates
    if not fitting:
        return None
    return min(fitting, key=lambda d: (abs((d - ref).days), d))


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # 29 February outside leap years
        return None


def resolve_day_month(
    day: int,
    month: int,
    ref: date,
    year: int | None = None,
    weekday: int | None = None,
    tense: Tense = None,
    mod: str | None = None,
) -> date | None:
    """The date of "le 30 avril" / "lundi 24 février" relative to `ref`.

    Args:
        day: day of month.
        month: month number.
        ref: publication date.
        year: the year when written; then it is used as is.
        weekday: the weekday written with the date, if any; it picks the year where it fits.
        tense: clause tense; past prefers a date not after `ref`, future one not before.
        mod: "dernier" or "prochain" written after the date.

    Returns:
        The date, or None when the day does not exist ("31 avril").
    """
    if year is not None:
        return _valid(year, month, day)
    candidates = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _valid(y, month, day))]
    if not candidates:
        return None
    if weekday is not None:
        fitting = [d for d in candidates if d.weekday() == weekday]
        if fitting:
            candidates = fitting
    direction = _direction(tense, mod)
    slack = timedelta(days=3)  # late copy: "a signé le 25 février" in a paper dated the 24th
    if direction == "past":
        earlier = [d for d in candidates if d <= ref + slack]
        candidates = earlier or candidates
        return max(candidates)
    nearest = min(candidates, key=lambda d: (abs((d - ref).days), d))
    if direction == "future":
        later = [d for d in candidates if d >= ref - slack]
        ahead = min(later or candidates)
        # a future read from the verb alone ("devait être signé le 28 février", "doit encore")
        # is often the past's future; past _HORIZON days the nearest date is the likelier one
        if mod is None and (ahead - ref).days > _HORIZON_DAYS and abs((nearest - ref).days) <= _HORIZON_DAYS:
            return nearest
        return ahead
    return nearest


def resolve_month(
    month: int,
    ref: date,
    year: int | None = None,
    tense: Tense = None,
    mod: str | None = None,
) -> tuple[int, int]:
    """(year, month) of "en mars" / "fin avril" relative to `ref`.

    Without a year: past context takes the latest such month up to `ref`'s month, future
    context the earliest from `ref`'s month on; otherwise the publication year's, unless the
    same month of the adjacent year is closer ("fin décembre" in a January article).
    """
    if year is not None:
        return year, month
    direction = _direction(tense, mod)
    if direction == "past":
        if mod in _PAST_MODS and month == ref.month:
            return ref.year - 1, month  # "en février dernier" written in February
        return (ref.year, month) if month <= ref.month else (ref.year - 1, month)
    if direction == "future":
        if mod in _NEXT_MODS and month == ref.month:
            return ref.year + 1, month
        if month >= ref.month:
            return ref.year, month
        # same reasoning as for days: a verb-only future more than six months ahead is more
        # likely a narrated past ("fin février" in a May article)
        if mod is None and ref.month - month <= 6:
            return ref.year, month
        return ref.year + 1, month
    gap = month - ref.month
    if gap > 6:
        return ref.year - 1, month
    if gap < -6:
        return ref.year + 1, month
    return ref.year, month


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _day(value: date | None, relative: bool) -> Resolved:
    if value is None:
        return Resolved(None, None, relative)
    return Resolved(value.isoformat(), "day", relative)


def _ym(year: int, month: int, relative: bool, part: str | None = None) -> Resolved:
    return Resolved(f"{year:04d}-{month:02d}", "month", relative, part)


def _offset_for(mod: str | None) -> int | None:
    """-1 for "dernier", +1 for "prochain", 0 for none/"en cours", None for narrative modifiers."""
    if mod is None or mod.startswith("en"):
        return 0
    if mod in _PAST_MODS:
        return -1
    if mod in _NEXT_MODS:
        return 1
    return None  # précédent / suivant: relative to the narrative, not to publication


def resolve(expr: Expression, ref: date | None, tense: Tense = None, anchor: str | None = None) -> Resolved:
    """Value of an expression found by `find_expressions`.

    Args:
        expr: the expression.
        ref: publication date; without it only absolute expressions get a value.
        tense: tense of the clause holding the expression ("past", "present", "future") or
            None when unknown. Defaults to None.
        anchor: ISO value of the date the text named last ("2023-07", "2025-02-12"), which
            anaphoric expressions count from: "le 1er août de la même année", "la même année",
            "trois jours plus tard". Defaults to None (they get no value).

    Returns:
        The ISO value, granularity and whether it needed `ref`.
    """
    p = expr.parts
    kind = expr.kind
    if "same" in p or kind in ("same_year", "narrative_offset"):
        return _resolve_from_anchor(expr, anchor)
    # Absolute expressions: no reference date needed.
    if kind in ("iso", "numeric"):
        return _day(_valid(int(p["y"]), int(p["m"]), int(p["d"])), False)
    if kind == "day_abbr" or (kind == "day_month" and "y" in p):
        return _day(_valid(int(p["y"]), MONTHS[p["m"].rstrip(".")], _day_number(p["d"])), False)
    if kind == "month_year" or (kind == "month_part" and "y" in p):
        return _ym(int(p["y"]), MONTHS[p["m"]], False, _PARTS.get(p.get("part", "")))
    if kind == "year":
        return Resolved(p["y"], "year", False)
    if kind == "year_part":
        return Resolved(p["y"], "year", False, _PARTS[p["part"]])
    if kind in ("day_range", "night_range", "weekday_narrative", "vague", "quarter", "decade"):
        return Resolved(None, None, "y" not in p)
    if kind == "season":  # a season is a range, with or without its year
        return Resolved(None, None, not ({"y", "y2", "y3"} & set(p)))
    if kind == "year_range":
        return Resolved(None, None, False)
    if ref is None:
        return Resolved(None, None, True)
    return _resolve_relative(kind, p, ref, tense)


def _day_number(text: str) -> int:
    return 1 if text in ("1er", "premier") else int(text)


def _resolve_relative(kind: str, p: dict[str, str], ref: date, tense: Tense) -> Resolved:
    """Expressions that need the publication date."""
    mod = p.get("mod")
    if kind == "day_month":
        weekday = WEEKDAYS[p["wd"]] if "wd" in p else None
        month = MONTHS[p["m"].rstrip(".")]
        return _day(resolve_day_month(_day_number(p["d"]), month, ref, None, weekday, tense, mod), True)
    if kind in ("month", "month_part"):
        year, month = resolve_month(MONTHS[p["m"]], ref, None, tense, mod)
        return _ym(year, month, True, _PARTS.get(p.get("part", "")))
    if kind == "weekday_day":
        return _day(resolve_weekday_day(WEEKDAYS[p["wd"]], _day_number(p["d"]), ref), True)
    if kind == "weekday":
        return _day(resolve_weekday(WEEKDAYS[p["wd"]], ref, tense, mod), True)
    if kind == "anchored":
        if "of" in p:
            return Resolved(None, None, True)
        word = p["word"].split()[-1].split("'")[-1].split("’")[-1]
        shift = {"veille": -1, "avant-veille": -2, "lendemain": 1, "surlendemain": 2}.get(word, 0)
        return _day(ref + timedelta(days=shift), True)
    if kind == "day_word":
        word = p.get("word") or p.get("word2", "")
        shift = {"avant-hier": -2, "hier": -1, "demain": 1, "apres-demain": 2}.get(word, 0)
        return _day(ref + timedelta(days=shift), True)
    if kind == "week":
        offset = 0 if p.get("det") else _offset_for(mod)
        if offset is None:
            return Resolved(None, None, True)
        return Resolved(iso_week(ref + timedelta(weeks=offset)), "week", True)
    if kind == "weekend":
        return _resolve_weekend(ref, tense, mod, bool(p.get("det")))
    if kind == "month_rel":
        offset = 0 if mod is None else _offset_for(mod)
        if offset is None:
            return Resolved(None, None, True)
        return _ym(*shift_months(ref.year, ref.month, offset), True)
    if kind == "year_rel":
        offset = 0 if mod is None else _offset_for(mod)
        if offset is None:
            return Resolved(None, None, True)
        return Resolved(f"{ref.year + offset:04d}", "year", True)
    if kind == "unit_part":
        return _resolve_unit_part(p, ref)
    if kind == "offset":
        return _resolve_offset(p, ref)
    return Resolved(None, None, True)


def _resolve_weekend(ref: date, tense: Tense, mod: str | None, this: bool) -> Resolved:
    """ISO week of "ce week-end" / "le week-end dernier|prochain" (Saturday's week)."""
    last_saturday = ref - timedelta(days=(ref.weekday() - 5) % 7)
    next_saturday = ref + timedelta(days=(5 - ref.weekday()) % 7)
    if ref.weekday() == 6:  # on a Sunday, "ce week-end" is the one ending today
        next_saturday = last_saturday
    offset = _offset_for(mod) if not this else 0
    if offset is None:
        return Resolved(None, None, True)
    if offset < 0:
        saturday = last_saturday if ref.weekday() not in (5, 6) else last_saturday - timedelta(7)
    elif offset > 0:
        saturday = next_saturday if ref.weekday() not in (5, 6) else last_saturday + timedelta(7)
    elif ref.weekday() in (5, 6):
        saturday = last_saturday
    else:
        saturday = last_saturday if tense == "past" else next_saturday
    return Resolved(iso_week(saturday), "week", True)


def _resolve_unit_part(p: dict[str, str], ref: date) -> Resolved:
    """ "la fin de l'année", "début du mois prochain", "en fin de semaine"."""
    part = _PARTS[p.get("part") or p.get("part2") or p.get("part3", "")]
    unit = p.get("unit") or p.get("unit2") or p.get("unit3")
    mod = p.get("mod") or p.get("mod2") or p.get("mod3")
    offset = _offset_for(mod)
    if offset is None:
        return Resolved(None, None, True)
    if unit in ("decennie", "siecle"):  # "la fin de la décennie": no value at our precisions
        return Resolved(None, None, True)
    if unit == "annee":
        return Resolved(f"{ref.year + offset:04d}", "year", True, part)
    if unit == "mois":
        return _ym(*shift_months(ref.year, ref.month, offset), True, part)
    return Resolved(iso_week(ref + timedelta(weeks=offset)), "week", True, part)


def _resolve_from_anchor(expr: Expression, anchor: str | None) -> Resolved:
    """Anaphoric expressions, counted from the date the text named last (`anchor`).

    "le 1er août de la même année" / "fin mars de la même année" / "la même année" take the
    anchor's year; "trois jours plus tard" / "deux semaines auparavant" move the anchor by the
    offset, which needs an anchor at least as precise as the unit (a day for days). Vague
    counts ("quelques jours plus tôt") and missing anchors give no value.
    """
    p = expr.parts
    year = int(anchor[:4]) if anchor and anchor[:4].isdigit() else None
    if expr.kind == "same_year":
        return Resolved(f"{year:04d}", "year", True) if year else Resolved(None, None, True)
    if expr.kind != "narrative_offset":  # a day or month "de la même année"
        if year is None:
            return Resolved(None, None, True)
        month = MONTHS[p["m"].rstrip(".")]
        if "d" in p:
            return _day(_valid(year, month, _day_number(p["d"])), True)
        return _ym(year, month, True, _PARTS.get(p.get("part", "")))
    n = _number(p["n"])
    if n is None or anchor is None:
        return Resolved(None, None, True)
    sign = -1 if p["dir"] in ("plus tot", "auparavant", "avant") else 1
    unit = p["unit"]
    if unit.startswith("an") and year:
        return Resolved(f"{year + sign * n:04d}", "year", True)
    if unit == "mois" and len(anchor) >= 7 and "W" not in anchor:
        return _ym(*shift_months(year or 0, int(anchor[5:7]), sign * n), True)
    if len(anchor) == 10:  # a day: days and weeks count from it
        day = date.fromisoformat(anchor)
        if unit.startswith("jour"):
            return _day(day + timedelta(days=sign * n), True)
        if unit.startswith("semaine"):
            return Resolved(iso_week(day + timedelta(weeks=sign * n)), "week", True)
    return Resolved(None, None, True)


def _resolve_offset(p: dict[str, str], ref: date) -> Resolved:
    """ "il y a deux semaines", "dans trois jours": counted from `ref` at the unit's precision."""
    n = _number(p["n"])
    if n is None:  # "il y a quelques jours": vague
        return Resolved(None, None, True)
    sign = -1 if p["dir"].startswith("il") else 1
    unit = p["unit"]
    if unit.startswith("jour"):
        return _day(ref + timedelta(days=sign * n), True)
    if unit.startswith("semaine"):
        return Resolved(iso_week(ref + timedelta(weeks=sign * n)), "week", True)
    if unit == "mois":
        return _ym(*shift_months(ref.year, ref.month, sign * n), True)
    return Resolved(f"{ref.year + sign * n:04d}", "year", True)


def resolve_text(
    text: str, ref: date | None, tense: Tense = None, anchor: str | None = None
) -> Resolved | None:
    """Resolve a text that is one temporal expression ("mardi dernier", "fin avril").

    Returns:
        The resolution, or None when the text is not exactly one expression.
    """
    exprs = find_expressions(text)
    stripped = text.strip()
    offset = text.index(stripped) if stripped else 0
    if len(exprs) != 1 or exprs[0].start != offset or exprs[0].end != offset + len(stripped):
        return None
    return resolve(exprs[0], ref, tense, anchor)
