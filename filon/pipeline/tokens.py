"""Per-doc token attributes as plain lists, read once and shared by filon's components.

`doc[i]` builds a new Python Token and each `.text`/`.lemma_`/`.pos_` looks its string up
again; rules that test every token of every sentence read these lists instead. A table is built
on first use (`token_table`) and kept while its Doc lives, so the quote and event components
share one. Components must not retokenize nor re-tag a doc after its table was built (filon's
don't).
"""

from __future__ import annotations

import weakref

import numpy
from spacy.attrs import DEP, HEAD, IDX, IS_ALPHA, IS_DIGIT, IS_PUNCT, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc

from filon.domains.folding import fold

_TEXTS: dict[int, str] = {}  # string hash -> string (hashes are the same in every vocab)
_FOLDED: dict[int, str] = {}  # string hash -> `fold` of the string
_FEATS: dict[tuple[int, str], list[str]] = {}  # (analysis hash, field) -> values
_CACHE_LIMIT = 1 << 18


class TokenTable:
    """Plain per-token lists of one Doc, read once so that scans need no `Token` objects.

    Every `doc[i]` builds a Python Token and every `.text`/`.lemma_`/`.pos_` does a string-store
    look-up; the cue scan reads each token several times, so the attributes are read here once
    (`Doc.to_array`) and the strings are memoized by hash across documents.

    Lists indexed by token: `text`, `lower` (`Token.lower_`), `low` (`fold` of the text),
    `lemma`, `lemma_lower` (lowercased), `lemma_low` (folded), `pos`,
    `dep`, `idx`, `head` (absolute index; a root is its own head), `morph` (analysis hash) and
    the lexical flags `punct`, `alpha`, `space`, `digit` (0/1, read as truth values). `children`
    and `feats` stand for `Token.children` and `Token.morph.get`.
    """

    __slots__ = (
        "__weakref__", "_by_dep", "_children", "_doc", "alpha", "dep", "digit", "head", "idx", "lemma",
        "lemma_low", "lemma_lower", "low", "lower", "morph", "n", "pos", "punct", "space", "text",
    )  # fmt: skip

    def __init__(self, doc: Doc) -> None:
        self.n = n = len(doc)
        if n:
            attrs = [ORTH, LEMMA, POS, IS_PUNCT, IS_ALPHA, IS_SPACE, IDX, DEP, IS_DIGIT, MORPH, LOWER]
            cols = doc.to_array(attrs).T.tolist()
            # HEAD is an offset, negative for a head on the left: read it as signed
            offsets = doc.to_array([HEAD]).astype("int64").ravel()
            heads = (offsets + numpy.arange(n, dtype="int64")).tolist()
        else:
            cols = [[] for _ in range(11)]
            heads = []
        orths, lemmas, pos, punct, alpha, space, idx, deps, digit, morphs, lowers = cols
        strings = doc.vocab.strings
        if len(_TEXTS) > _CACHE_LIMIT:  # bounded: the strings of a long-running process
            _TEXTS.clear()
            _FOLDED.clear()
            _FEATS.clear()
        texts, folded = _TEXTS, _FOLDED
        for h in set(orths).union(lemmas, deps, lowers):
            if h not in texts:
                s = strings[h]
                texts[h] = s
                folded[h] = fold(s)
        self.text: list[str] = [texts[h] for h in orths]
        self.low: list[str] = [folded[h] for h in orths]
        self.lemma: list[str] = [texts[h] for h in lemmas]
        self.lemma_low: list[str] = [folded[h] for h in lemmas]
        self.lower: list[str] = [texts[h] for h in lowers]
        # lowercased, accents kept: the form event cues are written in
        self.lemma_lower: list[str] = [lemma.lower() for lemma in self.lemma]
        self.pos: list[str] = [POS_NAMES[p] for p in pos]
        self.punct: list[int] = punct
        self.alpha: list[int] = alpha
        self.space: list[int] = space
        self.digit: list[int] = digit
        self.idx: list[int] = idx
        self.dep: list[str] = [texts[h] for h in deps]
        self.head: list[int] = heads
        self._children: tuple[list[int], list[int]] | None = None  # (children, run starts)
        self._by_dep: dict[str, dict[int, list[int]]] = {}
        self.morph: list[int] = morphs  # hash of each token's morphological analysis
        # weakly: `token_table` keeps tables by weak reference to their doc, and a table holding
        # its doc would keep both alive for ever
        self._doc = weakref.ref(doc)

    def feats(self, i: int, field: str) -> list[str]:
        """`doc[i].morph.get(field)`, computed once per distinct analysis (the values are only
        read: the list is shared)."""
        key = (self.morph[i], field)
        got = _FEATS.get(key)
        if got is None:
            doc = self._doc()
            assert doc is not None, "the table's Doc was freed"
            got = _FEATS[key] = doc[i].morph.get(field)
        return got

    def children(self, i: int) -> list[int]:
        """Indices of the syntactic children of token `i`, in text order (`Token.children`)."""
        if self._children is None:
            # every token's children, side by side in one list, with where each token's run
            # starts: one list per token cost more than the rest of the look-ups on long texts
            heads = numpy.asarray(self.head, dtype="int64")
            tokens = numpy.arange(self.n, dtype="int64")
            child = heads != tokens
            order = numpy.argsort(heads[child], kind="stable")
            counts = numpy.bincount(heads[child], minlength=self.n)
            self._children = (tokens[child][order].tolist(),
                              numpy.concatenate(([0], numpy.cumsum(counts))).tolist())
        flat, starts = self._children
        return flat[starts[i] : starts[i + 1]]

    def under(self, k: int, top: int, depth: int = 8) -> bool:
        """True when token `k` is `top` or hangs under it, at most `depth` heads up (the
        phrase of `top`, without building its subtree)."""
        head = self.head
        for _ in range(depth):
            if k == top:
                return True
            if head[k] == k:
                return False
            k = head[k]
        return k == top

    def children_by_dep(self, i: int, prefix: str) -> list[int]:
        """The children of token `i` whose dependency label starts with `prefix`, in text order.

        A root may have thousands of children in a long sentence: looking up one relation
        (an auxiliary, a copula) this way costs nothing per call, where filtering `children`
        made every call linear in the sentence.
        """
        index = self._by_dep.get(prefix)
        if index is None:
            index = self._by_dep[prefix] = {}
            for k, h in enumerate(self.head):
                if h != k and self.dep[k].startswith(prefix):
                    index.setdefault(h, []).append(k)
        return index.get(i, [])


_TABLES: weakref.WeakKeyDictionary[Doc, TokenTable] = weakref.WeakKeyDictionary()


def token_table(doc: Doc) -> TokenTable:
    """The `TokenTable` of `doc`, built on first use."""
    table = _TABLES.get(doc)
    if table is None:
        table = _TABLES[doc] = TokenTable(doc)
    return table
