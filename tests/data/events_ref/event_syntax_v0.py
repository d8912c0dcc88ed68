"""Reference copy of filon/pipeline/event_syntax.py at commit 6f63563, for tests/test_events_speed.py.

Token and sentence rules of `filon_events`: clauses, predicates, governors, cue regions.

Pure functions over spaCy tokens and spans, written against the parse of fr_core_news_md and
its known slips (sentences cut before the verb, participles hung on nouns, conditionals tagged
as imperfects); each one says which slip it absorbs.
"""

from __future__ import annotations

import itertools
import re

from spacy.tokens import Doc, Span, Token

from filon.pipeline.event_patterns import Trigger

# clause separators: a trigger's region stops at the last of these before the next trigger
SEPARATORS = frozenset({",", ";", ":", "—", "–", "(", ")", "mais", "tandis", "alors", "puis", "afin"})
# conditional endings that no imperfect shares ("offrirait" but not "offrait", "aurait" but not
# "assurait"); the tagger often reads a conditional as an imperfect
CONDITIONAL = re.compile(
    r"(?:er|ir|rr|dr|vr|aur|ser|fer|oir)(?:ais|ait|ions|iez|aient)$"
)

# future endings ("signera", "seront", "signerons"); the tagger often misses the tense. The
# plural persons need the stem ending that no present shares ("déclarons" is a present)
FUTURE = re.compile(r"r(?:ai|as|a|ont)$|(?:er|ir|rr|dr|vr|aur|ser|fer|oir)(?:ons|ez)$")

TIME_WORDS = frozenset({
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "soir", "matin",
    "semaine", "mois", "an", "année", "jour", "fin", "début", "mi-", "janvier", "février", "mars", "avril",
    "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
})
# a wire dateline: place (country), date or agency, then a dash, at the very top of the text
DATELINE = re.compile(
    r"^\s*([A-ZÀ-Ý][\w' .-]*(?:\s*\([^()\n]{1,30}\))?,[^\n]{0,50}?(?:\d|\([\w .]{2,20}\))\s*[-—–])\s"
)
# "après deux mois de négociations": talks measured in time are over
DURATION_NOUNS = frozenset({"mois", "semaine", "jour", "an", "année", "heure", "décennie"})
# arcs by which a negation word attaches to the predicate
NEGATION_DEPS = frozenset({"advmod", "mark", "case", "det"})

# sentence-final punctuation and the closing marks that may follow it
FINAL = frozenset({".", "!", "?", "…", "..."})
CLOSERS = frozenset({"»", '"', "”", ")", "’", "'"})


def ends_sentence(span: Span) -> bool:
    """The span ends with final punctuation, possibly followed by closing quotes or brackets."""
    toks = [t for t in span if not t.is_space]
    while toks and toks[-1].text in CLOSERS:
        toks.pop()
    return bool(toks) and (toks[-1].text in FINAL or toks[-1].text.endswith((".", "!", "?", "…")))


def trim(span: Span) -> Span:
    """The span without leading or trailing whitespace tokens."""
    start, end = span.start, span.end
    # a closing mark left over from the previous sentence, an opening one of the next
    while start < end and (span.doc[start].is_space or span.doc[start].text in ("»", "”")):
        start += 1
    while end > start and (span.doc[end - 1].is_space or span.doc[end - 1].text in ("«", "“")):
        end -= 1
    return span.doc[start:end]


def in_any(pos: int, spans: list[dict] | None) -> bool:
    """`pos` falls inside one of `spans` (dicts with "start" and "end")."""
    return bool(spans) and any(s["start"] <= pos < s["end"] for s in spans)


def unique(items: list) -> list:
    """Items without repeats, first occurrence first."""
    seen: set = set()
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


def resolve_overlaps(candidates: list[tuple[Span, Trigger]]) -> list[tuple[Span, Trigger]]:
    """Longest match first, then the more specific trigger (with requirements); no overlaps."""
    def rank(item: tuple[Span, Trigger]) -> tuple:
        """Longer first, then triggers with requirements, then text order."""
        span, trig = item
        specific = bool(trig.requires_lemma) + (trig.type != "agreement") + bool(trig.object_lemmas)
        return (-(span.end - span.start), -specific, span.start)

    chosen: list[tuple[Span, Trigger]] = []
    taken: set[int] = set()
    for span, trig in sorted(candidates, key=rank):
        if any(i in taken for i in range(span.start, span.end)):
            continue
        chosen.append((span, trig))
        taken.update(range(span.start, span.end))
    return sorted(chosen, key=lambda item: item[0].start)


def witness(doc: Doc, tok_start: int) -> bool:
    """'en présence du chancelier allemand Olaf Scholz': a witness, not a party."""
    for i in range(tok_start - 1, max(tok_start - 7, 0), -1):
        tok = doc[i]
        if tok.is_punct or tok.pos_ in ("VERB", "AUX"):
            return False
        if tok.lower_ == "présence" and i > 0 and doc[i - 1].lower_ == "en":
            return True
    return False


INDEFINITE = frozenset({"un", "une", "des", "d'", "d’", "de", "nouveau", "nouvelle"})


def object_fits(predicate: Token, trig: Trigger) -> bool:
    """The cue's object (or passive subject) is one of the trigger's `object_lemmas`, and an
    indefinite one when the trigger asks for it ("a évoqué un accord", not "l'accord")."""
    passive = any(c.dep_ == "aux:pass" for c in predicate.children)
    candidates = [c for c in predicate.children
                  if c.dep_ in ("obj", "nsubj:pass", "obl:arg")
                  or (c.dep_ == "nsubj" and (passive or trig.subject_fits))]
    participle = "Part" in predicate.morph.get("VerbForm") and not any(
        c.dep_.startswith("aux") for c in predicate.children)
    if participle and predicate.dep_.startswith("acl"):
        # "le nouveau texte, transmis à Kiev", "l'accord-cadre, approuvé par le gouvernement"
        candidates.append(predicate.head)
    subjectless = not any(c.dep_.startswith("nsubj") for c in predicate.children)
    if predicate.dep_ == "xcomp" or (passive and subjectless):
        # "les discussions doivent se poursuivre", "sa signature pourrait être repoussée": the
        # subject hangs on the modal
        candidates.extend(c for c in predicate.head.children
                          if c.dep_.startswith("nsubj") and (passive or trig.subject_fits))
    doc = predicate.doc
    if participle and predicate.i > 1 and doc[predicate.i - 1].lower_ == ",":
        # a detached participle modifies the noun before the comma, whatever the parse says
        for tok in reversed(doc[max(predicate.i - 6, 0) : predicate.i - 1]):
            if tok.pos_ in ("VERB", "AUX") or tok.lower_ in (",", ";", ":", "."):
                break
            if tok.pos_ == "NOUN" and _fits(tok, trig):
                return True
    if any(_fits(c, trig) for c in candidates):
        return True
    # the parser often loses the object ("a présenté mercredi à Kiev au président un projet",
    # "a de son côté évoqué lundi, lors d'une rencontre …, un accord"): take the first bare noun
    # after the cue (no preposition, not a day), stopping at the next verb
    for tok in doc[predicate.i + 1 : min(predicate.i + 16, len(doc))]:
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "aux:tense", "aux:pass", "cop"):
            return False
        if tok.pos_ != "NOUN" or tok.lower_ in TIME_WORDS:
            continue
        cases = [c for c in tok.children if c.dep_ == "case"]
        # "a évoqué en janvier des investissements": a partitive "des"/"du" read as a preposition
        partitive = len(cases) == 1 and cases[0].lower_ in ("des", "du") and cases[0].i == tok.i - 1
        if (cases and not partitive) or doc[tok.i - 1].lower_ in ("à", "au", "aux"):
            continue
        return _fits(tok, trig)
    return False


SINGULAR_DRAFTS = frozenset({"projet", "texte", "document"})


def _fits(noun: Token, trig: Trigger) -> bool:
    if noun.lemma_.lower() not in trig.object_lemmas and noun.lower_ not in trig.object_lemmas:
        return False
    if noun.lemma_.lower() in SINGULAR_DRAFTS and "Plur" in noun.morph.get("Number"):
        return False  # "examinera les projets stratégiques": many projects, not a draft deal
    if not trig.indefinite_object:
        return True
    dets = {c.lower_ for c in noun.children if c.dep_ == "det"}
    if not dets and noun.i > 0:
        dets = {noun.doc[noun.i - 1].lower_}
    return bool(dets & INDEFINITE)


def idiom(tok: Token) -> bool:
    """'d'accord', 'en accord avec': no deal ("le ministre s'est dit d'accord")."""
    if tok.lower_ != "accord" or tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1].lower_
    if prev == "en":
        return True
    # "projet d'accord", "protocole d'accord" name a deal; "est d'accord", "tomber d'accord" do not
    return prev in ("d'", "d’") and (tok.i < 2 or tok.doc[tok.i - 2].pos_ not in ("NOUN", "PROPN"))


ADVOCACY_VERBS = frozenset({"plaider", "militer", "appeler", "pousser", "insister", "œuvrer", "préconiser"})


def advocated(tok: Token) -> bool:
    """'plaide pour que l'UE propose …': the clause is what the advocate asks for (its content),
    not a purpose or a condition."""
    marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
    return tok.head.i != tok.i and tok.head.lemma_.lower() in ADVOCACY_VERBS and "que" in marks


def drop_governed(chosen: list[tuple[Span, Trigger]]) -> list[tuple[Span, Trigger]]:
    """'sur le point de signer', 'a proposé de négocier': a status cue right after another one
    (at most one word between) is its complement, not a second event."""
    heads = {id(span): predicate_of(span) for span, _ in chosen}
    others = {heads[id(span)].i: trig for span, trig in chosen}
    out: list[tuple[Span, Trigger]] = []
    advocating = {heads[id(span)].head.i for span, trig in chosen
                  if trig.status == "proposed" and advocated(heads[id(span)])}
    for span, trig in chosen:
        predicate = heads[id(span)]
        if predicate.i in advocating and trig.status == "proposed":
            continue  # "plaide pour que l'UE propose un partenariat": the advocated offer is the event
        governed = predicate.head.i in others and predicate.head.i != predicate.i
        if "Inf" in predicate.morph.get("VerbForm") and governed:
            continue  # "a proposé à l'Ukraine de conclure": the proposal is the event
        if predicate.pos_ == "NOUN" and trig.status == "negotiating" and governed and not (
            trig.asserts_state and others[predicate.head.i].status == "proposed"
        ):
            # "les négociations avaient été interrompues", "a rejeté la contre-proposition": the
            # interruption or the rejection is the event; a counter-proposal sent is a move in talks
            continue
        if out and trig.type == "agreement" and out[-1][1].type == "agreement":
            gap = span.doc[out[-1][0].end : span.start]
            if len(gap) <= 1 and all(t.lower_ in ("de", "d'", "à", "pour") for t in gap):
                continue
        out.append((span, trig))
    return out


def is_modifier(tok: Token) -> bool:
    """A bare participle modifying a noun ("l'accord conclu", ", présenté par Bruxelles comme …")."""
    if "Part" not in tok.morph.get("VerbForm") or not tok.dep_.startswith(("acl", "advcl")):
        return False
    return not any(c.dep_.startswith("aux") for c in tok.children)


def regions(sent: Span, spans: list[Span]) -> list[tuple[int, int]]:
    """Token ranges of the sentence owned by each trigger, cut at clause separators between them."""
    cuts = [sent.start]
    doc = sent.doc
    for left, right in itertools.pairwise(spans):
        cut = right.start
        for i in range(right.start - 1, left.end - 1, -1):
            if doc[i].lower_ in SEPARATORS:
                cut = i
                break
        cuts.append(cut)
    cuts.append(sent.end)
    return [(cuts[k], cuts[k + 1]) for k in range(len(spans))]


def predicate_of(span: Span) -> Token:
    """The token of the trigger span whose head lies outside it."""
    for tok in span:
        if tok.head.i < span.start or tok.head.i >= span.end or tok.head.i == tok.i:
            return tok
    return span.root


def governors(span: Span, sent: Span | None = None) -> list[Token]:
    """The predicate and the verbs it is the xcomp of ("pourrait signer", "doit signer").

    The climb stays inside `sent`: the parser sometimes hangs a sentence on the previous one.
    """
    tok = predicate_of(span)
    chain = [tok]
    lo, hi = (sent.start, sent.end) if sent is not None else (0, len(span.doc))
    # an infinitive complement takes its modality from its governor, whatever the arc label
    while (
        (tok.dep_ == "xcomp" or "Inf" in tok.morph.get("VerbForm")) and tok.head.i != tok.i
        and lo <= tok.head.i < hi and len(chain) < 4
    ):
        tok = tok.head
        chain.append(tok)
    # a noun or adjective predicate ("en négociations", "proche") takes mood from its copula
    return chain


def pluperfect(tok: Token) -> bool:
    """'avait rejeté', 'était parvenu': an auxiliary in the imperfect with a past participle."""
    if "Part" not in tok.morph.get("VerbForm"):
        return False
    return any(c.dep_.startswith("aux") and "Imp" in c.morph.get("Tense") for c in tok.children)


SCHEDULING_VERBS = frozenset({"devoir", "prévoir", "aller"})


def scheduled(span: Span, sent: Span | None = None) -> bool:
    """The cue is set for a coming day: under "doit"/"devra"/"prévoit de"/"va", or in the future
    tense. A past expectation ("devait être paraphé") or a condition is not."""
    chain = governors(span, sent)
    for tok in chain:
        marks = {c.lower_ for c in tok.children if c.dep_ in ("mark", "cc")}
        if marks & {"si", "s'", "pour", "afin", "soit"}:
            return False
    for tok in chain[1:]:
        if tok.lemma_.lower() in SCHEDULING_VERBS:
            tenses = set(tok.morph.get("Tense"))
            moods = set(tok.morph.get("Mood"))
            past = tenses & {"Imp", "Past"}
            return not past and "Cnd" not in moods and not CONDITIONAL.search(tok.lower_)
    head = chain[0]
    helpers = [head, *[c for c in head.children if c.dep_.startswith("aux")]]
    verbs = [h for h in helpers if h.pos_ in ("VERB", "AUX")]
    return any("Fut" in h.morph.get("Tense")
               or (FUTURE.search(h.lower_) and "Inf" not in h.morph.get("VerbForm")) for h in verbs)


# "dès vendredi", "dans les semaines à venir", "cette semaine": a step expected soon
NEAR_TERM = re.compile(
    r"\bdès (?:demain|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|cette semaine|la semaine"
    r" prochaine|ce week-end)|\bdans les (?:prochains jours|prochaines semaines|jours à venir|"
    r"semaines à venir|prochaines heures)|\bcette semaine\b|\bla semaine prochaine\b|"
    r"\bd'ici (?:la fin de la semaine|la fin du mois|quelques jours|vendredi|lundi|mardi|mercredi|jeudi)|"
    r"\b(?:très |assez )?(?:bientôt|prochainement|rapidement)\b|\bsous peu\b|\bdans les jours qui viennent",
    re.IGNORECASE,
)
MOTION_VERBS = frozenset({"venir", "rendre", "aller", "arriver", "voyager", "revenir", "déplacer"})


def near_term(text: str) -> bool:
    """The clause sets the step for the coming days or weeks ("pourrait être signé dès vendredi")."""
    return NEAR_TERM.search(text.replace("’", "'")) is not None


def trip_to(span: Span, sent: Span) -> bool:
    """'pourrait venir à Washington … pour signer': the purpose of a trip, not a condition.

    The verb the purpose clause depends on is the nearest verb before "pour" (the parser often
    hangs the infinitive on a noun of time: "venir cette semaine pour signer")."""
    tok = predicate_of(span)
    if not any(c.lower_ in ("pour", "afin") and c.dep_ == "mark" for c in tok.children):
        return False
    for prev in reversed(span.doc[sent.start : tok.i]):
        if prev.pos_ == "VERB":
            return prev.lemma_.lower() in MOTION_VERBS
    return False


def trip_made(span: Span, sent: Span) -> bool:
    """'s'est rendu à Hanoï pour proposer un accord': the purpose of a trip already made (the
    motion verb in a compound past tense), so the act was done on that trip."""
    if not trip_to(span, sent):
        return False
    tok = predicate_of(span)
    for prev in reversed(span.doc[sent.start : tok.i]):
        if prev.pos_ == "VERB":
            return any(c.dep_.startswith("aux") and "Cnd" not in c.morph.get("Mood")
                       and "Fut" not in c.morph.get("Tense") for c in prev.children)
    return False


def conditional_clause(span: Span, sent: Span | None = None) -> bool:
    """The cue sits under 'si' / 's'' (a condition), as opposed to a purpose ('pour')."""
    for tok in governors(span, sent):
        if any(c.lower_ in ("si", "s'", "s’") and c.dep_ == "mark" for c in tok.children):
            return True
    return False


def reported_clause(span: Span, sent: Span, reporting: frozenset[str]) -> tuple[int, int] | None:
    """Character range of the 'que' clause of a reporting verb that holds the cue, if any."""
    child = predicate_of(span)
    for anc in child.ancestors:
        if anc.i < sent.start or anc.i >= sent.end or child.dep_ not in ("ccomp", "xcomp", "obj", "csubj"):
            return None
        if anc.lemma_.lower() in reporting and anc.pos_ in ("VERB", "AUX"):
            return child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
        child = anc
    return None


PRONOUN_OBJECTS = frozenset({"cela", "ça", "ceci"})


CLITIC_OBJECTS = frozenset({"le", "la", "l'", "l’"})
DEAL_VERBS = frozenset({"signer", "parapher", "conclure", "ratifier", "approuver", "rejeter", "refuser"})


def pronoun_object(sent: Span) -> bool:
    """'signer cela', 'pour le signer': a pronoun object that may stand for the deal (a clitic
    only as the object of a verb done to deals)."""
    for tok in sent:
        if tok.lower_ in PRONOUN_OBJECTS and tok.dep_ in ("obj", "nsubj:pass"):
            return True
        if (tok.lower_ in CLITIC_OBJECTS and tok.pos_ == "PRON" and tok.dep_ == "obj"
                and tok.head.lemma_.lower() in DEAL_VERBS):
            return True
    return False


PROSPECT_NOUNS = frozenset({"perspective", "possibilité", "éventualité", "hypothèse", "idée", "projet"})


def in_relative(span: Span, sent: Span) -> bool:
    """The cue's predicate sits in a relative clause ("le projet que lui avait soumis Washington")."""
    tok = predicate_of(span)
    for _ in range(4):
        if tok.dep_ == "acl:relcl":
            return True
        outside = tok.head.i == tok.i or not sent.start <= tok.head.i < sent.end
        if outside or tok.dep_ not in ("xcomp", "conj"):
            return False
        tok = tok.head
    return False


# "les deux capitales", "les deux pays": the two parties speaking together
JOINT_NOUNS = frozenset({"capitale", "pays", "partie", "gouvernement", "délégation", "camp", "parties"})


def joint_reporter(sent: Span, span: Span, reporting: frozenset[str]) -> bool:
    """'…, ont indiqué mercredi les deux capitales': a reporting verb after the cue whose subject
    is "les deux <capitales|pays|parties>"."""
    for tok in sent.doc[span.end : sent.end]:
        if tok.lemma_.lower() not in JOINT_NOUNS and tok.lower_ not in JOINT_NOUNS:
            continue
        if not any(c.lower_ == "deux" for c in tok.children) and tok.doc[tok.i - 1].lower_ != "deux":
            continue
        head = tok.head
        before = tok.doc[max(tok.i - 4, sent.start) : tok.i]
        if (tok.dep_.startswith("nsubj") and head.lemma_.lower() in reporting) or any(
            t.lemma_.lower() in reporting and t.pos_ == "VERB" for t in before
        ):
            return True
    return False


def recipient_view(span: Span) -> bool:
    """'l'Ukraine s'est vu proposer par Bruxelles …': told from the recipient's side, so the
    proposer is not the one asserting it."""
    tok = predicate_of(span)
    head = tok.head
    return head.i != tok.i and head.lemma_.lower() == "voir" and any(
        c.lower_ in ("se", "s'", "s’") for c in head.children)


WISH_VERBS = frozenset({"espérer", "souhaiter", "chercher", "tenter", "vouloir", "viser", "essayer"})


DEADLINE = re.compile(
    r"\b(?:d'ici|avant)(?: à)? (?:la fin|le début|la mi-|l'été|l'automne|l'hiver|le printemps|"
    r"l'an prochain|l'année prochaine|(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|"
    r"octobre|novembre|décembre)\b|\d{4})",
    re.IGNORECASE,
)


def deadline(text: str) -> bool:
    """The clause sets a term for the step ("avant la fin de l'année", "d'ici l'été")."""
    return DEADLINE.search(text.replace("’", "'")) is not None


def wished(span: Span, sent: Span) -> bool:
    """'espère conclure d'ici la fin du mois': a wish, not a signing in sight."""
    return any(tok.lemma_.lower() in WISH_VERBS for tok in governors(span, sent)[1:])
