# ruff: noqa: E501 - the table holds whole sentences, one case per entry, easier to read unwrapped
"""Who said it in press styles beyond the wire dispatch (issue 10, item 5), second round.

Every sentence is our own. Each case targets one failure class found on real press copy: a
description that points back to a name through the title written next to it or through a
nationality, the author of "le communiqué", "la même source", a title that speaks before its
holder is named, documents as carriers of someone's words, coordinated subjects the parser
missed, and aggregator copy whose line breaks cut clauses. Helpers and conventions are those of
`tests/test_quotes_table.py`.
"""

from __future__ import annotations

import pytest
from test_quotes_table import DAY, D, I, M, T, _observed

PRESS_CASES: list[tuple] = [
 # 1. a description points back through the title written next to the name
    ("title_next_to_name_far", "Le texte sera signé lundi, a déclaré le porte-parole du ministère des Affaires étrangères Chen Bo. La Chine a signé. Pierre Martin était là. Jean Castel aussi. Une cérémonie a eu lieu. Selon le porte-parole, cet accord est important.",
     [I("a déclaré", "Chen Bo"), I("Selon", "Chen Bo")]),
    ("title_in_apposition_after", "Marc Dubois, ministre délégué au Commerce, a rencontré ses homologues. Paul Girard était présent.\n\nLes discussions seront longues.\n\nElles reprendront mardi.\n\n« Nous restons prudents », a détaillé le ministre.",
     [D("Nous restons prudents", "Marc Dubois")]),
 # 2. a firm or an agency of a nationality is the latest one of that country
    ("firm_by_nationality", "BP a signé un contrat avec la compagnie chinoise CNOOC. Les livraisons commenceront en 2019, a annoncé le géant pétrolier britannique.",
     [I("a annoncé", "BP")]),
    ("agency_description", "Le traité entrera en vigueur en janvier, a indiqué l'Associated Press. Selon l'agence américaine, « le texte protège la haute mer ».",
     [I("a indiqué", "Associated Press"), M("Selon", "Associated Press", "le texte protège la haute mer")]),
 # 3. documents and sources named before
    ("le_communique_author", "Dans un communiqué, l'OMS et Gavi ont indiqué que les livraisons commenceront en mars. D'autres livraisons suivront en juin, précise le communiqué.",
     [I("ont indiqué", "World Health Organization & Gavi"), I("précise", "World Health Organization & Gavi")]),
    ("le_communique_inverted_author", "La trêve a été conclue, ont annoncé les États-Unis et l'Arabie saoudite dans un communiqué conjoint.\n\nElle sera surveillée par un mécanisme commun, indique le communiqué.",
     [I("ont annoncé", "United States & Saudi Arabia"), I("indique", "United States & Saudi Arabia")]),
    ("la_meme_source", "Selon Reuters, « le contrat vaut 20 milliards ». D'après la même source, « la signature aura lieu lundi ».",
     [M("Selon", "Reuters", "le contrat vaut 20 milliards"), M("D'après", "Reuters", "la signature aura lieu lundi")]),
    ("annonce_par_cabinet", "Un accord sera signé vendredi, selon l'annonce par le cabinet du vice-président de la Commission européenne Paul Girard.",
     [I("selon", "Paul Girard")]),
    ("discours_qui", "Le sommet s'ouvre au lendemain du discours du président Paul Girard qui a martelé que le pays ne signerait plus de « grands accords ».",
     [M("a martelé", "Paul Girard", "grands accords")]),
 # 4. a title speaks before its holder is named (a lead, then the wire's second paragraph)
    ("cataphoric_title", "Le ministre du Commerce du Pérou a salué samedi de « grands progrès » dans les négociations.\n\nDans un message publié samedi, Jorge Salas a déclaré que son gouvernement acceptait le cadre.",
     [M("a salué", "Jorge Salas", "grands progrès"), I("a déclaré", "Jorge Salas")]),
    ("cataphoric_title_gender", "La ministre du Commerce du Pérou a salué samedi des progrès dans les négociations.\n\nJorge Salas a déclaré que son gouvernement acceptait le cadre.",
     [I("a salué", "?La ministre du Commerce du Pérou"), I("a déclaré", "Jorge Salas")]),
 # 5. coordinated subjects the parser hangs elsewhere
    ("coordination_after_complement", "Dans un communiqué publié hier soir, l'OMS et Gavi ont indiqué qu'il était possible de livrer les doses.",
     [I("ont indiqué", "World Health Organization & Gavi")]),
 # 6. aggregator copy: a line break inside a clause does not end the sentence
    ("line_break_inside_clause", "Paul Girard a répondu aux questions de la radio. « C'est cela qui est encore discuté » dans\n\nles « dernières heures de discussions »\n\n, selon lui.",
     [M("selon", "Paul Girard", "C'est cela qui est encore discuté"), T("dernières heures de discussions", "Paul Girard")]),
]


@pytest.mark.slow
@pytest.mark.parametrize("case", PRESS_CASES, ids=[c[0] for c in PRESS_CASES])
def test_press_speakers_second_round(nlp, run, case):
    observed = _observed(run(nlp, case[1], published=DAY))
    assert sorted(observed, key=repr) == sorted(case[2], key=repr)


def test_case_ids_are_distinct_across_rounds():
    from test_quotes_press_speakers import PRESS_CASES as FIRST_ROUND

    ids = [c[0] for c in [*FIRST_ROUND, *PRESS_CASES]]
    assert len(set(ids)) == len(ids)
    assert T("x") != D("x", None)  # the helpers of the table are the ones imported


def test_acronym_of_a_common_noun_is_no_actor(nlp, run):
    text = "BP a signé un contrat de gaz naturel liquéfié (GNL) avec CNOOC. Le GNL sera livré en 2019."
    doc = run(nlp, text, published=DAY)
    assert "GNL" not in [e["text"] for e in doc._.filon_entities]
    assert {"BP", "CNOOC"} <= {e["text"] for e in doc._.filon_entities}


def test_common_noun_acronyms_need_the_words_to_spell_them():
    from filon.pipeline.entities.acronyms import common_noun_acronyms

    assert common_noun_acronyms("un contrat de gaz naturel liquéfié (GNL) signé") == {"GNL"}
    assert common_noun_acronyms("le Parti socialiste (PS) a voté") == set()  # a name, capitalised
    assert common_noun_acronyms("avec la compagnie chinoise (CNOOC)") == set()


def test_name_ending_an_organisation_span_is_the_person(nlp, run):
    text = ("Le texte sera signé, a déclaré le porte-parole du ministère des Affaires étrangères Chen Bo. "
            "Lors d'un point de presse, Chen Bo a souligné son importance.")
    doc = run(nlp, text, published=DAY)
    people = [e["text"] for e in doc._.filon_entities if e["label"] == "PER"]
    assert people.count("Chen Bo") == 2
    assert all(e.get("gender") != "f" for e in doc._.filon_entities if e["text"] == "Chen Bo")


def test_paragraph_break_still_ends_a_headline(nlp):
    from filon.pipeline.quotes.context import sentences

    doc = nlp("Accord sur le gaz\n\nLe ministre a signé le texte.")
    assert [s.text.strip() for s in sentences(doc)] == ["Accord sur le gaz", "Le ministre a signé le texte."]
    doc = nlp("Il l'a dit sur\n\nRTL\n\nmardi.")
    assert len(sentences(doc)) == 1
