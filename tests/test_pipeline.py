"""The pipeline builder, the runner and the public surface."""

from __future__ import annotations

import pytest

import filon
from filon.errors import PipelineError
from filon.extract.record import doc_to_record
from filon.ingest.article import Article
from filon.pipeline import DEFAULT_COMPONENTS, build_pipeline, process


def test_pipeline_unknown_component_names_the_available_ones():
    with pytest.raises(PipelineError, match=r"F101.*filon_quotes"):
        build_pipeline("fr_core_news_sm", ["filon_nothing"])


def test_pipeline_missing_model_says_how_to_install():
    with pytest.raises(PipelineError, match="pip install fr_core_news_xx"):
        build_pipeline("fr_core_news_xx", [])


def test_pipeline_has_every_component_in_order(nlp):
    names = nlp.pipe_names
    assert [n for n in names if n.startswith("filon_")] == ["filon_paragraphs", *DEFAULT_COMPONENTS]
    assert names.index("filon_paragraphs") < names.index("parser")


HEADLINES = ("Un grand pas pour le gazoduc TGSN\n\nL’Algérie, le Tchad et le Niger ont signé l’accord "
             "intergouvernemental\n\nUn grand pas pour le gazoduc TGSN")


@pytest.mark.parametrize(("text", "sentences"), [
    # headlines with no full stop between blank lines: a sentence each (the parser made one)
    (HEADLINES, ["Un grand pas pour le gazoduc TGSN",
                 "L’Algérie, le Tchad et le Niger ont signé l’accord intergouvernemental",
                 "Un grand pas pour le gazoduc TGSN"]),
    # and never a sentence of one word after the break
    ("Un grand pas pour le gazoduc TGSN\n\nLe Tchad, le Soudan et le Niger ont signé l’accord",
     ["Un grand pas pour le gazoduc TGSN", "Le Tchad, le Soudan et le Niger ont signé l’accord"]),
    # a single line break inside a hard-wrapped sentence opens nothing
    ("Le Tchad et le Niger ont signé\nl'accord sur le gazoduc.",
     ["Le Tchad et le Niger ont signé\nl'accord sur le gazoduc."]),
])
def test_pipeline_blank_line_after_no_full_stop_ends_a_sentence(nlp, text, sentences):
    doc = nlp(text)
    assert [s.text.strip() for s in doc.sents] == sentences


def test_pipeline_headline_does_not_negate_the_next_one(nlp):
    # read as one sentence, "pas" of "Un grand pas" negated "ont signé", and "TGSN\n\nL’Algérie"
    # was one place
    doc = nlp(HEADLINES)
    [event] = [e for e in doc._.filon_events if e["type"] == "agreement"]
    assert event["status"] == "signed"
    assert {p["name"] for p in event["parties"]} == {"Algeria", "Chad", "Niger"}


def test_pipeline_process_keeps_articles_paired_with_their_docs(nlp):
    texts = [f"Article numéro {i} : Vladimir Poutine a parlé à Moscou." for i in range(7)]
    articles = [Article(text=t, published="2025-02-24", lang="fr") for t in texts]
    pairs = list(process(nlp, articles, batch_size=3))
    assert [a.text for a, _ in pairs] == [d.text for _, d in pairs] == texts
    assert all(d._.filon_article_id == a.id for a, d in pairs)


def test_pipeline_record_spans_slice_text(nlp):
    article = Article(text="Le président américain Donald Trump a assuré lundi qu'un accord avec "
                      "l'Ukraine était « très proche ».", published="2025-02-24", lang="fr")
    [(_, doc)] = list(process(nlp, [article]))
    record = doc_to_record(doc, article)
    assert record["entities"]
    for layer in ("entities", "quotes", "dates"):
        for item in record[layer]:
            assert article.text[item["start"]:item["end"]] == item["text"]


def test_pipeline_components_usable_in_a_users_own_pipeline():
    import spacy

    user_nlp = spacy.load("fr_core_news_sm")
    for name in DEFAULT_COMPONENTS:
        user_nlp.add_pipe(name)  # found through the spacy_factories entry points
    doc = user_nlp("Vladimir Poutine a déclaré lundi : « Nous sommes prêts. »")
    assert any(e["name"] == "Vladimir Putin" for e in doc._.filon_entities)
    assert any(q["text"] == "Nous sommes prêts." for q in doc._.filon_quotes)


def test_public_surface_matches_all():
    exported = {name for name in dir(filon) if not name.startswith("_")}
    assert set(filon.__all__) - {"__version__"} <= exported


@pytest.mark.slow
def test_pipeline_two_processes_give_the_same_records_as_one():
    from filon.backends.local import LocalBackend

    texts = [
        "Le président russe Vladimir Poutine a déclaré lundi : « Nous sommes prêts à coopérer. »",
        "Kiev et Washington ont signé mercredi l'accord sur les terres rares, selon Kiev.",
        "Pékin a annoncé jeudi des restrictions sur les exportations de gallium.",
        "Ursula von der Leyen a estimé mardi que l'Europe devait sécuriser son lithium.",
    ]
    articles = [Article(text=t, published="2025-03-05", lang="fr") for t in texts]
    one = [r for _, r in LocalBackend(model="fr_core_news_sm", n_process=1, batch_size=2).run(articles)]
    two = [r for _, r in LocalBackend(model="fr_core_news_sm", n_process=2, batch_size=2).run(articles)]
    assert sorted(one, key=lambda r: r["id"]) == sorted(two, key=lambda r: r["id"])
    assert any(r["quotes"] for r in two) and any(r["entities"] for r in two)


def test_pipeline_failing_component_keeps_the_batch_going(nlp, monkeypatch, caplog):
    from filon.backends.local import LocalBackend

    quotes = nlp.get_pipe("filon_quotes")
    calls = {"n": 0}
    original = type(quotes).__call__

    def flaky(self, doc):
        calls["n"] += 1
        if calls["n"] == 1:
            # inside the component's own guard, as a real bug in matching would be
            handler = self.get_error_handler()
            return handler(self.name, self, [doc], RuntimeError("boom"))
        return original(self, doc)

    monkeypatch.setattr(type(quotes), "__call__", flaky)
    backend = LocalBackend(nlp=nlp)
    articles = [Article(text=f"Texte {i} : « Nous sommes prêts », a déclaré Vladimir Poutine.",
                        published="2025-02-24", lang="fr") for i in range(3)]
    records = [r for _, r in backend.run(articles)]
    assert len(records) == 3
    assert records[0]["quotes"] == [] and records[1]["quotes"] and records[2]["quotes"]
    assert "boom" in caplog.text


def test_pipeline_frees_each_doc_and_its_token_table(nlp):
    """The per-doc caches (token table, text) must not keep processed docs alive: a long ingest
    would otherwise grow without bound."""
    import gc
    import weakref

    from filon.pipeline.tokens import token_table

    text = "Le président a déclaré lundi 3 mars que l'accord sur les terres rares était « proche »."
    refs = []
    for _article, doc in process(nlp, [Article(text=text + f" ({i})", lang="fr") for i in range(3)]):
        assert token_table(doc).lemma_lower  # built and used by the components
        refs.append(weakref.ref(doc))
        del doc
    gc.collect()
    assert [r() for r in refs] == [None, None, None]
