"""Translations of a dispatch: the same article in another language, found by what a translation
keeps, in the order it keeps it.

Word shingles (`filon.linking.copies`) find copies and rewrites in one language; a translation
shares none of them with its source. What it keeps is language-independent: figures, dates and
names. The *anchors* of a body are, in text order:

- every run of digits ("27,5 %" and "27.5%" both give 27, 5; "20 000" and "20,000" give 20, 0);
- a month name as its number, in French or English ("30 avril" / "April 30" give 30, 4); weekday
  names are left out (English capitalizes them, French does not);
- a name the gazetteer knows, as its actor's id, in either language ("États-Unis" and "United
  States" are both Q30, "Kiev" and "Kyiv" one city), tried on up to three words from a
  capitalized word ("Union européenne");
- any other capitalized word that does not open a sentence, by its first five letters, accents
  and case folded (so "Zelensky" and "Zelenskyy" agree), unless it is a title or an institution
  ("Deputy", "Ministre") or an English adjective of nationality ("Ukrainian"): English capitalizes
  those where French does not.

Two bodies are compared by the Jaccard similarity of their sets of anchor pairs (each anchor with
the next one): a translation keeps names and figures in nearly the same order, where another
article on the same event names the same people and figures in another order. Only articles of
two different languages are compared this way (`filon.store.copy_links`); the candidates come from
MinHash bands over the anchor pairs (3 rows a band: a pair at 0.1 is a candidate 4 % of the time, a
translation at 0.45 98 %), kept in the same index as the word shingles' bands.

Measured on the texts of `tests/test_translations.py` (written for them): a French dispatch and
its English translation score 0.57, the translation with a paragraph cut and names respelled 0.46,
the same dispatch and an English article on the same talks 0.13, a French article on the same
negotiation 0.03. `TRANSLATION_THRESHOLD` (0.25) sits between.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from datasketch import MinHash

from filon.domains.folding import fold
from filon.domains.gazetteer import Gazetteer, load_gazetteer
from filon.ingest.dateline import MONTHS, WEEKDAYS
from filon.linking.copies import NUM_PERM

TRANSLATION_THRESHOLD = 0.25
# bands of 3 rows: articles on one topic in one language share many anchor pairs ("Q30 Q212"),
# and bands of 2 rows would make most of them candidates of each other
CANDIDATE_THRESHOLD = 0.25
# band numbers of the anchor signatures in the copy index, after those of the word shingles
BAND_OFFSET = 1000

_TOKEN = re.compile(r"\d+|[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
# a word opens a sentence after the start of the text, an end of sentence, a line break or the
# dash of a dateline, with quotes or brackets between
_OPENS = re.compile(r"(?:^|[.!?:\n]|\s[-–—])[\s«»\"“”'(]*$")
# full month names only, not their abbreviations (a name that begins another of the same
# month): "sept" is also seven, "dec" and "jan" are words of other languages; the English "may"
# counts only capitalized (lowercase, it is a verb)
_MONTHS = {name: n for name, n in MONTHS.items()
           if not any(o != name and o.startswith(name) and m == n for o, m in MONTHS.items())}
_NAME_WORDS = 3  # longest name tried in the gazetteer, in words
# capitalized words that are not names: titles and institutions (English capitalizes them, French
# only some), and English adjectives of nationality (French writes them in lower case). Dropped on
# both sides, so a name among them costs both texts the same anchor.
_NOT_NAMES = frozenset({
    "deputy", "prime", "premier", "minister", "ministre", "ministry", "secretary", "president",
    "vice", "chancellor", "commissioner", "chairman", "director", "general", "senator", "spokesman",
    "spokeswoman", "treasury", "tresor", "department", "foreign", "affaires", "etrangeres",
    "defense", "defence", "interior", "interieur", "economie", "economy", "finance", "finances",
    "state", "etat", "office", "agency", "council", "conseil", "house", "the", "and", "mr", "mrs",
})
_NATIONALITY_ENDINGS = ("ian", "ean", "can", "ese", "ish")


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    return load_gazetteer()


def anchors(text: str) -> list[str]:
    """The body's figures, months and names, in text order (see the module docstring)."""
    gaz = _gazetteer()
    tokens = list(_TOKEN.finditer(text))
    out: list[str] = []
    i = 0
    while i < len(tokens):
        word = tokens[i].group()
        folded = fold(word)
        if word.isdigit():
            out.append(word.lstrip("0") or "0")
        elif folded in _MONTHS and word != "may":
            out.append(str(_MONTHS[folded]))
        elif word[0].isupper() and folded not in WEEKDAYS:
            actor, width = _name_at(gaz, text, tokens, i)
            if actor is not None:
                out.append(actor)
                i += width
                continue
            opens = _OPENS.search(text, 0, tokens[i].start()) is not None
            if len(word) >= 3 and (not opens or word.isupper()) and _name_like(folded):
                out.append(folded[:5])
        i += 1
    return out


def _name_like(folded: str) -> bool:
    return folded not in _NOT_NAMES and not (len(folded) > 5 and folded.endswith(_NATIONALITY_ENDINGS))


def _name_at(gaz: Gazetteer, text: str, tokens: list[re.Match], i: int) -> tuple[str | None, int]:
    """The gazetteer actor named by the words from `i` (longest first) and how many words."""
    for width in range(min(_NAME_WORDS, len(tokens) - i), 0, -1):
        first, last = tokens[i], tokens[i + width - 1]
        surface = text[first.start() : last.end()]
        if width > 1 and not re.fullmatch(r"[\w\s-]+", surface):
            continue  # the words of a name follow each other, with nothing but spaces between
        actor = gaz.lookup(surface)
        if actor is not None:
            return actor.id, width
    return None, 1


def anchor_pairs(text: str) -> set[str]:
    """Each anchor with the next one."""
    seq = anchors(text)
    return {f"{a} {b}" for a, b in itertools.pairwise(seq)}


def translation_signature(text: str) -> list[int]:
    """The MinHash signature of a body's anchor pairs (`NUM_PERM` values, as for copies)."""
    minhash = MinHash(num_perm=NUM_PERM, seed=2)
    minhash.update_batch([p.encode("utf-8") for p in sorted(anchor_pairs(text))])
    return [int(v) for v in minhash.hashvalues]


def translation_similarity(a: str, b: str) -> float:
    """Jaccard similarity of two bodies' anchor pairs."""
    pa, pb = anchor_pairs(a), anchor_pairs(b)
    return len(pa & pb) / len(pa | pb) if pa and pb else 0.0
