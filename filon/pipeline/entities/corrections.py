"""Cleaning the model's entity spans: what yields no entity, and the repairs of wire-copy errors.

The model's NER on French wire copy glues titles to names ("ministre de l'Economie Ioulia
Svyrydenko"), tags portfolios and sentence-initial months as places, and reads photo credits and
bylines as people. `skipped_spans` says which character spans yield no entity at all,
`noise_text` which entity texts are no mention, and `clean_model_span` repairs (or drops) one
model entity, reading the shared token table only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Doc

from filon.domains.folding import fold
from filon.domains.gazetteer import Gazetteer
from filon.ingest.dateline import MONTHS, WEEKDAYS
from filon.pipeline.entities.companies import COMPANY_DESIGNATORS
from filon.pipeline.entities.mentions import Mention, span_chars
from filon.pipeline.extensions import doc_text
from filon.pipeline.tokens import TokenTable

_LEADING_DETERMINERS = frozenset({"le", "la", "les", "l'", "l’"})
# lowercase words that may open a person's name ("de Gaulle", "van der Leyen", "al-Sissi")
NAME_PARTICLES = frozenset({"de", "du", "des", "d'", "d’", "van", "von", "der", "den", "al", "el",
                             "ben", "bin", "da", "dos", "di", "del", "la", "le", "ibn", "abu"})
# "( POOL / MIKHAIL METZEL )", "(AFP/Archives)": a photo credit, whatever the marker found
_CREDIT = re.compile(r"\(\s*[A-ZÀ-Ý][A-ZÀ-Ý .&'’-]*/[^()\n]{1,60}\)")
# Title nouns: a model entity starting with one is a title, maybe followed by a name.
ROLE_NOUNS = frozenset(fold(w) for w in (
    "ministre", "président", "présidente", "premier", "première", "secrétaire", "chef", "cheffe",
    "commissaire", "chancelier", "chancelière", "porte-parole", "directeur", "directrice",
    "vice-président", "vice-présidente", "vice-premier", "vice-première", "vice-ministre",
    "vice-chancelier", "vice-chancelière", "sous-secrétaire", "ambassadeur",
    "ambassadrice", "émissaire", "envoyé", "envoyée", "sénateur", "sénatrice", "député",
    "députée", "général", "patron", "patronne", "dirigeant", "dirigeante", "négociateur",
    "négociatrice", "conseiller", "conseillère", "gouverneur", "maire", "roi", "reine", "prince",
    "princesse", "pape", "monseigneur",
))
# Portfolios that may sit, capitalised, between a title and a name ("ministre de l'Economie X").
_PORTFOLIO_WORDS = frozenset(fold(w) for w in (
    "Economie", "Trésor", "Commerce", "Défense", "Intérieur", "Finances", "Energie", "Justice",
    "Affaires", "Etrangères", "Industrie", "Santé", "Agriculture", "Environnement", "Travail",
    "Budget", "Armées", "Transports", "Education", "Culture", "Etat", "Numérique", "Mines",
    "Ressources", "Relations", "Extérieures", "Europe", "Diplomatie", "Reconstruction",
))
_TITLE_WORDS = _PORTFOLIO_WORDS | ROLE_NOUNS
# Nouns that make an entity an institution whatever the model labelled it.
_INSTITUTION_NOUNS = frozenset(fold(w) for w in (
    "ministère", "agence", "commission", "banque", "administration", "département", "office",
    "conseil", "parlement", "gouvernement", "université", "comité", "fonds", "groupe", "société",
    "compagnie", "bureau", "institut", "autorité", "cour", "tribunal", "assemblée", "sénat",
    "service", "direction", "organisation", "fédération", "association", "entreprise",
))
# Capitalised generic nouns the model takes for names on their own.
_GENERIC_NOUNS = frozenset({"etat", "etats", "occident", "gouvernement", "ministre"})
# Plural nationality nouns ("Européens", "Américains", "Chinois", "Russes", "Britanniques").
_DEMONYM = re.compile(
    r"^[A-ZÉÈ][a-zéèêëîïôöûüç-]+(?:iens|iennes|éens|éennes|ains|aines|ais|aises|ois|oises|ands|andes|"
    r"ites|iques|aques|èques|aux|sses|ges|cs)$"
)
# "Rédigé par Jean Martin", "Edité par …": the wire's byline line (people, not actors)
_BYLINE = re.compile(r"^(?:Rédigé|Redige|Édité|Edité|Edite|Écrit|Ecrit) par [^\n]{1,120}$",
                     re.MULTILINE)
# "KIEV, 3 mars (AFP) -", "(avec Reuters)": the wire credit of a dateline or a footer, like a
# photo credit not an actor of the story (an agency named in prose, "a dit à l'AFP", stays)
_AGENCY_CREDIT = re.compile(
    r"\((?:[Aa]vec\s+(?:l['’])?)?(?:AFP|Reuters|AP|Bloomberg|Belga|ATS|dpa|DPA|ANSA|EFE|Xinhua|"
    r"TASS|Tass|RIA Novosti|Interfax|Ukrinform)(?:\s*(?:,|/|et)\s*[^()\n]{1,40})?\)"
)
# Words a portfolio walks left over to reach its institution or title ("ministère … de l'Industrie").
_PORTFOLIO_LINKS = frozenset({"de", "du", "des", "d'", "d’", "l'", "l’", "la", "le", "au", "aux", "à"})


def skipped_spans(doc: Doc) -> list[dict]:
    """Character spans that yield no entity: credits, subheadings, bylines.

    Caption prose ("Vladimir Poutine à Moscou, le 24 février") is kept on purpose: the gold
    conventions count the people and places it names; only its credit "( AGENCE / NOM )" goes.
    Credits are also found here when no boilerplate marker ran (a user's own pipeline).
    """
    spans = [b for b in doc._.filon_boilerplate or [] if b.get("kind") != "caption"]
    spans += [{"start": m.start(), "end": m.end()} for m in _CREDIT.finditer(doc_text(doc))]
    spans += [{"start": m.start(), "end": m.end()} for m in _BYLINE.finditer(doc_text(doc))]
    spans += [{"start": m.start(), "end": m.end()} for m in _AGENCY_CREDIT.finditer(doc_text(doc))]
    return spans


# the same names come back in every article: the pure string function is memoized
@lru_cache(maxsize=1 << 14)
def noise_text(text: str) -> bool:
    """A model entity's text that is no mention: no letter (lone punctuation), or a credit line.

    Boilerplate spans are checked apart, by offsets.
    """
    if not any(c.isalpha() for c in text):
        return True
    if fold(text).replace(".", "").strip() in ("ndlr", "nda", "ndt"):
        return True  # "(sur la finance, NDLR)": the editor's note mark, not a body
    # "( AGENCE / PRÉNOM NOM )": photo credits are all caps, often with a slash
    letters = [c for c in text if c.isalpha()]
    return bool("/" in text or (all(c.isupper() for c in letters) and " " in text.strip()))


def clean_model_span(
    table: TokenTable, text: str, start: int, end: int, label: str, gaz: Gazetteer
) -> Mention | None:
    """Repair a model entity, or None when it is not an entity at all.

    - "Le Kremlin": the determiner goes.
    - "Premier ministre", "ministre de l'Economie Ioulia Svyrydenko": a title alone is not a
      name; a title followed by a name keeps only the name, as PER.
    - "ministère du Commerce" tagged LOC: an institution noun makes it an ORG.
    - "Etats" ("les Etats membres"), "Etat ukrainien": a generic noun, not a name.
    - "Européens", "Américains": nationalities are MISC, not places.

    `start`, `end` and `label` are the model entity's; `text` is the doc's text. Token strings
    come from the token table (`Token.is_upper`/`is_lower` are `str.isupper`/`islower` of the
    text, the lexeme flags spaCy computes that way).
    """
    words, low, alpha = table.text, table.low, table.alpha
    if end - start > 1 and table.lower[start] in _LEADING_DETERMINERS:
        start += 1
    first = low[start]  # `fold` of the first word
    if first in ROLE_NOUNS:
        tail = end
        while tail > start and ((words[tail - 1][:1].isupper() and alpha[tail - 1]) or (
                # "ministre de l'Économie Amélie de Montchalin": a particle inside the name
                low[tail - 1] in NAME_PARTICLES and tail - 2 > start
                and words[tail - 2][:1].isupper() and low[tail - 2] not in _TITLE_WORDS)):
            tail -= 1
        while tail < end and low[tail] in _TITLE_WORDS:
            tail += 1
        if tail < end and _ministry_portfolio(table, tail):
            tail += 1  # "ministre de la Pêche (Oumar Guèye)": a portfolio no list holds
        if tail >= end:
            # "le vice-ministre des Affaires étrangères Vahan Kostanyan" tagged up to the
            # title: the given name and surname the model left out after it; a span cut after
            # a preposition ("Presidente della") is no whole title
            return None if low[end - 1] in _LINK_WORDS else _name_after(table, end)
        if tail == start:
            return None
        return Mention(tail, end, "PER", "model")
    if first in _GENERIC_NOUNS:
        return None
    span_text = text[slice(*span_chars(table, start, end))]
    if (end - start > 1 and words[start].isupper() and len(words[start]) >= 2
            and all(words[i].islower() for i in range(start + 1, end))
            and gaz.lookup(span_text) is None):
        # "CRMA européen", "IRA américain": a known acronym and its adjective; full names
        # ending in lowercase words ("Commission électorale centrale") are left whole
        known = gaz.lookup(words[start])
        if known is not None:
            return Mention(start, start + 1, known.label, "model")
    if not any(c.isupper() for c in span_text) and gaz.lookup(span_text) is None:
        return None  # "multivectorielle": names are capitalised; descriptions come from the gazetteer
    if end - start == 1 and (first in WEEKDAYS or first in MONTHS):
        return None  # "Lundi, le Parlement…": a sentence-initial day or month is no name
    if (end - start == 1 and first.endswith("ant") and table.pos[start] in ("VERB", "ADV", "ADJ")
            and gaz.lookup(words[start]) is None):
        return None  # "Poursuivant, il a …": a sentence-initial participle is no name
    if (end - start == 1 and table.pos[start] == "VERB" and "Part" in table.feats(start, "VerbForm")
            and words[start][-1:] in ("é", "i", "u", "s", "e") and gaz.lookup(words[start]) is None):
        return None  # "Décliné par le Maroc, …": a past participle opening a clause is no name
    if end - start <= 2 and (first in _PORTFOLIO_WORDS or _ministry_portfolio(table, start)):
        head = _portfolio_head(table, start)
        if head is not None and low[head] in _INSTITUTION_NOUNS:
            # "ministère kazakh de l'Industrie" tagged "Industrie"/LOC: the institution is the name
            return Mention(head, end, "ORG", "model")
        if head is not None:
            return None  # "secrétaire au Trésor", "ministre de l'Industrie": a portfolio, not a place
    if first in _PORTFOLIO_WORDS and label in ("PER", "MISC") and end - start >= 3:
        # "Trésor Jean Dupont", "Affaires étrangères Vikram Misri": the portfolio of a title
        # cut off by the model, then the name
        if label == "PER":
            start += 1
        else:
            k = start + 1
            while k < end and (low[k] in _PORTFOLIO_WORDS or words[k].islower()):
                k += 1
            if end - k >= 2:
                start, label = k, "PER"
    if (label in ("PER", "MISC") and end - start >= 3 and words[start].isupper() and len(words[start]) >= 2
            and _is_body(gaz, words[start]) and low[end - 1] not in COMPANY_DESIGNATORS
            and all(w[:1].isupper() and not w.isupper() for w in words[start + 1 : end])):
        # "a déclaré à l'AFP Susana Muhammad": an agency in capitals glued in front of a name
        return Mention(start + 1, end, "PER", "model")
    # "a déclaré Félix Tshisekedi jeudi", "diffusée par Vinci mardi soir": a day is no part of a name
    while end - start > 1 and words[end - 1].islower() and low[end - 1] in _TIME_WORDS:
        end -= 1
    if label == "PER":
        # "declare M. Albanese": a verb glued in front of the name (web copy without accents)
        while end - start > 1 and words[start].islower() and low[start] not in NAME_PARTICLES:
            start += 1
        if low[start] in NAME_PARTICLES and _ministry_portfolio(table, end - 1):
            return None  # "(la ministre) wallonne de l'Agriculture": a portfolio, not "de Gaulle"
        # "Aidan Lewis DOHA": the dateline after a byline, a place in capitals
        while (end - start > 1 and words[end - 1].isupper() and len(words[end - 1]) >= 3
               and not words[start].isupper() and _dateline_place(gaz, words[end - 1])):
            end -= 1
    if (label in ("LOC", "MISC") and end - start == 1 and _after_title(table, start)
            and words[start][:1].isupper() and not words[start].isupper()
            and gaz.lookup(words[start]) is None and gaz.place(words[start]) is None):
        label = "PER"  # "le président serbe Vučić": a surname after a title, not a place
    if label == "PER" and end - start == 1 and words[start].isupper() and len(words[start]) >= 3:
        known = gaz.lookup(words[start])
        if known is None or known.type != "person":
            label = "ORG"  # "AUKUS", "ISRO": an acronym, not a person
    if first in _INSTITUTION_NOUNS and label != "ORG":
        label = "ORG"
    if (label in ("PER", "MISC") and end - start >= 2 and low[end - 1] in COMPANY_DESIGNATORS
            and words[end - 1][:1].isupper()):
        label = "ORG"  # "Barrick Gold", "Leo Lithium", "Kosmos Energy": a company
    if (end - start == 1 and label == "LOC" and _DEMONYM.match(words[start])
            and gaz.place(words[start]) is None):
        label = "MISC"
    if label in ("ORG", "MISC") and _title_article(table, text, start):
        # "selon Le Soir d'Algérie": a capitalised article inside a sentence opens a title
        return Mention(start - 1, end, "ORG", "model")
    return Mention(start, end, label, "model")


_TITLE_ARTICLES = frozenset({"Le", "La", "Les", "L'", "L’"})


def _title_article(table: TokenTable, text: str, start: int) -> bool:
    """The token before `start` is "Le", "La", "L'" with its capital, inside a sentence."""
    k = start - 1
    if k < 1 or table.text[k] not in _TITLE_ARTICLES:
        return False
    j = k - 1
    while j >= 0 and table.space[j]:
        j -= 1
    return j >= 0 and table.text[j] not in _OPENERS and "\n" not in text[table.idx[j] : table.idx[k]]


# what ends the sentence, or opens a line or a quote, before a word that starts a sentence
_OPENERS = frozenset({".", "!", "?", "…", ":", "«", "»", '"', "“", "”", "—", "–", "-"})


def common_word_opening(
    table: TokenTable, text: str, mention: Mention, common: Callable[[str], bool]
) -> bool:
    """A one-word person the model found where a sentence opens, which is a French common word
    ("Veuillez noter …", "Livraison prévue en 2026", "Victoire pour les syndicats") and no
    surname the article writes after a given name ("Berger" after "Laurent Berger")."""
    k = mention.start
    if mention.label != "PER" or mention.end - k != 1 or not common(table.lower[k]):
        return False
    j = k - 1
    while j >= 0 and table.space[j]:
        j -= 1
    opens = j < 0 or table.text[j] in _OPENERS or "\n" in text[table.idx[j] : table.idx[k]]
    if not opens or _after_title(table, k):
        return False
    word = table.text[k]
    return re.search(r"[A-ZÀ-Ý][\w'’-]+\s+" + re.escape(word) + r"\b", text) is None


# Words of time the model glues after a name ("… a déclaré X jeudi", "… X hier").
_TIME_WORDS = frozenset(WEEKDAYS) | {"hier", "aujourd'hui", "aujourd’hui", "demain", "soir", "matin"}

# Prepositions and articles a title never ends with, in French and the languages quoted in it.
_LINK_WORDS = frozenset({"de", "du", "des", "d'", "d’", "la", "le", "les", "l'", "l’", "au", "aux", "a",
                         "della", "del", "dei", "di", "of", "the", "von", "van", "der", "den"})


def _after_title(table: TokenTable, k: int) -> bool:
    """A title right before token `k`: "le président X", "le président serbe X" (a title and a
    lowercase nationality adjective)."""
    low = table.low
    if k >= 1 and low[k - 1] in ROLE_NOUNS:
        return True
    return (k >= 2 and table.text[k - 1].islower() and table.pos[k - 1] == "ADJ"
            and low[k - 2] in ROLE_NOUNS)


def _is_body(gaz: Gazetteer, word: str) -> bool:
    """True when the gazetteer knows `word` as an organisation (an agency, a company, a body)."""
    actor = gaz.lookup(word)
    return actor is not None and actor.type != "person" and actor.label == "ORG"


def _name_after(table: TokenTable, end: int) -> Mention | None:
    """The person named right after a title the model tagged alone: two to four capitalised
    words (a particle may sit inside), else None."""
    words, low, alpha = table.text, table.low, table.alpha
    k = end
    while k < len(words) and k - end < 4 and (
        (words[k][:1].isupper() and alpha[k] and not words[k].isupper())
        or (low[k] in NAME_PARTICLES and k > end and k + 1 < len(words) and words[k + 1][:1].isupper())
    ):
        k += 1
    return Mention(end, k, "PER", "model") if k - end >= 2 else None


def _dateline_place(gaz: Gazetteer, word: str) -> bool:
    """A city or a state (a large one: surnames in capitals share names with small towns)."""
    place = gaz.place(word, min_population=100_000)
    return place is not None and place.type in ("city", "state")


def _portfolio_head(table: TokenTable, start: int) -> int | None:
    """Index of the institution or role noun a portfolio word depends on, if any.

    Walks left over "de l'", "du", "au" and lowercase adjectives ("ministère kazakh de
    l'Industrie", "secrétaire américain au Trésor"), at most four tokens.
    """
    i = start - 1
    while i >= 0 and start - i <= 4:
        key = table.low[i]  # `fold` of the token's text
        if key in _INSTITUTION_NOUNS or key in ROLE_NOUNS:
            return i
        if table.lower[i] in _PORTFOLIO_LINKS or (table.text[i].islower() and table.alpha[i]):
            i -= 1
            continue
        return None
    return None


# Heads whose "de la …", "du …", "des …" complement is a portfolio, whatever its word.
_MINISTRY_HEADS = frozenset({"ministre", "ministres", "ministere", "ministeres", "ministerielle",
                             "ministeriel", "secretaire", "departement", "portefeuille"})
_ARTICLE_LINKS = (("de", "la"), ("de", "l'"), ("de", "l’"), ("à", "la"), ("à", "l'"), ("à", "l’"))


def _ministry_portfolio(table: TokenTable, start: int) -> bool:
    """"le ministre de la Pêche", "ministère sénégalais des Pêches": the word after a ministry
    and an article is its portfolio (the model may tag it PER); "le ministre de Poutine" has
    no article and names a person."""
    low, lower = table.low, table.lower
    i = start - 1
    if i >= 0 and lower[i] in ("du", "des", "au", "aux"):
        i -= 1
    elif i >= 1 and (lower[i - 1], lower[i]) in _ARTICLE_LINKS:
        i -= 2
    else:
        return False
    while i >= 0 and table.text[i].islower() and table.alpha[i] and low[i] not in _MINISTRY_HEADS:
        i -= 1  # an adjective of nationality: "ministre sénégalais de la Pêche"
        if start - i > 5:
            return False
    return i >= 0 and low[i] in _MINISTRY_HEADS
