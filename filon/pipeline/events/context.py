"""Per-document state of `filon_events` and the look-ups every rule shares (mentions in a
range, the phrase of a token, the subject of a verb), over plain lists of the token table."""

from __future__ import annotations

import bisect
import itertools
import operator
from collections.abc import Container
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from filon.domains.gazetteer import Gazetteer
from filon.pipeline.events.lexicon import EventLexicon
from filon.pipeline.extensions import doc_text
from filon.pipeline.tokens import TokenTable

AGENT_TYPES = frozenset({
    "person", "government", "state", "organization", "company", "ministry", "agency", "institution",
    "legislature", "political_party", "trade_union", "business_group", "armed group",
    "regional_government",
})
# bodies that are parties of their own deals, whatever state they belong to: a company's
# contract, a party's coalition pact, a union's wage deal, an armed group's truce
OWN_PARTY_TYPES = frozenset({"company", "political_party", "trade_union", "business_group",
                             "armed group", "regional_government"})
SUBJECT_PRONOUNS = frozenset({"il", "elle"})


@dataclass(slots=True)
class EventPack:
    """What the rules read from the domain pack, loaded once per component."""

    lexicon: EventLexicon
    gazetteer: Gazetteer
    nlp: Language
    actor_matcher: PhraseMatcher | None = None  # built on first doc without entities


@dataclass(slots=True)
class Mention:
    """An actor mention in the doc (entity, role, metonymy or nationality adjective)."""

    start: int
    end: int
    tok: int  # first token
    tok_end: int  # one past the last token
    actor_id: str | None
    name: str
    type: str
    party: tuple[str, str] | None  # (id, name) of the state or body it acts for
    demonym: bool = False
    place: bool = False  # a location here ("en Russie", "les territoires d'Ukraine")


@dataclass(slots=True)
class LocalAgreement:
    """An agreement within one article: the key its events share."""

    key: str
    parties: list[tuple[str, str]]
    resources: list[dict]
    signed: str | None = None  # "signed" | "ratified": furthest asserted step read so far in the article
    status: str | None = None  # the status last asserted for it in the article
    subject: dict | None = None  # {"text", "start", "end"} of the phrase that first named it
    domain: str | None = None


@dataclass(slots=True)
class EventContext:
    """Per-doc state the event rules read."""

    doc: Doc
    pack: EventPack
    mentions: list[Mention]
    starts: list[int]
    resources: list[tuple[int, int, str]]  # (start_char, end_char, resource id)
    quotes: list[dict]
    dates: list[dict]
    published: str | None
    doc_topical: bool = False  # the article is in the pack's scope (names a resource of its family)
    text: str = ""  # doc.text, built once (spaCy joins the tokens on every access)
    agreements: list[LocalAgreement] = field(default_factory=list)
    table: TokenTable | None = None  # the doc's token lists, read by every rule
    boilerplate: list[dict] | None = None  # doc._.filon_boilerplate, read once
    # per-doc memos of pure results: (left_edge.idx, right_edge end) by token, "selon X" actors
    # by sentence
    extents: dict[int, tuple[int, int]] = field(default_factory=dict)
    resource_starts: list[int] = field(default_factory=list)
    # (start, end, (quote_start, quote_end)) of each quote, read once
    quote_spans: list[tuple] = field(default_factory=list)  # of `resources`, which are in text order
    # agreement nouns (idioms aside: "d'accord") and negotiation nouns, by token index
    deal_nouns: list[int] = field(default_factory=list)
    talk_nouns: list[int] = field(default_factory=list)
    # words of acts that make a deal without a deal word ("vendu à l'Égypte"), by token index
    standalone: list[int] = field(default_factory=list)
    attributions: dict[tuple[int, int], list[Mention]] = field(default_factory=dict)


def extent(ctx: EventContext, i: int) -> tuple[int, int]:
    """Character range of token `i`'s phrase (`left_edge.idx`, end of `right_edge`), read
    from spaCy (which keeps the edges) once per token."""
    got = ctx.extents.get(i)
    if got is None:
        tok = ctx.doc[i]
        left, right = tok.left_edge, tok.right_edge
        got = ctx.extents[i] = (left.idx, right.idx + len(right))
    return got


def resources_in(ctx: EventContext, start: int, end: int) -> list[tuple[int, int, str]]:
    """The resources starting at a character in `start:end`, in text order."""
    starts = ctx.resource_starts
    return ctx.resources[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]


def named_resources(ctx: EventContext, start: int, end: int) -> list[dict]:
    """The distinct resources named in `start:end`, in text order, as events carry them
    ({"id", "name"})."""
    ids = dict.fromkeys(r[2] for r in resources_in(ctx, start, end))
    return [{"id": rid, "name": ctx.pack.lexicon.resources[rid].name} for rid in ids]


def mentions_in(ctx: EventContext, start: int, end: int) -> list[Mention]:
    i = bisect.bisect_left(ctx.starts, start)
    out = []
    while i < len(ctx.mentions) and ctx.mentions[i].start < end:
        if ctx.mentions[i].end <= end:
            out.append(ctx.mentions[i])
        i += 1
    return out


def mention_at(ctx: EventContext, token: int) -> Mention | None:
    """The mention covering token `token` or heading the phrase it heads."""
    lo, hi = extent(ctx, token)
    inside = [m for m in mentions_in(ctx, lo, hi) if not m.demonym]
    at = ctx.table.idx[token]
    covering = [m for m in inside if m.start <= at < m.end]
    return (covering or inside or [None])[0]


def last_person_before(ctx: EventContext, pos: int) -> Mention | None:
    i = bisect.bisect_left(ctx.starts, pos)
    for m in reversed(ctx.mentions[:i]):
        if m.type == "person":
            return m
    return None


def name_at(ctx: EventContext, tok: Token) -> Mention | None:
    """The party mention covering `tok` (a state, body or city acting for one), if any."""
    for m in mentions_in(ctx, tok.sent.start_char, tok.sent.end_char):
        if m.start <= tok.idx < m.end and m.party and not m.place and not m.demonym:
            return m
    return None


def subject_of(ctx: EventContext, verb: int) -> Mention | None:
    """The actor subject of `verb`: its nsubj, or the nsubj the parser hung on its auxiliary."""
    table = ctx.table
    dep = table.dep
    for child in table.children(verb):
        if dep[child] == "obl:agent":  # "proposé par Bruxelles"
            found = mention_at(ctx, child)
            if found is not None and not found.place and found.type in AGENT_TYPES:
                return found
    heads = [verb, *[c for c in table.children(verb) if dep[c].startswith(("aux", "cop"))]]
    for head in heads:
        for child in table.children(head):
            if dep[child] != "nsubj":
                continue
            if table.lower[child] in SUBJECT_PRONOUNS:
                return last_person_before(ctx, table.idx[child])
            found = mention_at(ctx, child)
            if found is not None and not found.place and found.type in AGENT_TYPES:
                return found
    return None


def deal_word(pack: EventPack, table: TokenTable, i: int) -> bool:
    """An agreement or negotiation noun."""
    lemma = table.lemma_lower[i]
    nouns = pack.lexicon.agreement_nouns
    return lemma in nouns or table.lower[i] in nouns or lemma in pack.lexicon.negotiation_nouns


def anaphoric_only(pack: EventPack, table: TokenTable, noun: int) -> bool:
    """An agreement noun that only points back to a deal already named ("le texte", "la mouture");
    a qualified noun with its complement ("plan de paix") names one."""
    nouns = pack.lexicon.agreement_nouns
    if qualified(pack, table, noun):
        return False
    return bool(nouns.get(table.lemma_lower[noun], nouns.get(table.lower[noun], False)))


def points_back(pack: EventPack, table: TokenTable, nouns: list[int], start: int, end: int) -> bool:
    """One of the agreement nouns (token indices) within [start, end) opens with a determiner
    that points back to a deal already named ("cet accord", "le contrat")."""
    determiners = pack.lexicon.anaphoric_determiners
    return any(start <= i < end and i > 0 and table.lower[i - 1] in determiners for i in nouns)


def qualified(pack: EventPack, table: TokenTable, noun: int) -> bool:
    """A noun that names a deal with its complement only: "plan de paix", "plan de
    cessez-le-feu" (a "plan" alone may be anything: "plan de relance", "plan social")."""
    complements = pack.lexicon.qualified_nouns.get(table.lemma_lower[noun])
    if not complements:
        return False
    def fits(k: int) -> bool:
        return table.lemma_lower[k] in complements or table.lower[k] in complements

    if any(fits(k) for k in range(noun + 1, min(noun + 4, table.n))):
        return True
    # "un échange avec l'Ukraine de 115 prisonniers": further on, a complement of its phrase
    # (the parser may hang it on the partner)
    return any(fits(k) and table.under(k, noun) for k in range(noun + 4, min(noun + 9, table.n)))


# ---------------------------------------------------------------------- helpers
class _TokenRange:
    """The bounds `Doc.char_span` gives, without building the Span."""

    __slots__ = ("end", "end_char", "start", "start_char")

    def __init__(self, table: TokenTable, start: int, end: int) -> None:
        self.start, self.end = start, end
        self.start_char = table.idx[start]
        self.end_char = table.idx[end - 1] + len(table.text[end - 1])


def char_span(doc: Doc, table: TokenTable, start: int, end: int) -> _TokenRange | Span | None:
    """`doc.char_span(start, end, alignment_mode="expand")`, found by bisection on the token
    offsets (tokens and their trailing whitespace tile the text, as spaCy's own search assumes);
    odd ranges (empty, inverted, whitespace only) are left to spaCy."""
    idx = table.idx
    if not (table.n and 0 <= start < end <= len(doc_text(doc))):
        return doc.char_span(start, end, alignment_mode="expand")
    first = bisect.bisect_right(idx, start) - 1
    last = bisect.bisect_right(idx, end - 1) - 1
    if start == idx[first] + len(table.text[first]):
        first += 1  # the start is on the whitespace after a token: spaCy skips it
    if first > last:
        return doc.char_span(start, end, alignment_mode="expand")
    return _TokenRange(table, first, last + 1)


def where(items: list[str], wanted: Container[str], alternative: list[str] | None = None) -> list[int]:
    """Indices of `items` (or of `alternative`, a list as long) holding a member of `wanted`, in
    order: `[i for i, x in enumerate(items) if x in wanted]`, run in C over a doc's tokens."""
    found = map(wanted.__contains__, items)
    if alternative is not None:
        found = map(operator.or_, found, map(wanted.__contains__, alternative))
    return list(itertools.compress(range(len(items)), found))


def within(indices: list[int], lo: int, hi: int) -> list[int]:
    """The sorted `indices` that fall in `lo:hi`."""
    return indices[bisect.bisect_left(indices, lo) : bisect.bisect_left(indices, hi)]


def longest_first(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """`spacy.util.filter_spans` on (match_id, start, end) triples: the longest (then first) of
    overlapping matches, in text order."""
    ordered = sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
    kept = []
    seen: set[int] = set()
    for match in ordered:
        if match[1] not in seen and match[2] - 1 not in seen:
            kept.append(match)
            seen.update(range(match[1], match[2]))
    return sorted(kept, key=lambda m: m[1])


