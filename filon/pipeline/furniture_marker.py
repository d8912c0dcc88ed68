"""`filon_boilerplate`: marks captions, credits and lone subheadings so later components skip them.

Ingest already computes these spans for stored articles; the component recomputes them only when
a Doc arrives without them (a user's own pipeline), so both paths agree.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from filon.ingest.furniture import find_boilerplate
from filon.pipeline.extensions import doc_text, set_doc_extensions


class BoilerplateMarker:
    """Fill `doc._.filon_boilerplate` when the runner did not."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        set_doc_extensions()

    def __call__(self, doc: Doc) -> Doc:
        if doc._.filon_boilerplate is None:
            doc._.filon_boilerplate = find_boilerplate(doc_text(doc))
        return doc


@Language.factory("filon_boilerplate")
def make_boilerplate(nlp: Language, name: str) -> BoilerplateMarker:
    return BoilerplateMarker(nlp, name)
