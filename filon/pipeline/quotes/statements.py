"""Reported statements: "X a assuré que …", "selon X, …", "…, a déclaré X".

For each reporting cue `StatementFinder` finds the speaker (the subject before the verb, an
inverted subject after it, the object of "selon", or the speaker of the clause a participle
hangs on; `filon.pipeline.quotes.subjects`), the reported content (`filon.pipeline.quotes.content`)
and checks that the content fills one of the cue's frames. A statement is an `indirect` item;
the quotation marks inside it later make it `mixed`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import pairwise

from spacy.tokens import Span, Token

from filon.domains.folding import fold
from filon.ingest.dateline import WEEKDAYS
from filon.pipeline.quotes.content import (
    PP_STARTS,
    clause_end,
    clause_index,
    clause_start,
    content_after,
    content_frames,
    object_kinds,
    past_dateline,
)
from filon.pipeline.quotes.context import DocContext
from filon.pipeline.quotes.cues import (
    DEMONSTRATIVE_SOURCES,
    FINAL_PUNCT,
    INFORMATION_NOUNS,
    PRONOUNS,
    QUOTE_CHARS,
    SOURCE_NOUNS,
    Hit,
    opens_cleft,
)
from filon.pipeline.quotes.speakers import SpeakerResolver
from filon.pipeline.quotes.subjects import APPOSED_TITLES, inverted_np, prep_object, subject

TIMESTAMP = re.compile(r"\d{1,2}[h:.]\d{2}")
# what may open a sentence before a participle or infinitive that continues the last speaker
_OPENERS = frozenset({"et", "en", "tout", "d'", "de", "puis", "avant", "non", "sans", "enfin"})


RELATIVE_PRONOUNS = frozenset({"lequel", "laquelle", "lesquels", "lesquelles", "quoi"})
# verbs under which a speech verb in the infinitive tells what may or must be said, not what was
MODAL_LEMMAS = frozenset({"pouvoir", "devoir", "vouloir", "falloir", "souhaiter", "compter"})


# Words of time that may follow an inverted subject ("a déclaré X hier").
_DAY_WORDS = frozenset({"hier", "aujourd'hui", "aujourd’hui", "avant-hier"})

class StatementFinder:
    """Indirect statements of one document, one per reporting cue that has a speaker and a
    content (see the module docstring)."""

    def __init__(self, ctx: DocContext, speakers: SpeakerResolver) -> None:
        self.ctx = ctx
        self.speakers = speakers
        # sentence -> (verb, speaker) of its statements so far: a participle or infinitive
        # hanging on a clause ("…, estimant que …") shares its speaker
        self.sent_speakers: dict[int, list[tuple[int, dict]]] = {}

    def find(self, hits: list[Hit], inside: list[bool]) -> list[dict]:
        """The statements of the cue `hits` (in text order) outside quotations (`inside`: token ->
        inside a top-level quotation), continuations of an earlier one merged in."""
        ctx = self.ctx
        out = []
        prev: Hit | None = None
        for hit in hits:
            if inside[hit.verb] or hit.cue.type == "wording":
                continue  # speech inside a quote belongs to the quote's speaker
            chained = prev is not None and prev.cue.type != "preposition" and (
                hit.start == prev.end
                # "promet de défendre", "a appelé à rejeter": the infinitive is the first cue's content
                or (hit.start == prev.end + 1 and ctx.table.low[prev.end] in ("de", "d'", "a", "à"))
            )
            prev = hit
            if chained and "Inf" in ctx.table.feats(hit.start, "VerbForm"):
                continue  # "a dit espérer …": the infinitive is the content of the first cue
            if passive(ctx, hit):
                continue  # "le rapport a été publié": the subject is what is said, not who
            if describes_noun(ctx, hit):
                continue  # "la fiche publiée sur le site": a participle describing a noun
            if hit.start == hit.verb and hit.verb > 0 and ctx.table.low[hit.verb - 1] == "pour":
                continue  # "pour plaider en faveur de …": a purpose, not something said
            st = self._prep_statement(hit) if hit.cue.type == "preposition" else self._verb_statement(hit)
            if st is not None:
                out.append(st)
                if hit.cue.type == "preposition" and st["speaker"] is not None:
                    ctx.add_event(st["cue_start"], st["speaker"])
        return merge_nested(ctx, out)

    def _verb_statement(self, hit: Hit) -> dict | None:
        """The statement of a verb or locution cue: inverted ("…, a déclaré X"), or with its
        speaker before it and its content after it; None when either is missing."""
        ctx = self.ctx
        doc = ctx.doc
        tb = ctx.table
        s_idx = ctx.sent_of(hit.verb)
        sent = ctx.sents[s_idx]
        cleft = self._cleft_statement(hit, s_idx)
        if cleft is not None:
            return cleft
        inverted = self._inversion(hit)
        if inverted is not None:
            speaker = self.speakers.resolve(*inverted)
            named = titled_name_after(ctx, inverted[1], sent.end) if speaker is not None and \
                speaker.get("name") is None else None
            if named is not None:
                # "…, a indiqué le médiateur, le Premier ministre malaisien X": the name apposed
                speaker = self.speakers.resolve(*named)
            if speaker is not None:
                self.sent_speakers.setdefault(s_idx, []).append((hit.verb, speaker))
                ctx.add_event(tb.idx[hit.start], speaker)  # later pronouns may refer to it
            if speaker is None or (follows_quote(ctx, hit) and quote_opens_clause(ctx, hit, sent)):
                return None  # "« … », a déclaré X": a direct quote's attribution, not a clause
            return inverted_statement(ctx, hit, speaker, sent)
        if hit.inverted is not None:
            return None
        speaker = None
        verb = doc[hit.verb]
        own_subject = any(
            ctx.table.dep[c].startswith("nsubj") and c < hit.start for c in ctx.table.children(hit.verb)
        )
        # "a reproché … et jugé « … »": a participle coordinated to an earlier cue shares its auxiliary
        coordinated = (
            hit.start == hit.verb > 0
            and "Part" in ctx.table.feats(verb.i, "VerbForm")
            and tb.low[hit.verb - 1] == "et"
        )
        # "a souligné que …, mais a averti que …": a finite verb coordinated to an earlier cue
        # with no subject of its own shares that cue's speaker
        k = hit.start - 1
        while k > sent.start and tb.pos[k] == "ADV":
            k -= 1
        coordinated = coordinated or (k > sent.start and tb.low[k] in ("et", "mais", "puis")
                                      and "Inf" not in tb.feats(hit.verb, "VerbForm"))
        if ("Inf" in tb.feats(hit.verb, "VerbForm") and hit.start == hit.verb and tb.dep[hit.verb] == "xcomp"
                and tb.lemma_low[tb.head[hit.verb]] in MODAL_LEMMAS):
            return None  # "la Suisse peut exiger certaines choses", "devrait détailler": not said yet
        if not own_subject and (hit.start == hit.verb or coordinated) and (nonfinite(verb) or coordinated):
            # "…, a-t-il dit, estimant que …", "a lancé X, avant de qualifier …": the speaker of
            # the clause the participle or infinitive hangs on
            earlier = [sp for i, sp in self.sent_speakers.get(s_idx, []) if i < hit.verb]
            speaker = earlier[-1] if earlier else self._narrative_continuation(hit, s_idx)
        if speaker is None:
            speaker_span = subject(ctx, hit)
            if speaker_span is None:
                return None
            speaker = self.speakers.resolve(*speaker_span)
            if speaker is not None and not self.speakers.is_source(speaker, *speaker_span):
                return None  # "la version finale mentionne …": a document, not a speaker
        content = content_after(ctx, hit.end, sent.end)
        if content is None:
            return None
        c0, c1 = content
        frames = content_frames(ctx, c0, c1)
        if "obj" in frames:
            frames |= object_kinds(ctx, c0, c1) & hit.cue.frames
        if not frames & hit.cue.frames:
            return None
        if tb.text[c0] == ":":
            return None
        start_tok = c0 + 1 if tb.low[c0] in ("que", "qu'", "that") and c0 + 1 < c1 else c0
        if speaker is None:
            return None
        self.sent_speakers.setdefault(s_idx, []).append((hit.verb, speaker))
        ctx.add_event(tb.idx[hit.start], speaker)
        start, end = ctx.span_dict(start_tok, c1)
        return indirect(ctx, start, end, speaker, hit)

    def _cleft_statement(self, hit: Hit, s_idx: int) -> dict | None:
        """"<sentence>. C'est ce qu'a annoncé X" (or "Voilà ce que X a dit"): a cleft that
        opens its sentence points back to the sentence before, which is what X said. A quote
        before it is the quote attribution's business (see `_cleft_after`)."""
        ctx = self.ctx
        tb = ctx.table
        sent = ctx.sents[s_idx]
        if s_idx == 0 or hit.cue.type not in ("verb", "locution") or hit.start - sent.start > 14:
            return None
        words = [tb.low[k] for k in range(sent.start, hit.start) if not tb.space[k]]
        # "c'est ce qu'a …", "voilà ce que X a …", not "c'est ainsi que …"
        if not opens_cleft(words) or not any(
                a == "ce" and b in ("qu'", "qu’", "que") for a, b in pairwise(words)):
            return None
        span = inverted_np(ctx, hit) if tb.low[hit.start - 1] in ("qu'", "qu’") else subject(ctx, hit)
        speaker = self.speakers.resolve(*span) if span is not None else None
        if speaker is None:
            return None
        before = ctx.sents[s_idx - 1]
        c1 = before.end
        while c1 > before.start and (tb.punct[c1 - 1] or tb.space[c1 - 1]):
            if tb.text[c1 - 1] in QUOTE_CHARS:
                return None  # « … » C'est ce qu'a dit X: a direct quote
            c1 -= 1
        c0 = past_dateline(ctx, before.start)
        while c0 < c1 and tb.space[c0]:
            c0 += 1
        if c1 - c0 < 3:
            return None
        self.sent_speakers.setdefault(s_idx, []).append((hit.verb, speaker))
        ctx.add_event(tb.idx[hit.start], speaker)
        start, end = ctx.span_dict(c0, c1)
        return indirect(ctx, start, end, speaker, hit)

    def _narrative_continuation(self, hit: Hit, s_idx: int) -> dict | None:
        """The speaker a sentence opening on a bare participle or infinitive goes on with:
        "En précisant que …", "Et d'ajouter que …", "Tout en soulignant que …" continue the
        last speaker of the sentence before (or the one before it); else None."""
        ctx = self.ctx
        tb = ctx.table
        opening = ctx.sentence_opening(hit.start)
        if any(tb.low[k] not in _OPENERS for k in range(opening, hit.start)):
            return None
        k = bisect_right(ctx.speaker_keys, tb.idx[hit.start]) - 1
        if k < 0:
            return None
        pos, speaker = ctx.speaker_events[k]
        back = s_idx - ctx.sent_of(ctx.token_at(pos))
        return speaker if 1 <= back <= 2 and speaker.get("name") else None

    def _inversion(self, hit: Hit) -> tuple[int, int] | None:
        """The inverted subject of a cue that follows what was said ("…, a déclaré X",
        "…, a-t-il précisé"), or None when the cue is not in that position."""
        ctx = self.ctx
        doc = ctx.doc
        tb = ctx.table
        if hit.inverted is not None:
            return hit.inverted, hit.inverted + 1
        after_comma = hit.start > 0 and tb.text[hit.start - 1] in (",", "—", "–")
        # "…, comme le réclamait le Parti socialiste", "comme l'a dit X": the subject follows
        after_comme = hit.start > 1 and tb.low[hit.start - 1] in ("le", "l'", "l’") and \
            tb.low[hit.start - 2] == "comme"
        if not (after_comma or after_comme) and not follows_quote(ctx, hit):
            return None
        if after_comma and not follows_quote(ctx, hit) and self._apposed_subject(hit):
            return None  # "X, directrice de Y, a annoncé la signature": the comma closes an apposition
        verb = doc[hit.verb]
        if nonfinite(verb) and hit.start == hit.verb:
            return None  # "…, annonçant des mesures": a participle, not an inversion
        np = inverted_np(ctx, hit)
        if np is None:
            return None
        # the subject closes the clause: end of sentence, a comma or a circumstance follows
        k = np[1]
        end = ctx.sents[ctx.sent_of(hit.verb)].end
        nxt = doc[k] if k < end else None
        closes = nxt is None or nxt.is_punct or nxt.pos_ in ("ADP", "ADV")
        # "…, a indiqué le Premier ministre X lundi": a day after the subject is a circumstance
        closes = closes or fold(nxt.text) in PP_STARTS or nxt.lower_ in WEEKDAYS or nxt.lower_ in _DAY_WORDS
        if not closes:
            return None
        toks = doc[np[0] : np[1]]
        person_like = ctx.has_mention(*np) or any(
            fold(t.text) in SOURCE_NOUNS or fold(t.lemma_) in SOURCE_NOUNS for t in toks
        )
        if person_like:
            return np
        speaker = self.speakers.resolve(*np)
        # "…, a annoncé le géant pétrolier britannique": a description that points back to a
        # named body is an inverted subject as much as the name itself
        return np if speaker is not None and (speaker.get("id") or speaker.get("name")) else None

    def _apposed_subject(self, hit: Hit) -> bool:
        """True when the cue's parsed subject is a name followed by a comma, before the cue:
        "Amina Benali, directrice générale de l'Office, a annoncé …", "le ministre de …, Paul
        Sanou, a remercié …" (an apposition, not an inversion)."""
        ctx = self.ctx
        tb = ctx.table
        for c in tb.children(hit.verb):
            if not tb.dep[c].startswith("nsubj") or c >= hit.start or ctx.inside[c]:
                continue
            if c in ctx.mention_at:
                m = ctx.mentions[ctx.mention_at[c]]
                after = ctx.token_at(m["end"] - 1) + 1
                before = ctx.token_at(m["start"]) - 1
                if _verb_before(ctx, before + 1):
                    continue  # "Le texte a été signé par …, X, a annoncé Y": an inversion
                if after < hit.start - 1 and tb.text[after] == ",":
                    return True
                if after == hit.start - 1 and tb.text[after] == "," and before > 0 and tb.text[before] == ",":
                    return True  # "le ministre de …, X, a remercié": the name closes a title's apposition
            else:
                # "le ministre de …, X, a remercié …" (the parser's subject is the title): the
                # name in apposition closes right before the cue
                names = [ctx.mentions[ctx.mention_at[a]] for a in tb.children(c)
                         if tb.dep[a] == "appos" and a in ctx.mention_at]
                m = names[-1] if names else None
                after = ctx.token_at(m["end"] - 1) + 1 if m is not None else -1
                if after == hit.start - 1 and tb.text[after] == "," and not _verb_before(ctx, c):
                    return True
        return False

    def _prep_statement(self, hit: Hit) -> dict | None:
        """The statement of "selon X" / "d'après X": the clause around it, X the speaker."""
        ctx = self.ctx
        tb = ctx.table
        sent = ctx.sents[ctx.sent_of(hit.verb)]
        word = hit.cue.words[0]
        if hit.end < sent.end and tb.low[hit.end] in RELATIVE_PRONOUNS:
            return None  # "les critiques selon lesquelles …": what the critics say, no source
        np = prep_object(ctx, hit.end, sent.end)
        if np is None:
            return None
        speaker = self.speakers.resolve(*np)
        if speaker is None:
            return None
        if not _is_source(ctx, np, speaker):
            return None
        apposed = apposed_name(ctx, np[1], sent.end)
        if speaker.get("name") is None and apposed is not None:
            # "selon le quotidien local, Algemeen Dagblad, …", "selon l'agence «ANSA»": the name
            # said after the description is who it is
            named_source = self.speakers.resolve(apposed[0], apposed[1])
            if named_source is not None and named_source.get("name"):
                speaker, np = named_source, (np[0], apposed[2])
        named = speaker.get("name") is not None or speaker.get("speakers") is not None
        person = (
            any(
                k in ctx.mention_at and ctx.mentions[ctx.mention_at[k]]["label"] == "PER"
                for k in range(*np)
            )
            or fold(speaker.get("text", "")) in PRONOUNS
        )
        if word == "pour" and (hit.start != sent.start or not named or not person):
            # "Pour X, …" is an attribution only at the head of a sentence and with a named source
            return None
        after = np[1]
        if after < sent.end and tb.text[after] == ",":
            after += 1
        if hit.start <= sent.start + 1 and after < sent.end:
            content = content_after(ctx, after, sent.end)
            if content is None:
                return None
            c0, c1 = content
        else:
            c0 = past_dateline(ctx, clause_start(ctx, sent.start, hit.start))
            c1 = hit.start
            while c1 > c0 and (
                (tb.punct[c1 - 1] and tb.text[c1 - 1] not in QUOTE_CHARS) or tb.space[c1 - 1]
            ):
                c1 -= 1
            while c0 < c1 and tb.space[c0]:
                c0 += 1
            if c1 <= c0:
                return None
            if ctx.span_dict(c0, c1) in ctx.quote_bounds:
                return None  # "« … », selon X": a direct quote with its source, not a clause
            goes_on = np[1] < after < sent.end and tb.low[after] not in ("qui", "que", "qu'", "dont")
            if goes_on and clause_index(ctx).next_verb(ctx)[after] < sent.end:
                # "La production, selon X, va baisser": the clause goes on after the source
                c1 = clause_end(ctx, after, sent.end)
                while c1 > c0 and tb.text[c1 - 1] not in QUOTE_CHARS and not tb.alpha[c1 - 1]:
                    c1 -= 1
        start, end = ctx.span_dict(c0, c1)
        return indirect(ctx, start, end, speaker, hit)


def _verb_before(ctx: DocContext, k: int) -> bool:
    """A verb of the sentence before token `k`, outside quotations: the name after it is no
    subject opening the sentence ("Le texte a été signé par …, X, a annoncé Y")."""
    tb = ctx.table
    start = ctx.sents[ctx.sent_of(k)].start
    return any(tb.pos[t] in ("VERB", "AUX") and not ctx.inside[t] for t in range(start, k))


def apposed_name(ctx: DocContext, k: int, sent_end: int) -> tuple[int, int, int] | None:
    """A name set right after a noun phrase ending before token `k`, between commas or
    quotation marks ("le quotidien local, Algemeen Dagblad,", "l'agence «ANSA»"):
    (its first token, one past its last, the token after the closing comma or mark)."""
    tb = ctx.table
    if k + 1 >= sent_end or (tb.text[k] != "," and tb.text[k] not in QUOTE_CHARS):
        return None
    a = k + 1
    if (a + 2 < sent_end and tb.pos[a] == "DET" and tb.low[a + 1] in APPOSED_TITLES
            and a + 2 in ctx.mention_at):
        a += 2  # "selon le ministre, le professeur X, …": a title of address before the name
    b = a
    while b < sent_end and b in ctx.mention_at and ctx.mention_at[b] == ctx.mention_at[a]:
        b += 1
    if b == a or b >= sent_end:
        return None
    quoted = tb.text[k] in QUOTE_CHARS
    if not (tb.text[b] in QUOTE_CHARS if quoted else tb.text[b] == ","):
        return None
    # the source phrase ends on the closing comma (the content starts after it) or mark
    return a, b, b + 1 if quoted else b


def titled_name_after(ctx: DocContext, k: int, sent_end: int) -> tuple[int, int] | None:
    """The person named in apposition after a description that ends before token `k` ("le
    médiateur, le Premier ministre malaisien X,"): a comma, then at most six words of a title
    (determiners, adjectives, nouns), then a person's name that closes the phrase; else None."""
    tb = ctx.table
    if k >= sent_end or tb.text[k] != ",":
        return None
    a = k + 1
    while a < min(sent_end, k + 8) and a not in ctx.mention_at:
        if tb.pos[a] not in ("DET", "ADJ", "NOUN") or tb.punct[a]:
            return None
        a += 1
    if a >= sent_end or a not in ctx.mention_at or ctx.mentions[ctx.mention_at[a]]["label"] != "PER":
        return None
    b = a
    while b < sent_end and ctx.mention_at.get(b) == ctx.mention_at[a]:
        b += 1
    if b < sent_end and not (tb.punct[b] or tb.low[b] in WEEKDAYS or tb.low[b] in _DAY_WORDS):
        return None
    return a, b


def describes_noun(ctx: DocContext, hit: Hit) -> bool:
    """A past participle right after a noun, with no auxiliary before it ("la fiche du texte
    publiée sur le site"). The parser's acl label alone is not trusted: it also puts it on
    "a de son côté évoqué"."""
    doc = ctx.doc
    tb = ctx.table
    verb = doc[hit.verb]
    forms = ctx.table.feats(verb.i, "VerbForm")
    if hit.start != hit.verb or "Part" not in forms or fold(verb.text).endswith("ant"):
        return False
    if hit.verb == 0 or tb.pos[hit.verb - 1] not in ("NOUN", "PROPN", "ADJ"):
        return False
    return not any(tb.lemma[k] in ("avoir", "être") for k in range(max(0, hit.verb - 5), hit.verb))


def merge_nested(ctx: DocContext, statements: list[dict]) -> list[dict]:
    """Drop statements that only continue an earlier one of the same speaker in the same
    sentence: "X a indiqué que … et qu'il espérait …", "X s'est félicité, selon lui, …"."""
    kept: list[dict] = []
    # the kept statements by (sentence, speaker id) and (sentence, speaker name): the ones of
    # the same speaker in the same sentence (`_same_speaker`) without a scan of all kept ones
    by_id: dict[tuple[int, str], list[dict]] = {}
    by_name: dict[tuple[int, str], list[dict]] = {}
    for st in statements:
        sent = ctx.sent_of(ctx.token_at(st["cue_start"]))
        hit = st["_hit"]
        pronoun = hit.cue.type == "preposition" and ctx.table.low[hit.end] in PRONOUNS
        speaker = st["speaker"] or {}
        groups = [by_id.get((sent, speaker.get("id")), []) if speaker.get("id") else [],
                  by_name.get((sent, speaker["name"]), []) if speaker.get("name") is not None else []]
        # a cue with its own pronoun subject inside the clause ("… et qu'il espérait …")
        own_pronoun = any(ctx.table.low[k] in PRONOUNS for k in range(max(0, hit.start - 2), hit.start))
        inside = own_pronoun and any(k["start"] <= st["cue_start"] < k["end"] for g in groups for k in g)
        if (pronoun and any(groups)) or inside:
            continue
        kept.append(st)
        if speaker.get("id"):
            by_id.setdefault((sent, speaker["id"]), []).append(st)
        if speaker.get("name") is not None:
            by_name.setdefault((sent, speaker["name"]), []).append(st)
    return kept


def passive(ctx: DocContext, hit: Hit) -> bool:
    """True for a passive cue ("a été annoncé", "sont estimées"). The tagger marks many bare
    participles Voice=Pass ("Kiev avait lui-même suggéré"), so that feature alone is not
    trusted: a passive needs "être" as its auxiliary without a reflexive clitic."""
    t = ctx.table
    v = hit.verb
    if any(t.dep[c] == "aux:pass" for c in t.children(v)):
        return True
    if any(t.low[k] == "ete" for k in range(hit.start, v)):
        return True
    # (the tagger often reads such a participle as a finite verb: its ending decides)
    if (v == ctx.sents[ctx.sent_of(v)].start and t.text[v].lower().endswith(("é", "ée", "és", "ées"))
            and v + 1 < t.n and t.low[v + 1] in ("du", "de", "des", "par")):
        return True  # "Invité du JT de TF1, X a annoncé …": who X is, not what was said
    aux = any(t.lemma[k] == "être" for k in range(max(0, v - 3), v))
    reflexive = any(t.low[k] in ("se", "s'") for k in range(max(0, v - 4), v))
    return aux and not reflexive and "Pass" in ctx.table.feats(v, "Voice")


def nonfinite(verb: Token) -> bool:
    """True for an infinitive, a gerund or a present participle (no finite form)."""
    forms = verb.morph.get("VerbForm")
    return "Inf" in forms or "Ger" in forms or (verb.text.endswith("ant") and "Fin" not in forms)


def quote_opens_clause(ctx: DocContext, hit: Hit, sent: Span) -> bool:
    """True when the quote closed right before the cue also opens its clause (« … », a dit
    X), False for a fragment inside narration (elles « ne nous concernent pas », a-t-il dit)."""
    doc = ctx.doc
    tb = ctx.table
    j = hit.start - 1
    while j > sent.start and ((tb.punct[j] and tb.text[j] not in QUOTE_CHARS) or tb.space[j]):
        j -= 1
    close = tb.idx[j] + len(tb.text[j])
    quote = next((b for b in ctx.quote_ranges if b[1] == close), None)
    if quote is None:
        return True
    k = ctx.token_at(quote[0]) - 1
    while k >= sent.start and (tb.space[k] or tb.text[k] in (":", "—", "–", "-")):
        if tb.text[k] == ":":
            return True  # "X a réagi : « … », a-t-elle lancé": the colon opens the quote
        k -= 1
    at_line_start = k == sent.start or "\n" in tb.text[k - 1]
    if k >= sent.start and TIMESTAMP.fullmatch(tb.text[k]) and at_line_start:
        return True  # "10h45 - « … », affirme X": a live-blog entry opens with its time
    return k < sent.start or tb.text[k] in FINAL_PUNCT or "\n" in doc[k].text_with_ws


def inverted_statement(ctx: DocContext, hit: Hit, speaker: dict, sent: Span) -> dict | None:
    """ "Le projet a été approuvé, a annoncé X": the clause before the comma is the content."""
    tb = ctx.table
    c1 = hit.start - 1
    c0 = sent.start
    for k in range(c1 - 1, sent.start - 1, -1):
        if tb.text[k] in (":", ";") or (tb.space[k] and "\n" in tb.text[k]):
            c0 = k + 1
            break
    c0 = past_dateline(ctx, c0)
    while c0 < c1 and tb.space[c0]:
        c0 += 1
    if c1 - c0 < 2:
        return None
    start, end = ctx.span_dict(c0, c1)
    return indirect(ctx, start, end, speaker, hit)


def follows_quote(ctx: DocContext, hit: Hit) -> bool:
    """True when a closing quotation mark comes right before the cue (punctuation aside)."""
    tb = ctx.table
    j = hit.start - 1
    while j >= 0 and ((tb.punct[j] and tb.text[j] not in QUOTE_CHARS) or tb.space[j]):
        j -= 1
    return j >= 0 and tb.text[j] in QUOTE_CHARS


def indirect(ctx: DocContext, start: int, end: int, speaker: dict, hit: Hit) -> dict:
    """An indirect statement over characters [start, end) of the text."""
    return {
        "kind": "indirect",
        "text": ctx.text[start:end],
        "start": start,
        "end": end,
        "speaker": speaker,
        **ctx.cue_fields(hit),
        "fragment": False,
        "_fragments": [],
        "_hit": hit,
    }


def _is_source(ctx: DocContext, np: tuple[int, int], speaker: dict) -> bool:
    """True when the object of "selon" can be a source: an identity, a person or body
    mention, or a source noun ("selon des diplomates")."""
    if speaker.get("id") or speaker.get("speakers"):
        return True
    toks = ctx.doc[np[0] : np[1]]
    if any(
        i in ctx.mention_at and ctx.mentions[ctx.mention_at[i]]["label"] in ("PER", "ORG")
        for i in range(*np)
    ):
        return True
    if any(fold(t.text) in SOURCE_NOUNS or fold(t.lemma_) in SOURCE_NOUNS for t in toks):
        return True
    if any(fold(t.text) in INFORMATION_NOUNS for t in toks[:3]):
        return True  # "selon des informations recoupées", "selon les estimations américaines"
    if fold(toks.text) in DEMONSTRATIVE_SOURCES:
        return True
    # "selon L'Écho", "selon ZoneBourse", "selon Bayramov": a name the model did not tag
    words = [t for t in toks if t.pos_ != "DET" and not t.is_punct]
    return 0 < len(words) <= 3 and words[0].text[:1].isupper() and words[0].pos_ in ("PROPN", "NOUN") and all(
        t.text[:1].isupper() or t.is_punct for t in words)


def _same_speaker(a: dict | None, b: dict | None) -> bool:
    """True when two speaker dicts name the same identity (or the same name)."""
    if not a or not b:
        return False
    if a.get("id") and a.get("id") == b.get("id"):
        return True
    return a.get("name") is not None and a.get("name") == b.get("name")
