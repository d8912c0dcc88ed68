"""Who claims an event: the speaker of the statement around it, a reporting verb, "selon X",
or the agent of a speech act."""

from __future__ import annotations

import re

from spacy.tokens import Span

from filon.pipeline.events import syntax as syn
from filon.pipeline.events.context import (
    AGENT_TYPES,
    EventContext,
    Mention,
    mentions_in,
    subject_of,
)
from filon.pipeline.events.lexicon import Trigger

# negate only with "ne" ("plus proche")
# documents that speak for their author ("selon un communiqué de …", "selon la fiche … de la Rada")
_DOCUMENT_NOUNS = frozenset({"communiqué", "fiche", "document", "rapport", "site", "déclaration", "texte",
                             "compte", "note", "publication", "registre"})

# clauses that set the scene of a statement rather than report it
_BACKGROUND_CLAUSE = re.compile(r"\b(?:au moment où|alors que|tandis que|pendant que|à l'heure où)\b",
                                re.IGNORECASE)


def claimant_of(
    ctx: EventContext, sent: Span, span: Span, trig: Trigger, agent: Mention | None, predicate: int,
) -> tuple[dict | None, int | None]:
    pos = span.start_char
    table = ctx.table
    for index, (quote, (start, end, inner)) in enumerate(zip(ctx.quotes, ctx.quote_spans, strict=True)):
        covered = start <= pos < end or (inner[0] is not None and inner[0] <= pos < inner[1])
        if covered and quote.get("kind") == "indirect" and _BACKGROUND_CLAUSE.search(
            ctx.text[quote.get("start", pos) : pos]
        ):
            continue  # "X s'est dit prêt …, au moment où Washington négocie …": the narrator's
        if covered and quote.get("kind") == "indirect" and syn.in_relative(
                table, predicate, sent.start, sent.end):
            return None, None  # "le projet que lui avait soumis Washington": background
        if covered and quote.get("kind") != "term":
            return speaker_claim(quote.get("speaker")), index
    child = predicate
    for anc in syn.ancestors(table, predicate):
        if anc < sent.start or anc >= sent.end:
            break
        if table.dep[child] not in ("ccomp", "xcomp", "obj", "csubj"):
            break  # "au moment où Washington négocie …" is no content of the main verb
        child = anc
        if table.lemma_lower[anc] in ctx.pack.lexicon.reporting_lemmas and table.pos[anc] in ("VERB", "AUX"):
            found = subject_of(ctx, anc)
            if found is None:  # parse errors often detach the subject: take the actor before
                before = [m for m in mentions_in(ctx, sent.start_char, table.idx[anc])
                          if not m.place and not m.demonym and m.type in AGENT_TYPES]
                found = before[0] if before else None
            if found is not None:
                return claim_of([found]), None
    attributed = attribution_in(ctx, sent)
    if attributed:
        return claim_of(attributed), None
    reporter = reporting_before(ctx, sent, span) or reporting_after(ctx, sent, span)
    if reporter is not None:
        return claim_of([reporter]), None
    if trig.speech_act and agent is not None and not syn.in_relative(
            table, predicate, sent.start, sent.end) and not syn.recipient_view(table, predicate):
        return claim_of([agent]), None
    told = told_next(ctx, sent)
    if told is not None:
        return claim_of([told]), None
    return None, None


# "… s'apprête à signer un contrat. C'est ce qu'a annoncé jeudi le ministre X."
_TOLD_NEXT = re.compile(r"\s*C['’]est\s+ce\s+qu['’](?:a|ont|avait|avaient)\s+(\w+)")


def told_next(ctx: EventContext, sent: Span) -> Mention | None:
    """The source a next sentence gives the whole previous one ("C'est ce qu'a annoncé X")."""
    found = _TOLD_NEXT.match(ctx.text, sent.end_char)
    if found is None:
        return None
    span = ctx.doc.char_span(found.start(1), found.end(1), alignment_mode="expand")
    if span is None or ctx.table.lemma_lower[span.start] not in ctx.pack.lexicon.reporting_lemmas:
        return None
    end = ctx.text.find(".", found.end())
    end = len(ctx.text) if end < 0 else end
    after = [m for m in mentions_in(ctx, found.end(), end)
             if not m.place and not m.demonym and m.type in AGENT_TYPES]
    return after[0] if after else None


def on_record(claim: dict | None) -> dict | None:
    """An anonymous or unresolved source ("cette source", "des diplomates", "on") claims
    nothing on the record: the gold conventions give it no asserter."""
    if not claim or claim.get("id") or claim.get("ids"):
        return claim
    name = (claim.get("name") or "").strip()
    return claim if name and name[0].isupper() else None


def attribution_in(ctx: EventContext, sent: Span) -> list[Mention]:
    """Actors after "selon" / "d'après" in the sentence ("selon Kiev et Washington")."""
    key = (sent.start, sent.end)
    found = ctx.attributions.get(key)
    if found is None:  # the same for every event of the sentence
        found = ctx.attributions[key] = attribution_scan(ctx, sent)
    return found


def attribution_scan(ctx: EventContext, sent: Span) -> list[Mention]:
    table = ctx.table
    idx, text = table.idx, table.text
    for i in range(sent.start, sent.end):
        if table.lower[i] not in ctx.pack.lexicon.attribution_cues:
            continue
        following = [k for k in range(i + 1, min(i + 4, sent.end)) if table.pos[k] != "DET"]
        document = bool(following) and table.lemma_lower[following[0]] in _DOCUMENT_NOUNS
        # "selon la fiche du texte publiée sur le site de la Rada": the author of a document
        # speaks for it, a few words further
        last = min(i + (16 if document else 8), sent.end) - 1
        found = [m for m in mentions_in(ctx, idx[i] + len(text[i]), idx[last] + len(text[last]))
                 if not m.demonym]
        if document:
            found = [m for m in found if not m.place][-1:]
        # keep the first noun phrase and what "et" coordinates with it
        kept: list[Mention] = []
        for m in found:
            if not kept:
                kept.append(m)
                continue
            between = ctx.text[kept[-1].end : m.start].strip().lower()
            if between in ("et", "and"):
                kept.append(m)
            else:
                break
        if kept:
            return kept
    return []


def reporting_before(ctx: EventContext, sent: Span, span: Span) -> Mention | None:
    """'X a affirmé … qu'un accord … était très proche': a reporting verb before the trigger
    whose "que" clause holds it, found on tokens when the parse loses the arc."""
    table = ctx.table
    lower = table.lower
    for i in range(span.start - 1, sent.start - 1, -1):
        low = lower[i]
        if low in (";", ":") or (low in ("«", '"') and i < span.start - 1):
            return None
        if low in syn.SEPARATORS and low not in (",", "(", ")"):
            return None  # "…, tandis que Washington négocie": not the content of the verb
        if table.pos[i] != "VERB" or table.lemma_lower[i] not in ctx.pack.lexicon.reporting_lemmas:
            continue
        opens = any(lower[k] in ("que", "qu'", "qu’") for k in range(i + 1, span.start)) or (
            i + 1 < span.start and table.lemma[i + 1] in ("être", "avoir")
        )
        if not opens:
            return None
        found = subject_of(ctx, i)
        if found is None:
            before = [m for m in mentions_in(ctx, sent.start_char, table.idx[i])
                      if not m.place and not m.demonym and m.type in AGENT_TYPES]
            found = before[-1] if before else None
        return found
    return None


def reporting_after(ctx: EventContext, sent: Span, span: Span) -> Mention | None:
    """'…, a indiqué Kiev', '», a déclaré mardi Donald Trump': an inverted reporting verb after
    the clause (right after a comma or closing quote, past auxiliaries and adverbs)."""
    table = ctx.table
    lower, pos = table.lower, table.pos
    for i in range(span.end, sent.end):
        if pos[i] != "VERB" or table.lemma_lower[i] not in ctx.pack.lexicon.reporting_lemmas:
            continue
        j = i - 1
        while j > span.end and (pos[j] in ("AUX", "ADV") or lower[j] in ("-t-il", "-t-elle")):
            j -= 1
        if lower[j] not in (",", "»", '"', "”"):
            return None  # a verb of another clause ("et Kiev a annoncé des élections")
        finite = "Fin" in table.feats(i, "VerbForm") or any(pos[k] == "AUX" for k in range(j + 1, i))
        if not finite:
            return None  # ", clamant que …": a participle adjunct of the subject's own clause
        found = subject_of(ctx, i)
        if found is None:
            after = [m for m in mentions_in(ctx, table.idx[i] + len(table.text[i]), sent.end_char)
                     if not m.place and not m.demonym and m.type in AGENT_TYPES]
            found = after[0] if after else None
        return found
    return None


def speaker_claim(speaker: dict | None) -> dict | None:
    if not speaker:
        return None
    claim = {"name": speaker.get("name") or speaker.get("text"), "id": speaker.get("id")}
    if speaker.get("speakers"):
        claim["ids"] = [s.get("id") for s in speaker["speakers"]]
    return claim


def claim_of(mentions: list[Mention]) -> dict:
    unique = syn.unique([(m.actor_id, m.name) for m in mentions])
    if len(unique) == 1:
        return {"name": unique[0][1], "id": unique[0][0]}
    return {"name": " & ".join(n for _, n in unique), "id": None, "ids": [i for i, _ in unique]}
