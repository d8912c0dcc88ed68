"""Issue 12: a run that dies between a batch's commit and the agreements' refresh is repaired by
the next run."""

from __future__ import annotations

from pathlib import Path

import pytest

from filon import jobs
from filon.backends.local import LocalBackend
from filon.store import Store

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ARTICLE = EXAMPLES / "2025-04-30-signature-fonds-reconstruction.txt"


@pytest.mark.slow
@pytest.mark.issue(12)
def test_jobs_crash_before_refresh_is_repaired_on_next_run(nlp, tmp_path, monkeypatch):
    db = tmp_path / "s.duckdb"
    original = Store.refresh_agreements
    calls = {"n": 0}

    def crash_once(self):
        calls["n"] += 1
        # the store's own refresh of a fresh file runs first; the crash is the one after the batch
        if calls["n"] == 2:
            raise RuntimeError("power cut")
        return original(self)

    monkeypatch.setattr(Store, "refresh_agreements", crash_once)
    with pytest.raises(RuntimeError, match="power cut"):
        jobs.ingest([ARTICLE], db, LocalBackend(nlp=nlp))
    with Store(db) as store:
        assert store.counts()["documents"] == 1  # the batch was committed
        assert store.counts()["agreements"] == 0
        assert store.agreements_dirty
    monkeypatch.setattr(Store, "refresh_agreements", original)

    report = jobs.ingest([ARTICLE], db, LocalBackend(nlp=nlp))  # nothing new to read
    assert report.new == 0 and report.already_stored == 1
    with Store(db) as store:
        assert not store.agreements_dirty
        assert store.counts()["agreements"] >= 1 and report.agreements == store.counts()["agreements"]
        linked = store.con.execute("SELECT count(*) FROM events WHERE agreement_id IS NOT NULL").fetchone()[0]
        assert linked >= 1
