"""The DuckDB store on records built by hand: idempotency, transactions, queries, read-only SQL."""

from __future__ import annotations

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from filon.domains.gazetteer import load_gazetteer
from filon.errors import StoreError
from filon.ingest.article import Article
from filon.store import Store, queries, readonly_sql
from filon.store.schema import SCHEMA_VERSION

TEXT = "Vladimir Poutine a déclaré lundi que l'accord était « très proche », selon Moscou."


def _record(article: Article) -> dict:
    text = article.text
    start = text.index("très proche")
    return {
        "id": article.id, "url": None, "outlet": None, "lang": "fr",
        "published": article.published, "title": None,
        "entities": [
            {"text": "Vladimir Poutine", "start": 0, "end": 16, "label": "PER", "id": "Q7747",
             "name": "Vladimir Putin", "kind": "name", "type": "person"},
            {"text": "Moscou", "start": text.index("Moscou"), "end": text.index("Moscou") + 6,
             "label": "LOC", "id": "Q649", "name": "Moscow", "kind": "metonymy",
             "refers_to": {"id": "filon:gov-ru", "name": "Russian government"}},
        ],
        "quotes": [
            {"kind": "direct", "text": "très proche", "start": start, "end": start + 11,
             "speaker": {"name": "Vladimir Putin", "id": "Q7747", "text": "Vladimir Poutine",
                         "start": 0, "end": 16}, "cue": "a déclaré"},
        ],
        "events": [
            {"type": "agreement", "status": "close", "parties": [{"name": "Russia", "id": "Q159"}],
             "subject": "minerals", "date": "2025-02-24", "agreement_id": "local:1",
             "evidence": {"start": 0, "end": len(text)}, "negated": False,
             "modality": "asserted", "claimed_by": {"name": "Vladimir Putin", "id": "Q7747"}},
        ],
        "dates": [{"text": "lundi", "start": text.index("lundi"), "end": text.index("lundi") + 5,
                   "value": "2025-02-24", "granularity": "day"}],
    }


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as s:
        yield s


def test_store_write_batch_is_idempotent(store):
    article = Article(text=TEXT, published="2025-02-24", lang="fr")
    assert store.write_batch([(article, _record(article))]) == 1
    before = store.counts()
    assert store.write_batch([(article, _record(article))]) == 0
    assert store.counts() == before
    assert before["documents"] == 1 and before["mentions"] == 2 and before["quotes"] == 1


def test_store_same_article_twice_in_one_batch_is_stored_once(store):
    article = Article(text=TEXT, published="2025-02-24", lang="fr")
    assert store.write_batch([(article, _record(article)), (article, _record(article))]) == 1
    assert store.counts()["documents"] == 1


def test_store_failed_batch_rolls_back_and_keeps_earlier_batches(store):
    good = Article(text=TEXT, published="2025-02-24", lang="fr")
    store.write_batch([(good, _record(good))])
    other = Article(text=TEXT + " Autre phrase.", published="2025-02-24", lang="fr")
    broken = _record(other)
    broken["entities"][0]["start"] = None  # NOT NULL column: the whole batch must roll back
    with pytest.raises(StoreError):
        store.write_batch([(other, broken)])
    counts = store.counts()
    assert counts["documents"] == 1
    assert counts["mentions"] == 2


def test_store_skipped_record_keeps_document_without_layers(store):
    article = Article(text="The deal is close, officials said.", lang="en")
    record = {"id": article.id, "skipped": "no pipeline for language 'en'", "entities": []}
    store.write_batch([(article, record)])
    row = store.con.execute("SELECT lang, status, skip_reason FROM documents").fetchone()
    assert row == ("en", "skipped", "no pipeline for language 'en'")


def test_store_query_quotes_finds_speaker_by_any_alias(store):
    article = Article(text=TEXT, published="2025-02-24", lang="fr")
    store.write_batch([(article, _record(article))])
    gaz = load_gazetteer()
    for alias in ("Poutine", "Putin", "le président russe", "Vladimir Poutine"):
        table = queries.quotes(store.con, gaz, speaker=alias)
        assert [r[5] for r in table.rows] == ["très proche"], alias
    assert queries.quotes(store.con, gaz, speaker="Trump").rows == []
    assert len(queries.quotes(store.con, gaz, since="2025-02-25").rows) == 0
    assert len(queries.quotes(store.con, gaz, search="TRES proche").rows) == 1


def test_store_mentions_query_follows_metonymy(store):
    article = Article(text=TEXT, published="2025-02-24", lang="fr")
    store.write_batch([(article, _record(article))])
    gaz = load_gazetteer()
    table = queries.mentions(store.con, gaz, "Putin")
    assert [r[4] for r in table.rows] == ["Vladimir Poutine"]
    by_government = queries.mentions(store.con, gaz, "filon:gov-ru")
    assert [r[4] for r in by_government.rows] == ["Moscou"]


def test_store_sql_refuses_writes(tmp_path):
    path = tmp_path / "ro.duckdb"
    Store(path).close()
    with Store(path, read_only=True) as ro:
        assert readonly_sql.sql(ro.con, "SELECT count(*) AS n FROM documents").rows == [(0,)]
        with pytest.raises(StoreError, match="F202"):
            readonly_sql.sql(ro.con, "DELETE FROM documents")
        # a write hidden behind a read-only prefix is refused by the read-only connection itself
        with pytest.raises(StoreError):
            readonly_sql.sql(ro.con, "WITH x AS (SELECT 1) INSERT INTO entities VALUES ('a','b','c','d','e')")


def test_store_read_only_on_missing_file_says_run_ingest(tmp_path):
    with pytest.raises(StoreError, match="F203"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_store_migrations_recorded_once(tmp_path):
    path = tmp_path / "m.duckdb"
    Store(path).close()
    Store(path).close()
    con = duckdb.connect(str(path))
    versions = [r[0] for r in con.execute("SELECT version FROM _filon_migrations").fetchall()]
    assert sorted(versions) == list(range(1, SCHEMA_VERSION + 1))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=200), st.data())
def test_store_roundtrip_spans_slice_stored_text(tmp_path_factory, text, data):
    article = Article(text="x " + text)
    stored = article.text
    start = data.draw(st.integers(0, len(stored) - 1))
    end = data.draw(st.integers(start + 1, len(stored)))
    record = {"id": article.id, "published": None, "entities": [
        {"text": stored[start:end], "start": start, "end": end, "label": "MISC", "id": None,
         "name": None}], "quotes": [], "events": [], "dates": []}
    with Store(tmp_path_factory.mktemp("h") / "h.duckdb") as store:
        store.write_batch([(article, record)])
        row = store.con.execute(
            'SELECT substr(d.text, m.start + 1, m."end" - m.start), m.text FROM mentions m '
            "JOIN documents d ON d.id = m.doc_id").fetchone()
    assert row[0] == row[1] == stored[start:end]


def test_store_batch_rows_land_column_for_column(store):
    """One INSERT per table: every value of every row ends in its own column, and an identity
    seen twice keeps its first description, within a batch and across batches."""
    first = Article(text=TEXT, published="2025-02-24", lang="fr", title="Un")
    second = Article(text=TEXT + " Fin.", published="2025-02-25", lang="fr", title="Deux")
    renamed = _record(second)
    renamed["entities"][0]["name"] = "Putin (second description)"
    renamed["quotes"][0]["speaker"] = None  # an unattributed quote: NULL speaker columns
    assert store.write_batch([(first, _record(first)), (second, renamed)]) == 2
    con = store.con
    assert con.execute("SELECT name FROM entities WHERE id = 'Q7747'").fetchall() == [("Vladimir Putin",)]
    assert con.execute("SELECT title, published::VARCHAR FROM documents ORDER BY title DESC").fetchall() == [
        ("Un", "2025-02-24"), ("Deux", "2025-02-25")]
    rows = con.execute(
        'SELECT doc_id, idx, kind, start, "end", speaker_id, speaker_start, cue, published::VARCHAR'
        " FROM quotes ORDER BY published").fetchall()
    start = TEXT.index("très proche")
    assert rows == [(first.id, 0, "direct", start, start + 11, "Q7747", 0, "a déclaré", "2025-02-24"),
                    (second.id, 0, "direct", start, start + 11, None, None, "a déclaré", "2025-02-25")]
    assert con.execute("SELECT count(*), count(DISTINCT doc_id) FROM event_parties").fetchone() == (2, 2)
    third = Article(text=TEXT + " Encore.", published="2025-02-26", lang="fr")
    again = _record(third)
    again["entities"][0]["name"] = "Putin (third description)"
    assert store.write_batch([(third, again)]) == 1
    assert con.execute("SELECT name FROM entities WHERE id = 'Q7747'").fetchall() == [("Vladimir Putin",)]
    assert store.counts()["mentions"] == 6


def test_store_memory_limit_follows_the_batch(tmp_path, monkeypatch):
    # an ingest caps DuckDB's buffers so its memory does not grow with the store (issue 13); a
    # batch of long texts must still be written under the cap set for it
    from filon.store import duckdb_store

    monkeypatch.setattr(duckdb_store, "BATCH_MEMORY_BASE", 8 * 2**20)
    words = [f"mot{n}" for n in range(5000)]
    articles = [Article(text=TEXT + " " + " ".join(words[i::3] * 300), published="2025-02-24", lang="fr")
                for i in range(3)]
    items = [(a, _record(a)) for a in articles]
    assert sum(len(a.text) for a in articles) > 8 * 2**20
    with Store(tmp_path / "capped.duckdb") as store:
        store.limit_memory(items)
        limit = store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        assert store.write_batch(items) == 3
        assert store.con.execute("SELECT sum(length(text)) FROM documents").fetchone()[0] == sum(
            len(a.text) for a in articles)
    assert limit.endswith(("MiB", "MB")) and float(limit.split()[0]) > 8


def test_store_memory_limit_ends_with_the_store(tmp_path):
    # `filon serve --writable` keeps a connection to the file: the limit set for an ingest's
    # batches must not stay on it
    db = tmp_path / "limit.duckdb"
    article = Article(text=TEXT, published="2025-02-24", lang="fr")
    with duckdb.connect(str(db)) as kept:
        default = kept.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        with Store(db) as store:
            store.limit_memory([(article, _record(article))])
            assert kept.execute("SELECT current_setting('memory_limit')").fetchone()[0] != default
            store.write_batch([(article, _record(article))])
        assert kept.execute("SELECT current_setting('memory_limit')").fetchone()[0] == default


def test_store_timeline_says_which_status_the_learned_model_read(store, tmp_path):
    from typer.testing import CliRunner

    from filon.cli import app

    ruled = Article(text=TEXT, published="2025-02-24", lang="fr")
    guessed = Article(text=TEXT + " Le pacte tient toujours.", published="2025-02-25", lang="fr")
    record = _record(guessed)
    event = record["events"][0]
    event.update({"status": "signed", "date": "2025-02-25", "cue": "model", "confidence": 0.62,
                  "evidence": {"start": len(TEXT) + 1, "end": len(guessed.text)}})
    store.write_batch([(ruled, _record(ruled)), (guessed, record)])
    store.refresh_agreements()
    steps = queries.timeline(store.con).dicts()
    assert [(s["status"], s["confidence"]) for s in steps] == [("close", None), ("signed", 0.62)]
    store.close()
    shown = CliRunner().invoke(app, ["timeline", "--db", str(tmp_path / "t.duckdb")])
    assert shown.exit_code == 0, shown.output
    lines = [line for line in shown.output.splitlines() if line.startswith("2025-02-2")]
    assert "learned model, 0.62" in lines[1] and "learned model" not in lines[0]
    from test_web_support import client_for

    with client_for(tmp_path / "t.duckdb") as client:
        agreement = client.get("/api/agreements").json()["items"][0]["agreement_id"]
        page = client.get(f"/agreements/{agreement}").text
    assert page.count("learned model, 0.62") == 1
