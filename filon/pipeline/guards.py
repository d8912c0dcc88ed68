"""What the pipeline refuses before tokenizing: runs of characters its tokenizer splits one by one.

spaCy's tokenizer strips prefixes and suffixes from a whitespace-free chunk one at a time and
searches the rest again after each: a chunk of n quote marks, brackets or commas (« « «
without spaces, `((((`, `l'l'l'…`) costs n² (8,000 of them take seconds, 100,000 minutes).
No prose has such runs; an article holding one is refused with the run's offset, before
the tokenizer sees it, rather than stall its batch.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language

from filon.errors import Errors

# Characters split off one at a time allowed in a row: a couple of hundred cost milliseconds,
# and no URL, hashtag or separator line comes near.
MAX_AFFIX_RUN = 200
_RUN = re.compile(rf"\S{{{MAX_AFFIX_RUN},}}")


@lru_cache(maxsize=64)
def _stretch(nlp: Language, chars: frozenset[str]) -> re.Pattern[str]:
    """A row of pieces the tokenizer of `nlp` splits off one by one: the characters of
    `chars` it strips alone as a prefix or suffix, or an elision ("l'")."""
    tokenizer = nlp.tokenizer
    searches = [s for s in (getattr(tokenizer, "prefix_search", None),
                            getattr(tokenizer, "suffix_search", None)) if s is not None]
    affixes = sorted(ch for ch in chars
                     if any((m := search(ch)) is not None and m.group() == ch for search in searches))
    piece = r"[^\W\d_]{1,6}['’]"
    if affixes:
        piece = "[" + "".join(re.escape(ch) for ch in affixes) + "]|" + piece
    return re.compile(rf"(?:{piece})+")


def affix_run(nlp: Language, text: str) -> str | None:
    """The reason to refuse `text` when one of its whitespace-free runs holds a row of more than
    `MAX_AFFIX_RUN` pieces the tokenizer splits off one by one, else None (linear)."""
    for match in _RUN.finditer(text):
        run = match.group()
        chars = frozenset(ch for ch in set(run) if not ch.isalnum())
        # each row is matched once, as a whole (a search for rows over the limit would retry
        # from every position of a shorter one)
        for row in _stretch(nlp, chars).finditer(run):
            if len(row.group()) <= MAX_AFFIX_RUN or _pieces(row.group()) <= MAX_AFFIX_RUN:
                continue
            shown = "".join(sorted(set(row.group()) & chars))[:8]
            return Errors.F016.format(start=match.start() + row.start(), size=len(row.group()),
                                      chars=shown, limit=MAX_AFFIX_RUN)
    return None


def _pieces(row: str) -> int:
    """How many pieces a row of affixes and elisions holds (an elision counts once)."""
    return len(row) - sum(len(m.group()) - 1 for m in _ELISION.finditer(row))


_ELISION = re.compile(r"[^\W\d_]{1,6}['’]")
