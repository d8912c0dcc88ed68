"""Long texts in parts: cut at paragraph or sentence ends, processed apart, one record back.

The model's memory grows with the tokens of a doc (about 18 KB each for fr_core_news_md: 40,000
tokens of short lines take 700 MB), and spaCy refuses a text over `nlp.max_length`. A text over
the chunk limit is cut into parts, after a paragraph break where there is one, else after a
line break, a sentence end or a space; each part runs through the pipeline as an article of its
own, and their records are merged into the article's, every offset moved back onto the whole
text. Each part after the first runs behind a lead-in: the end of the part before (its last
paragraphs, or lines, or sentences, up to `LEAD_CHARS`), so that a pronoun, "le ministre", an
"a-t-il ajouté", an anaphoric "l'accord" or a "le lendemain" right after a cut finds what it
stands for. What the pipeline finds in the lead-in belongs to the part before and is dropped;
the lead-in and its part together stay within the chunk limit. What lies further back than the
lead-in is not seen; normal articles, far under the limit, are never cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise
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
# The lead-in of a part: enough for the last paragraphs before a cut (where a pronoun, a title
# or "l'accord" is named), at most a sixteenth of a part's window so that the model runs at most
# 1/15 more characters (3,000 before each part of about 50,000 characters of prose; 1,000
# before each part of short lines, which hold three times the tokens per character).
LEAD_CHARS = 3_000
LEAD_SHARE = 16


@dataclass(frozen=True, slots=True)
class Part:
    """One part of an article: `article` holds the text [lead, end) of the whole; what the
    pipeline finds from `start` on is the part's own, what starts in the lead-in [lead, start)
    belongs to the part before. The whole of a short article is Part(0, 0, len, article)."""

    lead: int
    start: int
    end: int
    article: Article


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


def part_bounds(text: str, max_chars: int) -> list[tuple[int, int, int]]:
    """(lead, start, end) of the parts `split_article` cuts `text` into: [start, end) is the
    part's own text, [lead, start) its lead-in, and [lead, end) at most `part_size` long."""
    max_chars = part_size(text, max_chars)
    if len(text) <= max_chars:
        return [(0, 0, len(text))]
    room = min(LEAD_CHARS, max_chars // LEAD_SHARE)
    bounds = chunk_bounds(text, max_chars - room)
    out = [(0, *bounds[0])]
    for (before, _), (start, end) in pairwise(bounds):
        out.append((lead_in(text, max(before, start - room), start), start, end))
    return out


def lead_in(text: str, floor: int, start: int) -> int:
    """Where the lead-in of the part at `start` begins, at `floor` or after: the first paragraph
    start, else line start, else sentence start, else word start; `start` when there is none."""
    for mark in ("\n\n", "\n"):
        at = text.find(mark, floor, start)
        if at >= 0 and (begin := _skip_space(text, at + len(mark), start)) < start:
            return begin
    found = _SENTENCE_END.search(text, floor, start)
    if found and (begin := _skip_space(text, found.end(), start)) < start:
        return begin
    at = text.find(" ", floor, start)
    return _skip_space(text, at + 1, start) if at >= 0 else start


def _skip_space(text: str, at: int, stop: int) -> int:
    while at < stop and text[at].isspace():
        at += 1
    return at


def split_article(article: Article, max_chars: int) -> list[Part]:
    """The parts of an article over `max_chars` (or denser in tokens than that much prose), each
    with its lead-in; [Part(0, 0, len, article)] when it is not over."""
    bounds = part_bounds(article.text, max_chars)
    if len(bounds) == 1:
        return [Part(0, 0, len(article.text), article)]
    # the dateline is at the top: every part is dated as the whole article would be
    published = article.published or parse_dateline(article.text)
    parts = []
    for lead, start, end in bounds:
        piece = article.text[lead:end]
        part = replace(article, text=piece, id="", published=published, source_id=None,
                       boilerplate=_inside(article.boilerplate, lead, end))
        if not piece.startswith(part.text):  # normalizing a part must not move its offsets
            raise ValueError(f"part at {lead} changes when normalized")
        parts.append(Part(lead, start, end, part))
    return parts


def part_count(text: str, max_chars: int) -> int:
    """How many parts `split_article` cuts `text` into."""
    return len(part_bounds(text, max_chars))


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


def merge_records(article: Article, parts: list[tuple[Part, dict]]) -> dict[str, Any]:
    """One record of `article` from the records of its parts: every offset moved by its part's
    `lead`, what a part found in its lead-in dropped (the part before found it), and each
    event's `quote_index` pointing into the merged quotes."""
    record = dict(parts[0][1])
    record["id"] = article.id
    merged: dict[str, list[dict]] = {layer: [] for layer in LAYERS}
    quote_at: dict[tuple[int, int], int] = {}  # (start, end) of a merged quote: its index
    for part, part_record in parts:
        own = part.start - part.lead
        for layer in LAYERS:
            for item in part_record[layer]:
                if _anchor(item) >= own:
                    merged[layer].append(moved := shift(item, part.lead))
                    if layer == "quotes":
                        quote_at.setdefault((moved["start"], moved["end"]), len(merged[layer]) - 1)
                    elif layer == "events" and isinstance(item.get("quote_index"), int):
                        # the quote may be one of the lead-in's, merged from the part before
                        quote = part_record["quotes"][item["quote_index"]]
                        moved["quote_index"] = quote_at.get(
                            (quote["start"] + part.lead, quote["end"] + part.lead))
    record.update(merged)
    record["boilerplate"] = list(article.boilerplate)
    record["chunks"] = [[part.start, part.end] for part, _record in parts]
    if article.source_id is not None:
        record["source_id"] = article.source_id
    else:
        record.pop("source_id", None)
    return record


def _anchor(item: dict) -> int:
    """Where an item starts, for telling whose it is: an event by its trigger word (its evidence
    sentence may reach back over a cut), anything else by its span."""
    for key in ("trigger", "evidence"):
        if isinstance(item.get(key), dict):
            return item[key]["start"]
    return item["start"]


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
