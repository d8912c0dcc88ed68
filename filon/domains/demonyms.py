"""French nationality adjectives ("nigérienne", "sierra-léonais") of the world's states.

A pack's `demonyms.csv` lists each state's masculine singular form (ISO 3166 alpha-2, forms
separated by |); the feminine and plural forms follow French morphology, so the table stays one
line per state. Forms the rules cannot derive ("grecque", "turque") are listed after the first.
"""

from __future__ import annotations

from functools import lru_cache

from filon.domains.folding import fold
from filon.domains.gazetteer import Gazetteer, load_gazetteer
from filon.domains.pack import read_csv

DEMONYMS_FILE = "demonyms.csv"
# Bodies of a state that, named with a nationality adjective ("le ministère ghanéen des
# Finances", "la présidence sud-africaine", "les autorités maliennes"), act and speak for that
# state (folded, as the token table's `low` and `lemma_low` are).
STATE_BODY_NOUNS = frozenset({"gouvernement", "executif", "ministere", "presidence", "primature",
                              "chancellerie", "diplomatie", "ambassade", "administration",
                              "autorites"})


def inflections(form: str) -> tuple[str, ...]:
    """The four forms of a nationality adjective: 'malien' -> malien, malienne, maliens, maliennes."""
    form = form.strip().lower()
    if form.endswith("e"):
        return form, form + "s"
    feminine = form + ("ne" if form.endswith("en") else "e")
    plural = form if form.endswith(("s", "x")) else form + "s"
    return form, feminine, plural, feminine + "s"


def state_demonyms(domain: str, gazetteer: Gazetteer) -> dict[str, tuple[str, str]]:
    """Every derived form of the pack's table -> (state actor id, name); {} without a table."""
    out: dict[str, tuple[str, str]] = {}
    for row in read_csv(domain, DEMONYMS_FILE, ("alpha2", "forms", "source")):
        actor = gazetteer.actor(gazetteer.by_alpha2.get(row["alpha2"].upper()))
        if actor is None:
            continue
        for listed in row["forms"].split("|"):
            for form in inflections(listed):
                out.setdefault(form, (actor.id, actor.name))
    return out


@lru_cache(maxsize=8)
def demonym_table(domain: str) -> dict[str, tuple[str, str]]:
    """The pack's nationality adjectives (every inflected form) -> (state id, name), for the
    gazetteer of `domain`; read once per domain."""
    return state_demonyms(domain, load_gazetteer(domain))


@lru_cache(maxsize=8)
def folded_demonym_table(domain: str) -> dict[str, tuple[str, str]]:
    """`demonym_table` keyed by folded forms ("americain"), as the token table's `low` and
    folded entity words are."""
    return {fold(k): v for k, v in demonym_table(domain).items()}
