"""The table-based helpers of `filon_events` against spaCy's own: offsets, overlap filtering and
tree walks.

`filon_events` reads the shared token table instead of building spaCy Tokens and Spans (about
twice as fast). Its rules were checked equal, event for event, to the Token-based code before the
change (commit 6f63563) on the sentences below, shuffled articles, the examples and held-out
texts; what stays tested here are the primitives they now stand on, each against the spaCy
feature it replaces, so that the tests keep holding when the rules change.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# ---------------------------------------------------------------------------- helpers vs spaCy
ODD_SPACING = [
    "Kiev  et Washington\n\nont signé.  ",
    " \n L'accord-cadre (sur les « terres rares »)   a été paraphé\t jeudi…",
    "UE–Ukraine : un partenariat ;\n\n\n« Nous signerons », a-t-il dit.",
]


@pytest.mark.parametrize("text", ODD_SPACING)
def test_char_span_is_spacys_expand_mode(text):
    import spacy

    from filon.pipeline.events.context import char_span as _char_span
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

    from filon.pipeline.events.context import longest_first as _longest_first

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
    Span give, on every short span of parsed sentences."""
    from filon.pipeline.events import syntax as syn
    from filon.pipeline.tokens import TokenTable

    for doc in nlp_bare.pipe(SENTENCES):
        table = TokenTable(doc)
        for tok in doc:
            assert list(syn.ancestors(table, tok.i)) == [a.i for a in tok.ancestors]
            assert sorted(syn.subtree(table, tok.i)) == sorted(t.i for t in tok.subtree)
            for size in range(1, 5):
                if tok.i + size <= len(doc):
                    span = doc[tok.i : tok.i + size]
                    outside = [t.i for t in span if not span.start <= t.head.i < span.end or t.head.i == t.i]
                    assert syn.predicate_of(table, span.start, span.end) == outside[0]
                    if size == 1 or len(outside) == 1:
                        assert outside[0] == span.root.i
