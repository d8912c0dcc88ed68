"""The reporting-cue lexicon and the one-pass scan that finds cues in a parsed Doc.

Used by `filon.pipeline.quotes.component`. The lexicon is data (`reporting_cues.csv` of the domain pack);
the word sets below are closed grammatical classes (adjuncts that may sit between a cue and its
subject or content, month names, pronouns), not domain vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from filon.domains.folding import fold
from filon.pipeline.extensions import in_spans
from filon.pipeline.tokens import TokenTable, token_table


def _wordset(words: str) -> frozenset[str]:
    """Folded set of the whitespace-separated words (accents and case folded like `fold`)."""
    return frozenset(fold(w) for w in words.split())


POSSESSIVES = _wordset("son sa ses leur leurs his her their")
PRONOUNS: dict[str, tuple[str | None, bool]] = {  # surface -> (gender, plural)
    "il": ("m", False), "elle": ("f", False), "ils": ("m", True), "elles": ("f", True),
    "lui": ("m", False), "eux": ("m", True),
    "he": (None, False), "she": (None, False), "they": (None, True),
}  # fmt: skip
# Words that may sit between a quote's closing mark and its inverted cue, or between a cue and
# its content, without changing who speaks: times, connectives and sentence adverbs.
ADJUNCTS = _wordset(
    """lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui demain soir matin
    dernier dernière prochain aussi également encore ensuite alors enfin toutefois cependant
    pourtant néanmoins notamment déjà récemment ainsi désormais finalement publiquement aussitôt
    immédiatement simplement clairement fermement sobrement prudemment volontiers"""
)
DEICTIC_TIMES = _wordset(
    "lundi mardi mercredi jeudi vendredi samedi dimanche matin soir midi week-end semaine mois année"
)
ADJUNCT_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    tuple(fold(p).replace("'", "' ").split())
    for p in (
        "de son côté", "de leur côté", "pour sa part", "pour leur part", "en revanche",
        "par ailleurs", "en outre", "de nouveau", "à nouveau", "dans le même temps",
        "une nouvelle fois", "plus tard", "lui aussi", "elle aussi", "quant à lui", "quant à elle",
        "à son tour", "à plusieurs reprises", "au passage", "lui-même", "elle-même",
        "dans la foulée", "d'emblée", "d'entrée", "d'abord", "tout de suite", "sans détour",
        "en substance", "en conclusion", "pour conclure", "en préambule",
    )
)  # fmt: skip


def skip_adjunct(words: list[str], j: int, end: int) -> int:
    """Index after an adjunct word or phrase starting at token `j` (or `j` when there is none).

    Args:
        words: the folded text of every token of the doc (`TokenTable.low`).
        j: the token to look at.
        end: the adjunct must end at or before this token.
    """
    if j >= end:
        return j
    low = words[j]
    if low in ADJUNCTS:
        return j + 1
    if low in ("ce", "cette") and j + 1 < end and words[j + 1] in DEICTIC_TIMES:
        return j + 2  # "ce lundi", "cette semaine"
    if low == "le":
        return _skip_dated(words, j, end)
    for phrase in ADJUNCT_PHRASES:
        k = j + len(phrase)
        if k <= end and phrase[0] == low and all(words[j + n] == w for n, w in enumerate(phrase)):
            return k
    return j


def _skip_dated(words: list[str], j: int, end: int) -> int:
    """Index after "le [jour] 18 juillet [2025]" at token `j` ("a déclaré le 18 juillet X"),
    else `j`: a date, not the article of the subject's noun phrase."""
    k = j + 1
    if k < end and words[k] in DEICTIC_TIMES:
        k += 1
    if not (k + 1 < end and _day_number(words[k]) and words[k + 1] in MONTHS):
        return j
    k += 2
    if k < end and len(words[k]) == 4 and words[k].isdigit():
        k += 1
    return k if k <= end else j


def _day_number(word: str) -> bool:
    return (word.isdigit() and len(word) <= 2) or word == "1er"


# Heads of noun phrases that can be a source after "selon"/"d'après" without being a named entity.
SOURCE_NOUNS = _wordset(
    """source sources responsable responsables diplomate diplomates expert experts analyste
    analystes porte-parole ministre ministère ministres gouvernement président présidente
    dirigeant dirigeants dirigeante officiel officiels proche proches entourage conseiller
    conseillère médias média agence presse communiqué déclaration observateurs négociateur
    négociateurs négociatrice commission chancellerie présidence kremlin élysée lui elle eux
    elles témoin témoins spécialiste spécialistes économiste économistes chercheur chercheurs
    syndicat syndicats patronat groupe entreprise société fédération association ong
    milliardaire républicain démocrate chef secrétaire commissaire député députés sénateur
    ambassadeur élu élus vice-président vice-présidente homologue hôte interlocuteur
    délégation délégations capitale capitales pays parties gouvernements ministères état
    administration autorités autorité organisation banque institut fonds cabinet opposition
    partenaires alliés dirigeants diplomatie représentant représentants représentante
    représentantes membre membres rebelle rebelles faction factions manifestants grévistes
    salariés employés travailleurs intersyndicale collectif agriculteurs éleveurs producteurs
    pêcheurs industriels médiateur médiateurs médiatrice émissaire envoyé envoyée armée
    militaire militaires officier officiers commandant direction juge juges procureur
    parlementaires eurodéputés quotidien journal hebdomadaire chaîne radio télévision
    front alliance mouvement confédération centrale junte régime conseil comité
    parti partis assemblée parlement sénat municipalité mairie tribunal cour compagnie firme
    constructeur laboratoire opérateur ligue club"""
)
# What a source gives out, as the object of "selon": "selon des informations recoupées",
# "selon les estimations américaines", "selon le document consulté" (a source, maybe anonymous);
# not "selon les termes de l'accord", "selon le calendrier" nor "selon les chiffres des douanes",
# which say how or how much, not who.
INFORMATION_NOUNS = _wordset(
    """information informations estimation estimations donnée données document documents rapport
    rapports étude études sondage sondages enquête enquêtes projection projections note
    révélation révélations"""
)
# "selon celles-ci", "d'après ceux-ci": the sources just named, whoever they are (anonymous)
DEMONSTRATIVE_SOURCES = frozenset({"celles-ci", "ceux-ci", "celui-ci", "celle-ci"})
# Heads of a quantity of speakers ("un certain nombre de groupes rebelles", "la plupart des
# pays"): the speakers are the noun after "de".
QUANTITY_NOUNS = _wordset(
    """nombre plupart partie majorité minorité moitié dizaine dizaines centaine centaines
    millier milliers série poignée ensemble totalité"""
)
# Titles of persons: "le ministre" refers back to the latest person when no mention holds the noun.
TITLES = _wordset(
    """ministre président présidente chef dirigeant dirigeante milliardaire républicain démocrate
    commissaire secrétaire porte-parole vice-président vice-présidente premier première
    chancelier chancelière négociateur négociatrice émissaire envoyé conseiller conseillère
    directeur directrice patron patronne pdg fondateur fondatrice maire adjoint adjointe député
    députée sénateur sénatrice gouverneur gouverneure amiral vice-amiral contre-amiral général
    générale colonel commandant maréchal ambassadeur ambassadrice"""
)
# What a person is in the story, not a post: "ce fervent défenseur de …", "l'invité de …" may
# be the person the text gave a title ("l'ancien ministre X"); read as occupations otherwise.
EPITHETS = _wordset(
    """défenseur défenseure partisan partisane opposant opposante détracteur détractrice
    observateur observatrice invité invitée intervenant intervenante cofondateur cofondatrice
    auteur autrice"""
)
# Occupations of persons interviewed or quoted in analysis and regional copy: "la chercheuse",
# "l'économiste" refer back to the person of that gender named earlier in the piece.
OCCUPATIONS = _wordset(
    """chercheur chercheuse économiste analyste géologue ingénieur ingénieure scientifique
    spécialiste expert experte avocat avocate professeur professeure universitaire sociologue
    historien historienne politologue géographe stratégiste consultant consultante agriculteur
    agricultrice élu élue militant militante habitant habitante riverain riveraine syndicaliste
    entrepreneur entrepreneuse fondateur fondatrice directeur directrice patron patronne maire
    géophysicienne géophysicien physicien physicienne chimiste juriste banquier banquière
    responsable"""
) | EPITHETS
MONTHS = _wordset("janvier février mars avril mai juin juillet août septembre octobre novembre décembre")
REFLEXIVES = _wordset("se s'")
_OBJECT_CLITICS = _wordset("le la les l' lui leur")
FINAL_PUNCT = frozenset(".!?…;")
QUOTE_CHARS = frozenset('«»“”„‹›"‘’')


@dataclass(frozen=True, slots=True)
class Cue:
    """One row of the reporting-cue lexicon."""

    cue: str
    lemma: str
    type: str  # verb | locution | preposition | wording
    frames: frozenset[str]
    words: tuple[str, ...]  # folded words; for verbs the first is the infinitive
    reflexive: bool = False


@dataclass(slots=True)
class CueLexicon:
    """The cues indexed for a one-pass token scan."""

    by_lemma: dict[str, list[Cue]] = field(default_factory=dict)  # verb lemma -> cues
    by_form: dict[str, str] = field(default_factory=dict)  # extra surface form -> lemma
    by_first: dict[str, list[Cue]] = field(default_factory=dict)  # prepositions and wording
    # folded word -> whether it or its -er guess is a verb lemma (memo of `may_cue`)
    _may: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)

    def may_cue(self, low: str) -> bool:
        """True when the folded word itself, or the -er infinitive guessed from its ending, is a
        verb or locution lemma: the candidates of `CueScanner.lemmas_at` that do not come from
        the lemmatizer. Memoized, as the scan asks it of every word (the lexicon is not changed
        after `from_rows`)."""
        got = self._may.get(low)
        if got is None:
            guess = _er_guess(low)
            got = self._may[low] = low in self.by_lemma or (guess is not None and guess in self.by_lemma)
        return got

    @classmethod
    def from_rows(cls, rows: tuple[dict, ...]) -> CueLexicon:
        """Index the rows of `reporting_cues.csv`."""
        lex = cls()
        for row in rows:
            text = row["cue"].strip()
            reflexive = False
            if text.startswith(("se ", "s'", "s’")):
                reflexive = True
                text = text[3:] if text.startswith("se ") else text[2:]
            words = tuple(_words(text))
            cue = Cue(
                cue=row["cue"],
                lemma=row.get("lemma") or row["cue"],
                type=row["type"],
                frames=frozenset(f for f in (row.get("frames") or "").split("|") if f),
                words=words,
                reflexive=reflexive,
            )
            if cue.type in ("verb", "locution"):
                lex.by_lemma.setdefault(words[0], []).append(cue)
                for form in (row.get("forms") or "").split("|"):
                    if form.strip():
                        lex.by_form[fold(form)] = words[0]
            else:
                lex.by_first.setdefault(words[0], []).append(cue)
        for cues in [*lex.by_lemma.values(), *lex.by_first.values()]:
            cues.sort(key=lambda c: (-len(c.words), c.reflexive))  # longest locution first
        return lex


def opens_cleft(words: list[str]) -> bool:
    """True when folded words open a cleft or a presentative that points back to what came
    before ("c'est ce qu'a déclaré X", "voilà ce que X a dit")."""
    return words[:1] in (["voila"], ["voici"]) or words[:2] == ["c'", "est"] or words[:1] == ["c'est"]


@lru_cache(maxsize=1024)
def _words(text: str, folded: bool = True) -> tuple[str, ...]:
    """Folded (else lower-cased) words of a cue the way the tokenizer splits them (d'après ->
    d', après)."""
    out: list[str] = []
    for chunk in (fold(text) if folded else text.lower().replace("’", "'")).split():
        while "'" in chunk[:-1]:
            head, chunk = chunk.split("'", 1)
            out.append(head + "'")
        out.append(chunk)
    return tuple(out)


@dataclass(slots=True)
class Hit:
    """A reporting cue found in the text (token indices, end exclusive)."""

    cue: Cue
    start: int  # first token of the cue as written (auxiliary included)
    end: int
    verb: int  # the verb token (or first token of a preposition)
    inverted: int | None = None  # token index of an inverted clitic subject (-il, -elle)


class CueScanner:
    """Find every reporting cue of a Doc in one left-to-right pass over its tokens.

    The scan works on the plain lists of a `TokenTable` (built here unless the caller shares
    its own), not on `Token` objects.
    """

    def __init__(
        self, doc: Doc, lexicon: CueLexicon, skip: list[dict], table: TokenTable | None = None
    ) -> None:
        self.doc = doc
        self.lex = lexicon
        self.skip = skip
        self.t = table if table is not None else token_table(doc)

    def hits(self) -> list[Hit]:
        """Every cue hit of the doc, in text order, outside boilerplate."""
        hits: list[Hit] = []
        t = self.t
        n = t.n
        low, lemma_low, punct, alpha, idx = t.low, t.lemma_low, t.punct, t.alpha, t.idx
        by_first, by_lemma, by_form = self.lex.by_first, self.lex.by_lemma, self.lex.by_form
        may_cue = self.lex.may_cue
        i = 0
        while i < n:
            hit = None
            if not punct[i] and low[i] in by_first:
                hit = self._prep_hit(i)
            # a verb hit needs one of its candidate lemmas in the lexicon: test the candidates
            # that do not depend on the tagger first, and build the list only for those tokens
            if hit is None and alpha[i]:
                w = low[i]
                if lemma_low[i] in by_lemma or w in by_form or may_cue(w):
                    hit = self._verb_hit(i)
            if hit is None:
                i += 1
                continue
            if not in_spans(idx[hit.start], idx[hit.end - 1] + 1, self.skip):
                hits.append(hit)
            # a cue cut by boilerplate still takes its words: "dires" of "Aux dires de" is no
            # verb of its own when "Aux" lies in a caption
            i = max(i + 1, hit.end if hit.cue.type != "verb" else i + 1)
        return hits

    def _prep_hit(self, i: int) -> Hit | None:
        cues = self.lex.by_first.get(self.t.low[i])
        if not cues:
            return None
        if skip_adjunct(self.t.low, i, self.t.n) > i:
            return None  # "a pour sa part déclaré": an adjunct, not "pour X" as a source
        for cue in cues:
            end = self._match_words(i, cue.words)
            if end is not None and self._same_accents(i, end, cue):
                return Hit(cue, i, end, i)
        return None

    def _same_accents(self, i: int, end: int, cue: Cue) -> bool:
        """False when a written accent tells another word ("d'âpres discussions" is no
        "d'après"); copy with no accents at all still matches."""
        written = _words(cue.cue, folded=False)
        for k, word in zip(range(i, end), written, strict=False):
            got = self.t.text[k].lower().replace("’", "'")
            if got != word and got != fold(got) and word not in POSSESSIVES:
                return False
        return True

    def _match_words(self, i: int, words: tuple[str, ...]) -> int | None:
        low = self.t.low
        n = self.t.n
        j = i
        for w in words:
            if j >= n:
                return None
            got = low[j]
            if got != w and not (w in POSSESSIVES and got in POSSESSIVES):
                return None
            j += 1
        return j

    def lemmas(self, tok: Token) -> list[str]:
        """Candidate lemmas of a token of this doc for the cue look-up (see `lemmas_at`)."""
        return self.lemmas_at(tok.i)

    def lemmas_at(self, i: int) -> list[str]:
        """Candidate lemmas of token `i` for the cue look-up.

        A verb's lemma, its extra forms (English inflections) and, for a token tagged VERB, a
        guess from its -er ending; a noun or adjective only by its own lemma, so that "presse"
        (the press) is not taken for "presser".
        """
        t = self.t
        low = t.low[i]
        out = [t.lemma_low[i]]
        if low in self.lex.by_form:
            out.append(self.lex.by_form[low])
        if t.pos[i] not in ("VERB", "AUX") and not self._verb_in_disguise(i):
            return out
        out.append(low)
        guess = _er_guess(low)
        if guess is not None:
            out.append(guess)
        return out

    def is_cue_at(self, i: int) -> bool:
        """True when a candidate lemma of token `i` is a verb or locution of the lexicon."""
        by_lemma = self.lex.by_lemma
        return any(lemma in by_lemma for lemma in self.lemmas_at(i))

    def _verb_in_disguise(self, i: int) -> bool:
        """A verb the tagger did not tag as one."""
        t = self.t
        has_next = i + 1 < t.n
        # "raconte-t-il" tagged ADJ: a word with an inverted subject clitic is a verb
        if has_next and (t.text[i + 1] == "-t" or _is_clitic_text(t.text[i + 1])):
            return True
        if i >= 2 and t.low[i].endswith("ant") and t.low[i - 1] in _OBJECT_CLITICS and t.text[i - 2] == ",":
            return True  # "…, le qualifiant de victoire": a participle after its object clitic
        if t.pos[i] != "NOUN" or not has_next or i == 0:
            return False
        # "Anne Leroy juge que …", "… juge possible de …", "…, juge Anne Leroy": a bare noun
        # right after a name (or a comma) and before a clause, an adjective or a name is a verb
        # the tagger mistook ("juge", "note")
        before_clause = t.low[i + 1] in ("que", "qu'") or t.pos[i + 1] == "ADJ"
        return (t.pos[i - 1] in ("PROPN", "PRON") and before_clause) or (
            t.text[i - 1] == "," and t.pos[i + 1] == "PROPN"
        )

    def _verb_hit(self, i: int) -> Hit | None:
        t = self.t
        text = t.text
        n = t.n
        for lemma in self.lemmas_at(i):
            cues = self.lex.by_lemma.get(lemma)
            if not cues:
                continue
            for cue in cues:
                end = self._match_words(i + 1, cue.words[1:]) if len(cue.words) > 1 else i + 1
                if end is None:
                    continue
                if cue.reflexive and not self._has_reflexive(i):
                    continue
                if not cue.reflexive and any(c.reflexive for c in cues) and self._has_reflexive(i):
                    # "se dire prêt" is the locution, not "dire"; keep looking for it
                    alt = [
                        c for c in cues if c.reflexive and self._match_words(i + 1, c.words[1:]) is not None
                    ]
                    if alt:
                        continue
                start, inverted = self._aux_start(i)
                if inverted is None and i + 1 < n and (text[i + 1] == "-t" or _is_clitic_text(text[i + 1])):
                    inverted = (
                        i + 1
                        if text[i + 1] != "-t"
                        else (i + 2 if i + 2 < n and _is_clitic_text(text[i + 2]) else None)
                    )
                return Hit(cue, start, end, i, inverted)
        return None

    def _has_reflexive(self, i: int) -> bool:
        low = self.t.low
        return any(low[j] in REFLEXIVES for j in range(i - 1, max(-1, i - 4), -1))

    def _aux_start(self, i: int) -> tuple[int, int | None]:
        """First token of the verb group ("a" in "a déclaré", "a-t-il déclaré") and any clitic."""
        t = self.t
        text, low = t.text, t.low
        j = i - 1
        clitic = None
        while j >= 0 and (text[j] == "-t" or _is_clitic_text(text[j])):
            if _is_clitic_text(text[j]):
                clitic = j
            j -= 1
        if j >= 0 and t.lemma[j] in ("avoir", "être") and t.pos[j] in ("AUX", "VERB"):
            # contiguous auxiliary (possibly with -t-il): part of the cue as written, and so is a
            # reflexive clitic right before it ("s'est dit")
            if j > 0 and low[j - 1] in REFLEXIVES:
                return j - 1, clitic
            if j > 0 and low[j - 1] in ("l'", "l’") and j - 2 >= 0 and text[j - 2] in ",»”":
                return j - 1, clitic  # "« … », l'a martelé X": the object clitic is part of the cue
            return j, clitic
        if i > 0 and low[i - 1] in REFLEXIVES:
            return i - 1, None
        return i, None


# the French lookup lemmatizer misses some forms ("estime" -> "estime"): -er verbs
_ER_SUFFIXES = ("ées", "ée", "és", "é", "ant", "ent", "es", "e")


@lru_cache(maxsize=1 << 15)
def _er_guess(low: str) -> str | None:
    """The -er infinitive guessed from a folded verb form's ending, or None."""
    for suffix in _ER_SUFFIXES:
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            return low[: -len(suffix)] + "er"
    return None


@lru_cache(maxsize=1 << 15)
def _is_clitic_text(text: str) -> bool:
    return text.startswith("-") and fold(text[1:]) in ("il", "elle", "ils", "elles", "on")


def fold_tok(tok: Token) -> str:
    """`fold` of a token's text."""
    return fold(tok.text)


def is_clitic(tok: Token) -> bool:
    """An inverted subject clitic as the tokenizer splits it ("-il" in "a-t-il")."""
    return _is_clitic_text(tok.text)


def is_final(tok: Token) -> bool:
    """Sentence-final punctuation."""
    return tok.text in FINAL_PUNCT


def is_month(tok: Token) -> bool:
    """A French month name."""
    return fold(tok.text) in MONTHS
