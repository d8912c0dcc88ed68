"""Who says a quotation that has no cue next to it.

A whole quoted sentence continues the last speaker within three sentences, or the person who
is the subject just before it, or (interview copy) answers the question asked before it;
a fragment governed by a verb whose subject is a person is that person's wording; a quote in a
subheading is an excerpt of what the paragraph under it says.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Token

from filon.domains.folding import fold
from filon.domains.gazetteer import slugify
from filon.pipeline.quotes.context import DocContext, no_cue
from filon.pipeline.quotes.cues import QUOTE_CHARS
from filon.pipeline.quotes.marks import QuoteSpan
from filon.pipeline.quotes.mentions import speaker_from_mention
from filon.pipeline.quotes.speakers import SpeakerResolver
from filon.pipeline.quotes.subjects import is_title


def context_speaker(ctx: DocContext, speakers: SpeakerResolver, q: QuoteSpan) -> dict | None:
    """Speaker of a quoted sentence with no cue: the last speaker within three sentences,
    else the subject person of one of the two sentences before."""
    qi = ctx.token_at(q.start)
    s = ctx.sent_of(qi)
    k = bisect_right(ctx.speaker_keys, q.open_start) - 1
    if answers_question(ctx, q):
        # "Écoutez X en discuter avec Y. [question ?] « answer »": the guest answers, not
        # whoever the question names
        guest = interviewee(ctx, q.open_start)
        if guest is not None:
            return guest
    # a person who is the subject of the sentence right before, after the last speaker
    # ("Elle marque une pause. « … »"), is the one who goes on
    subject = previous_subject(ctx, speakers, s)
    if subject is not None and (k < 0 or ctx.speaker_events[k][0] < subject[0]):
        return subject[1]
    if k >= 0:
        pos, speaker = ctx.speaker_events[k]
        # a quote's speaker counts from the end of that quote (a long answer runs over
        # several sentences before the next one opens)
        r = bisect_right(ctx.quote_starts, pos) - 1
        if r >= 0 and pos < ctx.quote_ranges[r][1]:
            pos = ctx.quote_ranges[r][1] - 1
        if s - ctx.sent_of(ctx.token_at(pos)) <= 3:
            return speaker
    if answers_question(ctx, q):
        # interview copy: a question in narration, then the answer in quotes; the answer is
        # the interviewee's, the last speaker (or person named) however far back
        if k >= 0:
            return ctx.speaker_events[k][1]
        person = speakers.pronouns.last_person(q.open_start, None)
        if person is not None:
            return person
    for back in (1, 2):
        if s - back < 0:
            break
        sent = ctx.sents[s - back]
        for tok in sent:
            if tok.dep_.startswith("nsubj") and tok.i in ctx.mention_at:
                m = ctx.mentions[ctx.mention_at[tok.i]]
                if m["label"] == "PER":
                    return speaker_from_mention(ctx.gaz, m)
    return None


def previous_subject(ctx: DocContext, speakers: SpeakerResolver, s: int) -> tuple[int, dict] | None:
    """(offset, speaker) of the person subject ("Elle", "Anne Leroy") of the sentence before
    sentence `s`, outside quotes, or None."""
    k = s - 1
    while k >= 0 and not ctx.sents[k].text.strip(" \n«»\u00a0"):
        k -= 1
    if k < 0:
        return None
    for tok in ctx.sents[k]:
        if not tok.dep_.startswith("nsubj") or ctx.in_quote(tok.idx):
            continue
        if fold(tok.text) in ("il", "elle") and tok.pos_ == "PRON":
            speaker = speakers.resolve(tok.i, tok.i + 1)
            if speaker is not None and speaker.get("name"):
                return tok.idx, speaker
            return None
        if tok.i in ctx.mention_at and ctx.mentions[ctx.mention_at[tok.i]]["label"] == "PER":
            return tok.idx, speaker_from_mention(ctx.gaz, ctx.mentions[ctx.mention_at[tok.i]])
        # "La ministre X s'est faite discrète. « … »": a title with the name in its phrase
        named = [ctx.mentions[ctx.mention_at[t.i]] for t in tok.subtree
                 if t.i in ctx.mention_at and t.i < tok.head.i]
        person = next((m for m in named if m["label"] == "PER"), None)
        if person is not None and is_title(ctx, tok.left_edge.i, tok.i + 1):
            return tok.idx, speaker_from_mention(ctx.gaz, person)
        return None
    return None


# what introduces the guest of an interview ("Écoutez X en discuter", "entrevue avec X",
# "l'invité de l'émission, X")
_INTERVIEW = re.compile(r"(?:[ÉE]coutez|écoutez|[Ee]ntrevue avec|[Ee]ntretien avec"
                        r"|[Ii]nterview(?:ée?)?\s+(?:de|avec)|[Ii]nvitée?\s+(?:de|d['’]|du))\s+")


def interviewee(ctx: DocContext, before: int) -> dict | None:
    """The guest of an interview the text introduces before offset `before`: the name right
    after the last "Écoutez", "entrevue avec" (tagged or not: two to four capitalised words),
    or the person named within its sentence after "l'invité de …"."""
    last = None
    for found in _INTERVIEW.finditer(ctx.text, 0, before):
        last = found
    if last is None:
        return None
    tb = ctx.table
    k = ctx.token_at(last.end())
    if k in ctx.mention_at and ctx.mentions[ctx.mention_at[k]]["label"] == "PER":
        return speaker_from_mention(ctx.gaz, ctx.mentions[ctx.mention_at[k]])
    end = k
    while end < tb.n and end - k < 4 and tb.alpha[end] and tb.text[end][:1].isupper() \
            and end not in ctx.mention_at:
        end += 1
    if end - k >= 2:
        start_char, end_char = ctx.span_dict(k, end)
        name = ctx.text[start_char:end_char]
        return {"name": name, "id": f"filon:person-{slugify(name)}", "text": name,
                "start": start_char, "end": end_char}
    limit = min(before, ctx.sents[ctx.sent_of(ctx.token_at(last.start()))].end_char, last.end() + 80)
    for m in ctx.mentions:
        if last.end() <= m["start"] < limit and m["label"] == "PER":
            return speaker_from_mention(ctx.gaz, m)
    return None


def answers_question(ctx: DocContext, q: QuoteSpan) -> bool:
    """True when the text right before the quote is a question asked in narration (the
    interviewer's, in the paragraph before or the same one), so that the quote answers it."""
    j = q.open_start - 1
    while j >= 0 and ctx.text[j].isspace():
        j -= 1
    return j >= 0 and ctx.text[j] == "?" and not ctx.in_quote(j)


# Verbs whose clause takes its subject from the verb above ("se sont engagées à coopérer pour
# lutter « … »").
_CLIMB_DEPS = ("xcomp", "advcl")


def fragment_root(ctx: DocContext, qi0: int, qi1: int) -> int | None:
    """The token of a quoted fragment (tokens [qi0, qi1)) that hangs on a word outside it (its
    governing word), or None when the fragment holds its own sentence's root."""
    tb = ctx.table
    return next((k for k in range(qi0, qi1) if not qi0 <= tb.head[k] < qi1), None)


def fragment_subject(ctx: DocContext, speakers: SpeakerResolver, qi0: int, qi1: int) -> dict | None:
    """The subject of the verb that governs a quoted fragment (tokens [qi0, qi1)), or None:
    a person (or a pronoun resolved to one), or a body when the quote opens the noun phrase
    ("Kiev attend « des actes »"); a body with a determined quoted noun ("sa « mine verte »")
    is naming a thing, not speaking. A verb with no subject that names someone hands the
    fragment to the verb it depends on (up to three clauses up)."""
    doc = ctx.doc
    sent = ctx.sents[ctx.sent_of(qi0)]
    k = fragment_root(ctx, qi0, qi1)
    if k is None:
        return None
    verb = doc[k].head
    for _ in range(2):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    for _ in range(3):
        if verb.pos_ not in ("VERB", "AUX") or not sent.start <= verb.i < sent.end:
            return None
        # the nearest subject: the parser may hang a byline on the verb as a second one
        subj = max((c for c in verb.children if c.dep_ == "nsubj" and c.i < qi0), default=None,
                   key=lambda c: c.i)
        if subj is not None and fold(subj.text) == "qui" and verb.dep_ == "acl:relcl":
            subj = verb.head  # "X, qui a dit attendre « … »": the relative's antecedent
        if subj is not None:
            speaker = _subject_speaker(ctx, speakers, subj, qi0)
            if speaker is not None:
                return speaker
        if verb.dep_ not in _CLIMB_DEPS or verb.head is verb:
            return None
        verb = verb.head
    return None


def _subject_speaker(ctx: DocContext, speakers: SpeakerResolver, subj: Token, qi0: int) -> dict | None:
    """Who the subject `subj` of a verb governing a fragment (opening at `qi0`) names, if a
    speaker (see `fragment_subject`)."""
    doc = ctx.doc
    tb = ctx.table
    if fold(subj.text) in ("il", "elle"):
        speaker = speakers.resolve(subj.i, subj.i + 1)
        return speaker if speaker is not None and speaker.get("name") else None
    if subj.i not in ctx.mention_at:
        # "La ministre de l'Intérieur, Yvette Cooper, a vanté « … »": the name in apposition
        named = [ctx.mentions[ctx.mention_at[t.i]] for t in subj.subtree
                 if t.i < qi0 and t.i in ctx.mention_at]
        person = next((m for m in named if m["label"] == "PER"), None)
        if person is not None:
            return speaker_from_mention(ctx.gaz, person)
        return _described_persons(ctx, speakers, subj, qi0)
    m = ctx.mentions[ctx.mention_at[subj.i]]
    if any(c.dep_ == "conj" and c.i < qi0 and c.i in ctx.mention_at for c in subj.children):
        # "l'UE et la Tunisie se sont engagées à … « … »": both say it
        left = min(t.i for t in subj.subtree)
        right = min(qi0, max(t.i for t in subj.subtree) + 1)
        joint = speakers.resolve(left, right)
        if joint is not None and joint.get("speakers"):
            return joint
    if m["label"] == "PER":
        return speaker_from_mention(ctx.gaz, m)
    # a body or a capital used as one ("Kiev attend « des actes »") speaks only when the
    # quote opens the noun phrase itself; after a determiner ("sa « mine verte »") the marks
    # name a thing
    actor_like = m["label"] == "ORG" or m.get("kind") == "metonymy" or m.get("refers_to")
    k = qi0 - 1
    while k >= 0 and (tb.space[k] or tb.text[k] in QUOTE_CHARS):
        k -= 1
    before = doc[k] if k >= 0 else None  # the word before the opening mark
    if actor_like and before is not None and before.pos_ not in ("DET", "ADP"):
        return speaker_from_mention(ctx.gaz, m)
    return None


def _described_persons(ctx: DocContext, speakers: SpeakerResolver, subj: Token, qi0: int) -> dict | None:
    """The persons a definite subject describes ("les deux dirigeants s'étaient engagés à
    « … »", "le ministre veut « … »"), when it resolves to named persons; else None."""
    tb = ctx.table
    left = min(t.i for t in subj.subtree)
    right = min(qi0, max(t.i for t in subj.subtree) + 1)
    if subj.pos_ != "NOUN" or tb.low[left] not in ("le", "la", "les", "l'", "l’") or right <= subj.i:
        return None
    speaker = speakers.resolve(left, right)
    if speaker is None:
        return None
    members = speaker.get("speakers") or ([speaker] if speaker.get("name") else [])
    persons = [m for m in members if speakers.pronouns.is_person(m)]
    return speaker if members and len(persons) == len(members) else None


def subheading_quote(ctx: DocContext, q: QuoteSpan, base: dict, fragment: bool) -> dict:
    """A quote in a subheading: a whole quoted line is an excerpt of what the next
    paragraph's first speaker says; a quoted word inside a title is a term."""
    if not fragment:
        k = bisect_right(ctx.speaker_keys, q.close_end)
        limit = ctx.sent_of(ctx.token_at(q.close_end - 1)) + 3
        if k < len(ctx.speaker_events):
            pos, speaker = ctx.speaker_events[k]
            if ctx.sent_of(ctx.token_at(pos)) <= limit:
                return {**base, "speaker": speaker, **no_cue(), "fragment": True}
    return {**base, "kind": "term", "speaker": None, **no_cue(), "fragment": True}
