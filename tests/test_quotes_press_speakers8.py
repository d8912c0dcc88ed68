# ruff: noqa: E501 - the table holds whole sentences, one case per entry, easier to read unwrapped
"""Who said it in press styles beyond the wire dispatch (issue 10, item 5), eighth round.

Every sentence is our own. A pronoun that spoke ("Le but, a-t-il dit, …") stays the person it
was resolved to when the next "a-t-il déclaré" looks back: a person the gazetteer does not know
is still a person, so the pronoun does not jump to another man named as an object earlier.
Names the model cuts: a first name of the lexicon left out before the name joins it ("Saïd
Mohamed Nassur"); a day glued after an inverted name is no part of it.
Helpers and conventions are those of `tests/test_quotes_table.py`.
"""

from __future__ import annotations

import pytest
from test_quotes_table import DAY, D, I, _observed

PRESS_CASES: list[tuple] = [
    ("pronoun_chain_keeps_a_person_the_gazetteer_does_not_know", "Le Pérou veut une alliance du cuivre avec le Chili, a déclaré le président Tomás Quintero Vidal, après une rencontre avec Luis Benavente. Le but, a-t-il dit, est de s'entraider. « Dans le cas du Chili, il s'agit d'entreprises privées », a-t-il déclaré.",
     [I("a déclaré", "Tomás Quintero Vidal"), I("a-t-il dit", "Tomás Quintero Vidal"), D("Dans le cas du Chili, il s'agit d'entreprises privées", "Tomás Quintero Vidal")]),
    ("first_name_left_out_by_the_model_joins_the_name", "Saïd Mohamed Nassur, secrétaire général adjoint du ministère, a déclaré : « Le contrat pourrait être signé. »",
     [D("Le contrat pourrait être signé.", "Saïd Mohamed Nassur")]),
    ("day_after_an_inverted_name_is_no_part_of_it", "« Nous ferons la paix », a déclaré Félix-Antoine Kalombo Tshilumba jeudi.",
     [D("Nous ferons la paix", "Félix-Antoine Kalombo Tshilumba")]),
]


@pytest.mark.parametrize("case", PRESS_CASES, ids=[c[0] for c in PRESS_CASES])
def test_press_speakers_eighth_round(nlp, run, case):
    observed = _observed(run(nlp, case[1], published=DAY))
    assert observed == case[2]
