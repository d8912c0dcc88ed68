# ruff: noqa: E501 - the table holds whole sentences, one case per entry, easier to read unwrapped
"""Who said it in press styles beyond the wire dispatch (issue 10, item 5), third round.

Every sentence is our own. An inverted attribution whose time adjunct closes with a comma before
the subject ("a déclaré mardi soir, son ministre, X"), and the earlier fragments of a sentence
whose last quote is attributed by a verb after it; "apprend-on" as an anonymous source; stances stated ("exprimer son soutien"). Helpers and conventions are those of
`tests/test_quotes_table.py`.
"""

from __future__ import annotations

import pytest
from test_quotes_table import DAY, D, I, M, T, _observed

PRESS_CASES: list[tuple] = [
    ("adjunct_comma_before_subject", "Le pacte a été voté par les députés. C'est « le meilleur accord possible », a déclaré mardi soir, son ministre des Finances, Paolo Rossi.",
     [M("a déclaré", "Paolo Rossi", "le meilleur accord possible")]),
    ("earlier_fragment_of_an_inverted_sentence", "Les pêcheurs attendent le vote.\n\nLe traité est «comme une promesse», celui d'une Europe «ouverte à ses voisins, pour une paix durable», a assuré Anna Berg qui a signé le texte.",
     [D("comme une promesse", "Anna Berg"), D("ouverte à ses voisins, pour une paix durable", "Anna Berg")]),
    ("earlier_fragment_other_wording", "Le pacte est «comme un tournant», celui d'une Afrique «unie pour le commerce, pour la croissance partagée», a affirmé Amina Diallo qui l'a négocié.",
     [D("comme un tournant", "Amina Diallo"), D("unie pour le commerce, pour la croissance partagée", "Amina Diallo")]),
    # "apprend-on", "a-t-on appris": an anonymous source after what it tells; "apprendre" is no cue otherwise
    ("apprend_on", "La visite du ministre devrait avoir lieu mi-mars, apprend-on.",
     [I("apprend", "?on")]),
    ("a_t_on_appris", "Les deux groupes ne sont pas parvenus à s'entendre jeudi, a-t-on appris de sources syndicales.",
     [I("a-t-on appris", "?on")]),
    ("apprendre_learn", "La ministre a appris la nouvelle à la radio, puis elle a appris que le texte serait signé.",
     []),
    # a stance stated: "exprimer son soutien / sa crainte / sa colère", "réitérer son exigence"
    ("exprimer_sa_crainte", "Les ministres baltes ont exprimé leur crainte que Washington réduise son aide.",
     [I("ont exprimé leur crainte", "?Les ministres baltes")]),
    ("exprimer_son_soutien", "Olaf Scholz et Aleksandar Vucic ont exprimé leur soutien à l'adhésion de la Serbie à l'UE.",
     [I("ont exprimé leur soutien", "Olaf Scholz & Aleksandar Vucic")]),
    ("reiterer_obj", "Vladimir Poutine a réitéré sa principale exigence : le retrait des forces ukrainiennes.",
     [I("a réitéré", "Vladimir Putin")]),
    ("exprimer_no_stance", "La pianiste a exprimé son talent devant un public conquis.", []),
    # a quoted name stays a name, whoever speaks in its sentence
    ("quoted_name_stays_a_term", "Le navire « Atlantis » a quitté le port, celui d'une flotte « qui ne rentrera pas », a assuré le capitaine Marc Lenoir.",
     # a name in quotation marks is nobody's words, even inside a statement (the blind press
     # labels: every capitalised term has no speaker)
     [M("a assuré", "Marc Lenoir", "qui ne rentrera pas"), T("Atlantis")]),
]


@pytest.mark.parametrize("case", PRESS_CASES, ids=[c[0] for c in PRESS_CASES])
def test_press_speakers_third_round(nlp, run, case):
    observed = _observed(run(nlp, case[1], published=DAY))
    assert observed == case[2]

