"""Resolving French temporal expressions against a reference date.

Pure functions, no spaCy, so every rule is unit-testable: `resolve(expression, ref, tense)`
turns an expression found by `filon.pipeline.dates.expressions.find_expressions` into an ISO
8601 value at the precision the text gives; `resolve_text` does both for a text that is one
expression.

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

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from filon.ingest.dateline import MONTHS, WEEKDAYS
from filon.pipeline.dates.expressions import ENGLISH_MONTHS, NUMBER_WORDS, Expression, find_expressions

__all__ = [
    "Resolved",
    "Tense",
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
class Resolved:
    """The value of an expression: ISO 8601 at the text's precision, or None when vague."""

    value: str | None
    granularity: Granularity | None
    relative: bool
    part: str | None = None  # "start" | "mid" | "end" for "début avril", "mi-mars", "fin avril"


# Modifiers and parts of a month or unit, as the patterns capture them (folded).
_PAST_MODS = {"dernier", "derniere", "passe", "passee"}
_NEXT_MODS = {"prochain", "prochaine"}
_PARTS = {"debut": "start", "mi": "mid", "fin": "end", "courant": None}
# Ordinals of quarters and halves, as the patterns capture them (folded).
_ORDINALS = {"premier": 1, "1er": 1, "deuxieme": 2, "2e": 2, "second": 2, "troisieme": 3, "3e": 3,
             "quatrieme": 4, "4e": 4}


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
        if "y2" in p:  # "24/02/25": this century
            return _day(_valid(2000 + int(p["y2"]), int(p["m2"]), int(p["d2"])), False)
        return _day(_valid(int(p["y"]), int(p["m"]), int(p["d"])), False)
    if kind == "english_day":
        year, month, day_ = (p.get("y") or p["y2"]), (p.get("m") or p["m2"]), (p.get("d") or p["d2"])
        return _day(_valid(int(year), ENGLISH_MONTHS[month], int(day_)), False)
    if kind in ("day_abbr", "month_day_year") or (kind == "day_month" and "y" in p):
        return _day(_valid(int(p["y"]), MONTHS[p["m"].rstrip(".")], _day_number(p["d"])), False)
    if kind == "month_year" or (kind == "month_part" and "y" in p):
        return _ym(int(p["y"]), MONTHS[p["m"].rstrip(".")], False, _PARTS.get(p.get("part", "")))
    if kind == "year":
        return Resolved(p["y"], "year", False)
    if kind == "year_part":
        return Resolved(p["y"], "year", False, _PARTS[p["part"]])
    if kind == "quarter" and "qpart" in p and ("y" in p or ref is not None):
        # "la fin du premier trimestre 2023": a month; the quarter itself is a range
        size = 3 if p["qunit"] == "trimestre" else 6
        n = _ORDINALS[p["q"]] if p["q"] != "dernier" else 12 // size
        month = n * size if p["qpart"] == "fin" else (n - 1) * size + 1
        year = int(p["y"]) if "y" in p else ref.year
        if 1 <= month <= 12:
            return _ym(year, month, "y" not in p, _PARTS[p["qpart"]])
    if kind in ("day_range", "night_range", "weekday_narrative", "vague", "quarter", "decade"):
        return Resolved(None, None, "y" not in p)
    if kind == "season":  # a range; with its year, that year is the precision the text gives
        year = p.get("y") or p.get("y2") or p.get("y3")
        return Resolved(year, "year", False) if year else Resolved(None, None, True)
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
    if kind == "numeric_dm":
        day_, month = int(p["d"]), int(p["m"])
        if not (1 <= month <= 12 and 1 <= day_ <= 31):
            return Resolved(None, None, True)
        return _day(resolve_day_month(day_, month, ref, None, None, tense, None), True)
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
