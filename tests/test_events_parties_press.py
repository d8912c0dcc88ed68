"""Parties and statuses of deals as the general press writes them, on sentences written for these
tests: nationality adjectives of every state, acronyms an article defines, sources that tell
of a deal, names of deals tagged as organisations, denied and preliminary deals.

These run the whole pipeline (entities feed the event rules), as `filon extract` does.
"""

from __future__ import annotations

import pytest

from filon.domains.demonyms import inflections
from filon.domains.folding import spells
from filon.pipeline.entities.acronyms import link_acronyms


@pytest.fixture(scope="module")
def nlp():
    from filon.pipeline import build_pipeline

    return build_pipeline()


def agreements(nlp, text: str) -> list[dict]:
    doc = nlp.make_doc(text)
    doc._.filon_published = "2025-06-02"
    doc._.filon_boilerplate = []
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [e for e in doc._.filon_events if e["type"] == "agreement"]


def parties(event: dict) -> set[str]:
    return {p["name"] for p in event["parties"]}


# ---------------------------------------------------------------- nationality adjectives
@pytest.mark.parametrize(("form", "expected"), [
    ("malien", ("malien", "malienne", "maliens", "maliennes")),
    ("nigérien", ("nigérien", "nigérienne", "nigériens", "nigériennes")),
    ("sénégalais", ("sénégalais", "sénégalaise", "sénégalais", "sénégalaises")),
    ("belge", ("belge", "belges")),
    ("cubain", ("cubain", "cubaine", "cubains", "cubaines")),
    ("émirati", ("émirati", "émiratie", "émiratis", "émiraties")),
])
def test_demonyms_inflections_follow_french_morphology(form, expected):
    assert inflections(form) == expected


@pytest.mark.parametrize(("text", "state"), [
    ("Le FMI et les autorités nigériennes ont signé un accord sur la dette.", "Niger"),
    ("La Banque mondiale a signé un accord avec le gouvernement sierra-léonais.", "Sierra Leone"),
    ("L'Union européenne a conclu un accord de pêche avec les autorités sénégalaises.", "Senegal"),
])
def test_events_any_states_adjective_names_a_party(nlp, text, state):
    [event] = agreements(nlp, text)
    assert state in parties(event)


def test_events_adjective_of_a_source_is_no_party(nlp):
    [event] = agreements(nlp, "Un responsable japonais confirme que la Corée du Sud et le Canada "
                              "ont signé un accord sur l'hydrogène.")
    assert "Japan" not in parties(event)
    assert {"South Korea", "Canada"} <= parties(event)


# ---------------------------------------------------------------- acronyms and own bodies
@pytest.mark.parametrize(("acronym", "name", "expected"), [
    ("PS", "Parti socialiste", True),
    ("CGT", "Confédération générale du travail", True),
    ("FMI", "Fonds monétaire international", True),
    ("FEC", "Staff-Level Agreement", False),
    ("UE", "Parti socialiste", False),
])
def test_acronyms_spell_their_names(acronym, name, expected):
    assert spells(acronym, name) is expected


def test_acronyms_later_mentions_take_the_defined_identity():
    text = "L'Union des pêcheurs bretons (UPB) a signé. Plus tard, l'UPB a refusé."
    entities = [
        {"text": "Union des pêcheurs bretons", "start": 2, "end": 28, "label": "ORG",
         "id": "filon:org-union-des-pecheurs-bretons", "name": "Union des pêcheurs bretons"},
        {"text": "UPB", "start": 30, "end": 33, "label": "ORG", "id": "filon:org-upb", "name": "UPB"},
        {"text": "UPB", "start": 57, "end": 60, "label": "ORG", "id": "filon:org-upb", "name": "UPB"},
    ]
    assert text[57:60] == "UPB"
    link_acronyms(text, entities)
    assert {e["id"] for e in entities} == {"filon:org-union-des-pecheurs-bretons"}


def test_events_defined_acronym_is_one_party(nlp):
    text = ("Le Syndicat des marins pêcheurs (SMP) a signé un accord avec l'armateur. "
            "Le SMP a ensuite signé un accord avec les ports.")
    found = agreements(nlp, text)
    names = {p["name"] for e in found for p in e["parties"]}
    assert "SMP" not in names and "Syndicat des marins pêcheurs" in names


def test_events_political_party_is_its_own_party_not_its_state(nlp):
    [event] = agreements(nlp, "Le Parti socialiste a signé un accord de coalition avec les "
                              "Républicains.")
    assert "Socialist Party" in parties(event)
    assert "France" not in parties(event)


def test_events_source_named_by_selon_is_not_a_party(nlp):
    [event] = agreements(nlp, "La CFDT et le Medef ont signé un accord sur le télétravail, "
                              "selon la CGT.")
    assert parties(event) == {"CFDT", "Medef"}
    assert event["claimed_by"]["name"] == "CGT"


def test_events_sources_stay_parties_when_no_other_is_named(nlp):
    [event] = agreements(nlp, "Selon Kiev et Washington, l'accord sur le gaz sera signé vendredi.")
    assert {"Ukraine", "United States"} <= parties(event)


def test_events_name_of_a_deal_tagged_org_is_no_party(nlp):
    [event] = agreements(nlp, "Le Fonds monétaire international a conclu un accord préliminaire "
                              "(« Staff-Level Agreement ») avec le Ghana.")
    assert not any("Agreement" in name for name in parties(event))


# ---------------------------------------------------------------- statuses
@pytest.mark.parametrize("text", [
    "Le Maroc et l'Espagne ont conclu un accord de principe sur la pêche.",
    "Le FMI a conclu un accord préliminaire avec le Ghana sur un nouveau programme.",
    "La Banque mondiale et le Kenya ont signé un accord provisoire sur le barrage.",
])
def test_events_preliminary_deal_concluded_is_close(nlp, text):
    [event] = agreements(nlp, text)
    assert event["status"] == "close"


def test_events_final_deal_after_a_preliminary_one_is_signed(nlp):
    found = agreements(nlp, "Le Maroc et l'Espagne ont conclu un accord de principe en mai. "
                            "L'accord définitif a été signé en juin.")
    assert [e["status"] for e in found] == ["close", "signed"]


@pytest.mark.parametrize("text", [
    "Quatre mois de discussion entre la CGT et le Medef, pas d'accord signé entre les deux.",
    "Il n'y a toujours aucun accord signé entre la Serbie et le Kosovo.",
])
def test_events_denied_signed_deal_is_no_signature(nlp, text):
    assert all(e["status"] != "signed" for e in agreements(nlp, text))


def test_events_announced_deal_is_claimed_by_the_announcer(nlp):
    [event] = agreements(nlp, "Le Qatar a annoncé lundi un accord d'approvisionnement en gaz avec "
                              "la Chine.")
    assert event["status"] == "signed"
    assert event["claimed_by"]["name"] == "Qatar"


# ---------------------------------------------------------------- the press's conditional
def test_events_reported_state_in_the_conditional_is_asserted(nlp):
    [event] = agreements(nlp, "Le Japon et l'Inde seraient proches de conclure un accord "
                              "commercial.")
    assert event["status"] == "close"


def test_events_conditional_plan_is_not_an_act(nlp):
    [event] = agreements(nlp, "La Russie offrirait à la Serbie un accord sur le gaz.")
    assert event["status"] is None


def test_events_past_conditional_after_selon_is_asserted(nlp):
    [event] = agreements(nlp, "Selon Reuters, l'accord entre l'Inde et le Japon aurait été "
                              "signé hier.")
    assert event["status"] == "signed"


def test_events_conditional_under_si_stays_possible(nlp):
    found = agreements(nlp, "Si Tokyo acceptait, l'accord avec l'Inde serait signé vendredi.")
    assert all(e["status"] != "signed" for e in found)


def test_events_recent_past_is_no_plan(nlp):
    [event] = agreements(nlp, "Le Chili vient de conclure un accord avec la Corée du Sud.")
    assert event["status"] == "signed"


# ---------------------------------------------------------------- places and members
def test_events_state_after_au_is_a_place_unless_it_receives(nlp):
    [talks] = agreements(nlp, "Les pourparlers au Qatar se sont déroulés entre le Soudan et "
                              "le Tchad.")
    assert "Qatar" not in parties(talks)


def test_events_member_states_of_a_body_are_one_party(nlp):
    [event] = agreements(nlp, "Les 194 États membres de l'OMS négocient un accord sur les "
                              "pandémies.")
    assert parties(event) == {"WHO member states"}


def test_events_inverted_reporter_is_not_a_party_when_parties_are_named(nlp):
    [event] = agreements(nlp, "Le Maroc et la Mauritanie sont parvenus à un accord de pêche, "
                              "ont annoncé samedi les États-Unis dans un communiqué.")
    assert parties(event) == {"Morocco", "Mauritania"}
    assert event["claimed_by"]["name"] == "United States"


# ---------------------------------------------------------------- deals the press names
def test_events_peace_plan_is_a_deal_and_the_plan_points_back(nlp):
    found = agreements(nlp, "Les États-Unis ont présenté un plan de paix en 28 points à la Serbie "
                            "et au Kosovo. Belgrade a rejeté le plan.")
    assert [e["status"] for e in found] == ["proposed", "rejected"]
    assert found[0]["subject"].startswith("plan de paix")
    assert "Serbie" not in found[0]["subject"]  # "à la Serbie" names a party, not the deal
    assert found[1]["agreement_id"] == found[0]["agreement_id"]


def test_events_plan_without_a_peace_complement_is_no_deal(nlp):
    assert agreements(nlp, "Le gouvernement grec a présenté un plan de relance de 30 milliards.") == []


def test_events_prisoner_exchange_is_a_deal(nlp):
    [event] = agreements(nlp, "L'Arménie et l'Azerbaïdjan ont conclu un échange de prisonniers.")
    assert event["status"] == "signed" and parties(event) == {"Armenia", "Azerbaijan"}


def test_events_deal_named_without_a_cue_is_the_antecedent_of_a_later_step(nlp):
    found = agreements(nlp, "L'accord de pêche entre le Maroc et la Mauritanie divise les "
                            "armateurs. La signature, prévue en mars, a été repoussée.")
    assert len(found) == 1
    assert parties(found[0]) == {"Morocco", "Mauritania"}
    assert found[0]["coarse_status"] == "close"


def test_events_en_passe_de_signature_is_one_close_event(nlp):
    [event] = agreements(nlp, "Un contrat gazier entre l'Algérie et la Slovénie est en passe "
                              "d'être signé.")
    assert event["status"] == "close"


def test_events_deal_not_yet_signed_is_still_negotiated(nlp):
    [event] = agreements(nlp, "Il n'y a pas d'accord encore signé entre la Serbie et le Kosovo.")
    assert event["status"] == "negotiating"


def test_events_d_accord_as_agreement_idiom_is_no_deal(nlp):
    assert agreements(nlp, "Le ministre grec s'est dit d'accord avec son homologue turc.") == []


def test_events_talks_aiming_at_a_deal_assert_no_deal(nlp):
    found = agreements(nlp, "Les discussions visant à parvenir à un accord entre l'Inde et le "
                            "Japon reprendront lundi.")
    assert all(e["status"] in (None, "negotiating") for e in found)


def test_events_have_a_deal_in_speech_is_signed_and_claimed(nlp):
    found = agreements(nlp, "« Nous avons un accord sur les otages », a déclaré Donald Trump à propos "
                            "d'Israël et du Hamas.")
    assert [e["status"] for e in found] == ["signed"]
    assert found[0]["claimed_by"]["name"] == "Donald Trump"


def test_events_to_have_a_deal_as_a_goal_is_no_deal(nlp):
    assert all(e["status"] is None for e in agreements(
        nlp, "Pour avoir un accord avec l'Inde, il faudra que le Japon cède."))


def test_events_truce_observed_is_in_force(nlp):
    [event] = agreements(nlp, "Entre le Soudan et le Tchad, une trêve d'une semaine a été observée.")
    assert event["status"] == "in_force" and event["coarse_status"] == "signed"


def test_events_participle_describing_a_deal_asserts_no_talks(nlp):
    found = agreements(nlp, "L'accord négocié depuis des mois par l'Inde et le Japon a été signé.")
    assert [e["status"] for e in found] == ["signed"]


def test_events_source_given_by_the_next_sentence_claims_the_deal(nlp):
    found = agreements(nlp, "La Serbie s'apprête à signer un contrat gazier avec l'Azerbaïdjan. "
                            "C'est ce qu'a annoncé jeudi le président Aleksandar Vučić.")
    assert found and found[0]["status"] == "close"
    assert "Vučić" in found[0]["claimed_by"]["name"]


def test_events_what_talks_are_about_says_they_are_under_way(nlp):
    [event] = agreements(nlp, "Les négociations entre l'Inde et le Japon butent sur la question "
                              "agricole.")
    assert event["status"] == "negotiating" and parties(event) == {"India", "Japan"}
    assert agreements(nlp, "Le débat porte sur la réforme des retraites.") == []


def test_events_urged_to_sign_is_close(nlp):
    found = agreements(nlp, "Le Brésil a appelé l'UE à signer l'accord avec le Mercosur avant la "
                            "fin de l'année.")
    assert [e["status"] for e in found] == ["close"]


def test_events_urging_verb_keeps_the_deal_it_urges_signed(nlp):
    # "exhorter" is also a pressure cue: the infinitive it governs stays an event of its own
    found = agreements(nlp, "Le Chili a exhorté le Japon à parapher l'accord de libre-échange.")
    assert [e["status"] for e in found] == ["close"]


@pytest.mark.parametrize(("text", "status", "coarse"), [
    ("L'accord de pêche entre le Sénégal et la Mauritanie a été prolongé de deux ans.",
     "in_force", "signed"),
    ("Le Sénégal et la Mauritanie ont reconduit leur accord de pêche pour cinq ans.",
     "in_force", "signed"),
    ("Le Sénégal et la Mauritanie vont prolonger leur accord de pêche.", "close", "close"),
])
def test_events_extended_deal_is_in_force(nlp, text, status, coarse):
    [event] = agreements(nlp, text)
    assert (event["status"], event["coarse_status"]) == (status, coarse)
    assert parties(event) == {"Senegal", "Mauritania"}


def test_events_extending_something_else_is_no_deal(nlp):
    assert agreements(nlp, "Le Sénégal a prolongé le couvre-feu de deux semaines.") == []


def test_events_deal_adopted_is_approved_and_ratified_by_a_legislature(nlp):
    [event] = agreements(nlp, "Les ministres de l'UE ont adopté mardi le nouveau protocole de "
                              "pêche avec le Sénégal.")
    assert (event["status"], event["coarse_status"]) == ("other", "close")
    [event] = agreements(nlp, "Le Parlement européen a adopté le pacte sur la migration et l'asile.")
    assert (event["status"], event["coarse_status"]) == ("ratified", "signed")
    # lawmaking: a bill is adopted, no deal is
    assert agreements(nlp, "Les députés ont adopté le projet de loi sur l'immigration.") == []


def test_events_consent_given_to_a_deal_is_close(nlp):
    found = agreements(nlp, "Le Hezbollah et Israël négocient une trêve. Le Hezbollah a donné son "
                            "accord aux grandes lignes de la trêve.")
    assert [e["status"] for e in found] == ["negotiating", "close"]
    assert found[1]["claimed_by"]["name"] == "Hezbollah"
    assert agreements(nlp, "Le ministre a donné son accord à la nomination du préfet.") == []


def test_events_company_named_after_its_nationality_is_the_party(nlp):
    [event] = agreements(nlp, "Le Maroc a signé un protocole d'entente avec la start-up "
                              "française Qubitek Labs.")
    assert "France" not in parties(event) and "Morocco" in parties(event)
    assert any("Qubitek" in p for p in parties(event))
    [event] = agreements(nlp, "La Commission négocie un contrat avec le laboratoire américain Moderna.")
    assert "United States" not in parties(event) and "Moderna" in parties(event)
    # unnamed, a company's country stands in for it
    [event] = agreements(nlp, "Le groupe minier australien a signé un contrat avec le Japon.")
    assert parties(event) == {"Australia", "Japan"}


def test_events_signing_dated_after_the_article_is_planned(nlp):
    # a present of plan: the article is of Monday 2025-06-02, the nearer Thursday is ahead;
    # the deal is agreed, the signing still to come
    [event] = agreements(nlp, "La Serbie signe jeudi à Belgrade un partenariat avec l'UE.")
    assert (event["status"], event["coarse_status"]) == ("close", "close")
    assert event["planned_date"] == "2025-06-05"
    [event] = agreements(nlp, "La Serbie a signé jeudi à Belgrade un partenariat avec l'UE.")
    assert event["status"] == "signed"


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_events_cues_read_either_apostrophe(nlp, apostrophe):
    text = "Le Chili et le Japon sont sur le point d'être parvenus à un accord.".replace("'", apostrophe)
    assert [e["status"] for e in agreements(nlp, text)] == ["close"]
    text = "Pêche : le Chili et le Japon proches d'un accord".replace("'", apostrophe)
    assert [e["status"] for e in agreements(nlp, text)] == ["close"]


def test_events_unknown_media_and_people_spans_are_not_parties(nlp):
    [event] = agreements(nlp, "Sur Radio Kanal, le ministre a confirmé la reprise des négociations "
                              "entre le Chili et le Japon.")
    assert parties(event) == {"Chile", "Japan"}
    [event] = agreements(nlp, "Les ministres des Affaires étrangères de la Turquie et de l'Iran "
                              "ont signé un accord.")
    assert parties(event) == {"Turkey", "Iran"}
    [event] = agreements(nlp, "Dans un entretien à la chaîne Canal Nord, le Chili a proposé un "
                              "accord au Japon.")
    assert parties(event) == {"Chile", "Japan"}


@pytest.mark.parametrize(("text", "status"), [
    # litotes: "not far from" a deal is close
    ("« Vous n'êtes pas loin de conclure un accord », a dit le Chili au Japon.", "close"),
    # a text denied to be finalised is still being negotiated, in a relative clause too
    ("L'accord entre le Chili et le Japon n'a pas été finalisé.", "negotiating"),
    ("« Il n'y a pas un accord qui soit finalisé entre le Chili et le Japon », a-t-il dit.",
     "negotiating"),
    # a conditional the model neither lemmatizes nor tags as a verb is read as the verb
    # (`filon_lemmas`); without a mood it reads as a reported finalisation: close
    ("Le Chili et le Japon finaliseraient un accord commercial, selon la presse.", "close"),
    ("Selon la presse, l'accord entre le Chili et le Japon aurait été finalisé.", "close"),
])
def test_events_finalisation_phrases(nlp, text, status):
    assert [e["status"] for e in agreements(nlp, text)] == [status]


@pytest.mark.parametrize(("text", "status", "names"), [
    ("La Commission a indiqué qu'elle entendait clore ces négociations avec le Japon avant l'été.",
     "close", {"European Union", "Japan"}),
    ("Les dirigeants chiliens et japonais débattaient d'une proposition de cessez-le-feu.",
     "negotiating", {"Chile", "Japan"}),
])
def test_events_talk_verbs(nlp, text, status, names):
    [event] = agreements(nlp, text)
    assert event["status"] == status and parties(event) == names


def test_events_other_verbs_need_a_deal_word(nlp):
    assert agreements(nlp, "Le Chili veut parler au Japon de la pêche.") == []


def test_events_bare_government_acts_for_the_state_of_the_others(nlp):
    [event] = agreements(nlp, "Le Parti socialiste et le gouvernement ont trouvé un compromis "
                              "sur le budget.")
    assert parties(event) == {"Socialist Party", "France"}
    # no other actor of a known state: the government stays unnamed
    [event] = agreements(nlp, "Le gouvernement et les syndicats ont signé un accord.")
    assert parties(event) == set()
    # named by its adjective, it is already the state's
    [event] = agreements(nlp, "Le gouvernement japonais et le Chili ont signé un accord.")
    assert parties(event) == {"Japan", "Chile"}


def test_events_body_named_by_its_kind_alone_is_no_party(nlp):
    found = agreements(nlp, "Le Chili a conclu un accord avec le Japon. Le Conseil doit encore "
                            "valider l'accord.")
    assert all("Conseil" not in parties(e) for e in found)


def test_events_participle_opening_the_sentence_tells_the_past(nlp):
    # "Négocié depuis 2011, un accord …": how the deal came about, not a second event
    found = agreements(nlp, "Négocié depuis mars 2011, un accord-cadre entre le Chili et le Japon "
                            "est sur le point d'être signé.")
    assert [e["status"] for e in found] == ["close"]


@pytest.mark.parametrize(("text", "status", "names"), [
    ("Le Chili a également signé une lettre d'intention avec le Japon.", "signed", {"Chile", "Japan"}),
    # a sale of arms is a deal, and its buyer after "à" a party, not a place
    ("Le Chili a suspendu la vente d'armes au Pérou.", "suspended", {"Chile", "Peru"}),
    ("Le Chili a annoncé la suspension temporaire de la vente d'armes au Pérou.", "suspended",
     {"Chile", "Peru"}),
])
def test_events_letters_of_intent_and_arms_sales(nlp, text, status, names):
    [event] = agreements(nlp, text)
    assert event["status"] == status and parties(event) == names


def test_events_a_sale_of_goods_is_no_deal(nlp):
    assert agreements(nlp, "La vente de pommes au Pérou a augmenté.") == []


@pytest.mark.parametrize(("text", "status"), [
    ("Le Chili et le Japon vont ouvrir des négociations.", "proposed"),  # talks to come
    ("Le Chili et le Japon ont ouvert des négociations.", "negotiating"),
    ("Le Chili et le Japon mènent des négociations.", "negotiating"),
])
def test_events_talks_opened_or_to_be_opened(nlp, text, status):
    assert [e["status"] for e in agreements(nlp, text)] == [status]


def test_events_the_body_a_state_joins_is_no_party(nlp):
    [event] = agreements(nlp, "Le Chili a signé un accord avec le Japon, qui prépare son adhésion "
                              "à l'Union européenne.")
    assert parties(event) == {"Chile", "Japan"}


def test_events_acronym_definitions_are_read_in_one_pass():
    from filon.pipeline.events.mentions import acronym_definitions

    text = ("Le FMI a approuvé la Facilité élargie de crédit (FEC) du Niger, avec la Banque "
            "mondiale (BM). La FEC (FEC) sera revue ; (XYZ) ne dit rien.")
    assert acronym_definitions(text) == {"FEC": "Facilité élargie de crédit", "BM": "Banque mondiale"}


# ---------------------------------------------------------------- the press that tells is no party
@pytest.mark.parametrize(("text", "expected"), [
    ("Samedi, le Financial Times a révélé que les discussions sur un accord minier se sont "
     "intensifiées entre Kinshasa et Washington.",
     {"Democratic Republic of the Congo", "United States"}),
    ("Nous sommes sur le point d'arriver à un accord avec la Zambie, a déclaré le ministre sur "
     "Radio France Internationale.", {"Zambia"}),
    ("Le quotidien Kommersant affirme que Moscou et Kiev ont repris les négociations sur un "
     "échange de prisonniers.", {"Russia", "Ukraine"}),
])
def test_events_a_medium_that_reports_is_no_party(nlp, text, expected):
    found = agreements(nlp, text)
    assert found, "the deal is read"
    assert parties(found[0]) == expected


# ---------------------------------------------------------------- a body named as the place is no party
def test_events_a_body_named_as_the_venue_is_no_party(nlp):
    found = agreements(nlp, "Lundi, au ministère de l'Économie, la France et l'Algérie ont signé un "
                            "accord gazier.")
    assert found and parties(found[0]) == {"France", "Algeria"}


def test_events_a_body_given_the_offer_stays_a_party(nlp):
    # "proposé au ministère …": who receives the offer, not where it was made
    found = agreements(nlp, "Le Maroc a proposé au ministère espagnol de l'Intérieur, lundi, un accord "
                            "de réadmission.")
    assert found and "Morocco" in parties(found[0]) and len(parties(found[0])) == 2
