"""Golden checks of events and agreements through the full pipeline.

- ../shared/corpus: agreement status F1 against the hand-made gold (read at run time, never
  copied into the project).
- examples/: the project's own articles; the US–Ukraine agreement's timeline must come out in
  the order of the public record, each step with its source.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from filon.linking.agreements import _sort_key, agreement_summaries

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

pytestmark = pytest.mark.slow


def _records(nlp, articles) -> dict[str, dict]:
    from filon.extract.record import doc_to_record
    from filon.pipeline import process

    return {
        (article.source_id or article.id): doc_to_record(doc, article)
        for article, doc in process(nlp, articles)
    }


@pytest.fixture(scope="module")
def corpus_records(nlp, corpus_articles):
    from filon.ingest.article import Article

    articles = [
        Article(text=row["text"], published=row.get("published"), lang=row.get("lang"),
                source_id=row["id"], url=row.get("url"), outlet=row.get("outlet"))
        for row in corpus_articles
    ]
    return _records(nlp, articles)


def test_events_corpus_agreement_status_f1(corpus_gold, corpus_records):
    from filon.evaluation.events import score

    [layer] = score(corpus_gold, corpus_records)
    shown = "\n".join(f"{e.kind}: {e.detail}" for e in layer.errors)
    assert layer.f1 >= 0.85, f"{layer.as_dict()}\n{shown}"
    assert layer.extra["asserted_by_accuracy"] >= 0.7, layer.as_dict()


def test_events_corpus_offsets_slice_the_text(corpus_articles, corpus_records):
    texts = {row["id"]: row["text"] for row in corpus_articles}
    for article_id, record in corpus_records.items():
        assert record["events"], article_id
        for event in record["events"]:
            trig = event["trigger"]
            assert texts[article_id][trig["start"] : trig["end"]] == trig["text"]


@pytest.fixture(scope="module")
def example_records(nlp):
    from filon.errors import InputError
    from filon.ingest import iter_articles

    paths = sorted(EXAMPLES.glob("*.txt"))
    if len(paths) < 10:
        pytest.fail(f"example corpus missing or incomplete in {EXAMPLES}")
    articles = [a for a in iter_articles(paths) if not isinstance(a, InputError)]
    return articles, list(_records(nlp, articles).values())


def test_events_examples_us_ukraine_timeline(example_records):
    _, records = example_records
    summaries = agreement_summaries(records)
    [deal] = [s for s in summaries if s["agreement_id"] == "agr:ukraine+united-states:deal"]
    dated = [h for h in deal["history"] if h[0]]

    def first(status: str) -> str:
        days = [h[0] for h in dated if h[1] == status]
        assert days, f"no dated '{status}' step in {deal['history']}"
        return min(days, key=_sort_key)

    steps = [first("rejected"), first("close"), first("collapsed"), first("signed"), first("ratified")]
    assert [_sort_key(d) for d in steps] == sorted(_sort_key(d) for d in steps), steps
    assert first("rejected") <= "2025-02-15"
    assert "2025-02-24" <= first("close") <= "2025-02-27"
    assert first("collapsed") == "2025-02-28"
    assert first("signed").startswith("2025-04")
    assert first("ratified").startswith("2025-05")
    assert deal["latest_status"] == "ratified"


def test_events_examples_timeline_steps_have_sources(example_records):
    articles, records = example_records
    texts = {a.id: a.text for a in articles}
    [deal] = [s for s in agreement_summaries(records)
              if s["agreement_id"] == "agr:ukraine+united-states:deal"]
    for _, status, _, article_id, start, end, index, _ in deal["history"]:
        assert status is not None
        evidence = texts[article_id][start:end]
        event = next(r for r in records if r["id"] == article_id)["events"][index]
        assert evidence == event["evidence"]["text"]


def test_events_examples_eu_partnership_is_its_own_agreement(example_records):
    _, records = example_records
    ids = {s["agreement_id"] for s in agreement_summaries(records)}
    assert "agr:european-union+ukraine:deal" in ids
    assert "agr:ukraine+united-states:deal" in ids
