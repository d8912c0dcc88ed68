"""The tense of the clause holding a date: which "lundi" or "en mars" the text means.

`clause_tense(doc, start, end)` climbs the dependency parse from the date to the verb that
governs it and reads its tense, with the French periphrases that put the event ahead ("doit
signer lundi", "la signature prévue vendredi").

Tense is the event's, not the reporter's: a past announcing verb ("a annoncé", "a fixé") dates
the announcement, so a date after its object ("a annoncé le versement en mars") gets no tense
and the nearest reading (an article of 24 February: March 2025, not 2024); a date right after
the verb ("a annoncé mardi") keeps the past. A participle the tagger calls a futur ("cités")
stays a participle: every futur and conditional ends in r + ending.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from filon.pipeline.dates.resolution import Tense
from filon.pipeline.extensions import doc_text
from filon.pipeline.lemmas import ENDING, FUTURE_ENDINGS
from filon.pipeline.tokens import token_table

# Verbs that, governing an infinitive or as a participle, put the dated event ahead of the
# clause: "doit signer lundi", "va rencontrer mardi", "pourrait signer en mars",
# "la signature prévue vendredi".
_FUTURE_GOVERNORS = frozenset(
    {
        "devoir", "aller", "pouvoir", "prévoir", "compter", "espérer", "vouloir", "envisager",
        "entendre", "souhaiter", "promettre", "programmer", "planifier", "apprêter", "censer",
        "censé", "attendre", "projeter", "viser", "menacer",
    }
)  # fmt: skip
# Governors whose imperfect ("devait", "allait") plans what may still be ahead of the article.
_PLANNED_IN_THE_PAST = frozenset({"devoir", "aller"})
_SCHEDULED_PARTICIPLES = frozenset({"prévoir", "programmer", "planifier", "attendre", "annoncer"})
# "annoncer" reads as scheduled only in "la visite annoncée pour lundi"; as "a annoncé lundi" it
# has an auxiliary and stays past.

# Verbs whose object is a message, a plan or a decision: "a annoncé le versement en mars", "a
# décidé des droits de douane à partir du 10 avril". Their past tense dates the announcement;
# a date after their object may date what is announced, which is often ahead.
_ANNOUNCING = frozenset(
    {
        "annoncer", "déclarer", "indiquer", "affirmer", "dire", "assurer", "confirmer",
        "promettre", "prévenir", "proposer", "décider", "fixer", "dévoiler", "détailler",
        "préciser", "expliquer", "évoquer", "publier", "communiquer", "présenter", "approuver",
        "adopter", "valider", "autoriser", "ordonner", "exiger", "réclamer", "demander",
        "convenir", "décréter", "imposer", "instaurer", "programmer", "planifier",
    }
)  # fmt: skip
# Nouns of time are not the object that separates an announcement from its content.
_TIME_NOUNS = frozenset(
    {
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier",
        "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre", "jour", "semaine", "mois", "an", "année", "matin", "soir",
        "week-end", "veille", "lendemain", "fin", "début", "mi",
    }
)  # fmt: skip

# How far up the dependency tree to look for the verb governing a date (date -> noun -> verb).
_MAX_CLIMB = 6


def clause_tense(
    doc: Doc, start: int, end: int, text: str | None = None, breaks: Sequence[int] | None = None
) -> Tense:
    """Tense of the clause that holds the characters [start, end): past, present or future.

    Climbs from the expression to the verb that governs it, then reads the verb group:
    future (futur, conditional, "doit/va/pourrait + infinitive", "prévu"), past (passé composé,
    imparfait, passé simple, participle clause "signé le 30 avril") or present.

    Args:
        doc: the parsed doc.
        start: first character of the expression.
        end: character after it.
        text: `doc_text(doc)`, when the caller has it at hand. Defaults to None (looked up).
        breaks: the offsets of the line breaks of `text`, sorted (`line_breaks`), when the
            caller tags many dates of one text. Defaults to None (the text is searched).

    Returns:
        "past", "present", "future", or None when no verb governs the expression (a caption).
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    if text is None:
        text = doc_text(doc)
    token = span.root
    table = token_table(doc)
    for _ in range(_MAX_CLIMB):
        if any(table.lemma_lower[c] == "entrer" and table.pos[c] == "ADP" and table.head[c] == token.i
               for c in range(max(token.i - 3, 0), token.i)):
            # "l'accord entre en vigueur mercredi": the parser reads the verb as the preposition
            # "entre" (its lemma says otherwise), a present that looks ahead
            return "present"
        copula = next((doc[c] for c in table.children_by_dep(token.i, "cop") if table.dep[c] == "cop"), None)
        if token.pos_ not in ("VERB", "AUX") and copula is not None:
            # predicate with a copula ("entreraient en vigueur", "est prévu"): its verb group
            # is the copula plus the predicate's auxiliaries
            if _break_between(text, breaks, min(copula.idx, start), max(copula.idx, start)):
                return None
            return _predicate_tense(token, copula)
        if token.pos_ in ("VERB", "AUX") or token.lemma_ in _FUTURE_GOVERNORS:
            # the parser sometimes joins a paragraph to the previous one; a verb found across a
            # paragraph break says nothing about this expression
            low, high = sorted((token.idx, start))
            if _break_between(text, breaks, low, high):
                return None
            tense = _verb_tense(token)
            if tense == "past" and _dates_the_content(doc, token, start):
                return None
            return tense
        if token.head is token:
            return None
        token = token.head
    return None


def line_breaks(text: str) -> list[int]:
    """The offsets of the line breaks of `text`, for `clause_tense`."""
    return [m.start() for m in re.finditer("\n", text)]


def _break_between(text: str, breaks: Sequence[int] | None, low: int, high: int) -> bool:
    """True when a line break lies in text[low:high] (a bisection when `breaks` is given: the
    verb of a long sentence may be far from each of its many dates)."""
    if breaks is None:
        return text.find("\n", low, high) >= 0
    k = bisect_left(breaks, low)
    return k < len(breaks) and breaks[k] < high


def _aux_children(verb: Token) -> list[Token]:
    """The auxiliaries of `verb` (`aux`, `aux:tense`, `aux:pass`, …), in text order."""
    doc = verb.doc
    return [doc[c] for c in token_table(doc).children_by_dep(verb.i, "aux")]


def _dates_the_content(doc: Doc, verb: Token, start: int) -> bool:
    """True when a date after a past announcing verb follows its object, so it may date what
    is announced rather than the announcement: "a annoncé le versement en mars" (ahead),
    "a fixé des droits de douane à partir du 10 avril" (ahead); "a annoncé mardi …" (the day
    of the announcement) has no noun in between and keeps the past.
    """
    if verb.lemma_ not in _ANNOUNCING or verb.idx >= start:
        return False
    between = doc.char_span(verb.idx + len(verb), start, alignment_mode="contract")
    if between is None:
        return False
    return _next_object_noun(doc)[between.start] < between.end


_NEXT_NOUN: weakref.WeakKeyDictionary[Doc, list[int]] = weakref.WeakKeyDictionary()


def _next_object_noun(doc: Doc) -> list[int]:
    """For each token, the first token at or after it that is a noun other than a noun of time
    or a number (len(doc) when none): built once per doc, where a scan per date made a long
    list of dates after one verb quadratic."""
    found = _NEXT_NOUN.get(doc)
    if found is None:
        table = token_table(doc)
        found = [len(doc)] * (len(doc) + 1)
        for k in range(len(doc) - 1, -1, -1):
            noun = (table.pos[k] in ("NOUN", "PROPN") and table.lemma_lower[k] not in _TIME_NOUNS
                    and not doc[k].like_num)
            found[k] = k if noun else found[k + 1]
        _NEXT_NOUN[doc] = found
    return found


def _participle_form(verb: Token) -> bool:
    """A past participle, whatever the tagger says: "cités" is sometimes tagged a futur, but no
    form of an -er verb ending in -é(e)(s) is finite."""
    if "Part" in verb.morph.get("VerbForm"):
        return True
    form = verb.text.lower()
    return verb.lemma_.lower().endswith("er") and form.endswith(("é", "ée", "és", "ées"))


def _tagged_participle(verb: Token) -> bool:
    """A participle tag the form bears out ("signera" tagged a participle is a futur)."""
    return _participle_form(verb) and not _misread_future(verb)


_FUTURE_ENDING = re.compile("r" + ENDING + "$")


def _tagged_future(token: Token) -> bool:
    """A futur tag the form bears out: every futur and conditional ends in r + ending."""
    return "Fut" in token.morph.get("Tense") and bool(_FUTURE_ENDING.search(token.text.lower()))


def _verb_tense(verb: Token, depth: int = 0) -> Tense:
    """Tense of a verb group, looking at its auxiliaries and, for an infinitive, its governor."""
    morph = verb.morph
    auxes = _aux_children(verb)
    if _tagged_future(verb) or any(_tagged_future(a) for a in auxes):
        return "future"
    if verb.lemma_ in ("censé", "censer") or (verb.pos_ == "ADJ" and verb.lemma_ in _FUTURE_GOVERNORS):
        return "future"
    if _tagged_participle(verb):
        tense_aux = [a for a in auxes if a.dep_ == "aux:tense"]
        if tense_aux:
            return "past"
        if verb.lemma_ in _SCHEDULED_PARTICIPLES:
            return "future"  # "la signature prévue lundi", "le texte est prévu pour mars"
        passive = [a for a in auxes if a.dep_ == "aux:pass"]
        if passive and "Inf" in passive[0].morph.get("VerbForm"):
            return _infinitive_tense(verb, depth)  # "doit être signé vendredi"
        if passive:
            return _finite_tense(passive[0])
        return "past"  # participle clause: "signé le 30 avril", "Interrogé lundi"
    if "Inf" in morph.get("VerbForm"):
        return _infinitive_tense(verb, depth)
    xcomps = token_table(verb.doc).children_by_dep(verb.i, "xcomp")
    if verb.lemma_ in _FUTURE_GOVERNORS and any(
        verb.doc[c].dep_ == "xcomp" and "Inf" in verb.doc[c].morph.get("VerbForm") for c in xcomps
    ):
        if _planned_in_the_past(verb):
            return "future"
        return "past" if _finite_tense(verb) == "past" else "future"
    return _finite_tense(verb)


def _planned_in_the_past(verb: Token) -> bool:
    """"devait signer le 31 octobre", "allait signer": the past's future, read as a future (the
    date resolution then takes the nearest day when the next one is far)."""
    imperfect = "Imp" in verb.morph.get("Tense")
    return verb.lemma_ in _PLANNED_IN_THE_PAST and imperfect and not _aux_children(verb)


def _infinitive_tense(verb: Token, depth: int) -> Tense:
    """An infinitive group takes its time from its governor: "doit signer" is ahead."""
    governor = verb.head
    if governor is verb or depth > 2:
        return None
    if _planned_in_the_past(governor):
        return "future"  # "devait être signé le 31 octobre"
    if governor.lemma_ in _FUTURE_GOVERNORS:
        governed = _verb_tense(governor, depth + 1)
        return "past" if governed == "past" else "future"
    if governor.pos_ in ("VERB", "AUX", "ADJ"):
        return _verb_tense(governor, depth + 1)
    return None


def _predicate_tense(predicate: Token, copula: Token) -> Tense:
    """Tense of a copular predicate: "est prévu", "serait prêt", "entreraient en vigueur"."""
    auxes = _aux_children(predicate)
    if any(_tagged_future(a) for a in auxes):
        return "future"
    if any(a.dep_ == "aux:tense" for a in auxes):
        return "past"  # "a été prêt"
    if "Inf" in copula.morph.get("VerbForm"):
        return _infinitive_tense(predicate, 0)
    return _finite_tense(copula)


# Future stems of irregular verbs; regular ones build the futur and conditional on the infinitive
# ("signer" -> "signerait", "prendre" -> "prendrait").
_FUTURE_STEMS = {
    "être": "ser", "avoir": "aur", "aller": "ir", "faire": "fer", "pouvoir": "pourr",
    "devoir": "devr", "vouloir": "voudr", "venir": "viendr", "tenir": "tiendr", "voir": "verr",
    "savoir": "saur", "falloir": "faudr", "envoyer": "enverr", "recevoir": "recevr",
    "mourir": "mourr", "courir": "courr", "valoir": "vaudr", "obtenir": "obtiendr",
    "parvenir": "parviendr", "devenir": "deviendr", "revenir": "reviendr", "prévoir": "prévoir",
}  # fmt: skip
_FUTURE_ENDINGS = frozenset(FUTURE_ENDINGS)


def _future_form(verb: Token) -> bool:
    """True when the word is a futur or conditional form of its lemma ("entreraient").

    The morphologizer tags some conditionals as imparfait; the ending on the infinitive stem
    cannot be an imparfait ("entraient" is, "entreraient" is not).
    """
    lemma = verb.lemma_.lower()
    stem = _FUTURE_STEMS.get(lemma)
    if stem is None:
        if lemma.endswith("re"):
            stem = lemma[:-1]
        elif lemma.endswith(("er", "ir")):
            stem = lemma
        else:
            return False
    form = verb.text.lower()
    return form.startswith(stem) and form[len(stem) :] in _FUTURE_ENDINGS




def _misread_future(verb: Token) -> bool:
    """'signera' tagged as a past participle with itself as lemma: no participle ends in an
    infinitive plus a futur or conditional ending, so the form is one."""
    return ("Part" in verb.morph.get("VerbForm") and len(verb.text) > 5
            and bool(_FUTURE_ENDING.search(verb.text.lower())))


def _finite_tense(verb: Token) -> Tense:
    morph = verb.morph
    if "Cnd" in morph.get("Mood") or _future_form(verb) or _misread_future(verb):
        return "future"  # "pourrait signer en mars", "signerait lundi": ahead of publication
    tense = morph.get("Tense")
    if "Imp" in tense or "Past" in tense:
        return "past"
    if _tagged_future(verb):
        return "future"
    if "Pres" in tense:
        return "present"
    return None
