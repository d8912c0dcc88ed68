"""Long texts in parts: cut at paragraph or sentence ends, processed apart, one record back.

The model's memory grows with the tokens of a doc (about 18 KB each for fr_core_news_md: 40,000
tokens of short lines take 700 MB), and spaCy refuses a text over `nlp.max_length`. A text over
the chunk limit is cut into parts of at most that many characters, after a paragraph break
where there is one, else after a line break, a sentence end or a space; each part runs through
the pipeline as an article of its own, and their records are merged into the article's, every
offset moved back onto the whole text. What a part cannot see across a cut (a pronoun whose
antecedent is in the part before, a quote continued from it) is lost; normal articles, far
under the limit, are never cut.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from filon.ingest.article import Article
from filon.ingest.dateline import parse_dateline

DEFAULT_MAX_CHUNK_CHARS = 100_000
# about what prose holds in 50,000 characters: a text denser in tokens (short lines, runs of
# marks) is cut into shorter parts. The model's peak memory grows with the tokens it runs at once
# (about 18 KB each with fr_core_news_md): 20,000 held a process at 1.1 GB, 10,000 under 0.95 GB,
# at the same speed.
MAX_CHUNK_TOKENS = 10_000
_TOKENISH = re.compile(r"\w+|[^\w\s]|\n")
LAYERS = ("entities", "quotes", "events", "dates")
_SENTENCE_END = re.compile(r"[.!?…][»”\"’)]*\s")


def chunk_bounds(text: str, max_chars: int) -> list[tuple[int, int]]:
    """[start, end) of the parts of `text`, each at most `max_chars` long, in order; the
    whitespace at a cut belongs to no part, and no part starts with whitespace."""
    bounds: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > max_chars:
        limit = start + max_chars
        cut = _cut(text, start, limit)
        bounds.append((start, cut))
        start = cut
        while start < n and text[start].isspace():
            start += 1
    if start < n or not bounds:
        bounds.append((start, n))
    return bounds


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end the part starting at `start` (at most `limit`, past `start`)."""
    # look back over the second half of the window only: each part keeps at least half the
    # limit, so the look-ups cost the text's length in all
    floor = start + (limit - start) // 2
    for mark in ("\n\n", "\n"):
        at = text.rfind(mark, floor, limit)
        if at > start:
            return at + len(mark)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, floor, limit)]
    if ends:
        return ends[-1]
    at = text.rfind(" ", floor, limit)
    return at + 1 if at > start else limit


def split_article(article: Article, max_chars: int) -> list[tuple[int, int, Article]]:
    """(start, end, part) of each part of an article over `max_chars`; [(0, len, article)]
    when it is not over."""
    max_chars = part_size(article.text, max_chars)
    if len(article.text) <= max_chars:
        return [(0, len(article.text), article)]
    # the dateline is at the top: every part is dated as the whole article would be
    published = article.published or parse_dateline(article.text)
    parts = []
    for start, end in chunk_bounds(article.text, max_chars):
        piece = article.text[start:end]
        part = replace(article, text=piece, id="", published=published, source_id=None,
                       boilerplate=_inside(article.boilerplate, start, end))
        if not piece.startswith(part.text):  # normalizing a part must not move its offsets
            raise ValueError(f"part at {start} changes when normalized")
        parts.append((start, end, part))
    return parts


def part_count(text: str, max_chars: int) -> int:
    """How many parts `split_article` cuts `text` into."""
    return len(chunk_bounds(text, part_size(text, max_chars)))


def part_size(text: str, max_chars: int) -> int:
    """The characters per part for `text`: `max_chars`, or fewer for a text of more than
    `MAX_CHUNK_TOKENS` tokens (estimated: words, other characters, line breaks)."""
    if len(text) <= MAX_CHUNK_TOKENS:  # never more tokens than characters
        return max_chars
    tokens = estimated_tokens(text)
    if tokens <= MAX_CHUNK_TOKENS:
        return max_chars
    return min(max_chars, max(1_000, len(text) * MAX_CHUNK_TOKENS // tokens))


def estimated_tokens(text: str) -> int:
    """About the tokens spaCy makes of `text`: words, other characters, line breaks."""
    return sum(1 for _ in _TOKENISH.finditer(text))


def pipe_groups(articles: list[Article], batch_size: int) -> list[list[Article]]:
    """`articles` in order, in groups of at most `batch_size` that hold at most
    `MAX_CHUNK_TOKENS` tokens together (a longer article alone): spaCy runs a group's docs
    through the model at once, so a group's memory is that of one part of prose."""
    groups: list[list[Article]] = []
    tokens = 0
    for article in articles:
        size = estimated_tokens(article.text)
        if groups and len(groups[-1]) < batch_size and tokens + size <= MAX_CHUNK_TOKENS:
            groups[-1].append(article)
            tokens += size
        else:
            groups.append([article])
            tokens = size
    return groups


def _inside(spans: list[dict], start: int, end: int) -> list[dict]:
    """The spans of [start, end), clipped to it, with offsets into the part."""
    return [{**s, "start": max(s["start"], start) - start, "end": min(s["end"], end) - start}
            for s in spans if s["start"] < end and s["end"] > start]


def merge_records(article: Article, parts: list[tuple[int, int, dict]]) -> dict[str, Any]:
    """One record of `article` from the records of its parts, given as (start, end, record):
    every offset moved by its part's start."""
    record = dict(parts[0][2])
    record["id"] = article.id
    for layer in LAYERS:
        record[layer] = [shift(item, start) for start, _end, part in parts for item in part[layer]]
    record["boilerplate"] = list(article.boilerplate)
    record["chunks"] = [[start, end] for start, end, _part in parts]
    if article.source_id is not None:
        record["source_id"] = article.source_id
    else:
        record.pop("source_id", None)
    return record


def shift(value: Any, offset: int) -> Any:
    """`value` with every character offset (`start`, `end`, `*_start`, `*_end`) moved by
    `offset`, recursively."""
    if isinstance(value, dict):
        return {k: (v + offset if _is_offset(k, v) else shift(v, offset)) for k, v in value.items()}
    if isinstance(value, list):
        return [shift(v, offset) for v in value]
    return value


def _is_offset(key: str, value: Any) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)
            and (key in ("start", "end") or key.endswith(("_start", "_end"))))
