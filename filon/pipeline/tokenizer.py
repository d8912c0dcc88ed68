"""Press copy the French model's tokenizer splits badly: an elided word before a quotation mark.

spaCy's French rules split the elision apostrophe only before a letter, so "qu'"aucun" stays one
token and "l'« accord »" loses its apostrophe to the suffix rules ("l", "'", "«"). The press
writes both all the time ("a précisé qu'« aucun calendrier … »"), and a reporting clause whose
"que" is hidden is no clause. Two additions give "qu'", the mark, then the word: an infix for a
mark glued to the next word, special cases for a mark standing alone before a space.
"""

from __future__ import annotations

from itertools import product

from spacy.language import Language
from spacy.util import compile_infix_regex

# French words that elide before a vowel (l'accord, qu'il, jusqu'à, lorsqu'on)
ELIDED = ("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu")
APOSTROPHES = ("'", "’")
OPENING_MARKS = ('"', "«", "“", "„")
# a mark right after an elision apostrophe, glued to the word that follows
_MARK_AFTER_ELISION = r"(?<=['’])[\"«“„]"


def elision_before_quotes(nlp: Language) -> None:
    """Split an elided word from the quotation mark after it, in the tokenizer of `nlp`."""
    tokenizer = nlp.tokenizer
    infixes = [*nlp.Defaults.infixes, _MARK_AFTER_ELISION]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for word, apostrophe, mark in product(ELIDED, APOSTROPHES, OPENING_MARKS):
        for form in {word, word.capitalize()}:
            tokenizer.add_special_case(
                f"{form}{apostrophe}{mark}", [{"ORTH": f"{form}{apostrophe}"}, {"ORTH": mark}]
            )
