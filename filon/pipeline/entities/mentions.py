"""The candidate mention the entity component passes between its steps, and its char offsets.

A `Mention` is token offsets plus how it was found; everything else the component computes
(identity, gender, metonymy) lives in the entity dicts built from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from filon.domains.gazetteer import Actor
from filon.pipeline.tokens import TokenTable

LABELS = ("PER", "ORG", "LOC", "MISC")


@dataclass(slots=True)
class Mention:
    """A candidate mention before linking (token offsets, label and how it was found)."""

    start: int  # token index
    end: int
    label: str
    source: str  # "model" | "gazetteer" | "role"
    actor: Actor | None = None
    role_start: int = 0  # roles: first token of the role phrase itself (after "le", "l'ancien")
    former: bool = False  # roles: "l'ancien président américain", the holder before the date


def span_chars(table: TokenTable, start: int, end: int) -> tuple[int, int]:
    """`doc[start:end]`'s (start_char, end_char), read from the token table (no Span built)."""
    last = end - 1
    return table.idx[start], table.idx[last] + len(table.text[last])
