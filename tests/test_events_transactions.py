"""Deals told by the act alone, on sentences written for these tests: goods bought from a
seller named after "à" or "auprès de", a loan granted to a borrower, parties that "se mettent
d'accord" or "s'accordent" on terms. Each needs its counterpart: the same verbs with a place,
an interview or a shared view make no deal.

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
