"""The shared token table and the list-based cue scan of `filon_quotes`.

The scan, sentence split, clause ends and passive checks read each doc's token attributes once
from `filon.pipeline.tokens.TokenTable` (about twice as fast as Token objects). They were checked
equal to the Token-based code they replaced (commit 19554d1) on the sentences below, joined into
articles and in random combinations; what stays tested is what they stand on: every list of the
table against the Token attribute it stands for, the lexicon pre-check of the scan against the
candidate lemmas, and boilerplate filtering, on French sentences written for this test
(reporting verbs, inversions, reflexives, locutions, prepositional cues, passives, nouns that
look like cues).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from filon.domains import DEFAULT_DOMAIN, read_csv
from filon.domains.folding import fold
from filon.pipeline.extensions import in_spans, set_doc_extensions
from filon.pipeline.quotes.cues import (
    CueLexicon,
    CueScanner,
    Hit,
)
from filon.pipeline.tokens import TokenTable, token_table

SENTENCES = [
    # reporting verbs, subject first, compound tenses
    "Le ministre de l'Économie a déclaré lundi que l'accord serait signé avant l'été.",
    "Anne Leroy affirme que les réserves de lithium sont surestimées.",
    "La porte-parole du gouvernement a assuré que rien n'était encore décidé.",
    "Les négociateurs ont indiqué mardi qu'un compromis restait possible.",
    "Le président ukrainien avait prévenu que Kiev ne céderait aucun gisement.",
    "Pékin a averti que toute sanction entraînerait des mesures de rétorsion.",
    "Un diplomate européen estime que la Commission a trop tardé.",
    "Elle juge possible de conclure un accord d'ici la fin du mois.",
    "Marc Dubois juge que la filière n'est pas prête.",
    "La chercheuse note que les prix du cobalt ont chuté de moitié.",
    "Le patronat réclame des garanties et dénonce une « concurrence déloyale ».",
    "Il a dit espérer une issue rapide des discussions.",
    "Le gouvernement a appelé à rejeter le texte, jugeant qu'il menaçait l'industrie.",
    "La ministre promet de défendre les intérêts des mineurs.",
    "Washington a reproché à Kiev de traîner et jugé l'offre « insuffisante ».",
    "Le Kremlin a de son côté évoqué une « proposition sérieuse ».",
    # inversions after the quote or the clause
    "« Nous ne signerons pas sous la pression », a-t-il déclaré devant la presse.",
    "« C'est une étape décisive », a déclaré jeudi la commissaire européenne.",
    "« Rien n'est acquis », a-t-elle prévenu, avant de quitter la salle.",
    "L'accord sera finalisé la semaine prochaine, a précisé le négociateur américain.",
    "« Nous sommes prêts, a-t-il dit, à travailler avec tous nos partenaires. »",
    "« Le calendrier est serré », estime-t-on à Bruxelles.",
    "« Nous ne lâcherons rien », raconte-t-il en souriant.",
    "« Ce n'est pas une dette », répond-elle sèchement.",
    "« Les prix vont remonter », l'a martelé le directeur, lundi.",
    "« C'est inacceptable », s'est indigné le porte-parole.",
    "« Il faut accélérer », explique-t-on chez Eramet.",
    "« Tout est sur la table », ajoute, de son côté, le ministre.",
    # reflexive verbs and locutions
    "Le ministre s'est dit prêt à rouvrir les négociations.",
    "La présidente s'est félicitée de l'accord conclu avec Kiev.",
    "Les industriels s'inquiètent d'une pénurie de terres rares.",
    "Le syndicat s'en est pris à la direction, qu'il accuse de mentir.",
    "Elle s'est déclarée favorable à un report de la réforme.",
    "La Commission a fait savoir qu'elle examinerait la demande.",
    "Le Premier ministre a mis en garde contre toute précipitation.",
    "Le chancelier a laissé entendre qu'un compromis était proche.",
    "L'ambassadeur a tiré la sonnette d'alarme sur les stocks de gallium.",
    "Le sénateur appelle de ses vœux une stratégie européenne commune.",
    "Le député a tenu à rappeler que le texte n'était pas définitif.",
    "Le président s'est demandé si l'accord tiendrait.",
    # prepositional cues and wording
    "Selon le ministère, les exportations de germanium ont été suspendues.",
    "D'après un responsable ukrainien, le texte n'est pas encore finalisé.",
    "Selon Kiev et Washington, la signature aura lieu vendredi.",
    "L'accord prévoit, selon ses termes, un « partage équitable » des revenus.",
    "Aux yeux de la Commission, la dépendance reste trop forte.",
    "De l'avis des experts, les gisements sont mal cartographiés.",
    "Selon les termes de l'accord, le fonds sera géré conjointement.",
    "Pour le chef de la diplomatie, il s'agit d'un « premier pas ».",
    "Aux dires de son entourage, le président hésite encore.",
    "Le projet, selon lui, n'a aucune chance d'aboutir.",
    "D'après elle, selon sa formule, « tout reste à faire ».",
    # passives and participles that are not statements
    "Le rapport a été publié mardi par la Commission.",
    "Les chiffres sont estimés à plusieurs milliards de dollars.",
    "La fiche du texte publiée sur le site officiel détaille les quotas.",
    "Le plan annoncé par Bruxelles a été critiqué par les industriels.",
    "Kiev avait lui-même suggéré une gestion conjointe du fonds.",
    "Pour plaider en faveur de la réforme, le ministre a multiplié les visites.",
    # nouns and adjectives that look like cues
    "La presse locale a largement couvert la visite.",
    "Le juge a rendu sa décision, note de synthèse à l'appui.",
    "Une déclaration commune doit être publiée demain.",
    "Les réponses des ministères sont attendues cette semaine.",
    # English copy, colons, lists, edge cases
    "The minister said the deal was close, officials told reporters.",
    "Le ministre a réagi : « Nous prendrons nos responsabilités. »",
    "10h45 - « Le texte est prêt », affirme le négociateur.",
    "Déclaration",
    "« Non. »",
    "Il a dit",
    "selon",
    "Selon",
]

ARTICLES = [
    "\n\n".join(SENTENCES[:16]),
    " ".join(SENTENCES[16:28]) + "\n" + " ".join(SENTENCES[28:40]),
    "\n".join(SENTENCES[40:52]) + "\n\n" + " ".join(SENTENCES[52:]),
    # the parser cuts a lone subject or after a closing quote: re-joined by `_sentences`
    "Pékin\na prévenu que les quotas seraient réduits. « Tout va bien », a-t-il dit ; Moscou, "
    "de son côté, a démenti. « Rien n'est signé » , a ajouté Kiev.\n\nLe texte prévoit ceci : "
    "un fonds commun. Il n'a pas été signé…   Pourtant, selon Paris, il le sera.",
]


# --- the Token-based references (the code before the speed work, verbatim) ---------------------


@pytest.fixture(scope="module")
def lexicon() -> CueLexicon:
    set_doc_extensions()  # the per-doc worker reads doc._ even on a bare model's docs
    rows = read_csv(DEFAULT_DOMAIN, "reporting_cues.csv", ("cue", "lemma", "type", "source"))
    return CueLexicon.from_rows(rows)


@pytest.fixture(scope="module")
def sentence_docs(nlp_bare) -> list[Doc]:
    return list(nlp_bare.pipe(SENTENCES))


@pytest.fixture(scope="module")
def article_docs(nlp_bare) -> list[Doc]:
    return list(nlp_bare.pipe(ARTICLES))


def _skips(doc: Doc) -> list[list[dict]]:
    """No boilerplate, and a boilerplate span over the middle third of the text."""
    n = len(doc.text)
    return [[], [{"start": n // 3, "end": 2 * n // 3, "kind": "caption"}]]


def assert_table(doc: Doc, lexicon: CueLexicon) -> list[Hit]:
    """The shared token table holds what the Token attributes hold; returns the cue hits."""
    table = TokenTable(doc)
    assert table.n == len(doc)
    assert table.text == [t.text for t in doc]
    assert table.low == [fold(t.text) for t in doc]
    assert table.lemma == [t.lemma_ for t in doc]
    assert table.lemma_low == [fold(t.lemma_) for t in doc]
    assert table.lower == [t.lower_ for t in doc]
    assert table.lemma_lower == [t.lemma_.lower() for t in doc]
    assert token_table(doc) is token_table(doc)  # one table per doc, shared by the components
    assert table.pos == [t.pos_ for t in doc]
    assert table.punct == [t.is_punct for t in doc]
    assert table.alpha == [t.is_alpha for t in doc]
    assert table.space == [t.is_space for t in doc]
    assert table.digit == [t.is_digit for t in doc]
    assert table.idx == [t.idx for t in doc]
    assert table.dep == [t.dep_ for t in doc]
    assert table.head == [t.head.i for t in doc]
    assert [table.children(t.i) for t in doc] == [[c.i for c in t.children] for t in doc]
    for field in ("VerbForm", "Voice", "Gender", "Number"):
        assert [table.feats(t.i, field) for t in doc] == [t.morph.get(field) for t in doc]
    scanner = CueScanner(doc, lexicon, [], table)
    for tok in doc:
        # the lexicon pre-check never turns away a token whose candidate lemmas name a cue
        assert scanner.is_cue_at(tok.i) == any(lemma in lexicon.by_lemma for lemma in scanner.lemmas(tok))
    hits = scanner.hits()
    for skip in _skips(doc):
        # a hit that touches boilerplate is dropped, words and all; the others stay
        kept = CueScanner(doc, lexicon, skip, table).hits()
        assert kept == [h for h in hits if not in_spans(doc[h.start].idx, doc[h.end - 1].idx + 1, skip)]
    return hits


def test_sentences_table_and_scan(sentence_docs, lexicon):
    hits = [assert_table(doc, lexicon) for doc in sentence_docs]
    # the sentences do exercise the cases: inversions, reflexives, locutions, prepositions
    flat = [h for hs in hits for h in hs]
    assert sum(h.inverted is not None for h in flat) >= 5
    assert sum(h.cue.reflexive for h in flat) >= 4
    assert {h.cue.type for h in flat} >= {"verb", "locution", "preposition", "wording"}
    assert sum(h.start < h.verb for h in flat) >= 10  # auxiliaries and clitics taken in


def test_articles_table_and_scan(article_docs, lexicon):
    for doc in article_docs:
        assert assert_table(doc, lexicon)


def test_whole_component_output_unchanged_on_known_attributions(run, nlp):
    """A few attributions through the whole component (the snapshot diff covers real articles)."""
    doc = run(nlp, "« Nous ne signerons pas », a-t-il déclaré. Selon Kiev, l'accord est prêt.")
    kinds = [(q["kind"], q["cue_lemma"]) for q in doc._.filon_quotes]
    assert ("direct", "déclarer") in kinds
    assert ("indirect", "selon") in kinds


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    parts=st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6),
    seps=st.lists(st.sampled_from([" ", "\n", "\n\n", " ; ", ", "]), min_size=6, max_size=6),
)
def test_random_texts_table_and_scan(nlp_bare, lexicon, parts, seps):
    text = "".join(p + s for p, s in zip(parts, seps, strict=False)).strip()
    assert_table(nlp_bare(text), lexicon)


def test_boilerplate_next_to_a_locution_cue(nlp_bare, lexicon):
    """A cue cut by boilerplate keeps its words: "dires" of "Aux dires de son entourage" is not
    read as the verb "dire" when "Aux" lies in the skipped span (found by hypothesis)."""
    text = " ".join(["Anne Leroy affirme que les réserves de lithium sont surestimées."] * 3 + [
        "Il a dit espérer une issue rapide des discussions.",
        "Aux dires de son entourage, le président hésite encore.",
        "La porte-parole du gouvernement a assuré que rien n'était encore décidé."])
    assert len(assert_table(nlp_bare(text), lexicon)) >= 5


def test_under_is_the_head_chain_of_spacy(sentence_docs):
    """`TokenTable.under(k, top)` is `top` being `k` or among `Token.ancestors`, within its
    depth: checked on every pair of tokens of the test sentences."""
    for doc in sentence_docs:
        table = token_table(doc)
        for tok in doc:
            chain = [tok.i] + [a.i for a in tok.ancestors]
            for top in range(len(doc)):
                assert table.under(tok.i, top, depth=len(doc)) == (top in chain)
                assert table.under(tok.i, top, depth=2) == (top in chain[:3])
