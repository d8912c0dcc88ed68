"""Run the filon pipeline on this machine: `nlp.pipe` in-process, or a pool of worker processes.

One article can never take a batch down with it. Each batch of `batch_size` articles goes
through `nlp.pipe` under a time budget (`max_article_seconds` × articles) and a memory budget
(`max_article_memory` added to the process's resident memory, for the batch as for one
article: the docs that run through the model together hold at most about 10,000 tokens, see
`chunking.pipe_groups`); a batch that raises or overruns is run again article by article, each
under both budgets (the time one per part of a long text), and an article that still raises or
overruns becomes one `InputError` (file, line, reason) while the others keep their records.

The budgets (`filon.backends.limits`) hold only in a process's main thread (the CLI, and each
worker of `--processes N`); they interrupt Python code, and long C calls (spaCy's parser) at
the next return to Python. Where they cannot be set (a non-main thread; Windows; no memory
budget off Linux) articles still get isolated from each other's exceptions.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Protocol

from spacy.language import Language
from spacy.util import raise_error

from filon.backends.chunking import (
    DEFAULT_MAX_CHUNK_CHARS,
    merge_records,
    part_count,
    pipe_groups,
    split_article,
)
from filon.backends.limits import ArticleOverMemory, ArticleTimeout, Budget, release_memory
from filon.domains.pack import DEFAULT_DOMAIN
from filon.errors import Errors, InputError
from filon.extract.record import doc_to_record, skipped_record
from filon.ingest.article import Article
from filon.pipeline import DEFAULT_COMPONENTS, DEFAULT_MODEL, cached_pipeline, process
from filon.pipeline.guards import affix_run

logger = logging.getLogger("filon")

# Languages that have a pipeline. An article in another language is stored with its language
# and reported as skipped, never run through the French model.
SUPPORTED_LANGS = frozenset({"fr"})
DEFAULT_MAX_ARTICLE_SECONDS = 60.0
# Memory an article (or a batch) may add to its process. The heaviest group of docs the chunker
# lets through the model at once (about 10,000 tokens) adds about 0.25 GB with fr_core_news_md:
# 512 MiB leaves twice that for allocator slack, and keeps a worker (about 0.5 GB with the
# model) near 1 GiB whatever it is given.
DEFAULT_MAX_ARTICLE_MEMORY = 512 * 2**20

OnError = Callable[[InputError], None]
# what a batch gives back per article: its record, or (message) of the error it raised
Outcome = dict | str


class Backend(Protocol):
    """Who runs the pipeline over many articles."""

    def run(
        self, articles: Iterable[Article], on_error: OnError | None = None
    ) -> Iterator[tuple[Article, dict]]:
        """Yield (article, extraction record) for every article that could be processed."""
        ...


def _log_component_error(proc_name: str, proc: object, docs: list, exc: Exception) -> object:
    """Log a component failure and hand the doc back without that component's layer.

    filon components return what the handler returns (STYLE.md §3), so returning the doc keeps
    one bad article from stopping the batch; its record simply lacks that layer.
    """
    logger.warning("component %s failed on a doc: %s: %s", proc_name, type(exc).__name__, exc)
    return docs[0] if docs else None


def install_error_handler(nlp: Language) -> None:
    """Make a component failure cost one layer of one doc, never the batch."""
    # spaCy's own Cython pipes cannot take a handler (AttributeError in 3.8), so set the
    # default one and the handler of each filon component that has one.
    nlp.default_error_handler = _log_component_error
    for name, pipe in nlp.pipeline:
        if name.startswith("filon_") and hasattr(pipe, "set_error_handler"):
            pipe.set_error_handler(_log_component_error)


# --- one batch, isolated ----------------------------------------------------------------------


class _Dropped(Exception):
    """The pipeline yielded no doc for an article (a component's handler swallowed it)."""


def _records(nlp: Language, articles: list[Article], batch_size: int, max_chars: int) -> list[dict]:
    # a text over the chunk limit runs as parts (`filon.backends.chunking`), merged back
    split = [split_article(a, max_chars) for a in articles]
    parts = [piece.article for pieces in split for piece in pieces]
    # each doc becomes its record as it comes out of the pipe, so the parts of a long text are
    # not all held as docs until the end; spaCy runs a batch's docs through the model together,
    # so they go in groups of a bounded number of tokens (16 docs of 60,000 characters peaked
    # at 3.5 GB as one batch)
    done: list[tuple[str, dict]] = []
    for group in pipe_groups(parts, batch_size):
        done.extend((part.id, doc_to_record(doc, part))
                    for part, doc in process(nlp, group, len(group), 1))
        # the allocator keeps the pages the group's arrays were freed from: without giving them
        # back, a process crept from 0.5 to 1.0 GB over the 11 parts of a 1 MB text
        release_memory()
    if [part_id for part_id, _ in done] != [a.id for a in parts]:
        raise _Dropped("the pipeline dropped the article without an error")
    records = iter(record for _, record in done)
    out = []
    for article, pieces in zip(articles, split, strict=True):
        got = [(piece, next(records)) for piece in pieces]
        out.append(got[0][1] if pieces[0].article is article else merge_records(article, got))
    return out


def run_batch(nlp: Language, articles: list[Article], batch_size: int,
              max_seconds: float | None, max_chunk_chars: int | None = None,
              max_memory: int | None = None) -> list[Outcome]:
    """Records of `articles` in order; an article that fails gets its error message instead.
    A text over `max_chunk_chars` (default 100,000, at most spaCy's `nlp.max_length`) is
    processed in parts; `max_memory` is the memory budget in bytes (None: no limit)."""
    # spaCy's default handler would drop a doc whose function component raised, without a word;
    # raising lets the article be named. filon components keep their own handler (a failing
    # layer costs that layer only).
    previous = nlp.default_error_handler
    nlp.default_error_handler = raise_error
    try:
        max_chars = min(max_chunk_chars or DEFAULT_MAX_CHUNK_CHARS, nlp.max_length)
        return _run_batch(nlp, articles, batch_size, Budget(max_seconds, max_memory), max_chars)
    finally:
        nlp.default_error_handler = previous


def _run_batch(nlp: Language, articles: list[Article], batch_size: int, budget: Budget,
               max_chars: int) -> list[Outcome]:
    outcomes: list[Outcome | None] = [refusal(nlp, a.text) for a in articles]
    todo = [a for a, o in zip(articles, outcomes, strict=True) if o is None]
    # the time budget is per part: a text of 1 MB runs in a dozen parts of ordinary length
    parts = {id(a): part_count(a.text, max_chars) for a in todo}
    try:
        with budget.limit(sum(parts.values())):
            records = iter(_records(nlp, todo, batch_size, max_chars))
        return [o if o is not None else next(records) for o in outcomes]
    except (ArticleTimeout, ArticleOverMemory, MemoryError) as exc:
        release_memory()
        logger.warning("a batch of %d articles ran over its budget (%s); running them one by one",
                       len(todo), type(exc).__name__)
    except Exception as exc:  # one article's failure: find which, article by article
        logger.warning("a batch failed (%s: %s); running its articles one by one",
                       type(exc).__name__, exc)
    for i, article in enumerate(articles):
        if outcomes[i] is not None:
            continue
        try:
            with budget.limit(parts[id(article)]):
                [outcomes[i]] = _records(nlp, [article], 1, max_chars)
        except (ArticleTimeout, ArticleOverMemory, MemoryError) as exc:
            release_memory()
            outcomes[i] = budget.overrun(exc, parts[id(article)])
        except Exception as exc:  # the article is reported; the batch goes on
            outcomes[i] = Errors.F014.format(reason=f"{type(exc).__name__}: {exc}".splitlines()[0])
    return [o for o in outcomes if o is not None]


def refusal(nlp: Language, text: str) -> str | None:
    """Why the pipeline must not take `text` (a run its tokenizer would take quadratic time
    on), else None. A text over spaCy's limit is not refused: it runs in parts."""
    return affix_run(nlp, text)


def _error(article: Article, message: str) -> InputError:
    # "file.jsonl:3" sources carry their line; keep it apart so the error reads file:line: reason
    source, _, line = article.source.rpartition(":")
    if source and line.isdigit():
        return InputError(source, message, line=int(line))
    return InputError(article.source or article.id, message)


# --- worker processes -------------------------------------------------------------------------

_PR_SET_PDEATHSIG = 1
_worker_nlp: Language | None = None
_forked_nlp: Language | None = None  # the parent's pipeline, inherited by forked workers


def die_with_parent(parent_pid: int) -> None:
    """End this process when `parent_pid` dies, even by SIGKILL (Linux: PR_SET_PDEATHSIG).

    Elsewhere a daemon thread polls the parent's pid once a second.
    """
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    else:
        def watch() -> None:
            while os.getppid() == parent_pid:
                time.sleep(1.0)
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()
    # the parent may have died before the signal was armed
    if os.getppid() != parent_pid:
        os._exit(1)


def _worker_init(parent_pid: int, model: str, components: tuple[str, ...], packs: str) -> None:
    die_with_parent(parent_pid)
    # Ctrl-C reaches the whole process group: the parent alone decides how to stop
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _worker_nlp
    _worker_nlp = _forked_nlp if _forked_nlp is not None else cached_pipeline(model, components, packs)
    install_error_handler(_worker_nlp)


def _worker_batch(articles: list[Article], batch_size: int, max_seconds: float | None,
                  max_chunk_chars: int | None = None, max_memory: int | None = None) -> list[Outcome]:
    assert _worker_nlp is not None
    return run_batch(_worker_nlp, articles, batch_size, max_seconds, max_chunk_chars, max_memory)


def _terminate(pool: ProcessPoolExecutor) -> None:
    # the executor offers no public way to stop busy workers; its process table is the one handle
    for process_ in list((getattr(pool, "_processes", None) or {}).values()):
        process_.terminate()


class LocalBackend:
    """The pipeline over articles, in this process or in `n_process` worker processes.

    The pipeline is built on first use, so a command with nothing to process loads no model.

    Args:
        model: spaCy package name. Defaults to `fr_core_news_md`.
        batch_size: docs per `nlp.pipe` batch. Defaults to 16.
        n_process: worker processes. Defaults to 1.
        components: filon components to run. Defaults to all of them.
        nlp: an already built pipeline to use instead of loading `model`.
        max_article_seconds: time budget per article (see the module docstring); None or 0 for
            no limit. Defaults to 60.
        packs: the domain packs the components read ("general+minerals"). Defaults to all.
        max_chunk_chars: a text over this many characters runs in parts whose records are
            merged (`filon.backends.chunking`). Defaults to 100,000 (never over spaCy's
            `nlp.max_length`).
        max_article_memory: memory budget in bytes an article (or a batch) may add to the
            process that runs it (see the module docstring); None or 0 for no limit. Defaults
            to 512 MiB.
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        batch_size: int = 16,
        n_process: int = 1,
        components: Sequence[str] = DEFAULT_COMPONENTS,
        nlp: Language | None = None,
        max_article_seconds: float | None = DEFAULT_MAX_ARTICLE_SECONDS,
        packs: str = DEFAULT_DOMAIN,
        max_chunk_chars: int = DEFAULT_MAX_CHUNK_CHARS,
        max_article_memory: int | None = DEFAULT_MAX_ARTICLE_MEMORY,
    ) -> None:
        self.model = model
        self.packs = packs
        self.batch_size = batch_size
        self.n_process = n_process
        self.max_article_seconds = max_article_seconds or None
        self.max_chunk_chars = max_chunk_chars
        self.max_article_memory = max_article_memory or None
        self._components = tuple(components)
        self._nlp = nlp
        self._handled = False

    @property
    def nlp(self) -> Language:
        """The filon pipeline on `model`, with the batch-preserving error handler installed."""
        if self._nlp is None:
            self._nlp = cached_pipeline(self.model, self._components, self.packs)
        if not self._handled:
            install_error_handler(self._nlp)
            self._handled = True
        return self._nlp

    def run(
        self, articles: Iterable[Article], on_error: OnError | None = None
    ) -> Iterator[tuple[Article, dict]]:
        """Yield (article, record) in input order; unsupported languages get a skipped record.

        An article the pipeline cannot process is passed to `on_error` as an `InputError`
        (logged when `on_error` is None) and yields nothing.
        """
        report = on_error or (lambda error: logger.warning("%s", error))
        if self.n_process > 1:
            # half batches to the workers: when the input runs out, the last chunk keeps one
            # worker busy while the others wait, for half as long
            yield from self._run_pool(self._chunks(articles, max(1, self.batch_size // 2)), report)
            return
        for chunk in self._chunks(articles, self.batch_size):
            todo = [a for a in chunk if not isinstance(a, tuple)]
            outcomes = iter(run_batch(self.nlp, todo, self.batch_size, self.max_article_seconds,
                                      self.max_chunk_chars, self.max_article_memory)
                            if todo else [])
            yield from self._pair(chunk, outcomes, report)

    @staticmethod
    def _chunks(articles: Iterable[Article], size: int) -> Iterator[list]:
        """Batches of `size` articles; an unsupported language rides along as (article, record)."""
        chunk: list = []
        for article in articles:
            if article.lang and article.lang not in SUPPORTED_LANGS:
                chunk.append((article, skipped_record(
                    article, f"no pipeline for language '{article.lang}'")))
                continue
            chunk.append(article)
            if sum(1 for a in chunk if not isinstance(a, tuple)) >= size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    @staticmethod
    def _pair(chunk: list, outcomes: Iterator[Outcome],
              report: OnError) -> Iterator[tuple[Article, dict]]:
        for item in chunk:
            if isinstance(item, tuple):
                yield item
                continue
            outcome = next(outcomes)
            if isinstance(outcome, str):
                report(_error(item, outcome))
            else:
                yield item, outcome

    def _run_pool(self, chunks: Iterator[list], report: OnError) -> Iterator[tuple[Article, dict]]:
        """Chunks over worker processes, a few in flight per worker, results in input order."""
        global _forked_nlp
        if "fork" in multiprocessing.get_all_start_methods():
            # workers inherit the loaded pipeline instead of loading the model again
            _forked_nlp = self.nlp
            context = multiprocessing.get_context("fork")
        else:
            context = multiprocessing.get_context("spawn")
        pool = self._pool(context)
        pending: deque[tuple[list, Future]] = deque()

        def submit(chunk: list) -> None:
            todo = [a for a in chunk if not isinstance(a, tuple)]
            pending.append((chunk, pool.submit(_worker_batch, todo, self.batch_size,
                                               self.max_article_seconds, self.max_chunk_chars,
                                               self.max_article_memory)))

        def collect() -> Iterator[tuple[Article, dict]]:
            nonlocal pool
            chunk, future = pending.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                # a worker died (killed, out of memory, crashed in C): its chunk is reported,
                # the chunks queued behind it go to a fresh pool
                todo = [a for a in chunk if not isinstance(a, tuple)]
                logger.warning("a worker process died; %d articles reported as failed", len(todo))
                outcomes = [Errors.F015] * len(todo)
                pool.shutdown(wait=False, cancel_futures=True)
                pool = self._pool(context)
                queued = [c for c, _ in pending]
                pending.clear()
                for again in queued:
                    submit(again)
            yield from self._pair(chunk, iter(outcomes), report)

        try:
            for chunk in chunks:
                submit(chunk)
                while len(pending) > 2 * self.n_process:
                    yield from collect()
            while pending:
                yield from collect()
        except BaseException:
            # Ctrl-C or the consumer gave up: stop the workers now rather than let the
            # interpreter's exit wait for their current batches
            _terminate(pool)
            raise
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
            _forked_nlp = None

    def _pool(self, context: multiprocessing.context.BaseContext) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.n_process, mp_context=context, initializer=_worker_init,
                                   initargs=(os.getpid(), self.model, self._components, self.packs))
