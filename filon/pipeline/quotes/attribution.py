"""Direct quotations -> speaker: the cascade of rules that attributes each quoted span.

`attribute_quotes` walks the top-level quotations in text order; `QuoteAttribution.quote`
tries, in order: inside a reported clause (the statement becomes `mixed`), an incise inside
the marks, an inversion after them ("« … », a déclaré X"), the second half of a split quote,
"selon ses termes", a colon ("X a déclaré : « … »"), and last the quotes with no cue
(`filon.pipeline.quotes.continuation`) and terms (`filon.pipeline.quotes.terms`). Each
speaker found is recorded on the context, for the quotes and pronouns that follow.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from filon.pipeline.extensions import in_spans
from filon.pipeline.quotes.context import DocContext, no_cue
from filon.pipeline.quotes.continuation import (
    context_speaker,
    fragment_root,
    fragment_subject,
    subheading_quote,
)
from filon.pipeline.quotes.cues import POSSESSIVES, QUOTE_CHARS, Hit, opens_cleft, skip_adjunct
from filon.pipeline.quotes.marks import PADDING, QuoteSpan
from filon.pipeline.quotes.speakers import SpeakerResolver
from filon.pipeline.quotes.subjects import inverted_np, is_title, prep_object, subject
from filon.pipeline.quotes.terms import has_finite_verb, is_fragment, looks_like_term, quoted_name


def attribute_quotes(ctx: DocContext, speakers: SpeakerResolver, statements: list[dict]) -> list[dict]:
    """The items of the top-level quotations, in text order (a quote inside a statement adds
    its fragment to that statement instead)."""
    attribution = QuoteAttribution(ctx, speakers)
    items: list[dict] = []
    # a quoted subheading excerpts the paragraph under it: its quotes are attributed first
    headings = [q for q in ctx.top if in_spans(q.open_start, q.close_end, ctx.subheadings)]
    body = [q for q in ctx.top if not in_spans(q.open_start, q.close_end, ctx.subheadings)]
    previous: tuple[int, dict] | None = None  # (closing end, speaker) of the last quote said
    for q in body + headings:
        nested = [
            {"start": n.start, "end": n.end}
            for n in ctx.quotes
            if n.depth > 0 and q.open_start < n.open_start < q.close_end
        ]
        item = attribution.quote(q, ctx.hits, statements)
        if item is None:
            continue
        if (item["kind"] == "term" and previous is not None and not item["text"][:1].isupper()
                and ctx.text[previous[0] : q.open_start].strip(" \u00a0\u202f") in (";", ",", "et", "puis")):
            # "à deux conditions : « la première, … » ; « la deuxième, … »": the next item of
            # a list of quotes is said by who said the one before
            item.update(kind="direct", speaker=previous[1], fragment=True)
        previous = (q.close_end, item["speaker"]) if item.get("speaker") is not None else None
        if nested and item["kind"] == "direct":
            item["nested"] = nested
        if item["kind"] != "attached":
            for it in [item, *item.pop("_more", [])]:
                items.extend(per_paragraph(ctx, it) if it["kind"] == "direct" else [it])
        if item.get("speaker") is not None:
            ctx.add_event(q.start, item["speaker"])
    inversion_owns_fragments(ctx, items)
    return items


def inversion_owns_fragments(ctx: DocContext, items: list[dict]) -> None:
    """« Le CETA est « comme un symbole », celui d'un Canada « ouvert … », a assuré X »: the
    speaker named after the last quote of a sentence said its earlier fragments too. A fragment
    left without a speaker (a term) takes the speaker of a later quote of its sentence that is
    attributed by a verb after it; a quoted name (capitalized) stays a term."""
    for k, item in enumerate(items):
        if item["kind"] != "term" or item.get("speaker") is not None or item["text"][:1].isupper():
            continue
        sent = ctx.sent_of(ctx.token_at(item["start"]))
        for later in items[k + 1 :]:
            if ctx.sent_of(ctx.token_at(later["start"])) != sent:
                break
            cue_start = later.get("cue_start")
            inverted = cue_start is not None and cue_start >= later["end"] and ctx.table.pos[
                ctx.token_at(cue_start)] in ("VERB", "AUX")
            if later["kind"] == "direct" and later.get("speaker") is not None and inverted:
                item.update(kind="direct", speaker=later["speaker"], fragment=True, **_cue_of(later))
                break
        if item["kind"] == "term" and len(item["text"].split()) > 1:
            # « … », souligne-t-il, notamment parce que « c'est la Commission qui … »: a
            # fragment that goes on the sentence of a quote attributed after its marks, with no
            # other cue between, is the same speaker's
            earlier = _inverted_before(ctx, items[:k], item, sent)
            if earlier is not None:
                item.update(kind="direct", speaker=earlier["speaker"], fragment=True, **_cue_of(earlier))


def _cue_of(item: dict) -> dict:
    """The cue fields of an item, to give another item of the same speaker."""
    return {key: item.get(key) for key in ("cue", "cue_start", "cue_end", "cue_lemma")}


def _inverted_before(ctx: DocContext, items: list[dict], item: dict, sent: int) -> dict | None:
    """The last quote of sentence `sent` before `item` attributed by a cue after its marks,
    when no other cue comes between that cue and `item`."""
    for before in reversed(items):
        if ctx.sent_of(ctx.token_at(before["start"])) != sent:
            return None
        cue_start, cue_end = before.get("cue_start"), before.get("cue_end")
        if before["kind"] != "direct" or before.get("speaker") is None or cue_start is None:
            continue
        if cue_end is not None and cue_end <= before["start"]:
            continue  # a fragment that took its speaker this way: look further back
        if not (before["end"] <= cue_start and cue_end is not None and cue_end <= item["start"]):
            return None
        if any(cue_end <= ctx.table.idx[h.start] < item["start"] for h in ctx.hits):
            return None
        return before
    return None


class QuoteAttribution:
    """The speaker of each direct quotation of one document (see the module docstring)."""

    def __init__(self, ctx: DocContext, speakers: SpeakerResolver) -> None:
        self.ctx = ctx
        self.speakers = speakers
        # (token after the speaker of an inverted attribution, speaker, hit): a quote opening
        # right there continues the same utterance ("« … », a dit X, « … »")
        self.split_after: tuple[int, dict, Hit] | None = None

    def quote(self, q: QuoteSpan, hits: list[Hit], statements: list[dict]) -> dict | None:
        """The item of quotation `q` (numbered steps: the first rule that finds a speaker
        wins), an "attached" stub when it belongs to a statement, or None."""
        ctx = self.ctx
        doc = ctx.doc
        tb = ctx.table
        qi0, qi1 = ctx.token_at(q.start), ctx.token_at(max(q.start, q.end - 1)) + 1
        base = {"kind": "direct", "text": ctx.text[q.start : q.end], "start": q.start, "end": q.end}
        fragment = is_fragment(ctx, q)
        if in_spans(q.open_start, q.close_end, ctx.subheadings):
            if fragment:
                # a headline's fragment governed by its subject ("le président X rejette les
                # « diktats » du FMI"): that subject's wording
                speaker = self._fragment_speaker(q, qi0, qi1, fragment)
                if speaker is not None:
                    return {**base, "speaker": speaker, **no_cue(), "fragment": True}
            return subheading_quote(ctx, q, base, fragment)
        if fragment and quoted_name(ctx, q, qi0, qi1):
            # "l'agence italienne « ANSA »", "(« Staff-Level Agreement »)": a name, nobody's words
            return {**base, "kind": "term", "speaker": None, **no_cue(), "fragment": True}
        # 1. inside a reported clause: a mixed statement (the smallest clause holding it)
        holder = self._holding_statement(q, qi0, fragment, statements)
        if holder is not None:
            if looks_like_term(ctx, q, qi0, qi1, fragment):
                return {**base, "kind": "term", "speaker": holder["speaker"], "cue": None, "cue_start": None,
                        "cue_end": None, "cue_lemma": None, "fragment": True}  # fmt: skip
            holder["_fragments"].append({"text": base["text"], "start": q.start, "end": q.end})
            return {"kind": "attached", "speaker": holder["speaker"], "start": q.start, "end": q.end}
        # 2. incise inside the marks: « Nous sommes prêts, a-t-il dit, à travailler »
        for hit in hits_between(ctx, hits, qi0, qi1):
            if (
                qi0 < hit.start
                and hit.end < qi1
                and hit.cue.type != "preposition"
                and tb.text[hit.start - 1] == ","
            ):
                np = inverted_np(ctx, hit)
                if np is not None and "direct" in hit.cue.frames | {"direct"}:
                    speaker = self.speakers.resolve(*np)
                    if speaker is not None:
                        return self._split_at_incise(q, hit, np, speaker, fragment)
        # 3. inversion after the marks: « … », a déclaré X / « … », selon X
        after = self._hit_after(q, hits)
        for_whom = after is not None and after.cue.type == "preposition" and after.cue.words[0] == "pour"
        if fragment and for_whom:
            # "voit en cet accord un « triomphe » pour X": for whom, not who says it
            after = None
        if after is not None:
            if after.cue.type == "preposition":
                np = prep_object(ctx, after.end, ctx.sents[ctx.sent_of(after.verb)].end)
            elif after.cue.type == "wording":
                np = None
            else:
                np = inverted_np(ctx, after)
            speaker = self.speakers.resolve(*np) if np is not None else None
            if speaker is not None:
                self.split_after = (np[1], speaker, after)
                return {**base, "speaker": speaker, **ctx.cue_fields(after), "fragment": fragment}
        # 3b. second half of a quote split by its attribution: « … », a déclaré X, « … »
        if self.split_after is not None:
            k, speaker, hit = self.split_after
            open_tok = ctx.token_at(q.open_start)
            between = [t for t in doc[k:open_tok] if not t.is_space]
            if all(t.text == "," for t in between) and len(between) <= 1 and open_tok >= k:
                return {**base, "speaker": speaker, **ctx.cue_fields(hit), "fragment": False}
        # 4. a "selon ses termes" next to the fragment, or a cue introducing it with a colon
        wording = self._wording_near(q, hits)
        if wording is not None:
            speaker = self._possessive_speaker(wording)
            if speaker is not None:
                return {**base, "speaker": speaker, **ctx.cue_fields(wording), "fragment": fragment}
        intro = self._colon_intro(q, hits)
        if intro is not None:
            speaker, hit = intro
            cue = ctx.cue_fields(hit) if hit is not None else no_cue()
            return {**base, "speaker": speaker, **cue, "fragment": False}
        # 4b. a headline's quote followed by a colon and a clause: « … » : X veut …; a quote
        # taken up by a cleft: « … » C'est ce qu'a déclaré X
        if not fragment:
            speaker = self._colon_outro(q)
            if speaker is not None:
                return {**base, "speaker": speaker, **no_cue(), "fragment": False}
            cleft = self._cleft_after(q, hits)
            if cleft is not None:
                speaker, hit = cleft
                return {**base, "speaker": speaker, **ctx.cue_fields(hit), "fragment": False}
        # 5. nobody is named next to it: a whole quoted sentence continues the last speaker
        if not fragment:
            speaker = context_speaker(ctx, self.speakers, q)
            return {**base, "speaker": speaker, **no_cue(), "fragment": False}
        # 6. a fragment governed by a verb whose subject is a person: that person's wording,
        # even without a speech verb ("X attend « des actes »", "elle veut « tourner la page »")
        words = ctx.text[q.start : q.end].split()
        speaker = self._fragment_speaker(q, qi0, qi1, fragment)
        if speaker is not None:
            return {**base, "speaker": speaker, **no_cue(), "fragment": True}
        # 6b. a fragment that is a clause of its own ("l'identification « s'étalera sur 45
        # jours »") is words said, by whoever spoke last in this sentence or the one before
        if len(words) > 2 and has_finite_verb(ctx, qi0, qi1):
            speaker = self._recent_speaker(q)
            if speaker is not None:
                return {**base, "speaker": speaker, **no_cue(), "fragment": True}
        # 7. an embedded quote nobody says: a term (scare quotes, titles, slogans)
        return {**base, "kind": "term", "speaker": None, **no_cue(), "fragment": True}

    def _fragment_speaker(self, q: QuoteSpan, qi0: int, qi1: int, fragment: bool) -> dict | None:
        """The subject that governs a quoted fragment, when the fragment is words said: more
        than one word, or one word a verb of utterance or stance governs ("a dénoncé les
        « diktats »"); a single quoted word after a plain verb is a scare quote ("dirige une
        « start-up »"), a short noun phrase after an article a term."""
        ctx = self.ctx
        said = len(ctx.text[q.start : q.end].split()) > 1 or _said_by_cue(ctx, qi0, qi1)
        if not said or looks_like_term(ctx, q, qi0, qi1, fragment):
            return None
        return fragment_subject(ctx, self.speakers, qi0, qi1)

    def _recent_speaker(self, q: QuoteSpan) -> dict | None:
        """The last speaker before quote `q`, when they spoke in its sentence or the one before."""
        ctx = self.ctx
        k = bisect_right(ctx.speaker_keys, q.open_start) - 1
        if k < 0:
            return None
        pos, speaker = ctx.speaker_events[k]
        here = ctx.sent_of(ctx.token_at(q.start))
        return speaker if here - ctx.sent_of(ctx.token_at(pos)) <= 1 and speaker.get("name") else None

    def _holding_statement(
        self, q: QuoteSpan, qi0: int, fragment: bool, statements: list[dict]
    ) -> dict | None:
        """The statement a quote belongs to (opening at token `qi0`): the smallest reported clause
        holding it, a source named after it ("…, selon un communiqué"), or for a fragment a
        statement earlier in its sentence; None when there is none."""
        ctx = self.ctx
        holder = None
        for st in statements:
            holds = st["start"] <= q.open_start and q.close_end <= st["end"] + 1
            smaller = holder is None or st["end"] - st["start"] < holder["end"] - holder["start"]
            if holds and smaller and st["speaker"] is not None:
                holder = st
        # "…, une mesure qui « vise à … », selon un communiqué du ministère": a source named after
        # the quote owns its words, whatever clause holds them
        sources = [
            st for st in statements
            if st["_hit"].cue.type == "preposition" and st["start"] <= q.open_start
            and q.close_end <= st["cue_start"] and st["speaker"] is not None
        ]  # fmt: skip
        if sources:
            holder = min(sources, key=lambda st: st["cue_start"] - q.close_end)
        if holder is None and fragment:
            # a fragment later in the sentence of a statement, outside the parsed clause
            # ("il a ordonné …, afin que « … »")
            sent = ctx.sent_of(qi0)
            for st in statements:
                if (
                    ctx.sent_of(ctx.token_at(st["start"])) == sent
                    and st["cue_end"] is not None
                    and st["cue_end"] <= q.open_start
                ):
                    holder = st
        return holder

    def _split_at_incise(
        self, q: QuoteSpan, hit: Hit, np: tuple[int, int], speaker: dict, fragment: bool
    ) -> dict:
        """The two segments of a quote interrupted by its attribution inside the marks
        (« Nous sommes prêts, a-t-il dit, à travailler »), as the gold counts them: one item
        per segment, without the incise; the second is chained under "_more"."""
        ctx = self.ctx
        tb = ctx.table
        i0 = tb.idx[hit.start - 1]
        qi1 = ctx.token_at(max(q.start, q.end - 1)) + 1
        i1 = ctx.span_dict(np[0], np[1])[1]
        for k in range(np[1], min(qi1, np[1] + 15)):
            if tb.text[k] == ",":
                i1 = tb.idx[k] + 1
                break
        first = (q.start, i0)
        second = (i1, q.end)
        while second[0] < second[1] and ctx.text[second[0]].isspace():
            second = (second[0] + 1, second[1])
        cue = ctx.cue_fields(hit)
        incise = {"start": i0, "end": i1}
        items = [
            {"kind": "direct", "text": ctx.text[a:b], "start": a, "end": b, "speaker": speaker, **cue,
             "fragment": fragment, "incise": incise}
            for a, b in (first, second)
            if b > a
        ]  # fmt: skip
        head = items[0]
        if len(items) > 1:
            head["_more"] = items[1:]
        return head

    def _hit_after(self, q: QuoteSpan, hits: list[Hit]) -> Hit | None:
        """The cue right after a quote's closing mark (", a déclaré X", ", selon X"), if any.

        Only commas, dashes and adjuncts ("jeudi", "de son côté") may separate them.
        """
        ctx = self.ctx
        doc = ctx.doc
        tb = ctx.table
        j = ctx.token_at(q.close_end - 1) + 1
        while j < len(doc) and (tb.text[j] in (",", "—", "–", "-") or tb.space[j]):
            j += 1
        k = bisect_right(ctx.hit_starts, j - 1)
        for hit in hits[k : k + 3]:
            if hit.start == j:
                return hit
            gap = j
            while gap < hit.start:
                nxt = skip_adjunct(tb.low, gap, hit.start)
                # "», a pourtant affirmé X": the auxiliary before an adverb the cue starts after
                # "», y ajoute X": the clitic "y" before the cue
                if nxt == gap and tb.pos[gap] not in ("ADV", "AUX") and tb.low[gap] != "y":
                    break
                gap = max(nxt, gap + 1)
            if gap == hit.start:
                return hit
        return None

    def _wording_near(self, q: QuoteSpan, hits: list[Hit]) -> Hit | None:
        """A "selon ses termes" cue right before or after the quote, if any."""
        ctx = self.ctx
        qi0 = ctx.token_at(q.open_start)
        qi1 = ctx.token_at(q.close_end - 1) + 1
        for hit in hits_between(ctx, hits, qi0 - 6, qi1 + 3):
            if hit.cue.type != "wording":
                continue
            if 0 <= qi0 - hit.end <= 2 or 0 <= hit.start - qi1 <= 2:
                return hit
        return None

    def _possessive_speaker(self, hit: Hit) -> dict | None:
        """Who "ses" in "selon ses termes" refers to: the speaker of the enclosing clause, else
        the last speaker or subject before it."""
        ctx = self.ctx
        for k in range(hit.start, hit.end):
            if ctx.table.low[k] in POSSESSIVES:
                gender, plural = None, ctx.table.low[k] in ("leur", "leurs", "their")
                ref = self.speakers.pronouns.resolve_pronoun(k, gender, plural)
                if ref is not None:
                    return ref
        # "selon les termes de X": the source is written out
        np = prep_object(ctx, hit.end, ctx.sents[ctx.sent_of(hit.verb)].end)
        if np is not None:
            return self.speakers.resolve(*np)
        return None

    def _speaking_mention(self, i: int, j: int) -> bool:
        """Tokens [i, j) hold a person or a body: "Terminal de Djéno : « … »" names a topic (a
        place or a thing the model tags MISC), not who speaks."""
        ctx = self.ctx
        return any(ctx.mentions[ctx.mention_at[k]]["label"] in ("PER", "ORG")
                   for k in range(i, j) if k in ctx.mention_at)

    def _colon_intro(self, q: QuoteSpan, hits: list[Hit]) -> tuple[dict, Hit | None] | None:
        """`X a déclaré : « … »` or `X : « … »`."""
        ctx = self.ctx
        tb = ctx.table
        j = q.open_start - 1
        while j >= 0 and ctx.text[j] in " \t\u00a0\u202f":
            j -= 1
        if j < 0 or ctx.text[j] != ":":
            return None
        colon = ctx.token_at(j)
        sent = ctx.sents[ctx.sent_of(colon)]
        for hit in reversed(hits_between(ctx, hits, sent.start, colon)):
            if sent.start <= hit.start and hit.end <= colon and hit.cue.type in ("verb", "locution"):
                span = subject(ctx, hit) or inverted_np(ctx, hit)
                if span is not None:
                    speaker = self.speakers.resolve(*span)
                    if speaker is not None:
                        return speaker, hit
        start = sent.start
        while start < colon and tb.space[start]:
            start += 1
        if 0 < colon - start <= 12:
            speaker = self.speakers.resolve(start, colon)
            if speaker is not None and (
                speaker.get("id") or speaker.get("speakers") or self._speaking_mention(start, colon)
            ):
                return speaker, None
        # "John Kerry est resté plus mesuré et attend des améliorations : « … »": no cue, but the
        # clause before the colon has a named person as its subject
        root = next((k for k in range(start, colon) if tb.head[k] == k), None)
        subjects = [c for c in tb.children(root) if tb.dep[c].startswith("nsubj") and start <= c < root] \
            if root is not None else []
        # "La présidente d'Unia, Vania Alleva tire un bilan : « … »": the parser hangs the
        # title and the name in apposition on the verb as two subjects; the name says who
        named = [c for c in subjects
                 if c in ctx.mention_at and ctx.mentions[ctx.mention_at[c]]["label"] == "PER"]
        subj = named[0] if named else subjects[0] if subjects else None
        if subj is None or root is None:
            return None
        phrase = [k for k in range(start, root) if tb.under(k, subj, depth=7)]
        speaker = self.speakers.resolve(phrase[0], phrase[-1] + 1)
        if speaker is not None and speaker.get("name") and self.speakers.pronouns.is_person(speaker):
            return speaker, None
        return None

    def _cleft_after(self, q: QuoteSpan, hits: list[Hit]) -> tuple[dict, Hit] | None:
        """`« … » C'est ce qu'a déclaré X` (or "Voilà ce que X a dit"): the sentence after the
        quote opens on a cleft that points back to it, and its cue names the speaker."""
        ctx = self.ctx
        tb = ctx.table
        j = ctx.token_at(q.close_end - 1) + 1
        while j < tb.n and (tb.space[j] or tb.text[j] in (".", ",")):
            j += 1
        words = [tb.low[k] for k in range(j, min(tb.n, j + 4))]
        if not opens_cleft(words) or not any(w in ("ce", "qu'", "que") for w in words[1:]):
            return None
        k = bisect_right(ctx.hit_starts, j - 1)
        for hit in hits[k : k + 2]:
            if hit.start > j + 12 or hit.cue.type not in ("verb", "locution"):
                break
            span = inverted_np(ctx, hit) or subject(ctx, hit)
            speaker = self.speakers.resolve(*span) if span is not None else None
            if speaker is not None:
                return speaker, hit
        return None

    def _colon_outro(self, q: QuoteSpan) -> dict | None:
        """`« … » : X veut …`, a headline's or a lead's quote that opens its line and is
        followed by a colon: the subject of the clause after the colon (a person or a body the
        text names or describes) said it."""
        ctx = self.ctx
        tb = ctx.table
        line_start = ctx.text.rfind("\n", 0, q.open_start) + 1
        if ctx.text[line_start : q.open_start].strip():
            return None
        j = q.close_end
        while j < len(ctx.text) and ctx.text[j] in " \t\u00a0\u202f":
            j += 1
        if j >= len(ctx.text) or ctx.text[j] != ":":
            return None
        colon = ctx.token_at(j)
        end = min(ctx.sents[ctx.sent_of(colon)].end, colon + 16)
        verb = next((k for k in range(colon + 1, end) if tb.pos[k] in ("VERB", "AUX")), None)
        if verb is None:
            return None
        head = tb.head[verb] if tb.dep[verb].startswith("aux") else verb
        subj = next((c for c in tb.children(head) if tb.dep[c] == "nsubj" and colon < c < verb), None)
        if subj is None:
            return None
        phrase = [k for k in range(colon + 1, verb) if tb.under(k, subj, depth=7)]
        speaker = self.speakers.resolve(phrase[0], phrase[-1] + 1)
        if speaker is None:
            return None
        # a title still unresolved may be named further on ("le ministre …" of a headline);
        # "les marchés saluent …" names no speaker
        return speaker if speaker.get("name") or is_title(ctx, phrase[0], verb) else None


def hits_between(ctx: DocContext, hits: list[Hit], i: int, j: int) -> list[Hit]:
    """The cue hits starting in tokens [i, j), found by bisection (no scan per quote)."""
    return hits[bisect_left(ctx.hit_starts, i) : bisect_left(ctx.hit_starts, j)]


def per_paragraph(ctx: DocContext, item: dict) -> list[dict]:
    """One item per paragraph of a quote that runs over several (French convention: each new
    paragraph reopens with «, only the last closes), as the gold lists them; every segment
    keeps the speaker and cue, without the reopening mark and its padding. A quote no paragraph
    reopens stays whole."""
    if "\n" not in item["text"]:
        return [item]
    lines = [line.lstrip(PADDING) for line in ctx.text[item["start"] : item["end"]].split("\n")[1:]]
    if not any(line[:1] in QUOTE_CHARS for line in lines):
        return [item]  # no paragraph reopens it (web copy): one quote, as written
    out = []
    a = item["start"]
    for line in ctx.text[item["start"] : item["end"]].split("\n"):
        b = a + len(line)
        s, e = a, b
        while s < e and (ctx.text[s] in PADDING or ctx.text[s] in QUOTE_CHARS):
            s += 1
        while e > s and ctx.text[e - 1] in PADDING:
            e -= 1
        if e > s:
            # a paragraph after the first stands as a whole quote, whatever the first was
            frag = item.get("fragment", False) if not out else False
            out.append({**item, "text": ctx.text[s:e], "start": s, "end": e, "fragment": frag})
        a = b + 1
    return out or [item]


def _said_by_cue(ctx: DocContext, qi0: int, qi1: int) -> bool:
    """A quoted word the verb of an utterance or a stance governs ("a exprimé sa « déception »",
    "a dénoncé les « diktats »"): the speaker's word, not scare quotes ("dirige une « start-up »")."""
    tb = ctx.table
    root = fragment_root(ctx, qi0, qi1)
    if root is None:
        return False
    verb = tb.head[root]
    if tb.dep[root] == "conj" and tb.pos[verb] != "VERB":
        verb = tb.head[verb]  # "sa « déception » et sa « colère »": the verb of the first
    return tb.pos[verb] in ("VERB", "AUX") and ctx.scanner.is_cue_at(verb)
