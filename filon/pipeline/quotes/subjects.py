"""Where the speaker of a reporting cue is: the subject before it, an inverted subject after
it, or the object of "selon"/"d'après".

Each function reads the document's `DocContext` and a cue `Hit` (or token offsets) and returns
a token range, which `SpeakerResolver.resolve` then turns into a speaker.
"""

from __future__ import annotations

from spacy.tokens import Token

from filon.domains.demonyms import demonym_table
from filon.domains.folding import fold
from filon.pipeline.quotes.context import DocContext
from filon.pipeline.quotes.cues import MONTHS, OCCUPATIONS, PRONOUNS, TITLES, Hit, skip_adjunct


def subject(ctx: DocContext, hit: Hit) -> tuple[int, int] | None:
    """Token range of the pre-verbal subject of a cue verb, or None."""
    doc = ctx.doc
    tb = ctx.table
    verb = doc[hit.verb]
    sent = ctx.sents[ctx.sent_of(hit.verb)]
    cand: Token | None = None
    dep = ctx.table.dep
    for c in ctx.table.children(hit.verb):
        if dep[c] in ("nsubj", "nsubj:pass") and c < hit.start:
            cand = doc[c]
    # a participle or coordinated verb shares the subject of its head ("…, clamant que")
    head = verb
    hops = 0
    climbs = ("advcl", "conj", "xcomp", "dep")
    while cand is None and head.dep_ in climbs and head.head is not head and hops < 2:
        head = head.head
        hops += 1
        if head.dep_ == "nsubj" and head.pos_ in ("NOUN", "PROPN") and head.i < verb.i:
            # "La Coordination, tout en admettant que …, appelle": the parser hangs the
            # participle on the subject it shares
            cand = head
            break
        for child in head.children:
            if child.dep_ == "nsubj" and child.i < head.i:
                cand = child
    if cand is not None and cand.pos_ == "PRON" and fold(cand.text) in ("qui", "que"):
        rel = verb.head if verb.dep_ == "acl:relcl" else None
        cand = rel if rel is not None and rel.pos_ in ("NOUN", "PROPN") else None
    if (
        cand is not None
        and fold(cand.text) in ("ce", "cela", "ça", "c'", "on", "il")
        and cand.dep_ == "expl:subj"
    ):
        cand = None
    if cand is not None and sent.start <= cand.i:
        left, right = np_range(ctx, cand, limit=hit.start)
        return join_left(ctx, left, right, sent.start), right
    # the parse missed it: nearest mention or personal pronoun before the verb, with no
    # other finite verb in between
    j = hit.start - 1
    while j >= sent.start:
        tok = doc[j]
        if j in ctx.mention_at:
            m = ctx.mentions[ctx.mention_at[j]]
            if (
                m["label"] in ("PER", "ORG")
                or m.get("kind") in ("metonymy", "role")
                or m.get("refers_to")
                or ctx.gaz.metonymy(m["text"]) is not None
            ):
                # "Dans un communiqué, l'OMS et Gavi ont indiqué" parsed as a complement
                return join_left(ctx, ctx.token_at(m["start"]), j + 1, sent.start), j + 1
        if fold(tok.text) in PRONOUNS and tok.pos_ == "PRON":
            return j, j + 1
        finite = (
            tok.pos_ == "VERB"
            and "Fin" in ctx.table.feats(tok.i, "VerbForm")
            and tok.lemma_ not in ("avoir", "être")
        )
        if finite or fold(tok.text) in ("que", "qu'", "qui", ";"):
            return None
        comma = tok.text == "," and j < hit.start - 6
        if comma and any(tb.pos[k] == "VERB" for k in range(sent.start, j)):
            return None
        j -= 1
    return None


def join_left(ctx: DocContext, left: int, right: int, sent_start: int) -> int:
    """The first token of a subject at [left, right) once the mentions coordinated on its left
    are taken in ("Paris et Berlin ont estimé" parsed with only "Berlin" as subject); "A, B et
    C": a comma joins only once an "et" has, or with one inside the range."""
    tb = ctx.table
    joined = ("et", ",") if "et" in tb.low[left:right] else ("et",)
    while left >= sent_start + 2 and tb.low[left - 1] in joined:
        k = left - 2
        if k not in ctx.mention_at:
            break
        left = ctx.token_at(ctx.mentions[ctx.mention_at[k]]["start"])
        if left > sent_start and tb.pos[left - 1] == "DET":
            left -= 1  # "l'OMS et Gavi": the article goes with the name
        joined = ("et", ",")
    return left


def np_range(ctx: DocContext, head: Token, limit: int) -> tuple[int, int]:
    """Token range of the noun phrase headed by `head`, cut before `limit` and before
    relative clauses or comma-delimited material after the name."""
    left = head.left_edge.i
    right = head.i + 1
    for child in head.children:
        if child.i > head.i and child.dep_ in (
            "flat:name",
            "amod",
            "nmod",
            "appos",
            "fixed",
            "flat:foreign",
            "case",
            "det",
            "conj",
            "cc",
        ):
            right = max(right, child.right_edge.i + 1)
    right = min(right, limit)
    left = max(left, ctx.sents[ctx.sent_of(head.i)].start)
    # cut a leading participial phrase ("Interrogé sur l'accord, X")
    for k in range(head.i - 1, left - 1, -1):
        if ctx.table.text[k] == ",":
            left = k + 1
            break
    return left, max(right, left + 1)


# prepositions of a circumstance (time, place, manner, medium) that the press puts between an
# inverted speech verb and its subject
_CIRCUMSTANCE = frozenset({"lors", "en", "dans", "devant", "pendant", "durant", "depuis", "apres",
                           "avant", "via", "sur", "face"})
_OF = frozenset({"de", "d'", "du", "des"})


def skip_circumstance(ctx: DocContext, j: int, end: int) -> int:
    """Index after a short prepositional phrase of circumstance at token `j` ("lors d'une
    conférence de presse", "en anglais", "dans un communiqué"), else `j`. Only when a name
    follows it (right away or after a determiner): "avait évoqué en avril à Kinshasa des
    investissements" has its subject before the verb, and nothing to skip to."""
    tb = ctx.table
    if tb.low[j] not in _CIRCUMSTANCE or tb.pos[j] not in ("ADP", "ADV"):
        return j
    k = j + 1
    if tb.low[j] in ("lors", "face") and k < end and tb.low[k] in _OF:
        k += 1
    limit = min(end, j + 7)
    seen_noun = False
    while k < limit:
        if (tb.pos[k] == "DET" and not (seen_noun and tb.low[k - 1] not in _OF)) or (
            seen_noun and tb.low[k] in _OF
        ):
            # a determiner opens the phrase or follows "de"; after a noun it opens the subject
            k += 1
        elif tb.pos[k] in ("NOUN", "ADJ"):
            seen_noun = True
            k += 1
        else:
            break
    # the subject right after: a name, or a title ("dans un communiqué le ministre rwandais …")
    named = k < end and (k in ctx.mention_at or (
        tb.pos[k] == "DET" and k + 1 < end and ((k + 1) in ctx.mention_at or tb.low[k + 1] in TITLES)))
    return k if seen_noun and named else j


def inverted_np(ctx: DocContext, hit: Hit) -> tuple[int, int] | None:
    """Token range of a subject placed after the cue verb ("a déclaré X")."""
    doc = ctx.doc
    tb = ctx.table
    if hit.inverted is not None:
        verb = tb.head[hit.verb] if tb.dep[hit.verb].startswith("aux") else hit.verb
        if "Pass" in tb.feats(verb, "Voice") and any(tb.dep[c] == "aux:pass" for c in tb.children(verb)):
            return None  # "est-il souligné": an impersonal passive names no one
        return hit.inverted, hit.inverted + 1
    sent_end = ctx.sents[ctx.sent_of(hit.verb)].end
    j = hit.end
    while j < sent_end:
        skipped = skip_adjunct(tb.low, j, sent_end)
        aupres = tb.low[j] == "aupres" and j + 1 < sent_end and tb.low[j + 1] in _OF
        if skipped == j and (tb.low[j] in ("a", "au", "aux", "sur") or aupres):
            # an addressee or a medium before the subject: "a indiqué à l'AFP une source
            # proche …", "a expliqué sur franceinfo Julie Garnier", "se félicite auprès de l'AFP X"
            k = j + 2 if aupres else j + 1
            if k < sent_end and tb.pos[k] == "DET":
                k += 1
            while (
                k < min(sent_end, j + 5) and tb.pos[k] in ("PROPN", "NOUN") and k not in ctx.mention_at
            ):
                k += 1
            k2 = k
            if k2 < sent_end and k2 in ctx.mention_at:  # the medium's own name, not the next one
                k2 = ctx.token_at(ctx.mentions[ctx.mention_at[k2]]["end"] - 1) + 1
            if k2 > k and k2 < sent_end and tb.pos[k2] in ("DET", "NOUN", "PROPN"):
                # "à l'AFP", "au Monde", "à Euractiv" (a medium the model may call PER): the
                # addressee, when the subject's noun phrase follows it
                k = k2
            # the subject follows, or another place or medium ("à la presse à Genève X")
            if k > j + 1 and k < sent_end and (tb.pos[k] in ("DET", "NOUN", "PROPN") or tb.low[k] in (
                    "a", "au", "aux", "sur")):
                j = k
                continue
        if skipped == j and tb.text[j] == "," and j == hit.end:
            # "a demandé, en préambule du vote, l'eurodéputé X": a circumstance set off by commas
            close = next((k for k in range(j + 1, min(sent_end, j + 10)) if tb.text[k] == ","), None)
            if (close is not None and close > j + 1 and close + 1 < sent_end
                    and tb.pos[close + 1] in ("DET", "NOUN", "PROPN")
                    and not any(tb.pos[k] in ("VERB", "AUX") for k in range(j + 1, close))):
                j = close + 1
                continue
        if skipped == j and tb.text[j] == "," and j > hit.end and j + 1 < sent_end and tb.pos[
                j + 1] in ("DET", "NOUN", "PROPN"):
            # "a indiqué mercredi soir, son ministre de l'Intérieur, X": the adjunct closes with
            # a comma before the subject
            j += 1
            continue
        if skipped == j:
            # "s'est félicité lors d'une conférence de presse X", "a lancé en anglais X"
            skipped = skip_circumstance(ctx, j, sent_end)
        if skipped == j and not (tb.pos[j] == "ADV" or (tb.low[j] in MONTHS) or tb.digit[j]):
            break
        j = max(skipped, j + 1)
    if j >= sent_end:
        return None
    tok = doc[j]
    named = apposed_person(ctx, j, sent_end)
    if named is not None:
        return named
    if tb.low[j] in _PARTICLES and j + 1 < sent_end and (j + 1) in ctx.mention_at and ctx.mentions[
            ctx.mention_at[j + 1]]["label"] == "PER":
        j += 1  # "a déclaré de Keersmaecker": a surname with its particle, the model leaves it out
    if j in ctx.mention_at:
        m = ctx.mentions[ctx.mention_at[j]]
        k = j
        while k < sent_end and ctx.mention_at.get(k) == ctx.mention_at[j]:
            k += 1
        # "ont annoncé Eramet et le chimiste allemand BASF": joint speakers, the second one
        # possibly named by a description with the name in apposition
        if k + 1 < sent_end and tb.low[k] in ("et", "and"):
            e = k + 1
            while (
                e < min(sent_end, k + 6)
                and e not in ctx.mention_at
                and tb.pos[e] in ("DET", "NOUN", "ADJ")
            ):
                e += 1
            other = ctx.mentions[ctx.mention_at[e]] if e < sent_end and e in ctx.mention_at else None
            if other is not None and other["label"] in ("PER", "ORG"):
                return ctx.token_at(m["start"]), ctx.token_at(other["end"] - 1) + 1
        # "le porte-parole du Kremlin, Dmitri Peskov": prefer the name in apposition
        if k + 1 < sent_end and tb.text[k] == "," and (k + 1) in ctx.mention_at:
            m2 = ctx.mentions[ctx.mention_at[k + 1]]
            if m2["label"] == "PER":
                return ctx.token_at(m2["start"]), ctx.token_at(m2["end"] - 1) + 1
        return ctx.token_at(m["start"]), k
    if tok.pos_ in ("DET", "NOUN", "PROPN") and fold(tok.text) not in ("que", "qu'"):
        k = j
        while k < sent_end and (
            tb.pos[k] in ("DET", "NOUN", "PROPN", "ADJ")
            or tb.low[k] in ("de", "du", "des", "d'", "-")
            or (tb.pos[k] == "NUM" and k > j and tb.pos[k - 1] == "DET")  # "les deux parties"
        ):
            if (
                k in ctx.mention_at
                and k > j
                and ctx.mentions[ctx.mention_at[k]]["label"] == "PER"
            ):
                m = ctx.mentions[ctx.mention_at[k]]
                if tb.low[k - 1] in _OF:  # "la porte-parole du gouvernement de X" is not X
                    k = ctx.token_at(m["end"] - 1) + 1
                    continue
                return ctx.token_at(m["start"]), ctx.token_at(m["end"] - 1) + 1
            if k in ctx.mention_at:
                # "l'Associated Press": a name the tagger reads as a noun and a foreign word
                k = max(k + 1, ctx.token_at(ctx.mentions[ctx.mention_at[k]]["end"] - 1) + 1)
                continue
            k += 1
        if k < sent_end and tb.text[k] == "(":
            # "le président de la Confédération … (CSMF), le docteur X": the acronym in brackets
            close = next((c for c in range(k + 1, min(sent_end, k + 5)) if tb.text[c] == ")"), None)
            if close is not None and close + 1 < sent_end and tb.text[close + 1] == ",":
                k = close + 1
        if k < sent_end and tb.text[k] == ",":
            # "…, X" or "…, le docteur X": the name in apposition is who speaks
            n = k + 1
            if n + 1 < sent_end and tb.pos[n] == "DET" and tb.low[n + 1] in APPOSED_TITLES:
                n += 2
            elif n + 1 < sent_end and tb.low[n] in _COURTESY:
                n += 1  # "…, M. Pierre Arnaud"
                if tb.text[n] == "." and n + 1 < sent_end:
                    n += 1
            if n in ctx.mention_at and ctx.mentions[ctx.mention_at[n]]["label"] == "PER":
                m2 = ctx.mentions[ctx.mention_at[n]]
                return ctx.token_at(m2["start"]), ctx.token_at(m2["end"] - 1) + 1
        # "ont indiqué le ministère du Commerce et l'Administration des douanes": two bodies
        # named together, each holding a mention
        if k + 1 < sent_end and tb.low[k] == "et" and ctx.has_mention(j, k):
            e = k + 1
            while e < sent_end and (
                tb.pos[e] in ("DET", "NOUN", "PROPN", "ADJ")
                or tb.low[e] in ("de", "du", "des", "d'")
            ):
                e += 1
            if e > k + 1 and ctx.has_mention(k + 1, e):
                k = e
        while k > j and tb.low[k - 1] in ("de", "du", "des", "d'"):
            k -= 1
        return (j, k) if k > j else None
    return None


# titles of address written before a name in apposition ("…, le docteur X")
APPOSED_TITLES = TITLES | OCCUPATIONS | frozenset(
    {"docteur", "professeur", "general", "colonel", "maitre", "pere", "cheikh", "imam"})

# courtesy titles before a name in apposition ("…, M. X", "…, Mme Y"), folded
_COURTESY = frozenset({"m.", "m", "mme", "mme.", "mlle", "dr", "dr."})

# lowercase particles of surnames ("de Keersmaecker", "von der Leyen", "van Rompuy")
_PARTICLES = frozenset({"de", "d'", "du", "von", "van", "der", "den", "da", "di", "del", "della",
                        "dos", "das"})

# words a title runs on with before the name of its holder: "le commissaire européen au
# Commerce X", "la ministre déléguée chargée de l'Industrie X", "ministre et porte-parole X",
# "le ministre pour la Reconstruction, X"
_TITLE_LINKS = frozenset({"de", "d'", "du", "des", "au", "aux", "a", "l'", "la", "le", "les", "et", "-",
                          "pour", "charge", "chargee", "en"})


def apposed_person(ctx: DocContext, j: int, end: int) -> tuple[int, int] | None:
    """Token range of the person a title phrase at token `j` names ("le vice-président de la
    Commission Frans Timmermans", "le ministre de l'Energie et PDG du groupe, X"), or None.

    The name must stand in apposition, after the title's words or a comma; a name after "de"
    is a complement, not the holder ("la porte-parole du gouvernement de X")."""
    tb = ctx.table
    if not is_title(ctx, j, end):
        return None
    k = j
    limit = min(end, j + 18)
    while k < limit:
        m = ctx.mentions[ctx.mention_at[k]] if k in ctx.mention_at else None
        person = m is not None and m["label"] == "PER" and m.get("kind", "name") == "name"
        b = k - 1
        while b > j and (tb.pos[b] == "ADJ" or tb.low[b] in demonym_table(ctx.gaz.domain)):
            b -= 1  # "la porte-parole du suisse X": X is the complement, not the holder
        if person and k > j and tb.low[b] not in _OF:
            return k, ctx.token_at(m["end"] - 1) + 1
        if m is not None:
            k = ctx.token_at(m["end"] - 1) + 1
            continue
        if tb.text[k] == "," and k + 1 < end and (k + 1) in ctx.mention_at:
            k += 1
            continue
        if tb.pos[k] in ("DET", "NOUN", "PROPN", "ADJ") or tb.low[k] in _TITLE_LINKS:
            k += 1
            continue
        if tb.pos[k] == "VERB" and "Part" in tb.feats(k, "VerbForm") and k > j:
            k += 1  # "le président élu", "la ministre déléguée"
            continue
        return None
    return None


def is_title(ctx: DocContext, j: int, end: int) -> bool:
    """True when the noun phrase at token `j` is headed by a person's title ("le ministre",
    "l'ancien président", "la vice-présidente")."""
    tb = ctx.table
    if j in ctx.mention_at and ctx.mentions[ctx.mention_at[j]].get("kind") == "role":
        return True
    for k in range(j, min(end, j + 3)):
        if tb.pos[k] in ("DET", "ADJ") and fold(tb.text[k]) not in TITLES:
            continue
        word = fold(tb.text[k])
        compound = fold(ctx.text[tb.idx[k] : tb.idx[k] + 20].split()[0]) if k < end else word
        return bool({word, compound.rstrip(",.;:"), tb.lemma_low[k]} & (TITLES | OCCUPATIONS))
    return False


def prep_object(ctx: DocContext, j: int, sent_end: int) -> tuple[int, int] | None:
    """Token range of the source after "selon"/"d'après": up to a comma, verb or the end."""
    doc = ctx.doc
    tb = ctx.table
    if j < sent_end and tb.low[j] in PRONOUNS:
        return j, j + 1  # "selon elle", "d'après lui"
    # "selon la vice-première ministre chargée de …, Olha Stefanishyna, …": the name the title
    # gives, not whoever the gazetteer says held that title
    named = apposed_person(ctx, j, sent_end)
    if named is not None:
        return named
    k = j
    while k < sent_end:
        tok = doc[k]
        # "selon des informations publiées mardi par le FT": the participle names the author
        by = tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm") and "par" in tb.low[k + 1 : k + 4]
        if (
            tok.is_punct
            or (tok.pos_ in ("VERB", "AUX", "SCONJ") and not by)
            or fold(tok.text) in ("qui", "que", "qu'")
        ):
            break
        k += 1
    return (j, k) if k > j else None
