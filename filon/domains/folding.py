"""The lookup key of a surface form, shared by the gazetteer, the place index and the components.

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
