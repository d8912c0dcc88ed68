# ruff: noqa: E501 - the table holds whole sentences, one case per entry, easier to read unwrapped
"""A table of French wire-style sentences written for filon, each with the quotes it must yield.

Every sentence here is our own; none comes from ../shared/corpus. Each case lists the items
`filon_quotes` must produce, no more and no fewer:

- ``D(text, speaker)``: a direct quote (content inside the marks) and its speaker;
- ``T(text, speaker)``: a quoted term (scare quotes, title, slogan), speaker or None;
- ``M(cue, speaker, quote)``: a mixed statement (reported clause holding a quoted fragment);
- ``I(cue, speaker)``: an indirect statement.

A speaker is the canonical name (gazetteer names are in English: "Vladimir Putin"), "A & B" for
joint speakers, ``"?surface"`` for a source the text does not name ("?un diplomate européen"),
or None.
"""

from __future__ import annotations

import pytest


def D(text: str, speaker: str | None) -> tuple:
    return ("direct", text, speaker)


def T(text: str, speaker: str | None = None) -> tuple:
    return ("term", text, speaker)


def M(cue: str, speaker: str | None, quote: str) -> tuple:
    return ("mixed", cue, speaker, quote)


def I(cue: str, speaker: str | None) -> tuple:  # noqa: E743 - the table reads better with I
    return ("indirect", cue, speaker)


NBSP = "\u00a0"
DAY = "2025-06-15"

# (id, text, expected items[, publication date])
CASES: list[tuple] = [
    # --- inversion after the quote -------------------------------------------------------------
    ("inv_declare", "« Nous ne céderons rien sur les terres rares », a déclaré mardi Vladimir Poutine.",
     [D("Nous ne céderons rien sur les terres rares", "Vladimir Putin")]),
    ("inv_devant", "« L'accord sera signé dans les prochains jours », a assuré Donald Trump devant la presse.",
     [D("L'accord sera signé dans les prochains jours", "Donald Trump")]),
    ("inv_lors", "« Kiev ne signera pas un texte qui hypothèque son avenir », a martelé Volodymyr Zelensky "
     "lors d'une conférence de presse.",
     [D("Kiev ne signera pas un texte qui hypothèque son avenir", "Volodymyr Zelensky")]),
    ("inv_nbsp_org", f"«{NBSP}Pékin se réserve le droit de riposter{NBSP}», a prévenu le ministère chinois du Commerce.",
     [D("Pékin se réserve le droit de riposter", "Ministry of Commerce of China")]),
    ("inv_english", "“Critical minerals are a matter of national security,” said Howard Lutnick.",
     [D("Critical minerals are a matter of national security,", "Howard Lutnick")]),
    ("inv_low9", "„Wir brauchen diese Rohstoffe“, a affirmé le chancelier allemand.",
     [D("Wir brauchen diese Rohstoffe", "Friedrich Merz")]),
    ("inv_chevrons_anon", "‹ Rien n'est encore décidé ›, a indiqué une source diplomatique.",
     [D("Rien n'est encore décidé", "?une source diplomatique")]),
    ("inv_straight", 'Le texte doit être amendé. "Nous attendons des garanties de sécurité", a souligné Andriï Sybiga.',
     [D("Nous attendons des garanties de sécurité", "Andrii Sybiha")]),
    ("inv_present", "« La Chine respectera ses engagements », affirme Wang Yi.",
     [D("La Chine respectera ses engagements", "Wang Yi")]),
    ("inv_apposition", "« Il n'y a aucune raison de paniquer », a déclaré le porte-parole du Kremlin, Dmitri Peskov.",
     [D("Il n'y a aucune raison de paniquer", "Dmitry Peskov")]),
    ("inv_role", "« Les États-Unis ne paieront pas deux fois », a lancé le président américain.",
     [D("Les États-Unis ne paieront pas deux fois", "Donald Trump")]),
    ("inv_temporal", "« Nous reprendrons les livraisons de gallium », a annoncé jeudi soir le ministère chinois du Commerce.",
     [D("Nous reprendrons les livraisons de gallium", "Ministry of Commerce of China")]),
    ("inv_estime_t_elle", "Kaja Kallas a reçu les ministres des Vingt-Sept. « L'Union ne peut pas dépendre d'un seul "
     "fournisseur », estime-t-elle.",
     [D("L'Union ne peut pas dépendre d'un seul fournisseur", "Kaja Kallas")]),
    ("inv_ajoute_t_il", "Scott Bessent a rencontré les négociateurs ukrainiens. « Le fonds d'investissement sera "
     "opérationnel cet été », ajoute-t-il.",
     [D("Le fonds d'investissement sera opérationnel cet été", "Scott Bessent")]),
    ("inv_a_t_elle", "Interrogée par les journalistes, Ursula von der Leyen a défendu le plan européen. « Nous devons "
     "diversifier nos sources », a-t-elle expliqué.",
     [I("a défendu", "Ursula von der Leyen"), D("Nous devons diversifier nos sources", "Ursula von der Leyen")]),
    ("inv_selon_anon", "« Les négociations sont dans l'impasse », selon un diplomate européen.",
     [D("Les négociations sont dans l'impasse", "?un diplomate européen")]),
    ("inv_selon_named", "« Aucun minerai ne quittera le territoire sans contrôle », selon Denys Chmyhal.",
     [D("Aucun minerai ne quittera le territoire sans contrôle", "Denys Shmyhal")]),
    ("inv_kremlin", "« Moscou est ouvert à une coopération économique », a indiqué le Kremlin.",
     [D("Moscou est ouvert à une coopération économique", "Russian government")]),
    ("inv_locution_capital", "« Ces restrictions visent à protéger la sécurité nationale », a fait valoir Pékin.",
     [D("Ces restrictions visent à protéger la sécurité nationale", "Chinese government")]),
    ("inv_unknown_person", "« Nos mines peuvent fournir l'Europe dès 2027 », a déclaré Marta Kowalska, directrice "
     "d'une société minière polonaise.",
     [D("Nos mines peuvent fournir l'Europe dès 2027", "Marta Kowalska")]),
    ("inv_multi_sentence", "« Le lithium est la clé. Sans lui, pas de transition. Nous devons investir maintenant », "
     "a insisté Stéphane Séjourné.",
     [D("Le lithium est la clé. Sans lui, pas de transition. Nous devons investir maintenant", "Stéphane Séjourné")]),
    ("inv_reconnu", "« Nous avons sous-estimé la dépendance aux aimants chinois », a reconnu Friedrich Merz.",
     [D("Nous avons sous-estimé la dépendance aux aimants chinois", "Friedrich Merz")]),
    ("inv_regrette", "« C'est une occasion manquée », a regretté António Costa.",
     [D("C'est une occasion manquée", "António Costa")]),
    ("inv_ironise", "« Ils découvrent soudain la géologie », a ironisé Maria Zakharova.",
     [D("Ils découvrent soudain la géologie", "Maria Zakharova")]),
    ("inv_retorque_role", "« Nous n'avons de leçons à recevoir de personne », a rétorqué le porte-parole du Kremlin.",
     [D("Nous n'avons de leçons à recevoir de personne", "Dmitry Peskov")]),
    ("inv_tonne", "« Ce pillage doit cesser », a tonné Volodymyr Zelensky.",
     [D("Ce pillage doit cesser", "Volodymyr Zelensky")]),
    ("inv_conclu", "« L'Europe doit se réveiller », a conclu Stéphane Séjourné.",
     [D("L'Europe doit se réveiller", "Stéphane Séjourné")]),
    ("inv_confie_anon", "« On ne signe pas un tel texte à la légère », confie un haut responsable ukrainien.",
     [D("On ne signe pas un tel texte à la légère", "?un haut responsable ukrainien")]),
    ("inv_explique_t_il", "Wang Wentao a reçu une délégation européenne. « Les licences seront accordées au cas par "
     "cas », explique-t-il.",
     [D("Les licences seront accordées au cas par cas", "Wang Wentao")]),
    ("inv_souligne_t_elle", "Ioulia Svyrydenko s'est rendue à Washington. « Ce fonds appartient à parts égales aux "
     "deux pays », souligne-t-elle.",
     [D("Ce fonds appartient à parts égales aux deux pays", "Yulia Svyrydenko")]),
    ("inv_role_present", "« Nous ne bradons pas nos ressources », affirme le président ukrainien.",
     [D("Nous ne bradons pas nos ressources", "Volodymyr Zelensky")]),
    ("inv_long_np", "« L'exportation de germanium reste soumise à autorisation », a rappelé jeudi la porte-parole "
     "de la diplomatie chinoise, Mao Ning.",
     [D("L'exportation de germanium reste soumise à autorisation", "Mao Ning")]),
    ("inv_fragment", "Le projet est « mort-né », a tranché Sergueï Lavrov.",
     [M("a tranché", "Sergei Lavrov", "mort-né")]),
    ("inv_then_pronoun", "« Nous avons fait notre part », a déclaré Marco Rubio. « Maintenant, c'est à Kiev de "
     "signer », a-t-il poursuivi.",
     [D("Nous avons fait notre part", "Marco Rubio"), D("Maintenant, c'est à Kiev de signer", "Marco Rubio")]),
    ("inv_split_quote", "« Nous avons fait notre part », a déclaré Marco Rubio, « maintenant c'est à Kiev de "
     "signer ».",
     [D("Nous avons fait notre part", "Marco Rubio"), D("maintenant c'est à Kiev de signer", "Marco Rubio")]),
    ("inv_verb_inside_quote", "« Je pense que l'accord est mauvais », a jugé Sergueï Lavrov.",
     [D("Je pense que l'accord est mauvais", "Sergei Lavrov")]),
    # --- incise inside the marks: one item per segment, without the incise (gold convention) ---
    ("incise_il", "Taras Katchka a reçu lundi les investisseurs étrangers. « Nous sommes prêts, a-t-il dit, à "
     "travailler avec tous les partenaires. »",
     [D("Nous sommes prêts", "Taras Kachka"), D("à travailler avec tous les partenaires.", "Taras Kachka")]),
    ("incise_named", "« Ce partenariat, a expliqué Kaja Kallas, doit profiter aux deux parties. »",
     [D("Ce partenariat", "Kaja Kallas"), D("doit profiter aux deux parties.", "Kaja Kallas")]),
    ("incise_elle", "Maria Zakharova a répondu aux questions des journalistes. « Les sanctions, a-t-elle estimé, "
     "n'ont aucun effet. »",
     [D("Les sanctions", "Maria Zakharova"), D("n'ont aucun effet.", "Maria Zakharova")]),
    # --- colon ----------------------------------------------------------------------------------
    ("colon_verb", "Ursula von der Leyen a déclaré : « L'Europe doit sécuriser ses approvisionnements. »",
     [D("L'Europe doit sécuriser ses approvisionnements.", "Ursula von der Leyen")]),
    ("colon_bare", "Maria Zakharova : « Ces sanctions sont illégales et contre-productives. »",
     [D("Ces sanctions sont illégales et contre-productives.", "Maria Zakharova")]),
    ("colon_role", "Le président ukrainien a prévenu : « Nous ne vendrons pas notre sous-sol. »",
     [D("Nous ne vendrons pas notre sous-sol.", "Volodymyr Zelensky")]),
    ("colon_pronoun", "Sergueï Lavrov a rejeté la proposition. Il a averti : « Toute confiscation aura des "
     "conséquences. »",
     [D("Toute confiscation aura des conséquences.", "Sergei Lavrov")]),
    # --- mixed ----------------------------------------------------------------------------------
    ("mixed_fragment", "Donald Trump a assuré que l'accord était « presque finalisé ».",
     [M("a assuré", "Donald Trump", "presque finalisé")]),
    ("mixed_whole_clause", "Le Kremlin a affirmé que « la porte des négociations reste ouverte ».",
     [M("a affirmé", "Russian government", "la porte des négociations reste ouverte")]),
    ("mixed_infinitive", "Scott Bessent a dit espérer « une signature rapide » du texte.",
     [M("a dit", "Scott Bessent", "une signature rapide")]),
    ("mixed_qualifie", "Kaja Kallas a qualifié la décision chinoise de « regrettable ».",
     [M("a qualifié", "Kaja Kallas", "regrettable")]),
    ("mixed_participle", "Le ministre chinois du Commerce a rejeté les accusations, clamant que « la Chine ne "
     "pratique aucune coercition ».",
     [I("a rejeté", "Wang Wentao"), M("clamant", "Wang Wentao", "la Chine ne pratique aucune coercition")]),
    ("mixed_selon_ses_termes", "Stéphane Séjourné a évoqué un partenariat qui serait, selon ses termes, "
     "« gagnant-gagnant ».",
     [M("a évoqué", "Stéphane Séjourné", "gagnant-gagnant")]),
    ("mixed_past_perfect", "Antony Blinken avait estimé en 2023 qu'un tel accord était « indispensable ».",
     [M("avait estimé", "Antony Blinken", "indispensable")]),
    ("mixed_pronoun_il", "Volodymyr Zelensky a rencontré Ursula von der Leyen à Kiev. Il a affirmé que son pays "
     "était « prêt à signer ».",
     [M("a affirmé", "Volodymyr Zelensky", "prêt à signer")]),
    ("mixed_pronoun_elle", "Ursula von der Leyen a reçu Volodymyr Zelensky à Bruxelles. Elle a assuré que l'Union "
     "resterait « aux côtés de l'Ukraine ».",
     [M("a assuré", "Ursula von der Leyen", "aux côtés de l'Ukraine")]),
    ("mixed_denonce_np", "Kaja Kallas a dénoncé la « coercition économique » exercée par Pékin.",
     [M("a dénoncé", "Kaja Kallas", "coercition économique")]),
    ("mixed_salue", "Emmanuel Macron a salué un accord « historique » entre l'Union et le Chili.",
     [M("a salué", "Emmanuel Macron", "historique")]),
    ("mixed_curly", "Marco Rubio a estimé que Pékin menait une “guerre économique” contre ses voisins.",
     [M("a estimé", "Marco Rubio", "guerre économique")]),
    # --- indirect -------------------------------------------------------------------------------
    ("ind_que_role", "Le président russe a assuré mardi que Moscou était prêt à coopérer avec des entreprises "
     "américaines.",
     [I("a assuré", "Vladimir Putin")]),
    ("ind_annonce_obj", "Le ministère chinois du Commerce a annoncé de nouvelles restrictions sur les exportations "
     "de graphite.",
     [I("a annoncé", "Ministry of Commerce of China")]),
    ("ind_voeux", "Emmanuel Macron a appelé de ses vœux une alliance européenne des matières premières.",
     [I("a appelé de ses vœux", "Emmanuel Macron")]),
    ("ind_evoque", "Kaja Kallas a évoqué jeudi un possible accord sur le cobalt avec la République démocratique "
     "du Congo.",
     [I("a évoqué", "Kaja Kallas")]),
    ("ind_estime_role", "Le chef de la diplomatie américaine a estimé que la Chine cherchait à contrôler le marché "
     "des aimants.",
     [I("a estimé", "Marco Rubio")]),
    ("ind_role_dated", "Le chef de la diplomatie américaine a affirmé que Washington soutiendrait Kiev.",
     [I("a affirmé", "Antony Blinken")], "2023-05-10"),
    ("ind_ordonne", "Xi Jinping a ordonné aux ministères de renforcer les contrôles sur les métaux rares.",
     [I("a ordonné", "Xi Jinping")]),
    ("ind_invite", "Donald Trump a invité les groupes miniers à investir en Alaska.",
     [I("a invité", "Donald Trump")]),
    ("ind_dementi", "La Maison Blanche a démenti toute pression sur Kiev.",
     [I("a démenti", "United States government")]),
    ("ind_selon_start", "Selon Bruxelles, le règlement sur les matières premières critiques entrera en vigueur "
     "au printemps.",
     [I("Selon", "European Commission")]),
    ("ind_selon_end", "Une deuxième série de discussions est prévue à Riyad, selon Washington.",
     [I("selon", "United States government")]),
    ("ind_selon_joint", "Les deux capitales sont parvenues à un compromis sur les redevances, selon Paris et Berlin.",
     [I("selon", "French government & German government")]),
    ("ind_dapres_org", "D'après le Kremlin, aucune rencontre n'est prévue à ce stade.",
     [I("D'après", "Russian government")]),
    ("ind_pour", "Pour Sergueï Lavrov, ces sanctions constituent une déclaration de guerre économique.",
     [I("Pour", "Sergei Lavrov")]),
    ("ind_pronoun_two_back", "Volodymyr Zelensky s'est rendu à Washington vendredi. Les entretiens ont duré deux "
     "heures. Il a ensuite indiqué que les discussions se poursuivraient.",
     [I("indiqué", "Volodymyr Zelensky")]),
    ("ind_se_dire", "Scott Bessent s'est dit prêt à revoir les termes du fonds commun.",
     [I("s'est dit", "Scott Bessent")]),
    ("ind_conj", "Marco Rubio a rencontré son homologue ukrainien et a souligné que l'accord renforcerait la "
     "sécurité de l'Ukraine.",
     [I("a souligné", "Marco Rubio")]),
    ("ind_relative", "Volodymyr Zelensky, qui a rencontré Donald Trump, a répété que l'Ukraine ne céderait aucun "
     "territoire.",
     [I("a répété", "Volodymyr Zelensky")]),
    ("ind_metonymy_exige", "Washington a exigé un accès prioritaire aux gisements ukrainiens.",
     [I("a exigé", "United States government")]),
    ("ind_two_speakers", "Donald Trump a affirmé que l'accord était prêt, mais Volodymyr Zelensky a répondu que "
     "plusieurs points restaient ouverts.",
     [I("a affirmé", "Donald Trump"), I("a répondu", "Volodymyr Zelensky")]),
    ("ind_joint_subject", "Paris et Berlin ont estimé que l'Europe devait produire ses propres aimants.",
     [I("ont estimé", "French government & German government")]),
    ("ind_addressee", "Andriï Sybiga a déclaré à la presse que Kiev refuserait tout accord déséquilibré.",
     [I("a déclaré", "Andrii Sybiha")]),
    ("ind_prevenu", "Pékin a prévenu que toute nouvelle taxe américaine entraînerait des représailles.",
     [I("a prévenu", "Chinese government")]),
    ("ind_denonce", "Moscou a dénoncé les sanctions européennes visant son secteur minier.",
     [I("a dénoncé", "Russian government")]),
    ("ind_present_reclame", "Varsovie réclame une part des contrats de reconstruction.",
     [I("réclame", "Polish government")]),
    ("ind_demande", "Andriï Sybiga a demandé aux Européens de fournir des garanties de sécurité.",
     [I("a demandé", "Andrii Sybiha")]),
    ("ind_exhorte", "Ursula von der Leyen a exhorté les États membres à accélérer les permis miniers.",
     [I("a exhorté", "Ursula von der Leyen")]),
    ("ind_menace", "Donald Trump a menacé la Chine de nouveaux droits de douane.",
     [I("a menacé", "Donald Trump")]),
    ("ind_promis", "Le président américain a promis de protéger les investissements dans les mines ukrainiennes.",
     [I("a promis", "Donald Trump")]),
    ("ind_precise", "La porte-parole de la Maison Blanche a précisé que le texte serait publié lundi.",
     [I("a précisé", "Karoline Leavitt")]),
    ("ind_confirme", "Le Kremlin a confirmé la tenue d'une rencontre entre les deux présidents.",
     [I("a confirmé", "Russian government")]),
    ("ind_selon_sources", "Selon des sources proches du dossier, la signature pourrait intervenir en mai.",
     [I("Selon", "?des sources proches du dossier")]),
    ("ind_dapres_person", "D'après Ioulia Svyrydenko, le fonds recevra la moitié des revenus.",
     [I("D'après", "Yulia Svyrydenko")]),
    ("ind_aux_yeux", "Aux yeux de Pékin, ces contrôles relèvent de la souveraineté nationale.",
     [I("Aux yeux de", "Chinese government")]),
    ("ind_negated", "Kaja Kallas n'a pas exclu que l'Union impose des quotas.",
     [I("exclu", "Kaja Kallas")]),
    ("ind_reflexive_de", "Stéphane Séjourné s'est inquiété de la dépendance européenne au magnésium chinois.",
     [I("s'est inquiété", "Stéphane Séjourné")]),
    ("ind_se_felicite", "Volodymyr Zelensky s'est félicité de la signature de l'accord.",
     [I("s'est félicité", "Volodymyr Zelensky")]),
    ("ind_selon_lui", "Volodymyr Zelensky a reçu les investisseurs. Selon lui, les gisements de titane valent des "
     "milliards.",
     [I("Selon", "Volodymyr Zelensky")]),
    ("ind_commission", "La Commission européenne a proposé mardi de constituer des stocks communs de matières "
     "premières.",
     [I("a proposé", "European Commission")]),
    ("ind_comme_relative", "Le texte ouvre un fonds commun, que Varsovie considère comme une menace pour ses mines.",
     [I("considère", "Polish government")]),
    ("ind_presente_comme", "Washington présente le fonds comme un moyen de sécuriser ses approvisionnements.",
     [I("présente", "United States government")]),
    ("ind_attr_relative", "Ursula von der Leyen avait écarté une première version, qu'elle jugeait trop vague.",
     [I("jugeait", "Ursula von der Leyen")]),
    ("ind_gerund_inherits", "« Le cobalt est une priorité », a déclaré Kaja Kallas devant la presse, en insistant sur "
     "la diversification des fournisseurs.",
     [D("Le cobalt est une priorité", "Kaja Kallas"), I("insistant", "Kaja Kallas")]),
    ("ind_infinitive_inherits", "« Ils viendront lundi », a déclaré Donald Trump lors d'un conseil des ministres, "
     "avant de qualifier l'accord de « gigantesque ».",
     [D("Ils viendront lundi", "Donald Trump"), M("qualifier", "Donald Trump", "gigantesque")]),
    ("ind_inverted_after_clause", "Le gouvernement a adopté le projet mardi, a annoncé le Premier ministre ukrainien.",
     [I("a annoncé", "Denys Shmyhal")]),
    ("ind_inverted_clitic_after_clause", "Scott Bessent a rencontré les négociateurs. Le fonds sera géré à parité, "
     "a-t-il précisé.",
     [I("a-t-il précisé", "Scott Bessent")]),
    ("mixed_fragment_then_inversion", "Maria Zakharova a répondu aux journalistes. Quant aux sanctions, elles « ne "
     "changent rien », a-t-elle dit.",
     [M("a-t-elle dit", "Maria Zakharova", "ne changent rien")]),
    ("ind_temporal_np", "Donald Trump a affirmé le même jour qu'un accord était à portée de main.",
     [I("a affirmé", "Donald Trump")]),
    ("ind_anonymous_on", "Dans l'entourage du président ukrainien, on souligne que rien n'est encore signé.",
     [I("souligne", "?on")]),
    ("ind_anonymous_lui", "« Le fonds manque de projets », a estimé un économiste de Kiev. D'après lui, les "
     "investisseurs attendent la fin des combats.",
     [D("Le fonds manque de projets", "?un économiste de Kiev"), I("D'après", "?lui")]),
    ("neg_document_subject", "La version finale mentionne un fonds commun alimenté par les redevances.", []),
    ("neg_bare_participle_not_passive", "Kiev avait lui-même suggéré en 2024 d'associer des investisseurs "
     "occidentaux.",
     [I("suggéré", "Ukrainian government")]),
    ("ind_selon_communique", "Les licences seront accordées au cas par cas, selon un communiqué du ministère chinois "
     "du Commerce.",
     [I("selon", "Ministry of Commerce of China")]),
    ("mixed_source_after_quote", "Pékin a durci ses contrôles, une mesure qui « protège la sécurité nationale », selon "
     "un communiqué du ministère chinois du Commerce.",
     [M("selon", "Ministry of Commerce of China", "protège la sécurité nationale")]),
    ("inv_addressee_then_subject", "« Les discussions ont été utiles », a indiqué à l'AFP une source proche de la "
     "délégation ukrainienne.",
     [D("Les discussions ont été utiles", "?une source proche de la délégation ukrainienne")]),
    ("ind_title_with_institution", "Le ministre roumain de l'Economie, interrogé par la radio publique, a estimé que "
     "le pays devait rouvrir ses mines.",
     [I("a estimé", "?Le ministre roumain de l'Economie")]),
    ("neg_describing_participle", "La fiche du projet publiée sur le site du ministère mentionne trois gisements.", []),
    ("neg_thing_with_body_complement", "L'offre de l'Union ne réclame aucune contrepartie financière.", []),
    ("ind_courtesy_title", "M. Zelensky a répété que les gisements de l'Ukraine ne seraient pas bradés.",
     [I("a répété", "Volodymyr Zelensky")]),
    ("inv_hyphenated_title", "« Nos juristes étudient le texte », a précisé le porte-parole du gouvernement ukrainien.",
     [D("Nos juristes étudient le texte", "Ukrainian government")]),
    # --- pronouns with two candidate antecedents -------------------------------------------------
    ("pron_elle_two", "Karoline Leavitt a répondu à Donald Trump lors du point presse. Elle a assuré que les "
     "discussions avançaient.",
     [I("a assuré", "Karoline Leavitt")]),
    ("pron_il_two", "Kaja Kallas a rencontré Andriï Sybiga à Bruxelles. Il a déclaré que Kiev avait besoin de "
     "garanties.",
     [I("a déclaré", "Andrii Sybiha")]),
    ("pron_il_subject_first", "Donald Trump a reçu Volodymyr Zelensky dans le Bureau ovale. Il a affirmé que "
     "l'accord serait signé rapidement.",
     [I("a affirmé", "Donald Trump")]),
    ("pron_ils_joint", "Emmanuel Macron et Friedrich Merz ont reçu les industriels. Ils ont plaidé pour une réserve "
     "européenne de terres rares.",
     [I("ont plaidé", "Emmanuel Macron & Friedrich Merz")]),
    # --- speaker in a previous sentence ----------------------------------------------------------
    ("prev_one", "Le ministre chinois du Commerce a tenu une conférence de presse jeudi. « Nous appliquerons la loi "
     "sur le contrôle des exportations. »",
     [D("Nous appliquerons la loi sur le contrôle des exportations.", "Wang Wentao")]),
    ("prev_two", "Dmitri Peskov s'est exprimé mercredi devant les journalistes. La salle était comble. « Personne "
     "ne nous dictera nos conditions. »",
     [D("Personne ne nous dictera nos conditions.", "Dmitry Peskov")]),
    ("prev_continuation", "« Les stocks européens sont insuffisants », a averti Stéphane Séjourné. « Nous devons "
     "agir avant l'hiver. »",
     [D("Les stocks européens sont insuffisants", "Stéphane Séjourné"),
      D("Nous devons agir avant l'hiver.", "Stéphane Séjourné")]),
    # --- long quotes over several paragraphs ---------------------------------------------------
    ("multi_paragraph", "« Le premier volet porte sur le titane.\n« Le second concerne le lithium et le graphite », "
     "a précisé Ioulia Svyrydenko.",
     [D("Le premier volet porte sur le titane.", "Yulia Svyrydenko"),
      D("Le second concerne le lithium et le graphite", "Yulia Svyrydenko")]),
    ("multi_paragraph_three", "Ioulia Svyrydenko a détaillé le texte.\n« Le fonds sera alimenté par les revenus "
     "miniers.\n« Il sera géré conjointement.\n« Les deux pays y auront une voix égale. »",
     [I("a détaillé", "Yulia Svyrydenko"),
      D("Le fonds sera alimenté par les revenus miniers.", "Yulia Svyrydenko"),
      D("Il sera géré conjointement.", "Yulia Svyrydenko"),
      D("Les deux pays y auront une voix égale.", "Yulia Svyrydenko")]),
    # --- nested quotes --------------------------------------------------------------------------
    ("nested_curly", "« Le président m'a dit “nous signerons lundi”, mais rien n'est fait », a confié un "
     "négociateur ukrainien.",
     [D("Le président m'a dit “nous signerons lundi”, mais rien n'est fait", "?un négociateur ukrainien")]),
    ("nested_straight", '« Ils appellent cela un "partenariat", nous appelons cela une dépendance », a lancé Kaja '
     'Kallas.',
     [D('Ils appellent cela un "partenariat", nous appelons cela une dépendance', "Kaja Kallas")]),
    # --- terms: scare quotes, titles, slogans ----------------------------------------------------
    ("term_scare", 'Les analystes parlent désormais d\'une "guerre des métaux".',
     [M("parlent", "?Les analystes", "guerre des métaux")]),
    ("term_scare_no_speech", 'La "guerre des métaux" a commencé en 2023.',
     [T("guerre des métaux")]),
    ("term_title", "Le rapport « Perspectives des minerais critiques » a été publié mardi par l'Agence "
     "internationale de l'énergie.",
     [T("Perspectives des minerais critiques")]),
    ("term_slogan", "Des manifestants scandaient « Pas de mines sans consentement » devant le Parlement.",
     [T("Pas de mines sans consentement")]),
    ("term_plan", "Bruxelles a présenté le plan « RESourceEU » pour réduire sa dépendance.",
     # a name in quotation marks is nobody's words, even inside a statement
     [I("a présenté", "European Commission"), T("RESourceEU")]),
    ("term_plan_no_speech", "Le plan « RESourceEU » doit réduire la dépendance de l'Union.",
     [T("RESourceEU")]),
    ("term_in_statement", 'Stéphane Séjourné a annoncé que le programme "Matières premières 2030" serait doté de '
     "deux milliards d'euros.",
     [I("a annoncé", "Stéphane Séjourné"), T("Matières premières 2030", "Stéphane Séjourné")]),
    ("term_single_curly", "La presse locale a surnommé le gisement ‘la mine du siècle’.",
     [T("la mine du siècle")]),
    # --- hard negatives -------------------------------------------------------------------------
    ("neg_apostrophes", "L'accord conclu aujourd'hui prévoit l'exploitation d'un gisement d'uranium.", []),
    ("neg_curly_apostrophes", "L’Ukraine ouvrira l’accès à ses gisements d’ici l’automne.", []),
    ("ind_engagement_curly", "L’Ukraine s’est engagée à ouvrir l’accès à ses gisements d’ici l’automne.",
     [I("s’est engagée", "Ukraine")]),
    ("neg_curly_apostrophe_quote_like", "L’entreprise a ouvert aujourd’hui sa troisième mine d’ilménite.", []),
    ("neg_passive_estimer", "Les réserves de lithium du gisement sont estimées à deux millions de tonnes.", []),
    ("neg_ajouter", "Le groupe a ajouté deux mines à son portefeuille l'an dernier.", []),
    ("neg_rappeler_obj", "Varsovie a rappelé son ambassadeur à Pékin.", []),
    ("neg_rejeter", "Le Parlement a rejeté le projet de loi sur les mines.", []),
    ("neg_numbers", "La société a vendu 3 000 tonnes de cuivre en 2024.", []),
    ("neg_selon_figures", "Selon les chiffres des douanes, les exportations de gallium ont chuté de moitié.", []),
    ("neg_selon_agreement", "Selon l'accord, les revenus seront partagés à parts égales.", []),
    ("neg_pour_purpose", "Le fonds a été créé pour Kiev et ses partenaires.", []),
    ("neg_pour_time", "Pour l'instant, aucun calendrier n'a été fixé.", []),
    ("neg_headline_quote", "« Terres rares : la bataille est lancée. »",
     [D("Terres rares : la bataille est lancée.", None)]),
]


def _speaker(sp: dict | None) -> str | None:
    if sp is None:
        return None
    if sp.get("name") is None and not sp.get("speakers"):
        return "?" + sp["text"]
    return sp["name"]


def _observed(doc) -> list[tuple]:
    out = []
    for q in doc._.filon_quotes:
        if q["kind"] == "direct":
            out.append(D(q["text"], _speaker(q["speaker"])))
        elif q["kind"] == "term":
            out.append(T(q["text"], _speaker(q["speaker"])))
        elif q["kind"] == "mixed":
            out.append(M(q["cue"], _speaker(q["speaker"]), q["quote_text"]))
        else:
            out.append(I(q["cue"], _speaker(q["speaker"])))
    return out


def test_quotes_table_has_enough_cases():
    assert len(CASES) >= 100
    assert len({case[0] for case in CASES}) == len(CASES)


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_quotes_table(nlp, run, case):
    text, expected = case[1], case[2]
    published = case[3] if len(case) > 3 else DAY
    doc = run(nlp, text, published=published)
    assert sorted(_observed(doc), key=repr) == sorted(expected, key=repr)
