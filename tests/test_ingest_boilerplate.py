"""Boilerplate marking on paragraphs written for these tests (never the shared corpus)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from filon.ingest.article import normalize_text
from filon.ingest.furniture import find_boilerplate


def marked(text: str) -> list[tuple[str, str]]:
    """(kind, surface) of every span found in the normalized text."""
    text = normalize_text(text)
    return [(s["kind"], text[s["start"] : s["end"]]) for s in find_boilerplate(text)]


LEAD = "Le ministre a reçu lundi son homologue polonais à Varsovie pour parler d'énergie."
NEXT = "Les deux hommes doivent se revoir au printemps, selon un communiqué."


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("La ministre Anna Kowalska à Varsovie, le 3 mars 2025.", "( POOL / JAN NOWAK )"),
        ("Un convoi de camions près de Zaporijjia, le 12 janvier.", "(AFP / Olga PETRENKO)"),
        ("Le port de Rotterdam, en février 2024.", "(REUTERS/Piet de Vries)"),
        ("Une mine de lithium au Chili.", "(Photo: Marta Ruiz)"),
        ("Le siège de la Commission à Bruxelles.", "(AFP/Archives)"),
        ("Des ouvriers sur un chantier à Lviv.", "© Reuters"),
        ("Une raffinerie de cobalt en Finlande", "(Lehtikuva via AFP)"),
        ("Le chef du Kremlin à Sotchi, le 2 mai 2025.", "IVAN SOKOLOV / POOL / AFP"),
        ("Le Premier ministre slovaque à Bratislava, le 5 mai 2025", "- AFP"),
        ("Le port de Gdansk, le 7 avril 2025.", "Crédit : Reuters"),
    ],
)
def test_ingest_boilerplate_marks_caption_and_credit(caption: str, credit: str) -> None:
    text = f"{LEAD}\n\n{caption} {credit}\n\n{NEXT}"
    assert marked(text) == [("caption", caption), ("credit", credit)]


@pytest.mark.parametrize("line", ["Photo : Jean Martin / AFP", "( AFP / Ivan PETROV )", "Reuters"])
def test_ingest_boilerplate_marks_credit_line_alone(line: str) -> None:
    assert marked(f"{LEAD}\n\n{line}\n\n{NEXT}") == [("credit", line)]


@pytest.mark.parametrize(
    "heading",
    ["Terres rares et lithium", "Un accord sous pression", "« Pas de concession »", "Réactions"],
)
def test_ingest_boilerplate_marks_lone_subheading(heading: str) -> None:
    text = f"{LEAD}\n\n{heading}\n\n{NEXT}"
    assert marked(text) == [("subheading", heading)]


@pytest.mark.parametrize(
    "byline",
    [
        "Par Claire DUBOIS (AFP)",
        "Par Marc Lefèvre et Sophie de La Tour",
        "Rédigé par Julien Moreau, édité par Anne Petit",
        "(Reportage Ivan Koval; version française Paul Roux)",
        "La Gazette du Nord avec AFP",
    ],
)
def test_ingest_boilerplate_marks_byline(byline: str) -> None:
    text = f"{LEAD}\n\n{NEXT}\n\n{byline}"
    assert marked(text) == [("byline", byline)]


@pytest.mark.parametrize(
    "line",
    [
        "Lire aussi : La Chine restreint ses exportations de graphite",
        "À lire aussi - Kiev",
        "Lire le décryptage : pourquoi le gallium inquiète l'industrie",
        "Lire aussi | Article réservé à nos abonnés Le cobalt congolais",
    ],
)
def test_ingest_boilerplate_marks_read_also(line: str) -> None:
    text = f"{LEAD}\n\n{line}\n\n{NEXT}"
    assert marked(text) == [("related", line)]


def test_ingest_boilerplate_marks_agency_signoff() -> None:
    assert marked(f"{LEAD}\n\n{NEXT}\n\nbur-ab/cjc") == [("signoff", "bur-ab/cjc")]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Le Kremlin a démenti.",  # a short sentence
        "Pourquoi maintenant ?",  # a question ends with punctuation
        "Une décision attendue depuis des mois de",  # broken-off sentence
        "- Lithium : 12 projets",  # a list item
        "Par ailleurs, Kiev a rejeté l'offre de Moscou.",  # "Par" that opens a sentence
        "Le texte, soumis aux députés (vote prévu le 10/05), fait débat.",
        "Les combats se poursuivent dans la région (Donetsk/Louhansk)",  # aside, not credit
        "KIEV, 3 mars 2025 (AFP)",  # dateline alone
        "L'accord porte sur 500 milliards de dollars, selon la presse.",
        "Les exportations ont chuté de 12% en mars.",
        "Les revenus du fonds seront partagés. 50 / 50",  # two sentences, no agency
        "Le fonds sera géré à parts égales (50/50).",
        "Lire le texte de l'accord prend du temps.",
        "Le ministre a parlé avec Pékin",  # a passé composé sentence that lost its period
        "Rédaction du texte final prévue lundi, selon Kiev.",
        "Reportage diffusé mardi : les mines du Donbass sous les bombes.",
        "Le texte est clair. Photo : rien à voir avec un crédit ici, a-t-il dit, sans s'arrêter.",
    ],
)
def test_ingest_boilerplate_leaves_prose_alone(paragraph: str) -> None:
    assert marked(f"{LEAD}\n\n{paragraph}\n\n{NEXT}") == []


def test_ingest_boilerplate_first_and_last_short_lines_are_not_subheadings() -> None:
    # a title line on top and a closing short line are not *between* two paragraphs
    assert marked(f"Un titre sans point\n\n{LEAD}\n\n{NEXT}\n\nFin de la dépêche") == []


def test_ingest_boilerplate_hard_wrapped_lines_are_not_subheadings() -> None:
    text = (
        f"{LEAD}\n\nLe gouvernement a présenté mardi son plan\npour les métaux critiques\n"
        f"devant les députés.\n\n{NEXT}"
    )
    assert marked(text) == []


def test_ingest_boilerplate_long_paragraph_ending_in_credit_marks_only_credit() -> None:
    long = " ".join([LEAD] * 10)
    text = f"{NEXT}\n\n{long} (AFP / Jean DUPONT)\n\n{NEXT}"
    assert marked(text) == [("credit", "(AFP / Jean DUPONT)")]


def test_ingest_boilerplate_spans_sorted_and_disjoint() -> None:
    text = normalize_text(
        f"Par Léa Martin (AFP)\n\n{LEAD}\n\nUne usine en Chine. (AFP / LI WEI)\n\n"
        f"Un marché tendu\n\n{NEXT}\n\nLire aussi : le graphite chinois"
    )
    spans = find_boilerplate(text)
    assert [s["kind"] for s in spans] == ["byline", "caption", "credit", "subheading", "related"]
    assert all(a["end"] <= b["start"] for a, b in itertools.pairwise(spans))


_PIECES = st.sampled_from(
    [
        LEAD,
        NEXT,
        "Un marché tendu",
        "Une mine au Congo. ( POOL / A B )",
        "© AFP",
        "Par Jean Roux (AFP)",
        "Lire aussi : x",
        "(",
        ")",
        "/",
        "\n",
        "\n\n",
        " ",
        "\u00a0",
        "\r\n",
    ]
)


@given(st.lists(st.one_of(_PIECES, st.text(max_size=30)), max_size=12))
def test_ingest_boilerplate_spans_slice_inside_text(parts: list[str]) -> None:
    text = normalize_text("".join(parts))
    spans = find_boilerplate(text)
    for span in spans:
        assert 0 <= span["start"] < span["end"] <= len(text)
        surface = text[span["start"] : span["end"]]
        assert surface == surface.strip()
    assert all(a["end"] <= b["start"] for a, b in itertools.pairwise(spans))
