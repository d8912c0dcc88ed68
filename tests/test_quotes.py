"""filon_quotes: quotation marks, the component contract, offsets, evaluation and the corpus gate.

Sentences here are written for the tests; ../shared/corpus is only read at run time by the
golden test, through the conftest fixtures.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from filon.domains import DEFAULT_DOMAIN, read_csv
from filon.pipeline.quotes.marks import find_quotes

# --- quotation marks (plain text, no model) -------------------------------------------------------


def _contents(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il a dit « oui » hier.", ["oui"]),
        ("Il a dit «\u00a0oui\u00a0» hier.", ["oui"]),
        ("Il a dit «\u202foui\u202f» hier.", ["oui"]),
        ("He said “yes, we will” today.", ["yes, we will"]),
        ("Er sagte „ja“ gestern.", ["ja"]),
        ("Elle a répondu ‹ non › sèchement.", ["non"]),
        ('Il a dit "oui" puis "non".', ["oui", "non"]),
        ("Le journal a titré ‘La mine du siècle’ lundi.", ["La mine du siècle"]),
    ],
)
def test_quote_marks_find_each_style(text, expected):
    assert _contents(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "L'accord d'aujourd'hui prévoit l'exploitation d'un gisement.",
        "L’accord d’aujourd’hui prévoit l’exploitation d’un gisement.",
        "The countries’ officials met in Kyiv’s old town.",
        "Le groupe a vendu 3 000 tonnes l’an dernier.",
    ],
)
def test_quote_marks_ignore_apostrophes(text):
    assert find_quotes(text) == []


def test_quote_marks_continue_over_paragraphs():
    text = "« Premier point.\n« Deuxième point.\n« Dernier point », a-t-il dit."
    [quote] = find_quotes(text)
    assert text[quote.start : quote.end] == "Premier point.\n« Deuxième point.\n« Dernier point"
    assert quote.paragraphs == 3


def test_quote_marks_nested_quote_has_parent():
    text = "« Il m'a dit “nous signerons” hier », a confié un négociateur."
    outer, inner = find_quotes(text)
    assert (outer.depth, inner.depth, inner.parent) == (0, 1, 0)
    assert text[inner.start : inner.end] == "nous signerons"


def test_quote_marks_unclosed_quote_is_dropped_not_guessed():
    text = "« Une citation jamais fermée.\nUn autre paragraphe avec « un terme »."
    assert _contents(text) == ["un terme"]


@given(st.text(alphabet="ab «»“”„‹›\"‘’'\n\u00a0", max_size=80))
def test_quote_marks_offsets_are_inside_the_marks(text):
    for q in find_quotes(text):
        assert q.open_start < q.start <= q.end < q.close_end <= len(text)
        assert text[q.start : q.end].strip(" \u00a0\u202f\u2009") == text[q.start : q.end]


# --- the lexicon -----------------------------------------------------------------------------------


def test_quotes_lexicon_has_150_french_cues_with_lemma_type_source():
    rows = read_csv(DEFAULT_DOMAIN, "reporting_cues.csv", ("cue", "lemma", "type", "source"))
    french = [r for r in rows if r.get("lang") == "fr"]
    assert len(french) >= 150
    assert {r["type"] for r in rows} == {"verb", "locution", "preposition", "wording"}
    cues = {r["cue"] for r in french}
    for cue in ("déclarer", "assurer", "clamer", "marteler", "appeler de ses vœux", "selon", "d'après",
                "pour", "selon ses termes"):  # fmt: skip
        assert cue in cues


# --- the component on the real model -------------------------------------------------------------


def _items(doc, kind=None):
    return [q for q in doc._.filon_quotes if kind is None or q["kind"] == kind]


@pytest.mark.slow
def test_quotes_component_contract_keys(nlp, run):
    doc = run(nlp, "« Nous signerons », a déclaré mardi Vladimir Poutine. Selon Kiev, rien n'est prêt.")
    for item in doc._.filon_quotes:
        for key in ("kind", "text", "start", "end", "speaker", "cue", "cue_start", "cue_end", "cue_lemma",
                    "fragment", "term"):  # fmt: skip
            assert key in item
    [direct] = _items(doc, "direct")
    assert direct["speaker"]["id"] == "Q7747"
    assert (direct["cue"], direct["cue_lemma"]) == ("a déclaré", "déclarer")


@pytest.mark.slow
def test_quotes_runs_after_entities_and_before_events(nlp):
    names = nlp.pipe_names
    assert names.index("filon_entities") < names.index("filon_quotes") < names.index("filon_events")
    assert names.index("filon_dates") < names.index("filon_quotes")


@pytest.mark.slow
def test_quotes_mixed_keeps_the_fragment_reachable(nlp, run):
    text = "Donald Trump a assuré lundi qu'un compromis était « à portée de main »."
    [item] = _items(run(nlp, text))
    assert item["kind"] == "mixed"
    assert text[item["quote_start"] : item["quote_end"]] == "à portée de main"
    fragment = {"text": "à portée de main", "start": item["quote_start"], "end": item["quote_end"]}
    assert item["quotes"] == [fragment]
    assert text[item["start"] : item["end"]] == item["text"]


@pytest.mark.slow
def test_quotes_pronoun_keeps_its_own_span(nlp, run):
    text = "Kaja Kallas a rencontré Andriï Sybiga. « Nous avancerons ensemble », a-t-il assuré."
    [quote] = _items(run(nlp, text), "direct")
    speaker = quote["speaker"]
    assert (speaker["text"], speaker["name"]) == ("il", "Andrii Sybiha")
    assert text[speaker["start"] : speaker["end"]] == "il"


@pytest.mark.slow
def test_quotes_joint_speaker_lists_members(nlp, run):
    [item] = _items(run(nlp, "Une nouvelle version est à l'étude, selon Kiev et Washington."))
    speaker = item["speaker"]
    assert speaker["name"] == "Ukrainian government & United States government"
    assert [m["id"] for m in speaker["speakers"]] == ["filon:gov-ua", "filon:gov-us"]


@pytest.mark.slow
def test_quotes_skip_boilerplate(nlp):
    text = "Le ministre a visité la mine.\n\nLe ministre devant la mine « Nord ». ( AFP / Jean DUPONT )"
    doc = _run_with_boilerplate(nlp, text)
    caption = doc._.filon_boilerplate
    assert caption, "the caption should be marked as boilerplate by ingest"
    assert all(not any(b["start"] <= q["start"] < b["end"] for b in caption) for q in doc._.filon_quotes)


def _run_with_boilerplate(nlp, text):
    doc = nlp.make_doc(text)
    doc._.filon_published = "2025-06-15"
    doc._.filon_boilerplate = None  # let filon_boilerplate find captions and subheadings
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


@pytest.mark.slow
def test_quotes_subheading_quote_takes_the_next_speaker(nlp):
    text = (
        "Les Vingt-Sept ont prolongé les sanctions contre Moscou lundi à Bruxelles.\n\n"
        "« Aucun retour en arrière »\n\n"
        "Kaja Kallas a assuré mardi que l'Union maintiendrait la pression sur la Russie."
    )
    doc = _run_with_boilerplate(nlp, text)
    assert any(b["kind"] == "subheading" for b in doc._.filon_boilerplate)
    [quote] = _items(doc, "direct")
    assert (quote["text"], quote["speaker"]["name"]) == ("Aucun retour en arrière", "Kaja Kallas")


@pytest.mark.slow
def test_quotes_subheading_word_is_a_term(nlp):
    text = (
        "Les Vingt-Sept ont prolongé les sanctions contre Moscou lundi à Bruxelles.\n\n"
        "Une stratégie « sans regret »\n\n"
        "La Commission européenne a proposé de constituer des stocks communs de métaux."
    )
    doc = _run_with_boilerplate(nlp, text)
    [term] = _items(doc, "term")
    assert (term["text"], term["speaker"]) == ("sans regret", None)


@pytest.mark.slow
def test_quotes_standalone_without_entities_component():
    """A user's own pipeline with only filon_quotes: mentions come from NER and the gazetteer."""
    from filon.pipeline import build_pipeline

    nlp = build_pipeline(components=["filon_quotes"])
    doc = nlp("« Le texte est prêt », a déclaré le président américain.")
    [quote] = doc._.filon_quotes
    assert quote["speaker"]["name"] == "Donald Trump"


@pytest.mark.slow
def test_quotes_lexicon_round_trips_through_disk(nlp, tmp_path):
    from filon.pipeline.quotes.component import QuoteAttributor

    pipe = nlp.get_pipe("filon_quotes")
    pipe.to_disk(tmp_path / "q")
    other = QuoteAttributor(nlp, "filon_quotes").from_disk(tmp_path / "q")
    assert other.rows == pipe.rows
    assert other.lexicon.by_lemma.keys() == pipe.lexicon.by_lemma.keys()


# --- property: offsets always slice the text -------------------------------------------------------

SPEAKERS = ["Vladimir Poutine", "la ministre", "Kaja Kallas", "le Kremlin", "un diplomate", "Pékin"]
VERBS = ["a déclaré", "a assuré", "a-t-il ajouté", "estime", "a prévenu", "a souligné"]
MARKS = [("« ", " »"), ("«\u00a0", "\u00a0»"), ("“", "”"), ('"', '"'), ("„", "“"), ("‹ ", " ›")]
CLAUSES = ["les réserves sont immenses", "l'accord est proche", "nous ne céderons pas", "rien n'est signé"]


@st.composite
def wire_sentences(draw):
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        o, c = draw(st.sampled_from(MARKS))
        speaker, verb, clause = (draw(st.sampled_from(x)) for x in (SPEAKERS, VERBS, CLAUSES))
        form = draw(st.integers(0, 3))
        if form == 0:
            parts.append(f"{o}{clause.capitalize()}{c}, {verb} {speaker}.")
        elif form == 1:
            parts.append(f"{speaker.capitalize()} {verb} que {clause}.")
        elif form == 2:
            parts.append(f"{speaker.capitalize()} {verb} que {o}{clause}{c}.")
        else:
            parts.append(f"Selon {speaker}, {clause}.")
    return " ".join(parts)


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=wire_sentences())
def test_quotes_offsets_slice_the_text(nlp, run, text):
    doc = run(nlp, text)
    for item in doc._.filon_quotes:
        assert doc.text[item["start"] : item["end"]] == item["text"]
        if item["cue"] is not None:
            assert doc.text[item["cue_start"] : item["cue_end"]] == item["cue"]
        speaker = item["speaker"]
        if speaker is not None:
            assert doc.text[speaker["start"] : speaker["end"]] == speaker["text"]
        for frag in item.get("quotes", []):
            assert doc.text[frag["start"] : frag["end"]] == frag["text"]


# --- evaluation ----------------------------------------------------------------------------------


def test_quotes_eval_normalizes_marks_and_spaces():
    from filon.evaluation.quotes import normalize_quote

    assert normalize_quote("«\u00a0l’accord ,  c'est fait\u00a0»") == "l'accord, c'est fait"


def test_quotes_eval_overlap_uses_the_longer_text():
    from filon.evaluation.quotes import overlap

    assert overlap("nous signerons lundi", "nous signerons lundi") == 1.0
    assert overlap("nous signerons", "nous signerons lundi à Kiev") == pytest.approx(2 / 5)
    assert overlap("", "x") == 0.0


def test_quotes_eval_cue_matching():
    from filon.evaluation.quotes import cue_match

    assert cue_match("assuré", {"cue": "a assuré", "cue_lemma": "assurer"})
    assert cue_match("clamant", {"cue": "clamant", "cue_lemma": "clamer"})
    assert cue_match("a-t-il dit", {"cue": "dit", "cue_lemma": "dire"})
    assert not cue_match("a assuré", {"cue": "a déclaré", "cue_lemma": "déclarer"})


def test_quotes_eval_speakers_by_identity(gazetteer):
    from filon.evaluation.quotes import SpeakerMatcher

    same = SpeakerMatcher(gazetteer).same
    assert same("Vladimir Poutine", {"name": "Vladimir Putin", "id": "Q7747", "text": "il"})
    assert same("Kiev & Washington", {"name": "A & B", "speakers": [
        {"name": "United States government", "id": "filon:gov-us", "text": "Washington"},
        {"name": "Ukrainian government", "id": "filon:gov-ua", "text": "Kiev"}]})  # fmt: skip
    assert same(None, {"name": None, "id": None, "text": "un diplomate"})
    assert not same(None, {"name": "Donald Trump", "id": "Q22686", "text": "Donald Trump"})
    assert not same("Donald Trump", None)


def _record(*quotes):
    return {"quotes": list(quotes)}


def test_quotes_eval_counts_terms_dedupes_and_logs_errors(gazetteer):
    from filon.evaluation.quotes import score

    trump = {"name": "Donald Trump", "id": "Q22686", "text": "Donald Trump"}
    gold = {"a1": {
        "direct_quotes": [
            {"quote": "très proche", "speaker": "Donald Trump", "kind": "partial"},
            {"quote": "guerre des métaux", "speaker": None, "kind": "term"},
            {"quote": "jamais trouvée", "speaker": None, "kind": "full"},
        ],
        "indirect_statements": [{"speaker": "Donald Trump", "cue_verb": "a assuré", "gist": "…"}],
    }}  # fmt: skip
    mixed = {"kind": "mixed", "text": "un accord est « très proche »", "speaker": trump, "cue": "a assuré",
             "cue_lemma": "assurer", "quotes": [{"text": "très proche", "start": 0, "end": 1}]}  # fmt: skip
    again = {"kind": "direct", "text": "très proche", "speaker": trump, "fragment": True, "cue": None}
    term = {"kind": "term", "text": "guerre des métaux", "speaker": None, "cue": None}
    extra = {"kind": "term", "text": "Made in Europe", "speaker": None, "cue": None}
    records = {"a1": _record(mixed, again, term, extra)}
    layers = {layer.layer: layer for layer in score(gold, records, gazetteer)}
    exact = layers["quotes_exact"]
    assert (exact.tp, exact.fp, exact.fn) == (2, 1, 1)  # "très proche" counted once
    assert exact.extra["speaker_accuracy"] == 1.0
    assert {e.kind for e in exact.errors} == {"miss", "false"}
    assert all(e.article_id == "a1" for e in exact.errors)
    statements = layers["statements"]
    assert (statements.tp, statements.fp, statements.fn) == (1, 0, 0)


def test_quotes_eval_missing_record_counts_every_gold_item(gazetteer):
    from filon.evaluation.quotes import score

    gold = {"a1": {"direct_quotes": [{"quote": "x y", "speaker": None, "kind": "full"}],
                   "indirect_statements": [{"speaker": None, "cue_verb": "selon"}]}}  # fmt: skip
    layers = {layer.layer: layer for layer in score(gold, {}, gazetteer)}
    assert layers["quotes_overlap_0.8"].fn == 1
    assert layers["statements"].fn == 1


# --- the gate on ../shared/corpus -------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_scores(nlp, corpus_articles, corpus_gold, gazetteer):
    from filon.evaluation.quotes import score
    from filon.extract import doc_to_record
    from filon.ingest.article import Article
    from filon.pipeline import process

    articles = [
        Article(text=a["text"], published=a.get("published"), lang=a.get("lang"), source_id=a["id"])
        for a in corpus_articles
        if a["id"] in corpus_gold
    ]
    records = {article.source_id: doc_to_record(doc, article) for article, doc in process(nlp, articles)}
    return {layer.layer: layer for layer in score(corpus_gold, records, gazetteer)}


@pytest.mark.slow
def test_quotes_corpus_direct_quotes_f1_at_overlap_08(corpus_scores):
    layer = corpus_scores["quotes_overlap_0.8"]
    assert layer.f1 >= 0.95, [e.detail for e in layer.errors]


@pytest.mark.slow
def test_quotes_corpus_speaker_accuracy(corpus_scores):
    layer = corpus_scores["quotes_overlap_0.8"]
    assert layer.extra["speaker_accuracy"] >= 0.95, [e.detail for e in layer.errors]


@pytest.mark.slow
def test_quotes_corpus_statements_f1(corpus_scores):
    layer = corpus_scores["statements"]
    assert layer.f1 >= 0.85, [e.detail for e in layer.errors]
