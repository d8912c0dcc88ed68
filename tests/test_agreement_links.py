"""Incremental agreement linking in the store (issue 13, item 3): any batching and any order of
arrival give the agreements of one full pass over the records."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from filon.ingest.article import Article
from filon.linking.agreements import agreement_summaries, link_agreements
from filon.store import Store

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "examples", ROOT / "tests" / "data" / "heldout"]


def snapshot(store: Store) -> tuple[list, list]:
    """The agreements table and every event's agreement id, in a stable order."""
    agreements = []
    for row in store.con.execute("SELECT agreement_id, name, parties, resources, first_date,"
                                 " last_date, latest_status, history FROM agreements").fetchall():
        agreements.append((row[0], row[1], *(json.loads(v) if v else v for v in row[2:4]), *row[4:7],
                           json.loads(row[7])))
    links = store.con.execute("SELECT doc_id, idx, agreement_id FROM events ORDER BY doc_id, idx").fetchall()
    return sorted(agreements), links


def full_pass(records: list[dict]) -> tuple[list, list]:
    """What `filon.linking.agreements` gives over all records at once, in `snapshot`'s shape."""
    agreements = sorted(
        (s["agreement_id"], s["name"], s["parties"], s["resources"], s["first_date"], s["last_date"],
         s["latest_status"], [list(h) for h in s["history"]]) for s in agreement_summaries(records))
    linked = link_agreements(records)
    links = sorted((r["id"], i, linked.get((r["id"], i))) for r in records
                   for i, _ in enumerate(r.get("events") or []))
    return agreements, links


def ingest(pairs: list[tuple[Article, dict]], batches: list[int], db=":memory:") -> tuple[list, list]:
    with Store(db) as store:
        store.refresh_agreements()
        start = 0
        for size in batches:
            store.write_batch(pairs[start:start + size])
            store.refresh_agreements()
            start += size
        assert not store.agreements_dirty
        assert store.con.execute("SELECT count(*) FROM link_pending").fetchone()[0] == 0
        return snapshot(store)


def split(n: int, rng: random.Random) -> list[int]:
    sizes = []
    while n > 0:
        sizes.append(min(n, rng.randint(1, 5)))
        n -= sizes[-1]
    return sizes


# ------------------------------------------------------------------------- the project's articles
@pytest.fixture(scope="module")
def pairs(nlp) -> list[tuple[Article, dict]]:
    from filon.backends.local import LocalBackend
    from filon.ingest import iter_articles

    articles = [a for a in iter_articles(SOURCES) if not isinstance(a, Exception)]
    return list(LocalBackend(nlp=nlp).run(articles))


@pytest.mark.slow
@pytest.mark.issue(13)
def test_agreement_links_batches_in_any_order_equal_one_batch(pairs):
    one = ingest(pairs, [len(pairs)])
    assert len(one[0]) >= 4 and any(agr for *_, agr in one[1])
    for seed in range(4):
        rng = random.Random(seed)
        shuffled = pairs[:]
        rng.shuffle(shuffled)
        assert ingest(shuffled, split(len(shuffled), rng)) == one, f"seed {seed}"
    # newest first: every batch lands before the stored articles and replays them
    newest_first = sorted(pairs, key=lambda p: p[1].get("published") or "", reverse=True)
    assert ingest(newest_first, [1] * len(pairs)) == one


@pytest.mark.slow
@pytest.mark.issue(13)
def test_agreement_links_incremental_equals_full_relink(pairs, tmp_path):
    records = [record for _, record in pairs]
    expected = full_pass(records)
    db = tmp_path / "links.duckdb"
    assert ingest(pairs, split(len(pairs), random.Random(7)), db) == expected
    with Store(db) as store:
        store.refresh_agreements(rebuild=True)
        assert snapshot(store) == expected


@pytest.mark.slow
@pytest.mark.issue(13)
def test_agreement_links_refresh_reads_only_pending_records(pairs, monkeypatch):
    from filon.store import agreement_links

    read: list[int] = []
    original = agreement_links.pending_units

    def counting(con):
        read.append(con.execute("SELECT count(*) FROM link_pending").fetchone()[0])
        return original(con)

    monkeypatch.setattr(agreement_links, "pending_units", counting)
    with Store(":memory:") as store:
        store.write_batch(pairs[:-2])
        store.refresh_agreements()
        store.write_batch(pairs[-2:])
        store.refresh_agreements()
    linkable = sum(1 for _, r in pairs if r.get("events"))
    assert read == [linkable - sum(1 for _, r in pairs[-2:] if r.get("events")),
                    sum(1 for _, r in pairs[-2:] if r.get("events"))]


# ------------------------------------------------------------------------- records built by hand
PARTIES = [{"name": n, "id": f"Q{i}"} for i, n in enumerate(
    ["Ukraine", "United States", "European Union", "Russia", "China"])]


def _record(i: int, day: int | None, events: list[tuple[list[int], str | None, int, str]]) -> dict:
    published = None if day is None else f"{2023 + day // 360}-{1 + day % 360 // 30:02d}-{1 + day % 30:02d}"
    return {"id": f"doc-{i:03d}", "published": published, "events": [
        {"type": typ, "status": status, "parties": [PARTIES[p] for p in parties], "date": published,
         "agreement_id": f"local:{local}", "evidence": {"start": 10 * k, "end": 10 * k + 5},
         "resources": [{"name": "lithium"}], "claimed_by": None}
        for k, (parties, status, local, typ) in enumerate(events)]}


_event = st.tuples(
    st.lists(st.integers(0, 4), min_size=1, max_size=3, unique=True),
    st.sampled_from(["proposed", "negotiating", "signed", None]),
    st.integers(1, 2),
    st.sampled_from(["agreement", "agreement", "investment_invitation"]),
)
_records = st.lists(st.tuples(st.one_of(st.none(), st.integers(0, 1100)),
                              st.lists(_event, min_size=1, max_size=3)), min_size=1, max_size=14)


@pytest.mark.issue(13)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_records, st.randoms(use_true_random=False))
def test_agreement_links_any_arrival_equals_full_pass(rows, rng):
    # days spread over three years: same parties a year apart are two agreements whose ids and
    # names the replay has to renumber; undated articles sort after every dated one
    records = [_record(i, day, events) for i, (day, events) in enumerate(rows)]
    pairs = [(Article(text=f"texte {r['id']}", id=r["id"], published=r["published"], lang="fr"), r)
             for r in records]
    rng.shuffle(pairs)
    assert ingest(pairs, split(len(pairs), rng)) == full_pass(records)


@pytest.mark.issue(13)
def test_agreement_links_store_without_link_tables_is_linked_once_on_upgrade(tmp_path):
    records = [_record(i, day, [([0, 1], "signed", 1, "agreement")]) for i, day in enumerate([5, 40, 500])]
    pairs = [(Article(text=f"texte {r['id']}", id=r["id"], published=r["published"], lang="fr"), r)
             for r in records]
    db = tmp_path / "old.duckdb"
    expected = ingest(pairs, [3], db)
    with Store(db) as store:  # what a filon of schema 3 left: no link tables, stale links kept
        con = store.con
        for table in ("link_units", "link_clusters", "link_pending", "copy_bands"):
            con.execute(f"DROP TABLE {table}")
        for column in ("copy_of", "copy_similarity", "copy_kind"):
            con.execute(f"ALTER TABLE documents DROP COLUMN {column}")
        con.execute("DELETE FROM _filon_migrations WHERE version = 4")
        con.execute("UPDATE filon_meta SET value = '3' WHERE key = 'schema_version'")
        con.execute("UPDATE filon_meta SET value = 'false' WHERE key = 'agreements_dirty'")
    with Store(db) as store:
        assert store.agreements_dirty  # the upgrade asks for one full linking pass
        store.refresh_agreements()
        assert snapshot(store) == expected
        assert store.con.execute("SELECT count(*) FROM link_units").fetchone()[0] == 3
