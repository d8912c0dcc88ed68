"""The dates scorer (`filon.evaluation.dates`): mention normalisation and value accuracy."""

from __future__ import annotations

import pytest

from filon.evaluation.dates import normalize_mention, score


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # leading words go only whole: the "le" of "lendemain", the "la" of "lancement" stay
        ("le lendemain", "lendemain"),
        ("au lendemain", "lendemain"),
        ("lendemain", "lendemain"),
        ("l'automne", "automne"),
        ("à l'automne", "automne"),
        ("les prochains jours", "prochains jours"),
        ("dans les prochains jours", "prochains jours"),
        ("la fin de la décennie", "fin de la décennie"),
        ("Le 24 février 2025,", "24 février 2025"),
        ("en mars", "mars"),
        ("la mi-février", "mi-février"),
        ("D’ici à 2030", "2030"),
        ("lundi", "lundi"),
        ("ce lundi 8 juillet 2024", "lundi 8 juillet 2024"),  # a demonstrative is a determiner
        ("cette semaine", "semaine"),
        ("cet été", "été"),
        ("certains jours", "certains jours"),  # "ce" only as a whole word
        ("leurs", "leurs"),
        ("dès", "dès"),  # never stripped to nothing
    ],
)
def test_dates_normalize_mention_strips_whole_words(text: str, expected: str) -> None:
    assert normalize_mention(text) == expected


def test_dates_score_normalises_gold_and_predicted_alike() -> None:
    golds = {
        "a": {
            "dates": [
                {"text": "au lendemain", "resolved": "2024-12-03"},
                {"text": "dans les prochains jours", "resolved": None},
                {"text": "l'automne", "resolved": None},
                {"text": "en mars", "resolved": "2025-03"},
            ]
        }
    }
    records = {
        "a": {
            "dates": [
                {"text": "le lendemain", "value": "2024-12-03"},
                {"text": "les prochains jours", "value": None},
                {"text": "l'automne", "value": None},
                {"text": "mars", "value": "2024-03"},
                {"text": "lundi", "value": "2024-12-02"},
            ]
        }
    }
    [layer] = score(golds, records)
    assert (layer.tp, layer.fp, layer.fn) == (4, 1, 0)
    assert layer.extra["value_total"] == 2
    assert layer.extra["value_correct"] == 1
    assert [(e.kind, e.detail) for e in layer.errors] == [
        ("false", "lundi"),
        ("wrong", "'en mars': expected 2025-03, got 2024-03"),
    ]
