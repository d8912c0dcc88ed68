# ruff: noqa: E501 - the table holds whole sentences, one case per entry, easier to read unwrapped
"""Who said it in press styles beyond the wire dispatch (issue 10, item 5), eighth round.

Every sentence is our own. A pronoun that spoke ("Le but, a-t-il dit, …") stays the person it
was resolved to when the next "a-t-il déclaré" looks back: a person the gazetteer does not know
is still a person, so the pronoun does not jump to another man named as an object earlier.
Names the model cuts: a day glued after an inverted name is no part of it. A description by what
the person is in the story ("ce fervent défenseur de …", "l'invitée") is the person named
before, whatever title that person was given; a post ("le nouveau patron de X") is not a
person given another one; an adjective before the noun ("fervent", "nouveau") does not hide it.
An inverted "a-t-il" after a quotation of several sentences looks for its antecedent before the
quotation opens, and the spelling of a name ("Sama") tells no gender. A medium after "auprès
de" may stand between a cue and its inverted speaker; an inverted title followed by an acronym
in brackets and ", le docteur X" is X; a surname after a title is a person, not a place. A single quoted word that a verb of
utterance or stance governs ("a exprimé sa « déception »") is the subject's word. "selon" a
capitalised name the model did not tag is a source, "selon celles-ci" an anonymous one.
Helpers and conventions are those of `tests/test_quotes_table.py`.
"""

from __future__ import annotations

import pytest
from test_quotes_table import DAY, D, I, M, T, _observed

PRESS_CASES: list[tuple] = [
    ("pronoun_chain_keeps_a_person_the_gazetteer_does_not_know", "Le Pérou veut une alliance du cuivre avec le Chili, a déclaré le président Tomás Quintero Vidal, après une rencontre avec Luis Benavente. Le but, a-t-il dit, est de s'entraider. « Nos deux pays ont les mêmes gisements », a-t-il déclaré.",
     [I("a déclaré", "Tomás Quintero Vidal"), I("a-t-il dit", "Tomás Quintero Vidal"), D("Nos deux pays ont les mêmes gisements", "Tomás Quintero Vidal")]),
    ("day_after_an_inverted_name_is_no_part_of_it", "« Nous ferons la paix », a déclaré Félix-Antoine Kalombo Tshilumba jeudi.",
     [D("Nous ferons la paix", "Félix-Antoine Kalombo Tshilumba")]),
    # a description by what the person is in the story, an adjective before its noun
    ("demonstrative_epithet_is_the_person_named_before", "L'ancien ministre Alpha Mady Soumah connaît bien le secteur minier. Ce fervent défenseur des réformes estime que « le code doit être revu avant toute signature ».",
     [M("estime", "Alpha Mady Soumah", "le code doit être revu avant toute signature")]),
    ("epithet_with_the_invited_guest", "La géologue Hélène Dupont était l'invitée de notre émission. L'invitée estime que « le gisement est immense ».",
     [M("estime", "Hélène Dupont", "le gisement est immense")]),
    # a post the person named before does not hold
    ("another_post_is_not_the_person_given_a_title", "Le ministre Alpha Soumah connaît le secteur. Le nouveau patron de la Sonatrach estime que « tout est possible ».",
     [M("estime", "?Le nouveau patron de la Sonatrach", "tout est possible")]),
    ("generic_responsible_is_the_director_named_before", "Amina Kadiri, directrice générale de l'Office des mines, a annoncé un accord. Cet accord « sera soumis au conseil en mars », a déclaré la responsable.",
     [I("a annoncé", "Amina Kadiri"), M("a déclaré", "Amina Kadiri", "sera soumis au conseil en mars")]),
    # "a-t-il indiqué" after a quotation of several sentences looks back from where it opened;
    # a name's spelling ("Sama", "Nikola") tells no gender
    ("inverted_pronoun_after_a_long_quotation", "Le premier ministre, Sama Ndombe a présidé lundi la signature d'un accord avec la banque Afrexim. « Nous voulons un modèle. Le pays attend des emplois. Les usines suivront. Les batteries viendront ensuite », a-t-il indiqué.",
     [D("Nous voulons un modèle. Le pays attend des emplois. Les usines suivront. Les batteries viendront ensuite", "Sama Ndombe")]),
    ("inversion_after_a_medium_named_with_aupres", "« Le compromis tient », se félicite auprès de l'AFP Marc Dorval, le secrétaire général du parti.",
     [D("Le compromis tient", "Marc Dorval")]),
    ("apposed_name_after_an_acronym_and_a_title_of_address", "Les pharmaciens lèvent leur blocage, a indiqué vendredi le président de la Fédération des officines rurales (FOR), le docteur Paul Merlin.",
     [I("a indiqué", "Paul Merlin")]),
    ("pronoun_after_a_surname_tagged_as_a_place", "Le président serbe Vučić a révélé que les avions étaient russes. Il a également suggéré : « Nous changerons de fournisseur. »",
     [I("a révélé", "Vučić"), D("Nous changerons de fournisseur.", "Vučić")]),
    # a single quoted word an utterance or stance verb governs is the speaker's word; after a
    # plain verb it stays a scare quote
    ("single_word_governed_by_a_cue_is_said", "Claire Vidal, ministre de la Mer, a exprimé sa « déception » et sa « colère » après le vote.",
     [D("déception", "Claire Vidal"), D("colère", "Claire Vidal")]),
    ("single_word_after_a_plain_verb_is_a_term", "Paul Girard dirige une « start-up » de recyclage à Lyon.",
     [T("start-up")]),
    # "selon" a name the model did not tag, or a demonstrative for the sources just named
    ("selon_an_untagged_name_is_a_source", "Le marché a bondi. Selon ZoneBourse, la part atteignait 24 %.",
     [I("Selon", "ZoneBourse")]),
    ("selon_a_demonstrative_is_the_anonymous_sources", "Bloomberg cite des sources proches du dossier. Selon celles-ci, les discussions se dérouleraient dans un climat positif.",
     [I("Selon", "?celles-ci")]),
    ("selon_a_place_stays_no_source_when_unknown", "Les prix ont doublé selon la semaine.", []),
]


@pytest.mark.parametrize("case", PRESS_CASES, ids=[c[0] for c in PRESS_CASES])
def test_press_speakers_eighth_round(nlp, run, case):
    observed = _observed(run(nlp, case[1], published=DAY))
    assert observed == case[2]


@pytest.mark.parametrize(("word", "gender"), [
    ("invitee", "f"), ("invite", "m"), ("chercheuse", "f"), ("chercheur", "m"), ("observatrice", "f"),
    ("historienne", "f"), ("historien", "m"), ("economiste", None), ("ministre", None), ("accord", None),
])
def test_a_person_noun_shows_its_gender_only_with_both_forms_listed(word, gender):
    from filon.pipeline.quotes.descriptions import _noun_gender

    assert _noun_gender(word) == gender
