"""The lookup key of a surface form (and whether an acronym spells a name), shared by the
gazetteer, the place index and the components.

It sits apart from both `gazetteer` and `places` because each needs it and the gazetteer reads
the place index: with the key in either one, the two modules imported each other.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def fold(surface: str) -> str:
    """Lookup key of a surface form: accents and case folded, apostrophes and spaces unified."""
    text = unicodedata.normalize("NFKD", surface)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‐", "-").replace("–", "-")
    return _SPACES.sub(" ", text).strip().casefold()


_WORD = re.compile(r"[A-Za-zÀ-ÿ0-9]+")


def spells(acronym: str, name: str) -> bool:
    """True when the acronym's letters are initials of the name's words, in order.

    'PS' spells 'Parti socialiste'; 'CGT' spells 'Confédération générale du travail' (small
    words may be skipped); 'FEC' does not spell 'Staff-Level Agreement'.
    """
    letters = [c for c in fold(acronym) if c.isalpha()]
    initials = [w[0] for w in _WORD.findall(fold(name))]
    if len(letters) < 2 or not initials:
        return False
    if letters[0] != initials[0]:
        return False
    k = 0
    for initial in initials:
        if k < len(letters) and initial == letters[k]:
            k += 1
    return k == len(letters)
