"""Acts on deals the press reports in ways the parser often reads badly, on sentences written for
these tests: a second "object" that is an adverb, a passive subject the parser hands to a
participle, talks entered or reopened, and an extension decided.

These run the whole pipeline (entities feed the event rules), as `filon extract` does, with the
helpers of `tests/test_events_parties_press.py`.
"""

from __future__ import annotations

import pytest
from test_events_parties_press import agreements, parties


def test_events_signing_with_an_adverb_read_as_object_is_a_signing(nlp):
    # the parser reads "ensemble" as a noun object beside the deal
    [event] = agreements(nlp, "Réunis à Lima, le ministre chilien des Mines et son homologue "
                              "péruvien ont signé ensemble un protocole d'accord sur le cuivre.")
    assert event["status"] == "signed"
    assert parties(event) == {"Chile", "Peru"}


def test_events_signing_of_a_law_is_still_no_deal(nlp):
    # the adverb rule looks only for a deal among the objects: a decree signed stays foreign
    events = agreements(nlp, "Le président a signé le décret mardi, un mois après l'accord.")
    assert all(e["status"] != "signed" for e in events)


def test_events_passive_subject_taken_by_a_participle_is_the_deal(nlp):
    # the parser makes "la livraison" the passive subject and gives "l'accord" to "garantissant"
    [event] = agreements(nlp, "Le ministre grec de l'Énergie, Kostas Skrekas, a déclaré que l’accord "
                              "garantissant la livraison de gaz liquéfié via le port d'Alexandroupolis "
                              "sera prolongé à partir de la date limite du 30 juin.")
    assert event["cue"] in ("extend_deal", "extend_form")
    assert event["status"] == "close"  # an extension announced for a later day
    assert event["subject"] == "accord"


@pytest.mark.parametrize(("text", "expected"), [
    ("Les autorités zambiennes se sont lancées dans des négociations avec leurs créanciers chinois.",
     {"Zambia", "China"}),
    ("Le gouvernement belge a rouvert les négociations avec les syndicats enseignants.", {"Belgium"}),
])
def test_events_talks_entered_or_reopened_are_under_way(nlp, text, expected):
    [event] = agreements(nlp, text)
    assert event["status"] == "negotiating"
    assert expected <= parties(event)


def test_events_extension_decided_is_in_force_and_one_to_be_decided_is_close(nlp):
    [done] = agreements(nlp, "Le Japon et l'Inde ont décidé de prolonger leur accord de swap de devises.")
    [planned] = agreements(nlp, "Le Japon et l'Inde décideront en mai de prolonger leur accord de "
                                "swap de devises.")
    assert (done["status"], planned["status"]) == ("in_force", "close")
    assert parties(done) == parties(planned) == {"Japan", "India"}


def test_events_signing_decided_stays_a_plan(nlp):
    # only an extension is its own decision: a signing decided is still to come
    [event] = agreements(nlp, "Le Japon et l'Inde ont décidé de signer un accord de swap de devises.")
    assert event["status"] != "signed"


def test_events_unnamed_company_is_the_last_one_of_its_country(nlp):
    # "la firme américaine et sa partenaire allemande" point back to the companies named before
    events = agreements(nlp, "La Commission européenne a activé une option auprès de Pfizer et BioNTech. "
                             "La Commission avait déjà conclu deux contrats d'achat anticipé avec la "
                             "firme américaine et sa partenaire allemande.")
    signed = [e for e in events if e["status"] == "signed"]
    assert [parties(e) for e in signed] == [{"European Union", "Pfizer", "BioNTech"}]


def test_events_unnamed_company_with_none_named_is_its_country(nlp):
    [event] = agreements(nlp, "Le groupe minier australien a signé un accord avec le Chili.")
    assert parties(event) == {"Australia", "Chile"}


def test_events_a_news_agency_and_the_paper_it_cites_are_no_parties(nlp):
    [event] = agreements(nlp, "Le ministre grec de l'Énergie a déclaré que l'accord gazier avait été "
                              "prolongé de deux mois, selon l'agence italienne «ANSA» citant le Guardian.")
    assert parties(event) == {"Greece"}
    [alone] = agreements(nlp, "L'accord a été prolongé de deux mois, selon l'agence italienne ANSA.")
    assert parties(alone) == set()


@pytest.mark.parametrize("text", [
    "Selon les estimations américaines, les chances de parvenir à un accord entre Israël et le "
    "Hezbollah dépassent désormais les 50 %.",
    "L'Inde et l'Uruguay ont souligné l'impossibilité de parvenir à un accord malgré les efforts.",
    "Parvenir à un accord avec le Canada va requérir de la bonne volonté, a dit le Mexique.",
    # struggling to conclude is not concluding
    "Deux ans après son défaut, la Zambie peine toujours à conclure un accord avec ses créanciers.",
])
def test_events_an_act_named_by_a_noun_or_as_subject_is_not_done(nlp, text):
    # "les chances de parvenir", an infinitive opening the sentence: the deal is spoken of
    assert all(e["status"] not in ("signed", "close") for e in agreements(nlp, text))


def test_events_an_act_dated_by_a_noun_of_time_is_still_told(nlp):
    # "à l'heure de le signer" is when the deal was signed, not a hope of signing it
    events = agreements(nlp, "La direction et la CGT ont conclu un accord ; à l'heure de le signer, "
                             "la balance penchait pour le oui.")
    assert "signed" in {e["status"] for e in events}


@pytest.mark.parametrize(("text", "status"), [
    # the press reports a past act it cannot confirm in the conditional: it is told
    ("Le Maroc aurait commandé auprès des États-Unis 25 véhicules blindés.", "signed"),
    ("Le ministre français aurait entamé des négociations avec l'Irak.", "negotiating"),
    # a purpose after the act is the act's aim, not a condition on it
    ("Un protocole d'accord a été signé par l'Algérie et les États-Unis afin d'accroître la "
     "coopération militaire.", "signed"),
])
def test_events_reported_past_conditional_and_a_purpose_after_the_act_assert(nlp, text, status):
    assert status in {e["status"] for e in agreements(nlp, text)}


@pytest.mark.parametrize("text", [
    "Sans cette crise, l'accord entre la France et l'Inde aurait été signé en mai.",
    "Si l'accord entre la France et l'Inde est signé, les livraisons commenceront.",
])
def test_events_a_counterfactual_or_a_condition_asserts_nothing(nlp, text):
    assert all(e["status"] is None for e in agreements(nlp, text))


def test_events_a_deal_not_renewed_is_refused_unless_not_yet(nlp):
    [refused] = agreements(nlp, "L'Union a annoncé mardi qu'elle ne renouvellerait pas l'accord de pêche "
                                "avec le Sénégal.")
    assert refused["status"] == "rejected"
    [pending] = agreements(nlp, "L'accord de pêche entre l'UE et le Sénégal n'a pas encore été renouvelé.")
    assert pending["status"] is None


def test_events_a_passive_conditional_is_a_future_in_the_past(nlp):
    # "serait transmise" (would be sent) is no past act reported: nothing was proposed yet
    found = agreements(nlp, "Kiev a fait savoir qu'une contre-proposition à l'accord avec Washington "
                            "serait transmise à l'administration américaine dans les prochains jours.")
    assert "proposed" not in {e["status"] for e in found}
