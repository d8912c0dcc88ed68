"""Translations of a dispatch linked as its copies (issue 13, item 2): the French dispatch of
`tests/test_copies.py`, an English translation of it, the translation cut short with names
respelled, and an English article on the same talks that is not a translation. The texts are
written for these tests."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from filon.ingest.article import Article
from filon.linking.translations import (
    TRANSLATION_THRESHOLD,
    anchor_pairs,
    anchors,
    translation_similarity,
)
from filon.store import Store
from tests.test_copies import DISPATCH, REWRITE, UNRELATED

TRANSLATION = (
    "KYIV, March 14, 2025 (AFP) - Ukraine and the United States resumed on Friday in Kyiv their "
    "negotiations on the exploitation of Ukrainian minerals, two weeks after the failure of the "
    "meeting between Volodymyr Zelensky and Donald Trump at the White House. \"We have made progress "
    "on the principles of the joint fund,\" said Deputy Prime Minister Ioulia Svyrydenko at the end "
    "of a first day of discussions. According to her, the text provides that Kyiv pays half of the "
    "future revenues drawn from natural resources into an investment fund managed jointly with "
    "Washington. The American delegation, led by Treasury Secretary Scott Bessent, made no comment. "
    "The two parties hope to conclude an agreement before the end of the month, a Ukrainian "
    "diplomatic source said. Ukraine holds significant reserves of titanium, lithium and graphite, "
    "part of which is located in the territories occupied by Russia."
)
CUT = (
    "KYIV, March 14, 2025 (AFP) - Ukraine and the United States on Friday resumed in Kyiv their talks "
    "on Ukrainian minerals, two weeks after the failed meeting between Volodymyr Zelenskyy and Donald "
    "Trump at the White House. \"We have advanced on the principles of the common fund,\" Deputy Prime "
    "Minister Yulia Svyrydenko said after a first day of talks. According to her, the text provides "
    "that Kyiv pays half of future revenues from natural resources into an investment fund run "
    "jointly with Washington. The US delegation, led by Treasury Secretary Scott Bessent, did not comment."
)
SAME_TALKS = (
    "WASHINGTON, March 14, 2025 - US Treasury Secretary Scott Bessent said on Friday that Washington "
    "expected Ukraine to sign the minerals agreement soon, after Donald Trump and Volodymyr Zelensky "
    "clashed in the Oval Office two weeks ago. \"The fund will pay back the American taxpayer,\" "
    "Bessent told reporters at the White House. Ukrainian officials, including Deputy Prime Minister "
    "Yulia Svyrydenko, have held talks in Kyiv with a US delegation this week. Ukraine has deposits of "
    "titanium, lithium and graphite, and Russia occupies part of them. Kyiv wants security guarantees "
    "in the text, a demand Washington has so far declined."
)


def test_translations_anchors_are_the_same_in_both_languages():
    # dates, states, cities and people the gazetteer knows, whatever the language
    assert anchors("Le 30 avril 2025, les États-Unis et l'Union européenne ont signé à Kiev.") == [
        "30", "4", "2025", "Q30", "Q458", "Q1899"]
    assert anchors("On April 30, 2025, the United States and the European Union signed in Kyiv.") == [
        "4", "30", "2025", "Q30", "Q458", "Q1899"]
    # the English verb "may" and the French number "sept" are no months
    assert anchors("The deal may be signed in May, after sept jours of talks.") == ["5"]
    # weekday names and sentence openers are no anchors; an unknown name is its first letters
    assert anchors("Vendredi, Ioannis Zorbatzis a parlé. Puis il est parti.") == ["ioann", "zorba"]


def test_translations_thresholds_separate_a_translation_from_the_same_story():
    assert translation_similarity(DISPATCH, TRANSLATION) >= 2 * TRANSLATION_THRESHOLD
    assert translation_similarity(DISPATCH, CUT) >= TRANSLATION_THRESHOLD
    assert translation_similarity(DISPATCH, SAME_TALKS) < 0.6 * TRANSLATION_THRESHOLD
    assert translation_similarity(UNRELATED, TRANSLATION) < TRANSLATION_THRESHOLD / 2


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300))
def test_translations_similarity_is_symmetric_and_bounded(text):
    assert translation_similarity(text, DISPATCH) == translation_similarity(DISPATCH, text)
    assert 0.0 <= translation_similarity(text, DISPATCH) <= 1.0
    assert len(anchor_pairs(text)) <= max(len(anchors(text)) - 1, 0)


def _article(text: str, outlet: str, published: str, lang: str) -> tuple[Article, dict]:
    article = Article(text=text, outlet=outlet, published=published, lang=lang, title=outlet)
    return article, {"id": article.id, "published": published, "entities": [], "quotes": [],
                     "dates": [], "events": []}


def _copies(store: Store) -> dict[str, tuple]:
    outlet = dict(store.con.execute("SELECT id, outlet FROM documents").fetchall())
    rows = store.con.execute("SELECT outlet, copy_of, copy_kind FROM documents").fetchall()
    return {r[0]: (outlet.get(r[1]), r[2]) for r in rows}


def test_translations_link_to_the_dispatch_in_the_store_whatever_the_order():
    items = [
        _article(DISPATCH, "AFP", "2025-03-14", "fr"),
        _article(TRANSLATION, "Kyiv Post", "2025-03-15", "en"),
        _article(SAME_TALKS, "Wire US", "2025-03-14", "en"),
        _article(REWRITE, "La Croix", "2025-03-15", "fr"),
    ]
    for order in ((0, 1, 2, 3), (3, 2, 1, 0)):
        with Store(":memory:") as store:
            for i in order:
                store.write_batch([items[i]])
            assert _copies(store) == {"AFP": (None, None), "Kyiv Post": ("AFP", "translation"),
                                      "Wire US": (None, None), "La Croix": ("AFP", "rewrite")}


def test_translations_need_two_known_languages():
    # the same translation pair with a language unknown, or both said to be French: no link
    for langs in ((None, "en"), ("fr", "fr")):
        with Store(":memory:") as store:
            store.write_batch([_article(DISPATCH, "AFP", "2025-03-14", langs[0]),
                               _article(TRANSLATION, "Kyiv Post", "2025-03-15", langs[1])])
            assert _copies(store)["Kyiv Post"] == (None, None)
