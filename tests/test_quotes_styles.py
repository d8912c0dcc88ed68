# ruff: noqa: E501 - the table holds whole sentences, one case per entry, easier to read unwrapped
"""Quotes in other press styles: interviews, analysis pieces, live blogs, regional dailies.

Every sentence is our own. Each case targets one failure class found on articles outside the
wire style: persons the gazetteer does not know (gender from the first name), interview answers
after a single introduction, quotes spanning paragraphs, organisations named by description,
quoted fragments inside reported clauses, and statement verbs beyond "dire" and "déclarer".
Helpers and conventions are those of `tests/test_quotes_table.py`.
"""

from __future__ import annotations

import pytest

from filon.pipeline.entities import first_name_gender, load_first_names
from test_quotes_table import DAY, D, I, M, T, _observed

STYLE_CASES: list[tuple] = [
]


def test_first_names_lexicon_reads_compounds_and_leaves_surnames():
    names = load_first_names()
    assert len(names) >= 300
    assert first_name_gender("Hélène Dupont", names) == "f"
    assert first_name_gender("Jean-Marc Rouvier", names) == "m"
    assert first_name_gender("Marie-Claire Vasseur", names) == "f"
    assert first_name_gender("Mme Anne Leroy", names) == "f"
    assert first_name_gender("Jean-Kévin Martin", names) == "m"  # compound missing: its head decides
    assert first_name_gender("Dupont", names) is None  # a surname alone tells nothing
    assert first_name_gender("Dominique Roux", names) is None  # epicene names are left out


def test_unknown_person_gets_gender_from_first_name(nlp, run):
    doc = run(nlp, "Hélène Dupont, chercheuse, et Marc Lefebvre, analyste, ont publié une étude. Dupont la défend.")
    genders = {e["text"]: e["gender"] for e in doc._.filon_entities if e["label"] == "PER"}
    assert genders.get("Hélène Dupont") == "f"
    assert genders.get("Marc Lefebvre") == "m"


@pytest.mark.slow
@pytest.mark.parametrize("case", STYLE_CASES, ids=[c[0] for c in STYLE_CASES])
def test_quotes_styles(nlp, run, case):
    text, expected = case[1], case[2]
    published = case[3] if len(case) > 3 else DAY
    doc = run(nlp, text, published=published)
    assert sorted(_observed(doc), key=repr) == sorted(expected, key=repr)
