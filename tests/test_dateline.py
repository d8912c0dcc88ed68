"""Dateline parsing (`filon.ingest.dateline`): agency styles, web stamps and non-datelines."""

from __future__ import annotations

import pytest

from filon.ingest.dateline import month_number, parse_dateline, parse_french_date, weekday_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MOSCOU, 24 fév 2025 (AFP) - Le Kremlin a répondu mardi.", "2025-02-24"),
        ("KIEV, 30 avril 2025 (Reuters) - Les deux pays ont conclu.", "2025-04-30"),
        ("Paris, le 3 mars 2025 - Le ministre a reçu ses homologues.", "2025-03-03"),
        ("BRUXELLES, 1er mai 2025 14:35 (AFP) – La Commission propose.", "2025-05-01"),
        ("KIEV (Ukraine), 12 févr. 2025 (AFP) — Le gouvernement dément.", "2025-02-12"),
        ("NEW YORK, lundi 3 mars 2025 (AFP) - Les marchés reculent.", "2025-03-03"),
        ("PEKIN, 5 janv. 2026 (Xinhua) - Le ministère a publié une liste.", "2026-01-05"),
        ("WASHINGTON, Feb 24, 2025 (Reuters) - The deal is close.", "2025-02-24"),
        ("Publié le 24/02/2025 à 18h32\nLe texte suit.", "2025-02-24"),
        ("Mis en ligne le 7 décembre 2024\nLe texte suit.", "2024-12-07"),
        ("Un titre d'article\nVARSOVIE, 9 sept 2025 (AFP) - Le texte.", "2025-09-09"),
        ("Un titre\nLundi 24 février 2025\nLe texte commence ici.", "2025-02-24"),
        ("24/02/2025 14:35\nLe texte commence ici.", "2025-02-24"),
    ],
)
def test_dateline_parses_agency_styles(text: str, expected: str) -> None:
    assert parse_dateline(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a sentence opening on a date is not a dateline
        "Le 3 mars 2025, le ministre a signé le texte à Kiev.",
        # a caption with a date and a photo credit is not a dateline either
        "Le ministre à Kiev, en Ukraine, le 3 mars 2025. ( AFP / UN PHOTOGRAPHE )",
        # a dateline without a year cannot give a full date
        "KIEV, 30 avril (Reuters) - Les deux pays ont signé.",
        # a dateline without a date
        "Washington (AFP) - La Maison Blanche a confirmé.",
        # an impossible day
        "PARIS, 31 février 2025 (AFP) - Le texte.",
        "",
    ],
)
def test_dateline_rejects_non_datelines(text: str) -> None:
    assert parse_dateline(text) is None


def test_dateline_looks_only_at_the_first_lines() -> None:
    text = "Titre\n\nPremière phrase.\n\nDeuxième phrase.\n\nPARIS, 3 mars 2025 (AFP) - Trop loin."
    assert parse_dateline(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("24 février 2025", "2025-02-24"),
        ("lundi 1er mai 2025", "2025-05-01"),
        ("24/02/2025", "2025-02-24"),
        ("24.02.2025", "2025-02-24"),
        ("2025-02-24", "2025-02-24"),
        ("2025-02-24T10:30:00+01:00", "2025-02-24"),
        ("hier soir", None),
        ("mars 2025", None),
    ],
)
def test_dateline_parse_french_date(text: str, expected: str | None) -> None:
    assert parse_french_date(text) == expected


@pytest.mark.parametrize(
    ("word", "number"),
    [("février", 2), ("Févr.", 2), ("fev", 2), ("août", 8), ("aout", 8), ("déc", 12), ("May", 5)],
)
def test_dateline_month_number_folds_accents_and_abbreviations(word: str, number: int) -> None:
    assert month_number(word) == number


def test_dateline_weekday_number() -> None:
    assert [weekday_number(w) for w in ("lundi", "Dimanche", "friday", "lendemain")] == [
        0,
        6,
        4,
        None,
    ]


@pytest.mark.parametrize(("text", "place"), [
    ("KIEV, 3 mars 2025 (AFP) - Le texte", "KIEV"),
    ("MUNICH (Allemagne), 15 fév 2025 (AFP) - Le texte", "MUNICH"),
    ("DAKAR, 10 novembre (APS) - Le texte", "DAKAR"),
    ("Bruxelles, 1er juin - Le texte", "Bruxelles"),
    ("PRAGUE, 4 juin (Xinhua) -- Le texte", "PRAGUE"),  # a double hyphen for the dash
])
def test_dateline_header_gives_its_place(text: str, place: str) -> None:
    from filon.ingest.dateline import DATELINE

    header = DATELINE.match(text)
    assert header is not None and header.group(2) == place
    assert text[header.end(1):].strip().startswith("Le texte")


@pytest.mark.parametrize("text", ["Paris, la ville lumière - rien", "Le 3 mars, Kiev a signé - rien"])
def test_dateline_header_needs_a_date_or_an_agency(text: str) -> None:
    from filon.ingest.dateline import DATELINE

    assert DATELINE.match(text) is None
