"""Run the filon pipeline on this machine with spaCy's `nlp.pipe`."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Protocol

from spacy.language import Language

from filon.extract.record import doc_to_record, skipped_record
from filon.ingest.article import Article
from filon.pipeline import DEFAULT_MODEL, build_pipeline, process

logger = logging.getLogger("filon")

# Languages that have a pipeline. An article in another language is stored with its language
# and reported as skipped, never run through the French model.
SUPPORTED_LANGS = frozenset({"fr"})


class Backend(Protocol):
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

        for article, doc in process(self.nlp, supported(), self.batch_size, self.n_process):
            yield from drain()
            yield article, doc_to_record(doc, article)
        yield from drain()


class LocalBackend(Backend):
    """Run the pipeline in this process with `nlp.pipe` (batching, optional worker processes).

    The spaCy pipeline is built on first use, so that building a backend for a command that
    turns out to have nothing to process costs nothing.
    """

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 16, n_process: int = 1) -> None:
        self.model = model
        self.batch_size = batch_size
        self.n_process = n_process
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        """The filon pipeline on `model`, built once."""
        if self._nlp is None:
            self._nlp = build_pipeline(self.model)
        return self._nlp
