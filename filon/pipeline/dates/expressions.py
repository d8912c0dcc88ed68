"""Finding French temporal expressions in text: the lexicons, the patterns and `find_expressions`.

Pure functions, no spaCy: `find_expressions(text)` returns the expressions of a text with
character offsets into it, a `kind` naming the pattern that matched and the named parts
matched ("y", "m", "d", "mod", "part", …), overlaps settled longest-first. What each kind is
worth is `filon.pipeline.dates.resolution`'s business; which rules hold (durations and clock
times are never matched, a bare "l'hiver" only after a preposition of time, …) is written there.

Patterns run on the accent-folded lowercase text (`fold_text`); the speed devices (guards,
paragraph ranges, the folding table) are explained where they are defined and checked against
the plain implementation by tests/test_dates_speed.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from filon.ingest.dateline import fold_text

__all__ = ["NUMBER_WORDS", "Expression", "find_expressions", "longest_first"]


@dataclass(frozen=True, slots=True)
class Expression:
    """A temporal expression found in a text: offsets into that text, its kind and its parts."""

    start: int
    end: int
    kind: str
    parts: dict[str, str] = field(default_factory=dict)


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

ENGLISH_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
_EN = "|".join(ENGLISH_MONTHS)
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

_L = r"(?<![\w'’-])"  # left word edge (not inside a word, not after an elision)
_R = r"(?![\w-])"  # right word edge
_LM = r"(?<![\w-])"  # left edge of a month name, which may follow an elision ("le mois d'avril")

# (kind, pattern) in no particular order: overlaps are settled longest-first.
# "plus tôt cette semaine", "plus tard cette année": the same period, the phrase taken whole
_EARLIER = rf"(?:plus{_S}(?:tot|tard){_S})?"
_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"(?<![\d./-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])"),
    (
        # English-format dates in French copy (wire translations, quoted communiqués), always
        # with their year: "May 12, 2025", "12 May 2025"
        "english_day",
        rf"{_L}(?P<m>{_EN}){_S}(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?,?{_S}(?P<y>{_Y})(?!\d)"
        rf"|{_L}(?P<d2>[12]\d|3[01]|0?[1-9]){_S}(?P<m2>{_EN}){_S}(?P<y2>{_Y})(?!\d)",
    ),
    (
        # the English order with a French month in translated or syndicated copy: "sept. 05, 2025"
        "month_day_year",
        rf"{_LM}(?P<m>{_M}|{_ABBR_MONTHS}){_S}(?P<d>[12]\d|3[01]|0?[1-9]),?{_S}(?P<y>{_Y})(?!\d)",
    ),
    (
        # "24/02/2025", "24.02.2025", and the two-digit year of short copy: "24/02/25"
        "numeric",
        rf"(?:{_L}le{_S})?(?<![\d./-])(?P<d>\d{{1,2}})(?P<sep>[/.])(?P<m>\d{{1,2}})(?P=sep)"
        rf"(?P<y>\d{{4}})(?![\d/]|\.\d)"
        rf"|(?:{_L}le{_S})?(?<![\d./-])(?P<d2>\d{{1,2}})/(?P<m2>\d{{1,2}})/(?P<y2>\d{{2}})(?![\d/]|\.\d)",
    ),
    (
        # a day and month without the year, only after "le" (a bare "3/5" is a ratio): "le 12/05"
        "numeric_dm",
        rf"{_L}le{_S}(?<![\d./-])(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?![\d/]|\.\d)",
    ),
    (
        "day_range",
        rf"{_L}(?:du{_S}|entre{_S}le{_S}|les{_S})?(?:(?:{_W}){_S})?{_D}(?:{_S})?(?:au|et{_S}le|et|-|–)(?:{_S})?"
        rf"(?:(?:{_W}){_S})?{_D}{_S}(?P<m>{_MD})(?:{_S}(?P<y>{_Y}))?{_R}",
    ),
    (
        # "le 22. juin 2023": a day written with a period, as in German copy
        "day_month",
        rf"{_L}(?:(?P<det>le|ce){_S})?(?:(?P<wd>{_W}),?{_S})?(?<![\d,.])(?P<d>{_D})\.?{_S}"
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
        rf"{_L}(?:la{_S}|le{_S})?(?P<part>fin|debut)(?:{_S}de{_S}l{_APO}|{_S}d{_APO}|{_S}de{_S}cette{_S})(?P<unit>annee)"
        rf"(?:{_S}(?P<mod>derniere|prochaine|passee|en{_S}cours))?{_R}"
        rf"|{_L}(?:la{_S}|le{_S})?(?P<part2>fin|debut)(?:{_S}du{_S}|{_S}de{_S}(?:ce{_S})?)(?P<unit2>mois|siecle)"
        rf"(?:{_S}(?P<mod2>dernier|prochain|passe|en{_S}cours))?{_R}"
        rf"|{_L}(?:la{_S}|le{_S})?(?P<part3>fin|debut)(?:{_S}de{_S}la{_S}|{_S}de{_S}(?:cette{_S})?)"
        rf"(?P<unit3>semaine|decennie)"
        rf"(?:{_S}(?P<mod3>derniere|prochaine|passee))?{_R}",
    ),
    (
        "month_year",
        rf"{_LM}(?P<m>{_M}|{_ABBR_MONTHS}){_S}(?P<y>{_Y})(?!\d)",
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
        # "le troisième anniversaire de l'invasion": the anchor's day moved by N years, once
        # the text dates the anchor (`filon.pipeline.dates.component`); alone, no value
        "anniversary",
        rf"{_L}(?P<ord>premier|1er|(?:deux|trois|quatr|cinqu|six|sept|huit|neuv|dix|onz|douz|vingt"
        rf"|trent|quarant|cinquant|soixant|centi)(?:ieme)|second|\d{{1,3}}(?:e|eme|ieme)){_S}anniversaire{_R}",
    ),
    (
        "day_word",
        rf"{_L}(?P<word>avant-hier|apres-demain|hier|demain|aujourd{_APO}hui)"
        rf"(?:{_S}(?P<tod>matin|soir|apres-midi|midi))?{_R}"
        rf"|{_L}(?P<word2>ce{_S}matin|ce{_S}soir|cet{_S}apres-midi|ce{_S}midi){_R}",
    ),
    (
        "week",
        rf"{_L}(?:{_EARLIER}(?P<det>cette){_S}semaine(?:-ci)?"
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
        rf"|{_EARLIER}ce{_S}mois(?:-ci)?){_R}",
    ),
    (
        "year_rel",
        rf"{_L}(?:l{_APO}(?:an|annee){_S}(?P<mod>derniere?|prochaine?|passee?|precedente?"
        rf"|suivante?)|{_EARLIER}cette{_S}annee(?:-ci)?|l{_APO}annee{_S}en{_S}cours){_R}",
    ),
    (
        "offset",
        rf"{_L}(?P<dir>il{_S}y{_S}a|dans){_S}(?P<n>{_N}){_S}(?P<unit>{_UNIT}){_R}",
    ),
    (
        # quarters and halves have no ISO form at our precisions: found, no value; their end or
        # start is a month ("la fin du premier trimestre 2023": 2023-03)
        "quarter",
        rf"{_L}(?:(?:la{_S})?(?P<qpart>fin|debut){_S}du{_S}|le{_S})?"
        rf"(?P<q>premier|1er|deuxieme|2e|second|troisieme|3e|quatrieme|dernier|4e)"
        rf"{_S}(?P<qunit>trimestre|semestre)(?:{_S}(?:de{_S}l{_APO}annee{_S})?(?P<y>{_Y})(?!\d))?{_R}",
    ),
    ("decade", rf"{_L}les{_S}annees{_S}(?:19|20)?\d0{_R}"),
    (
        "year_range",
        rf"{_L}(?:entre{_S}{_Y}{_S}et{_S}{_Y}|(?:de{_S})?{_Y}(?:{_S})?(?:a|au|-|–)(?:{_S})?{_Y})(?!\d)",
    ),
    (
        # seasons are ranges: found, a value only with their year (the precision the text
        # gives: "l'été 2020" is 2020). A bare "l'hiver" is taken only after a
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
        rf"|de{_SPACES}+(?:mois|siecle|semaine|decennie)|de{_SPACES}+la{_SPACES}+(?:semaine|decennie)"
        rf"|de{_SPACES}+ce{_SPACES}+mois|de{_SPACES}+cette{_SPACES}+(?:annee|semaine))"
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
    "numeric_dm": lambda text: "/" in text and _GUARD_RES["slash_digit"].search(text) is not None,
    "numeric": lambda text: (  # "24/02/2025", "24.02.2025"
        _GUARD_RES["dot_digit"].search(text) is not None
        or ("/" in text and _GUARD_RES["slash_digit"].search(text) is not None)
    ),
    "english_day": _any(*ENGLISH_MONTHS),
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
    "anniversary": _any("anniversaire"),
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
    "month_year": _DAY_MONTH_WORDS,
    "month": _MONTH_WORDS,
    "year": _DIGITS,
    "weekday": _WEEKDAY_WORDS,
    # guarded ones that share those words: the lines are looked up once per text
    "day_range": _DAY_MONTH_WORDS,
    "day_abbr": _DAY_MONTH_WORDS,
    "month_day_year": _DAY_MONTH_WORDS,
    "month_part": _MONTH_WORDS,
    "weekday_day": _WEEKDAY_WORDS,
    "iso": _DIGITS,
    "numeric": _DIGITS,
    "numeric_dm": _DIGITS,
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
            if kind == "day_month" and _sentence_cut(text, match):
                continue
            parts = {k: v for k, v in match.groupdict().items() if v is not None}
            found.append(Expression(match.start(), match.end(), kind, parts))
    return longest_first(found)


def _sentence_cut(text: str, match: re.Match[str]) -> bool:
    """"de 3. Mars 2024 a été …": a day written with a period ("22. juin") is one only when
    the month after it is lowercase; a capital opens a new sentence."""
    day_end = match.end("d")
    if day_end >= len(text) or text[day_end] != ".":
        return False
    month = match.start("m")
    return text[month : month + 1].isupper()


def longest_first(found: list[Expression]) -> list[Expression]:
    """The expressions that survive overlaps, longest first then earliest, in text order."""
    found = sorted(found, key=lambda e: (-(e.end - e.start), e.start))
    if any(e.end <= e.start for e in found):  # no pattern matches empty; kept for exactness
        kept: list[Expression] = []
        for expr in found:
            if all(expr.end <= k.start or k.end <= expr.start for k in kept):
                kept.append(expr)
        return sorted(kept, key=lambda e: e.start)
    # the kept spans are disjoint, so sorted by start their ends rise too: a span overlaps one
    # of them exactly when it overlaps the last one starting before its end (a bisection, where
    # a scan of every kept span made a text of many dates quadratic)
    starts: list[int] = []
    ends: list[int] = []
    by_start: list[Expression] = []
    for expr in found:
        k = bisect_left(starts, expr.end) - 1
        if k >= 0 and ends[k] > expr.start:
            continue
        starts.insert(k + 1, expr.start)
        ends.insert(k + 1, expr.end)
        by_start.insert(k + 1, expr)
    return by_start

