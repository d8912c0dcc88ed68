# ruff: noqa: E501 - the table holds whole sentences, one case per entry, easier to read unwrapped
"""Who said it in press styles beyond the wire dispatch (issue 10, item 5), fifth round.

Every sentence is our own. Anonymous speakers counted or described by their role ("un certain
nombre de groupes rebelles ont affirmé", "un représentant de l'une des factions a confirmé"):
a statement with no named speaker. Two speech acts coordinated ("a déclaré que …, et a ajouté
que …", "a souligné que …, mais a averti que …"): two statements, the second with the first's
speaker, the first's content stopping before the second. A name set after a source described
("selon le quotidien local, Le Matin, …", "selon l'agence italienne «ANSA»"): the name speaks.
"l'État américain": the state. Helpers and conventions are those of `tests/test_quotes_table.py`.
"""

from __future__ import annotations

import pytest
from test_quotes_table import DAY, D, I, M, T, _observed

PRESS_CASES: list[tuple] = [
    # anonymous speakers: counted, or named by their role only
    ("quantity_of_speakers", "Un certain nombre de groupes rebelles ont affirmé qu'ils ne signeraient aucun texte.",
     [I("ont affirmé", "?Un certain nombre de groupes rebelles")]),
    ("role_of_a_faction", "Un représentant de l'une des factions a confirmé que les discussions continuaient.",
     [I("a confirmé", "?Un représentant de l'une des factions")]),
    # a quantity of something that does not speak is no speaker
    ("quantity_of_visitors", "Un nombre record de visiteurs a affirmé que le salon était réussi.",
     []),
    # two speech acts of one subject
    ("and_then_added", "Le ministre Paul Durand a salué l'accord et a ajouté que les discussions reprendraient lundi.",
     [I("a salué", "Paul Durand"), I("a ajouté", "Paul Durand")]),
    ("but_warned", "La ministre Claire Martin a souligné que le texte était prêt, mais a averti que la ratification prendrait du temps.",
     [I("a souligné", "Claire Martin"), I("a averti", "Claire Martin")]),
    ("and_then_quote", "Le président Marc Dubois a déclaré que la conférence était un succès, et a ajouté : « Nous tiendrons parole. »",
     [I("a déclaré", "Marc Dubois"), D("Nous tiendrons parole.", "Marc Dubois")]),
    # a name after the description of a source
    ("source_named_between_commas", "Selon le quotidien local, Algemeen Dagblad, le protocole rappelle celui signé en 2016.",
     [I("Selon", "Algemeen Dagblad")]),
    ("state_by_its_adjective", "La trêve entrera en vigueur lundi, selon un communiqué publié par l'État américain.",
     [I("selon", "United States")]),
    # no attribution: a relative "selon lesquelles", a speech verb under a modal, a
    # participle saying who the subject is
    ("selon_lesquelles_is_no_source", "Paul Durand a rejeté les critiques selon lesquelles le pays aurait trop cédé.",
     [I("a rejeté", "Paul Durand")]),
    ("speech_under_a_modal", "Le conseiller Paul Durand a rappelé que le pays pouvait exiger certaines choses. Il peut par exemple demander davantage d'exceptions.",
     [I("a rappelé", "Paul Durand")]),
    ("gerund_after_a_quote_with_a_modal", "« Cet accord peut devenir un grand succès », a déclaré Paul Durand, en insistant sur la poursuite de l'aide.",
     [D("Cet accord peut devenir un grand succès", "Paul Durand"), I("insistant", "Paul Durand")]),
    ("invited_is_who_speaks", "Le parti reste neutre. Invité du journal de 20 heures, le secrétaire Paul Durand a annoncé qu'il voterait le texte.",
     [I("a annoncé", "Paul Durand")]),
    # "comme le réclamait X": X said it
    ("as_claimed_by", "Le gouvernement a annoncé des mesures sur le logement, comme le réclamait le Parti socialiste.",
     [I("réclamait", "Socialist Party"), I("a annoncé", "?Le gouvernement")]),
    # fragments that go on the sentence of a quote attributed after its marks
    ("fragments_after_an_inverted_cue", "« L'ambiance est tendue », souligne Paul Durand, parce que « c'est la Commission qui négocie », alors que chaque pays a « des intérêts différents » à défendre.",
     [D("L'ambiance est tendue", "Paul Durand"), D("c'est la Commission qui négocie", "Paul Durand"), D("des intérêts différents", "Paul Durand")]),
    ("another_cue_between_keeps_its_speaker", "« Nous sommes prêts », a déclaré Paul Durand, tandis que Marie Dupont a dénoncé « une trahison totale ».",
     [D("Nous sommes prêts", "Paul Durand"), M("a dénoncé", "Marie Dupont", "une trahison totale")]),
    ("a_name_after_an_inverted_cue_stays_a_term", "« Nous sommes prêts », a déclaré Paul Durand devant la « Maison de la radio ».",
     [D("Nous sommes prêts", "Paul Durand"), T("Maison de la radio")]),
    # "pour X" after a fragment says for whom; after a whole quote, who says it
    ("for_whom_after_a_fragment", "La presse voit en cet accord un « triomphe » pour le Premier ministre Paul Durand.",
     [T("triomphe")]),
    ("pour_after_a_whole_quote", "« C'est une victoire », pour Paul Durand.",
     [D("C'est une victoire", "Paul Durand")]),
    # a name in quotation marks after what it names is a term, nobody's words
    ("quoted_name_after_a_noun", "Le FMI et la Sierra Leone ont conclu un accord au niveau des services (« Staff-Level Agreement »), a indiqué le FMI.",
     [I("a indiqué", "International Monetary Fund"), T("Staff-Level Agreement")]),
    ("capitalised_words_after_de_are_words", "Le président Paul Durand l'a qualifié de « Grand Satan ».",
     [M("a qualifié", "Paul Durand", "Grand Satan")]),
    # ", selon X" at the end of a reported clause is another source: the clause stops there
    ("selon_after_a_reported_clause", "Le ministre Paul Durand a déclaré que l'accord serait prolongé, selon l'agence italienne ANSA.",
     [I("selon", "ANSA"), I("a déclaré", "Paul Durand")]),
    # the model glues a portfolio to a name with a particle: the name is the person
    ("name_with_a_particle_after_a_portfolio", "« Nous tiendrons l'objectif dans un courrier adressé lundi », a précisé la ministre des Comptes publics Amélie de Montchalin.",
     [D("Nous tiendrons l'objectif dans un courrier adressé lundi", "Amélie de Montchalin")]),
    # who relays the words is set apart from the speaker
    ("speaker_cited_by_an_agency", "Le ministre Paul Durand, interrogé par l'AFP, a affirmé que l'accord était proche.",
     [I("a affirmé", "Paul Durand")]),
    ("spokesperson_cited_by_a_paper", "Un porte-parole du département du Commerce, cité par Bloomberg, a déclaré que les licences seraient accordées.",
     [I("a déclaré", "US Department of Commerce")]),
    # praising with a noun phrase is a statement; claiming an attack is not speech
    ("praised_a_step", "La ministre Claire Martin a vanté une étape importante pour l'accord.",
     [I("a vanté", "Claire Martin")]),
    ("claimed_an_attack", "Le groupe Paul Durand revendique l'attaque de la base.",
     []),
    # a quoted clause with no cue of its own is words said by whoever spoke just before
    ("quoted_clause_goes_on_the_last_speaker", "Selon le ministre Paul Durand, les deux pays ont signé un accord. L'identification des personnes « s'étalera sur une période de 45 jours ».",
     [I("Selon", "Paul Durand"), D("s'étalera sur une période de 45 jours", "Paul Durand")]),
    # too far from any speaker, or no clause: a term
    ("quoted_clause_far_from_a_speaker", "Selon le ministre Paul Durand, les deux pays ont signé un accord. La pêche reprendra. Les bateaux sortiront. L'identification « s'étalera sur 45 jours ».",
     [I("Selon", "Paul Durand"), T("s'étalera sur 45 jours")]),
    ("quoted_noun_phrase_stays_a_term", "Selon le ministre Paul Durand, les deux pays ont signé un accord. Le texte évoque la « souveraineté européenne ».",
     [I("Selon", "Paul Durand"), T("souveraineté européenne")]),
    # "pour sa part" is an adjunct, not "pour X" naming a source
    ("pour_sa_part_after_a_quote", "« Nous irons plus loin », a pour sa part déclaré le vice-président de la société, Paul Durand, dans un communiqué.",
     [D("Nous irons plus loin", "Paul Durand")]),
    ("pour_sa_part_opening_a_sentence", "Pour sa part, le ministre Paul Durand a déclaré que l'accord était proche.",
     [I("a déclaré", "Paul Durand")]),
    ("state_alone_is_no_state", "L'État a déclaré que la trêve était proche.",
     [I("a déclaré", "?L'État")]),
]


@pytest.mark.parametrize("case", PRESS_CASES, ids=[c[0] for c in PRESS_CASES])
def test_press_speakers_fifth_round(nlp, run, case):
    observed = _observed(run(nlp, case[1], published=DAY))
    assert observed == case[2]


def test_press_source_named_in_quotation_marks(nlp, run):
    # the name in quotation marks after the description is who the source is (the marks also
    # make a quote of the name, whatever its kind)
    doc = run(nlp, "Le ministre a déclaré que l'accord serait prolongé, selon l'agence italienne «ANSA».",
              published=DAY)
    assert I("selon", "ANSA") in _observed(doc)


def test_press_selon_inside_a_reported_clause_keeps_it_whole(nlp, run):
    doc = run(nlp, "Le ministre Paul Durand a déclaré que l'accord, selon lui, serait prolongé.", published=DAY)
    said = next(q for q in doc._.filon_quotes if q.get("cue") == "a déclaré")
    assert said["text"].endswith("serait prolongé")
