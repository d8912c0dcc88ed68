"""The Article: what ingest hands to the pipeline."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

_WS = re.compile(r"[ \t\u00a0\u202f]+")


def normalize_text(text: str) -> str:
    """Normalize an article's text the way it is stored: NFC, unified newlines, no trailing blanks.

    Offsets in every record index into this normalized text, so the function must stay stable.
    """
    # drop BOMs before composing: one between a letter and its accent would block NFC, and
    # removing it afterwards would leave an uncomposed pair (normalization not idempotent)
    text = unicodedata.normalize("NFC", text.replace("\ufeff", ""))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def article_id(text: str) -> str:
    """Stable id of an article: sha256 of its normalized text with whitespace runs folded."""
    key = _WS.sub(" ", normalize_text(text)).lower()
    return "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Article:
    """One article, with its text already normalized by `normalize_text`.

    `boilerplate` holds spans of the text that are not the article's prose (photo captions with
    credits, lone subheadings, bylines): they stay in `text` but yield no entities or quotes.
    Each item is ``{"start": int, "end": int, "kind": "caption"|"subheading"|"byline"|…}``.
    """

    text: str
    id: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    lang: str | None = None
    source: str = ""  # file path (and line) it was read from
    source_id: str | None = None  # an `id` given by the input (JSON Lines)
    boilerplate: list[dict] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = normalize_text(self.text)
        if not self.id:
            self.id = article_id(self.text)

    def meta(self) -> dict:
        """Plain metadata for records and the store."""
        return {
            "id": self.id,
            "source_id": self.source_id,
            "url": self.url,
            "outlet": self.outlet,
            "lang": self.lang,
            "published": self.published,
            "title": self.title,
        }
