"""The `Doc._` extensions filon components read and write.

All values are plain data (str, int, dict, list) so that `DocBin(store_user_data=True)` can
ship Docs to other processes or Spark workers without pickling code.

| extension            | written by          | value |
|----------------------|---------------------|-------|
| filon_article_id     | the runner          | str or None |
| filon_published      | the runner / dates  | ISO "YYYY-MM-DD" or None: reference for relative dates |
| filon_boilerplate    | runner / filon_boilerplate | list of {"start","end","kind"} |
| filon_entities       | filon_entities      | entity mention dicts (`filon.pipeline.entities`) |
| filon_dates          | filon_dates         | list of {"text","start","end","value","granularity"} |
| filon_quotes         | filon_quotes        | list of quote dicts (DESIGN.md `quotes`) |
| filon_events         | filon_events        | list of event dicts (DESIGN.md `events`) |
"""

from __future__ import annotations

import weakref
from datetime import date
from typing import Any

from spacy.tokens import Doc

EXTENSIONS: dict[str, Any] = {
    "filon_article_id": None,
    "filon_published": None,
    "filon_boilerplate": None,
    "filon_entities": None,
    "filon_dates": None,
    "filon_quotes": None,
    "filon_events": None,
}


def set_doc_extensions() -> None:
    """Register every filon `Doc._` extension once (idempotent)."""
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def in_spans(start: int, end: int, spans: list[dict] | None) -> bool:
    """True when [start, end) overlaps any of `spans` (dicts with "start" and "end")."""
    if not spans:
        return False
    return any(start < s["end"] and s["start"] < end for s in spans)


_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once per doc.

    spaCy rebuilds `Doc.text` by joining every token on each access (O(n)); components that
    look at the text around each match would otherwise pay that per match.
    """
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def published_day(doc: Doc) -> date | None:
    """The day the article was published (`doc._.filon_published`, an ISO date or datetime),
    else None: the reference every component reads relative dates and roles against."""
    value = doc._.filon_published
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
