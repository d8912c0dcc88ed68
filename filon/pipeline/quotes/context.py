"""The per-document data every step of `filon_quotes` reads: text, tokens, sentences, mentions,
quotation marks, cue hits, and the speakers found so far.

`DocContext` is built once per document (`build_context`) and passed to the steps (speakers,
statements, attribution). Everything in it is plain data or a bisection over it; the only
fields the steps change are `speaker_events` (who spoke where, in text order, read by pronouns
and by quotes with no cue) through `add_event`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc, Span

from filon.domains.gazetteer import Gazetteer
from filon.pipeline.extensions import doc_text, in_spans, published_day
from filon.pipeline.paragraphs import break_cuts_a_clause
from filon.pipeline.quotes.cues import FINAL_PUNCT, QUOTE_CHARS, CueLexicon, CueScanner, Hit
from filon.pipeline.quotes.marks import QuoteSpan, find_quotes
from filon.pipeline.quotes.mentions import collect_mentions
from filon.pipeline.tokens import TokenTable, token_table


@dataclass(slots=True)
class DocContext:
    """One document's shared data, and the offset look-ups over it (all bisections)."""

    doc: Doc
    text: str
    gaz: Gazetteer
    day: date | None  # the publication date, for roles ("le président russe" on that day)
    skip: list[dict]  # boilerplate spans (`doc._.filon_boilerplate`)
    subheadings: list[dict]  # the subheadings among them: their quotes are kept
    table: TokenTable  # the token attributes as plain lists, shared with filon_events
    sents: list[Span]
    mentions: list[dict]  # entity mentions outside boilerplate, in text order
    quotes: list[QuoteSpan]  # every quotation outside captions and credits, nested ones too
    top: list[QuoteSpan]  # the top-level ones (depth 0)
    scanner: CueScanner
    hits: list[Hit]  # reporting cues, in text order
    sent_starts: list[int] = field(default_factory=list)
    mention_starts: list[int] = field(default_factory=list)  # for bisection
    mention_at: dict[int, int] = field(default_factory=dict)  # token index -> mention index
    quote_bounds: set[tuple[int, int]] = field(default_factory=set)  # (open_start, close_end), top level
    quote_ranges: list[tuple[int, int]] = field(default_factory=list)  # the same, sorted
    quote_starts: list[int] = field(default_factory=list)
    hit_starts: list[int] = field(default_factory=list)
    inside: list[bool] = field(default_factory=list)  # token -> inside a top-level quotation
    speaker_events: list[tuple[int, dict]] = field(default_factory=list)  # (offset, speaker), sorted
    speaker_keys: list[int] = field(default_factory=list)  # the offsets of `speaker_events`
    # clause bounds (`content.ClauseIndex`), built there on first use; typed loosely so that
    # this module, which content reads, does not import it back
    clauses: Any = None

    def token_at(self, char: int) -> int:
        """Index of the token holding character `char` (or the nearest before it)."""
        return max(0, bisect_right(self.table.idx, char) - 1)

    def sent_of(self, i: int) -> int:
        """Index of the sentence holding token `i`."""
        return max(0, bisect_right(self.sent_starts, i) - 1)

    def span_dict(self, i: int, j: int) -> tuple[int, int]:
        """Character offsets of tokens [i, j)."""
        t = self.table
        return t.idx[i], t.idx[j - 1] + len(t.text[j - 1])

    def sentence_opening(self, i: int) -> int:
        """The first token of token `i`'s sentence that is not whitespace (at most `i`)."""
        k = self.sents[self.sent_of(i)].start
        while k < i and self.table.space[k]:
            k += 1
        return k

    def in_quote(self, char: int) -> bool:
        """True when the character lies inside a top-level quotation."""
        k = bisect_right(self.quote_starts, char) - 1
        return k >= 0 and char < self.quote_ranges[k][1]

    def has_mention(self, i: int, j: int) -> bool:
        """True when one of tokens [i, j) belongs to a mention."""
        return any(k in self.mention_at for k in range(i, j))

    def add_event(self, pos: int, speaker: dict) -> None:
        """Record that `speaker` spoke at character `pos` (kept in text order)."""
        k = bisect_right(self.speaker_keys, pos)
        self.speaker_keys.insert(k, pos)
        self.speaker_events.insert(k, (pos, speaker))

    def cue_fields(self, hit: Hit) -> dict:
        """The cue fields of an item: the cue as written, its offsets and its lemma."""
        # the scanner only includes an auxiliary (and "s'", "-t-il") when it is contiguous to
        # the verb, so "a dans le même temps assuré" gives "assuré"
        start, end = self.span_dict(hit.start, hit.end)
        return {"cue": self.text[start:end], "cue_start": start, "cue_end": end, "cue_lemma": hit.cue.lemma}


def no_cue() -> dict:
    """The cue fields of an item with no cue."""
    return {"cue": None, "cue_start": None, "cue_end": None, "cue_lemma": None}


def build_context(doc: Doc, lexicon: CueLexicon, gaz: Gazetteer) -> DocContext:
    """Everything the steps read about `doc`, computed once."""
    text = doc_text(doc)
    day = published_day(doc)
    skip = doc._.filon_boilerplate or []
    table = token_table(doc)
    sents = sentences(doc, table)
    # quotes in captions and credits are skipped; a subheading may quote someone (« Pas une
    # dette ») and is kept, attributed by the paragraph under it
    subheadings = [b for b in skip if b.get("kind") == "subheading"]
    hard_skip = [b for b in skip if b.get("kind") != "subheading"]
    quotes = [q for q in find_quotes(text) if not in_spans(q.open_start, q.close_end, hard_skip)]
    top = [q for q in quotes if q.depth == 0]
    scanner = CueScanner(doc, lexicon, skip, table)
    ctx = DocContext(
        doc=doc, text=text, gaz=gaz, day=day, skip=skip, subheadings=subheadings, table=table,
        sents=sents, mentions=collect_mentions(doc, text, gaz, day, skip), quotes=quotes, top=top,
        scanner=scanner, hits=scanner.hits(),
    )  # fmt: skip
    ctx.sent_starts = [s.start for s in sents]
    ctx.mention_starts = [m["start"] for m in ctx.mentions]
    for k, m in enumerate(ctx.mentions):
        for i in range(ctx.token_at(m["start"]), ctx.token_at(max(m["start"], m["end"] - 1)) + 1):
            ctx.mention_at.setdefault(i, k)
    ctx.quote_bounds = {(q.open_start, q.close_end) for q in top}
    ctx.quote_ranges = sorted(ctx.quote_bounds)
    ctx.quote_starts = [r[0] for r in ctx.quote_ranges]
    ctx.hit_starts = [h.start for h in ctx.hits]
    ctx.inside = [False] * len(doc)
    for q in top:
        for i in range(ctx.token_at(q.start), ctx.token_at(max(q.start, q.end - 1)) + 1):
            ctx.inside[i] = True
    return ctx




SENTENCE_ENDS = FINAL_PUNCT | QUOTE_CHARS | {":"}


def sentences(doc: Doc, table: TokenTable | None = None) -> list[Span]:
    """The parser's sentences, re-joined where it cut without a sentence end.

    The parser sometimes makes a sentence of a lone subject ("Pékin | a prévenu que …"); a cue
    would then lose its subject. A cut stands only after final punctuation, a closing quote
    mark, a colon or a line break. Works on the token lists of `table` (built when not given).
    """
    if not doc.has_annotation("SENT_START"):
        return [doc[:]]
    t = table if table is not None else token_table(doc)
    text, space = t.text, t.space
    out: list[list[int]] = []  # [start, end) token ranges
    for sent in doc.sents:
        s0, s1 = sent.start, sent.end
        if out:
            p0, p1 = out[-1]
            k = p1 - 1
            while k >= p0 and space[k]:
                k -= 1
            last = text[k] if k >= p0 else None
            ends = last is None or last in SENTENCE_ENDS
            # a token's trailing whitespace is one space or nothing: a line break is in its text
            ends = ends or "\n" in text[p1 - 1]
            first = text[s0]
            # '« … », a-t-il dit' cut after the closing mark: a comma or a lowercase word cannot
            # open a sentence
            continues = first in (",", ";", ")") or (first[:1].islower() and first[:1].isalpha())
            if not ends or (continues and last is not None and last not in FINAL_PUNCT):
                out[-1][1] = s1
                continue
        out.append([s0, s1])
    # a paragraph break ends a sentence, whatever the parser joined across it, unless the
    # break falls inside a clause (web copy rewritten by aggregators breaks lines after "sur",
    # before ", selon lui")
    split: list[Span] = []
    for s0, s1 in out:
        start = s0
        for i in range(s0, s1 - 1):
            if space[i] and "\n" in text[i] and not _inside_clause(t, s0, i, s1):
                split.append(doc[start : i + 1])
                start = i + 1
        split.append(doc[start:s1])
    return split


def _inside_clause(t: TokenTable, s0: int, i: int, s1: int) -> bool:
    """True when the line break at whitespace token `i` cuts a clause: the line before ends on
    a function word ("sur", "les", "que") or the line after opens in lowercase or on a comma."""
    b = i - 1
    while b >= s0 and t.space[b]:
        b -= 1
    a = i + 1
    while a < s1 and t.space[a]:
        a += 1
    if b < s0 or a >= s1:
        return False
    return break_cuts_a_clause(t.pos[b], t.text[a])
