"""Run the filon pipeline on this machine with spaCy's `nlp.pipe`."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

from spacy.language import Language

from filon.extract.record import doc_to_record, skipped_record
from filon.ingest.article import Article
from filon.pipeline import DEFAULT_COMPONENTS, DEFAULT_MODEL, cached_pipeline, process

logger = logging.getLogger("filon")

# Languages that have a pipeline. An article in another language is stored with its language
# and reported as skipped, never run through the French model.
SUPPORTED_LANGS = frozenset({"fr"})


class Backend(Protocol):
    """Who runs the pipeline over many articles."""

    def run(self, articles: Iterable[Article]) -> Iterator[tuple[Article, dict]]:
        """Yield (article, extraction record) for every article."""
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


class LocalBackend:
    """`nlp.pipe` over articles, with one `Language` built once per process.

    The pipeline is built on first use, so a command with nothing to process loads no model.

    Args:
        model: spaCy package name. Defaults to `fr_core_news_md`.
        batch_size: docs per `nlp.pipe` batch. Defaults to 16.
        n_process: worker processes. Defaults to 1.
        components: filon components to run. Defaults to all of them.
        nlp: an already built pipeline to use instead of loading `model`.
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        batch_size: int = 16,
        n_process: int = 1,
        components: Sequence[str] = DEFAULT_COMPONENTS,
        nlp: Language | None = None,
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.n_process = n_process
        self._components = tuple(components)
        self._nlp = nlp
        self._handled = False

    @property
    def nlp(self) -> Language:
        """The filon pipeline on `model`, with the batch-preserving error handler installed."""
        if self._nlp is None:
            self._nlp = cached_pipeline(self.model, self._components)
        if not self._handled:
            install_error_handler(self._nlp)
            self._handled = True
        return self._nlp

    def run(self, articles: Iterable[Article]) -> Iterator[tuple[Article, dict]]:
        """Yield (article, record); unsupported languages get a skipped record.

        One `nlp.pipe` stream serves the whole run (worker processes start once); skipped
        articles are set aside while the stream reads its input and yielded between docs.
        """
        skipped: list[Article] = []

        def supported() -> Iterator[Article]:
            for article in articles:
                if article.lang and article.lang not in SUPPORTED_LANGS:
                    skipped.append(article)
                else:
                    yield article

        def drain() -> Iterator[tuple[Article, dict]]:
            while skipped:
                article = skipped.pop(0)
                yield article, skipped_record(article, f"no pipeline for language '{article.lang}'")

        ahead = supported()
        first = next(ahead, None)
        if first is None:  # nothing for the model: do not load it
            yield from drain()
            return

        def stream() -> Iterator[Article]:
            yield first
            yield from ahead

        for article, doc in process(self.nlp, stream(), self.batch_size, self.n_process):
            yield from drain()
            yield article, doc_to_record(doc, article)
        yield from drain()
