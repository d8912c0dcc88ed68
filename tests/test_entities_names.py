"""Names the model cuts short and companies named short (sentences written for these tests)."""

from __future__ import annotations

import pytest

from filon.pipeline.entities.companies import short_name


def _entities(nlp, run, text):
    return [(e["text"], e["label"], e["name"]) for e in run(nlp, text)._.filon_entities]


def _persons(nlp, run, text):
    return [t for t, label, _ in _entities(nlp, run, text) if label == "PER"]


@pytest.mark.parametrize(("text", "person"), [
    # a West African or Maghreb first name the model leaves out of the span
    ("Le ministre du Plan, Tahir Hamid Ngaba, a présenté le budget.", "Tahir Hamid Ngaba"),
    ("Le ministre, Cheick Oumar Dembélé, a présenté le budget.", "Cheick Oumar Dembélé"),
    ("Selon le directeur de la radio, Pape Ibou Sarr, la décision est injuste.", "Pape Ibou Sarr"),
    # half of a compound first name glued by an apostrophe that elides no French word
    ("« Le chantier avance », a déclaré Sid’Ahmed Ould Meimou, ministre des Mines.",
     "Sid’Ahmed Ould Meimou"),
])
def test_entities_first_name_before_a_model_person_joins_it(nlp, run, text, person):
    assert person in _persons(nlp, run, text)


def test_entities_first_name_after_a_determiner_is_a_title(nlp, run):
    # "le Pape" is the pontiff's title here, not a given name
    persons = _persons(nlp, run, "Le Pape François a reçu Marcel Doukouré au Vatican.")
    assert not any(p.startswith("Pape") for p in persons)


def test_entities_elided_word_before_a_name_stays_out(nlp, run):
    persons = _persons(nlp, run, "L'ambassadeur a parlé d'Antoine Mbakou hier.")
    assert "Antoine Mbakou" in persons
    assert not any(p.startswith("d'") for p in persons)


@pytest.mark.parametrize(("name", "short"), [
    ("Kosmos Energy", "Kosmos"),
    ("Barrick Gold Corporation", "Barrick"),
    ("Energy Transfer LP", "Energy Transfer"),
    ("Sonatrach", None),
    ("Groupe Vendrak Energy", "Groupe Vendrak"),
    ("beIN Sports", "beIN"),
    ("Energy", None),
])
def test_short_name_drops_trailing_designators(name, short):
    assert short_name(name) == short


def test_entities_short_name_of_a_company_is_that_company(nlp, run):
    text = "Selon Vendrak Energy, les deux pays vont signer. Vendrak se réjouit de l'accord."
    found = _entities(nlp, run, text)
    short = [(label, name) for t, label, name in found if t == "Vendrak"]
    assert short == [("ORG", "Vendrak Energy")]


def test_entities_parent_beside_its_subsidiary_stays_apart(nlp, run):
    found = _entities(nlp, run, "Orvanis a signé avec Talmont et Talmont Telecom. Talmont a confirmé.")
    names = {name for t, _, name in found if t == "Talmont"}
    assert names == {"Talmont"}


def test_entities_particle_and_surname_is_the_short_form_of_the_full_name(nlp, run):
    text = ("Le patron du groupe, Nicolas de Tavelmont, a réagi. Le projet reste viable, a indiqué "
            "M. de Tavelmont. M. de Tavelmont veut « maintenir le projet ».")
    names = {(t, name) for t, label, name in _entities(nlp, run, text) if label == "PER"}
    assert {name for _, name in names} == {"Nicolas de Tavelmont"}


def test_entities_particle_and_surname_alone_is_a_person(nlp, run):
    text = "Le projet reste viable, a indiqué M. de Tavelmont. Puis M. de Tavelmont est parti."
    assert {name for _, label, name in _entities(nlp, run, text) if label == "PER"} == {"de Tavelmont"}


@pytest.mark.parametrize(("text", "firm"), [
    # the model's span opens on the lowercase kind noun: the name alone is the firm
    ("Le ministre a signé un accord avec le laboratoire Pfizer sur les prix.", "Pfizer"),
    # a one-word "person" right after the kind noun is the firm
    ("Le groupe Danone a signé un accord avec la société Vendrak pour le lait.", "Vendrak"),
])
def test_entities_firm_after_its_kind_noun_is_the_name_alone(nlp, run, text, firm):
    found = _entities(nlp, run, text)
    assert (firm, "ORG", firm) in found
    assert not any(t.lower().startswith(("laboratoire", "société")) for t, _, _ in found)


def test_entities_capitalised_kind_noun_stays_in_the_name(nlp, run):
    found = _entities(nlp, run, "Le Groupe Bolloré a vendu sa filiale logistique.")
    assert any(t == "Groupe Bolloré" for t, _, _ in found)


@pytest.mark.parametrize(("text", "title"), [
    # a capitalised article inside a sentence opens a title
    ("Les deux parties ont entamé des négociations, selon Le Courrier de Tlemcen.", "Le Courrier de Tlemcen"),
    ("D'après La Gazette du Sahel, les deux parties ont signé.", "La Gazette du Sahel"),
])
def test_entities_capitalised_article_inside_a_sentence_opens_a_title(nlp, run, text, title):
    assert (title, "ORG", title) in _entities(nlp, run, text)


def test_entities_article_opening_a_sentence_stays_out(nlp, run):
    found = _entities(nlp, run, "Il a parlé au Kremlin. Le Kremlin a rejeté l'offre.")
    assert [t for t, _, _ in found] == ["Kremlin", "Kremlin"]
