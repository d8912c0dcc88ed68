"""Paragraph breaks are sentence breaks.

Press copy sets headlines, standfirsts and subheadings on lines of their own, often without a
final full stop ("Un grand pas pour le gazoduc TSGP", then "L'Algérie, le Nigeria et le Niger
ont signé l'accord"). The French model's parser then reads the lines as one sentence: "pas" of
"Un grand pas" becomes the negation of "ont signé", and the entity recogniser runs a name across
the break ("TSGP\\n\\nL'Algérie"). A blank line is a break no writer puts inside a sentence, so
`filon_paragraphs`, placed before the parser, opens a sentence after a blank line that follows
a paragraph without final punctuation; after a full stop the parser breaks already, and its own
reading is kept. A single line break is left to the parser: hard-wrapped copy breaks lines
inside sentences.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from filon.pipeline.extensions import doc_text

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_SENTENCE_END = frozenset(".!?…»\"”:;")


def paragraph_sentences(doc: Doc) -> Doc:
    """Open a sentence after each blank line of `doc` that follows no final punctuation."""
    text = doc_text(doc)  # computed once, shared with the components after the parser
    if "\n" not in text:
        return doc
    for found in _BLANK_LINE.finditer(text):
        end = found.start()
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end == 0 or text[end - 1] in _SENTENCE_END:
            continue  # a paragraph that ends its sentence: the parser breaks there already
        span = doc.char_span(found.start(), found.end(), alignment_mode="expand")
        if span is None or span.start == 0 or _cuts_a_clause(doc, span.start - 1, span.end):
            continue
        if span.end < len(doc) and not doc[span.end].is_space:
            doc[span.end].is_sent_start = True
            if span.end + 1 < len(doc) and not doc[span.end + 1].is_space:
                # the parser, told where the sentence opens, may open another one a word later
                # ("Le" | "Tchad, le Soudan …"): a sentence of one word it is not
                doc[span.end + 1].is_sent_start = False
    return doc


@Language.factory("filon_paragraphs")
def make_paragraphs(nlp: Language, name: str):
    """Factory of `filon_paragraphs` (entry point `spacy_factories`); add it before the parser."""
    return paragraph_sentences


def split_paragraphs(nlp: Language) -> None:
    """Add `filon_paragraphs` before the parser of `nlp` (first when it has none)."""
    if "filon_paragraphs" in nlp.pipe_names:
        return
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("filon_paragraphs", before="parser")
    else:
        nlp.add_pipe("filon_paragraphs", first=True)


# The line before ends on one of these (the tagger runs before the parser): the break cuts a
# clause, as web copy rewritten by aggregators does around a link ("Il l'a dit sur\n\nRTL").
_FUNCTION_WORDS = frozenset({"ADP", "DET", "CCONJ", "SCONJ"})


def break_cuts_a_clause(last_pos: str, first_word: str) -> bool:
    """A line break between a line ending on a word tagged `last_pos` and one opening on
    `first_word` falls inside a clause: the line before ends on a function word ("sur", "les",
    "que"), or the line after opens in lowercase or on a comma."""
    opening = first_word[:1]
    return last_pos in _FUNCTION_WORDS or opening in ",;)" or (opening.isalpha() and opening.islower())


def _cuts_a_clause(doc: Doc, last: int, first: int) -> bool:
    """`break_cuts_a_clause` for the blank line between tokens `last` and `first` of `doc`."""
    while last > 0 and doc[last].is_space:
        last -= 1
    return first >= len(doc) or break_cuts_a_clause(doc[last].pos_, doc[first].text)
