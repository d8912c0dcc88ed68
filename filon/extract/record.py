"""Doc -> extraction record: the stable output contract of DESIGN.md.

The record copies plain data the components left on `Doc._`; it never re-parses. Contract keys
come first in each item; components may add keys (adding is allowed, renaming is not).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from filon.ingest.article import Article

RECORD_VERSION = 1

_ENTITY_KEYS = ("text", "start", "end", "label", "id", "name")
_QUOTE_KEYS = ("kind", "text", "start", "end", "speaker", "cue")
_EVENT_KEYS = ("type", "status", "parties", "subject", "date", "agreement_id", "evidence")
_DATE_KEYS = ("text", "start", "end", "value")


def _items(values: list[dict] | None, keys: tuple[str, ...]) -> list[dict[str, Any]]:
    out = []
    for value in values or []:
        item = {k: value.get(k) for k in keys}
        item.update({k: v for k, v in value.items() if k not in item})
        out.append(item)
    return out


def doc_to_record(doc: Doc, article: Article) -> dict[str, Any]:
    """The extraction record of one article.

    Args:
        doc: the Doc after the filon pipeline ran on `article.text`.
        article: the article the doc was made from (metadata and id).
    """
    record: dict[str, Any] = {
        "id": article.id,
        "url": article.url,
        "outlet": article.outlet,
        "lang": article.lang,
        "published": doc._.filon_published or article.published,
        "title": article.title,
        "entities": _items(doc._.filon_entities, _ENTITY_KEYS),
        "quotes": _items(doc._.filon_quotes, _QUOTE_KEYS),
        "events": _items(doc._.filon_events, _EVENT_KEYS),
        "dates": _items(doc._.filon_dates, _DATE_KEYS),
        "boilerplate": list(doc._.filon_boilerplate or []),
        "record_version": RECORD_VERSION,
    }
    if article.source_id is not None:
        record["source_id"] = article.source_id
    return record


def skipped_record(article: Article, reason: str) -> dict[str, Any]:
    """The record of an article no pipeline ran on (e.g. a language without a model)."""
    return {
        **{k: v for k, v in article.meta().items() if k != "source_id"},
        "entities": [],
        "quotes": [],
        "events": [],
        "dates": [],
        "boilerplate": list(article.boilerplate),
        "record_version": RECORD_VERSION,
        "skipped": reason,
        **({"source_id": article.source_id} if article.source_id is not None else {}),
    }
