"""What a pronoun ("il", "elle", "ils", "lui", "ses") refers to, for `filon_quotes`.

`PronounResolver.resolve_pronoun` ranks the antecedents of a pronoun in its sentence and the
two before (earlier speakers, then subjects, then other mentions; never a name inside a
quotation) and falls back to the last person of its gender; `last_person` is that fall-back,
also used for interview copy and titles ("la ministre") named long before.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from itertools import pairwise

from spacy.tokens import Span

from filon.domains.folding import fold
from filon.pipeline.quotes.context import DocContext
from filon.pipeline.quotes.cues import OCCUPATIONS, PRONOUNS, SOURCE_NOUNS, TITLES
from filon.pipeline.quotes.mentions import mention_gender, speaker_from_mention

# How far back (sentences) a gendered pronoun looks for a person of its gender before it
# settles for a body: an interviewee is introduced once, at the top of the article.
_PERSON_REACH = 60
# Gender told by the determiner of an anonymous source ("une responsable", "un diplomate").
_DETERMINER_GENDER = {"un": "m", "le": "m", "ce": "m", "cet": "m", "une": "f", "la": "f", "cette": "f"}


_FALLBACK_SPEAKERS = 200
# Characters between a closing mark and an inverted clitic that still close the quotation
# ("…», a-t-il"; "… », a dans la foulée indiqué-t-il").
_INVERSION_GAP = 40
# Heads of an anonymous person a pronoun may refer back to ("un haut responsable", "une source").
_ANONYMOUS_HEADS = SOURCE_NOUNS | TITLES | OCCUPATIONS


class PronounResolver:
    """Antecedents of pronouns in one document.

    `resolve_np` is the speaker resolution of a token range (`SpeakerResolver.resolve`), used
    for coordinated antecedents of "ils"/"elles" ("Emmanuel Macron et Friedrich Merz").
    """

    def __init__(self, ctx: DocContext, resolve_np: Callable[[int, int], dict | None]) -> None:
        self.ctx = ctx
        self.resolve_np = resolve_np
        self.gendered_by_id: dict[str, dict] | None = None  # `_gendered_mention`'s index, built on first use
        self.first_by_id: dict[str, dict] | None = None  # `_first_mention`'s index, built on first use

    def resolve_pronoun(self, i: int, gender: str | None, plural: bool) -> dict | None:
        """Nearest compatible antecedent of the pronoun at token `i`.

        Candidates come from the pronoun's sentence and the two before it: earlier speakers,
        then subjects, then other person or organization mentions (never a name inside a
        quotation). A singular "il"/"elle" prefers a person: in news copy persons speak far more
        often than bodies, and "Dans un entretien à Fox News, il a dit" must not pick the channel.
        """
        ctx = self.ctx
        pos = ctx.table.idx[i]
        s = ctx.sent_of(i)
        keys = ctx.speaker_keys
        first = bisect_right(ctx.mention_starts, pos)
        # an inverted clitic ("a-t-elle indiqué") follows what was said
        inverted = ctx.table.text[i].startswith("-") and i > 0
        if inverted:
            # a quotation of several sentences: the antecedents are looked for before it opens
            q = bisect_right(ctx.quote_starts, pos) - 1
            if q >= 0 and 0 <= pos - ctx.quote_ranges[q][1] <= _INVERSION_GAP:
                s = min(s, ctx.sent_of(ctx.token_at(ctx.quote_ranges[q][0])))
        ranked: list[tuple[int, int, int, int, dict]] = []
        for back in range(0, 3):
            if s - back < 0:
                break
            sent = ctx.sents[s - back]
            lo, hi = sent.start_char, min(sent.end_char, pos)
            for k in range(bisect_right(keys, lo - 1), bisect_right(keys, hi - 1)):
                sp = ctx.speaker_events[k][1]
                ranked.append((self._not_person(sp), back, 0, -ctx.speaker_events[k][0], sp))
            # "…, a-t-elle indiqué": names in what she said before the cue do not speak; a name
            # before a colon that opens the quote still may ("X a réagi : « … », a-t-il dit")
            said_from = max(ctx.text.rfind(":", lo, hi), ctx.text.rfind(";", lo, hi))
            for k in range(first - 1, -1, -1):
                m = ctx.mentions[k]
                if back == 0 and inverted and m["start"] > said_from:
                    continue
                if m["start"] < lo:
                    break
                if m["end"] > pos:
                    continue
                if m["label"] not in ("PER", "ORG") and m.get("kind") != "metonymy":
                    continue
                if ctx.in_quote(m["start"]):
                    continue  # a name inside a quotation is talked about, it does not speak
                dep, head = ctx.table.dep, ctx.table.head
                subj = any(
                    dep[k].startswith("nsubj")
                    or (dep[k] in ("appos", "flat:name") and dep[head[k]].startswith("nsubj"))
                    for k in range(ctx.token_at(m["start"]), ctx.token_at(m["end"] - 1) + 1)
                )
                cand = speaker_from_mention(ctx.gaz, m) | {"_m": m}
                ranked.append((int(m["label"] != "PER"), back, 1 if subj else 2, -m["start"], cand))
            if not plural:
                ranked.extend((0, back, 1, -start, cand) for start, cand in self._anonymous_subjects(sent, i))
            if plural:
                ranked.extend((0, back, r[0], r[1], r[2]) for r in self._joint_candidates(lo, hi))
        if plural or gender is None:
            ranked.sort(key=lambda r: (r[1], r[2], r[3]))
        else:
            ranked.sort(key=lambda r: (r[0], r[1], r[2], r[3]))
        for *_, cand in ranked:
            if self._compatible(cand, gender, plural):
                if not plural and gender is not None and self._not_person(cand):
                    # "répond-elle" with only a body nearby ("l'Union européenne", a ministry):
                    # a person of that very gender named earlier in the article speaks instead
                    person = self.last_person(pos, gender, sentences=_PERSON_REACH, strict=True)
                    if person is not None:
                        return person
                # an anonymous earlier speaker ("un économiste …. D'après lui, …") is a valid
                # antecedent: the pronoun then stays unresolved rather than jump to a name
                return {k: v for k, v in cand.items() if k != "_m"}
        if plural:
            return None
        # nobody within three sentences (an interview: "répond-elle" after a run of questions
        # and answers): the last person of that gender who spoke, else who was named
        last = bisect_right(keys, pos - 1) - 1
        # at most the last _FALLBACK_SPEAKERS speakers: a text of hundreds of "a-t-elle dit" with
        # no woman speaking must not walk back through every speaker for each pronoun
        for k in range(last, max(last - _FALLBACK_SPEAKERS, -1), -1):
            sp = ctx.speaker_events[k][1]
            if sp.get("name") and not self._not_person(sp) and self._compatible(sp, gender, False):
                return sp
        return self.last_person(pos, gender, sentences=_PERSON_REACH)

    def last_person(
        self, pos: int, gender: str | None, sentences: int = 15, strict: bool = False
    ) -> dict | None:
        """The latest person named before character `pos` (outside quotations, at most
        `sentences` sentences back) whose gender is `gender` (or unknown, unless `strict`);
        None if there is none."""
        ctx = self.ctx
        lo = ctx.sents[max(0, ctx.sent_of(ctx.token_at(pos)) - sentences)].start_char
        first = bisect_right(ctx.mention_starts, pos)
        for k in range(first - 1, -1, -1):
            m = ctx.mentions[k]
            if m["start"] < lo:
                break
            if m["end"] > pos or m["label"] != "PER" or m.get("kind", "name") != "name":
                continue
            if ctx.in_quote(m["start"]):
                continue
            g = mention_gender(ctx.gaz, ctx.table, m)
            if gender is None or g == gender or (g is None and not strict):
                return speaker_from_mention(ctx.gaz, m)
        return None

    def is_person(self, speaker: dict) -> bool:
        """True when a speaker dict names a person (or an anonymous human source)."""
        return not self._not_person(speaker)

    def agrees(self, speaker: dict, gender: str | None) -> bool:
        """True when a singular speaker agrees with `gender` ("m", "f" or None)."""
        return self._compatible(speaker, gender, False)

    def _not_person(self, speaker: dict) -> int:
        """0 when a speaker dict names a person (or an anonymous human source), else 1."""
        ctx = self.ctx
        if speaker.get("name") is None and not speaker.get("speakers"):
            words = set(fold(speaker.get("text") or "").split())
            return int(not (words & (SOURCE_NOUNS | TITLES | OCCUPATIONS)))
        actor = ctx.gaz.actor(speaker.get("id"))
        if actor is not None:
            return int(actor.label != "PER")
        m = next((x for x in ctx.mentions if x["start"] == speaker.get("start")), None)
        if m is None and speaker.get("id"):
            # a pronoun that spoke ("a-t-il dit"): what its person was named as
            m = self._first_mention(speaker["id"])
        return int(m is None or m["label"] != "PER")

    def _anonymous_subjects(self, sent: Span, i: int) -> list[tuple[int, dict]]:
        """Subjects introduced by "un"/"une" in `sent` before token `i` ("un haut responsable
        du gouvernement a minimisé …"): an antecedent that keeps the pronoun anonymous."""
        ctx = self.ctx
        tb = ctx.table
        out = []
        for k in range(sent.start, min(sent.end, i)):
            if not tb.dep[k].startswith("nsubj") or tb.pos[k] != "NOUN" or ctx.inside[k]:
                continue
            if tb.lemma_low[k] not in _ANONYMOUS_HEADS and tb.low[k] not in _ANONYMOUS_HEADS:
                continue
            det = next((c for c in tb.children(k) if tb.dep[c] == "det" and c < k), None)
            if det is None or tb.low[det] not in ("un", "une"):
                continue
            start, end = ctx.span_dict(det, k + 1)
            anonymous = {"name": None, "id": None, "text": ctx.text[start:end], "start": start, "end": end}
            out.append((start, anonymous))
        return out

    def _joint_candidates(self, lo: int, hi: int) -> list[tuple[int, int, dict]]:
        """Coordinated mentions ("Emmanuel Macron et Friedrich Merz") in [lo, hi) as plural
        antecedents for "ils"/"elles"."""
        ctx = self.ctx
        out = []
        inside = [m for m in ctx.mentions if lo <= m["start"] and m["end"] <= hi]
        for a, b in pairwise(inside):
            between = ctx.text[a["end"] : b["start"]].strip()
            speakers = a["label"] in ("PER", "ORG") and b["label"] in ("PER", "ORG")
            if between in ("et", ",", "and") and speakers:
                i0, i1 = ctx.token_at(a["start"]), ctx.token_at(b["end"] - 1) + 1
                joint = self.resolve_np(i0, i1)
                if joint is not None and joint.get("speakers"):
                    subj = any(ctx.table.dep[k].startswith("nsubj") for k in range(i0, i1))
                    out.append((1 if subj else 2, -a["start"], joint))
        return out

    def _compatible(self, cand: dict, gender: str | None, plural: bool) -> bool:
        """True when a candidate antecedent agrees with the pronoun in number and gender."""
        ctx = self.ctx
        is_plural = bool(cand.get("speakers"))
        if is_plural != plural:
            if plural and not is_plural:
                m = cand.get("_m")
                if m is None or not self._plural_mention(m):
                    return False
            elif not plural:
                return False
        if gender is None or is_plural:
            return True
        if cand.get("name") is None and cand.get("text"):
            # an anonymous source: "on" is no antecedent of il/elle, and the determiner of
            # "un porte-parole" / "une responsable" tells its gender
            words = fold(cand["text"]).split()
            if words[:1] == ["on"] or (len(words) == 1 and words[0].lstrip("-") in PRONOUNS):
                return False  # "on", or a pronoun left unresolved, is no antecedent
            told = _DETERMINER_GENDER.get(words[0]) if words else None
            return told is None or told == gender
        m = cand.get("_m")
        if m is None:
            m = next((x for x in ctx.mentions if x["start"] == cand.get("start")), None)
        if m is None and cand.get("id"):
            # a pronoun that spoke ("raconte-t-il"): the gender of the person it resolved to
            m = self._gendered_mention(cand["id"])
        if m is None:
            actor = ctx.gaz.actor(cand.get("id"))
            g = actor.gender if actor is not None else None
        else:
            g = mention_gender(ctx.gaz, ctx.table, m)
        return g is None or g == gender

    def _gendered_mention(self, ident: str) -> dict | None:
        """A mention of identity `ident` whose gender is known (index built once per doc)."""
        ctx = self.ctx
        if self.gendered_by_id is None:
            index: dict[str, dict] = {}
            for x in ctx.mentions:
                if x.get("id") and x["id"] not in index and mention_gender(ctx.gaz, ctx.table, x):
                    index[x["id"]] = x
            self.gendered_by_id = index
        return self.gendered_by_id.get(ident)

    def _first_mention(self, ident: str) -> dict | None:
        """The first mention of identity `ident` in the text (index built once per doc)."""
        if self.first_by_id is None:
            index: dict[str, dict] = {}
            for x in self.ctx.mentions:
                if x.get("id"):
                    index.setdefault(x["id"], x)
            self.first_by_id = index
        return self.first_by_id.get(ident)

    def _plural_mention(self, m: dict) -> bool:
        """True when the mention's last token is plural ("les Européens")."""
        ctx = self.ctx
        tok = ctx.doc[ctx.token_at(m["end"] - 1)]
        return "Plur" in ctx.table.feats(tok.i, "Number")
