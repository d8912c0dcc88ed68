"""Publication dates from wire datelines and written-out dates.

Pure functions, no spaCy: ingest calls `parse_dateline` to fill `Article.published` when the
metadata gives none, and the `filon_dates` component shares the month and weekday lexicons.

A dateline is the place-and-date header that agencies put before the first sentence::

    MOSCOU, 24 fév 2025 (AFP) -
    KIEV, 30 avril 2025 (Reuters) -
    Paris, le 3 mars 2025 -
    WASHINGTON, Feb 24, 2025 (Reuters) -
    Publié le 24/02/2025 à 18h32

A sentence that merely opens on a date ("Le 3 mars 2025, le ministre a ...") is not a dateline:
the date must be closed by the dash (optionally after a clock time and an agency in
parentheses) or opened by "Publié le" / "Mis en ligne le".
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

__all__ = [
    "DATELINE",
    "MONTHS",
    "WEEKDAYS",
    "fold_text",
    "month_number",
    "parse_dateline",
    "parse_french_date",
    "weekday_number",
]


# a wire dateline: place (country), date ("10 novembre" too) or agency, then a dash, at the very
# top of the text; group 1 is the whole header, group 2 its place
DATELINE = re.compile(
    r"^\s*(([A-ZÀ-Ý][\w' .-]*?)(?:\s*\([^()\n]{1,30}\))?,[^\n]{0,50}?"
    r"(?:\d|\([\w .]{2,20}\)|\d{1,2}(?:er)?\s+[a-zéû]{3,9}\.?)\s*(?:--|[-—–]))\s"
)


def _fold(word: str) -> str:
    """Lowercase and strip accents and a final period, so "Févr." and "fevr" look alike."""
    word = unicodedata.normalize("NFD", word.strip().lower().rstrip("."))
    return "".join(ch for ch in word if unicodedata.category(ch) != "Mn")


# Month names and the abbreviations French (and English) wires print, keyed by folded form.
# "mar" is left out on purpose: in French it is also the start of "mardi" and too short to trust.
MONTHS: dict[str, int] = {
    # French, full then abbreviated (AFP uses "fév", "janv", "sept"; Le Monde "févr.")
    "janvier": 1, "janv": 1, "jan": 1,
    "fevrier": 2, "fevr": 2, "fev": 2,
    "mars": 3,
    "avril": 4, "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7, "juil": 7,
    "aout": 8,
    "septembre": 9, "sept": 9, "sep": 9,
    "octobre": 10, "oct": 10,
    "novembre": 11, "nov": 11,
    "decembre": 12, "dec": 12,
    # English, for Reuters/AP datelines in English copy
    "january": 1, "february": 2, "feb": 2, "march": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "october": 10, "november": 11, "december": 12,
}  # fmt: skip

# Weekday number as in `date.weekday()` (Monday = 0).
WEEKDAYS: dict[str, int] = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip


def month_number(word: str) -> int | None:
    """Month number (1-12) of a French or English month name or abbreviation, else None."""
    return MONTHS.get(_fold(word))


def weekday_number(word: str) -> int | None:
    """Weekday number (Monday = 0) of a French or English weekday name, else None."""
    return WEEKDAYS.get(_fold(word))


# Longest alternatives first so that "fevrier" wins over "fev" inside the regex.
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_ALT = "|".join(WEEKDAYS)
_DASH = r"[-‐‑‒–—―]"
_SP = r"[ \t\u00a0\u202f]"

# "24 février 2025", "1er mai 2025", "lundi 24 fév. 2025", "24/02/2025", "2025-02-24",
# "Feb 24, 2025". Matched on the accent-folded, lowercased line (same length as the original).
_DATE = (
    rf"(?:(?:{_WEEKDAY_ALT}),?{_SP}+)?"
    r"(?:"
    rf"(?P<d1>\d{{1,2}})(?:er)?{_SP}+(?P<m1>{_MONTH_ALT})\.?,?{_SP}+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH_ALT})\.?{_SP}+(?P<d2>\d{{1,2}}),?{_SP}+(?P<y2>\d{{4}})"
    r"|(?P<d3>\d{1,2})[/.](?P<m3>\d{1,2})[/.](?P<y3>\d{4})"
    r"|(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2})"
    r")"
)
# Optional clock time after the date: "14:35", "14h35", "à 18h32", "at 2:35 pm", "GMT".
_TIME = (
    rf"(?:{_SP}*(?:,|a|at)?{_SP}*\d{{1,2}}[:h]\d{{2}}(?:{_SP}*(?:am|pm))?"
    rf"(?:{_SP}*\(?(?:gmt|utc|cet|heure de paris)\)?)?)?"
)
# Agency in parentheses: short, letters only ("AFP", "Reuters", "Belga", "AFP/Reuters").
_AGENCY = rf"(?:{_SP}*\([a-z][a-z /&.-]{{1,30}}\))?"
# Place before the date: a few words, no sentence punctuation, at most ~60 characters.
_PLACE = r"[^\W\d_][^.!?;:\n\"«»()]{0,60}?"

_DATELINE = re.compile(
    rf"^{_SP}*{_PLACE}{_SP}*(?:\(?[a-z /&.-]{{2,30}}\)?{_SP}*)?,{_SP}*(?:le{_SP}+)?{_DATE}"
    rf"{_TIME}{_AGENCY}{_SP}*{_DASH}"
)
# The same without a place: "24 février 2025 (AFP) -".
_BARE_DATELINE = re.compile(rf"^{_SP}*(?:le{_SP}+)?{_DATE}{_TIME}{_AGENCY}{_SP}*{_DASH}")
# Web page stamps: "Publié le 24 février 2025 à 18h32", "Mis en ligne le 24/02/2025".
_STAMP = re.compile(
    rf"^{_SP}*(?:publie|mis en ligne|mise en ligne|published|posted)(?:{_SP}+(?:le|on))?"
    rf"{_SP}*:?{_SP}*{_DATE}"
)
# A line that is only a date (and a clock time): a page's date stamp above the text.
_ALONE = re.compile(rf"^{_SP}*(?:le{_SP}+)?{_DATE}{_TIME}{_SP}*$")
_WRITTEN = re.compile(rf"(?:^|(?<=\W)){_DATE}(?=\W|$|t\d)")  # "2025-02-24T10:00" keeps its date

# A dateline sits in the first lines; a title may come before it.
_MAX_LINES = 3


def fold_text(text: str) -> str:
    """Lowercase and strip accents character by character: the result has the same length.

    Patterns run on the folded text and their offsets hold in the original.
    """
    return "".join(map(_fold_char, text))


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    # memoized: a text has few distinct characters, and this runs on every character of
    # every article
    base = unicodedata.normalize("NFD", ch.lower())
    kept = "".join(c for c in base if unicodedata.category(c) != "Mn")
    # keep one character per input character so match offsets hold in the original
    return kept[:1] if len(kept) >= 1 else ch


def _iso_from_match(match: re.Match[str]) -> str | None:
    """ISO date from a `_DATE` match, or None when the day does not exist."""
    groups = match.groupdict()
    for i in "1234":
        day, month, year = groups.get(f"d{i}"), groups.get(f"m{i}"), groups.get(f"y{i}")
        if day and month and year:
            month_no = int(month) if month.isdigit() else MONTHS.get(month.rstrip("."))
            if month_no is None:
                return None
            try:
                return date(int(year), month_no, int(day)).isoformat()
            except ValueError:  # "31 février", "2025-13-01"
                return None
    return None


def parse_dateline(text: str) -> str | None:
    """Publication date of an article from its dateline, as an ISO date.

    Looks at the first three non-empty lines for a wire dateline ("MOSCOU, 24 fév 2025
    (AFP) -", "Paris, le 3 mars 2025 -", "WASHINGTON, Feb 24, 2025 (Reuters) -"), a web
    stamp ("Publié le 24/02/2025 à 18h32") or a line holding nothing but a date
    ("Lundi 24 février 2025").

    Args:
        text: the article text (normalized or not).

    Returns:
        "YYYY-MM-DD", or None when no line is a dateline with a full date (a dateline without a
        year, such as "KIEV, 30 avril (Reuters) -", gives None: the year cannot be known).
    """
    lines = [line for line in text.splitlines() if line.strip()][:_MAX_LINES]
    for line in lines:
        folded = fold_text(line[:300])
        for pattern in (_DATELINE, _BARE_DATELINE, _STAMP, _ALONE):
            match = pattern.match(folded)
            if match:
                value = _iso_from_match(match)
                if value:
                    return value
    return None


def parse_french_date(text: str) -> str | None:
    """ISO date of a written-out date such as "24 février 2025", "lundi 1er mai 2025", "24/02/2025".

    Meant for metadata fields (a `published:` header), not for running text: the first full date
    found in `text` is returned.

    Returns:
        "YYYY-MM-DD", or None when `text` holds no complete, valid date.
    """
    match = _WRITTEN.search(fold_text(text))
    return _iso_from_match(match) if match else None
