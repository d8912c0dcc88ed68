"""The shape every filon component shares (STYLE.md §3, after spaCy's `span_ruler.py`)."""

from __future__ import annotations

from typing import Any

from spacy.pipeline import Pipe
from spacy.tokens import Doc


class FilonComponent(Pipe):
    """`__call__` runs `match` then `set_annotations` inside the pipe's error handler.

    `nlp.set_error_handler` (or `set_error_handler` on the pipe) decides whether one bad
    article stops a batch. A handler that returns nothing (spaCy's `ignore_error`) leaves the
    doc as it was, without this component's layer, rather than passing None down the pipeline.
    `pipe` comes from spaCy's `Pipe`: one doc at a time, with the same handler.
    """

    name: str

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            self.set_annotations(doc, self.match(doc))
            return doc
        except Exception as exc:
            handled = error_handler(self.name, self, [doc], exc)
            return doc if handled is None else handled

    def match(self, doc: Doc) -> Any:
        """What the component finds in `doc` (plain data)."""
        raise NotImplementedError

    def set_annotations(self, doc: Doc, found: Any) -> None:
        """Write what `match` found on `doc._`."""
        raise NotImplementedError
