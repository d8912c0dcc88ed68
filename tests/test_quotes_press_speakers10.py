# ruff: noqa: E501 - the table holds whole sentences, one case per entry, easier to read unwrapped
"""Who said it in press styles beyond the wire dispatch (issue 10, item 5), tenth round.

Every sentence is our own. A surname written without the Arabic article bound to it by a hyphen
("Sissi" after "Abdel Fattah al-Sissi", "Béchir" after "Omar el-Béchir") is the same person. A
people that speaks ("les Américains ont affirmé", tagged MISC by the model) is its state. The
content of a statement that opens the text starts after the wire dateline ("BAMAKO, 3 mars
(AMAP) -", "PRAGUE, 4 juin (Xinhua) --").
Helpers and conventions are those of `tests/test_quotes_table.py`.
"""

from __future__ import annotations

import pytest
from test_quotes_table import DAY, D, I, _observed

PRESS_CASES: list[tuple] = [
    ("surname_without_its_arabic_article", "Le président égyptien Abdel Fattah al-Sissi a reçu l'émissaire. Sissi a dit qu'il défendrait les intérêts de son pays.",
     [I("a dit", "Abdel Fattah al-Sissi")]),
    ("surname_without_el", "Le président soudanais Omar el-Béchir a reçu les médiateurs. Béchir a déclaré qu'il signerait l'accord.",
     [I("a déclaré", "Omar el-Béchir")]),
    ("a_people_speaking_is_its_state", "Les Américains ont ensuite affirmé qu'ils voulaient inclure l'agriculture dans les discussions.",
     [I("affirmé", "United States")]),
    ("a_people_quoted_is_its_state", "« Nous ne céderons rien sur les frontières », ont répété les Ukrainiens.",
     [D("Nous ne céderons rien sur les frontières", "Ukraine")]),
]


@pytest.mark.parametrize("case", PRESS_CASES, ids=[c[0] for c in PRESS_CASES])
def test_press_speakers_tenth_round(nlp, run, case):
    observed = _observed(run(nlp, case[1], published=DAY))
    assert observed == case[2]


@pytest.mark.parametrize(("text", "content"), [
    ("BAMAKO, 3 mars (AMAP) - Le Mali a signé un accord avec la société Lithor, a déclaré le ministère des Mines.",
     "Le Mali a signé un accord avec la société Lithor"),
    ("PRAGUE, 4 juin (Xinhua) -- Une entreprise tchèque a signé le contrat final, selon le gouvernement tchèque.",
     "Une entreprise tchèque a signé le contrat final"),
])
def test_press_statement_content_starts_after_the_dateline(nlp, run, text, content):
    [item] = [q for q in run(nlp, text, published=DAY)._.filon_quotes if q["kind"] == "indirect"]
    assert item["text"] == content
