"""`filon_lemmas`: gives futur and conditional forms the lemma the model's lemmatizer missed.

fr_core_news_md leaves many rarer conjugated forms as their own lemma, often tagged ADJ or as a
participle ("finaliseraient", "ratifieront"), so cues written on lemmas ("finaliser",
"ratifier") never see them. A French futur or conditional is the infinitive plus an ending
(first and second groups: "finaliser" + "aient"); a form the lemmatizer left untouched that
ends so gets its infinitive back. Irregular stems ("signera" is regular, "fera" is not) keep
the model's lemma.
"""

from __future__ import annotations

import re

from spacy.attrs import IS_ALPHA, LEMMA, LOWER, POS
from spacy.language import Language
from spacy.symbols import PROPN
from spacy.tokens import Doc

# what a futur or conditional adds to its stem ("signer" + "ait"); the dates' tense reads them too
FUTURE_ENDINGS = ("ai", "as", "a", "ons", "ez", "ont", "ais", "ait", "ions", "iez", "aient")
ENDING = "(?:" + "|".join(FUTURE_ENDINGS) + ")"
# infinitive in -er / -ir, then a futur or conditional ending; the stem needs a few letters so
# that short words ("mira", "dira") are left alone
_FUTURE = re.compile(r"^([^\W\d_]{3,}?(?:er|ir))" + ENDING + "$")


def infinitive_of(form: str) -> str | None:
    """'finaliseraient' -> 'finaliser'; None when the word is no futur or conditional form."""
    match = _FUTURE.match(form)
    return match.group(1) if match else None


class LemmaRepair:
    """Set the infinitive as lemma of futur and conditional forms left unlemmatized."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        # one array read: Token objects only for the few forms worth a look
        for i, (lower, lemma, alpha, pos) in enumerate(doc.to_array([LOWER, LEMMA, IS_ALPHA, POS]).tolist()):
            if lemma != lower or not alpha or pos == PROPN:
                continue
            infinitive = infinitive_of(strings[lower]) if len(strings[lower]) >= 7 else None
            if infinitive is not None:
                doc[i].lemma_ = infinitive
        return doc


@Language.factory("filon_lemmas")
def make_lemmas(nlp: Language, name: str) -> LemmaRepair:
    return LemmaRepair(nlp, name)
