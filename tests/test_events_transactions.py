"""Deals told by the act alone, and who their parties are, on sentences written for these
tests: goods bought from a seller named after "à" or "auprès de", a loan granted to a borrower,
parties that "se mettent d'accord" or "s'accordent" on terms. Each needs its counterpart: the
same verbs with a place, an interview or a shared view make no deal. A body of a state named by
its nationality is that state; a region or its capital standing for its government is that
government, a party of its own.

These run the whole pipeline, as `filon extract` does, with the helpers of
`tests/test_events_parties_press.py`.
"""

from __future__ import annotations

import pytest
from test_events_parties_press import agreements, parties


@pytest.mark.parametrize(("text", "expected"), [
    ("Le Maroc a commandé auprès des États-Unis 25 véhicules blindés pour 239 millions de dollars.",
     {"Morocco", "United States"}),
    ("L'Inde a acheté à la Russie cinq systèmes de défense antiaérienne.", {"India", "Russia"}),
    ("L'Inde a acheté cinq systèmes de défense antiaérienne à la Russie.", {"India", "Russia"}),
])
def test_events_goods_bought_from_a_named_seller_are_a_purchase_deal(nlp, text, expected):
    [event] = agreements(nlp, text)
    assert event["status"] == "signed"
    assert parties(event) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the parser hangs "au Kenya" on the loan: the borrower is still a party, the loan is not
    ("La Banque mondiale a accordé un prêt de 500 millions de dollars au Kenya.", {"World Bank", "Kenya"}),
    ("Le FMI a octroyé au Ghana un financement de 1,3 milliard de dollars.",
     {"International Monetary Fund", "Ghana"}),
])
def test_events_loan_granted_to_a_borrower_is_a_financing_deal(nlp, text, expected):
    [event] = agreements(nlp, text)
    assert event["status"] == "signed"
    assert parties(event) == expected


@pytest.mark.parametrize("text", [
    "Il a acheté une maison à Moscou l'an dernier.",  # a place, not a seller
    "Le ministre a accordé une interview à la télévision publique.",  # no loan
    "Le général commande les troupes françaises au Mali.",  # to command, a place
    "Les experts s'accordent à dire que la Chine domine le marché.",  # a shared view
    "Je suis d'accord avec lui sur ce point.",  # agreeing with a view
])
def test_events_the_same_verbs_without_a_counterpart_make_no_deal(nlp, text):
    assert agreements(nlp, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Le FMI et le Pakistan sont tombés d'accord sur des mesures préalables.",
     {"International Monetary Fund", "Pakistan"}),
    ("Le FMI et le gouvernement centrafricain se sont accordés fin mai sur un prêt de 68 milliards.",
     {"International Monetary Fund", "Central African Republic"}),
    ("Le Chili et la Bolivie se sont mis d’accord sur le partage des eaux du Silala.",
     {"Chile", "Bolivia"}),
])
def test_events_parties_agreeing_on_terms_have_a_deal_close_to_signing(nlp, text, expected):
    [event] = agreements(nlp, text)
    assert event["status"] == "close"
    assert parties(event) == expected


# ---------------------------------------------------------------- who the parties are
@pytest.mark.parametrize(("text", "expected"), [
    ("Le ministère ghanéen des Finances a signé un accord avec le FMI.",
     {"Ghana", "International Monetary Fund"}),
    ("La présidence sud-africaine a signé un accord avec la Banque mondiale.",
     {"South Africa", "World Bank"}),
])
def test_events_a_state_body_named_by_its_nationality_is_its_state(nlp, text, expected):
    [event] = agreements(nlp, text)
    assert parties(event) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a region or its capital for its government, a party of its own (not its state)
    ("Le front commun a conclu une entente de principe avec Québec mardi.", {"Government of Quebec"}),
    ("Les infirmières ont signé une entente avec le gouvernement québécois.", {"Government of Quebec"}),
    ("La Wallonie a rejeté l'accord de libre-échange avec le Canada.", {"Walloon government", "Canada"}),
])
def test_events_regional_government_is_its_own_party(nlp, text, expected):
    [event] = agreements(nlp, text)
    assert parties(event) == expected


def test_events_a_region_as_a_place_is_no_party(nlp):
    [event] = agreements(nlp, "En Wallonie, les agriculteurs ont rejeté l'accord avec le Mercosur.")
    assert parties(event) == {"Mercosur"}


def test_events_a_deal_noun_that_is_the_object_of_an_act_is_one_event(nlp):
    # "accord de principe" (a cue of its own) is what "a conclu" concluded: one event, both parties
    [event] = agreements(nlp, "Le Ghana a conclu un accord de principe avec le FMI.")
    assert event["status"] == "close"
    assert parties(event) == {"Ghana", "International Monetary Fund"}


def test_events_a_medium_named_by_its_kind_is_no_party(nlp):
    # "le site d'investigation Disclose" tells the figure; it is no party of the sale
    found = agreements(nlp, "L'Égypte a signé un contrat avec Dassault Aviation. Le site d'investigation "
                            "Disclose évoque un contrat de 3,75 milliards d'euros.")
    assert all("Disclose" not in parties(e) for e in found)
    assert {"Egypt", "Dassault Aviation"} <= parties(found[0])


@pytest.mark.parametrize(("text", "status", "expected"), [
    # talks with a partner named after "avec", whatever is negotiated
    ("Athènes négociait avec Paris l'achat de quatre corvettes.", "negotiating",
     {"Greece", "France"}),
    ("Le Maroc négocie avec l'Union européenne.", "negotiating", {"Morocco", "European Union"}),
    ("Kiev va négocier avec Washington.", "proposed", {"Ukraine", "United States"}),
])
def test_events_negotiating_with_a_named_partner_is_talks(nlp, text, status, expected):
    [event] = agreements(nlp, text)
    assert event["status"] == status
    assert parties(event) == expected


@pytest.mark.parametrize("text", [
    "Le conducteur a négocié le virage avec prudence.",
    "Elle a négocié son salaire.",
])
def test_events_negotiating_without_a_partner_is_no_talks(nlp, text):
    assert agreements(nlp, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # a capital used as an actor is its state (or the government the pack lists for it)
    ("Rabat et Abuja ont signé un accord sur le gazoduc.", {"Morocco", "Nigeria"}),
    ("Le sommet s'est tenu à Rabat, où le Maroc et le Nigeria ont signé un accord.", {"Morocco", "Nigeria"}),
])
def test_events_a_capital_acting_is_its_state(nlp, text, expected):
    [event] = agreements(nlp, text)
    assert parties(event) == expected


@pytest.mark.parametrize("text", [
    "L'UE et le Royaume-Uni ont négocié un accord sur la pêche. Les deux parties se sont finalement "
    "entendues sur une baisse de 10 % des quotas de merlu.",
    "La Tunisie et l'UE discutent d'un accord. Les deux pays se sont entendus sur un calendrier.",
])
def test_events_parties_agreeing_on_a_point_settle_it(nlp, text):
    events = agreements(nlp, text)
    assert events[-1]["status"] == "signed"
    assert len(parties(events[-1])) == 2


@pytest.mark.parametrize("text", [
    "Le Maroc et l'Espagne ont signé un accord. Ils s'entendent bien.",
    "Le Maroc et l'Espagne ont signé un accord. Les experts s'entendent à dire que la croissance ralentit.",
])
def test_events_getting_along_is_no_deal(nlp, text):
    assert [e["status"] for e in agreements(nlp, text)] == ["signed"]


def test_events_a_deal_told_by_a_pronoun_subject_of_its_signing(nlp):
    text = ("L'accord de défense a été finalisé à Lima. "
            "Il a été signé par M. Ortega et Mme Salinas lors d'une cérémonie.")
    statuses = [e["status"] for e in agreements(nlp, text)]
    assert statuses == ["close", "signed"]
    assert agreements(nlp, "Le Japon et les Philippines ont négocié un accord. Il a été élu président.")[-1][
        "status"] == "negotiating"


@pytest.mark.parametrize(("text", "expected"), [
    # a firm named after its kind and a complement, and the second of a pair of firms
    ("Les opérateurs de satellite Intelsat et Viasat ont signé un accord de fusion.",
     {"Intelsat", "Viasat"}),
    ("Le fabricant de puces Nordchip a signé un contrat avec la Pologne.", {"Nordchip", "Poland"}),
])
def test_events_firms_named_after_their_kind_are_parties(nlp, text, expected):
    [event] = agreements(nlp, text)
    assert parties(event) == expected


def test_events_a_deal_whose_parties_are_named_later_gets_them(nlp):
    text = ("L'accord a été signé hier à Washington. "
            "Le Kazakhstan et le groupe Orano avaient négocié cet accord pendant des mois.")
    events = agreements(nlp, text)
    assert events[0]["status"] == "signed"
    assert parties(events[0]) == {"Kazakhstan", "Orano"}


@pytest.mark.parametrize(("text", "status", "expected"), [
    ("Le groupe Holcim a racheté Lafarge en 2015.", "signed", {"Holcim", "Lafarge"}),
    # the adjective says where the holding is; its owner is the party
    ("Avant cela, Vodacom avait acquis la filiale ghanéenne du groupe MTN, le 22 juin.", "signed",
     {"Vodacom", "MTN"}),
    ("La société Eramet a cédé sa participation dans la mine au groupe chinois Tsingshan.", "signed",
     {"Eramet", "Tsingshan"}),
    ("Le fonds Ardian veut racheter la participation de Total dans la mine.", "proposed",
     {"Ardian", "TotalEnergies"}),
    # goods with their maker named: the maker sells; deciding to buy is buying
    ("Le Pérou a décidé d'acquérir douze avions de chasse de Dassault Aviation.", "signed",
     {"Peru", "Dassault Aviation"}),
])
def test_events_firm_or_holding_changing_hands_is_a_deal(nlp, text, status, expected):
    [event] = agreements(nlp, text)
    assert event["status"] == status
    assert parties(event) == expected


@pytest.mark.parametrize("text", [
    "Il a acheté une maison à Nice l'an dernier.",
    "Le ministre a repris la parole devant les patrons d'Airbus.",
    "La famille a acquis une réputation solide en Suisse.",
])
def test_events_thing_bought_without_an_owner_is_no_deal(nlp, text):
    assert agreements(nlp, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # the model tags the inhabitants' names MISC, which links them to no actor
    ("Un cessez-le-feu de 30 jours a été conclu entre Américains et Ukrainiens.",
     {"United States", "Ukraine"}),
    ("Les Saoudiens et les Américains ont proposé une nouvelle trêve.", {"Saudi Arabia", "United States"}),
])
def test_events_inhabitants_named_as_a_people_are_their_states(nlp, text, expected):
    [event] = agreements(nlp, text)
    assert parties(event) == expected


def test_events_bare_government_is_the_article_states(nlp):
    # no state in its sentence: the government of the state the dateline places the story in
    [event] = agreements(nlp, "DAKAR, 10 novembre (APS) - Un protocole d'accord a été signé entre le "
                              "gouvernement et les représentants du syndicat des enseignants.")
    assert parties(event) == {"Senegal"}
    # no dateline and no place: it stays unnamed
    [event] = agreements(nlp, "Un protocole d'accord a été signé entre le gouvernement et les syndicats.")
    assert parties(event) == set()


def test_events_deal_pointed_back_to_keeps_its_parties_not_the_speakers(nlp):
    # the speaker's apposition ("porte-parole du ministère français") names no party of "le contrat"
    events = agreements(nlp, "La Grèce et Naval Group négocient un contrat pour trois frégates. « D'ici la "
                             "fin de l'année le contrat doit être signé », indique Paul Verne, porte-parole "
                             "du ministère français des Armées.")
    assert [parties(e) for e in events] == [{"Greece", "Naval Group"}, {"Greece", "Naval Group"}]
    assert events[1]["status"] == "close"


@pytest.mark.parametrize(("text", "status", "expected"), [
    # a commitment to supply a named buyer, the goods read as a partitive by the parser
    ("Le groupe TotalEnergies a accepté de livrer du gaz à l'Inde pendant dix ans.", "signed",
     {"TotalEnergies", "India"}),
    # the borrower hung on the loan's amount
    ("La Banque mondiale a accordé un prêt de deux milliards de dollars au Ghana.", "signed",
     {"World Bank", "Ghana"}),
    # the seller after "auprès de" hung on the goods; a purchase considered is proposed
    ("La Grèce envisage de se procurer quatre frégates auprès des États-Unis.", "proposed",
     {"Greece", "United States"}),
    ("Le Chili pourrait acheter des blindés à l'Allemagne.", "proposed", {"Chile", "Germany"}),
])
def test_events_goods_handed_to_a_named_counterpart_are_a_deal(nlp, text, status, expected):
    [event] = agreements(nlp, text)
    assert event["status"] == status
    assert parties(event) == expected


@pytest.mark.parametrize("text", [
    "Le directeur a accepté de vendre sa voiture à un voisin.",  # no party
    "Elle a accepté de livrer un discours à Genève.",  # a place, and no goods
])
def test_events_commitment_without_a_party_is_no_deal(nlp, text):
    assert agreements(nlp, text) == []


def test_events_a_point_agreed_in_the_passive_is_settled(nlp):
    [event] = agreements(nlp, "Un cessez-le-feu de trois jours a été convenu entre Israël et le Hamas.")
    assert event["status"] == "signed"
    assert parties(event) == {"Israel", "Hamas"}
    # agreeing to go on talking settles nothing
    events = agreements(nlp, "Il a été convenu de poursuivre les discussions entre la Serbie et le Kosovo.")
    assert all(e["status"] != "signed" for e in events)


def test_events_consensus_reached_on_a_draft_is_close(nlp):
    [event] = agreements(nlp, "Les États membres de l'OMS sont parvenus à un consensus sur le projet "
                              "d'accord.")
    assert event["status"] == "close"
    assert parties(event) == {"WHO member states"}
    # reached on the deal itself, with no signing told: concluded
    [event] = agreements(nlp, "Le Ghana et le FMI sont parvenus à un consensus sur un accord de prêt.")
    assert event["status"] == "signed"


@pytest.mark.parametrize(("text", "status"), [
    # struggling to conclude is negotiating, not a signing
    ("La Zambie peine toujours à conclure un accord avec ses créanciers.", "negotiating"),
    ("Le Ghana s'efforce de conclure un accord avec le FMI.", "negotiating"),
    # the occasion taken: the act done
    ("En visite à Belgrade, le président français en a profité pour signer un accord avec la Serbie.",
     "signed"),
])
def test_events_efforts_and_occasions(nlp, text, status):
    [event] = agreements(nlp, text)
    assert event["status"] == status


def test_events_a_trip_to_sign_is_no_signing(nlp):
    [event] = agreements(nlp, "Le ministre est venu à Belgrade pour signer un accord avec la Serbie.")
    assert event["status"] != "signed"


# ---------------------------------------------------------------- products by their makers
@pytest.mark.parametrize(("text", "expected"), [
    # the product stands for its maker's state in the sale, never as a party of its own
    ("La Croatie achète douze Rafale d'occasion pour 999 millions d'euros.", {"Croatia", "France"}),
    ("La Roumanie a commandé 32 F-35 aux États-Unis.", {"Romania", "United States"}),
    # a product whose makers are several states names none
    ("Le Qatar a signé un contrat pour l'achat de 16 NH90.", {"Qatar"}),
])
def test_events_product_sold_stands_for_its_makers_state(nlp, text, expected):
    [event] = [e for e in agreements(nlp, text) if e["status"] == "signed"]
    assert {p["name"] for p in event["parties"]} == expected


def test_entities_product_is_misc_and_its_lowercase_noun_is_nothing(nlp, run):
    doc = run(nlp, "Une rafale de tirs a retenti. La Croatie achète douze Rafale d'occasion.")
    found = [(e["text"], e["label"]) for e in doc._.filon_entities]
    assert ("Rafale", "MISC") in found
    assert all(t != "rafale" for t, _ in found)


def test_events_news_agency_that_tells_is_no_party(nlp):
    text = "Le Chili et le Pérou ont signé un accord sur la pêche, a rapporté La Presse canadienne."
    [event] = agreements(nlp, text)
    assert {p["name"] for p in event["parties"]} == {"Chile", "Peru"}
