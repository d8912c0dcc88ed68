# ruff: noqa: E501 - the table holds whole sentences, one case per entry, easier to read unwrapped
"""Who said it in press styles beyond the wire dispatch (issue 10, item 5), fourth round.

Every sentence is our own. A person named by where they come from ("a déclaré le Vaudois"); a
surname with its particle after the cue ("a déclaré de Keersmaecker"); a title whose complement
is feminine before a man's name ("le ministre de l'Économie Guy X" is "il"); a name with a
particle that the model tagged with its title ("ministre de l'Économie Amélie de Montchalin");
the next quote of a list after a semicolon. Helpers and conventions are those of
`tests/test_quotes_table.py`.
"""

from __future__ import annotations

import pytest
from test_quotes_table import DAY, D, I, M, T, _observed

PRESS_CASES: list[tuple] = [
    # a capitalised noun of origin after the article is the person just named, as "il" would be
    ("epithet_of_origin", "Le conseiller fédéral Marc Dubois espère une baisse des taxes. «Nous sommes prêts», a déclaré le Vaudois à la radio.",
     [I("espère", "Marc Dubois"), D("Nous sommes prêts", "Marc Dubois")]),
    ("epithet_feminine", "La députée Claire Martin a voté contre le texte. «Ce budget est injuste», a lancé la Bretonne.",
     [D("Ce budget est injuste", "Claire Martin")]),
    ("known_body_is_no_epithet", "Le porte-parole Dmitri Peskov a parlé. «Rien n'est décidé», a déclaré le Kremlin.",
     [D("Rien n'est décidé", "Russian government")]),
    # a surname's particle after the cue
    ("particle_after_the_cue", "Le porte-parole de la Commission, Stefan de Keersmaecker, a répondu aux questions.\n« Les États membres décident », a déclaré de Keersmaecker.",
     [D("Les États membres décident", "Stefan de Keersmaecker")]),
    # the portfolio's gender is not the minister's
    ("portfolio_gender_is_not_the_person", "Le commerce reprend, a relevé le ministre de l'économie Paul Durand. Avec cet accord, l'Association des exportateurs devient le premier partenaire du pays, s'est-il réjoui.",
     [I("a relevé", "Paul Durand"), I("s'est-il réjoui", "Paul Durand")]),
    # the model tags the title with the name: the particle stays in the name
    ("particle_name_after_a_title", "La ministre de l'Économie Amélie de Montchalin a répondu aux députés. « Nous tiendrons l'objectif », a-t-elle dit.",
     [D("Nous tiendrons l'objectif", "Amélie de Montchalin")]),
    # the next quote of a list is said by who said the one before
    ("list_of_quotes_after_a_semicolon", "Le chef du groupe Paul Lenoir a annoncé qu'il voterait le texte à deux conditions : «la première, c'est un vote clair» ; «la seconde, c'est un budget juste».",
     [M("a annoncé", "Paul Lenoir", "la première, c'est un vote clair"), D("la seconde, c'est un budget juste", "Paul Lenoir")]),
    # a quoted word after a semicolon with no quote said before it stays a term
    ("semicolon_without_a_speaker_before", "Le texte parle de «souveraineté» ; «résilience» revient aussi souvent.",
     [T("souveraineté"), T("résilience")]),
]


@pytest.mark.parametrize("case", PRESS_CASES, ids=[c[0] for c in PRESS_CASES])
def test_press_speakers_fourth_round(nlp, run, case):
    observed = _observed(run(nlp, case[1], published=DAY))
    assert observed == case[2]
