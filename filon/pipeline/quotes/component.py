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
    Method (`attribute_document` is its outline): quotation-mark spans first
    (`filon.pipeline.quotes.marks`) and a one-pass scan of the tokens for reporting cues
    (lexicon `reporting_cues.csv` of the domain pack, `filon.pipeline.quotes.cues`), gathered
    with the mentions and sentences in one `DocContext` (`filon.pipeline.quotes.context`);
    then the statements (`filon.pipeline.quotes.statements`: subject before the cue, inverted
    subject after it, "selon X", participles that inherit the speaker of their clause, content
    frames; `subjects`, `content`) and finally each quote (`filon.pipeline.quotes.attribution`:
    inside a statement → mixed; incise; inversion after the marks; "selon ses termes"; colon;
    a whole quoted sentence continues the last speaker within three sentences,
    `continuation`; terms, `terms`). Speakers are resolved by `filon.pipeline.quotes.speakers`
    (mentions, gazetteer roles on the article's date, metonymies, definite descriptions, joint
    speakers) and `filon.pipeline.quotes.pronouns`. Every look-up is a local window or a
    bisection, so the cost is linear in the article length.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from filon.domains import DEFAULT_DOMAIN, read_csv
from filon.domains.gazetteer import Gazetteer, load_gazetteer
from filon.pipeline.component import FilonComponent
from filon.pipeline.extensions import set_doc_extensions
from filon.pipeline.quotes.attribution import attribute_quotes
from filon.pipeline.quotes.context import build_context
from filon.pipeline.quotes.cues import CueLexicon
from filon.pipeline.quotes.descriptions import cataphoric_titles
from filon.pipeline.quotes.speakers import SpeakerResolver
from filon.pipeline.quotes.statements import StatementFinder

LOGGER = logging.getLogger(__name__)

CUES_FILE = "reporting_cues.csv"


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
        return attribute_document(doc, self.lexicon, self._gazetteer or load_gazetteer(self.domain))

    def set_annotations(self, doc: Doc, quotes: list[dict]) -> None:
        doc._.filon_quotes = quotes


def attribute_document(doc: Doc, lexicon: CueLexicon, gaz: Gazetteer) -> list[dict]:
    """Every quote, statement and term of `doc`, as plain dicts in text order."""
    ctx = build_context(doc, lexicon, gaz)  # text, tokens, sentences, mentions, quote marks, cues
    speakers = SpeakerResolver(ctx)
    statements = StatementFinder(ctx, speakers).find(ctx.hits, ctx.inside)
    quotes = attribute_quotes(ctx, speakers, statements)  # adds quoted fragments to statements
    cataphoric_titles(ctx, speakers.pronouns, [*statements, *quotes])  # "Le ministre … a salué", named later
    return _assemble(statements, quotes)


def _assemble(statements: list[dict], quotes: list[dict]) -> list[dict]:
    """The output items: a statement holding quoted fragments becomes `mixed`, the working
    fields go, every item says whether it is a fragment and a term; sorted by offsets."""
    items = [*statements, *quotes]  # statements first: the sort keeps that order on ties
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
