"""Reported statements for `filon_quotes`: "X a assuré que …", "selon X, …", "…, a déclaré X".

`StatementFinder` is mixed into the per-document worker of `filon.pipeline.quotes.component` (which also
provides the offset helpers, the mentions and the speaker resolution of
`filon.pipeline.quotes.speakers`). For each reporting cue it finds the speaker (the subject
before the verb, an inverted subject after it, the object of "selon", or the speaker of the
clause a participle hangs on), the reported content (skipping circumstances such as "lundi",
"devant la presse", "le même jour") and checks that the content fills one of the cue's frames
(que-clause, infinitive, noun phrase, "de/à + …", attribute, "comme …").
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from filon.domains.folding import fold
from filon.pipeline.quotes.cues import (
    FINAL_PUNCT,
    MONTHS,
    PRONOUNS,
    QUOTE_CHARS,
    SOURCE_NOUNS,
    CueScanner,
    Hit,
    skip_adjunct,
)
from filon.pipeline.quotes.speakers import SpeakerResolver
from filon.pipeline.tokens import TokenTable

# prepositions that open a circumstance or an addressee between a cue and its content
PP_STARTS = frozenset(
    {"lors", "devant", "pendant", "durant", "depuis", "dans", "sur", "en", "apres", "avant", "a", "au", "aux",
     "chez", "par", "aupres", "face"}
)  # fmt: skip
TEMPORAL_MODIFIERS = frozenset({"meme", "dernier", "derniere", "prochain", "prochaine", "-la"})
TEMPORAL_NOUNS = frozenset(
    {"jour", "lendemain", "veille", "semaine", "mois", "annee", "an", "matin", "soir", "week-end", "jour-la"}
)
# objects that make a cue a statement only when they name something said or proposed: frame
# `claim_obj` ("rejeter les accusations", not "rejeter le projet de loi") and `plan_obj`
# ("présenter un plan", not "présenter ses excuses") of the lexicon
CLAIM_OBJECTS = frozenset(
    {"accusation", "critique", "allegation", "affirmation", "reproche", "rumeur", "information", "idee",
     "hypothese", "these", "argument", "propos", "soupcon", "insinuation", "accusations", "critiques",
     "allegations", "affirmations", "reproches", "rumeurs", "informations", "soupcons"}
)  # fmt: skip
PLAN_OBJECTS = frozenset(
    {"plan", "strategie", "feuille", "programme", "mesure", "reforme", "initiative", "offre", "proposition",
     "vision", "priorite", "piste", "solution", "paquet", "scenario", "calendrier", "projet", "budget",
     "mesures", "propositions", "pistes", "priorites", "solutions", "orientations", "objectifs"}
)  # fmt: skip
TIMESTAMP = re.compile(r"\d{1,2}[h:.]\d{2}")
NOT_ADVERBS = frozenset({"ne", "n'", "pas", "que", "qu'"})  # negation and que tagged ADV


class StatementFinder(SpeakerResolver):
    """Indirect and mixed statements of one document (see the module docstring)."""

    table: TokenTable  # the doc's token attributes as plain lists, shared with the scanner
    scanner: CueScanner

    sent_speakers: dict[int, list[tuple[int, dict]]]
    quote_ranges: list[tuple[int, int]]
    quote_bounds: set[tuple[int, int]]

    def _add_event(self, pos: int, speaker: dict) -> None:  # provided by the worker
        raise NotImplementedError

    def _statements(self, hits: list[Hit], inside: list[bool]) -> list[dict]:
        out = []
        prev: Hit | None = None
        for hit in hits:
            if inside[hit.verb] or hit.cue.type == "wording":
                continue  # speech inside a quote belongs to the quote's speaker
            chained = prev is not None and prev.cue.type != "preposition" and (
                hit.start == prev.end
                # "promet de défendre", "a appelé à rejeter": the infinitive is the first cue's content
                or (hit.start == prev.end + 1 and self.table.low[prev.end] in ("de", "d'", "a", "à"))
            )
            prev = hit
            if chained and "Inf" in self.table.feats(hit.start, "VerbForm"):
                continue  # "a dit espérer …": the infinitive is the content of the first cue
            if self._passive(hit):
                continue  # "le rapport a été publié": the subject is what is said, not who
            if self._describes_noun(hit):
                continue  # "la fiche publiée sur le site": a participle describing a noun
            if hit.start == hit.verb and hit.verb > 0 and self.table.low[hit.verb - 1] == "pour":
                continue  # "pour plaider en faveur de …": a purpose, not something said
            st = self._prep_statement(hit) if hit.cue.type == "preposition" else self._verb_statement(hit)
            if st is not None:
                out.append(st)
                if hit.cue.type == "preposition" and st["speaker"] is not None:
                    self._add_event(st["cue_start"], st["speaker"])
        return self._merge_nested(out)

    def _describes_noun(self, hit: Hit) -> bool:
        """A past participle right after a noun, with no auxiliary before it ("la fiche du texte
        publiée sur le site"). The parser's acl label alone is not trusted: it also puts it on
        "a de son côté évoqué"."""
        doc = self.doc
        tb = self.table
        verb = doc[hit.verb]
        forms = self.table.feats(verb.i, "VerbForm")
        if hit.start != hit.verb or "Part" not in forms or fold(verb.text).endswith("ant"):
            return False
        if hit.verb == 0 or tb.pos[hit.verb - 1] not in ("NOUN", "PROPN", "ADJ"):
            return False
        return not any(tb.lemma[k] in ("avoir", "être") for k in range(max(0, hit.verb - 5), hit.verb))

    def _merge_nested(self, statements: list[dict]) -> list[dict]:
        """Drop statements that only continue an earlier one of the same speaker in the same
        sentence: "X a indiqué que … et qu'il espérait …", "X s'est félicité, selon lui, …"."""
        kept: list[dict] = []
        for st in statements:
            sent = self.sent_of(self.token_at(st["cue_start"]))
            hit = st["_hit"]
            pronoun = hit.cue.type == "preposition" and self.table.low[hit.end] in PRONOUNS
            same = [k for k in kept if _same_speaker(k["speaker"], st["speaker"])]
            same = [k for k in same if self.sent_of(self.token_at(k["cue_start"])) == sent]
            # a cue with its own pronoun subject inside the clause ("… et qu'il espérait …")
            own_pronoun = any(self.table.low[k] in PRONOUNS for k in range(max(0, hit.start - 2), hit.start))
            inside = own_pronoun and any(k["start"] <= st["cue_start"] < k["end"] for k in same)
            if (pronoun and same) or inside:
                continue
            kept.append(st)
        return kept

    def _content_after(self, j: int, sent_end: int) -> tuple[int, int] | None:
        """Token range of the reported content starting at or after `j`, skipping adjuncts."""
        tb = self.table
        texts = tb.text
        while j < sent_end:
            low = tb.low[j]
            skipped = skip_adjunct(tb.low, j, sent_end)
            if skipped > j:
                j = skipped
                continue
            if tb.space[j] or tb.digit[j] or (tb.pos[j] == "ADV" and low not in NOT_ADVERBS):
                j += 1
                continue
            if texts[j] == "," or texts[j] in ("(", "—", "–"):
                # an incidental phrase between commas ("lundi, lors d'une rencontre, un accord")
                k = j + 1
                while k < sent_end and texts[k] not in (",", ")", "—", "–") and texts[k] not in FINAL_PUNCT:
                    k += 1
                if k < sent_end and tb.text[k] in (",", ")", "—", "–") and k - j <= 12:
                    j = k + 1
                    continue
                return None
            if low in MONTHS:
                j += 1
                continue
            if low in ("le", "la", "l'", "ce", "cette", "cet") and j + 1 < sent_end:
                k = j + 1
                while k < min(sent_end, j + 4) and tb.low[k] in TEMPORAL_MODIFIERS:
                    k += 1
                if k < sent_end and tb.low[k] in TEMPORAL_NOUNS:
                    k += 1
                    while k < sent_end and tb.low[k] in TEMPORAL_MODIFIERS:
                        k += 1
                    j = k  # "le même jour", "la semaine dernière", "ce jour-là"
                    continue
            if (
                low in ("en", "depuis", "des", "debut", "fin", "mi")
                and j + 1 < sent_end
                and (tb.digit[j + 1] or tb.low[j + 1] in MONTHS)
            ):
                j += 2  # "en 2023", "début mars"
                continue
            if low in PP_STARTS or (low == "dans" and self._temporal_pp(j)):
                # a circumstance or an addressee before the content: "devant la presse que …",
                # "à l'AFP que …", "lors d'un entretien, …"
                k = j + 1
                while k < sent_end and tb.text[k] != "," and tb.text[k] not in FINAL_PUNCT:
                    if tb.low[k] in ("que", "qu'") or tb.pos[k] in ("VERB", "AUX"):
                        break
                    k += 1
                stop = k < sent_end and (tb.text[k] == "," or tb.low[k] in ("que", "qu'"))
                bare_inf = (
                    k < sent_end
                    and tb.pos[k] in ("VERB", "AUX")
                    and "Inf" in self.table.feats(k, "VerbForm")
                    and tb.low[k - 1] not in ("de", "d'", "a", "pour", "sans")
                )
                if (stop or bare_inf) and k - j <= 10:
                    j = k  # "a affirmé sur Fox News vouloir …", "a estimé devant la presse que …"
                    continue
                if low in ("lors", "pendant", "durant"):
                    j = k
                    continue
            break
        end = self._clause_end(j, sent_end)
        while end > j and (
            (tb.punct[end - 1] and tb.text[end - 1] not in QUOTE_CHARS | {")"}) or tb.space[end - 1]
        ):
            end -= 1
        if end <= j:
            return None
        return j, end

    def _clause_end(self, j: int, sent_end: int) -> int:
        """Where a reported clause starting at `j` stops: before a semicolon, or before a comma
        that opens another speech act or a contrast (", jugeant que", ", avant de qualifier",
        ", tout en insistant", ", mais", ", tandis que")."""
        t = self.table
        texts, lows, pos = t.text, t.low, t.pos
        depth = 0
        for k in range(j, sent_end):
            text = texts[k]
            if text in ("«", "“", "„", "‹"):
                depth += 1
            elif text in ("»", "”", "›"):
                depth = max(0, depth - 1)
            if depth or k + 1 >= sent_end:
                continue
            if text == ";":
                return k
            if lows[k] == "et" and k > j and self._speech_verb(self.doc[k + 1]):
                return k  # "a reproché à X de … et jugé « … »": a second speech act, its own statement
            if text != ",":
                continue
            low = lows[k + 1]
            two = lows[k + 2] if k + 2 < sent_end else ""
            if low in ("mais", "tandis") or (low, two) in {("alors", "que"), ("avant", "de"), ("avant", "d'"),
                                                          ("apres", "avoir"), ("tout", "en")}:  # fmt: skip
                return k
            gerund = pos[k + 1] in ("VERB", "AUX") and low.endswith("ant")
            if gerund and self.scanner.is_cue_at(k + 1):
                return k
            if low == "en" and two.endswith("ant"):
                return k
        return sent_end

    def _speech_verb(self, tok: Token) -> bool:
        """A finite verb or past participle that is a reporting cue."""
        forms = self.table.feats(tok.i, "VerbForm")
        if tok.pos_ not in ("VERB", "AUX") or not ("Part" in forms or "Fin" in forms):
            return False
        return self.scanner.is_cue_at(tok.i)

    def _temporal_pp(self, j: int) -> bool:
        return j + 2 < len(self.doc) and self.table.low[j + 2] in ("temps", "foulee", "cadre")

    def _passive(self, hit: Hit) -> bool:
        """True for a passive cue ("a été annoncé", "sont estimées"). The tagger marks many bare
        participles Voice=Pass ("Kiev avait lui-même suggéré"), so that feature alone is not
        trusted: a passive needs "être" as its auxiliary without a reflexive clitic."""
        t = self.table
        v = hit.verb
        if any(t.dep[c] == "aux:pass" for c in t.children(v)):
            return True
        if any(t.low[k] == "ete" for k in range(hit.start, v)):
            return True
        aux = any(t.lemma[k] == "être" for k in range(max(0, v - 3), v))
        reflexive = any(t.low[k] in ("se", "s'") for k in range(max(0, v - 4), v))
        return aux and not reflexive and "Pass" in self.table.feats(v, "Voice")

    def _frames(self, j: int, end: int) -> set[str]:
        """Which complement frame the content starting at token `j` realises."""
        doc = self.doc
        tb = self.table
        tok = doc[j]
        low = fold(tok.text)
        frames: set[str] = set()
        if low in ("que", "qu'", "that"):
            return {"que"}
        if low in ("d", "qu") and j + 1 < end and tb.text[j + 1] in ("'", "’"):
            # "d'« une avancée »": the tokenizer splits the elided article before a quote mark
            return {"de", "obj", "quoted"} if low == "d" else {"que"}
        if low == "comme":
            return {"comme"}  # "que Kiev considère comme un premier pas"
        if low in ("de", "d'", "à", "pour", "a", "au", "aux", "to"):
            # "de/à/pour + infinitive" or "au gouvernement de + infinitive"
            for k in range(j + 1, min(end, j + 8)):
                if tb.pos[k] in ("VERB", "AUX") and "Inf" in self.table.feats(k, "VerbForm"):
                    mark = (
                        tb.low[k - 1]
                        if tb.low[k - 1] not in ("ne", "pas", "se", "s'")
                        else low
                    )
                    frames.add({"d'": "de", "a": "à", "au": "de", "aux": "de", "to": "inf"}.get(mark, mark))
                    break
            if low == "pour":
                frames.add("pour")
            if low in ("a", "au", "aux"):
                frames.update({"obj", "à"} if not frames else {"obj"})
            if low in ("de", "d'"):
                # "de nouvelles restrictions" (partitive article) is a noun phrase; "de la
                # dépendance" after "s'inquiéter" is the prepositional complement
                nxt = doc[j + 1] if j + 1 < end else None
                partitive = tok.pos_ == "DET" or (nxt is not None and nxt.pos_ in ("ADJ", "NOUN"))
                frames.update({"obj", "de"} if partitive else {"de"})
            if any(tb.text[k] in QUOTE_CHARS for k in range(j, min(end, j + 3))):
                frames.add("quoted")
            return frames
        if tok.pos_ in ("VERB", "AUX") and "Inf" in self.table.feats(tok.i, "VerbForm"):
            return {"inf"}
        if tok.pos_ == "VERB" and "Part" in self.table.feats(tok.i, "VerbForm"):
            return {"attr"}  # "s'est dit disposé à …"
        if tok.pos_ == "ADJ" and low not in ("premier", "premiere", "nouveau", "nouvelle"):
            return {"attr"}
        if any(tb.text[k] in QUOTE_CHARS for k in range(j, min(end, j + 3))):
            # "dit « non »", "parle d'une « guerre des métaux »": the complement is quoted words
            frames.add("quoted")
        if tok.pos_ in ("DET", "NOUN", "PROPN", "NUM", "ADJ", "PRON", "ADP") or tok.text in QUOTE_CHARS:
            frames.add("obj")
            if any(tb.low[k] == "comme" for k in range(j + 1, min(end, j + 10))):
                frames.add("comme")  # "présente le fonds comme un moyen de …"
            for k in range(j + 1, min(end, j + 14)):
                if tb.pos[k] in ("VERB", "AUX") and "Inf" in self.table.feats(k, "VerbForm"):
                    mark = tb.low[k - 1]
                    if mark in ("de", "d'", "a"):
                        frames.add("de" if mark != "a" else "à")
                    break
                if tb.text[k] == ",":
                    break
        return frames

    def _verb_statement(self, hit: Hit) -> dict | None:
        doc = self.doc
        tb = self.table
        s_idx = self.sent_of(hit.verb)
        sent = self.sents[s_idx]
        inverted = self._inversion(hit)
        if inverted is not None:
            speaker = self.resolve(*inverted)
            if speaker is not None:
                self.sent_speakers.setdefault(s_idx, []).append((hit.verb, speaker))
                self._add_event(tb.idx[hit.start], speaker)  # later pronouns may refer to it
            if speaker is None or (self._follows_quote(hit) and self._quote_opens_clause(hit, sent)):
                return None  # "« … », a déclaré X": a direct quote's attribution, not a clause
            return self._inverted_statement(hit, speaker, sent)
        if hit.inverted is not None:
            return None
        speaker = None
        verb = doc[hit.verb]
        own_subject = any(
            self.table.dep[c].startswith("nsubj") and c < hit.start for c in self.table.children(hit.verb)
        )
        # "a reproché … et jugé « … »": a participle coordinated to an earlier cue shares its auxiliary
        coordinated = (
            hit.start == hit.verb > 0
            and "Part" in self.table.feats(verb.i, "VerbForm")
            and tb.low[hit.verb - 1] == "et"
        )
        if not own_subject and hit.start == hit.verb and (self._nonfinite(verb) or coordinated):
            # "…, a-t-il dit, estimant que …", "a lancé X, avant de qualifier …": the speaker of
            # the clause the participle or infinitive hangs on
            earlier = [sp for i, sp in self.sent_speakers.get(s_idx, []) if i < hit.verb]
            speaker = earlier[-1] if earlier else None
        if speaker is None:
            speaker_span = self._subject(hit)
            if speaker_span is None:
                return None
            speaker = self.resolve(*speaker_span)
            if speaker is not None and not self.is_source(speaker, *speaker_span):
                return None  # "la version finale mentionne …": a document, not a speaker
        content = self._content_after(hit.end, sent.end)
        if content is None:
            return None
        c0, c1 = content
        frames = self._frames(c0, c1)
        if "obj" in frames:
            frames |= self._object_kinds(c0, c1) & hit.cue.frames
        if not frames & hit.cue.frames:
            return None
        if tb.text[c0] == ":":
            return None
        start_tok = c0 + 1 if tb.low[c0] in ("que", "qu'", "that") and c0 + 1 < c1 else c0
        if speaker is None:
            return None
        self.sent_speakers.setdefault(s_idx, []).append((hit.verb, speaker))
        self._add_event(tb.idx[hit.start], speaker)
        start, end = self.span_dict(start_tok, c1)
        return self._indirect(start, end, speaker, hit)

    def _indirect(self, start: int, end: int, speaker: dict, hit: Hit) -> dict:
        """An indirect statement over characters [start, end) of the text."""
        return {
            "kind": "indirect",
            "text": self.text[start:end],
            "start": start,
            "end": end,
            "speaker": speaker,
            **self._cue_fields(hit),
            "fragment": False,
            "_fragments": [],
            "_hit": hit,
        }

    def _object_kinds(self, c0: int, c1: int) -> set[str]:
        """`claim_obj` / `plan_obj` when the noun phrase at [c0, c1) is headed by a word for a
        claim ("les accusations") or a proposal ("un plan"), which makes "rejeter" or "présenter"
        a statement ("rejeter le projet de loi" is a vote)."""
        head = next((t for t in self.doc[c0 : min(c1, c0 + 5)] if t.pos_ in ("NOUN", "PROPN")), None)
        if head is None:
            return set()
        words = {fold(head.lemma_), fold(head.text)}
        return {"claim_obj"} if words & CLAIM_OBJECTS else ({"plan_obj"} if words & PLAN_OBJECTS else set())

    @staticmethod
    def _nonfinite(verb: Token) -> bool:
        forms = verb.morph.get("VerbForm")
        return "Inf" in forms or "Ger" in forms or (verb.text.endswith("ant") and "Fin" not in forms)

    def _inversion(self, hit: Hit) -> tuple[int, int] | None:
        """The inverted subject of a cue that follows what was said ("…, a déclaré X",
        "…, a-t-il précisé"), or None when the cue is not in that position."""
        doc = self.doc
        tb = self.table
        if hit.inverted is not None:
            return hit.inverted, hit.inverted + 1
        after_comma = hit.start > 0 and tb.text[hit.start - 1] in (",", "—", "–")
        if not after_comma and not self._follows_quote(hit):
            return None
        verb = doc[hit.verb]
        if self._nonfinite(verb) and hit.start == hit.verb:
            return None  # "…, annonçant des mesures": a participle, not an inversion
        np = self._inverted_np(hit)
        if np is None:
            return None
        # the subject closes the clause: end of sentence, a comma or a circumstance follows
        k = np[1]
        end = self.sents[self.sent_of(hit.verb)].end
        nxt = doc[k] if k < end else None
        closes = nxt is None or nxt.is_punct or nxt.pos_ in ("ADP", "ADV")
        closes = closes or fold(nxt.text) in PP_STARTS
        if not closes:
            return None
        toks = doc[np[0] : np[1]]
        person_like = self._has_mention(*np) or any(
            fold(t.text) in SOURCE_NOUNS or fold(t.lemma_) in SOURCE_NOUNS for t in toks
        )
        if person_like:
            return np
        speaker = self.resolve(*np)
        return np if speaker is not None and speaker.get("id") else None

    def _quote_opens_clause(self, hit: Hit, sent: Span) -> bool:
        """True when the quote closed right before the cue also opens its clause (« … », a dit
        X), False for a fragment inside narration (elles « ne nous concernent pas », a-t-il dit)."""
        doc = self.doc
        tb = self.table
        j = hit.start - 1
        while j > sent.start and ((tb.punct[j] and tb.text[j] not in QUOTE_CHARS) or tb.space[j]):
            j -= 1
        close = tb.idx[j] + len(tb.text[j])
        quote = next((b for b in self.quote_ranges if b[1] == close), None)
        if quote is None:
            return True
        k = self.token_at(quote[0]) - 1
        while k >= sent.start and (tb.space[k] or tb.text[k] in (":", "—", "–", "-")):
            if tb.text[k] == ":":
                return True  # "X a réagi : « … », a-t-elle lancé": the colon opens the quote
            k -= 1
        at_line_start = k == sent.start or "\n" in tb.text[k - 1]
        if k >= sent.start and TIMESTAMP.fullmatch(tb.text[k]) and at_line_start:
            return True  # "10h45 - « … », affirme X": a live-blog entry opens with its time
        return k < sent.start or tb.text[k] in FINAL_PUNCT or "\n" in doc[k].text_with_ws

    def _inverted_statement(self, hit: Hit, speaker: dict, sent: Span) -> dict | None:
        """ "Le projet a été approuvé, a annoncé X": the clause before the comma is the content."""
        tb = self.table
        c1 = hit.start - 1
        c0 = sent.start
        for k in range(c1 - 1, sent.start - 1, -1):
            if tb.text[k] in (":", ";") or (tb.space[k] and "\n" in tb.text[k]):
                c0 = k + 1
                break
        while c0 < c1 and tb.space[c0]:
            c0 += 1
        if c1 - c0 < 2:
            return None
        start, end = self.span_dict(c0, c1)
        return self._indirect(start, end, speaker, hit)

    def _cue_fields(self, hit: Hit) -> dict:
        # the cue as written: the scanner only includes an auxiliary (and "s'", "-t-il") when
        # it is contiguous to the verb, so "a dans le même temps assuré" gives "assuré"
        start, end = self.span_dict(hit.start, hit.end)
        return {"cue": self.text[start:end], "cue_start": start, "cue_end": end, "cue_lemma": hit.cue.lemma}

    def _follows_quote(self, hit: Hit) -> bool:
        tb = self.table
        j = hit.start - 1
        while j >= 0 and ((tb.punct[j] and tb.text[j] not in QUOTE_CHARS) or tb.space[j]):
            j -= 1
        return j >= 0 and tb.text[j] in QUOTE_CHARS

    def _subject(self, hit: Hit) -> tuple[int, int] | None:
        """Token range of the pre-verbal subject of a cue verb, or None."""
        doc = self.doc
        tb = self.table
        verb = doc[hit.verb]
        sent = self.sents[self.sent_of(hit.verb)]
        cand: Token | None = None
        dep = self.table.dep
        for c in self.table.children(hit.verb):
            if dep[c] in ("nsubj", "nsubj:pass") and c < hit.start:
                cand = doc[c]
        # a participle or coordinated verb shares the subject of its head ("…, clamant que")
        head = verb
        hops = 0
        while cand is None and head.dep_ in ("advcl", "conj", "xcomp") and head.head is not head and hops < 2:
            head = head.head
            hops += 1
            for child in head.children:
                if child.dep_ == "nsubj" and child.i < head.i:
                    cand = child
        if cand is not None and cand.pos_ == "PRON" and fold(cand.text) in ("qui", "que"):
            rel = verb.head if verb.dep_ == "acl:relcl" else None
            cand = rel if rel is not None and rel.pos_ in ("NOUN", "PROPN") else None
        if (
            cand is not None
            and fold(cand.text) in ("ce", "cela", "ça", "c'", "on", "il")
            and cand.dep_ == "expl:subj"
        ):
            cand = None
        if cand is not None and sent.start <= cand.i:
            left, right = self._np_range(cand, limit=hit.start)
            # "Paris et Berlin ont estimé" parsed with only "Berlin" as subject: take in the
            # coordinated mentions on its left
            joined = ("et",)  # "A, B et C": a comma joins only once an "et" has
            while left >= sent.start + 2 and tb.low[left - 1] in joined:
                if (left - 2) not in self.mention_at:
                    break
                left = self.token_at(self.mentions[self.mention_at[left - 2]]["start"])
                joined = ("et", ",")
            return left, right
        # the parse missed it: nearest mention or personal pronoun before the verb, with no
        # other finite verb in between
        j = hit.start - 1
        while j >= sent.start:
            tok = doc[j]
            if j in self.mention_at:
                m = self.mentions[self.mention_at[j]]
                if (
                    m["label"] in ("PER", "ORG")
                    or m.get("kind") in ("metonymy", "role")
                    or m.get("refers_to")
                    or self.gaz.metonymy(m["text"]) is not None
                ):
                    return self.token_at(m["start"]), j + 1
            if fold(tok.text) in PRONOUNS and tok.pos_ == "PRON":
                return j, j + 1
            finite = (
                tok.pos_ == "VERB"
                and "Fin" in self.table.feats(tok.i, "VerbForm")
                and tok.lemma_ not in ("avoir", "être")
            )
            if finite or fold(tok.text) in ("que", "qu'", "qui", ";"):
                return None
            comma = tok.text == "," and j < hit.start - 6
            if comma and any(tb.pos[k] == "VERB" for k in range(sent.start, j)):
                return None
            j -= 1
        return None

    def _np_range(self, head: Token, limit: int) -> tuple[int, int]:
        """Token range of the noun phrase headed by `head`, cut before `limit` and before
        relative clauses or comma-delimited material after the name."""
        left = head.left_edge.i
        right = head.i + 1
        for child in head.children:
            if child.i > head.i and child.dep_ in (
                "flat:name",
                "amod",
                "nmod",
                "appos",
                "fixed",
                "flat:foreign",
                "case",
                "det",
                "conj",
                "cc",
            ):
                right = max(right, child.right_edge.i + 1)
        right = min(right, limit)
        left = max(left, self.sents[self.sent_of(head.i)].start)
        # cut a leading participial phrase ("Interrogé sur l'accord, X")
        for k in range(head.i - 1, left - 1, -1):
            if self.table.text[k] == ",":
                left = k + 1
                break
        return left, max(right, left + 1)

    def _inverted_np(self, hit: Hit) -> tuple[int, int] | None:
        """Token range of a subject placed after the cue verb ("a déclaré X")."""
        doc = self.doc
        tb = self.table
        if hit.inverted is not None:
            return hit.inverted, hit.inverted + 1
        sent_end = self.sents[self.sent_of(hit.verb)].end
        j = hit.end
        while j < sent_end:
            skipped = skip_adjunct(tb.low, j, sent_end)
            if skipped == j and tb.low[j] in ("a", "au", "aux", "sur"):
                # an addressee or a medium before the subject: "a indiqué à l'AFP une source
                # proche …", "a expliqué sur franceinfo Julie Garnier"
                k = j + 1
                if k < sent_end and tb.pos[k] == "DET":
                    k += 1
                while (
                    k < min(sent_end, j + 5) and tb.pos[k] in ("PROPN", "NOUN") and k not in self.mention_at
                ):
                    k += 1
                k2 = k
                while k2 < sent_end and k2 in self.mention_at:
                    k2 += 1
                if k2 > k and k2 < sent_end and tb.pos[k2] in ("DET", "NOUN", "PROPN"):
                    # "à l'AFP", "au Monde", "à Euractiv" (a medium the model may call PER): the
                    # addressee, when the subject's noun phrase follows it
                    k = k2
                if k > j + 1 and k < sent_end and tb.pos[k] in ("DET", "NOUN", "PROPN"):
                    j = k
                    continue
            if skipped == j and not (tb.pos[j] == "ADV" or (tb.low[j] in MONTHS) or tb.digit[j]):
                break
            j = max(skipped, j + 1)
        if j >= sent_end:
            return None
        tok = doc[j]
        if j in self.mention_at:
            m = self.mentions[self.mention_at[j]]
            k = j
            while k < sent_end and self.mention_at.get(k) == self.mention_at[j]:
                k += 1
            # "ont annoncé Eramet et le chimiste allemand BASF": joint speakers, the second one
            # possibly named by a description with the name in apposition
            if k + 1 < sent_end and tb.low[k] in ("et", "and"):
                e = k + 1
                while (
                    e < min(sent_end, k + 6)
                    and e not in self.mention_at
                    and tb.pos[e] in ("DET", "NOUN", "ADJ")
                ):
                    e += 1
                other = self.mentions[self.mention_at[e]] if e < sent_end and e in self.mention_at else None
                if other is not None and other["label"] in ("PER", "ORG"):
                    return self.token_at(m["start"]), self.token_at(other["end"] - 1) + 1
            # "le porte-parole du Kremlin, Dmitri Peskov": prefer the name in apposition
            if k + 1 < sent_end and tb.text[k] == "," and (k + 1) in self.mention_at:
                m2 = self.mentions[self.mention_at[k + 1]]
                if m2["label"] == "PER":
                    return self.token_at(m2["start"]), self.token_at(m2["end"] - 1) + 1
            return self.token_at(m["start"]), k
        if tok.pos_ in ("DET", "NOUN", "PROPN") and fold(tok.text) not in ("que", "qu'"):
            k = j
            while k < sent_end and (
                tb.pos[k] in ("DET", "NOUN", "PROPN", "ADJ")
                or tb.low[k] in ("de", "du", "des", "d'", "-")
            ):
                if k in self.mention_at and k > j and self.mentions[self.mention_at[k]]["label"] == "PER":
                    m = self.mentions[self.mention_at[k]]
                    return self.token_at(m["start"]), self.token_at(m["end"] - 1) + 1
                k += 1
            if k < sent_end and tb.text[k] == "," and (k + 1) in self.mention_at:
                m2 = self.mentions[self.mention_at[k + 1]]
                if m2["label"] == "PER":
                    return self.token_at(m2["start"]), self.token_at(m2["end"] - 1) + 1
            # "ont indiqué le ministère du Commerce et l'Administration des douanes": two bodies
            # named together, each holding a mention
            if k + 1 < sent_end and tb.low[k] == "et" and self._has_mention(j, k):
                e = k + 1
                while e < sent_end and (
                    tb.pos[e] in ("DET", "NOUN", "PROPN", "ADJ")
                    or tb.low[e] in ("de", "du", "des", "d'")
                ):
                    e += 1
                if e > k + 1 and self._has_mention(k + 1, e):
                    k = e
            while k > j and tb.low[k - 1] in ("de", "du", "des", "d'"):
                k -= 1
            return (j, k) if k > j else None
        return None

    def _prep_statement(self, hit: Hit) -> dict | None:
        tb = self.table
        sent = self.sents[self.sent_of(hit.verb)]
        word = hit.cue.words[0]
        np = self._prep_object(hit.end, sent.end)
        if np is None:
            return None
        speaker = self.resolve(*np)
        if speaker is None:
            return None
        if not self._is_source(np, speaker):
            return None
        named = speaker.get("name") is not None or speaker.get("speakers") is not None
        person = (
            any(
                k in self.mention_at and self.mentions[self.mention_at[k]]["label"] == "PER"
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
            content = self._content_after(after, sent.end)
            if content is None:
                return None
            c0, c1 = content
        else:
            c0 = self._clause_start(sent.start, hit.start)
            c1 = hit.start
            while c1 > c0 and (
                (tb.punct[c1 - 1] and tb.text[c1 - 1] not in QUOTE_CHARS) or tb.space[c1 - 1]
            ):
                c1 -= 1
            while c0 < c1 and tb.space[c0]:
                c0 += 1
            if c1 <= c0:
                return None
            if self.span_dict(c0, c1) in self.quote_bounds:
                return None  # "« … », selon X": a direct quote with its source, not a clause
            goes_on = np[1] < after < sent.end and tb.low[after] not in ("qui", "que", "qu'", "dont")
            if goes_on and any(tb.pos[k] in ("VERB", "AUX") for k in range(after, sent.end)):
                # "La production, selon X, va baisser": the clause goes on after the source
                c1 = self._clause_end(after, sent.end)
                while c1 > c0 and tb.text[c1 - 1] not in QUOTE_CHARS and not tb.alpha[c1 - 1]:
                    c1 -= 1
        start, end = self.span_dict(c0, c1)
        return self._indirect(start, end, speaker, hit)

    def _clause_start(self, lo: int, hi: int) -> int:
        """Where the clause a trailing "selon X" reports starts: after the last sentence end the
        parser missed ('… doublé. Le stock …', '… » Le stock …'), a semicolon or a colon."""
        doc = self.doc
        for k in range(hi - 2, lo - 1, -1):
            tok, nxt = doc[k], doc[k + 1]
            if tok.text in (";", ":"):
                return k + 1
            ends = tok.text in (".", "!", "?", "…", "»", "”") and nxt.text[:1].isupper()
            if ends and not self.in_quote(nxt.idx):
                return k + 1
        return lo

    def _prep_object(self, j: int, sent_end: int) -> tuple[int, int] | None:
        """Token range of the source after "selon"/"d'après": up to a comma, verb or the end."""
        doc = self.doc
        tb = self.table
        if j < sent_end and tb.low[j] in PRONOUNS:
            return j, j + 1  # "selon elle", "d'après lui"
        k = j
        while k < sent_end:
            tok = doc[k]
            if (
                tok.is_punct
                or tok.pos_ in ("VERB", "AUX", "SCONJ")
                or fold(tok.text) in ("qui", "que", "qu'")
            ):
                break
            k += 1
        return (j, k) if k > j else None

    def _is_source(self, np: tuple[int, int], speaker: dict) -> bool:
        if speaker.get("id") or speaker.get("speakers"):
            return True
        toks = self.doc[np[0] : np[1]]
        if any(
            i in self.mention_at and self.mentions[self.mention_at[i]]["label"] in ("PER", "ORG")
            for i in range(*np)
        ):
            return True
        return any(fold(t.text) in SOURCE_NOUNS or fold(t.lemma_) in SOURCE_NOUNS for t in toks)


def _same_speaker(a: dict | None, b: dict | None) -> bool:
    if not a or not b:
        return False
    if a.get("id") and a.get("id") == b.get("id"):
        return True
    return a.get("name") is not None and a.get("name") == b.get("name")
