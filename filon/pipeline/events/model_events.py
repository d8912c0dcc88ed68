"""Agreement events read by the learned status model, in sentences where no cue of the rules
matched.

A sentence qualifies when it names a deal or talks (a noun of the pack) and at least one party
that is not only a source ("selon Moscou"), or, once the article has told of a deal, none (the
deal's parties then stand: "L'accord prévoit …"); the model then says whether it asserts a
status, and which. The event it makes carries the same fields as a rule's, with `cue` "model",
the model's `confidence`, the parties named in the sentence, the deal of the article they belong
to, and the speaker of the statement around the noun as claimant.
"""

from __future__ import annotations

from spacy.tokens import Span

from filon.pipeline.events import syntax as syn
from filon.pipeline.events.claimants import claimant_of, on_record
from filon.pipeline.events.context import EventContext, anaphoric_only, mentions_in, named_resources, within
from filon.pipeline.events.learned import StatusModel, deal_tokens, governing_verb, read_sentence
from filon.pipeline.events.lexicon import COARSE_STATUS, Trigger
from filon.pipeline.events.local_agreements import local_agreement_of
from filon.pipeline.events.parties import attributions, order_parties
from filon.pipeline.events.subjects import deal_domain, deal_subject
from filon.pipeline.events.timing import event_date

MODEL_CUE = "model"


def sentence_parties(ctx: EventContext, sent: Span) -> list[tuple[str, str]]:
    """The parties named in the sentence, sources of "selon X" aside, in text order."""
    told = attributions(ctx, sent)
    return syn.unique([m.party for m in mentions_in(ctx, sent.start_char, sent.end_char)
                       if m.party and not m.place and not syn.in_any(m.start, told)])


def model_event(ctx: EventContext, sent: Span, model: StatusModel, scope: tuple[bool, bool]) -> dict | None:
    """The event the model reads in `sent`, or None (no deal noun, no party, no status, or a
    status below the model's threshold)."""
    nouns = deal_tokens(ctx, sent.start, sent.end)
    if not nouns:
        return None
    if not ctx.agreements and all(anaphoric_only(ctx.pack, ctx.table, i) for i in nouns):
        return None  # "vingt projets miniers", "le document" name a deal only after one was told
    parties = sentence_parties(ctx, sent)
    if not parties and not ctx.agreements:
        # "L'accord prévoit …" names no party: it speaks of a deal already told, else of none
        return None
    label, confidence = model.predict(read_sentence(ctx, sent, nouns))
    if label == "none" or confidence < model.threshold:
        return None
    table = ctx.table
    talk_nouns = within(ctx.talk_nouns, sent.start, sent.end)
    deal = [i for i in nouns if i not in talk_nouns]
    resources = named_resources(ctx, sent.start_char, sent.end_char)
    # a guess must not grow the parties of a deal the rules read: the names of its sentence
    # stay on its own event
    local = local_agreement_of(ctx, parties, resources, scope, deal, talk_nouns, grow=False)
    if local is None:
        return None
    parties = syn.unique(parties + local.parties)
    noun = nouns[0]
    span = Span(ctx.doc, noun, noun + 1)
    predicate = governing_verb(ctx, noun)
    trig = Trigger(id=MODEL_CUE, type="agreement", status=label)
    claimed_by, quote_index = claimant_of(ctx, sent, span, trig, None, predicate)
    subject = deal_subject(ctx, deal or talk_nouns, local)
    date_value, date_source = event_date(ctx, sent, sent, span, predicate, [])
    domain = deal_domain(ctx, subject, ctx.text[sent.start_char : sent.end_char], resources, local)
    local.subject = local.subject or subject
    local.status = label
    return {
        "type": "agreement",
        "status": label,
        "parties": [{"name": name, "id": pid} for pid, name in order_parties(ctx.pack, parties)],
        "actors": [],
        "subject": subject["text"] if subject else None,
        "subject_span": subject,
        "domain": domain,
        "resources": resources or list(local.resources),
        "date": date_value,
        "date_source": date_source,
        "planned_date": None,
        "agreement_id": local.key,
        "evidence": {"start": sent.start_char, "end": sent.end_char,
                     "text": ctx.text[sent.start_char : sent.end_char]},
        "clause": {"start": sent.start_char, "end": sent.end_char},
        "trigger": {"text": table.text[noun], "start": table.idx[noun],
                    "end": table.idx[noun] + len(table.text[noun])},
        "cue": MODEL_CUE,
        "status_cue": label,
        "coarse_status": COARSE_STATUS[label],
        "detail": "model",
        "negated": False,
        "modality": "asserted",
        "claimed_by": on_record(claimed_by),
        "quote_index": quote_index,
        "confidence": round(confidence, 3),
    }
