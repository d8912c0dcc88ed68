"""Ingest: read files, directories and stdin into normalized `Article`s, or coded input errors.

Public API::

    from filon.ingest import iter_articles, ReadResult

    for item in iter_articles(["examples/", "more.jsonl"], max_bytes=20_000_000):
        if isinstance(item, InputError): ...   # one bad file or line; the batch goes on
        else: ...                              # an Article

Heavy dependencies (trafilatura, lingua, charset-normalizer) are imported on first use, so
importing this package stays cheap.
"""

from __future__ import annotations

from filon.ingest.article import Article, article_id, normalize_text
from filon.ingest.encoding import Decoded, decode_bytes
from filon.ingest.furniture import find_boilerplate
from filon.ingest.language import detect_language
from filon.ingest.readers import ReadResult, iter_articles, parse_published, split_header

__all__ = [
    "Article",
    "Decoded",
    "ReadResult",
    "article_id",
    "decode_bytes",
    "detect_language",
    "find_boilerplate",
    "iter_articles",
    "normalize_text",
    "parse_published",
    "split_header",
]
