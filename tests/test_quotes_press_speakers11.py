# ruff: noqa: E501 - the table holds whole sentences, one case per entry, easier to read unwrapped
"""Who said it in press styles beyond the wire dispatch (issue 10, item 5), eleventh round.

Every sentence is our own. An inverted subject followed by a day ("a indiqué le Premier
ministre X lundi") still closes the clause. A description followed by a title and a name in
apposition ("a indiqué le médiateur, le Premier ministre malaisien X,") is that person.
Helpers and conventions are those of `tests/test_quotes_table.py`.
"""

from __future__ import annotations

import pytest
from test_quotes_table import DAY, I, _observed

PRESS_CASES: list[tuple] = [
    ("inverted_subject_then_a_day", "La trêve doit commencer à minuit, a indiqué le Premier ministre malaisien Tan Sri Halim lundi.",
     [I("a indiqué", "Tan Sri Halim")]),
    ("inverted_subject_then_yesterday", "Le texte sera signé à Dakar, a déclaré la ministre Awa Ndiaye hier.",
     [I("a déclaré", "Awa Ndiaye")]),
    ("description_then_titled_name", "La trêve doit commencer à minuit, a indiqué le médiateur, le Premier ministre malaisien Tan Sri Halim, lundi.",
     [I("a indiqué", "Tan Sri Halim")]),
    ("description_then_a_place_is_no_name", "La trêve doit commencer à minuit, a indiqué le médiateur, à Kuala Lumpur.",
     [I("a indiqué", "?le médiateur")]),
]


@pytest.mark.parametrize(("case", "text", "expected"), PRESS_CASES, ids=[c[0] for c in PRESS_CASES])
def test_press_speakers_eleventh_round(nlp, run, case, text, expected):
    assert _observed(run(nlp, text, published=DAY)) == expected
