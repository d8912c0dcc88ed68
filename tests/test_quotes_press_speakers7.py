# ruff: noqa: E501 - the table holds whole sentences, one case per entry, easier to read unwrapped
"""Who said it in press styles beyond the wire dispatch (issue 10, item 5), seventh round.

Every sentence is our own. An inverted speaker may come after a date ("a déclaré le 18 juillet
X"), a circumstance before a title ("a déclaré dans un communiqué le ministre …, X"), a running
adjunct ("a réagi dans la foulée sur Twitter X"), a medium ("à l'AFP X") or the clitic "y"
("y ajoute M. X"). A title said again keeps its rank: "le premier ministre" is not "le ministre
X", "le vice-président" not "le président X"; a participle inside the title ("le ministre
délégué au Commerce X") does not end it. "les deux parties", "les deux dirigeants" said after
a pair named together are that pair, as an inverted subject or as the subject of the verb a
quoted fragment hangs on; not the places where they met. A name with its apposition before a
cue ("X, directrice de …, a annoncé") is the subject, not an inversion. "la responsable" is the
woman named, but "le responsable" after "un haut responsable" and "il" after an anonymous
subject stay anonymous; "le ministre" is not the latest person given another title. Names the
model cuts or glues: a name after a title it tagged alone, a surname alone it did not tag as a
person (or tagged as a body of that name), an agency glued in front of a name, a
sentence-opening participle it took for a name, a day before a name read as a masculine title.
"s'est dit « satisfait » de « … »" is a statement; "ce dernier" is the person named last; with no
cue before a colon, the named person subject of that clause says the quote; a fragment in a
clause with no subject of its own is said by the subject of the clause it depends on; a
headline's topic before a colon ("Terminal de Djéno : « … »") is no speaker; "selon" a title
and the name in apposition is that name; a body of a state named by its nationality ("le
gouvernement malien", "la présidence sud-africaine") is that state. Adverbial phrases
("d'emblée") and a circumstance in commas may stand between a cue and its inverted speaker;
"abonder", "replacer", "informer" (intransitive) and "tenir à préciser" are reporting verbs.
Helpers and conventions are those of `tests/test_quotes_table.py`.
"""

from __future__ import annotations

import pytest
from test_quotes_table import DAY, D, I, M, T, _observed

PRESS_CASES: list[tuple] = [
    # --- inverted speakers after adjuncts ------------------------------------------------------
    ("inversion_after_a_date", "Le ministre turc Ali Demir était présent. « Nous avons signé deux contrats », a déclaré le 18 juillet Karim Benali, le ministre de la Défense du royaume.",
     [D("Nous avons signé deux contrats", "Karim Benali")]),
    ("inversion_after_a_weekday_date", "« Le texte est prêt », a annoncé le dimanche 23 mai 2021 Anna Kovac.",
     [D("Le texte est prêt", "Anna Kovac")]),
    ("inversion_after_running_adjuncts", "Le président Ali Demir est arrivé. « C'est le plus gros accord », a réagi dans la foulée sur Twitter le vice-Premier ministre Oleg Marchenko.",
     [D("C'est le plus gros accord", "Oleg Marchenko")]),
    ("inversion_after_a_circumstance_then_a_title", "Le président Paul Kagire a reçu la ministre. « Nous nous réjouissons de ce partenariat », a déclaré dans un communiqué le ministre des Affaires étrangères, Vincent Biraro.",
     [D("Nous nous réjouissons de ce partenariat", "Vincent Biraro")]),
    ("clitic_y_before_the_cue", "Le président Paul Kagire a reçu Vincent Biraro. « Il s'agit de protéger les gens », y ajoute M. Biraro.",
     [D("Il s'agit de protéger les gens", "Vincent Biraro")]),
    ("medium_then_a_name", "« Nous n'avons pu obtenir l'accord », a déclaré à l'AFP Laura Restrepo à Bakou.",
     [D("Nous n'avons pu obtenir l'accord", "Laura Restrepo")]),
    ("on_at_a_body_after_the_cue", "«Le texte est prêt», souligne-t-on à la Commission européenne.",
     [D("Le texte est prêt", "European Commission")]),
    ("medium_and_place_then_a_title", "\"Nous sommes sur la bonne voie\", a affirmé mercredi soir à la presse à Genève la directrice générale Ngozi Okonjo-Iweala.",
     [D("Nous sommes sur la bonne voie", "Ngozi Okonjo-Iweala")]),
    ("relayed_by_a_paper", "Le nouvel accord permet aux pêcheurs « de bénéficier de 400 licences », relaie le quotidien Le Soleil.",
     [M("relaie", "Soleil", "de bénéficier de 400 licences")]),
    ("enumerated_by_a_title_and_name", "« Le repas à un euro, la prime d'activité, les investissements pour le logement », a énuméré le Premier ministre Sébastien Lecornu.",
     [D("Le repas à un euro, la prime d'activité, les investissements pour le logement", "Sébastien Lecornu")]),
    # --- a name after a comma is the subject, not an inversion ---------------------------------
    ("apposition_before_the_cue", "Amina Benali, directrice générale de l'Office national des mines du Maroc, a annoncé samedi la signature prochaine d'un accord du projet de gazoduc Nigeria-Maroc.",
     [I("a annoncé", "Amina Benali")]),
    # --- anonymous persons said again ----------------------------------------------------------
    ("la_responsable_is_the_woman_named", "Amina Benali, directrice de l'Office, a annoncé samedi un accord. Cet accord « sera soumis au conseil en juin », a déclaré la responsable.",
     [I("a annoncé", "Amina Benali"), M("a déclaré", "Amina Benali", "sera soumis au conseil en juin")]),
    ("le_responsable_after_un_responsable", "Le ministre Paul Girard est arrivé. Un haut responsable du gouvernement a minimisé les pourparlers. « Il n'y a rien de concret », a ajouté le responsable.",
     [D("Il n'y a rien de concret", "?le responsable")]),
    ("pronoun_after_an_anonymous_subject", "Le ministre Paul Girard est arrivé. Cependant, un haut responsable du gouvernement a minimisé l'importance des pourparlers. « Des centaines d'entreprises nous contactent », a-t-il déclaré.",
     [D("Des centaines d'entreprises nous contactent", "?il")]),
    ("a_day_before_the_name_tells_no_gender", "Six contrats seront signés, a indiqué dimanche Agnès Morin, ministre déléguée à l'Industrie. Les volumes iront à la France, a-t-elle estimé.",
     [I("a indiqué", "Agnès Morin"), I("a-t-elle estimé", "Agnès Morin")]),
    # --- titles said again ---------------------------------------------------------------------
    ("participle_inside_a_title", "L'accord est déséquilibré, a affirmé ce lundi le ministre délégué au Commerce extérieur Luc Martin. \"Est-ce une force?\", a jugé le ministre. Jean Roux a parlé ensuite.",
     [I("a affirmé", "Luc Martin"), D("Est-ce une force?", "Luc Martin")]),
    ("premier_is_not_any_minister", "Le premier ministre Marc Caron a rencontré Jean Roux. Le ministre Denis Leblanc a indiqué qu'aucun accord n'était prêt. « Certains secteurs sont stratégiques », a dit le premier ministre.",
     [I("a indiqué", "Denis Leblanc"), D("Certains secteurs sont stratégiques", "Marc Caron")]),
    ("another_title_is_not_the_minister", "Johann Keller a rencontré Jeff Gerrish, représentant adjoint du commerce des États-Unis. Le ministre de l'économie a ajouté que les discussions seront poursuivies.",
     [I("a ajouté", "Johann Keller")]),
    ("vice_is_a_rank", "Le vice-président Jean Roux a rencontré le président Paul Girard. « Nous avançons », a déclaré le vice-président. « Oui », a répondu le président.",
     [D("Nous avançons", "Jean Roux"), D("Oui", "Paul Girard")]),
    # nobody of that rank named: unresolved, not the latest person with another rank
    ("premier_minister_never_named", "Le ministre Paul Girard a parlé. « Oui », a répondu le Premier ministre.",
     [D("Oui", "?le Premier ministre")]),
    ("president_is_no_vice_president", "Le vice-président Jean Roux a parlé. « Oui », a répondu le président.",
     [D("Oui", "?le président")]),
    # a date but no name after it: the title alone
    ("date_then_a_bare_title", "« Nous signerons », a promis le 18 juillet dernier le ministre.",
     [D("Nous signerons", "?le ministre")]),
    # --- pairs said again ----------------------------------------------------------------------
    # a fragment in a clause of purpose: "lutter" has no subject, the bodies committed to it speak
    ("fragment_under_a_purpose_clause", "L'UE et la Tunisie se sont engagées à mieux coopérer pour lutter « contre la traite des êtres humains et le trafic des migrants ».",
     [D("contre la traite des êtres humains et le trafic des migrants", "European Union & Tunisia")]),
    # a headline's topic before a colon is no speaker: a thing, not a person or a body
    # the parser hangs the byline on the verb as a second subject: the nearest one says it
    ("byline_is_no_subject_of_the_lede", "Marc Tremblay / La Presse :\n\n(QUÉBEC) Le gouvernement québécois envisage de rouvrir l'entente afin « d'enterrer la hache de guerre » avec Terre-Neuve.",
     [D("d'enterrer la hache de guerre", "Government of Quebec")]),
    # "selon" a title with the name in apposition: the name, not whoever held the title then
    ("selon_a_title_then_the_name", "Un accord semble en vue. Selon la vice-première ministre ukrainienne chargée de l'intégration européenne, Olha Stefanishyna, le texte est prêt.",
     [I("Selon", "Olha Stefanishyna")]),
    # an "et" inside a ministry's name joins two portfolios, not two speakers
    ("selon_a_ministry_with_two_portfolios", "Le Mali a signé quatre accords, selon un communiqué publié mercredi par le ministère malien de l’Economie et des Finances.",
     [I("selon", "ministère malien de l’Economie et des Finances")]),
    # a body of a state named by its nationality speaks for that state; a document's author too
    ("state_body_by_its_nationality", "Le texte est prêt, a indiqué le gouvernement malien. « Nous signerons », a déclaré la présidence sud-africaine.",
     [I("a indiqué", "Mali"), D("Nous signerons", "South Africa")]),
    ("document_of_a_state_body", "Le texte est prêt, selon un communiqué de la présidence tchadienne.",
     [I("selon", "Chad")]),
    # the gazetteer's own government keeps its name
    ("known_government_keeps_its_name", "Le texte est prêt, a indiqué le gouvernement américain.",
     [I("a indiqué", "United States government")]),
    # adverbial phrases and a circumstance in commas between the cue and the inverted speaker
    ("adverbial_phrase_before_the_speaker", "« J'ai rencontré les personnes-clés », a souligné d'emblée Karin Keller.",
     [D("J'ai rencontré les personnes-clés", "Karin Keller")]),
    ("circumstance_in_commas_before_the_speaker", "« Est-ce coupable ? », a demandé, en préambule du vote, l'eurodéputé François Bellet.",
     [D("Est-ce coupable ?", "François Bellet")]),
    # reporting verbs of regional and business copy
    ("replace_as_a_reporting_verb", "« Nous avons reçu une proposition de prime », replace Lionel Mattes (CGT), élu au comité.",
     [D("Nous avons reçu une proposition de prime", "Lionel Mattes")]),
    ("informe_un_communique", "« Le contrat est signé », informe un communiqué d'Armasuisse, l'agence chargée des achats.",
     [D("Le contrat est signé", "Armasuisse")]),
    ("tenir_a_preciser", "« Ces affirmations sont dénuées de fondement », a tenu à préciser Suez.",
     [D("Ces affirmations sont dénuées de fondement", "Suez")]),
    # "informer" with a person as object informs, it reports nothing
    ("informer_someone_is_no_statement", "Le ministre Jean Roux est arrivé. Il a informé son homologue de la décision.",
     []),
    ("topic_before_a_colon_in_a_headline", "Terminal de Djéno : « aucun accord n'est encore trouvé »\nAlors que Patrick Pouyanné annonçait un accord, la télévision a démenti.",
     [D("aucun accord n'est encore trouvé", None), I("annonçait", "Patrick Pouyanné")]),
    ("both_parties_inverted", "Après des mois de négociations, le Maroc et l'Union européenne se sont « entendus sur le texte », ont annoncé vendredi les deux parties.",
     [M("ont annoncé", "Morocco & European Union", "entendus sur le texte")]),
    ("both_companies_inverted", "Kazatomprom a signé un accord de coentreprise avec Areva. « La coentreprise produira 4.000 tonnes », expliquent les deux sociétés dans un communiqué commun.",
     [D("La coentreprise produira 4.000 tonnes", "Kazatomprom & Areva")]),
    ("both_leaders_subject_of_a_fragment", "Le président Paul Girard a reçu la présidente Anne Morel. Après la rencontre, les deux dirigeants s'étaient engagés à « travailler ensemble » sur les droits de douane.",
     [D("travailler ensemble", "Paul Girard & Anne Morel")]),
    # one person named: "les deux dirigeants" are not known, the fragment is a term
    ("both_leaders_but_one_named", "Le président Paul Girard est arrivé à Rabat. Les deux dirigeants s'étaient engagés à « travailler ensemble » sur les droits de douane.",
     [T("travailler ensemble")]),
    # --- a quoted attribute, "ce dernier", a subject before a colon ----------------------------
    ("said_to_be_quoted_adjectives", "Le président Paul Girard s'est dit « satisfait » de « cet accord historique ».",
     [M("s'est dit", "Paul Girard", "satisfait")]),
    ("ce_dernier_is_the_person_named_last", "Sergueï Lavrov a parlé. John Kerry est resté plus mesuré. Ce dernier a également précisé que « l'accord concernera toutes les parties ».",
     [M("précisé", "John Kerry", "l'accord concernera toutes les parties")]),
    ("subject_of_the_clause_before_a_colon", "« Nous allons définir la cessation des hostilités », a déclaré le ministre russe, Sergueï Lavrov. Son homologue américain, John Kerry, est lui resté plus mesuré et attend avant tout des améliorations concrètes : « Les résultats seront mesurés sur le terrain. »",
     [D("Nous allons définir la cessation des hostilités", "Sergei Lavrov"), D("Les résultats seront mesurés sur le terrain.", "John Kerry")]),
    ("no_person_before_the_colon", "Le sommet s'est achevé tard dans la nuit et les délégations sont reparties : « Rien n'est réglé ».",
     [D("Rien n'est réglé", None)]),
    # --- names the model cuts or glues ---------------------------------------------------------
    ("name_after_a_title_tagged_alone", "Le vice-ministre des Affaires étrangères Vahan Kostanyan a confirmé l'envoi du traité. « Il y a 17 articles », a-t-il déclaré.",
     [I("a confirmé", "Vahan Kostanyan"), D("Il y a 17 articles", "Vahan Kostanyan")]),
    ("surname_alone_after_the_full_name", "Le ministre américain Marco Rubio a reçu le ministre des affaires étrangères rwandais, Olivier Nduhungirehe. Pour sa part, Nduhungirehe a dit : « Le chemin sera difficile ».",
     [D("Le chemin sera difficile", "Olivier Nduhungirehe")]),
    ("surname_over_a_body_of_that_name", "La ministre Thérèse Kayikwamba Wagner a signé. Lors de la signature, Wagner a noté que des millions de personnes étaient victimes du conflit.",
     [I("a noté", "Thérèse Kayikwamba Wagner")]),
    ("both_parties_not_where_they_met", "L'annonce a suivi deux jours de pourparlers entre les États-Unis et la Chine à Genève, en Suisse, que les deux parties ont décrit comme réussis.",
     [I("ont décrit", "United States & China")]),
    ("opening_participle_is_no_name", "Le ministre Alpha Soumah a parlé longuement. Poursuivant, il a évoqué la suite. « Cela n'a donné aucun résultat », concède-t-il.",
     [I("a évoqué", "Alpha Soumah"), D("Cela n'a donné aucun résultat", "Alpha Soumah")]),
]


@pytest.mark.parametrize("case", PRESS_CASES, ids=[c[0] for c in PRESS_CASES])
def test_press_speakers_seventh_round(nlp, run, case):
    observed = _observed(run(nlp, case[1], published=DAY))
    assert observed == case[2]

