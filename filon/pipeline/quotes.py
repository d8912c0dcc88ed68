"""`filon_quotes`: who said what — direct, indirect and mixed quotations with their speakers.

Reads `doc._.filon_entities` (mentions already linked to canonical identities, including roles
and metonymies), `doc._.filon_boilerplate` and `doc._.filon_published`; writes
`doc._.filon_quotes`, a list of plain dicts in text order::

    {"kind": "direct"|"indirect"|"mixed"|"term", "text", "start", "end",
     "speaker": {"name", "id", "text", "start", "end"[, "speakers"]} | None,
     "cue", "cue_start", "cue_end", "cue_lemma", "fragment": bool, "term": bool,
     # mixed only: the quoted fragment(s) inside the reported clause
     "quote_text", "quote_start", "quote_end", "quotes": [{"text","start","end"}],
     # direct only, when present
     "incise": {"start","end"}, "nested": [{"start","end"}]}

Representation choices (also in the README section on quotes):

- A direct quote's `text`/`start`/`end` is the content inside the marks, without the padding
  spaces of « » but with the punctuation inside the marks.
- A reported clause that holds a quoted fragment is ONE `mixed` item whose span is the clause;
  the fragment stays reachable through `quote_start`/`quote_end` (all fragments in `quotes`).
- Quoted terms that are nobody's speech — scare quotes, names of documents or plans, slogans
  with no speaker — are `kind: "term"` (`term: true`). A term inside someone's statement
  carries that statement's speaker.
- Joint speakers ("selon Kiev et Washington") have `name` "A & B" (canonical names joined by
  " & "), `id` None, and a `speakers` list with one dict per member.
- "selon ses termes"-type cues only attribute the wording of a fragment; they are not
  statements of their own.
- Nested quotes (a quote inside a quote) are not separate items; their spans are listed in the
  outer quote's `nested`.

Notes:
    Method: quotation-mark spans first (`filon.pipeline.quote_marks`), then a one-pass scan of
    the tokens for reporting cues (lexicon `reporting_cues.csv` of the domain pack), then local
    token patterns around each cue and each quote (inversion, incise, colon, que-clause,
    "selon X"), checked against the dependency parse where it helps (nsubj of the cue). All
    look-ups are local windows, so the cost is linear in the article length.
"""

from __future__ import annotations

import json
import logging
from bisect import bisect_left, bisect_right
from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from filon.domains import DEFAULT_DOMAIN, read_csv
from filon.domains.gazetteer import Gazetteer, fold, load_gazetteer
from filon.pipeline.extensions import in_spans, set_doc_extensions
from filon.pipeline.quote_cues import (
    FINAL_PUNCT,
    POSSESSIVES,
    PRONOUNS,
    QUOTE_CHARS,
    SOURCE_NOUNS,
    CueLexicon,
    CueScanner,
    Hit,
    is_final,
    is_month,
    skip_adjunct,
)
from filon.pipeline.quote_marks import QuoteSpan, find_quotes
from filon.pipeline.quote_speakers import SpeakerResolver

LOGGER = logging.getLogger(__name__)

CUES_FILE = "reporting_cues.csv"
# prepositions that open a circumstance or an addressee between a cue and its content
PP_STARTS = frozenset(
    {"lors", "devant", "pendant", "durant", "depuis", "dans", "sur", "en", "apres", "avant", "a", "au", "aux",
     "chez", "par", "aupres", "face"}
)  # fmt: skip
TEMPORAL_MODIFIERS = frozenset({"meme", "dernier", "derniere", "prochain", "prochaine", "-la"})
TEMPORAL_NOUNS = frozenset(
    {"jour", "lendemain", "veille", "semaine", "mois", "annee", "an", "matin", "soir", "week-end", "jour-la"}
)
NOT_ADVERBS = frozenset({"ne", "n'", "pas", "que", "qu'"})  # negation and que tagged ADV
DEFINITE = frozenset({"le", "la", "les", "l'", "du", "au", "aux", "ce", "cette", "ces"})


class QuoteAttributor:
    """Find quotes and statements and attribute them to speakers (spaCy component)."""

    def __init__(self, nlp: Language, name: str = "filon_quotes", domain: str = DEFAULT_DOMAIN):
        self.name = name
        self.domain = domain
        set_doc_extensions()
        self.lexicon = CueLexicon()
        self.rows: tuple[dict, ...] = ()
        self._gazetteer: Gazetteer | None = None
        self.initialize(domain=domain)

    def initialize(
        self, get_examples: Any = None, nlp: Language | None = None, *, domain: str | None = None
    ) -> None:
        """Load the cue lexicon and the gazetteer of the domain pack."""
        self.domain = domain or self.domain
        self.rows = read_csv(self.domain, CUES_FILE, ("cue", "lemma", "type", "source"))
        self.lexicon = CueLexicon.from_rows(self.rows)
        self._gazetteer = load_gazetteer(self.domain)

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Save the cue lexicon with the pipeline, so a saved pipeline carries its own data."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        data = {"domain": self.domain, "cues": list(self.rows)}
        (path / "cues.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> QuoteAttributor:
        """Load the cue lexicon saved by `to_disk` (the gazetteer comes from the domain pack)."""
        data = json.loads((Path(path) / "cues.json").read_text(encoding="utf-8"))
        self.domain = data["domain"]
        self.rows = tuple(data["cues"])
        self.lexicon = CueLexicon.from_rows(self.rows)
        self._gazetteer = load_gazetteer(self.domain)
        return self

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            quotes = self.match(doc)
            self.set_annotations(doc, quotes)
            return doc
        except Exception as exc:
            return error_handler(self.name, self, [doc], exc)

    def get_error_handler(self):
        """The handler `nlp.set_error_handler` installed, else one that re-raises."""
        return getattr(self, "_error_handler", _raise_error)

    def set_error_handler(self, error_handler) -> None:
        self._error_handler = error_handler

    def match(self, doc: Doc) -> list[dict]:
        """Every quote, statement and term of the doc, as plain dicts in text order."""
        return _DocQuotes(doc, self.lexicon, self._gazetteer or load_gazetteer(self.domain)).run()

    def set_annotations(self, doc: Doc, quotes: list[dict]) -> None:
        doc._.filon_quotes = quotes


def _raise_error(proc_name, proc, docs, e):
    raise e


@Language.factory("filon_quotes", default_config={"domain": DEFAULT_DOMAIN})
def make_quotes(nlp: Language, name: str, domain: str = DEFAULT_DOMAIN) -> QuoteAttributor:
    """Create the `filon_quotes` component.

    Args:
        nlp: the pipeline.
        name: the component name.
        domain: domain pack holding `reporting_cues.csv` and the gazetteer. Defaults to
            `minerals`.
    """
    return QuoteAttributor(nlp, name, domain)


# ---------------------------------------------------------------------------------------------
# per-document work


class _DocQuotes(SpeakerResolver):
    """All the state of one document's attribution; built and thrown away per doc."""

    def __init__(self, doc: Doc, lexicon: CueLexicon, gazetteer: Gazetteer) -> None:
        self.doc = doc
        self.lex = lexicon
        self.gaz = gazetteer
        self.text = doc.text
        self.day = _parse_date(doc._.filon_published)
        self.skip = doc._.filon_boilerplate or []
        self.sents = _sentences(doc)
        self.sent_starts = [s.start for s in self.sents]
        self.tok_starts = [t.idx for t in doc]
        self.mentions = self._mentions()
        self.mention_at: dict[int, int] = {}  # token index -> mention index
        for k, m in enumerate(self.mentions):
            for i in range(self.token_at(m["start"]), self.token_at(max(m["start"], m["end"] - 1)) + 1):
                self.mention_at.setdefault(i, k)
        self.speaker_events: list[tuple[int, dict]] = []
        self.quote_bounds: set[tuple[int, int]] = set()
        self.sent_speakers: dict[int, list[tuple[int, dict]]] = {}
        self.subheadings: list[dict] = []
        self.hit_starts: list[int] = []  # sentence -> (verb, speaker)
        self.quote_ranges: list[tuple[int, int]] = []
        self.quote_starts: list[int] = []
        # (token after the speaker of an inverted attribution, speaker, hit): a quote opening
        # right there continues the same utterance ("« … », a dit X, « … »")
        self.split_after: tuple[int, dict, Hit] | None = None
        self.scanner = CueScanner(doc, lexicon, self.skip)  # (char offset, speaker) in text order

    # -- helpers over offsets --------------------------------------------------------------

    def token_at(self, char: int) -> int:
        """Index of the token holding character `char` (or the nearest before it)."""
        return max(0, bisect_right(self.tok_starts, char) - 1)

    def sent_of(self, i: int) -> int:
        return max(0, bisect_right(self.sent_starts, i) - 1)

    def span_dict(self, i: int, j: int) -> tuple[int, int]:
        """Character offsets of tokens [i, j)."""
        return self.doc[i].idx, self.doc[j - 1].idx + len(self.doc[j - 1].text)

    # -- the pass ----------------------------------------------------------------------------

    def run(self) -> list[dict]:
        # quotes in captions and credits are skipped; a subheading may quote someone (« Pas
        # une dette ») and is kept, attributed by the paragraph under it
        self.subheadings = [b for b in self.skip if b.get("kind") == "subheading"]
        hard_skip = [b for b in self.skip if b.get("kind") != "subheading"]
        quotes = [q for q in find_quotes(self.text) if not in_spans(q.open_start, q.close_end, hard_skip)]
        top = [q for q in quotes if q.depth == 0]
        self.quote_bounds = {(q.open_start, q.close_end) for q in top}
        self.quote_ranges = sorted(self.quote_bounds)
        self.quote_starts = [r[0] for r in self.quote_ranges]
        inside = [False] * len(self.doc)
        for q in top:
            for i in range(self.token_at(q.start), self.token_at(max(q.start, q.end - 1)) + 1):
                inside[i] = True
        hits = self.scanner.hits()
        self.hit_starts = [h.start for h in hits]
        statements = self._statements(hits, inside)
        items: list[dict] = list(statements)
        for q in top:
            nested = [
                {"start": n.start, "end": n.end}
                for n in quotes
                if n.depth > 0 and q.open_start < n.open_start < q.close_end
            ]
            item = self._quote(q, hits, statements)
            if item is None:
                continue
            if nested and item["kind"] == "direct":
                item["nested"] = nested
            if item["kind"] != "attached":
                items.append(item)
                items.extend(item.pop("_more", []))
            if item.get("speaker") is not None:
                self._add_event(q.start, item["speaker"])
        for st in statements:
            frags = st.pop("_fragments", [])
            if frags:
                st["kind"] = "mixed"
                st["quotes"] = frags
                st["quote_text"], st["quote_start"], st["quote_end"] = (
                    frags[0]["text"],
                    frags[0]["start"],
                    frags[0]["end"],
                )
            st.pop("_hit", None)
        items = [i for i in items if i["kind"] != "attached"]
        for it in items:
            it.setdefault("fragment", False)
            it["term"] = it["kind"] == "term"
        items.sort(key=lambda it: (it["start"], it["end"]))
        return items

    def _add_event(self, pos: int, speaker: dict) -> None:
        keys = [e[0] for e in self.speaker_events]
        self.speaker_events.insert(bisect_right(keys, pos), (pos, speaker))

    # -- statements (indirect speech) ------------------------------------------------------

    def _statements(self, hits: list[Hit], inside: list[bool]) -> list[dict]:
        out = []
        prev: Hit | None = None
        for hit in hits:
            if inside[hit.verb] or hit.cue.type == "wording":
                continue  # speech inside a quote belongs to the quote's speaker
            chained = prev is not None and prev.cue.type != "preposition" and hit.start == prev.end
            prev = hit
            if chained and "Inf" in self.doc[hit.start].morph.get("VerbForm"):
                continue  # "a dit espérer …": the infinitive is the content of the first cue
            if self._passive(hit):
                continue  # "le rapport a été publié": the subject is what is said, not who
            if hit.start == hit.verb and hit.verb > 0 and fold(self.doc[hit.verb - 1].text) == "pour":
                continue  # "pour plaider en faveur de …": a purpose, not something said
            st = self._prep_statement(hit) if hit.cue.type == "preposition" else self._verb_statement(hit)
            if st is not None:
                out.append(st)
                if hit.cue.type == "preposition" and st["speaker"] is not None:
                    self._add_event(st["cue_start"], st["speaker"])
        return self._merge_nested(out)

    def _merge_nested(self, statements: list[dict]) -> list[dict]:
        """Drop statements that only continue an earlier one of the same speaker in the same
        sentence: "X a indiqué que … et qu'il espérait …", "X s'est félicité, selon lui, …"."""
        kept: list[dict] = []
        for st in statements:
            sent = self.sent_of(self.token_at(st["cue_start"]))
            hit = st["_hit"]
            pronoun = hit.cue.type == "preposition" and fold(self.doc[hit.end].text) in PRONOUNS
            same = [k for k in kept if _same_speaker(k["speaker"], st["speaker"])]
            same = [k for k in same if self.sent_of(self.token_at(k["cue_start"])) == sent]
            # a cue with its own pronoun subject inside the clause ("… et qu'il espérait …")
            own_pronoun = any(fold(t.text) in PRONOUNS for t in self.doc[max(0, hit.start - 2) : hit.start])
            inside = own_pronoun and any(k["start"] <= st["cue_start"] < k["end"] for k in same)
            if (pronoun and same) or inside:
                continue
            kept.append(st)
        return kept

    def _content_after(self, j: int, sent_end: int) -> tuple[int, int] | None:
        """Token range of the reported content starting at or after `j`, skipping adjuncts."""
        doc = self.doc
        while j < sent_end:
            tok = doc[j]
            low = fold(tok.text)
            skipped = skip_adjunct(doc, j, sent_end)
            if skipped > j:
                j = skipped
                continue
            if tok.is_space or tok.is_digit or (tok.pos_ == "ADV" and low not in NOT_ADVERBS):
                j += 1
                continue
            if tok.text == "," or tok.text in ("(", "—", "–"):
                # an incidental phrase between commas ("lundi, lors d'une rencontre, un accord")
                k = j + 1
                while k < sent_end and doc[k].text not in (",", ")", "—", "–") and not is_final(doc[k]):
                    k += 1
                if k < sent_end and doc[k].text in (",", ")", "—", "–") and k - j <= 12:
                    j = k + 1
                    continue
                return None
            if is_month(tok):
                j += 1
                continue
            if low in ("le", "la", "l'", "ce", "cette", "cet") and j + 1 < sent_end:
                k = j + 1
                while k < min(sent_end, j + 4) and fold(doc[k].text) in TEMPORAL_MODIFIERS:
                    k += 1
                if k < sent_end and fold(doc[k].text) in TEMPORAL_NOUNS:
                    k += 1
                    while k < sent_end and fold(doc[k].text) in TEMPORAL_MODIFIERS:
                        k += 1
                    j = k  # "le même jour", "la semaine dernière", "ce jour-là"
                    continue
            if low in ("en", "depuis", "des", "debut", "fin", "mi") and j + 1 < sent_end:
                nxt = doc[j + 1]
                if nxt.is_digit or is_month(nxt):
                    j += 2  # "en 2023", "début mars"
                    continue
            if low in PP_STARTS or (low == "dans" and self._temporal_pp(j)):
                # a circumstance or an addressee before the content: "devant la presse que …",
                # "à l'AFP que …", "lors d'un entretien, …"
                k = j + 1
                while k < sent_end and doc[k].text != "," and not is_final(doc[k]):
                    if fold(doc[k].text) in ("que", "qu'") or doc[k].pos_ in ("VERB", "AUX"):
                        break
                    k += 1
                stop = k < sent_end and (doc[k].text == "," or fold(doc[k].text) in ("que", "qu'"))
                bare_inf = (
                    k < sent_end
                    and doc[k].pos_ in ("VERB", "AUX")
                    and "Inf" in doc[k].morph.get("VerbForm")
                    and fold(doc[k - 1].text) not in ("de", "d'", "a", "pour", "sans")
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
            (doc[end - 1].is_punct and doc[end - 1].text not in QUOTE_CHARS | {")"}) or doc[end - 1].is_space
        ):
            end -= 1
        if end <= j:
            return None
        return j, end

    def _clause_end(self, j: int, sent_end: int) -> int:
        """Where a reported clause starting at `j` stops: before a semicolon, or before a comma
        that opens another speech act or a contrast (", jugeant que", ", avant de qualifier",
        ", tout en insistant", ", mais", ", tandis que")."""
        doc = self.doc
        depth = 0
        for k in range(j, sent_end):
            tok = doc[k]
            if tok.text in ("«", "“", "„", "‹"):
                depth += 1
            elif tok.text in ("»", "”", "›"):
                depth = max(0, depth - 1)
            if depth or k + 1 >= sent_end:
                continue
            if tok.text == ";":
                return k
            if tok.text != ",":
                continue
            nxt = doc[k + 1]
            low = fold(nxt.text)
            two = fold(doc[k + 2].text) if k + 2 < sent_end else ""
            if low in ("mais", "tandis") or (low, two) in {("alors", "que"), ("avant", "de"), ("avant", "d'"),
                                                          ("apres", "avoir"), ("tout", "en")}:  # fmt: skip
                return k
            gerund = nxt.pos_ in ("VERB", "AUX") and low.endswith("ant")
            if gerund and any(lemma in self.lex.by_lemma for lemma in self.scanner.lemmas(nxt)):
                return k
            if low == "en" and two.endswith("ant"):
                return k
        return sent_end

    def _temporal_pp(self, j: int) -> bool:
        return j + 2 < len(self.doc) and fold(self.doc[j + 2].text) in ("temps", "foulee", "cadre")

    def _passive(self, hit: Hit) -> bool:
        """True for a passive cue ("a été annoncé", "sont estimées"). The tagger marks many bare
        participles Voice=Pass ("Kiev avait lui-même suggéré"), so that feature alone is not
        trusted: a passive needs "être" as its auxiliary without a reflexive clitic."""
        doc = self.doc
        verb = doc[hit.verb]
        if any(c.dep_ == "aux:pass" for c in verb.children):
            return True
        if any(fold(t.text) == "ete" for t in doc[hit.start : hit.verb]):
            return True
        aux = [t for t in doc[max(0, hit.verb - 3) : hit.verb] if t.lemma_ == "être"]
        reflexive = any(fold(t.text) in ("se", "s'") for t in doc[max(0, hit.verb - 4) : hit.verb])
        return bool(aux) and "Pass" in verb.morph.get("Voice") and not reflexive

    def _frames(self, j: int, end: int) -> set[str]:
        """Which complement frame the content starting at token `j` realises."""
        doc = self.doc
        tok = doc[j]
        low = fold(tok.text)
        frames: set[str] = set()
        if low in ("que", "qu'", "that"):
            return {"que"}
        if low == "comme":
            return {"comme"}  # "que Kiev considère comme un premier pas"
        if low in ("de", "d'", "à", "pour", "a", "au", "aux", "to"):
            # "de/à/pour + infinitive" or "au gouvernement de + infinitive"
            for k in range(j + 1, min(end, j + 8)):
                if doc[k].pos_ in ("VERB", "AUX") and "Inf" in doc[k].morph.get("VerbForm"):
                    mark = (
                        fold(doc[k - 1].text)
                        if fold(doc[k - 1].text) not in ("ne", "pas", "se", "s'")
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
                frames.add("obj" if tok.pos_ == "DET" else "de")
            return frames
        if tok.pos_ in ("VERB", "AUX") and "Inf" in tok.morph.get("VerbForm"):
            return {"inf"}
        if tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm"):
            return {"attr"}  # "s'est dit disposé à …"
        if tok.pos_ == "ADJ" and low not in ("premier", "premiere", "nouveau", "nouvelle"):
            return {"attr"}
        if tok.pos_ in ("DET", "NOUN", "PROPN", "NUM", "ADJ", "PRON", "ADP") or tok.text in QUOTE_CHARS:
            frames.add("obj")
            if any(fold(t.text) == "comme" for t in doc[j + 1 : min(end, j + 10)]):
                frames.add("comme")  # "présente le fonds comme un moyen de …"
            for k in range(j + 1, min(end, j + 14)):
                if doc[k].pos_ in ("VERB", "AUX") and "Inf" in doc[k].morph.get("VerbForm"):
                    mark = fold(doc[k - 1].text)
                    if mark in ("de", "d'", "a"):
                        frames.add("de" if mark != "a" else "à")
                    break
                if doc[k].text == ",":
                    break
        return frames

    def _verb_statement(self, hit: Hit) -> dict | None:
        doc = self.doc
        s_idx = self.sent_of(hit.verb)
        sent = self.sents[s_idx]
        inverted = self._inversion(hit)
        if inverted is not None:
            speaker = self.resolve(*inverted)
            if speaker is not None:
                self.sent_speakers.setdefault(s_idx, []).append((hit.verb, speaker))
                self._add_event(doc[hit.start].idx, speaker)  # later pronouns may refer to it
            if speaker is None or (self._follows_quote(hit) and self._quote_opens_clause(hit, sent)):
                return None  # "« … », a déclaré X": a direct quote's attribution, not a clause
            return self._inverted_statement(hit, speaker, sent)
        if hit.inverted is not None:
            return None
        speaker = None
        verb = doc[hit.verb]
        own_subject = any(c.dep_.startswith("nsubj") and c.i < hit.start for c in verb.children)
        if not own_subject and hit.start == hit.verb and self._nonfinite(verb):
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
        if not frames & hit.cue.frames:
            return None
        if doc[c0].text == ":":
            return None
        start_tok = c0 + 1 if fold(doc[c0].text) in ("que", "qu'", "that") and c0 + 1 < c1 else c0
        if speaker is None:
            return None
        self.sent_speakers.setdefault(s_idx, []).append((hit.verb, speaker))
        self._add_event(doc[hit.start].idx, speaker)
        start, end = self.span_dict(start_tok, c1)
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

    @staticmethod
    def _nonfinite(verb: Token) -> bool:
        forms = verb.morph.get("VerbForm")
        return "Inf" in forms or "Ger" in forms or (verb.text.endswith("ant") and "Fin" not in forms)

    def _inversion(self, hit: Hit) -> tuple[int, int] | None:
        """The inverted subject of a cue that follows what was said ("…, a déclaré X",
        "…, a-t-il précisé"), or None when the cue is not in that position."""
        doc = self.doc
        if hit.inverted is not None:
            return hit.inverted, hit.inverted + 1
        after_comma = hit.start > 0 and doc[hit.start - 1].text in (",", "—", "–")
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
        j = hit.start - 1
        while j > sent.start and ((doc[j].is_punct and doc[j].text not in QUOTE_CHARS) or doc[j].is_space):
            j -= 1
        close = doc[j].idx + len(doc[j].text)
        quote = next((b for b in self.quote_ranges if b[1] == close), None)
        if quote is None:
            return True
        k = self.token_at(quote[0]) - 1
        while k >= sent.start and (doc[k].is_space or doc[k].text in (":", "—", "–")):
            k -= 1
        return k < sent.start or doc[k].text in FINAL_PUNCT or "\n" in doc[k].text_with_ws

    def _inverted_statement(self, hit: Hit, speaker: dict, sent: Span) -> dict | None:
        """ "Le projet a été approuvé, a annoncé X": the clause before the comma is the content."""
        doc = self.doc
        c1 = hit.start - 1
        c0 = sent.start
        for k in range(c1 - 1, sent.start - 1, -1):
            if doc[k].text in (":", ";") or (doc[k].is_space and "\n" in doc[k].text):
                c0 = k + 1
                break
        while c0 < c1 and doc[c0].is_space:
            c0 += 1
        if c1 - c0 < 2:
            return None
        start, end = self.span_dict(c0, c1)
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

    def _cue_fields(self, hit: Hit) -> dict:
        # the cue as written: the scanner only includes an auxiliary (and "s'", "-t-il") when
        # it is contiguous to the verb, so "a dans le même temps assuré" gives "assuré"
        start, end = self.span_dict(hit.start, hit.end)
        return {"cue": self.text[start:end], "cue_start": start, "cue_end": end, "cue_lemma": hit.cue.lemma}

    def _follows_quote(self, hit: Hit) -> bool:
        doc = self.doc
        j = hit.start - 1
        while j >= 0 and ((doc[j].is_punct and doc[j].text not in QUOTE_CHARS) or doc[j].is_space):
            j -= 1
        return j >= 0 and doc[j].text in QUOTE_CHARS

    def _subject(self, hit: Hit) -> tuple[int, int] | None:
        """Token range of the pre-verbal subject of a cue verb, or None."""
        doc = self.doc
        verb = doc[hit.verb]
        sent = self.sents[self.sent_of(hit.verb)]
        cand: Token | None = None
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubj:pass") and child.i < hit.start:
                cand = child
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
            while left >= sent.start + 2 and fold(doc[left - 1].text) in joined:
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
                and "Fin" in tok.morph.get("VerbForm")
                and tok.lemma_ not in ("avoir", "être")
            )
            if finite or fold(tok.text) in ("que", "qu'", "qui", ";"):
                return None
            if tok.text == "," and any(t.pos_ == "VERB" for t in doc[sent.start : j]) and j < hit.start - 6:
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
            if self.doc[k].text == ",":
                left = k + 1
                break
        return left, max(right, left + 1)

    def _inverted_np(self, hit: Hit) -> tuple[int, int] | None:
        """Token range of a subject placed after the cue verb ("a déclaré X")."""
        doc = self.doc
        if hit.inverted is not None:
            return hit.inverted, hit.inverted + 1
        sent_end = self.sents[self.sent_of(hit.verb)].end
        j = hit.end
        while j < sent_end:
            skipped = skip_adjunct(doc, j, sent_end)
            if skipped == j and not (doc[j].pos_ == "ADV" or is_month(doc[j]) or doc[j].is_digit):
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
            # "le porte-parole du Kremlin, Dmitri Peskov": prefer the name in apposition
            if k + 1 < sent_end and doc[k].text == "," and (k + 1) in self.mention_at:
                m2 = self.mentions[self.mention_at[k + 1]]
                if m2["label"] == "PER":
                    return self.token_at(m2["start"]), self.token_at(m2["end"] - 1) + 1
            return self.token_at(m["start"]), k
        if tok.pos_ in ("DET", "NOUN", "PROPN") and fold(tok.text) not in ("que", "qu'"):
            k = j
            while k < sent_end and (
                doc[k].pos_ in ("DET", "NOUN", "PROPN", "ADJ")
                or fold(doc[k].text) in ("de", "du", "des", "d'", "-")
            ):
                if k in self.mention_at and k > j and self.mentions[self.mention_at[k]]["label"] == "PER":
                    m = self.mentions[self.mention_at[k]]
                    return self.token_at(m["start"]), self.token_at(m["end"] - 1) + 1
                k += 1
            if k < sent_end and doc[k].text == "," and (k + 1) in self.mention_at:
                m2 = self.mentions[self.mention_at[k + 1]]
                if m2["label"] == "PER":
                    return self.token_at(m2["start"]), self.token_at(m2["end"] - 1) + 1
            while k > j and fold(doc[k - 1].text) in ("de", "du", "des", "d'"):
                k -= 1
            return (j, k) if k > j else None
        return None

    def _prep_statement(self, hit: Hit) -> dict | None:
        doc = self.doc
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
        if after < sent.end and doc[after].text == ",":
            after += 1
        if hit.start <= sent.start + 1 and after < sent.end:
            content = self._content_after(after, sent.end)
            if content is None:
                return None
            c0, c1 = content
        else:
            c0 = sent.start
            c1 = hit.start
            while c1 > c0 and (
                (doc[c1 - 1].is_punct and doc[c1 - 1].text not in QUOTE_CHARS) or doc[c1 - 1].is_space
            ):
                c1 -= 1
            while c0 < c1 and doc[c0].is_space:
                c0 += 1
            if c1 <= c0:
                return None
            if self.span_dict(c0, c1) in self.quote_bounds:
                return None  # "« … », selon X": a direct quote with its source, not a clause
        start, end = self.span_dict(c0, c1)
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

    def _prep_object(self, j: int, sent_end: int) -> tuple[int, int] | None:
        """Token range of the source after "selon"/"d'après": up to a comma, verb or the end."""
        doc = self.doc
        if j < sent_end and fold(doc[j].text) in PRONOUNS:
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

    # -- direct quotes ---------------------------------------------------------------------

    def _quote(self, q: QuoteSpan, hits: list[Hit], statements: list[dict]) -> dict | None:
        doc = self.doc
        qi0, qi1 = self.token_at(q.start), self.token_at(max(q.start, q.end - 1)) + 1
        base = {"kind": "direct", "text": self.text[q.start : q.end], "start": q.start, "end": q.end}
        fragment = self._is_fragment(q)
        if in_spans(q.open_start, q.close_end, self.subheadings):
            return self._subheading_quote(q, base, fragment)
        # 1. inside a reported clause: a mixed statement (the smallest clause holding it)
        holder = None
        for st in statements:
            holds = st["start"] <= q.open_start and q.close_end <= st["end"] + 1
            smaller = holder is None or st["end"] - st["start"] < holder["end"] - holder["start"]
            if holds and smaller and st["speaker"] is not None:
                holder = st
        if holder is None and fragment:
            # a fragment later in the sentence of a statement, outside the parsed clause
            # ("il a ordonné …, afin que « … »")
            sent = self.sent_of(qi0)
            for st in statements:
                if (
                    self.sent_of(self.token_at(st["start"])) == sent
                    and st["cue_end"] is not None
                    and st["cue_end"] <= q.open_start
                ):
                    holder = st
        if holder is not None:
            if self._looks_like_term(q, qi0, qi1, fragment):
                return {**base, "kind": "term", "speaker": holder["speaker"], "cue": None, "cue_start": None,
                        "cue_end": None, "cue_lemma": None, "fragment": True}  # fmt: skip
            holder["_fragments"].append({"text": base["text"], "start": q.start, "end": q.end})
            if holder["kind"] == "indirect" and holder["start"] > q.start:
                pass
            return {"kind": "attached", "speaker": holder["speaker"], "start": q.start, "end": q.end}
        # 2. incise inside the marks: « Nous sommes prêts, a-t-il dit, à travailler »
        for hit in self._hits_between(hits, qi0, qi1):
            if (
                qi0 < hit.start
                and hit.end < qi1
                and hit.cue.type != "preposition"
                and doc[hit.start - 1].text == ","
            ):
                np = self._inverted_np(hit)
                if np is not None and "direct" in hit.cue.frames | {"direct"}:
                    speaker = self.resolve(*np)
                    if speaker is not None:
                        return self._split_at_incise(q, hit, np, speaker, fragment)
        # 3. inversion after the marks: « … », a déclaré X / « … », selon X

        after = self._hit_after(q, hits)
        if after is not None:
            if after.cue.type == "preposition":
                np = self._prep_object(after.end, self.sents[self.sent_of(after.verb)].end)
            elif after.cue.type == "wording":
                np = None
            else:
                np = self._inverted_np(after)
            speaker = self.resolve(*np) if np is not None else None
            if speaker is not None:
                self.split_after = (np[1], speaker, after)
                return {**base, "speaker": speaker, **self._cue_fields(after), "fragment": fragment}
        # 3b. second half of a quote split by its attribution: « … », a déclaré X, « … »
        if self.split_after is not None:
            k, speaker, hit = self.split_after
            open_tok = self.token_at(q.open_start)
            between = [t for t in doc[k:open_tok] if not t.is_space]
            if all(t.text == "," for t in between) and len(between) <= 1 and open_tok >= k:
                return {**base, "speaker": speaker, **self._cue_fields(hit), "fragment": False}
        # 4. a "selon ses termes" next to the fragment, or a cue introducing it with a colon
        wording = self._wording_near(q, hits)
        if wording is not None:
            speaker = self._possessive_speaker(wording)
            if speaker is not None:
                return {**base, "speaker": speaker, **self._cue_fields(wording), "fragment": fragment}
        intro = self._colon_intro(q, hits)
        if intro is not None:
            speaker, hit = intro
            cue = self._cue_fields(hit) if hit is not None else _no_cue()
            return {**base, "speaker": speaker, **cue, "fragment": False}
        # 5. nobody is named next to it: a whole quoted sentence continues the last speaker
        if not fragment:
            speaker = self._context_speaker(q)
            return {**base, "speaker": speaker, **_no_cue(), "fragment": False}
        # 6. an embedded quote nobody says: a term (scare quotes, titles, slogans)
        return {**base, "kind": "term", "speaker": None, **_no_cue(), "fragment": True}

    def _subheading_quote(self, q: QuoteSpan, base: dict, fragment: bool) -> dict:
        """A quote in a subheading: a whole quoted line is an excerpt of what the next
        paragraph's first speaker says; a quoted word inside a title is a term."""
        if not fragment:
            keys = [e[0] for e in self.speaker_events]
            k = bisect_right(keys, q.close_end)
            limit = self.sent_of(self.token_at(q.close_end - 1)) + 3
            if k < len(self.speaker_events):
                pos, speaker = self.speaker_events[k]
                if self.sent_of(self.token_at(pos)) <= limit:
                    return {**base, "speaker": speaker, **_no_cue(), "fragment": True}
        return {**base, "kind": "term", "speaker": None, **_no_cue(), "fragment": True}

    def _split_at_incise(
        self, q: QuoteSpan, hit: Hit, np: tuple[int, int], speaker: dict, fragment: bool
    ) -> dict:
        """The two segments of a quote interrupted by its attribution inside the marks
        (« Nous sommes prêts, a-t-il dit, à travailler »), as the gold counts them: one item
        per segment, without the incise; the second is chained under "_more"."""
        doc = self.doc
        i0 = doc[hit.start - 1].idx
        qi1 = self.token_at(max(q.start, q.end - 1)) + 1
        i1 = self.span_dict(np[0], np[1])[1]
        for k in range(np[1], min(qi1, np[1] + 15)):
            if doc[k].text == ",":
                i1 = doc[k].idx + 1
                break
        first = (q.start, i0)
        second = (i1, q.end)
        while second[0] < second[1] and self.text[second[0]].isspace():
            second = (second[0] + 1, second[1])
        cue = self._cue_fields(hit)
        incise = {"start": i0, "end": i1}
        items = [
            {"kind": "direct", "text": self.text[a:b], "start": a, "end": b, "speaker": speaker, **cue,
             "fragment": fragment, "incise": incise}
            for a, b in (first, second)
            if b > a
        ]  # fmt: skip
        head = items[0]
        if len(items) > 1:
            head["_more"] = items[1:]
        return head

    def _is_fragment(self, q: QuoteSpan) -> bool:
        """True when the quote sits inside narration rather than standing as a sentence."""
        j = q.open_start - 1
        while j >= 0 and self.text[j] in " \t\u00a0\u202f":
            j -= 1
        if j < 0 or self.text[j] in "\n.!?…:—–" or self.text[j] in '«“"':
            return False
        k = q.end - 1
        inner_sentence = self.text[k] in ".!?…" and q.start < len(self.text) and self.text[q.start].isupper()
        return not (inner_sentence and self.text[j] in ",;")

    def _looks_like_term(self, q: QuoteSpan, i0: int, i1: int, fragment: bool) -> bool:
        """A short noun phrase used as a name or with scare quotes, not the speaker's words."""
        if not fragment:
            return False
        toks = [t for t in self.doc[i0:i1] if t.text not in QUOTE_CHARS]
        if not toks or len(toks) > 8:
            return False
        if any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in toks):
            return False
        if toks[0].pos_ not in ("NOUN", "PROPN", "ADJ", "DET", "X", "NUM") or (
            toks[0].pos_ == "ADJ" and len(toks) == 1
        ):
            return False
        # the word before the opening mark decides: a definite article or a preposition names
        # a known thing ("sur les « matériaux critiques »"), a common noun in apposition
        # announces a title ("le plan « Europe 2030 »"); an indefinite article characterises,
        # which is the speaker's wording ("une « guerre économique »")
        j = self.token_at(q.open_start)
        prev = self.doc[j - 1] if j > 0 else None
        if prev is None:
            return False
        low = fold(prev.text)
        if j - 2 >= 0 and self._lemma_is_cue(self.doc[j - 2]):
            return False  # the noun phrase is what a cue verb governs: "a dénoncé la « … »"
        if low in DEFINITE or (prev.pos_ == "ADP" and low not in ("de", "d'")):
            return True
        return prev.pos_ == "NOUN" and toks[0].text[:1].isupper()
        if prev.pos_ in ("DET", "ADP") or fold(prev.text) in (
            "les",
            "le",
            "la",
            "l'",
            "du",
            "des",
            "de",
            "d'",
        ):
            # … unless the noun phrase is what a cue verb governs ("a dénoncé une « trahison »")
            return not (j - 2 >= 0 and self._lemma_is_cue(self.doc[j - 2]))
        return False

    def _lemma_is_cue(self, tok: Token) -> bool:
        return any(lemma in self.lex.by_lemma for lemma in self.scanner.lemmas(tok))

    def _hit_after(self, q: QuoteSpan, hits: list[Hit]) -> Hit | None:
        """The cue right after a quote's closing mark (", a déclaré X", ", selon X"), if any.

        Only commas, dashes and adjuncts ("jeudi", "de son côté") may separate them.
        """
        doc = self.doc
        j = self.token_at(q.close_end - 1) + 1
        while j < len(doc) and (doc[j].text in (",", "—", "–", "-") or doc[j].is_space):
            j += 1
        k = bisect_right(self.hit_starts, j - 1)
        for hit in hits[k : k + 3]:
            if hit.start == j:
                return hit
            gap = j
            while gap < hit.start:
                nxt = skip_adjunct(doc, gap, hit.start)
                if nxt == gap and doc[gap].pos_ != "ADV":
                    break
                gap = max(nxt, gap + 1)
            if gap == hit.start:
                return hit
        return None

    def _hits_between(self, hits: list[Hit], i: int, j: int) -> list[Hit]:
        """The cue hits starting in tokens [i, j), found by bisection (no scan per quote)."""
        return hits[bisect_left(self.hit_starts, i) : bisect_left(self.hit_starts, j)]

    def _wording_near(self, q: QuoteSpan, hits: list[Hit]) -> Hit | None:
        qi0 = self.token_at(q.open_start)
        qi1 = self.token_at(q.close_end - 1) + 1
        for hit in self._hits_between(hits, qi0 - 6, qi1 + 3):
            if hit.cue.type != "wording":
                continue
            if 0 <= qi0 - hit.end <= 2 or 0 <= hit.start - qi1 <= 2:
                return hit
        return None

    def _possessive_speaker(self, hit: Hit) -> dict | None:
        """Who "ses" in "selon ses termes" refers to: the speaker of the enclosing clause, else
        the last speaker or subject before it."""
        pos = self.doc[hit.start].idx
        for k in range(hit.start, hit.end):
            if fold(self.doc[k].text) in POSSESSIVES:
                gender, plural = None, fold(self.doc[k].text) in ("leur", "leurs", "their")
                ref = self.resolve_pronoun(k, gender, plural)
                if ref is not None:
                    return ref
        # "selon les termes de X": the source is written out
        np = self._prep_object(hit.end, self.sents[self.sent_of(hit.verb)].end)
        if np is not None:
            return self.resolve(*np)
        del pos
        return None

    def _colon_intro(self, q: QuoteSpan, hits: list[Hit]) -> tuple[dict, Hit | None] | None:
        """`X a déclaré : « … »` or `X : « … »`."""
        doc = self.doc
        j = q.open_start - 1
        while j >= 0 and self.text[j] in " \t\u00a0\u202f":
            j -= 1
        if j < 0 or self.text[j] != ":":
            return None
        colon = self.token_at(j)
        sent = self.sents[self.sent_of(colon)]
        for hit in reversed(self._hits_between(hits, sent.start, colon)):
            if sent.start <= hit.start and hit.end <= colon and hit.cue.type in ("verb", "locution"):
                span = self._subject(hit) or self._inverted_np(hit)
                if span is not None:
                    speaker = self.resolve(*span)
                    if speaker is not None:
                        return speaker, hit
        start = sent.start
        while start < colon and doc[start].is_space:
            start += 1
        if 0 < colon - start <= 12:
            speaker = self.resolve(start, colon)
            if speaker is not None and (
                speaker.get("id") or speaker.get("speakers") or self._has_mention(start, colon)
            ):
                return speaker, None
        return None

    def _context_speaker(self, q: QuoteSpan) -> dict | None:
        """Speaker of a quoted sentence with no cue: the last speaker within three sentences,
        else the subject person of one of the two sentences before."""
        qi = self.token_at(q.start)
        s = self.sent_of(qi)
        keys = [e[0] for e in self.speaker_events]
        k = bisect_right(keys, q.open_start) - 1
        if k >= 0:
            pos, speaker = self.speaker_events[k]
            if s - self.sent_of(self.token_at(pos)) <= 3:
                return speaker
        for back in (1, 2):
            if s - back < 0:
                break
            sent = self.sents[s - back]
            for tok in sent:
                if tok.dep_.startswith("nsubj") and tok.i in self.mention_at:
                    m = self.mentions[self.mention_at[tok.i]]
                    if m["label"] == "PER":
                        return self._speaker_from_mention(m)
        return None


def _no_cue() -> dict:
    return {"cue": None, "cue_start": None, "cue_end": None, "cue_lemma": None}


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _sentences(doc: Doc) -> list[Span]:
    """The parser's sentences, re-joined where it cut without a sentence end.

    The parser sometimes makes a sentence of a lone subject ("Pékin | a prévenu que …"); a cue
    would then lose its subject. A cut stands only after final punctuation, a closing quote
    mark, a colon or a line break.
    """
    if not doc.has_annotation("SENT_START"):
        return [doc[:]]
    out: list[Span] = []
    for sent in doc.sents:
        if out:
            prev = out[-1]
            last = next((t for t in reversed(prev) if not t.is_space), None)
            ends = last is None or last.text in FINAL_PUNCT | QUOTE_CHARS | {":"}
            ends = ends or "\n" in prev[-1].text_with_ws
            first = sent[0].text
            # '« … », a-t-il dit' cut after the closing mark: a comma or a lowercase word cannot
            # open a sentence
            continues = first in (",", ";", ")") or (first[:1].islower() and first[:1].isalpha())
            if not ends or (continues and last is not None and last.text not in FINAL_PUNCT):
                out[-1] = doc[prev.start : sent.end]
                continue
        out.append(sent)
    # a paragraph break always ends a sentence, whatever the parser joined across it
    split: list[Span] = []
    for sent in out:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text and tok.i + 1 < sent.end:
                split.append(doc[start : tok.i + 1])
                start = tok.i + 1
        split.append(doc[start : sent.end])
    return split


def _same_speaker(a: dict | None, b: dict | None) -> bool:
    if not a or not b:
        return False
    if a.get("id") and a.get("id") == b.get("id"):
        return True
    return a.get("name") is not None and a.get("name") == b.get("name")
