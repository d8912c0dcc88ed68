"""Where filon's tokenizer differs from the French model's.

An elided word before a quotation mark. spaCy's French rules split the elision apostrophe only
before a letter, so "qu'"aucun" stays one token and "l'« accord »" loses its apostrophe to the
suffix rules ("l", "'", "«"). The press writes both all the time ("a précisé qu'« aucun
calendrier … »"), and a reporting clause whose "que" is hidden is no clause. Two additions give
"qu'", the mark, then the word: an infix for a mark glued to the next word, special cases for a
mark standing alone before a space.

A row of one repeated mark. The tokenizer splits `((((`, `!!!!` or `»»»` into one token per
character, and the model then costs the same per token as for a word of prose: a text made of
such rows holds five times more tokens per character than prose and took 3.3 times its time per
character. A row of three or more of the same character that is neither a letter, a digit nor a
space carries nothing more than one of them does, so it is kept as one token (as spaCy already
keeps `...`). Two marks in a row (`))`, `!!`, `»)`) are split as before, so quotation marks and
nested brackets of ordinary prose tokenize as the model was trained on.
"""

from __future__ import annotations

import re
from itertools import product

from spacy.language import Language
from spacy.util import compile_infix_regex

# French words that elide before a vowel (l'accord, qu'il, jusqu'à, lorsqu'on)
ELIDED = ("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu")
APOSTROPHES = ("'", "’")
OPENING_MARKS = ('"', "«", "“", "„")
# a mark right after an elision apostrophe, glued to the word that follows
_MARK_AFTER_ELISION = r"(?<=['’])[\"«“„]"
# three or more of the same non-word, non-space character
_ROW = r"([^\w\s])\1{2,}"


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


def keep_rows_whole(nlp: Language) -> None:
    """Make the tokenizer of `nlp` keep a row of one repeated mark as one token, as a prefix or
    a suffix of a whitespace-free chunk (tried before the model's own affixes)."""
    tokenizer = nlp.tokenizer
    prefix = getattr(tokenizer, "prefix_search", None)
    suffix = getattr(tokenizer, "suffix_search", None)
    if prefix is not None and _ROW not in prefix.__self__.pattern:
        tokenizer.prefix_search = re.compile(f"^{_ROW}|{prefix.__self__.pattern}").search
    if suffix is not None and _ROW not in suffix.__self__.pattern:
        tokenizer.suffix_search = re.compile(f"{_ROW}$|{suffix.__self__.pattern}").search
