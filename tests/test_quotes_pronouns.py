"""Gendered pronoun speakers far from their antecedent (sentences written for these tests)."""

from __future__ import annotations


def _speakers(nlp, run, text):
    doc = run(nlp, text)
    return [(q["text"], (q["speaker"] or {}).get("name")) for q in doc._.filon_quotes
            if q["kind"] == "direct"]


INTERVIEW = (
    "Nous avons rencontré Claire Fontaine, économiste à l'Institut des ressources, à Lyon. "
    "Le ministère chinois du Commerce a annoncé de nouvelles licences la semaine dernière. "
    "Un porte-parole a assuré que la mesure était temporaire. "
    "L'Union européenne prépare sa réponse depuis des mois. "
    "Bruxelles a publié une liste de projets. "
    "Les industriels attendent des précisions sur les quotas. "
    "L'Europe est-elle prête ? « Pas encore », admet-elle. "
    "« Il faudra dix ans pour bâtir une filière », ajoute-t-elle."
)


def test_quotes_feminine_pronoun_prefers_the_woman_named_earlier_over_a_body(nlp, run):
    found = dict(_speakers(nlp, run, INTERVIEW))
    assert found["Pas encore"] == "Claire Fontaine"
    assert found["Il faudra dix ans pour bâtir une filière"] == "Claire Fontaine"


def test_quotes_feminine_pronoun_never_takes_on_or_a_masculine_anonymous_source(nlp, run):
    text = (
        "Côté chinois, on minimise la portée des licences. Un diplomate a jugé la mesure "
        "prévisible. « Rien ne change pour nous », affirme-t-elle."
    )
    [(quote, speaker)] = _speakers(nlp, run, text)
    assert quote == "Rien ne change pour nous"
    assert speaker is None


def test_quotes_portfolio_after_au_tells_no_gender_of_the_name(nlp, run):
    # "aux Finances" is the portfolio of "le secrétaire", not a feminine title of the name
    text = ("Le FMI a demandé plus de temps, a déclaré jeudi le secrétaire aux Finances Karim Belhadj. "
            "Le pays est à court de liquidités.\n"
            "Il a déclaré que les deux parties s'étaient entendues sur des mesures préalables.")
    doc = run(nlp, text)
    [person] = [e for e in doc._.filon_entities if e["label"] == "PER"]
    assert person["gender"] == "m"
    said = [q for q in doc._.filon_quotes if q["kind"] == "indirect" and q["speaker"]
            and q["speaker"]["text"] == "Il"]
    assert [q["speaker"]["name"] for q in said] == ["Karim Belhadj"]
