"""Token and sentence rules of `filon_events`: clauses, predicates, governors, cue regions.

Pure functions over a doc's `TokenTable` and token indices (a spaCy Token built for each look
cost more than the rules themselves; the table holds the same values), written against the
parse of fr_core_news_md and its known slips (sentences cut before the verb, participles hung
on nouns, conditionals tagged as imperfects); each one says which slip it absorbs.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Container, Iterator

from spacy.tokens import Span

from filon.pipeline.events.lexicon import Trigger
from filon.pipeline.tokens import TokenTable

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
# "après deux mois de négociations": talks measured in time are over
DURATION_NOUNS = frozenset({"mois", "semaine", "jour", "an", "année", "heure", "décennie"})
# arcs by which a negation word attaches to the predicate
NEGATION_DEPS = frozenset({"advmod", "mark", "case", "det"})

# sentence-final punctuation and the closing marks that may follow it
FINAL = frozenset({".", "!", "?", "…", "..."})
CLOSERS = frozenset({"»", '"', "”", ")", "’", "'"})


def ends_sentence(t: TokenTable, start: int, end: int) -> bool:
    """Tokens `start:end` end with final punctuation, possibly followed by closing quotes or
    brackets (whitespace tokens aside)."""
    text, space = t.text, t.space
    for i in range(end - 1, start - 1, -1):
        if space[i] or text[i] in CLOSERS:
            continue
        return text[i] in FINAL or text[i].endswith((".", "!", "?", "…"))
    return False


def trim(t: TokenTable, start: int, end: int) -> tuple[int, int]:
    """The token range without leading or trailing whitespace tokens."""
    text, space = t.text, t.space
    # a closing mark left over from the previous sentence, an opening one of the next
    while start < end and (space[start] or text[start] in ("»", "”")):
        start += 1
    while end > start and (space[end - 1] or text[end - 1] in ("«", "“")):
        end -= 1
    return start, end


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


def witness(t: TokenTable, tok_start: int) -> bool:
    """'en présence du chancelier allemand Olaf Scholz': a witness, not a party."""
    lower, pos, punct = t.lower, t.pos, t.punct
    for i in range(tok_start - 1, max(tok_start - 7, 0), -1):
        if punct[i] or pos[i] in ("VERB", "AUX"):
            return False
        if lower[i] == "présence" and i > 0 and lower[i - 1] == "en":
            return True
    return False


def venue(t: TokenTable, tok_start: int, tok_end: int) -> bool:
    """'Ce vendredi, au ministère de la Santé, un protocole a été signé': a body named as the
    place, in an adjunct set off by commas after "au"/"à"/"chez", is where, not who."""
    i = tok_start - 1
    while i >= 0 and t.pos[i] == "DET":
        i -= 1
    if i < 0 or t.lower[i] not in ("au", "aux", "à", "a", "chez"):
        return False
    before = t.text[i - 1] if i > 0 else ","
    after = t.text[tok_end] if tok_end < t.n else ","
    return before == "," and after == ","


def ancestors(t: TokenTable, i: int) -> Iterator[int]:
    """`Token.ancestors` as indices: the head, its head, … up to the root."""
    head = t.head
    for _ in range(t.n):  # spaCy's own bound on the climb
        if head[i] == i:
            return
        i = head[i]
        yield i


def subtree(t: TokenTable, i: int, skip: tuple[str, ...] = ()) -> list[int]:
    """The indices of `Token.subtree` (in no particular order: callers only test membership),
    without the branches whose dependency is in `skip` ("acl:relcl": the phrase without its
    relative clauses)."""
    out = [i]
    k = 0
    while k < len(out):
        out.extend(c for c in t.children(out[k]) if t.dep[c] not in skip)
        k += 1
    return out


INDEFINITE = frozenset({"un", "une", "des", "d'", "d’", "de", "nouveau", "nouvelle"})


def object_fits(t: TokenTable, predicate: int, trig: Trigger) -> bool:
    """The cue's object (or passive subject) is one of the trigger's `object_lemmas`, and an
    indefinite one when the trigger asks for it ("a évoqué un accord", not "l'accord")."""
    dep, pos, lower, head = t.dep, t.pos, t.lower, t.head
    kids = t.children(predicate)
    passive = any(dep[c] == "aux:pass" for c in kids)
    candidates = [c for c in kids
                  if dep[c] in ("obj", "nsubj:pass", "obl:arg")
                  or (dep[c] == "nsubj" and (passive or trig.subject_fits))]
    participle = "Part" in t.feats(predicate, "VerbForm") and not any(
        dep[c].startswith("aux") for c in kids)
    if participle and dep[predicate].startswith("acl"):
        # "le nouveau texte, transmis à Kiev", "l'accord-cadre, approuvé par le gouvernement"
        candidates.append(head[predicate])
    subjectless = not any(dep[c].startswith("nsubj") for c in kids)
    if dep[predicate] == "xcomp" or (passive and subjectless):
        # "les discussions doivent se poursuivre", "sa signature pourrait être repoussée": the
        # subject hangs on the modal
        candidates.extend(c for c in t.children(head[predicate])
                          if dep[c].startswith("nsubj") and (passive or trig.subject_fits))
    if passive:
        # "l'accord autorisant l'exportation … serait prolongé": the parser gives the noun to
        # the participle of its own modifier (and takes that participle's object, or a verb,
        # for the subject); the subject is the last noun subject left of the verb whose
        # governor stands between them
        for i in range(predicate - 1, -1, -1):
            if lower[i] in (";", ":", ".") or pos[i] in ("SCONJ", "PRON"):
                break
            if dep[i].startswith("nsubj") and i < head[i] < predicate:
                candidates.append(i)
                break
    if participle and predicate > 1 and lower[predicate - 1] == ",":
        # a detached participle modifies the noun before the comma, whatever the parse says
        for i in range(predicate - 2, max(predicate - 6, 0) - 1, -1):
            if pos[i] in ("VERB", "AUX") or lower[i] in (",", ";", ":", "."):
                break
            if pos[i] == "NOUN" and _fits(t, i, trig):
                return True
    if any(_fits(t, c, trig) for c in candidates):
        return True
    # the parser often loses the object ("a présenté mercredi à Kiev au président un projet",
    # "a de son côté évoqué lundi, lors d'une rencontre …, un accord"): take the first bare noun
    # after the cue (no preposition, not a day), stopping at the next verb
    for i in range(predicate + 1, min(predicate + 16, t.n)):
        if pos[i] in ("VERB", "AUX") and dep[i] not in ("aux", "aux:tense", "aux:pass", "cop"):
            return False
        if pos[i] != "NOUN" or lower[i] in TIME_WORDS:
            continue
        cases = [c for c in t.children(i) if dep[c] == "case"]
        # "a évoqué en janvier des investissements": a partitive "des"/"du" read as a preposition
        partitive = len(cases) == 1 and lower[cases[0]] in ("des", "du") and cases[0] == i - 1
        if (cases and not partitive) or lower[i - 1] in ("à", "au", "aux"):
            continue
        return _fits(t, i, trig)
    return False


SINGULAR_DRAFTS = frozenset({"projet", "texte", "document"})


def _fits(t: TokenTable, noun: int, trig: Trigger) -> bool:
    lemma, lower = t.lemma_lower[noun], t.lower[noun]
    if lemma not in trig.object_lemmas and lower not in trig.object_lemmas:
        return False
    if lemma in SINGULAR_DRAFTS and "Plur" in t.feats(noun, "Number"):
        return False  # "examinera les projets stratégiques": many projects, not a draft deal
    if not trig.indefinite_object:
        return True
    dets = {t.lower[c] for c in t.children(noun) if t.dep[c] == "det"}
    if not dets and noun > 0:
        dets = {t.lower[noun - 1]}
    return bool(dets & INDEFINITE)


def idiom(t: TokenTable, i: int) -> bool:
    """'d'accord', 'en accord avec': no deal ("le ministre s'est dit d'accord")."""
    if t.lower[i] != "accord" or i == 0:
        return False
    prev = t.lower[i - 1]
    if prev == "en":
        return True
    # "projet d'accord", "protocole d'accord" name a deal; "est d'accord", "tomber d'accord" do not;
    # "pas d'accord signé", "pas d'accord définitif": the noun, qualified
    j = i + 1
    while j < t.n and t.pos[j] == "ADV" and j < i + 3:
        j += 1  # "pas d'accord encore signé"
    if j < t.n and t.pos[j] in ("VERB", "ADJ") and "Part" in t.feats(j, "VerbForm"):
        return False
    if j < t.n and t.lower[j] in ("définitif", "final", "global", "formel", "écrit"):
        return False
    return prev in ("d'", "d’") and (i < 2 or t.pos[i - 2] not in ("NOUN", "PROPN"))


ADVOCACY_VERBS = frozenset({"plaider", "militer", "appeler", "pousser", "insister", "œuvrer", "préconiser"})


def advocated(t: TokenTable, i: int) -> bool:
    """'plaide pour que l'UE propose …': the clause is what the advocate asks for (its content),
    not a purpose or a condition."""
    marks = {t.lower[c] for c in t.children(i) if t.dep[c] == "mark"}
    head = t.head[i]
    return head != i and t.lemma_lower[head] in ADVOCACY_VERBS and "que" in marks


def drop_governed(t: TokenTable, chosen: list[tuple[Span, Trigger]],
                  urging: Container[str] = ()) -> list[tuple[Span, Trigger]]:
    """'sur le point de signer', 'a proposé de négocier': a status cue right after another one
    (at most one word between) is its complement, not a second event. An infinitive governed
    by a verb of `urging` stays an event of its own ("a exhorté l'UE à parapher l'accord":
    the pressure and the deal that awaits signature)."""
    head = t.head
    preds = [predicate_of(t, span.start, span.end) for span, _ in chosen]
    others = {p: trig for p, (_, trig) in zip(preds, chosen, strict=True)}
    out: list[tuple[Span, Trigger]] = []
    advocating = {head[p] for p, (_, trig) in zip(preds, chosen, strict=True)
                  if trig.status == "proposed" and advocated(t, p)}
    for predicate, (span, trig) in zip(preds, chosen, strict=True):
        if predicate in advocating and trig.status == "proposed":
            continue  # "plaide pour que l'UE propose un partenariat": the advocated offer is the event
        governed = head[predicate] in others and head[predicate] != predicate
        if "Inf" in t.feats(predicate, "VerbForm") and governed and not (
            trig.type == "agreement" and t.lemma_lower[head[predicate]] in urging
        ):
            continue  # "a proposé à l'Ukraine de conclure": the proposal is the event
        if t.pos[predicate] == "NOUN" and trig.status == "negotiating" and governed and not (
            trig.asserts_state and others[head[predicate]].status == "proposed"
        ):
            # "les négociations avaient été interrompues", "a rejeté la contre-proposition": the
            # interruption or the rejection is the event; a counter-proposal sent is a move in talks
            continue
        if (t.pos[predicate] == "NOUN" and governed and t.dep[predicate] == "obj"
                and trig.type == "agreement" and others[head[predicate]].type == "agreement"):
            continue  # "a conclu un accord de principe avec X": one act, the noun says its kind
        if out and trig.type == "agreement" and out[-1][1].type == "agreement":
            gap = range(out[-1][0].end, span.start)
            # "en passe d'être signé": the auxiliary of a passive infinitive may stand between
            if len(gap) <= 1 and all(t.lower[i] in ("de", "d'", "à", "pour", "être") for i in gap):
                continue
        out.append((span, trig))
    return out


def describes(t: TokenTable, i: int, nouns: Container[int]) -> bool:
    """'l'accord négocié par …', 'leur accord de paix négocié sous l'égide de …': a past
    participle right after a deal noun (and its "de X" complement) describes the deal; the
    tagger often misreads it, so the form and the words before it decide."""
    if not t.lower[i].endswith(("é", "ée", "és", "ées")):
        return False
    k = i - 1
    while k >= 0 and i - k <= 4:
        if k in nouns:
            return True
        if t.pos[k] not in ("NOUN", "ADJ") and t.lower[k] not in ("de", "d'", "d’"):
            return False
        k -= 1
    return False


def fronted_description(t: TokenTable, i: int, sent_start: int, nouns: Container[int]) -> bool:
    """'Négocié depuis mars 2011, un accord-cadre … est sur le point d'être signé': a participle
    opening the sentence, whose clause ends in a comma right before a deal noun, tells the
    deal's past; the sentence's own cue says where it stands."""
    if i != sent_start or not t.lower[i].endswith(("é", "ée", "és", "ées")):
        return False
    for k in range(i + 1, min(i + 16, t.n)):
        if t.lower[k] == ",":
            return any(j in nouns for j in range(k + 1, min(k + 5, t.n)))
        if t.punct[k] and t.lower[k] not in ("'", "’", "-"):
            return False
    return False


def is_modifier(t: TokenTable, i: int) -> bool:
    """A bare participle modifying a noun ("l'accord conclu", ", présenté par Bruxelles comme …")."""
    if "Part" not in t.feats(i, "VerbForm") or not t.dep[i].startswith(("acl", "advcl")):
        return False
    return not any(t.dep[c].startswith("aux") for c in t.children(i))


def regions(t: TokenTable, sent_start: int, sent_end: int, spans: list[Span]) -> list[tuple[int, int]]:
    """Token ranges of the sentence owned by each trigger, cut at clause separators between them."""
    cuts = [sent_start]
    lower = t.lower
    for left, right in itertools.pairwise(spans):
        cut = right.start
        for i in range(right.start - 1, left.end - 1, -1):
            if lower[i] in SEPARATORS:
                cut = i
                break
        cuts.append(cut)
    cuts.append(sent_end)
    return [(cuts[k], cuts[k + 1]) for k in range(len(spans))]


def predicate_of(t: TokenTable, start: int, end: int) -> int:
    """The token of the trigger span `start:end` whose head lies outside it (`Span.root` when the
    span is not empty: in a tree some token of it always has its head outside or is the root)."""
    head = t.head
    for i in range(start, end):
        h = head[i]
        if h < start or h >= end or h == i:
            return i
    raise ValueError(f"empty trigger span {start}:{end}")


def governors(t: TokenTable, predicate: int, lo: int, hi: int) -> list[int]:
    """The predicate and the verbs it is the xcomp of ("pourrait signer", "doit signer").

    The climb stays inside the sentence `lo:hi`: the parser sometimes hangs a sentence on the
    previous one.
    """
    tok = predicate
    chain = [tok]
    dep, head = t.dep, t.head
    # an infinitive complement takes its modality from its governor, whatever the arc label
    while (
        (dep[tok] == "xcomp" or "Inf" in t.feats(tok, "VerbForm")) and head[tok] != tok
        and lo <= head[tok] < hi and len(chain) < 4
    ):
        tok = head[tok]
        chain.append(tok)
    # a noun or adjective predicate ("en négociations", "proche") takes mood from its copula
    return chain


def pluperfect(t: TokenTable, i: int) -> bool:
    """'avait rejeté', 'était parvenu': an auxiliary in the imperfect with a past participle."""
    if "Part" not in t.feats(i, "VerbForm"):
        return False
    return any(t.dep[c].startswith("aux") and "Imp" in t.feats(c, "Tense") for c in t.children(i))


SCHEDULING_VERBS = frozenset({"devoir", "prévoir", "aller"})


def scheduled(t: TokenTable, chain: list[int]) -> bool:
    """The cue (whose `governors` are `chain`) is set for a coming day: under "doit"/"devra"/
    "prévoit de"/"va", or in the future tense. A past expectation ("devait être paraphé") or a
    condition is not."""
    dep, lower = t.dep, t.lower
    for tok in chain:
        marks = {lower[c] for c in t.children(tok) if dep[c] in ("mark", "cc")}
        if marks & {"si", "s'", "pour", "afin", "soit"}:
            return False
    for tok in chain[1:]:
        if t.lemma_lower[tok] in SCHEDULING_VERBS:
            tenses = set(t.feats(tok, "Tense"))
            moods = set(t.feats(tok, "Mood"))
            past = tenses & {"Imp", "Past"}
            return not past and "Cnd" not in moods and not CONDITIONAL.search(lower[tok])
    head = chain[0]
    helpers = [head, *[c for c in t.children(head) if dep[c].startswith("aux")]]
    verbs = [h for h in helpers if t.pos[h] in ("VERB", "AUX")]
    return any("Fut" in t.feats(h, "Tense")
               or (FUTURE.search(lower[h]) and "Inf" not in t.feats(h, "VerbForm")) for h in verbs)


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


def _verb_before(t: TokenTable, predicate: int, sent_start: int) -> int | None:
    """The nearest VERB before the predicate in its sentence."""
    for i in range(predicate - 1, sent_start - 1, -1):
        if t.pos[i] == "VERB":
            return i
    return None


def trip_to(t: TokenTable, predicate: int, sent_start: int) -> bool:
    """'pourrait venir à Washington … pour signer': the purpose of a trip, not a condition.

    The verb the purpose clause depends on is the nearest verb before "pour" (the parser often
    hangs the infinitive on a noun of time: "venir cette semaine pour signer")."""
    if not any(t.lower[c] in ("pour", "afin") and t.dep[c] == "mark" for c in t.children(predicate)):
        return False
    verb = _verb_before(t, predicate, sent_start)
    return verb is not None and t.lemma_lower[verb] in MOTION_VERBS


def trip_made(t: TokenTable, predicate: int, sent_start: int) -> bool:
    """'s'est rendu à Hanoï pour proposer un accord': the purpose of a trip already made (the
    motion verb in a compound past tense), so the act was done on that trip."""
    if not trip_to(t, predicate, sent_start):
        return False
    verb = _verb_before(t, predicate, sent_start)
    return verb is not None and any(
        t.dep[c].startswith("aux") and "Cnd" not in t.feats(c, "Mood") and "Fut" not in t.feats(c, "Tense")
        for c in t.children(verb))


def conditional_clause(t: TokenTable, chain: list[int]) -> bool:
    """The cue (whose `governors` are `chain`) sits under 'si' / 's'' (a condition), as opposed
    to a purpose ('pour')."""
    for tok in chain:
        if any(t.lower[c] in ("si", "s'", "s’") and t.dep[c] == "mark" for c in t.children(tok)):
            return True
    return False


def purpose_clause(t: TokenTable, chain: list[int]) -> bool:
    """The cue (whose `governors` are `chain`) sits in an adverbial clause of purpose under
    'pour' / 'afin de' ("se réunissent pour trouver un accord"), not in a noun's complement
    ("les délais pour parvenir à un accord")."""
    return any(t.dep[tok] == "advcl" and any(t.lower[c] in ("pour", "afin") and t.dep[c] == "mark"
                                             for c in t.children(tok)) for tok in chain)


def purpose_before(t: TokenTable, start: int) -> bool:
    """The cue at token `start` is an infinitive right after "pour" or "afin de", not the
    complement of a noun ("les délais pour parvenir à un accord")."""
    if t.pos[t.head[start]] == "NOUN":
        return False
    k = start - 1
    if k >= 1 and t.lower[k] in ("de", "d'", "d’") and t.lower[k - 1] == "afin":
        return True
    # "pour" right after a noun may make its complement, whatever the parse says
    return (k >= 1 and t.lower[k] == "pour" and t.pos[k - 1] != "NOUN"
            and "Inf" in t.feats(start, "VerbForm"))


def reported_clause(
    t: TokenTable, predicate: int, lo: int, hi: int, reporting: frozenset[str]
) -> int | None:
    """The head of the 'que' clause of a reporting verb that holds the cue, if any (its extent is
    the clause)."""
    child = predicate
    dep = t.dep
    for anc in ancestors(t, predicate):
        if anc < lo or anc >= hi or dep[child] not in ("ccomp", "xcomp", "obj", "csubj"):
            return None
        if t.lemma_lower[anc] in reporting and t.pos[anc] in ("VERB", "AUX"):
            return child
        child = anc
    return None


PRONOUN_OBJECTS = frozenset({"cela", "ça", "ceci"})


CLITIC_OBJECTS = frozenset({"le", "la", "l'", "l’"})
DEAL_VERBS = frozenset({"signer", "parapher", "conclure", "ratifier", "approuver", "rejeter", "refuser"})
SUBJECT_PRONOUNS = frozenset({"il", "elle"})


def pronoun_object(t: TokenTable, start: int, end: int) -> bool:
    """'signer cela', 'pour le signer', 'il a été signé': a pronoun object in tokens `start:end`
    that may stand for the deal (a clitic, or the subject of a passive, only with a verb done to
    deals)."""
    lower, dep = t.lower, t.dep
    for i in range(start, end):
        low = lower[i]
        if low in PRONOUN_OBJECTS and dep[i] in ("obj", "nsubj:pass"):
            return True
        if (low in CLITIC_OBJECTS and t.pos[i] == "PRON" and dep[i] == "obj"
                and t.lemma_lower[t.head[i]] in DEAL_VERBS):
            return True
        if low in SUBJECT_PRONOUNS and dep[i] == "nsubj:pass" and t.lemma_lower[t.head[i]] in DEAL_VERBS:
            return True  # "Il a été signé par les deux ministres": the deal just told
    return False


PROSPECT_NOUNS = frozenset({"perspective", "possibilité", "éventualité", "hypothèse", "idée", "projet"})


def in_relative(t: TokenTable, predicate: int, lo: int, hi: int) -> bool:
    """The cue's predicate sits in a relative clause ("le projet que lui avait soumis Washington")."""
    tok = predicate
    dep, head = t.dep, t.head
    for _ in range(4):
        if dep[tok] == "acl:relcl":
            return True
        outside = head[tok] == tok or not lo <= head[tok] < hi
        if outside or dep[tok] not in ("xcomp", "conj"):
            return False
        tok = head[tok]
    return False


# "les deux capitales", "les deux pays": the two parties speaking together
JOINT_NOUNS = frozenset({"capitale", "pays", "partie", "gouvernement", "délégation", "camp", "parties"})


def joint_reporter(t: TokenTable, span_end: int, sent_start: int, sent_end: int,
                   reporting: frozenset[str]) -> bool:
    """'…, ont indiqué mercredi les deux capitales': a reporting verb after the cue (which ends
    at `span_end`) whose subject is "les deux <capitales|pays|parties>"."""
    lower, lemma = t.lower, t.lemma_lower
    for i in range(span_end, sent_end):
        if lemma[i] not in JOINT_NOUNS and lower[i] not in JOINT_NOUNS:
            continue
        if not any(lower[c] == "deux" for c in t.children(i)) and lower[i - 1] != "deux":
            continue
        head = t.head[i]
        if (t.dep[i].startswith("nsubj") and lemma[head] in reporting) or any(
            lemma[k] in reporting and t.pos[k] == "VERB" for k in range(max(i - 4, sent_start), i)
        ):
            return True
    return False


def recipient_view(t: TokenTable, predicate: int) -> bool:
    """'l'Ukraine s'est vu proposer par Bruxelles …': told from the recipient's side, so the
    proposer is not the one asserting it."""
    head = t.head[predicate]
    return head != predicate and t.lemma_lower[head] == "voir" and any(
        t.lower[c] in ("se", "s'", "s’") for c in t.children(head))
