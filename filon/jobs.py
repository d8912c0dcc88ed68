"""The jobs behind the CLI: ingest into the store, extract to JSON Lines, in batches.

Bad input never stops a job: each `InputError` is collected in the report and the rest of the
batch goes on. Articles already stored are recognised by id before the pipeline runs on them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from filon.backends.local import LocalBackend
from filon.errors import InputError
from filon.ingest import iter_articles
from filon.ingest.article import Article
from filon.linking.agreements import link_agreements
from filon.store import Store
from filon.store.schema import rollback

Progress = Callable[[str, int], None]  # (event, count): "read", "done"


@dataclass(slots=True)
class JobReport:
    """What a job did; `failed` lists one error per bad input (file/line/reason)."""

    read: int = 0
    new: int = 0
    already_stored: int = 0
    duplicates_in_input: int = 0
    skipped_language: int = 0
    agreements: int = 0
    failed: list[InputError] = field(default_factory=list)
    interrupted: bool = False  # Ctrl-C: the batches committed before it are kept

    @property
    def ok(self) -> bool:
        return not self.failed

    def as_dict(self) -> dict:
        return {
            "read": self.read,
            "new": self.new,
            "already_stored": self.already_stored,
            "duplicates_in_input": self.duplicates_in_input,
            "skipped_language": self.skipped_language,
            "agreements": self.agreements,
            "failed": [str(e) for e in self.failed],
            "interrupted": self.interrupted,
        }


def _articles(
    paths: Sequence[str | Path],
    report: JobReport,
    max_bytes: int,
    default_lang: str | None,
    progress: Progress | None,
) -> Iterator[Article]:
    seen: set[str] = set()
    for item in iter_articles(paths, max_bytes=max_bytes, default_lang=default_lang):
        if isinstance(item, InputError):
            report.failed.append(item)
            if progress:
                progress("failed", 1)
            continue
        report.read += 1
        if item.id in seen:
            report.duplicates_in_input += 1
            continue
        seen.add(item.id)
        if progress:
            progress("read", 1)
        yield item


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ingest(
    paths: Sequence[str | Path],
    db: str | Path,
    backend: LocalBackend,
    *,
    commit_every: int = 64,
    max_bytes: int = 20_000_000,
    default_lang: str | None = None,
    progress: Progress | None = None,
) -> JobReport:
    """Read, extract and store articles; one transaction per `commit_every` articles.

    Ctrl-C (KeyboardInterrupt) stops the run with `report.interrupted` set: batches committed
    before it stay, the open one is rolled back, and the agreements are left marked stale for
    the next run to recompute.
    """
    report = JobReport()
    failed = _failure_sink(report, progress)
    with Store(db) as store:
        if store.agreements_dirty:
            # an earlier run committed articles but stopped before relinking agreements
            store.refresh_agreements()

        def fresh() -> Iterator[Article]:
            for chunk in _chunks(_articles(paths, report, max_bytes, default_lang, progress), 64):
                known = store.known_ids(a.id for a in chunk)
                report.already_stored += len(known)
                if progress and known:
                    progress("done", len(known))
                yield from (a for a in chunk if a.id not in known)

        try:
            for batch in _chunks(backend.run(fresh(), on_error=failed), commit_every):
                report.skipped_language += sum(1 for _, rec in batch if rec.get("skipped"))
                report.new += store.write_batch(batch, model=backend.model)
                if progress:
                    progress("done", len(batch))
        except KeyboardInterrupt:
            report.interrupted = True
            rollback(store.con)  # the batch being written, if any; committed ones stay
            report.agreements = store.counts()["agreements"]
            return report
        if report.new or store.agreements_dirty:
            report.agreements = store.refresh_agreements()
        else:
            report.agreements = store.counts()["agreements"]
    return report


def _failure_sink(report: JobReport, progress: Progress | None) -> Callable[[InputError], None]:
    """Collect an article the pipeline could not process as a failed input of the report."""

    def failed(error: InputError) -> None:
        report.failed.append(error)
        if progress:
            progress("failed", 1)

    return failed


def extract(
    paths: Sequence[str | Path],
    out: IO[str],
    backend: LocalBackend,
    *,
    max_bytes: int = 20_000_000,
    default_lang: str | None = None,
    progress: Progress | None = None,
) -> JobReport:
    """Write one extraction record per article as JSON Lines, agreements linked across the run."""
    report = JobReport()
    records = []
    articles = _articles(paths, report, max_bytes, default_lang, progress)
    for _article, record in backend.run(articles, on_error=_failure_sink(report, progress)):
        report.new += 1
        if record.get("skipped"):
            report.skipped_language += 1
        records.append(record)
        if progress:
            progress("done", 1)
    links = link_agreements(records)
    by_id = {r["id"]: r for r in records}
    for (doc_id, idx), agreement_id in links.items():
        by_id[doc_id]["events"][idx]["agreement_id"] = agreement_id
    report.agreements = len(set(links.values()))
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return report
