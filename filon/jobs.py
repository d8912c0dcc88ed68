"""The jobs behind the CLI: ingest into the store, extract to JSON Lines, in batches.

Bad input never stops a job: each `InputError` is collected in the report and the rest of the
batch goes on. Articles already stored are recognised by id before the pipeline runs on them.
Inputs that are http(s) URLs (feeds, pages) are read by `filon.ingest.feeds.UrlReader`; a page
already stored by URL is not downloaded again.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from filon.backends.local import LocalBackend
from filon.errors import InputError
from filon.ingest import iter_articles
from filon.ingest.article import Article
from filon.ingest.readers import ReadResult, is_url
from filon.linking.agreements import set_agreement_ids
from filon.store import Store
from filon.store.schema import rollback

if TYPE_CHECKING:  # the network stack is imported only when an input is a URL
    # pyspark is an optional extra: the Spark backend is imported when used
    from filon.backends.spark import SparkBackend
    from filon.ingest.feeds import UrlMemory, UrlReader
    from filon.ingest.fetch import Fetcher

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
    feeds_unchanged: int = 0  # feeds that answered 304 Not Modified
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
            "feeds_unchanged": self.feeds_unchanged,
            "failed": [str(e) for e in self.failed],
            "interrupted": self.interrupted,
        }


def _inputs(
    paths: Sequence[str | Path],
    max_bytes: int,
    default_lang: str | None,
    urls: UrlReader | None,
) -> Iterator[ReadResult]:
    """Files and URLs in the order given."""
    for path in paths:
        if urls is not None and is_url(str(path)):
            yield from urls.read(str(path))
        else:
            yield from iter_articles([path], max_bytes=max_bytes, default_lang=default_lang)


def _url_reader(
    paths: Sequence[str | Path],
    stack: ExitStack,
    memory: Callable[[], UrlMemory] | None,
    fetcher: Fetcher | None,
    max_bytes: int,
    default_lang: str | None,
) -> UrlReader | None:
    """A reader for the URLs among `paths` (None when there are none); a fetcher made here is
    closed with `stack`. Without `memory` every URL is fetched."""
    if not any(is_url(str(path)) for path in paths):
        return None
    from filon.ingest.feeds import NoMemory, UrlReader
    from filon.ingest.fetch import Fetcher, FetchOptions

    if fetcher is None:
        fetcher = stack.enter_context(Fetcher(FetchOptions(max_bytes=max_bytes)))
    return UrlReader(fetcher, memory() if memory else NoMemory(), default_lang)


def _articles(
    paths: Sequence[str | Path],
    report: JobReport,
    max_bytes: int,
    default_lang: str | None,
    progress: Progress | None,
    urls: UrlReader | None = None,
) -> Iterator[Article]:
    seen: set[str] = set()
    for item in _inputs(paths, max_bytes, default_lang, urls):
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
    fetcher: Fetcher | None = None,
) -> JobReport:
    """Read, extract and store articles; one transaction per `commit_every` articles.

    Each committed batch is linked to its agreements right away (only the agreements it
    touches are read). Ctrl-C (KeyboardInterrupt) stops the run with `report.interrupted` set:
    batches committed before it stay, the open one is rolled back; a stop between a commit and
    its linking leaves the agreements marked stale for the next run to link. URL inputs go through `fetcher`
    (one is made when None); what they teach (feed validators, pages read) is remembered only
    after a complete run.
    """
    report = JobReport()
    failed = _failure_sink(report, progress)
    with Store(db) as store, ExitStack() as stack:
        if store.agreements_dirty:
            # an earlier run committed articles but stopped before relinking agreements
            store.refresh_agreements()
        urls = _url_reader(paths, stack, lambda: _fetch_state(store), fetcher, max_bytes,
                           default_lang)

        def fresh() -> Iterator[Article]:
            articles = _articles(paths, report, max_bytes, default_lang, progress, urls)
            for chunk in _chunks(articles, 64):
                known = store.known_ids(a.id for a in chunk)
                report.already_stored += len(known)
                if progress and known:
                    progress("done", len(known))
                yield from (a for a in chunk if a.id not in known)

        try:
            for batch in _chunks(backend.run(fresh(), on_error=failed), commit_every):
                report.skipped_language += sum(1 for _, rec in batch if rec.get("skipped"))
                # the memory of writing and linking a batch follows the batch, not the store
                store.limit_memory(batch)
                report.new += store.write_batch(batch, model=backend.model)
                # linked batch by batch: the cost and memory of linking follow the batch and
                # the agreements it touches, never the store or the whole run
                store.refresh_agreements()
                if progress:
                    progress("done", len(batch))
        except KeyboardInterrupt:
            report.interrupted = True
            rollback(store.con)  # the batch being written, if any; committed ones stay
            report.agreements = store.counts()["agreements"]
            return report
        if urls is not None:
            report.already_stored += urls.already_stored
            report.feeds_unchanged = urls.not_modified
            _fetch_state(store).save(urls.remember)
        if store.agreements_dirty:
            store.refresh_agreements()
        report.agreements = store.counts()["agreements"]
    return report


def _fetch_state(store: Store):
    from filon.store.fetch_state import FetchState

    return FetchState(store)


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
    fetcher: Fetcher | None = None,
) -> JobReport:
    """Write one extraction record per article as JSON Lines, agreements linked across the run.

    URL inputs are fetched every time: without a store there is nothing to remember them in.
    """
    report = JobReport()
    with ExitStack() as stack:
        urls = _url_reader(paths, stack, None, fetcher, max_bytes, default_lang)
        _extract(_articles(paths, report, max_bytes, default_lang, progress, urls), out, backend,
                 report, progress)
    return report


def _extract(articles: Iterable[Article], out: IO[str], backend: LocalBackend, report: JobReport,
             progress: Progress | None) -> None:
    records = []
    for _article, record in backend.run(articles, on_error=_failure_sink(report, progress)):
        report.new += 1
        if record.get("skipped"):
            report.skipped_language += 1
        records.append(record)
        if progress:
            progress("done", 1)
    report.agreements = _write_linked(records, out)
    return report


def _write_linked(records: list[dict], out: IO[str]) -> int:
    """Write records as JSON Lines with agreement ids linked across them; returns the agreements."""
    agreements = set_agreement_ids(records)
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return agreements


# --- the same jobs on Spark -------------------------------------------------------------------


def spark_ingest(
    paths: Sequence[str | Path],
    db: str | Path,
    backend: SparkBackend,
    *,
    parquet_dir: str | Path | None = None,
    max_bytes: int = 20_000_000,
    default_lang: str | None = None,
) -> JobReport:
    """Run Spark over `paths` to Parquet (in `parquet_dir`, else a temporary directory), then load it.

    Articles already in the store are skipped before the pipeline, as in `ingest`.
    """
    import tempfile

    from filon.store.parquet import load_parquet

    with contextlib.ExitStack() as stack:
        out = parquet_dir or stack.enter_context(tempfile.TemporaryDirectory(prefix="filon-spark-"))
        with Store(db) as store:
            # opened for writing first: a store that cannot be written fails before Spark starts
            known = store.all_ids()
        run = backend.write_parquet(paths, out, known_ids=known, max_bytes=max_bytes,
                                    default_lang=default_lang)
        with Store(db) as store:
            loaded = load_parquet(out, store)
    return JobReport(read=run.read, new=loaded.new,
                     already_stored=run.already_stored + loaded.already_stored,
                     duplicates_in_input=run.duplicates_in_input,
                     skipped_language=run.skipped_language, agreements=loaded.agreements,
                     failed=loaded.errors)


def spark_extract(
    paths: Sequence[str | Path],
    out: IO[str],
    backend: SparkBackend,
    *,
    parquet_dir: str | Path | None = None,
    max_bytes: int = 20_000_000,
    default_lang: str | None = None,
) -> JobReport:
    """`extract` on Spark: records in input order, agreements linked across the run."""
    import tempfile

    from filon.store.parquet import read_errors, read_records

    with contextlib.ExitStack() as stack:
        directory = parquet_dir or stack.enter_context(
            tempfile.TemporaryDirectory(prefix="filon-spark-"))
        run = backend.write_parquet(paths, directory, max_bytes=max_bytes, default_lang=default_lang)
        records = read_records(directory)
        errors = read_errors(directory)
    report = JobReport(read=run.read, new=len(records), duplicates_in_input=run.duplicates_in_input,
                       skipped_language=run.skipped_language, failed=errors)
    report.agreements = _write_linked(records, out)
    return report
