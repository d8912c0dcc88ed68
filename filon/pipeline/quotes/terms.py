"""Whether quoted words are someone's: a whole quoted sentence or a fragment of narration, a
speaker's wording or a term (a name, a title, scare quotes).

Functions over the document's `DocContext` and one `QuoteSpan`.
"""

from __future__ import annotations

from spacy.tokens import Token

from filon.domains.folding import fold
from filon.pipeline.quotes.context import DocContext
from filon.pipeline.quotes.cues import QUOTE_CHARS
from filon.pipeline.quotes.marks import QuoteSpan

DEFINITE = frozenset({"le", "la", "les", "l'", "du", "au", "aux", "ce", "cette", "ces"})


def is_fragment(ctx: DocContext, q: QuoteSpan) -> bool:
    """True when the quote sits inside narration rather than standing as a sentence."""
    j = q.open_start - 1
    while j >= 0 and ctx.text[j] in " \t\u00a0\u202f":
        j -= 1
    if j < 0 or ctx.text[j] in "\n.!?…:—–" or ctx.text[j] in '«“"':
        return False
    if ctx.text[j] == "-" and j + 1 < q.open_start:
        return False  # "10h45 - « … »": a dash standing alone opens a live-blog entry
    k = q.end - 1
    inner_sentence = ctx.text[k] in ".!?…" and q.start < len(ctx.text) and ctx.text[q.start].isupper()
    return not (inner_sentence and ctx.text[j] in ",;")


def looks_like_term(ctx: DocContext, q: QuoteSpan, i0: int, i1: int, fragment: bool) -> bool:
    """A short noun phrase used as a name or with scare quotes, not the speaker's words."""
    if not fragment:
        return False
    toks = [t for t in ctx.doc[i0:i1] if t.text not in QUOTE_CHARS]
    if not toks or len(toks) > 8:
        return False
    if has_finite_verb(ctx, i0, i1):
        return False
    if toks[0].pos_ not in ("NOUN", "PROPN", "ADJ", "DET", "X", "NUM") or (
        toks[0].pos_ == "ADJ" and len(toks) == 1
    ):
        return False
    # the word before the opening mark decides: a definite article or a preposition names
    # a known thing ("sur les « matériaux critiques »"), a common noun in apposition
    # announces a title ("le plan « Europe 2030 »"); an indefinite article characterises,
    # which is the speaker's wording ("une « guerre économique »")
    j = ctx.token_at(q.open_start)
    prev = ctx.doc[j - 1] if j > 0 else None
    if prev is None:
        return False
    low = fold(prev.text)
    if prev.text in ("'", "’") and j >= 2:
        # "d'« … »", "l'« … »" split by the tokenizer: the elided word decides
        j -= 1
        prev = ctx.doc[j - 1]
        low = fold(prev.text) + "'"
    if j - 2 >= 0 and _lemma_is_cue(ctx, ctx.doc[j - 2]):
        return False  # the noun phrase is what a cue verb governs: "a dénoncé la « … »"
    if low in DEFINITE or (prev.pos_ == "ADP" and low not in ("de", "d'")):
        return True
    return prev.pos_ == "NOUN" and toks[0].text[:1].isupper()


def _lemma_is_cue(ctx: DocContext, tok: Token) -> bool:
    """True when the token is a reporting cue."""
    return ctx.scanner.is_cue_at(tok.i)


def quoted_name(ctx: DocContext, q: QuoteSpan, i0: int, i1: int) -> bool:
    """A name in quotation marks set after what it names: every word capitalised, four words
    at most, right after a noun, an adjective or an opening bracket ("l'agence italienne
    « ANSA »", "un accord (« Staff-Level Agreement »)"); after "de" or a verb it may be a
    speaker's words ("qualifié de « Grand Satan »")."""
    words = [t for t in ctx.doc[i0:i1] if t.is_alpha]
    if not words or len(words) > 4 or not all(t.text[:1].isupper() for t in words):
        return False
    j = ctx.token_at(q.open_start)
    prev = ctx.doc[j - 1] if j > 0 else None
    return prev is not None and (prev.text == "(" or prev.pos_ in ("NOUN", "ADJ", "PROPN"))


def has_finite_verb(ctx: DocContext, i: int, j: int) -> bool:
    """A finite verb among tokens [i, j): quoted words that make a clause, not a name."""
    tb = ctx.table
    return any(tb.pos[k] in ("VERB", "AUX") and "Fin" in tb.feats(k, "VerbForm") for k in range(i, j))
