# ruff: noqa: E501 - the table holds whole sentences, one case per entry, easier to read unwrapped
"""Who said it in press styles beyond the wire dispatch (issue 10, item 5), ninth round.

Every sentence is our own. The title of a person named after "et" is the one written after the
name, not the title of the person before the conjunction ("X, ministre congolaise, et Y, son
homologue rwandais": "le ministre rwandais" is Y). A description that opens a new clause after
a name ("présidée par le roi X, le ministre de la santé a souligné") is that clause's subject,
not the name's apposition, so it does not give the name its title. Names the model cuts in two
are whole again: a surname after a first name, an institution closed on its article. A title
runs on through "pour" to the name in apposition ("le ministre pour la Reconstruction, X"). A
headline's quote followed by a colon was said by the subject of the clause after the colon when
that subject is a person, a body or a title ("« … » : le ministre veut …"), not by "les marchés".
A quote taken up by a cleft ("« … » C'est ce qu'a indiqué le ministre, M. X") was said by the
cleft's speaker, the name after a courtesy title included. A quote after a sentence whose subject
is a title with a name ("La ministre X s'est montrée discrète. « … »") is that person's. A
fragment governed through "qui a dit …" is the relative's antecedent's. "Un communiqué
conjoint" is the two parties just named; "est-il souligné" (an impersonal passive) names no one,
so the quote goes on with the last speaker. "le ministre de …, X, a remercié Y" has its subject
before the cue (an apposition, not an inversion); in "la porte-parole du suisse Algroup,
Christine Menz" the firm after the nationality is the title's complement. "Selon des
informations", "selon les estimations" name an anonymous source (a statement); "selon le
calendrier" names none. "Le vice-amiral", "le général", "l'ambassadeur" point back to the
holder of that rank. "Selon le ministre, le professeur X, …" is X.
Helpers and conventions are those of `tests/test_quotes_table.py`.
"""

from __future__ import annotations

import pytest
from test_quotes_table import DAY, D, I, M, _observed

PRESS_CASES: list[tuple] = [
    ("nationality_of_the_person_after_a_conjunction", "Anne Kessou, ministre congolaise des Affaires étrangères, et Olivier Ndamage, son homologue rwandais, signent le document. De son côté, le ministre rwandais remercie les médiateurs.",
     [I("remercie", "Olivier Ndamage")]),
    ("nationality_of_the_person_before_a_conjunction", "Anne Kessou, ministre congolaise des Affaires étrangères, et Olivier Ndamage, son homologue rwandais, signent le document. De son côté, la ministre congolaise remercie les médiateurs.",
     [I("remercie", "Anne Kessou")]),
    ("subject_of_a_new_clause_is_no_apposition", "Le pays va construire une usine de vaccins, a indiqué le ministre de la Santé et de la Protection sociale, Karim Bennani. Lors de la cérémonie, présidée par le roi Mohammed VI, le ministre de la santé a souligné que ce chantier créera des emplois.",
     [I("a indiqué", "Karim Bennani"), I("a souligné", "Karim Bennani")]),
    ("apposition_after_a_name_still_gives_the_title", "Le roi a reçu Karim Bennani, le ministre de la Santé, mardi. Le ministre a souligné que ce chantier créera des emplois.",
     [I("a souligné", "Karim Bennani")]),
    ("title_with_pour_runs_on_to_the_apposed_name", "« Nous remercions nos partenaires », a réagi sur Twitter le vice-Premier ministre pour la Reconstruction du Kosovo, Arben Dushaj, après l'annonce.",
     [D("Nous remercions nos partenaires", "Arben Dushaj")]),
    # a headline's quote, a colon, and the clause of who said it
    ("headline_quote_before_a_colon_and_its_speaker", "« Rien n'est joué » : le ministre Paul Verdier veut un rééquilibrage de l'accord.",
     [D("Rien n'est joué", "Paul Verdier")]),
    ("headline_quote_before_a_colon_and_a_title_named_below", "« Rien n'est joué » : le ministre du Commerce veut un rééquilibrage.\n« Nous voulons plus », a affirmé lundi le ministre délégué au Commerce Paul Verdier.",
     [D("Rien n'est joué", "Paul Verdier"), D("Nous voulons plus", "Paul Verdier")]),
    ("headline_quote_before_a_colon_and_no_speaker", "« Un accord historique » : les marchés saluent l'entente.",
     [D("Un accord historique", None)]),
    # a quote taken up by a cleft in the next sentence
    ("cleft_after_the_quote_names_the_speaker", "« Le Québec et la Californie unissent leurs marchés. » C'est ce qu'a indiqué le ministre de l'Environnement, M. Pierre Arnaud, à la sortie de la réunion.",
     [D("Le Québec et la Californie unissent leurs marchés.", "Pierre Arnaud")]),
    ("cleft_with_voila_and_a_subject", "« Nous signerons bientôt. » Voilà ce que le ministre Paul Verdier a déclaré lundi.",
     [D("Nous signerons bientôt.", "Paul Verdier")]),
    ("cleft_that_names_no_speaker", "« Nous signerons bientôt. » C'est ce qui ressort de la réunion.",
     [D("Nous signerons bientôt.", None)]),
    # a title with the name, subject of the sentence before a quote with no cue
    ("quote_after_a_sentence_about_a_titled_person", "La ministre Lebrun s'est montrée discrète. « Pour le moment, le contenu restera confidentiel. »",
     [D("Pour le moment, le contenu restera confidentiel.", "Lebrun")]),
    ("quote_after_a_sentence_about_a_firm_is_not_the_firm", "La société Kalvana s'est montrée discrète. « Pour le moment, rien ne change. »",
     [D("Pour le moment, rien ne change.", None)]),
    # a fragment governed through a relative clause: the relative's antecedent said it
    ("relative_clause_hands_the_fragment_to_its_antecedent", "Même chose du côté du chef des députés du MoDem Paul Darnis, qui a dit attendre de l'exécutif « des clarifications sur le déficit ».",
     [D("des clarifications sur le déficit", "Paul Darnis")]),
    # a document two parties give out together; an impersonal passive after it
    ("joint_communique_is_the_two_parties_just_named", "Le Sénégal et la Mauritanie ont signé un accord. « Nous exploiterons ensemble le gisement », précise un communiqué conjoint.",
     [D("Nous exploiterons ensemble le gisement", "Senegal & Mauritania")]),
    ("joint_communique_with_no_pair_named_is_unresolved", "Le ministre a reçu son homologue. « Nous exploiterons ensemble le gisement », précise un communiqué conjoint.",
     [D("Nous exploiterons ensemble le gisement", "?un communiqué conjoint")]),
    ("impersonal_passive_continues_the_source", "Le Maroc et l'UE se sont « mis d'accord sur les textes », a indiqué un communiqué conjoint. Les deux parties « s'engagent à agir vite », est-il souligné.",
     [M("a indiqué", "Morocco & European Union", "mis d'accord sur les textes"), D("s'engagent à agir vite", "Morocco & European Union")]),
    # a title's apposition closed by the name and a comma before the cue is no inversion
    ("apposed_name_before_the_cue_is_the_subject", "Pour sa part, le ministre malien des Finances, Alousséni Kanté, a remercié la Banque mondiale pour ce soutien.",
     [I("a remercié", "Alousséni Kanté")]),
    ("name_closing_a_passive_clause_before_an_inverted_cue", "Le texte a été signé par la ministre péruvienne, Ana Quispe, et le ministre chilien, Pablo Rojas, a annoncé le ministère dans un communiqué.",
     [I("a annoncé", "?le ministère")]),
    ("incise_after_a_subject_stays_an_inversion", "La Russie, a déclaré Sergueï Lavrov, ne signera pas cet accord.",
     [I("a déclaré", "Sergei Lavrov")]),
    # a name after "du" and a nationality is the complement of the title, not its holder
    ("firm_after_a_nationality_is_the_titles_complement", "L'offre représente une amélioration, a précisé la porte-parole du suisse Algroup, Christine Menz, citée par Reuters.",
     [I("a précisé", "Christine Menz")]),
    # "selon" what a source gives out: a statement of an anonymous source; not "selon le calendrier"
    ("selon_information_is_an_anonymous_source", "Selon des informations recoupées par plusieurs services, la junte a conclu un accord avec la société Vextra.",
     [I("Selon", "?des informations recoupées par plusieurs services")]),
    ("selon_estimates_is_an_anonymous_source", "Selon les estimations américaines, les chances d'un accord dépassent la moitié.",
     [I("Selon", "?les estimations américaines")]),
    ("selon_a_schedule_is_no_source", "Le navire partira selon le calendrier prévu.", []),
    # military ranks and ambassadors are titles a description points back with
    ("military_rank_points_back_to_its_holder", "Le vice-amiral Angus Tolmie a visité le chantier. « Le pays ne peut pas construire seul », a expliqué le vice-amiral.",
     [D("Le pays ne peut pas construire seul", "Angus Tolmie")]),
    ("selon_a_title_then_its_holder_with_a_title_of_address", "Selon le ministre des Mines, le professeur Amadou Kelta, la société est autorisée à exporter.",
     [I("Selon", "Amadou Kelta")]),
    ("institution_cut_at_its_article_speaks_whole", "La Cour de justice de l’UE a estimé que l'accord de pêche était illégal.",
     [I("a estimé", "Cour de justice de l’UE")]),
]


@pytest.mark.parametrize("case", PRESS_CASES, ids=[c[0] for c in PRESS_CASES])
def test_press_speakers_ninth_round(nlp, run, case):
    observed = _observed(run(nlp, case[1], published=DAY))
    assert observed == case[2]
