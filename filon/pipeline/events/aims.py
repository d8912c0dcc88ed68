"""Acts wished, aimed at, given a term or asked about: what keeps a deal from being told as
done ("espère conclure", "l'objectif est de parvenir à un accord", "d'ici la fin de l'année",
"un accord pourra-t-il être conclu ?"). Read by `status` on the cue's governors (`chain`).
"""

from __future__ import annotations

import re

from filon.pipeline.tokens import TokenTable

# "tente" is the model's lemma of "il tente de …" (read as the noun)
WISH_VERBS = frozenset({"espérer", "souhaiter", "chercher", "tenter", "tente", "vouloir", "viser", "essayer",
                        "peiner", "peine", "efforcer"})


DEADLINE = re.compile(
    r"\b(?:d'ici|avant)(?: à)? (?:la fin|le début|la mi-|l'été|l'automne|l'hiver|le printemps|"
    r"l'an prochain|l'année prochaine|(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|"
    r"octobre|novembre|décembre)\b|\d{4})",
    re.IGNORECASE,
)


def deadline(text: str) -> bool:
    """The clause sets a term for the step ("avant la fin de l'année", "d'ici l'été")."""
    return DEADLINE.search(text.replace("’", "'")) is not None


def wished(t: TokenTable, chain: list[int]) -> bool:
    """'espère conclure d'ici la fin du mois', "l'objectif est de conclure …" (`chain`: the cue's
    `governors`): a wish or an aim, not a signing in sight."""
    return any(t.lemma_lower[tok] in WISH_VERBS or aim_stated(t, tok) for tok in chain[1:])


# Nouns that name an aim: "l'objectif est de parvenir à un accord" says the deal is sought.
AIM_NOUNS = frozenset({"objectif", "but", "ambition", "priorité", "enjeu", "idée", "mission", "défi",
                       "volonté", "souhait", "espoir", "intention", "pari"})


def aim_stated(t: TokenTable, tok: int) -> bool:
    """`tok` is the "est" of "l'objectif est de …": the copula whose subject names an aim."""
    return t.lemma_lower[tok] == "être" and any(
        t.dep[c].startswith("nsubj") and t.lemma_lower[c] in AIM_NOUNS for c in t.children(tok))


def asked(t: TokenTable, chain: list[int], sent_start: int, sent_end: int) -> bool:
    """The act is asked about, not told: "Un accord pourra-t-il être conclu … ?", "Est-ce que
    les deux pays signeront … ?" (a question mark ends the sentence, and a verb of the chain
    has its subject pronoun after it, or the sentence opens on "est-ce que")."""
    last = sent_end - 1
    while last > sent_start and t.punct[last] and t.text[last] not in ("?", "?»", "? »"):
        last -= 1
    if t.text[last] != "?" or t.lower[sent_start] in ("pourquoi", "comment"):
        return False  # "pourquoi ont-ils signé ?" takes the signing for granted
    if t.lower[sent_start] in ("est-ce", "est") and sent_start + 1 < sent_end and \
            t.lower[sent_start + 1] in ("-ce", "ce", "que", "qu'", "qu’"):
        return True
    return any(t.text[c].startswith("-") and t.pos[c] == "PRON" for tok in chain for c in t.children(tok))
