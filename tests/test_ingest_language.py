"""Language detection on paragraphs written for these tests."""

from __future__ import annotations

import pytest

from filon.ingest.language import detect_language, normalize_lang


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Le gouvernement ukrainien a rejeté mardi la dernière version du projet d'accord, "
            "jugeant que le texte ne protégeait pas suffisamment les intérêts du pays.",
            "fr",
        ),
        (
            "The Ukrainian government on Tuesday rejected the latest draft of the agreement, "
            "saying the text did not sufficiently protect the country's interests.",
            "en",
        ),
        (
            "Die ukrainische Regierung hat am Dienstag den jüngsten Entwurf des Abkommens "
            "abgelehnt, weil der Text die Interessen des Landes nicht ausreichend schütze.",
            "de",
        ),
        ("Уряд України у вівторок відхилив останній проєкт угоди про корисні копалини.", "uk"),
    ],
)
def test_ingest_language_detects_paragraph(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize("text", ["Kiev", "OK", "12/03", ""])
def test_ingest_language_short_text_uses_default(text: str) -> None:
    assert detect_language(text, default="fr") == "fr"
    assert detect_language(text) is None


@pytest.mark.parametrize(
    ("value", "code"), [("fr", "fr"), ("FR", "fr"), ("fr-FR", "fr"), ("en_GB", "en"), ("??", None)]
)
def test_ingest_language_normalize_lang(value: str, code: str | None) -> None:
    assert normalize_lang(value) == code
