# ruff: noqa: E501 - the table holds whole sentences, one case per entry, easier to read unwrapped
"""Who said it in press styles beyond the wire dispatch (issue 10, item 5), sixth round.

Every sentence is our own. A person described by a nationality ("le diplomate rwandais", "sa
collègue congolaise", "son homologue russe") is the latest person the text tied to that state:
by the gazetteer, or by a nationality adjective written with the name ("des ministres rwandais,
X, et congolais, Y"). When no one of that state was named, the description stays unresolved:
it is not the latest person of another state. A role said again alone is the person the
article named with it ("du président argentin X … a déclaré le président argentin"). Helpers
and conventions are those of `tests/test_quotes_table.py`.
"""

from __future__ import annotations

import pytest
from test_quotes_table import DAY, D, M, _observed

TWO_MINISTERS = ("La cérémonie s'est tenue en présence des ministres des Affaires étrangères "
                 "lituanien, Paulius Kairys, et letton, Ilze Ozola. « Nous avons réussi », a déclaré "
                 "le médiateur Karl Braun. ")

PRESS_CASES: list[tuple] = [
    ("description_by_nationality", TWO_MINISTERS + "Le diplomate lituanien a qualifié cet accord de « tournant historique ».",
     [D("Nous avons réussi", "Karl Braun"), M("a qualifié", "Paulius Kairys", "tournant historique")]),
    ("possessive_description_by_nationality", TWO_MINISTERS + "De son côté, sa collègue lettone a salué un « pas concret ».",
     [D("Nous avons réussi", "Karl Braun"), M("a salué", "Ilze Ozola", "pas concret")]),
    ("counterpart_known_to_the_gazetteer", "Le ministre ukrainien Andriï Sybiha a rencontré Sergueï Lavrov. « Nous attendons », a répondu son homologue russe.",
     [D("Nous attendons", "Sergei Lavrov")]),
    # nobody of that state named: unresolved, not the latest person
    ("no_one_of_that_state", "Sergueï Lavrov a rencontré Andriï Sybiha. « Nous attendons », a répondu le diplomate français.",
     [D("Nous attendons", "?le diplomate français")]),
    ("role_said_again", "Le Fonds partage les priorités du président argentin Pablo Ferrero. « Le déficit est le problème », a déclaré mercredi le président argentin.",
     [D("Le déficit est le problème", "Pablo Ferrero")]),
]


@pytest.mark.parametrize("case", PRESS_CASES, ids=[c[0] for c in PRESS_CASES])
def test_press_speakers_sixth_round(nlp, run, case):
    observed = _observed(run(nlp, case[1], published=DAY))
    assert observed == case[2]
