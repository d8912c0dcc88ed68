"""The list-based `filon_quotes` internals give exactly what the Token-based code gave.

`TokenTable`, `CueScanner`, `_sentences`, `_clause_end`, `_passive` and the subject look-up were
rewritten to read each doc's token attributes once (speed); the Token-based versions they
replaced are kept below, verbatim, as slow references. Every check compares the two on French
sentences written for this test (reporting verbs, inversions, reflexives, locutions,
prepositional cues, passives, nouns that look like cues), parsed one by one, joined into
articles, and in random combinations (hypothesis).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span, Token

from filon.domains import DEFAULT_DOMAIN, read_csv
from filon.domains.gazetteer import fold, load_gazetteer
from filon.pipeline.extensions import in_spans, set_doc_extensions
from filon.pipeline.quote_cues import (
    FINAL_PUNCT,
    POSSESSIVES,
    QUOTE_CHARS,
    REFLEXIVES,
    CueLexicon,
    CueScanner,
    Hit,
    is_clitic,
)
from filon.pipeline.quotes import _DocQuotes, _sentences
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


class RefScanner:
    """The Token-based `CueScanner` before the speed work."""

    def __init__(self, doc: Doc, lexicon: CueLexicon, skip: list[dict]) -> None:
        self.doc = doc
        self.lex = lexicon
        self.skip = skip

    def hits(self) -> list[Hit]:
        hits: list[Hit] = []
        doc = self.doc
        n = len(doc)
        i = 0
        while i < n:
            tok = doc[i]
            hit = self._prep_hit(i) if not tok.is_punct else None
            if hit is None and tok.is_alpha:
                hit = self._verb_hit(i)
            if hit is not None and not in_spans(doc[hit.start].idx, doc[hit.end - 1].idx + 1, self.skip):
                hits.append(hit)
                i = max(i + 1, hit.end if hit.cue.type != "verb" else i + 1)
                continue
            i += 1
        return hits

    def _prep_hit(self, i: int) -> Hit | None:
        cues = self.lex.by_first.get(fold(self.doc[i].text))
        if not cues:
            return None
        for cue in cues:
            end = self._match_words(i, cue.words)
            if end is not None:
                return Hit(cue, i, end, i)
        return None

    def _match_words(self, i: int, words: tuple[str, ...]) -> int | None:
        doc = self.doc
        j = i
        for w in words:
            if j >= len(doc):
                return None
            got = fold(doc[j].text)
            if got != w and not (w in POSSESSIVES and got in POSSESSIVES):
                return None
            j += 1
        return j

    def lemmas(self, tok: Token) -> list[str]:
        low = fold(tok.text)
        out = [fold(tok.lemma_)]
        if low in self.lex.by_form:
            out.append(self.lex.by_form[low])
        if tok.pos_ not in ("VERB", "AUX") and not self._verb_in_disguise(tok):
            return out
        out.append(low)
        for suffix in ("ées", "ée", "és", "é", "ant", "ent", "es", "e"):
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                out.append(low[: -len(suffix)] + "er")
                break
        return out

    @staticmethod
    def _verb_in_disguise(tok: Token) -> bool:
        nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and (nxt.text == "-t" or is_clitic(nxt)):
            return True
        if tok.pos_ != "NOUN" or nxt is None or tok.i == 0:
            return False
        prv = tok.doc[tok.i - 1]
        before_clause = fold(nxt.text) in ("que", "qu'") or nxt.pos_ == "ADJ"
        return (prv.pos_ in ("PROPN", "PRON") and before_clause) or (
            prv.text == "," and nxt.pos_ == "PROPN"
        )

    def _verb_hit(self, i: int) -> Hit | None:
        doc = self.doc
        tok = doc[i]
        for lemma in self.lemmas(tok):
            cues = self.lex.by_lemma.get(lemma)
            if not cues:
                continue
            for cue in cues:
                end = self._match_words(i + 1, cue.words[1:]) if len(cue.words) > 1 else i + 1
                if end is None:
                    continue
                if cue.reflexive and not self._has_reflexive(i):
                    continue
                if not cue.reflexive and any(c.reflexive for c in cues) and self._has_reflexive(i):
                    alt = [
                        c for c in cues if c.reflexive and self._match_words(i + 1, c.words[1:]) is not None
                    ]
                    if alt:
                        continue
                start, inverted = self._aux_start(i)
                after = doc[i + 1] if i + 1 < len(doc) else None
                if inverted is None and after is not None and (after.text == "-t" or is_clitic(after)):
                    inverted = (
                        i + 1
                        if doc[i + 1].text != "-t"
                        else (i + 2 if i + 2 < len(doc) and is_clitic(doc[i + 2]) else None)
                    )
                return Hit(cue, start, end, i, inverted)
        return None

    def _has_reflexive(self, i: int) -> bool:
        return any(fold(self.doc[j].text) in REFLEXIVES for j in range(i - 1, max(-1, i - 4), -1))

    def _aux_start(self, i: int) -> tuple[int, int | None]:
        doc = self.doc
        j = i - 1
        clitic = None
        while j >= 0 and (doc[j].text == "-t" or is_clitic(doc[j])):
            if is_clitic(doc[j]):
                clitic = j
            j -= 1
        if j >= 0 and doc[j].lemma_ in ("avoir", "être") and doc[j].pos_ in ("AUX", "VERB"):
            if j > 0 and fold(doc[j - 1].text) in REFLEXIVES:
                return j - 1, clitic
            if j > 0 and fold(doc[j - 1].text) in ("l'", "l’") and j - 2 >= 0 and doc[j - 2].text in ",»”":
                return j - 1, clitic
            return j, clitic
        if i > 0 and fold(doc[i - 1].text) in REFLEXIVES:
            return i - 1, None
        return i, None


def ref_sentences(doc: Doc) -> list[Span]:
    """`_sentences` before the speed work."""
    if not doc.has_annotation("SENT_START"):
        return [doc[:]]
    out: list[Span] = []
    for sent in doc.sents:
        if out:
            prev = out[-1]
            last = next((t for t in reversed(prev) if not t.is_space), None)
            ends = last is None or last.text in FINAL_PUNCT | QUOTE_CHARS | {":"}
            ends = ends or "\n" in prev[-1].text_with_ws
            first = sent[0].text
            continues = first in (",", ";", ")") or (first[:1].islower() and first[:1].isalpha())
            if not ends or (continues and last is not None and last.text not in FINAL_PUNCT):
                out[-1] = doc[prev.start : sent.end]
                continue
        out.append(sent)
    split: list[Span] = []
    for sent in out:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text and tok.i + 1 < sent.end:
                split.append(doc[start : tok.i + 1])
                start = tok.i + 1
        split.append(doc[start : sent.end])
    return split


def ref_clause_end(doc: Doc, ref: RefScanner, j: int, sent_end: int) -> int:
    """`StatementFinder._clause_end` (with `_speech_verb`) before the speed work."""

    def speech_verb(tok: Token) -> bool:
        forms = tok.morph.get("VerbForm")
        if tok.pos_ not in ("VERB", "AUX") or not ("Part" in forms or "Fin" in forms):
            return False
        return any(lemma in ref.lex.by_lemma for lemma in ref.lemmas(tok))

    depth = 0
    for k in range(j, sent_end):
        tok = doc[k]
        if tok.text in ("«", "“", "„", "‹"):
            depth += 1
        elif tok.text in ("»", "”", "›"):
            depth = max(0, depth - 1)
        if depth or k + 1 >= sent_end:
            continue
        if tok.text == ";":
            return k
        if fold(tok.text) == "et" and k > j and speech_verb(doc[k + 1]):
            return k
        if tok.text != ",":
            continue
        nxt = doc[k + 1]
        low = fold(nxt.text)
        two = fold(doc[k + 2].text) if k + 2 < sent_end else ""
        if low in ("mais", "tandis") or (low, two) in {("alors", "que"), ("avant", "de"), ("avant", "d'"),
                                                      ("apres", "avoir"), ("tout", "en")}:  # fmt: skip
            return k
        gerund = nxt.pos_ in ("VERB", "AUX") and low.endswith("ant")
        if gerund and any(lemma in ref.lex.by_lemma for lemma in ref.lemmas(nxt)):
            return k
        if low == "en" and two.endswith("ant"):
            return k
    return sent_end


def ref_passive(doc: Doc, hit: Hit) -> bool:
    """`StatementFinder._passive` before the speed work."""
    verb = doc[hit.verb]
    if any(c.dep_ == "aux:pass" for c in verb.children):
        return True
    if any(fold(t.text) == "ete" for t in doc[hit.start : hit.verb]):
        return True
    aux = [t for t in doc[max(0, hit.verb - 3) : hit.verb] if t.lemma_ == "être"]
    reflexive = any(fold(t.text) in ("se", "s'") for t in doc[max(0, hit.verb - 4) : hit.verb])
    return bool(aux) and "Pass" in verb.morph.get("Voice") and not reflexive


# --- the comparisons ------------------------------------------------------------------------------


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


def assert_same(doc: Doc, lexicon: CueLexicon) -> list[Hit]:
    """Every rewritten internal equals its reference on `doc`; returns the hits."""
    table = TokenTable(doc)
    # the table holds what the Token attributes hold
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
    ref = RefScanner(doc, lexicon, [])
    new = CueScanner(doc, lexicon, [], table)
    for tok in doc:
        assert new.lemmas(tok) == ref.lemmas(tok), tok.text
        assert new.is_cue_at(tok.i) == any(lemma in lexicon.by_lemma for lemma in ref.lemmas(tok))
    for skip in _skips(doc):
        assert CueScanner(doc, lexicon, skip).hits() == RefScanner(doc, lexicon, skip).hits()
    hits = new.hits()
    assert [(s.start, s.end) for s in _sentences(doc)] == [(s.start, s.end) for s in ref_sentences(doc)]
    worker = _DocQuotes(doc, lexicon, load_gazetteer())
    for hit in hits:
        assert worker._passive(hit) == ref_passive(doc, hit)
    for sent in worker.sents:
        for j in range(sent.start, sent.end):
            assert worker._clause_end(j, sent.end) == ref_clause_end(doc, ref, j, sent.end)
    return hits


def test_sentences_scan_like_the_reference(sentence_docs, lexicon):
    hits = [assert_same(doc, lexicon) for doc in sentence_docs]
    # the sentences do exercise the cases: inversions, reflexives, locutions, prepositions
    flat = [h for hs in hits for h in hs]
    assert sum(h.inverted is not None for h in flat) >= 5
    assert sum(h.cue.reflexive for h in flat) >= 4
    assert {h.cue.type for h in flat} >= {"verb", "locution", "preposition", "wording"}
    assert sum(h.start < h.verb for h in flat) >= 10  # auxiliaries and clitics taken in


def test_articles_scan_like_the_reference(article_docs, lexicon):
    for doc in article_docs:
        assert assert_same(doc, lexicon)


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
def test_random_texts_scan_like_the_reference(nlp_bare, lexicon, parts, seps):
    text = "".join(p + s for p, s in zip(parts, seps, strict=False)).strip()
    assert_same(nlp_bare(text), lexicon)
