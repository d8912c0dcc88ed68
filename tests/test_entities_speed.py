"""filon_entities gives the same mentions as the code before its speed work (round 2).

The reference is a verbatim copy of `entities.py` at commit 17586bd (factory left out), kept in
tests/data/entities_ref/. Spans there were Span objects and tokens Token objects; the component
now reads character offsets of the cached text, the shared token table and writes `doc.ents`
with one `Doc.from_array`. Both linkers read copies of the same parsed docs: sentences written
for this test (wire style, never corpus text: names, short forms, titles, roles, metonymies,
captions, credits, bylines, nationalities, acronyms, portfolios), shuffled into articles so that
the model sees them in varied contexts, under several publication dates, plus the example and
held-out articles of the repository and the shared corpus article. `doc._.filon_entities`,
`doc.ents` and the token-level entity columns must be identical.
"""

from __future__ import annotations

import importlib
import random
import sys
from pathlib import Path

import pytest
from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.tokens import Doc

from filon.pipeline import build_pipeline

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent
REFERENCE = ROOT / "data" / "entities_ref"
ENT_COLUMNS = [ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]

SENTENCES = [
    # full names, short forms, courtesy titles
    "Vladimir Poutine a reçu jeudi au Kremlin l'émissaire américain, selon l'agence officielle.",
    "Poutine a ensuite assuré que Moscou restait ouvert à une coopération économique.",
    "Volodymyr Zelensky a refusé de signer le premier projet présenté par Washington.",
    "Le chef de l'Etat ukrainien, Volodymyr Zelensky, juge le texte déséquilibré.",
    "Zelensky a de nouveau appelé les Européens à garantir la sécurité de l'Ukraine.",
    "Donald Trump a affirmé que l'accord serait signé « très bientôt ».",
    "M. Trump s'est dit prêt à recevoir son homologue à la Maison Blanche.",
    "Hélène Marchand, chercheuse au CNRS, estime que les réserves sont surévaluées.",
    "Selon Mme Marchand, l'extraction prendrait au moins dix ans.",
    "Marc Lefèvre, directeur d'un cabinet de conseil, doute de la rentabilité des gisements.",
    "Camille Roussel, déléguée syndicale du site, redoute des suppressions de postes.",
    "Dominique Perrin, avocate de l'entreprise, conteste la décision.",
    "Sacha Morel, porte-parole de l'association, parle d'un « passage en force ».",
    "La géologue Anna Petrenko a cartographié les gisements de lithium du Donbass.",
    "Petrenko rappelle que plusieurs sites se trouvent en zone occupée.",
    "Le négociateur Pierre-Antoine Garnier a quitté la réunion avant la fin.",
    "Jean-Marc Ayrault et Claire Dubois ont co-signé une tribune dans la presse.",
    "Dubois plaide pour un stock stratégique européen de terres rares.",
    "Le député Karl Van der Berg a interpellé le gouvernement sur le dossier.",
    "Van der Berg a demandé la publication du texte intégral.",
    # titles glued to names, bare titles, portfolios
    "Selon le ministre de l'Economie Oleksandr Kovalenko, le texte est prêt.",
    "Le secrétaire américain au Trésor Scott Bessent s'est rendu à Kiev mercredi.",
    "Bessent a présenté un projet d'accord sur les minerais au président ukrainien.",
    "La Première ministre ukrainienne Ioulia Svyrydenko a défendu l'accord devant la Rada.",
    "Le Premier ministre a rappelé que rien n'était encore signé.",
    "Le ministère kazakh de l'Industrie a annoncé l'ouverture de trois mines de tungstène.",
    "Le ministre de l'Industrie a visité le site dimanche.",
    "Le ministère chinois du Commerce a publié une nouvelle liste de contrôles à l'export.",
    "Trésor Jean Dupont a été cité par erreur dans le communiqué.",
    # roles, current and former holders
    "Le président russe a proposé aux Etats-Unis d'exploiter des terres rares.",
    "Le président américain a jugé l'offre « intéressante ».",
    "L'ancien président américain avait déjà évoqué un tel partenariat.",
    "Le chancelier allemand a appelé à une réponse européenne commune.",
    "La présidente de la Commission européenne a présenté le plan mardi.",
    "Le Premier ministre britannique s'est entretenu avec le dirigeant ukrainien.",
    "Le chef de la diplomatie chinoise a dénoncé des « pressions ».",
    "Emmanuel Macron, le président français, a salué l'initiative.",
    "Emmanuel Macron, le président américain a ajouté une condition.",
    "Le locataire de la Maison Blanche a répété ses exigences.",
    # metonymies and capitals: actors or places
    "Le Kremlin a démenti toute discussion sur les territoires occupés.",
    "La Maison Blanche a indiqué que la signature était reportée.",
    "Washington a exigé un accès prioritaire aux minerais ukrainiens.",
    "Kiev et Washington négocient depuis plusieurs semaines.",
    "La délégation est arrivée à Moscou dans la soirée.",
    "Selon Pékin, les restrictions visent à protéger la sécurité nationale.",
    "Les entreprises installées à Bruxelles attendent des précisions.",
    "Bruxelles a répondu que les règles étaient conformes au droit.",
    "Une réunion se tiendra à Paris, puis à Londres, avant l'été.",
    "Les discussions entre Berlin et Varsovie n'ont pas abouti.",
    "Matignon a confirmé la tenue d'un conseil de défense vendredi.",
    "New Delhi a annoncé un partenariat avec Canberra sur le lithium.",
    "Le sommet a eu lieu à New Delhi, en présence de plusieurs ministres.",
    "Selon New Delhi et Tokyo, la chaîne d'approvisionnement reste fragile.",
    # descriptions of governments and armies
    "Le gouvernement ukrainien a approuvé le texte à l'unanimité.",
    "L'armée russe contrôle une partie des gisements de lithium.",
    "La présidence ukrainienne a publié un communiqué dans la nuit.",
    "Les Etats membres de l'UE doivent encore valider la liste.",
    "L'Etat ukrainien conserverait la propriété du sous-sol.",
    # model slips: nationalities, acronyms, days, lowercase hits, short aliases
    "Les Européens et les Américains divergent sur le calendrier.",
    "Les Chinois dominent le raffinage du gallium et du germanium.",
    "Le CRMA européen fixe des objectifs de production pour 2030.",
    "L'IRA américain a attiré plusieurs projets de batteries.",
    "Lundi, le Parlement européen a adopté le règlement.",
    "Mardi, la Commission européenne doit présenter sa liste de projets.",
    "La porcelaine de chine est exportée vers l'Europe depuis des siècles.",
    "Les US et l'UE ont signé une déclaration commune.",
    "Le fonds Orion a investi dans une mine au Kazakhstan.",
    "Florence Arnaud dirige la filiale européenne du groupe.",
    "Washington Silva, ancien footballeur, a ouvert une école à Sao Paulo.",
    # captions, credits, bylines, agency datelines
    "Vladimir Poutine à Moscou, le 24 février 2025 ( POOL / IVAN SOKOLOV )",
    "Volodymyr Zelensky et Donald Trump à la Maison Blanche (AFP/Archives)",
    "KIEV, 3 mars (AFP) - L'Ukraine a transmis sa réponse au projet américain.",
    "La réunion s'est tenue à huis clos (avec Reuters).",
    "Rédigé par Claire Martin, édité par Paul Girard",
    "Propos recueillis par Sophie Laurent ( AGENCE / SOPHIE LAURENT )",
    "PARIS ( Reuters ) - Le groupe minier a relevé ses prévisions.",
]

PUBLISHED = ["2025-02-24", "2019-06-01", None, "2021-03-01", "2025-05-15"]


@pytest.fixture(scope="module")
def reference():
    """The reference module `entities_v0`."""
    sys.path.insert(0, str(REFERENCE))
    try:
        return importlib.import_module("entities_v0")
    finally:
        sys.path.remove(str(REFERENCE))


@pytest.fixture(scope="module")
def nlp_ents():
    """fr_core_news_md + boilerplate marker + entities."""
    return build_pipeline(components=["filon_boilerplate", "filon_entities"])


@pytest.fixture(scope="module")
def linkers(nlp_ents, reference):
    """(reference linker, current linker) over the same vocab and gazetteer."""
    return reference.EntityLinker(nlp_ents, "filon_entities"), nlp_ents.get_pipe("filon_entities")


def _articles() -> list[str]:
    """The sentences one by one, shuffled runs of them, and the repository's articles."""
    rng = random.Random(20251126)
    texts = list(SENTENCES)
    for _ in range(40):
        picked = rng.sample(SENTENCES, rng.randint(3, 10))
        texts.append(rng.choice(["\n\n", " ", "\n"]).join(picked))
    for folder in (ROOT.parent / "examples", ROOT / "data" / "heldout"):
        texts.extend(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))
    return texts


def _parsed(nlp, text: str, published: str | None) -> Doc:
    """`text` through the model and the boilerplate marker, not yet through the linker."""
    doc = nlp.make_doc(text)
    doc._.filon_published = published
    doc._.filon_boilerplate = None
    for name, proc in nlp.pipeline:
        if name == "filon_entities":
            break
        doc = proc(doc)
    return doc


def _layer(doc: Doc) -> tuple:
    """Everything the linker writes: its mentions, `doc.ents` and the token entity columns."""
    ents = [(e.start, e.end, e.start_char, e.end_char, e.label_, e.kb_id_) for e in doc.ents]
    return doc._.filon_entities, ents, doc.to_array(ENT_COLUMNS).tolist()


def _compare(linkers, doc: Doc) -> tuple[tuple, tuple]:
    old, new = linkers
    return _layer(old(doc.copy())), _layer(new(doc.copy()))


def test_entities_speed_reference_registers_no_factory(reference):
    assert not hasattr(reference, "make_entities")


def test_entities_speed_same_layer_on_written_articles(nlp_ents, linkers):
    texts = _articles()
    differ = []
    seen: list[dict] = []
    for k, text in enumerate(texts):
        doc = _parsed(nlp_ents, text, PUBLISHED[k % len(PUBLISHED)])
        old, new = _compare(linkers, doc)
        if old != new:
            differ.append(text[:80])
        seen.extend(new[0])
    assert differ == [], f"{len(differ)} of {len(texts)} articles differ: {differ[:5]}"
    # the sentences reach every branch the rewrite touched (else the equality proves little)
    kinds = {e["kind"] for e in seen}
    assert kinds == {"name", "role", "metonymy"}
    assert {e["label"] for e in seen} >= {"PER", "ORG", "LOC", "MISC"}
    assert any(e["descriptive"] for e in seen)
    assert any(e["id"] and e["id"].startswith("filon:person-") for e in seen)
    assert {e["gender"] for e in seen if e["label"] == "PER"} >= {"m", "f"}
    assert any(e["kind"] == "role" and e["id"] for e in seen)


def test_entities_speed_same_layer_on_corpus(nlp_ents, linkers, corpus_articles):
    for article in corpus_articles:
        doc = _parsed(nlp_ents, article["text"], article.get("published"))
        old, new = _compare(linkers, doc)
        assert old == new


def test_entities_speed_same_layer_after_forced_entities(nlp_ents, linkers):
    """Model entities forced by hand, with kb ids: dropped spans (bare titles, days, credits)
    and re-cut ones (titles glued to names) leave the same token columns."""
    text = ("Premier ministre Jean Valois a vu lundi le ministère de l'Industrie, "
            "puis ( AGENCE / MARC ROUX ) Trésor Paul Gérard à Washington.")
    spans = [("Premier ministre Jean Valois", "PER", "Q1"), ("lundi", "MISC", ""),
             ("Industrie", "LOC", "Q2"), ("( AGENCE / MARC ROUX )", "ORG", "Q3"),
             ("Trésor Paul Gérard", "PER", ""), ("Washington", "PER", "Q4")]
    doc = _parsed(nlp_ents, text, "2025-02-24")
    doc.set_ents([doc.char_span(text.index(t), text.index(t) + len(t), label=label, kb_id=kb)
                  for t, label, kb in spans])
    old, new = _compare(linkers, doc)
    assert old == new
    assert "Jean Valois" in [e["text"] for e in new[0]]


def test_entities_speed_empty_and_entity_free_docs(nlp_ents, linkers):
    for text in ("", "   ", "il pleut sur la ville depuis ce matin."):
        doc = _parsed(nlp_ents, text, None)
        old, new = _compare(linkers, doc)
        assert old == new
