"""The pure functions of `filon.pipeline.dates.expressions` and `.resolution`: finding
expressions and resolving them.

No spaCy model here: every rule is checked on expression text and a reference date.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from filon.ingest.dateline import fold_text
from filon.pipeline.dates.expressions import find_expressions
from filon.pipeline.dates.resolution import (
    iso_week,
    resolve,
    resolve_day_month,
    resolve_month,
    resolve_text,
    resolve_weekday,
)

WEDNESDAY = date(2025, 2, 26)
WEEKDAY_NAMES = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def value(text: str, ref: date, tense=None) -> str | None:
    resolved = resolve_text(text, ref, tense)
    assert resolved is not None, f"{text!r} is not one expression"
    return resolved.value


# -- weekdays, for each day relative to a Wednesday publication ---------------------------------


@pytest.mark.parametrize(
    ("name", "past", "future", "last", "next_"),
    [
        ("lundi", "2025-02-24", "2025-03-03", "2025-02-24", "2025-03-03"),
        ("mardi", "2025-02-25", "2025-03-04", "2025-02-25", "2025-03-04"),
        ("mercredi", "2025-02-26", "2025-02-26", "2025-02-19", "2025-03-05"),
        ("jeudi", "2025-02-20", "2025-02-27", "2025-02-20", "2025-02-27"),
        ("vendredi", "2025-02-21", "2025-02-28", "2025-02-21", "2025-02-28"),
        ("samedi", "2025-02-22", "2025-03-01", "2025-02-22", "2025-03-01"),
        ("dimanche", "2025-02-23", "2025-03-02", "2025-02-23", "2025-03-02"),
    ],
)
def test_temporal_weekday_relative_to_publication(name, past, future, last, next_) -> None:
    assert value(name, WEDNESDAY, "past") == past
    assert value(name, WEDNESDAY, None) == past  # unknown tense reads as wire-copy past
    assert value(name, WEDNESDAY, "future") == future
    assert value(f"{name} dernier", WEDNESDAY) == last
    assert value(f"{name} prochain", WEDNESDAY) == next_


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("lundi", "2025-02-24"),  # two days back beats five ahead
        ("mardi", "2025-02-25"),
        ("mercredi", "2025-02-26"),
        ("jeudi", "2025-02-27"),  # one day ahead beats six back
        ("vendredi", "2025-02-28"),
        ("samedi", "2025-03-01"),
        ("dimanche", "2025-02-23"),
    ],
)
def test_temporal_weekday_in_present_is_the_nearer(name: str, expected: str) -> None:
    assert value(name, WEDNESDAY, "present") == expected


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        ("mardi 25", date(2025, 2, 26), "2025-02-25"),
        ("samedi 1er", date(2025, 2, 26), "2025-03-01"),
        ("mardi 31", date(2025, 1, 2), "2024-12-31"),
        ("le vendredi 28", date(2025, 3, 3), "2025-02-28"),
    ],
)
def test_temporal_weekday_with_day_number(text: str, ref: date, expected: str) -> None:
    assert value(text, ref) == expected


def test_temporal_weekday_with_clock_time_is_not_a_day_number() -> None:
    text = "Il partira mardi 14h pour Kiev."
    assert [text[e.start : e.end] for e in find_expressions(text)] == ["mardi"]


def test_temporal_weekday_across_month_end() -> None:
    saturday = date(2025, 3, 1)
    assert value("vendredi", saturday, "past") == "2025-02-28"
    assert value("lundi", saturday, "future") == "2025-03-03"


def test_temporal_weekday_across_year_end() -> None:
    thursday = date(2025, 1, 2)
    assert value("mardi dernier", thursday) == "2024-12-31"
    assert value("lundi", thursday, "past") == "2024-12-30"
    assert value("dimanche", date(2024, 12, 30), "future") == "2025-01-05"


def test_temporal_resolve_weekday_same_day() -> None:
    assert resolve_weekday(2, WEDNESDAY) == WEDNESDAY
    assert resolve_weekday(2, WEDNESDAY, "future") == WEDNESDAY
    assert resolve_weekday(2, WEDNESDAY, mod="dernier") == WEDNESDAY - timedelta(days=7)


# -- day and month without a year ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ref", "tense", "expected"),
    [
        ("28 décembre", date(2025, 1, 3), None, "2024-12-28"),
        ("le 28 décembre", date(2025, 1, 3), "past", "2024-12-28"),
        ("le 3 janvier", date(2024, 12, 30), None, "2025-01-03"),
        ("le 3 janvier", date(2024, 12, 30), "future", "2025-01-03"),
        ("le 30 avril", date(2025, 2, 24), None, "2025-04-30"),
        ("le 30 avril", date(2025, 2, 24), "future", "2025-04-30"),
        ("le 30 avril", date(2025, 2, 24), "past", "2024-04-30"),
        ("le 30 avril dernier", date(2025, 2, 24), None, "2024-04-30"),
        ("1er mai", date(2025, 4, 20), None, "2025-05-01"),
        ("le premier mai", date(2025, 4, 20), None, "2025-05-01"),
        ("31 janvier", date(2025, 2, 1), None, "2025-01-31"),
        ("le 1er mars", date(2025, 2, 28), "future", "2025-03-01"),
    ],
)
def test_temporal_day_month_year_boundaries(text, ref, tense, expected) -> None:
    assert value(text, ref, tense) == expected


def test_temporal_weekday_picks_the_year() -> None:
    # 28 December 2024 was a Saturday; the weekday confirms the previous year
    assert value("samedi 28 décembre", date(2025, 1, 3)) == "2024-12-28"
    assert value("lundi 24 février", date(2025, 2, 26)) == "2025-02-24"
    # written in June 2025, "lundi 30 décembre" fits 2024 (a Monday), not 2025 (a Tuesday)
    assert value("lundi 30 décembre", date(2025, 6, 1)) == "2024-12-30"


def test_temporal_late_copy_slack() -> None:
    # past tense one day after publication: late copy, same year, not a year back
    assert resolve_day_month(25, 2, date(2025, 2, 24), tense="past") == date(2025, 2, 25)


def test_temporal_impossible_day_has_no_value() -> None:
    assert resolve_day_month(31, 4, date(2025, 2, 24)) is None
    assert value("29 février", date(2024, 3, 10)) == "2024-02-29"


# -- months --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ref", "tense", "expected", "part"),
    [
        ("mars", date(2025, 2, 24), None, "2025-03", None),
        ("mars", date(2025, 2, 24), "past", "2024-03", None),
        ("mars", date(2025, 2, 24), "future", "2025-03", None),
        ("mars dernier", date(2025, 2, 24), None, "2024-03", None),
        ("novembre", date(2025, 2, 24), None, "2024-11", None),
        ("janvier", date(2025, 12, 10), None, "2026-01", None),
        ("fin décembre", date(2025, 1, 8), None, "2024-12", "end"),
        ("fin décembre", date(2025, 1, 8), "future", "2025-12", "end"),
        ("fin avril", date(2025, 2, 24), None, "2025-04", "end"),
        ("début mai", date(2025, 2, 24), None, "2025-05", "start"),
        ("mi-mars", date(2025, 2, 24), None, "2025-03", "mid"),
        ("fin avril 2024", date(2025, 2, 24), None, "2024-04", "end"),
        ("mars 2024", date(2025, 2, 24), None, "2024-03", None),
    ],
)
def test_temporal_months(text, ref, tense, expected, part) -> None:
    resolved = resolve_text(text, ref, tense)
    assert resolved is not None
    assert (resolved.value, resolved.granularity, resolved.part) == (expected, "month", part)


def test_temporal_resolve_month_same_month_past() -> None:
    assert resolve_month(2, date(2025, 2, 24), tense="past") == (2025, 2)
    assert resolve_month(2, date(2025, 2, 24), mod="dernier") == (2024, 2)


# -- ISO weeks across year ends -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        ("cette semaine", date(2024, 12, 30), "2025-W01"),
        ("la semaine dernière", date(2024, 12, 30), "2024-W52"),
        ("cette semaine", date(2021, 1, 3), "2020-W53"),
        ("la semaine prochaine", date(2021, 1, 3), "2021-W01"),
        ("la semaine dernière", date(2025, 1, 2), "2024-W52"),
        ("la semaine prochaine", date(2025, 12, 24), "2026-W01"),
        ("il y a deux semaines", date(2025, 1, 8), "2024-W52"),
        ("dans une semaine", date(2026, 12, 28), "2027-W01"),
    ],
)
def test_temporal_iso_weeks_across_year_end(text, ref, expected) -> None:
    resolved = resolve_text(text, ref)
    assert resolved is not None
    assert (resolved.value, resolved.granularity) == (expected, "week")


def test_temporal_iso_week_of_a_day() -> None:
    assert iso_week(date(2027, 1, 1)) == "2026-W53"
    assert iso_week(date(2025, 2, 24)) == "2025-W09"


@pytest.mark.parametrize(
    ("ref", "tense", "expected"),
    [
        (date(2025, 2, 24), "past", "2025-W08"),  # Monday, past: the week-end just gone
        (date(2025, 2, 24), "future", "2025-W09"),  # Monday, future: the coming one
        (date(2025, 2, 22), None, "2025-W08"),  # on a Saturday: this one
        (date(2025, 2, 23), "past", "2025-W08"),  # on a Sunday: this one
    ],
)
def test_temporal_weekend(ref, tense, expected) -> None:
    assert value("ce week-end", ref, tense) == expected


# -- words for days, offsets, years ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ref", "expected", "granularity"),
    [
        ("hier", date(2025, 3, 1), "2025-02-28", "day"),
        ("hier", date(2024, 3, 1), "2024-02-29", "day"),
        ("avant-hier", date(2025, 1, 1), "2024-12-30", "day"),
        ("demain", date(2025, 12, 31), "2026-01-01", "day"),
        ("après-demain", date(2025, 2, 27), "2025-03-01", "day"),
        ("aujourd'hui", date(2025, 2, 24), "2025-02-24", "day"),
        ("aujourd’hui", date(2025, 2, 24), "2025-02-24", "day"),
        ("hier soir", date(2025, 2, 24), "2025-02-23", "day"),
        ("il y a trois jours", date(2025, 3, 2), "2025-02-27", "day"),
        ("il y a 10 jours", date(2025, 1, 5), "2024-12-26", "day"),
        ("il y a deux mois", date(2025, 1, 15), "2024-11", "month"),
        ("il y a un an", date(2025, 2, 24), "2024", "year"),
        ("dans trois mois", date(2025, 11, 3), "2026-02", "month"),
        ("le mois dernier", date(2025, 1, 15), "2024-12", "month"),
        ("le mois prochain", date(2025, 12, 15), "2026-01", "month"),
        ("ce mois-ci", date(2025, 2, 24), "2025-02", "month"),
        ("l'an dernier", date(2025, 2, 24), "2024", "year"),
        ("l'année prochaine", date(2025, 2, 24), "2026", "year"),
        ("cette année", date(2025, 2, 24), "2025", "year"),
        ("2025", date(2025, 2, 24), "2025", "year"),
        ("fin 2025", date(2025, 2, 24), "2025", "year"),
        ("la fin de l'année", date(2025, 2, 24), "2025", "year"),
        ("24/02/2025", date(2026, 1, 1), "2025-02-24", "day"),
        ("24.02.2025", date(2026, 1, 1), "2025-02-24", "day"),
        ("2025-02-24", date(2026, 1, 1), "2025-02-24", "day"),
        ("le 24 février 2025", date(2026, 1, 1), "2025-02-24", "day"),
        ("lundi 24 février 2025", date(2026, 1, 1), "2025-02-24", "day"),
    ],
)
def test_temporal_words_offsets_absolutes(text, ref, expected, granularity) -> None:
    resolved = resolve_text(text, ref)
    assert resolved is not None
    assert (resolved.value, resolved.granularity) == (expected, granularity)


def test_temporal_absolute_dates_need_no_reference() -> None:
    resolved = resolve_text("le 24 février 2025", None)
    assert resolved is not None and resolved.value == "2025-02-24" and not resolved.relative
    relative = resolve_text("lundi", None)
    assert relative is not None and relative.value is None and relative.relative


@pytest.mark.parametrize(
    "text",
    [
        "du 3 au 5 mars",
        "ces derniers jours",
        "les prochaines semaines",
        "cet été",
        "la nuit de dimanche à lundi",
        "le lundi suivant",
        "la semaine précédente",
        "il y a quelques jours",
        "les 15 et 16 juin",
        "du 3-5 mars",
        "de 2014 à 2022",
        "entre 2014 et 2022",
        "2014-2022",
        "premier trimestre 2025",
        "les années 2000",
    ],
)
def test_temporal_vague_and_ranges_have_no_value(text: str) -> None:
    resolved = resolve_text(text, date(2025, 2, 24))
    assert resolved is not None
    assert resolved.value is None


@pytest.mark.parametrize(
    "text",
    [
        "depuis trois ans",
        "pendant deux semaines",
        "en trois jours",
        "à 14h30",
        "sept jours",
        "2 000 tonnes",
        "la semaine de travail",
    ],
)
def test_temporal_durations_and_times_are_not_dates(text: str) -> None:
    assert [e for e in find_expressions(text) if e.kind != "weekday"] == []


def test_temporal_finds_expressions_in_a_sentence() -> None:
    text = "Le ministre, reçu lundi 3 mars à Kiev, a promis une réponse d'ici fin avril."
    found = [text[e.start : e.end] for e in find_expressions(text)]
    assert found == ["lundi 3 mars", "fin avril"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("la veille", "2025-02-25"),
        ("l'avant-veille", "2025-02-24"),
        ("le lendemain", "2025-02-27"),
        ("le surlendemain", "2025-02-28"),
        ("le même jour", "2025-02-26"),
        ("la veille au soir", "2025-02-25"),
    ],
)
def test_temporal_anchored_days(text: str, expected: str) -> None:
    assert value(text, WEDNESDAY) == expected


def test_temporal_anchored_to_a_named_event_has_no_value() -> None:
    text = "la veille du sommet"
    [expr] = find_expressions(text)
    assert text[expr.start : expr.end] == "la veille"
    assert resolve(expr, WEDNESDAY).value is None


def test_temporal_month_after_an_elision() -> None:
    text = "Les chiffres d'octobre et le mois d'avril 2024 ont déçu."
    assert [text[e.start : e.end] for e in find_expressions(text)] == ["octobre", "avril 2024"]


def test_temporal_two_years_are_two_dates() -> None:
    text = "En 2023 et 2024, les livraisons ont cessé."
    assert [text[e.start : e.end] for e in find_expressions(text)] == ["2023", "2024"]


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("Il a été reçu plus tôt cette semaine à Paris.", "plus tôt cette semaine", "2025-W09"),
        ("Plus tard cette année, le texte sera signé.", "Plus tard cette année", "2025"),
        ("Le prix a baissé plus tôt ce mois-ci.", "plus tôt ce mois-ci", "2025-02"),
    ],
)
def test_temporal_earlier_or_later_in_this_period_is_the_period(text, expression, expected) -> None:
    [expr] = find_expressions(text)
    assert text[expr.start : expr.end] == expression
    assert resolve(expr, WEDNESDAY).value == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # the end or start of a quarter or half is a month; the quarter itself stays a range
        ("La réduction court jusqu'à la fin du deuxième trimestre 2020.", "la fin du deuxième trimestre 2020",
         "2020-06"),
        ("Le contrat sera signé d'ici la fin du premier trimestre.", "la fin du premier trimestre",
         "2025-03"),
        ("La vente commence au début du second semestre 2024.", "début du second semestre 2024", "2024-07"),
        # a season with its year: the year is the precision the text gives
        ("Les travaux commenceront au printemps 2026.", "au printemps 2026", "2026"),
        ("Les sanctions en vigueur depuis l'été 2022 visent le secteur.", "l'été 2022", "2022"),
    ],
)
def test_temporal_end_of_a_quarter_and_a_dated_season_have_a_value(text, span, expected) -> None:
    [expr] = find_expressions(text)
    assert text[expr.start : expr.end] == span
    assert resolve(expr, WEDNESDAY).value == expected


def test_temporal_longest_match_wins() -> None:
    text = "Signé le 24 février 2025 à Kiev."
    found = find_expressions(text)
    assert [(text[e.start : e.end], e.kind) for e in found] == [("le 24 février 2025", "day_month")]


# -- properties -------------------------------------------------------------------------------------


@given(
    ref=st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
    name=st.sampled_from(WEEKDAY_NAMES),
)
def test_temporal_bare_weekday_within_the_week_up_to_reference(ref: date, name: str) -> None:
    resolved = resolve_text(name, ref, "past")
    assert resolved is not None and resolved.value is not None
    day = date.fromisoformat(resolved.value)
    assert 0 <= (ref - day).days <= 6
    assert day.weekday() == WEEKDAY_NAMES.index(name)


@given(st.text())
def test_temporal_fold_keeps_length(text: str) -> None:
    assert len(fold_text(text)) == len(text)


_EXPRESSIONS = [
    "lundi 24 février",
    "le 30 avril",
    "la semaine dernière",
    "fin avril",
    "il y a deux semaines",
    "hier",
    "24/02/2025",
    "l'an dernier",
    "Mardi prochain",
    "mi-mars",
]
_FILLER = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèàçÉ «»'’,.;\n", max_size=40)


@given(before=_FILLER, expression=st.sampled_from(_EXPRESSIONS), after=_FILLER)
def test_temporal_offsets_slice_the_text(before: str, expression: str, after: str) -> None:
    text = f"{before} {expression} {after}"
    found = find_expressions(text)
    for expr in found:
        assert 0 <= expr.start < expr.end <= len(text)
    start = len(before) + 1
    spans = [(e.start, e.end) for e in found]
    # the inserted expression is found at its place (it may grow by a filler word, never shrink)
    assert any(s <= start and start + len(expression) <= e for s, e in spans)


# -- present and future look ahead: a date within the next months is the upcoming one ----------


@pytest.mark.parametrize(
    ("text", "ref", "tense", "expected"),
    [
        ("le 10 avril", date(2025, 4, 4), "present", "2025-04-10"),
        ("le 10 avril", date(2025, 4, 4), None, "2025-04-10"),
        ("le 15 août", date(2025, 3, 1), "present", "2025-08-15"),
        ("le 2 janvier", date(2025, 11, 20), "future", "2026-01-02"),
        ("mars", date(2025, 2, 24), "present", "2025-03"),
        ("juillet", date(2025, 2, 24), "future", "2025-07"),
        ("juillet", date(2025, 2, 24), None, "2025-07"),
        ("février", date(2025, 11, 5), "present", "2026-02"),
    ],
)
def test_temporal_present_and_future_take_the_upcoming_date(text, ref, tense, expected) -> None:
    assert value(text, ref, tense) == expected


# -- anaphoric dates: counted from the date the text named last ---------------------------------


@pytest.mark.parametrize(
    ("text", "anchor", "expected", "granularity"),
    [
        ("le 1er août de la même année", "2023-07", "2023-08-01", "day"),
        ("le 3 septembre de la même année", "2021-05-14", "2021-09-03", "day"),
        ("décembre de la même année", "2019", "2019-12", "month"),
        ("fin novembre de la même année", "2019-02", "2019-11", "month"),
        ("la même année", "2014-03-18", "2014", "year"),
        ("cette même année", "2014", "2014", "year"),
        ("trois jours plus tard", "2025-02-12", "2025-02-15", "day"),
        ("deux jours plus tôt", "2025-03-01", "2025-02-27", "day"),
        ("une semaine auparavant", "2025-01-03", "2024-W52", "week"),
        ("six mois plus tard", "2024-09", "2025-03", "month"),
        ("deux ans après", "2021", "2023", "year"),
    ],
)
def test_temporal_anaphoric_dates_count_from_the_anchor(text, anchor, expected, granularity) -> None:
    resolved = resolve_text(text, WEDNESDAY, None, anchor)
    assert resolved is not None, f"{text!r} is not one expression"
    assert (resolved.value, resolved.granularity) == (expected, granularity)


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("le 1er août de la même année", None),
        ("la même année", None),
        ("quelques jours plus tôt", "2025-02-12"),
        ("plusieurs semaines plus tard", "2025-02-12"),
        ("trois jours plus tard", "2025-02"),  # a month does not give a day to count from
    ],
)
def test_temporal_anaphoric_dates_without_a_usable_anchor(text, anchor) -> None:
    resolved = resolve_text(text, WEDNESDAY, None, anchor)
    assert resolved is not None and resolved.value is None


def test_temporal_offset_before_a_named_event_is_not_taken() -> None:
    # "deux jours avant le scrutin" counts from the vote, which has no date here
    assert find_expressions("Ils ont voté deux jours avant le scrutin.") == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("La décision intervient au lendemain d'une réunion.", "au lendemain"),
        ("Le ministre est arrivé à la veille du sommet.", "à la veille"),
        ("Le déplacement a lieu le jour même où le texte est publié.", "le jour même"),
        ("Le soir même, le communiqué est tombé.", "Le soir même"),
    ],
)
def test_temporal_anchored_forms(text: str, span: str) -> None:
    [expr] = find_expressions(text)
    assert (text[expr.start : expr.end], expr.kind) == (span, "anchored")


def test_temporal_jour_meme_is_the_anchor_day() -> None:
    assert value("le jour même", WEDNESDAY) == "2025-02-26"


# -- seasons without their year, vague near future, decades: found without a value ------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Kiev avait proposé à l'automne un partenariat.", "l'automne"),
        ("Rien n'a bougé depuis l'été, selon Bruxelles.", "l'été"),
        ("Le gisement sera exploré en hiver.", "en hiver"),
        ("Une réponse est attendue dans les prochains jours.", "dans les prochains jours"),
        ("Le texte sera négocié dans les prochains mois.", "dans les prochains mois"),
        ("Un accord pourrait intervenir dans les semaines à venir.", "dans les semaines à venir"),
        ("Les prix ont flambé au cours des prochaines semaines.", "au cours des prochaines semaines"),
        ("Washington avait durci le ton quelques jours plus tôt.", "quelques jours plus tôt"),
        ("L'UE vise cet objectif d'ici la fin de la décennie.", "la fin de la décennie"),
        ("Le gisement était connu depuis le début du siècle.", "le début du siècle"),
    ],
)
def test_temporal_found_without_a_value(text: str, span: str) -> None:
    [expr] = find_expressions(text)
    assert text[expr.start : expr.end] == span
    assert resolve(expr, WEDNESDAY, None, "2025-02-12").value is None


@pytest.mark.parametrize(
    "text",
    [
        "L'hiver ukrainien met le réseau à rude épreuve.",
        "Un hiver rude a freiné la production.",
        "Le Printemps de Prague reste une référence.",
    ],
)
def test_temporal_season_names_are_not_dates(text: str) -> None:
    assert find_expressions(text) == []


@pytest.mark.parametrize(
    ("day", "month", "ref", "expected"),
    [
        (28, 2, date(2025, 4, 7), date(2025, 2, 28)),  # "devait être signé le 28 février", April
        (20, 10, date(2023, 12, 7), date(2023, 10, 20)),  # seven weeks back, not ten months on
        (10, 4, date(2025, 4, 4), date(2025, 4, 10)),  # a real future stays ahead
        (15, 1, date(2025, 11, 20), date(2026, 1, 15)),  # ahead across the year end
    ],
)
def test_temporal_verb_future_past_the_horizon_takes_the_nearest_day(day, month, ref, expected):
    assert resolve_day_month(day, month, ref, tense="future") == expected


def test_temporal_verb_future_month_past_the_horizon_takes_the_nearest_month():
    assert resolve_month(2, date(2025, 5, 8), tense="future") == (2025, 2)
    assert resolve_month(9, date(2025, 5, 8), tense="future") == (2025, 9)
    # an explicit "prochain" is no guess from the verb: it keeps looking ahead
    assert resolve_month(2, date(2025, 5, 8), tense="future", mod="prochain") == (2026, 2)
