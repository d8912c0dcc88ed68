"""`filon_dates`: French temporal expressions resolved against the publication date.

Runs after `filon_entities`. Reads `doc._.filon_published` (ISO date; when it is None the
component tries the dateline at the top of the text and, if one is found, sets it) and writes
`doc._.filon_dates`, a list in text order of::

    {"text": "lundi 24 février", "start": 345, "end": 361, "value": "2025-02-24",
     "granularity": "day", "relative": True}

plus `"part": "start"|"mid"|"end"` for "début mai", "mi-mars", "fin avril". `value` is ISO 8601
at the text's precision ("2025-02-24", "2025-W09", "2025-03", "2025") or None for vague and range
expressions. Finding and resolving are pure functions (`filon.pipeline.dates.expressions`,
`filon.pipeline.dates.resolution`); this module adds what needs the parse: the tense of the
clause holding each expression (which "lundi" or "en mars" is meant; read in
`filon.pipeline.dates.tense`) and the filters that need syntax (a year used as a quantity,
"Mars" the planet, "aujourd'hui" meaning nowadays), and what needs the text around: the
anchors of anaphoric dates ("le lendemain", "de la même année"), the day of the sentence
for "au lendemain de X", and the week of a narrative told in the present after a weekday of
the week just past ("… lundi. Mardi n'est guère mieux").

Captions keep their dates: "le 24 février 2025" in a photo caption is a date of the article.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Token

from filon.domains.folding import fold
from filon.ingest.dateline import parse_dateline
from filon.pipeline.component import FilonComponent
from filon.pipeline.dates.expressions import Expression, find_expressions
from filon.pipeline.dates.resolution import WEEKDAYS, Resolved, Tense, resolve
from filon.pipeline.dates.tense import clause_tense, line_breaks
from filon.pipeline.extensions import doc_text, published_day, set_doc_extensions


class DateTagger(FilonComponent):
    """Find temporal expressions and resolve them against `doc._.filon_published`."""

    def __init__(self, nlp: Language, name: str = "filon_dates") -> None:
        self.name = name
        set_doc_extensions()

    # -- matching --------------------------------------------------------------------------------

    def match(self, doc: Doc) -> list[tuple[Expression, Tense]]:
        """Expressions worth emitting, each with the tense of its clause, in text order."""
        text = doc_text(doc)
        found = []
        breaks = line_breaks(text)
        for expr in find_expressions(text):
            if _is_noise(doc, expr, text):
                continue
            tense = clause_tense(doc, expr.start, expr.end, text, breaks)
            if tense == "past" and _DEADLINE.search(text[max(0, expr.start - 12) : expr.start]):
                # "s'était donné jusqu'au 1er août": a term set in the past may still lie ahead
                # of the article; the nearer of the dates it can be
                tense = "present"
            found.append((expr, tense))
        return found

    def set_annotations(self, doc: Doc, found: list[tuple[Expression, Tense]]) -> None:
        """Resolve each expression against the publication date and write `doc._.filon_dates`."""
        ref = _reference_date(doc)
        text = doc_text(doc)
        # "la veille" / "le lendemain" count from the last day the text named, else publication;
        # "de la même année" / "trois jours plus tard" from the last date of any precision
        anchor = ref
        last_value: str | None = None
        dates: list[dict] = []
        cuts = _SentenceCuts(text)
        last_day: dict | None = None  # the last item with a day's value
        last_weekday: date | None = None  # the day of the last bare weekday ("lundi")
        for expr, tense in found:
            if expr.kind == "day_word" and _is_generic_today(doc, expr, tense):
                continue
            if expr.kind == "anchored" and "of" in expr.parts:
                resolved = _anchored_to_an_event(cuts, expr, last_day)
            else:
                day_ref = anchor if expr.kind == "anchored" else ref
                resolved = resolve(expr, day_ref, tense, last_value)
                later = _later_that_week(expr, tense, ref, last_weekday)
                if later is not None:
                    resolved = Resolved(later.isoformat(), "day", True)
            if expr.kind == "weekday" and resolved.value and not _marked(expr):
                last_weekday = date.fromisoformat(resolved.value)
            if resolved.granularity == "day" and resolved.value:
                anchor = date.fromisoformat(resolved.value)
            if resolved.value:
                last_value = resolved.value
            item = {
                "text": text[expr.start : expr.end],
                "start": expr.start,
                "end": expr.end,
                "value": resolved.value,
                "granularity": resolved.granularity,
                "relative": resolved.relative,
            }
            if resolved.part:
                item["part"] = resolved.part
            dates.append(item)
            if resolved.granularity == "day" and resolved.value:
                last_day = item
        _anchor_on_the_next_date(cuts, dates)
        _anniversaries(cuts, text, dates, ref)
        doc._.filon_dates = _join_deixis(text, dates)


_ORDINALS = {"premier": 1, "1er": 1, "second": 2, "deuxieme": 2, "troisieme": 3, "quatrieme": 4,
             "cinquieme": 5, "sixieme": 6, "septieme": 7, "huitieme": 8, "neuvieme": 9,
             "dixieme": 10, "onzieme": 11, "douzieme": 12, "vingtieme": 20, "trentieme": 30,
             "quarantieme": 40, "cinquantieme": 50, "soixantieme": 60, "centieme": 100}
_ANNIVERSARY = re.compile(r"^(\S+)\s+anniversaire$")
_ANCHOR_NOUN = re.compile(r"\s*(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*([^\W\d_]{4,})")


def _later_that_week(expr: Expression, tense: Tense, ref: date | None, last: date | None) -> date | None:
    """A weekday told in the present (or with no verb) after another one of the past week, and
    later in that week, is that week's: "… a fait chuter l'action lundi. Mardi n'est guère
    mieux. Le coup de boutoir intervient mercredi" written on a Sunday is the Monday, Tuesday
    and Wednesday just past, not the days to come. None when the rule does not apply."""
    if expr.kind != "weekday" or tense not in ("present", None) or _marked(expr) or ref is None \
            or last is None or last >= ref:
        return None
    day = last + timedelta(days=WEEKDAYS[expr.parts["wd"]] - last.weekday())
    return day if last < day <= ref else None


def _marked(expr: Expression) -> bool:
    """"lundi dernier", "ce mardi": a weekday placed by a word of its own, not by the narrative."""
    return bool(expr.parts.get("mod") or expr.parts.get("det"))


def _years_later(value: str, years: int) -> str | None:
    """An ISO day, month or year moved by `years` (29 February falls on the 28th)."""
    try:
        year = int(value[:4]) + years
        if len(value) == 10:
            month, day_ = int(value[5:7]), int(value[8:10])
            return date(year, month, min(day_, 28) if (month, day_) == (2, 29) else day_).isoformat()
        return f"{year:04d}{value[4:7]}" if len(value) == 7 else f"{year:04d}"
    except ValueError:
        return None


def _anniversaries(cuts: _SentenceCuts, text: str, dates: list[dict], ref: date | None) -> None:
    """ "le troisième anniversaire de l'invasion": the anchor's date plus three years, when the
    text dates the anchor: right after it ("… de l'invasion du 24 février 2022"), or in an
    earlier sentence that names the same noun with a date ("l'invasion, le 24 février 2022").
    A date in apposition ("le 24 février 2025, troisième anniversaire de …") is the day itself;
    an anniversary more than a year after publication is a misread anchor and gets no value."""
    for k, item in enumerate(dates):
        found = _ANNIVERSARY.match(fold(item["text"]).lower())
        if found is None or item["value"] is not None:
            continue
        years = _ORDINALS.get(found.group(1))
        if years is None:
            digits = re.match(r"\d+", found.group(1))
            years = int(digits.group()) if digits else None
        if not years:
            continue
        before = dates[k - 1] if k else None
        if before and before["value"] and text[before["end"] : item["start"]].strip(" ,") in ("", "le", "du"):
            item["value"], item["granularity"] = before["value"], before["granularity"]
            continue
        noun = _ANCHOR_NOUN.match(text, item["end"])
        anchor = _anchor_of(cuts, text, dates, k, fold(noun.group(1)).lower() if noun else None)
        value = _years_later(anchor["value"], years) if anchor else None
        if value is not None and (ref is None or int(value[:4]) <= ref.year + 1):
            item["value"], item["granularity"] = value, anchor["granularity"]


def _anchor_of(cuts: _SentenceCuts, text: str, dates: list[dict], k: int, noun: str | None) -> dict | None:
    """The dated anchor of the anniversary `dates[k]`: the next date of its sentence, else the
    last earlier date whose sentence names `noun`."""
    item = dates[k]
    for following in dates[k + 1 :]:
        if following["start"] - item["end"] > 80 or cuts.sentence_start(following["start"]) > item["start"]:
            break
        if following["value"] and len(following["value"]) in (4, 7, 10):
            return following
    if noun is None:
        return None
    for earlier in reversed(dates[:k]):
        if not earlier["value"] or len(earlier["value"]) not in (4, 7, 10):
            continue
        # the noun names the anchor just before its date ("l'invasion, lancée le 24 février
        # 2022"), not anywhere in a sentence that happens to hold a date
        start = max(cuts.sentence_start(earlier["start"]), earlier["start"] - 60)
        if noun in fold(text[start : earlier["start"]]).lower():
            return earlier
    return None


_DEIXIS = frozenset({"hier", "demain", "aujourd'hui", "aujourd’hui", "avant-hier", "après-demain"})


def _join_deixis(text: str, dates: list[dict]) -> list[dict]:
    """ "hier mercredi 17 mai", "demain, 13 mars": a day word and the date that spells it out
    are one mention, with the spelled-out date's value (it does not depend on when the copy
    was published)."""
    out: list[dict] = []
    for item in dates:
        prev = out[-1] if out else None
        if (prev is not None and prev["text"].lower() in _DEIXIS and item["granularity"] == "day"
                and item["value"] and text[prev["end"] : item["start"]] in (" ", ", ", ",")):
            out[-1] = {**item, "text": text[prev["start"] : item["end"]], "start": prev["start"]}
            continue
        out.append(item)
    return out


# days between "au lendemain de X" (and kin) and X
_SHIFTS = (("surlendemain", 2), ("avant-veille", -2), ("lendemain", 1), ("veille", -1))


def _anchor_on_the_next_date(cuts: _SentenceCuts, dates: list[dict]) -> None:
    """ "au lendemain du sommet du 12 mai": X carries its own day, named right after the
    expression in the same sentence; the expression is that day moved by one."""
    for item, following in pairwise(dates):
        if item["value"] is not None or following["granularity"] != "day" or not following["value"]:
            continue
        if following["start"] - item["end"] > 60 or \
                cuts.sentence_start(following["start"]) > item["start"]:
            continue
        low = item["text"].lower()
        shift = next((days for word, days in _SHIFTS if word in low), None)
        if shift is not None:
            day = date.fromisoformat(following["value"]) + timedelta(days=shift)
            item["value"], item["granularity"] = day.isoformat(), "day"


def _anchored_to_an_event(cuts: _SentenceCuts, expr: Expression, last_day: dict | None) -> Resolved:
    """ "au lendemain de X" / "à la veille de X": the day of the clause's own event.

    The expression places the sentence's event the day after (before) X, and X is not a date;
    so its day is the day the same sentence names before it ("La Chine a annoncé mardi …, au
    lendemain de nouvelles restrictions" -> Tuesday). Without such a day ("La veille du
    sommet, rien n'avait filtré") there is no value.
    """
    if last_day is not None and last_day["start"] >= cuts.sentence_start(expr.start):
        return Resolved(last_day["value"], "day", True)
    return Resolved(None, None, True)


class _SentenceCuts:
    """Where sentences start in a text, cut at a line break or a final stop.

    A stop after an initial ("M. Bessent") cuts too early, which can only lose a value. The
    marks are found once per text (on first use) and each look-up is a bisection: a search back
    from every anchored date made a long text of them quadratic.
    """

    MARKS = (". ", "! ", "? ", "\n")

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: list[list[int]] | None = None  # per mark: the offset of each occurrence

    def sentence_start(self, position: int) -> int:
        """Start of the sentence holding `position`: after the last mark that ends by then."""
        if self._found is None:
            self._found = [[m.start() for m in re.finditer(re.escape(mark), self.text)]
                           for mark in self.MARKS]
        last = -1
        for mark, found in zip(self.MARKS, self._found, strict=True):
            k = bisect_right(found, position - len(mark))
            if k:
                last = max(last, found[k - 1])
        return last + 1


def _reference_date(doc: Doc) -> date | None:
    """Publication date from `doc._.filon_published`, else from the dateline (and record it)."""
    published = doc._.filon_published
    if not published:
        published = parse_dateline(doc_text(doc))
        if published:
            doc._.filon_published = published
    return published_day(doc)


# -- syntax-aware filters and tense --------------------------------------------------------------


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _is_noise(doc: Doc, expr: Expression, text: str) -> bool:
    """Matches that the lexicon allows but the context rules out (`text` is the doc's)."""
    if expr.kind in ("month", "weekday"):
        surface = text[expr.start : expr.end]
        # French months and weekdays are lowercase: "Mars" (the planet), "Avril" (a name) or
        # "le Journal du Dimanche" mid-sentence are names.
        if surface[:1].isupper() and not _sentence_initial(text, expr.start):
            return True
    if expr.kind == "year":
        after = text[expr.end : expr.end + 2].strip()
        if after[:1] in ("%", "€", "$", "£"):
            return True
        for token in _tokens(doc, expr.start, expr.end):
            # "2000 tonnes", "1500 soldats": a number before its noun is a quantity; after it
            # ("à l'horizon 2030", "le budget 2025") it is still a year
            if (
                token.like_num
                and token.dep_ == "nummod"
                and token.head.pos_ == "NOUN"
                and token.i < token.head.i
            ):
                return True
    return False


# a term before the date ("jusqu'au", "d'ici au"): the date is a deadline ("avant le" is not
# one: "avait été signé avant le 30 avril" tells a past)
_DEADLINE = re.compile(r"(?:jusqu['’](?:au|à|a)|d['’]ici(?: au| le| à)?)\s*$", re.IGNORECASE)


_OPENING = frozenset(' \t\u00a0\u202f«"“(')


def _sentence_initial(text: str, start: int) -> bool:
    # a scan back rather than text[:start].rstrip(…): no copy of the text before each date
    k = start
    while k > 0 and text[k - 1] in _OPENING:
        k -= 1
    return k == 0 or text[k - 1] in ".!?\n:"


def _is_generic_today(doc: Doc, expr: Expression, tense: Tense) -> bool:
    """ "aujourd'hui" meaning nowadays ("la Russie d'aujourd'hui", "Aujourd'hui, la Chine
    contrôle …") rather than the publication day ("a annoncé aujourd'hui")."""
    word = expr.parts.get("word", "")
    if not word.startswith("aujourd"):
        return False
    before = doc_text(doc)[max(0, expr.start - 8) : expr.start].lower()
    if before.endswith(("d'", "d’", "jusqu'à ", "jusqu’à ", "jusqu'", "jusqu’")):
        return True
    after = doc_text(doc)[expr.end : expr.end + 8].lower()
    if after.lstrip().startswith("encore"):
        return True
    # sentence-initial "Aujourd'hui," opening a clause not in the past is the generic present
    # ("Aujourd'hui, la Chine contrôle …"); "Aujourd'hui, le ministre a annoncé …" is the day
    return bool(tense != "past" and _sentence_initial(doc_text(doc), expr.start) and after.startswith(","))


@Language.factory("filon_dates")
def make_dates(nlp: Language, name: str) -> DateTagger:
    """Factory of the `filon_dates` component (entry point `spacy_factories`)."""
    return DateTagger(nlp, name)
