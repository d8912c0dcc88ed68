"""French common words, read from the lemmatizer tables the spaCy pipeline already carries.

The model tags a capitalised common word that opens a sentence as a person ("Veuillez noter…",
"Livraison prévue en 2026", "Victoire pour les syndicats"). Such a word is a form of the
lemmatizer's look-up table or a lemma of its noun, verb or adjective index; a surname
("Trudeau", "Barrot") is neither. No word list of our own: the tables are the pipeline's.
"""

from __future__ import annotations

from spacy.language import Language

_POS_TABLES = ("noun", "verb", "adj", "adv")


class CommonWords:
    """`common(word)`: whether a lowercase word is a French common word (see the module
    docstring); False for every word when the pipeline has no rule lemmatizer."""

    def __init__(self, nlp: Language) -> None:
        self._lookup: dict | None = None
        self._index: set[str] = set()
        self._known: dict[str, bool] = {}
        if "lemmatizer" not in nlp.pipe_names:
            return
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is None:
            return
        if lookups.has_table("lemma_lookup"):
            self._lookup = lookups.get_table("lemma_lookup")
        if lookups.has_table("lemma_index"):
            index = lookups.get_table("lemma_index")
            for pos in _POS_TABLES:
                self._index.update(index.get(pos, []))

    def __call__(self, word: str) -> bool:
        if self._lookup is None and not self._index:
            return False
        known = self._known.get(word)
        if known is None:
            # a plural noun or adjective ("livraisons") is its singular's
            bare = word[:-1] if word.endswith(("s", "x")) and len(word) > 3 else word
            known = self._known[word] = bool(
                (self._lookup is not None and self._lookup.get(word) is not None)
                or word in self._index or bare in self._index)
        return known
