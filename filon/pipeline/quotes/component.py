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
- A quote interrupted by its attribution inside the marks (« Nous sommes prêts, a-t-il dit, à
  travailler ») gives one `direct` item per segment, without the incise (the gold convention);
  both carry the same speaker and cue and the incise span in `incise`.
- An anonymous or unresolved source ("un diplomate", "on", "le porte-parole du ministère" when
  the gazetteer does not know who held the post) keeps its surface in `speaker.text` with
  `name` and `id` None. A pronoun keeps its own span, with the name and id it resolves to.
- A quote that runs over several paragraphs (French convention: each paragraph reopens with «,
  only the last closes) gives one `direct` item per paragraph, without the reopening mark, all
  with the same speaker and cue (the gold lists each paragraph as a quote).
- A spokesperson or a document speaks for its body ("un porte-parole de la Commission", "un
  communiqué d'Imerys" -> the Commission, Imerys); "on" speaks for the place it is put in
  ("Chez Eramet, on insiste", "explique-t-on chez Eramet" -> Eramet); a description with a
  name in apposition is that name ("le chimiste allemand BASF"); "le groupe", "l'entreprise"
  are the latest firm named (twelve sentences back at most).
- Interview copy: a quote with no cue right after a question asked in narration is the
  interviewee's (the last speaker, else the last person named); a pronoun with no antecedent
  within three sentences ("répond-elle") falls back to the last speaker, then person, of its
  gender. Persons the gazetteer does not know get their gender from their first name
  (`first_names.csv`, set by `filon_entities`).
- A fragment governed by a verb whose subject is a person ("X attend « des actes »") is that
  person's partial quote (`direct`, `fragment` true, no cue); terms are quoted noun phrases
  with no speech verb or person subject around them.
- Quotes in captions and credits are skipped; a quoted subheading (« Pas une dette ») takes the
  speaker of the paragraph under it, a quoted word inside a title is a term.

Notes:
    Method: quotation-mark spans first (`filon.pipeline.quotes.marks`), then a one-pass scan of
    the tokens for reporting cues (lexicon `reporting_cues.csv` of the domain pack,
    `filon.pipeline.quotes.cues`), then the statements (`filon.pipeline.quotes.statements`:
    subject before the cue, inverted subject after it, "selon X", participles that inherit the
    speaker of their clause, content frames) and finally each quote (inside a statement →
    mixed; incise; inversion after the marks; "selon ses termes"; colon; a whole quoted
    sentence continues the last speaker within three sentences). Speakers are resolved by
    `filon.pipeline.quotes.speakers` (mentions, gazetteer roles on the article's date,
    metonymies, pronouns, definite descriptions, joint speakers). Every look-up is a local
    window or a bisection, so the cost is linear in the article length.
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
from filon.domains.folding import fold
from filon.domains.gazetteer import Gazetteer, load_gazetteer
from filon.pipeline.component import FilonComponent
from filon.pipeline.extensions import doc_text, in_spans, set_doc_extensions
from filon.pipeline.quotes.cues import (
    FINAL_PUNCT,
    POSSESSIVES,
    QUOTE_CHARS,
    CueLexicon,
    CueScanner,
    Hit,
    skip_adjunct,
)
from filon.pipeline.quotes.marks import PADDING, QuoteSpan, find_quotes
from filon.pipeline.quotes.speakers import SpeakerResolver
from filon.pipeline.quotes.statements import StatementFinder
from filon.pipeline.tokens import TokenTable, token_table

LOGGER = logging.getLogger(__name__)

CUES_FILE = "reporting_cues.csv"
DEFINITE = frozenset({"le", "la", "les", "l'", "du", "au", "aux", "ce", "cette", "ces"})


class QuoteAttributor(FilonComponent):
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

    def match(self, doc: Doc) -> list[dict]:
        """Every quote, statement and term of the doc, as plain dicts in text order."""
        return _DocQuotes(doc, self.lexicon, self._gazetteer or load_gazetteer(self.domain)).run()

    def set_annotations(self, doc: Doc, quotes: list[dict]) -> None:
        doc._.filon_quotes = quotes


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


class _DocQuotes(StatementFinder, SpeakerResolver):
    """All the state of one document's attribution; built and thrown away per doc."""

    def __init__(self, doc: Doc, lexicon: CueLexicon, gazetteer: Gazetteer) -> None:
        self.doc = doc
        self.lex = lexicon
        self.gaz = gazetteer
        self.text = doc_text(doc)
        self.day = _parse_date(doc._.filon_published)
        self.skip = doc._.filon_boilerplate or []
        self.table = token_table(doc)  # the token attributes as plain lists, shared with filon_events
        self.word_forms: dict[int, set[str]] = {}  # token -> folded forms (SpeakerResolver._word)
        self.sents = _sentences(doc, self.table)
        self.sent_starts = [s.start for s in self.sents]
        self.tok_starts = self.table.idx
        self.mentions = self._mentions()
        self.mention_starts = [m["start"] for m in self.mentions]
        self.gendered_by_id: dict[str, dict] | None = None
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
        self.scanner = CueScanner(doc, lexicon, self.skip, self.table)

    # -- helpers over offsets --------------------------------------------------------------

    def token_at(self, char: int) -> int:
        """Index of the token holding character `char` (or the nearest before it)."""
        return max(0, bisect_right(self.tok_starts, char) - 1)

    def sent_of(self, i: int) -> int:
        return max(0, bisect_right(self.sent_starts, i) - 1)

    def span_dict(self, i: int, j: int) -> tuple[int, int]:
        """Character offsets of tokens [i, j)."""
        t = self.table
        return t.idx[i], t.idx[j - 1] + len(t.text[j - 1])

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
                for it in [item, *item.pop("_more", [])]:
                    items.extend(self._per_paragraph(it) if it["kind"] == "direct" else [it])
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

    # -- direct quotes ---------------------------------------------------------------------

    def _quote(self, q: QuoteSpan, hits: list[Hit], statements: list[dict]) -> dict | None:
        doc = self.doc
        tb = self.table
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
                and tb.text[hit.start - 1] == ","
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
        # 6. a fragment governed by a verb whose subject is a person: that person's wording,
        # even without a speech verb ("X attend « des actes »", "elle veut « tourner la page »")
        words = self.text[q.start : q.end].split()
        if len(words) > 1 and not self._looks_like_term(q, qi0, qi1, fragment):
            # a single quoted word after a plain verb is a scare quote ("dirige une « start-up »")
            speaker = self._fragment_subject(qi0, qi1)
            if speaker is not None:
                return {**base, "speaker": speaker, **_no_cue(), "fragment": True}
        # 7. an embedded quote nobody says: a term (scare quotes, titles, slogans)
        return {**base, "kind": "term", "speaker": None, **_no_cue(), "fragment": True}

    def _per_paragraph(self, item: dict) -> list[dict]:
        """One item per paragraph of a quote that runs over several (French convention: each new
        paragraph reopens with «, only the last closes), as the gold lists them; every segment
        keeps the speaker and cue, without the reopening mark and its padding."""
        if "\n" not in item["text"]:
            return [item]
        out = []
        a = item["start"]
        for line in self.text[item["start"] : item["end"]].split("\n"):
            b = a + len(line)
            s, e = a, b
            while s < e and (self.text[s] in PADDING or self.text[s] in QUOTE_CHARS):
                s += 1
            while e > s and self.text[e - 1] in PADDING:
                e -= 1
            if e > s:
                # a paragraph after the first stands as a whole quote, whatever the first was
                frag = item.get("fragment", False) if not out else False
                out.append({**item, "text": self.text[s:e], "start": s, "end": e, "fragment": frag})
            a = b + 1
        return out or [item]

    def _fragment_subject(self, qi0: int, qi1: int) -> dict | None:
        """The subject of the verb that governs a quoted fragment (tokens [qi0, qi1)), or None:
        a person (or a pronoun resolved to one), or a body when the quote opens the noun phrase
        ("Kiev attend « des actes »"); a body with a determined quoted noun ("sa « mine verte »")
        is naming a thing, not speaking."""
        doc = self.doc
        tb = self.table
        sent = self.sents[self.sent_of(qi0)]
        root = next((t for t in doc[qi0:qi1] if not qi0 <= t.head.i < qi1 or t.head is t), None)
        if root is None:
            return None
        verb = root.head
        for _ in range(2):
            if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or not sent.start <= verb.i < sent.end:
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < qi0), None)
        if subj is None:
            return None
        if fold(subj.text) in ("il", "elle"):
            speaker = self.resolve(subj.i, subj.i + 1)
            return speaker if speaker is not None and speaker.get("name") else None
        if subj.i not in self.mention_at:
            return None
        m = self.mentions[self.mention_at[subj.i]]
        if m["label"] == "PER":
            return self._speaker_from_mention(m)
        # a body or a capital used as one ("Kiev attend « des actes »") speaks only when the
        # quote opens the noun phrase itself; after a determiner ("sa « mine verte »") the marks
        # name a thing
        actor_like = m["label"] == "ORG" or m.get("kind") == "metonymy" or m.get("refers_to")
        k = qi0 - 1
        while k >= 0 and (tb.space[k] or tb.text[k] in QUOTE_CHARS):
            k -= 1
        before = doc[k] if k >= 0 else None  # the word before the opening mark
        if actor_like and before is not None and before.pos_ not in ("DET", "ADP"):
            return self._speaker_from_mention(m)
        return None

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
        tb = self.table
        i0 = tb.idx[hit.start - 1]
        qi1 = self.token_at(max(q.start, q.end - 1)) + 1
        i1 = self.span_dict(np[0], np[1])[1]
        for k in range(np[1], min(qi1, np[1] + 15)):
            if tb.text[k] == ",":
                i1 = tb.idx[k] + 1
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
        if self.text[j] == "-" and j + 1 < q.open_start:
            return False  # "10h45 - « … »": a dash standing alone opens a live-blog entry
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
        if any(t.pos_ in ("VERB", "AUX") and "Fin" in self.table.feats(t.i, "VerbForm") for t in toks):
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
        if prev.text in ("'", "’") and j >= 2:
            # "d'« … »", "l'« … »" split by the tokenizer: the elided word decides
            j -= 1
            prev = self.doc[j - 1]
            low = fold(prev.text) + "'"
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
        return self.scanner.is_cue_at(tok.i)

    def _hit_after(self, q: QuoteSpan, hits: list[Hit]) -> Hit | None:
        """The cue right after a quote's closing mark (", a déclaré X", ", selon X"), if any.

        Only commas, dashes and adjuncts ("jeudi", "de son côté") may separate them.
        """
        doc = self.doc
        tb = self.table
        j = self.token_at(q.close_end - 1) + 1
        while j < len(doc) and (tb.text[j] in (",", "—", "–", "-") or tb.space[j]):
            j += 1
        k = bisect_right(self.hit_starts, j - 1)
        for hit in hits[k : k + 3]:
            if hit.start == j:
                return hit
            gap = j
            while gap < hit.start:
                nxt = skip_adjunct(tb.low, gap, hit.start)
                if nxt == gap and tb.pos[gap] != "ADV":
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
        pos = self.table.idx[hit.start]
        for k in range(hit.start, hit.end):
            if self.table.low[k] in POSSESSIVES:
                gender, plural = None, self.table.low[k] in ("leur", "leurs", "their")
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
        tb = self.table
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
        while start < colon and tb.space[start]:
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
        # a person who is the subject of the sentence right before, after the last speaker
        # ("Elle marque une pause. « … »"), is the one who goes on
        subject = self._previous_subject(s)
        if subject is not None and (k < 0 or self.speaker_events[k][0] < subject[0]):
            return subject[1]
        if k >= 0:
            pos, speaker = self.speaker_events[k]
            # a quote's speaker counts from the end of that quote (a long answer runs over
            # several sentences before the next one opens)
            r = bisect_right(self.quote_starts, pos) - 1
            if r >= 0 and pos < self.quote_ranges[r][1]:
                pos = self.quote_ranges[r][1] - 1
            if s - self.sent_of(self.token_at(pos)) <= 3:
                return speaker
        if self._answers_question(q):
            # interview copy: a question in narration, then the answer in quotes; the answer is
            # the interviewee's, the last speaker (or person named) however far back
            if k >= 0:
                return self.speaker_events[k][1]
            person = self.last_person(q.open_start, None)
            if person is not None:
                return person
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


    def _previous_subject(self, s: int) -> tuple[int, dict] | None:
        """(offset, speaker) of the person subject ("Elle", "Anne Leroy") of the sentence before
        sentence `s`, outside quotes, or None."""
        k = s - 1
        while k >= 0 and not self.sents[k].text.strip(" \n«»\u00a0"):
            k -= 1
        if k < 0:
            return None
        for tok in self.sents[k]:
            if not tok.dep_.startswith("nsubj") or self.in_quote(tok.idx):
                continue
            if fold(tok.text) in ("il", "elle") and tok.pos_ == "PRON":
                speaker = self.resolve(tok.i, tok.i + 1)
                if speaker is not None and speaker.get("name"):
                    return tok.idx, speaker
                return None
            if tok.i in self.mention_at and self.mentions[self.mention_at[tok.i]]["label"] == "PER":
                return tok.idx, self._speaker_from_mention(self.mentions[self.mention_at[tok.i]])
            return None
        return None

    def _answers_question(self, q: QuoteSpan) -> bool:
        """True when the text right before the quote is a question asked in narration (the
        interviewer's, in the paragraph before or the same one), so that the quote answers it."""
        j = q.open_start - 1
        while j >= 0 and self.text[j].isspace():
            j -= 1
        return j >= 0 and self.text[j] == "?" and not self.in_quote(j)


def _no_cue() -> dict:
    return {"cue": None, "cue_start": None, "cue_end": None, "cue_lemma": None}


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


SENTENCE_ENDS = FINAL_PUNCT | QUOTE_CHARS | {":"}


def _sentences(doc: Doc, table: TokenTable | None = None) -> list[Span]:
    """The parser's sentences, re-joined where it cut without a sentence end.

    The parser sometimes makes a sentence of a lone subject ("Pékin | a prévenu que …"); a cue
    would then lose its subject. A cut stands only after final punctuation, a closing quote
    mark, a colon or a line break. Works on the token lists of `table` (built when not given).
    """
    if not doc.has_annotation("SENT_START"):
        return [doc[:]]
    t = table if table is not None else token_table(doc)
    text, space = t.text, t.space
    out: list[list[int]] = []  # [start, end) token ranges
    for sent in doc.sents:
        s0, s1 = sent.start, sent.end
        if out:
            p0, p1 = out[-1]
            k = p1 - 1
            while k >= p0 and space[k]:
                k -= 1
            last = text[k] if k >= p0 else None
            ends = last is None or last in SENTENCE_ENDS
            # a token's trailing whitespace is one space or nothing: a line break is in its text
            ends = ends or "\n" in text[p1 - 1]
            first = text[s0]
            # '« … », a-t-il dit' cut after the closing mark: a comma or a lowercase word cannot
            # open a sentence
            continues = first in (",", ";", ")") or (first[:1].islower() and first[:1].isalpha())
            if not ends or (continues and last is not None and last not in FINAL_PUNCT):
                out[-1][1] = s1
                continue
        out.append([s0, s1])
    # a paragraph break always ends a sentence, whatever the parser joined across it
    split: list[Span] = []
    for s0, s1 in out:
        start = s0
        for i in range(s0, s1 - 1):
            if space[i] and "\n" in text[i]:
                split.append(doc[start : i + 1])
                start = i + 1
        split.append(doc[start:s1])
    return split
