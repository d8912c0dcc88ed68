"""filon_events gives the same events as the code before its speed work (round 2).

The reference is a verbatim copy of `events.py` and `event_syntax.py` at commit 6f63563, kept in
tests/data/events_ref/. Both extractors read the same parsed docs: sentences written for this
test (wire style, never corpus text), shuffled into articles so that the parser sees them in
varied contexts, and the example and held-out articles of the repository. Each doc is read with
the full pipeline (mentions from `filon_entities`) and with the events component alone
(mentions from the gazetteer fallback).
"""

from __future__ import annotations

import importlib
import random
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent
REFERENCE = ROOT / "data" / "events_ref"

SENTENCES = [
    # agreements and their steps
    "Washington et Kiev ont signé mercredi un accord sur l'exploitation des terres rares ukrainiennes.",
    "L'accord sur les minerais entre les États-Unis et l'Ukraine n'a pas encore été signé.",
    "Le président ukrainien n'a pas signé le texte sur les métaux critiques proposé par Washington.",
    "Aucun document n'a été signé vendredi à la Maison Blanche, selon un responsable américain.",
    "Kiev doit signer vendredi à Washington l'accord-cadre sur les minerais stratégiques.",
    "L'accord pourrait être signé dès la semaine prochaine, a indiqué mardi Volodymyr Zelensky.",
    "Le texte sur le lithium devra encore être ratifié par la Rada, le Parlement ukrainien.",
    "Le Parlement ukrainien a approuvé jeudi l'accord sur les ressources naturelles.",
    "Les deux pays espèrent conclure un accord sur le titane d'ici l'été.",
    "L'Ukraine pourrait signer un accord-cadre avant la fin de l'année, selon Kiev et Washington.",
    "Si Kiev signe cet accord sur le graphite, Washington lèvera ses restrictions.",
    "Soit vous concluez un accord sur les terres rares, soit vous perdez notre soutien.",
    "« Nous ne signerons pas un accord qui engage dix générations d'Ukrainiens », a déclaré le "
    "président ukrainien.",
    "Le gouvernement ukrainien a rejeté mardi le projet d'accord américain sur les terres rares.",
    "Kiev a refusé de signer en l'état l'accord sur le lithium réclamé par Washington.",
    "Les négociations entre Kiev et Washington sur les minerais se poursuivent, a affirmé un "
    "conseiller du président.",
    "Les pourparlers de paix avec Moscou n'ont pas abouti, après deux mois de négociations.",
    "Les discussions sur le nickel doivent se poursuivre la semaine prochaine à Bruxelles.",
    "Le secrétaire au Trésor a présenté mercredi à Kiev au président un projet d'accord sur les "
    "minerais.",
    "Un nouveau projet, transmis à Kiev samedi, reprend les exigences américaines sur le cobalt.",
    "Le ministre s'est dit d'accord avec cette approche, au moment où Washington négocie avec Kiev.",
    "Personne ne peut signer cela, a lancé le président ukrainien.",
    "Les deux parties sont sur le point de signer l'accord sur les terres rares, ont indiqué "
    "mercredi les deux capitales.",
    "L'Ukraine s'est vu proposer par Bruxelles un partenariat sur les matières premières critiques.",
    # offers, demands, pressure
    "Le président russe a proposé lundi aux États-Unis d'exploiter les terres rares des territoires "
    "occupés en Ukraine.",
    "Moscou propose au Kazakhstan et à la Mongolie un partenariat sur l'uranium.",
    "Le commissaire européen plaide pour que l'UE propose un partenariat stratégique au Chili.",
    "Le ministre s'est rendu à Hanoï pour proposer un accord sur les terres rares.",
    "Le vice-président américain est allé à Kiev proposer un accord sur les minerais.",
    "Washington veut obtenir des terres rares en échange de son aide militaire, a rappelé le "
    "quotidien.",
    "Les États-Unis veulent sortir les mines de cobalt de l'orbite chinoise.",
    "L'administration américaine multiplie les pressions sur Kiev pour obtenir un accord sur le "
    "lithium.",
    "Le président américain a exigé de l'Ukraine 500 milliards de dollars de terres rares.",
    "Pékin a invité les entreprises européennes à investir dans ses mines de graphite.",
    # the EU and other partners
    "L'UE a signé des partenariats stratégiques avec la Namibie, le Rwanda et la Zambie sur les "
    "matières premières.",
    "Bruxelles a conclu en 2024 un partenariat sur les minerais critiques avec le Chili et "
    "l'Argentine.",
    "La Commission européenne a retenu 47 projets stratégiques pour sécuriser son approvisionnement "
    "en lithium.",
    "L'Union européenne vise à extraire sur son sol 10% des matières premières critiques d'ici 2030.",
    "Selon un communiqué du ministère chinois du Commerce, Pékin interdit les exportations de "
    "gallium et de germanium vers les États-Unis.",
    "La Chine a renforcé jeudi ses contrôles à l'exportation sur l'antimoine, d'après l'agence "
    "Chine nouvelle.",
    # places, demonyms, witnesses
    "Les responsables américains et ukrainiens se sont réunis à Riyad pour négocier un accord sur "
    "les minerais.",
    "En présence du chancelier allemand, les deux dirigeants ont signé un protocole d'accord sur le "
    "cobalt.",
    "L'armée russe occupe une partie des gisements de lithium situés sur le sol ukrainien.",
    "Les territoires d'Ukraine contrôlés par la Russie renferment des terres rares, a déclaré le "
    "Kremlin.",
    "La partie ukrainienne a transmis à Washington une contre-proposition sur les minerais.",
    "Le texte, présenté par Bruxelles comme une alternative aux exigences de l'administration "
    "Trump, porte sur le lithium.",
    "Il a évoqué en janvier des investissements dans les métaux rares, selon la fiche du texte "
    "publiée sur le site de la Rada.",
    "Elle a annoncé que l'accord avec l'Ukraine sur les ressources minérales était très proche.",
    "KIEV (Ukraine), 12 fév 2025 (AFP) - Les États-Unis ont remis à l'Ukraine un projet d'accord "
    "sur les terres rares.",
    "Le Premier ministre japonais a signé la loi sur les semi-conducteurs, sans lien avec l'accord.",
    "Ces discussions pourraient aboutir à un accord sur les minerais rapidement, estime un diplomate.",
    "On ne sait pas encore si le document sera paraphé par les deux parties.",
    "Le premier ministre ukrainien a dit espérer que la deuxième mouture serait signée bientôt.",
    "Les Européens suivent ces tractations sur les minerais avec inquiétude.",
    "L'accord, que lui avait soumis Washington, portait sur les terres rares et le pétrole.",
]


@pytest.fixture(scope="module")
def reference():
    """The reference module `events_v0` (with its own `event_syntax_v0`)."""
    sys.path.insert(0, str(REFERENCE))
    try:
        return importlib.import_module("events_v0")
    finally:
        sys.path.remove(str(REFERENCE))


def _articles() -> list[str]:
    """Articles made of the sentences above, one sentence each and shuffled runs, plus the texts
    of examples/ and tests/data/heldout/."""
    rng = random.Random(20251126)
    texts = list(SENTENCES)
    for _ in range(40):
        picked = rng.sample(SENTENCES, rng.randint(3, 9))
        texts.append(("\n\n" if rng.random() < 0.5 else " ").join(picked))
    for folder in (ROOT.parent / "examples", ROOT / "data" / "heldout"):
        texts.extend(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))
    return texts


def _docs(nlp, texts: list[str]):
    from filon.ingest.article import Article
    from filon.pipeline import process

    articles = [Article(text=t, published="2025-02-24", lang="fr") for t in texts]
    return [doc for _, doc in process(nlp, articles)]


def _compare(nlp, reference) -> int:
    old = reference.EventExtractor(nlp, "filon_events")
    texts = _articles()
    docs = _docs(nlp, texts)
    assert len(docs) == len(texts)
    found = 0
    for text, doc in zip(texts, docs, strict=True):
        assert doc._.filon_events == old.match(doc), text[:200]
        found += len(doc._.filon_events)
    return found


@pytest.mark.slow
def test_same_events_as_reference_with_entities(nlp, reference):
    # a comparison that finds nothing proves nothing: the texts must make many events
    assert _compare(nlp, reference) > 150


@pytest.mark.slow
def test_same_events_as_reference_without_entities(reference):
    from filon.pipeline import build_pipeline

    assert _compare(build_pipeline(components=["filon_events"]), reference) > 150


# ---------------------------------------------------------------------------- helpers vs spaCy
ODD_SPACING = [
    "Kiev  et Washington\n\nont signé.  ",
    " \n L'accord-cadre (sur les « terres rares »)   a été paraphé\t jeudi…",
    "UE–Ukraine : un partenariat ;\n\n\n« Nous signerons », a-t-il dit.",
]


@pytest.mark.parametrize("text", ODD_SPACING)
def test_char_span_is_spacys_expand_mode(text):
    import spacy

    from filon.pipeline.events import _char_span
    from filon.pipeline.tokens import TokenTable

    doc = spacy.blank("fr")(text)
    table = TokenTable(doc)
    for start in range(len(text) + 1):
        for end in range(start + 1, len(text) + 1):
            want = doc.char_span(start, end, alignment_mode="expand")
            got = _char_span(doc, table, start, end)
            assert ((got.start, got.end) if got else None) == ((want.start, want.end) if want else None), (
                start, end)
            if got is not None:
                assert (got.start_char, got.end_char) == (want.start_char, want.end_char)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 19), st.integers(1, 5)), max_size=12))
def test_longest_first_is_filter_spans(found):
    import spacy
    from spacy.tokens import Span
    from spacy.util import filter_spans

    from filon.pipeline.events import _longest_first

    doc = _twenty_tokens(spacy)
    matches = [(label, start, min(start + size, 20)) for label, start, size in found]
    spans = filter_spans([Span(doc, s, e, label=str(m)) for m, s, e in matches])
    expected = [(span.label_, span.start, span.end) for span in spans]
    assert [(str(m), s, e) for m, s, e in _longest_first(matches)] == expected


_DOCS: dict = {}


def _twenty_tokens(spacy):
    if "twenty" not in _DOCS:
        _DOCS["twenty"] = spacy.blank("fr")(" ".join(f"mot{i}" for i in range(20)))
    return _DOCS["twenty"]


@pytest.mark.slow
def test_tree_walks_are_spacys(nlp_bare):
    """`ancestors`, `subtree` and `predicate_of` on the token table give what spaCy's Token and
    the reference `predicate_of` give, on every short span of parsed sentences."""
    from filon.pipeline import event_syntax as syn
    from filon.pipeline.tokens import TokenTable

    sys.path.insert(0, str(REFERENCE))
    try:
        old_syn = importlib.import_module("event_syntax_v0")
    finally:
        sys.path.remove(str(REFERENCE))
    for doc in nlp_bare.pipe(SENTENCES[:25]):
        table = TokenTable(doc)
        for tok in doc:
            assert list(syn.ancestors(table, tok.i)) == [a.i for a in tok.ancestors]
            assert sorted(syn.subtree(table, tok.i)) == sorted(t.i for t in tok.subtree)
            for size in range(1, 5):
                if tok.i + size <= len(doc):
                    span = doc[tok.i : tok.i + size]
                    assert syn.predicate_of(table, span.start, span.end) == old_syn.predicate_of(span).i
