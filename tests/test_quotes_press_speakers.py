# ruff: noqa: E501 - the table holds whole sentences, one case per entry, easier to read unwrapped
"""Who said it in press styles beyond the wire dispatch (issue 10, item 5).

Every sentence is our own. Each case targets one failure class found on real press copy:
titles with their holder's name in apposition, narrative continuations of the last speaker,
the author of "les mots de …", participles hung on a shared subject, and web copy whose
quotation marks were damaged by rewriting. Helpers and conventions are those of
`tests/test_quotes_table.py`.
"""

from __future__ import annotations

import pytest
from test_quotes_table import DAY, D, I, M, T, _observed

from filon.pipeline.quotes.marks import find_quotes

PRESS_CASES: list[tuple] = [
 # 1. a title, then its holder's name: the name speaks, never the title's other holder
    ("title_name_no_comma", "« Mieux vaut attendre », avait prévenu le commissaire européen au Commerce Pierre Martin devant la presse.",
     [D("Mieux vaut attendre", "Pierre Martin")]),
    ("title_model_adverb", "« Mieux vaut attendre », avait lancé le vice-président de la Commission européenne Paul Girard devant la presse.",
     [D("Mieux vaut attendre", "Paul Girard")]),
    ("title_two_posts_comma", "« Les livraisons commenceront en mai », a déclaré le ministre norvégien de l'Industrie et président de Equinor, Lars Haugen.",
     [D("Les livraisons commenceront en mai", "Lars Haugen")]),
    ("title_participle", "« Nous avons un accord », a annoncé le président élu américain Paul Girard sur son réseau social.",
     [D("Nous avons un accord", "Paul Girard")]),
    ("title_complement_not_holder", "« Nous avançons », a déclaré la porte-parole du gouvernement de Jean Castel.",
     [D("Nous avançons", "?la porte-parole du gouvernement de Jean Castel")]),
    ("title_adviser_of", "« Nous avançons », a déclaré le conseiller de Jean Castel.",
     [D("Nous avançons", "?le conseiller de Jean Castel")]),
    ("title_of_republic", "« C'est une victoire pour nos deux pays », s'est félicité le Président de la République devant la presse.",
     [D("C'est une victoire pour nos deux pays", "Emmanuel Macron")]),
 # 2. the author of someone's words
    ("selon_les_mots", "Le texte crée « une zone de non-droit », selon les mots de la sénatrice écologiste Claire Morel.",
     [M("selon", "Claire Morel", "une zone de non-droit")]),
    ("selon_les_mots_party_and", "La coalition a dénoncé le texte, selon les mots du député de l'Union Gauche et Ecologie Matteo Ricci.",
     [I("selon", "Matteo Ricci")]),
    ("glued_party_name", "« Nous voterons contre », a déclaré le député de l'Alliance Verts et Gauche Angelo Bonelli.",
     [D("Nous voterons contre", "Angelo Bonelli")]),
 # 3. a sentence opening on a participle or an infinitive goes on with the last speaker
    ("et_d_ajouter", "« Nous restons prudents », a déclaré la présidente de la Commission européenne, Ursula von der Leyen. Et d'ajouter qu'il s'agit d'un « pas dans la bonne direction ».",
     [D("Nous restons prudents", "Ursula von der Leyen"), M("ajouter", "Ursula von der Leyen", "pas dans la bonne direction")]),
    ("en_precisant", "« Le contrat sera signé lundi », a déclaré Paul Girard. En précisant que l'Etat « apportera sa garantie ».",
     [D("Le contrat sera signé lundi", "Paul Girard"), M("précisant", "Paul Girard", "apportera sa garantie")]),
    ("tout_en_soulignant", "Anne Leroy a déclaré que la mine fermera. Tout en soulignant que les emplois seront préservés.",
     [I("a déclaré", "Anne Leroy"), I("soulignant", "Anne Leroy")]),
    ("participle_not_speech", "Paul Girard a visité l'usine. En arrivant, il a salué les ouvriers.",
     [I("a salué", "Paul Girard")]),
    ("tout_en_admettant", "La Fédération paysanne, tout en admettant que la bataille est \"presque perdue\", appelle à manifester.",
     [M("admettant", "Fédération paysanne", "presque perdue"), I("appelle", "Fédération paysanne")]),
    ("clitic_participle", "Le président Lula a exhorté l'UE à signer l'accord, le qualifiant de victoire pour le commerce.",
     [I("a exhorté", "Luiz Inácio Lula da Silva"), I("qualifiant", "Luiz Inácio Lula da Silva")]),
 # 4. descriptions and bodies as speakers; an elided "que" before the quote
    ("delegation_qu_quote", "La délégation japonaise a toutefois précisé dans un communiqué qu'\"aucun calendrier n'a été fixé\".",
     [M("précisé", "?La délégation japonaise", "aucun calendrier n'a été fixé")]),
    ("delegation_qu_guillemets", "La délégation japonaise a précisé qu'« aucun calendrier n'a été fixé ».",
     [M("a précisé", "?La délégation japonaise", "aucun calendrier n'a été fixé")]),
    ("list_of_capitals", "Paris, Londres et Berlin soulignent que la fenêtre reste ouverte.",
     [I("soulignent", "French government & British government & German government")]),
    ("title_comma_name_and_body", "Le ministre de l'Economie, Jean Castel, et la Commission européenne ont déclaré que le texte passera.",
     [I("ont déclaré", "Jean Castel & European Commission")]),
    ("untagged_company", "OpenAI a annoncé un accord avec le gouvernement.",
     [I("a annoncé", "OpenAI")]),
    ("selon_published_by", "Le texte passera, selon des informations publiées mardi par le Financial Times.",
     [I("selon", "Financial Times")]),
    ("selon_journalists_of", "La foule exulte, selon des journalistes de l'AFP présents sur place.",
     [I("selon", "Agence France-Presse")]),
    ("selon_document_anonymous", "Les centres ouvriront, selon un document communiqué par les services du gouvernement.",
     [I("selon", "?un document communiqué par les services du gouvernement")]),
 # 5. quotation marks damaged by web copy
    ("no_reopening_mark", "Le ministre Jean Castel a insisté : \"Il n'y a pas de plan finalisé.\n\nCelui-ci ne peut venir que de Kiev\". Puis il est parti.",
     [D("Il n'y a pas de plan finalisé.\n\nCelui-ci ne peut venir que de Kiev", "Jean Castel")]),
    ("closer_typed_backwards", "« Un accord a été atteint dans son bureau« , a précisé cette source, sous couvert d'anonymat.",
     [D("Un accord a été atteint dans son bureau", "?cette source")]),
    ("lost_opening_mark", "Un responsable confirme l'accord.\n\nNous avons un accord sur les otages. Ils reviendront bientôt », a annoncé le président Paul Girard à la presse.",
     [I("confirme", "?Un responsable"), D("Nous avons un accord sur les otages. Ils reviendront bientôt", "Paul Girard")]),
 # 6. no false cue
    ("apres_harsh", "Malgré d'âpres discussions entre les délégations, le texte a été adopté.", []),
    ("apres_unaccented", "D'apres Paul Girard, le texte sera adopte.", [I("D'apres", "Paul Girard")]),
    ("surname_repeated", "Le fabricant, dirigé par Eric Dassier, a signé un accord avec le ministre de la Défense Jean-Marc Castel et son homologue, le général Omar Al-Hamadi.\n\nM. Dassier a dit que la cérémonie était \"une satisfaction\".",
     [M("a dit", "Eric Dassier", "une satisfaction")]),
]


@pytest.mark.slow
@pytest.mark.parametrize("case", PRESS_CASES, ids=[c[0] for c in PRESS_CASES])
def test_press_speakers(nlp, run, case):
    text, expected = case[1], case[2]
    doc = run(nlp, text, published=DAY)
    assert sorted(_observed(doc), key=repr) == sorted(expected, key=repr)


def test_cases_are_distinct():
    assert len({c[0] for c in PRESS_CASES}) == len(PRESS_CASES)
    assert T("x") != D("x", None)  # the helpers of the table are the ones imported


def test_tokenizer_splits_elision_from_the_quote_mark(nlp):
    words = [t.text for t in nlp.make_doc("Il a dit qu'\"aucun\" et l'« accord » puis qu’« il » L'« État »")]
    assert words[3:6] == ["qu'", '"', "aucun"]
    assert words[8:10] == ["l'", "«"]
    assert words[13:15] == ["qu’", "«"]
    assert words[17:19] == ["L'", "«"]
    assert [t.text for t in nlp.make_doc("aujourd'hui l'accord")] == ["aujourd'hui", "l'", "accord"]


def test_quote_over_two_paragraphs_without_reopening_mark():
    text = 'Il a dit : "Le plan est prêt.\n\nIl sera publié lundi". Fin.'
    [q] = find_quotes(text)
    assert text[q.start : q.end] == "Le plan est prêt.\n\nIl sera publié lundi"


def test_unclosed_quote_is_still_dropped_before_an_opening_mark():
    text = 'Il a dit : "Le plan est prêt.\n\nLe texte, dit "version 2", arrive.'
    assert [text[q.start : q.end] for q in find_quotes(text)] == ["version 2"]


def test_stray_closer_needs_a_paragraph_of_its_own_and_a_comma():
    assert find_quotes("Le plan est prêt » et voilà.") == []
    assert find_quotes("Avant.\nle plan est prêt », a-t-il dit.") == []  # no capital: not an opening
    text = "Avant.\nLe plan est prêt », a-t-il dit."
    [q] = find_quotes(text)
    assert text[q.start : q.end] == "Le plan est prêt"


def test_recurring_surname_takes_the_full_name(nlp, run):
    # the model tags "Eric Dassier" and misses "M. Dassier" after a sentence full of names
    text = ("Le fabricant, dirigé par Eric Dassier, a signé un accord avec le ministre de la Défense "
            "Jean-Marc Castel et son homologue, le général Omar Al-Hamadi.\n\nM. Dassier est reparti.")
    doc = run(nlp, text, published=DAY)
    people = [(e["text"], e["name"]) for e in doc._.filon_entities if e["label"] == "PER"]
    assert ("M. Dassier", "Eric Dassier") in people


def test_first_name_inside_a_model_span_starts_a_person(nlp, run):
    doc = run(nlp, "Le député de l'Alliance Verts et Gauche Angelo Bonelli a voté contre.", published=DAY)
    people = [e["text"] for e in doc._.filon_entities if e["label"] == "PER"]
    assert "Angelo Bonelli" in people


def test_eval_counts_gold_statements_on_direct_quotes_and_drops_the_article(gazetteer):
    from filon.evaluation.quotes import score

    gold = {"a": {"direct_quotes": [{"quote": "Non", "speaker": "délégation japonaise", "kind": "full"}],
                  "indirect_statements": [{"speaker": "délégation japonaise", "cue_verb": "a déclaré"}]}}
    speaker = {"name": None, "id": None, "text": "La délégation japonaise"}
    record = {"quotes": [{"kind": "direct", "text": "Non", "speaker": speaker, "cue": "a déclaré",
                          "cue_lemma": "déclarer"}]}
    layers = {layer.layer: layer for layer in score(gold, {"a": record}, gazetteer)}
    assert layers["quotes_exact"].extra["speaker_accuracy"] == 1.0  # "La" left out of the surface
    statements = layers["statements"]
    assert (statements.tp, statements.fn) == (0, 1)  # still a miss: statements meet statements
    assert statements.extra["gold_on_direct_quotes"] == 1
