"""`filon_lemmas`: futur and conditional forms the model leaves unlemmatized get their infinitive."""

from __future__ import annotations

import pytest

from filon.pipeline.lemmas import infinitive_of


@pytest.mark.parametrize(("form", "infinitive"), [
    ("finaliseraient", "finaliser"), ("ratifieront", "ratifier"), ("laissera", "laisser"),
    ("finirait", "finir"), ("signerions", "signer"),
])
def test_lemmas_futur_and_conditional_forms(form, infinitive):
    assert infinitive_of(form) == infinitive


@pytest.mark.parametrize("word", ["dernière", "première", "opéra", "serait", "aurait", "dira",
                                  "parviendrait", "premiers", "négociations"])
def test_lemmas_other_words_are_left_alone(word):
    assert infinitive_of(word) is None


def test_lemmas_component_repairs_the_doc():
    from filon.pipeline import build_pipeline

    text = "Bruxelles et Washington finaliseraient un compromis tarifaire."
    repaired = build_pipeline(components=["filon_lemmas"])(text)
    plain = build_pipeline(components=[])(text)
    assert plain[3].lemma_ != "finaliser" and repaired[3].lemma_ == "finaliser"
    # every other token keeps the model's lemma
    assert [t.lemma_ for t in repaired if t.i != 3] == [t.lemma_ for t in plain if t.i != 3]
