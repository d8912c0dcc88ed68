"""The date of an event: its clause's, its sentence's, else the article's."""

from __future__ import annotations

from spacy.tokens import Span

from filon.pipeline.events import syntax as syn
from filon.pipeline.events.context import (
    EventContext,
)


def event_date(ctx: EventContext, sent: Span, region: Span, span: Span, predicate: int,
    foreign: list[tuple[int, int]] | None = None,
) -> tuple[str | None, str | None]:
    """The trigger's clause date, else a date of the sentence outside the other triggers'
    clauses, else none for a pluperfect or a background participle, else the article's."""
    def nearest(items: list[dict]) -> dict | None:
        return min(items, key=lambda d: abs(d["start"] - span.start_char)) if items else None

    in_region = [d for d in ctx.dates if region.start_char <= d["start"] < region.end_char]
    in_sent = [d for d in ctx.dates if sent.start_char <= d["start"] < sent.end_char
               and not any(a <= d["start"] < b for a, b in foreign or [])]
    found = nearest(in_region) or nearest(in_sent)
    if found is not None:
        return found["value"], "sentence"
    if syn.pluperfect(ctx.table, predicate):
        return None, None  # "avait rejeté": before the article's day, date unknown
    if ctx.table.dep[predicate].startswith("acl") and "Part" in ctx.table.feats(predicate, "VerbForm"):
        return None, None  # "l'accord signé avec Kiev": background, date unknown
    if ctx.published:
        return ctx.published, "published"
    return None, None

