"""The fast `find_expressions` finds exactly what the plain one did.

The reference below is the implementation before the speed work: every pattern of
`expressions._PATTERNS` over the whole text, folded by `fold_text`, overlaps settled longest
first then earliest. Texts are generated from the words the patterns are made of, so that
most patterns match, and many overlap, in every example.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from filon.ingest.dateline import fold_text
from filon.pipeline.dates import expressions
from filon.pipeline.dates.expressions import Expression, find_expressions, longest_first

_REFERENCE_PATTERNS = [(kind, re.compile(pattern)) for kind, pattern in expressions._PATTERNS]


def reference_find_expressions(text: str) -> list[Expression]:
    """`find_expressions` as it was: no guards, folding character by character."""
    folded = fold_text(text)
    found: list[Expression] = []
    for kind, pattern in _REFERENCE_PATTERNS:
        for match in pattern.finditer(folded):
            parts = {k: v for k, v in match.groupdict().items() if v is not None}
            found.append(Expression(match.start(), match.end(), kind, parts))
    return longest_first(found)  # the overlap rule is shared: the guards are what is under test


# The vocabulary of the patterns, with accents and capitals as the copy writes them, plus
# near misses (words that contain a keyword, numbers that are not days, clock times).
_WORDS = [
    # weekdays, months, abbreviations
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "Lundi", "Dimanche",
    "janvier", "février", "fevrier", "mars", "Mars", "avril", "Avril", "mai", "juin", "juillet",
    "août", "aout", "septembre", "octobre", "novembre", "décembre", "janv.", "févr.", "fév.",
    "avr.", "juil.", "sept.", "oct.", "nov.", "déc.", "janv", "fév", "sept", "oct", "dec",
    # numbers
    "1er", "premier", "1", "3", "05", "12", "24", "25", "28", "30", "31", "32", "2", "10h",
    "2025", "2024", "1999", "1850", "2030", "20251", "2000", "50", "100", "2,5", "3.", "h",
    "heures", "24/02/2025", "24.02.2025", "2025-02-24", "1/3/2024", "2024-2025", "2020–2021",
    "un", "une", "deux", "trois", "quinze", "vingt", "quelques", "plusieurs", "sept",
    # determiners, prepositions, connectors
    "le", "la", "les", "Le", "La", "du", "de", "des", "d'", "d’", "l'", "l’", "au", "aux", "à",
    "a", "ce", "cet", "cette", "ces", "Cette", "en", "entre", "et", "dans", "il", "y", "il y a",
    "Il y a", "depuis", "pour", "dès", "avant", "après", "d'ici", "jusqu'à", "jusqu’", "qui",
    "-", "–", "mi", "mi-", "au cours des", "plus", "plus tôt", "plus tard", "auparavant",
    # modifiers and time nouns
    "dernier", "dernière", "derniers", "dernières", "prochain", "prochaine", "prochains",
    "prochaines", "passé", "passée", "précédent", "précédente", "suivant", "suivante",
    "en cours", "fin", "début", "Fin", "courant", "mois", "semaine", "semaines", "semaine-ci",
    "année", "années", "an", "ans", "jour", "jours", "week-end", "weekend", "mois-ci",
    "année-ci", "siècle", "décennie", "trimestre", "semestre", "deuxième", "2e", "second",
    "troisième", "quatrième", "4e", "nuit", "veille", "lendemain", "surlendemain",
    "avant-veille", "même", "jour-là", "soir", "matin", "midi", "après-midi", "hier",
    "demain", "avant-hier", "après-demain", "aujourd'hui", "aujourd’hui", "Aujourd'hui",
    "été", "hiver", "automne", "printemps", "à venir", "viennent", "venir", "les années 90",
    "les années 2010",
    # ordinary words, some holding a keyword
    "afin", "final", "ami", "demi", "semblable", "annonce", "signé", "accord", "Kiev", "a été",
    "finalement", "hivernal", "printanière", "anniversaire", "moisson", "débuté", "nuitée",
    "plusieurs", "suivi", "avantage", "mardi-gras", "1er-mai", "mars-avril",
]  # fmt: skip
_GLUE = [" ", " ", " ", " ", "  ", "\u00a0", "\u202f", "\t", ", ", ". ", "\n", "", "'", "-", " (", ") ", "; "]


_WD = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "Mardi", "lundi,"]
_DAY = ["1er", "premier", "1", "01", "9", "15", "24", "29", "30", "31", "32", "0"]
_MONTH = ["janvier", "février", "mars", "avril", "mai", "août", "décembre", "sept.", "févr.", "oct."]
_NODOT = ["janv", "fév", "fevr", "avr", "juil", "sept", "oct", "nov", "déc"]
_YEAR = ["2025", "2024", "1999", "2031", "20255", "1850"]
_N = ["deux", "trois", "quinze", "quelques", "plusieurs", "2", "10", "un", "une", "1000"]
_UNIT = ["jour", "jours", "semaine", "semaines", "mois", "an", "ans", "année", "années"]
# Phrases shaped like the patterns: one list of choices per slot ("" leaves the slot out).
_TEMPLATES: list[list[list[str]]] = [
    [["", "du", "entre le", "les"], ["", *_WD], _DAY, ["au", "et le", "et", "-", "–"], ["", *_WD],
     _DAY, _MONTH, ["", *_YEAR]],
    [["", "le", "ce"], ["", *_WD], _DAY, _MONTH + _NODOT,
     ["", *_YEAR, "dernier", "prochain", "de la même année", "de cette même année"]],
    [["", "la"], ["fin", "début", "mi", "courant", "mi-", "Fin"], ["", "du mois"], ["", "de", "d'", "d’"],
     _MONTH, ["", *_YEAR, "de la même année", "dernier"]],
    [["fin", "début", "mi", "mi-"], _YEAR],
    [["", "la", "le", "en"], ["fin", "début"], ["de l'", "d'", "du", "de", "de la"],
     ["année", "mois", "siècle", "semaine", "décennie"],
     ["", "dernière", "prochaine", "passée", "en cours", "dernier", "prochain", "passé"]],
    [["la", "cette", "La"], ["même"], ["année", "jour"]],
    [["", "ce", "le"], _WD, ["", "dernier", "prochain", "passé", "précédent", "suivant"],
     ["", "matin", "soir", "après-midi", "midi"]],
    [["", "le", "ce"], _WD, [*_DAY, "10h", "25 h", "3 heures", "12,", "4."]],
    [["", "la"], ["nuit"], ["de"], _WD, ["à", "au"], _WD],
    [["", "à", "au", "le", "A"], ["la veille", "l'avant-veille", "lendemain", "surlendemain",
     "le même jour", "le jour même", "le soir même", "le matin même", "ce jour-là"],
     ["", "au soir", "matin", "soir"], ["", "de", "du", "des", "d'", "l'annonce"]],
    [["avant-hier", "après-demain", "hier", "demain", "aujourd'hui", "ce matin", "ce soir",
      "cet après-midi", "ce midi", "jusqu'à aujourd'hui"], ["", "matin", "soir", "après-midi", "encore"]],
    [["cette semaine", "cette semaine-ci", "la semaine", "ce week-end", "ce weekend", "le week-end",
      "le mois", "ce mois", "ce mois-ci", "l'an", "l'année", "cette année", "l'année en cours", "l’an"],
     ["", "dernière", "dernier", "prochaine", "prochain", "passée", "passé", "précédente", "suivante"]],
    [["il y a", "dans", "Il y a", "depuis"], _N, _UNIT],
    [["", "le"], ["premier", "1er", "deuxième", "2e", "second", "troisième", "3e", "quatrième", "dernier"],
     ["trimestre", "semestre"], ["", *_YEAR, "de l'année 2025"]],
    [["les années"], ["90", "1990", "2010", "80", "2015"]],
    [["entre", "de", "", "en"], _YEAR, ["et", "à", "au", "-", "–", ""], _YEAR],
    [["à", "dès", "depuis", "pour", "avant", "après", "d'ici", "", "au", "en", "le", "cet", "ce"],
     ["l'été", "l'hiver", "l'automne", "printemps", "été", "hiver", "automne", "l’été"],
     ["", *_YEAR, "dernier", "prochain", "ukrainien"]],
    [_N, _UNIT, ["plus tôt", "plus tard", "auparavant", "avant", "après"], ["", ",", ".", "le scrutin"]],
    [["ces", "dans les", "au cours des", "les"], ["derniers", "dernières", "prochains", "prochaines", ""],
     ["jours", "semaines", "mois", "années"], ["", "à venir", "qui viennent"]],
    [["", "le"], ["24/02/2025", "3.4.2024", "2025-02-24", "12/13/2025", "1/1/1999"]],
]  # fmt: skip
# Between the words of a phrase: mostly a space, sometimes none ("l'" + "année") or another
# space character the patterns accept, or refuse (a line break).
_PHRASE_GLUE = [" ", " ", " ", "", "  ", "\u00a0", "\u202f", "\t", "\n", "-"]


@st.composite
def phrase(draw: st.DrawFn) -> str:
    template = draw(st.sampled_from(_TEMPLATES))
    words = [w for slot in template if (w := draw(st.sampled_from(slot)))]
    glue = draw(st.lists(st.sampled_from(_PHRASE_GLUE), min_size=len(words), max_size=len(words)))
    return "".join(w + g for w, g in zip(words, glue, strict=True)).strip(" ")


@st.composite
def date_text(draw: st.DrawFn) -> str:
    chunks = draw(st.lists(st.sampled_from(_WORDS) | phrase(), min_size=1, max_size=10))
    glue = draw(st.lists(st.sampled_from(_GLUE), min_size=len(chunks), max_size=len(chunks)))
    return "".join(w + g for w, g in zip(chunks, glue, strict=True))


_SETTINGS = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(date_text())
@example("La veille, le 1er août de la même année, puis trois jours plus tard.")
@example("Il y a deux semaines, du 3 au 5 mars 2025, et dans la nuit de dimanche à lundi.")
@example("à l'automne 2026, cet été, l’hiver dernier, au printemps, en été, dès l'hiver")
@example("fin de l'année, début du mois prochain, fin de la semaine, la fin de la décennie")
@example("le 24/02/2025, 2025-02-24, 26 fév 2025, entre 2020 et 2022, de 2019 à 2021")
@example("le lundi suivant, ce week-end, le mois dernier, l'an prochain, les années 90")
@example("aujourd'hui, avant-hier soir, ce matin, le même jour, le soir même, ce jour-là")
@example("au premier trimestre 2025, mardi 25, mi-2025, courant mars, mi-mars, ces derniers jours")
def test_find_expressions_equals_reference(text: str) -> None:
    assert find_expressions(text) == reference_find_expressions(text)


@_SETTINGS
@given(date_text())
def test_every_guard_holds_where_its_pattern_matches(text: str) -> None:
    """A guard must be a necessary condition: checked per pattern, not only on the winners."""
    folded = fold_text(text)
    for kind, pattern, guard in expressions._GUARDED:
        if guard is not None and pattern.search(folded):
            assert guard(folded), (kind, text)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=200) | date_text())
def test_fold_equals_fold_text(text: str) -> None:
    assert expressions._fold(text) == fold_text(text)


def test_guarded_patterns_are_the_specified_ones() -> None:
    """The compiled patterns the fast path runs are `_PATTERNS`, in order, unchanged."""
    assert [(kind, p.pattern) for kind, p, _ in expressions._GUARDED] == expressions._PATTERNS
    assert set(expressions._GUARDS) <= {kind for kind, _ in expressions._PATTERNS}
    # run line by line: only patterns for which the end of a line reads as a line break
    patterns = dict(expressions._PATTERNS)
    for kind in expressions._PARAGRAPH_WORDS:
        # nothing that matches a line break: no `$`, no `\\n`, `\\s`, `\\W`, `\\D`, `.`, `[^…]`
        assert not any(bit in patterns[kind] for bit in ("$", "\\n", "\\s", "\\W", "\\D", "[^")), kind
        assert not re.search(r"(?<!\\)\.(?![^\[]*\])", patterns[kind]), kind


@pytest.mark.parametrize(
    "text",
    [
        "le 24\nfévrier 2025",
        "le 24 février\n2025",
        "lundi\n24 février",
        "mardi 25\nh",
        "2024\n-2025 et 2024-\n2025",
        "fin\nmars, mi-\n2025, 12/\n03/2025",
        "du 3 au\n5 mars",
        "\nmars\n\nlundi\n",
        "mars",
        "",
    ],
)
def test_line_breaks_split_nothing(text: str) -> None:
    assert find_expressions(text) == reference_find_expressions(text)


def test_guards_skip_patterns_absent_from_plain_prose() -> None:
    """The point of the guards: prose without those words runs few patterns (and still finds
    what the reference finds)."""
    text = "Le ministre a signé lundi 24 février 2025 un accord sur les minerais à Kiev."
    folded = fold_text(text)
    skipped = [kind for kind, _, guard in expressions._GUARDED if guard is not None and not guard(folded)]
    assert {"iso", "numeric", "season", "quarter", "night_range", "anchored"} <= set(skipped)
    assert find_expressions(text) == reference_find_expressions(text)
    assert [text[e.start : e.end] for e in find_expressions(text)] == ["lundi 24 février 2025"]


def _real_texts(corpus_articles: list[dict]) -> list[str]:
    root = Path(__file__).resolve().parents[1]
    files = [*sorted((root / "examples").glob("*.txt")), *sorted((root / "tests/data/heldout").glob("*.txt"))]
    return [a["text"] for a in corpus_articles] + [p.read_text(encoding="utf-8") for p in files]


def test_find_expressions_equals_reference_on_real_articles(corpus_articles: list[dict]) -> None:
    """Whole articles (read at run time): the same expressions, and some of them."""
    texts = _real_texts(corpus_articles)
    assert len(texts) > 10
    for text in texts:
        assert find_expressions(text) == reference_find_expressions(text)
    assert sum(len(find_expressions(text)) for text in texts) > 100
