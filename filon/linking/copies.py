"""Wire copies: the same dispatch printed by several outlets, found with MinHash LSH.

Pure functions over article bodies; the store keeps each article's signature and band keys
(`filon/store/copy_links.py`) so a new article is compared only with the articles sharing a band
with it, never with the whole store.

- Shingles: the body's words (folded: lower case, no accents), `SHINGLE_WORDS` at a time. The
  headline is not part of the body: outlets retitle the dispatches they print.
- MinHash of `NUM_PERM` permutations (datasketch). Bands and rows come from datasketch's
  `MinHashLSH` for `CANDIDATE_THRESHOLD`: two articles whose shingle sets have that Jaccard
  similarity share a band with high probability.
- A candidate is a copy when the Jaccard similarity of the two shingle sets (computed exactly on
  the candidates' texts: the MinHash estimate is ±0.04 at 128 permutations) is at least
  `COPY_THRESHOLD` (0.15); `kind` is "copy" from `VERBATIM_THRESHOLD` (0.6), else "rewrite".
  Measured on the dispatches of `tests/test_copies.py`: an outlet's copy with another headline
  and a paragraph of its own scores 0.83, a rewrite of the dispatch (sentences reordered and
  reworded, the quotes kept) 0.27, another article on the same negotiation the same day 0.02.
- A group of copies points to its earliest article (then the smallest id): `copy_of`.

Machine translations into another language share no word shingles with their source; they are
found only when both sides are in one language.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from filon.domains.folding import fold

SHINGLE_WORDS = 3
NUM_PERM = 128
CANDIDATE_THRESHOLD = 0.15
COPY_THRESHOLD = 0.15
VERBATIM_THRESHOLD = 0.6
_WORD = re.compile(r"\w+", re.UNICODE)

__all__ = ["COPY_THRESHOLD", "band_keys", "kind", "shingles", "signature", "similarity"]


def shingles(text: str) -> set[str]:
    """The body's word shingles, case and accents folded."""
    words = _WORD.findall(fold(text))
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> list[int]:
    """The MinHash signature of a body (`NUM_PERM` unsigned 32-bit values)."""
    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    return [int(v) for v in minhash.hashvalues]


@lru_cache(maxsize=4)
def _bands(threshold: float) -> tuple[int, int]:
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def band_keys(sig: list[int], threshold: float = CANDIDATE_THRESHOLD) -> list[tuple[int, int]]:
    """(band, key) pairs: two signatures agreeing on every row of a band share its key; the
    bands and rows are datasketch's for a candidate `threshold` of Jaccard similarity."""
    bands, rows = _bands(threshold)
    out = []
    for band in range(bands):
        chunk = np.asarray(sig[band * rows:(band + 1) * rows], dtype=np.uint64).tobytes()
        out.append((band, int.from_bytes(hashlib.blake2b(chunk, digest_size=7).digest(), "big")))
    return out


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of two bodies' shingle sets."""
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0


def kind(score: float) -> str:
    """"copy" (the same text, retitled or with a paragraph added) or "rewrite"."""
    return "copy" if score >= VERBATIM_THRESHOLD else "rewrite"
