"""Speakers named by a description: "les deux hommes", "Du côté ukrainien, le gouvernement",
"le ministre", "la chercheuse", "le groupe".

Each points back to what the text named before: the persons or bodies just named together,
the side a sentence opens on, the latest mention holding the same noun, the latest person of
the same gender for a title, the latest firm for "le groupe". Functions over `DocContext`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Token

from filon.domains.demonyms import STATE_BODY_NOUNS, demonym_table, folded_demonym_table
from filon.domains.folding import fold
from filon.pipeline.quotes.context import DocContext
from filon.pipeline.quotes.cues import EPITHETS, OCCUPATIONS, TITLES
from filon.pipeline.quotes.mentions import mention_gender, speaker_from_mention
from filon.pipeline.quotes.pronouns import PronounResolver

# heads of descriptions of a firm ("le groupe minier", "l'entreprise", "le chimiste allemand")
COMPANY_NOUNS = frozenset(
    {"groupe", "entreprise", "societe", "compagnie", "firme", "chimiste", "industriel", "geant", "minier",
     "producteur", "fabricant", "constructeur", "conglomerat", "raffineur", "metallurgiste", "operateur",
     "equipementier", "siderurgiste", "fondeur", "negociant", "start-up", "multinationale",
     "petrolier", "mineur", "exploitant", "fournisseur", "laboratoire", "holding", "filiale",
     "agence", "quotidien", "journal", "chaine", "radio", "hebdomadaire"}
)  # fmt: skip
# heads of descriptions of a person that are no title ("le diplomate rwandais", "son homologue russe")
PERSON_NOUNS = frozenset({"diplomate", "responsable", "collegue", "homologue", "leader", "negociateur",
                          "negociatrice", "representant", "representante", "dirigeant",
                          "dirigeante", "ministre", "chef"})
# "les deux hommes": a group of persons (else "les deux capitales", "les deux pays": bodies)
PERSON_GROUP_NOUNS = frozenset(
    {"homme", "hommes", "femme", "femmes", "dirigeant", "dirigeants", "dirigeante", "dirigeantes",
     "responsable", "responsables", "ministre", "ministres", "president", "presidents", "chef", "chefs",
     "leader", "leaders",
     "negociateur", "negociateurs", "diplomate", "diplomates", "elu", "elus", "homologue", "homologues"}
)  # fmt: skip


def modified_noun(tok: Token, i: int, j: int) -> Token:
    """The noun a word before it modifies, inside tokens [i, j): "ce fervent défenseur" (the
    tagger reads "fervent" as a noun) is headed by "défenseur"."""
    while tok.dep_ == "amod" and tok.i < tok.head.i < j and tok.head.i >= i:
        tok = tok.head
    return tok


def _noun_gender(word: str) -> str | None:
    """The gender a noun of a person shows by its form, when the lists hold both forms
    ("invitée" / "invité", "chercheuse" / "chercheur", "historienne" / "historien"); None for a
    noun of one form ("économiste", "ministre")."""
    known = TITLES | OCCUPATIONS
    if word not in known:
        return None
    # (feminine ending, masculine ending): -ée/-é, -euse/-eur, -rice/-eur, -enne/-en, -e/-
    pairs = (("euse", "eur"), ("rice", "eur"), ("enne", "en"), ("e", ""))
    for fem, masc in pairs:
        if word.endswith(fem) and word[: len(word) - len(fem)] + masc in known:
            return "f"
    for fem, masc in pairs:
        if word.endswith(masc) and word[: len(word) - len(masc)] + fem in known:
            return "m"
    return None


def named_group(ctx: DocContext, i: int, j: int, n: int) -> dict | None:
    """Joint speaker for "les deux hommes" / "les deux capitales" at tokens [i, j): the `n`
    latest distinct persons (for a noun of persons) or bodies and places (else) named in the
    sentence before it or the two sentences before, outside quotations."""
    tb = ctx.table
    people = tb.lemma_low[i + 2] in PERSON_GROUP_NOUNS or tb.low[i + 2] in PERSON_GROUP_NOUNS
    lo = ctx.sents[max(0, ctx.sent_of(i) - 2)].start_char
    pos = tb.idx[i]
    members: list[dict] = []
    seen: set[str] = set()
    for m in reversed(ctx.mentions):
        if m["end"] > pos:
            continue
        if m["start"] < lo or len(members) == n:
            break
        if ctx.in_quote(m["start"]):
            continue
        if people != (m["label"] == "PER"):
            continue
        if not people and m["label"] not in ("ORG", "LOC"):
            continue
        if not people and _where(ctx, m):
            continue  # "des pourparlers à Genève, en Suisse": where they met, not who
        sp = speaker_from_mention(ctx.gaz, m)
        key = sp.get("id") or fold(sp.get("name") or sp["text"])
        if key in seen:
            continue
        seen.add(key)
        members.append(sp)
    if len(members) != n:
        return None
    members.reverse()
    start, end = ctx.span_dict(i, j)
    return {"name": " & ".join(m["name"] or m["text"] for m in members), "id": None,
            "text": ctx.text[start:end], "start": start, "end": end, "speakers": members}  # fmt: skip


def _where(ctx: DocContext, m: dict) -> bool:
    """True when a place's mention says where something happens ("à Genève", "en Suisse")."""
    i = ctx.token_at(m["start"])
    return m["label"] == "LOC" and i > 0 and ctx.table.low[i - 1] in ("a", "en", "au", "aux", "dans")


# documents a definite description points back to ("le communiqué", "la lettre"): their author
# is the speaker of the sentence that first named them
AUTHORED_NOUNS = frozenset(
    {"communique", "declaration", "lettre", "message", "courrier", "note", "rapport", "annonce"}
)


def document_author(ctx: DocContext, i: int, j: int, noun: str) -> dict | None:
    """Who wrote "le communiqué" (tokens [i, j), head `noun`): the speaker of the latest
    earlier sentence (six back at most) that names a document of that noun ("ont annoncé X
    dans un communiqué conjoint", "Dans un communiqué, X a indiqué"), else None."""
    tb = ctx.table
    s = ctx.sent_of(i)
    for back in range(0, 7):
        if s - back < 0:
            break
        sent = ctx.sents[s - back]
        hi = i if back == 0 else sent.end
        named = [
            tb.idx[k] for k in range(sent.start, hi)
            if (tb.lemma_low[k] == noun or tb.low[k] == noun) and not ctx.inside[k]
        ]  # fmt: skip
        if not named:
            continue
        lo_c, hi_c = sent.start_char, tb.idx[hi - 1] if hi > sent.start else sent.start_char
        keys = ctx.speaker_keys
        events = ctx.speaker_events[bisect_left(keys, lo_c) : bisect_right(keys, hi_c)]
        if events:
            # the speaker whose cue is nearest to where the document is named ("selon le
            # communiqué" is an unnamed source: the sentence before is asked)
            _, sp = min(events, key=lambda e: abs(e[0] - named[-1]))
            if sp.get("name") or sp.get("speakers"):
                return sp
    return None


def same_source(ctx: DocContext, i: int) -> dict | None:
    """What "la même source" at token `i` is: the latest named speaker before it (three
    sentences back at most), else None."""
    pos = ctx.table.idx[i]
    lo = ctx.sents[max(0, ctx.sent_of(i) - 3)].start_char
    events = ctx.speaker_events[bisect_left(ctx.speaker_keys, lo) : bisect_left(ctx.speaker_keys, pos)]
    return next((sp for _, sp in reversed(events) if sp.get("name") or sp.get("speakers")), None)


def side_adjective(ctx: DocContext, i: int) -> str | None:
    """The nationality adjective of a sentence opening "Du côté ukrainien," or "Côté russe,"
    when token `i` follows it directly, else None."""
    doc = ctx.doc
    tb = ctx.table
    k = ctx.sentence_opening(i)
    words = tb.low[k:i]
    if words[:2] == ["du", "cote"]:
        words = words[2:]
    elif words[:1] == ["cote"]:
        words = words[1:]
    else:
        return None
    if len(words) == 2 and words[1] == "," and tb.pos[i - 2] == "ADJ" and doc[i - 2].is_lower:
        return tb.text[i - 2]
    return None


# titles that cover others ("le dirigeant" after "son PDG X", "cet émissaire" after "X,
# conseiller pour l'Afrique"): another title written by the name does not rule the name out
_GENERIC_TITLES = frozenset({"dirigeant", "dirigeante", "responsable", "patron", "patronne", "chef",
                             "cheffe", "emissaire", "envoye", "envoyee", "representant",
                             "representante"})


def definite_description(ctx: DocContext, pronouns: PronounResolver, i: int, j: int,
                         possessive: bool = False) -> dict | None:
    """What "le ministre", "la ministre", "le ministère", "le milliardaire" refers back to:
    the latest mention (three sentences back at most) whose surface, or the title written
    next to it ("le ministre délégué au Commerce, X"), holds the same head noun; else the
    holder of that title named up to twelve sentences back; else, for a title of a person, the
    latest person of the same gender; for a firm or an agency ("le géant pétrolier
    britannique", "l'agence américaine"), the latest one of that nationality. A person described
    by a nationality ("le diplomate rwandais"; with a possessive, "sa collègue congolaise", only
    this) is the latest person of that state named up to twelve sentences back."""
    doc = ctx.doc
    tb = ctx.table
    head = next((t for t in doc[i:j] if t.pos_ == "NOUN"), None)
    if head is None:
        return None
    head = modified_noun(head, i, j)
    noun = fold(head.lemma_)
    pos = tb.idx[i]
    lo = ctx.sents[max(0, ctx.sent_of(i) - 3)].start_char
    far = ctx.sents[max(0, ctx.sent_of(i) - 12)].start_char
    gender = (
        "f"
        if tb.low[i] in ("la", "cette")
        else ("m" if tb.low[i] in ("le", "ce", "cet") else None)
    )
    if gender is None and tb.low[i] in ("l'", "l’"):
        gender = _noun_gender(fold(head.text))  # "l'invitée", "l'avocat"; not "l'économiste"
    rank = _rank([tb.low[k] for k in range(i, j)])
    occupation = noun in OCCUPATIONS
    person_title = noun in TITLES or occupation
    company = noun in COMPANY_NOUNS
    state = _nationality(ctx, i, j) if company or person_title or noun in PERSON_NOUNS else None
    person_state = state if not company else None
    if person_state is not None:
        # "le diplomate rwandais", "son homologue russe": the latest person the text tied to
        # that state (by the gazetteer, or a nationality adjective written by the name)
        found = _person_of_state(ctx, pos, far, person_state, gender)
        if found is not None:
            return speaker_from_mention(ctx.gaz, found)
    if possessive:
        return None
    if noun in _UNION_NOUNS:
        # "selon le syndicat", "a indiqué la fédération": the latest union the text named
        union = _latest_union(ctx, pos, far)
        return speaker_from_mention(ctx.gaz, union) if union is not None else None
    fallback = None
    # a bare generic title ("le dirigeant", not "le nouveau patron de la Sonatrach") that the
    # text did not bring in as someone anonymous ("un haut responsable … le responsable")
    generic = (noun in _GENERIC_TITLES and not any(tb.pos[k] == "ADP" for k in range(i, j))
               and not _said_indefinite(ctx, noun, i, far))
    for m in reversed(ctx.mentions):
        if m["end"] > pos:
            continue
        if m["start"] < far:
            break
        if ctx.in_quote(m["start"]) or m["label"] not in ("PER", "ORG"):
            continue
        if person_state is not None and _state_of_person(ctx, m) not in (None, person_state):
            continue  # "le diplomate français" is none of the Russians just named
        near = m["start"] >= lo
        surface = fold(m["text"]).replace("-", " ").split()
        titled = _titled(ctx, m) if person_title and m["label"] == "PER" else set()
        holds = noun in surface or any(w == noun or w.endswith("-" + noun) for w in titled)
        if holds and _rank(surface + list(titled)) != rank:
            continue  # "le Premier ministre" is not "le ministre X", "le président" no vice-président
        if near and (noun in surface or noun in fold(m["text"])):
            return speaker_from_mention(ctx.gaz, m)
        own = noun in surface
        if person_title and m["label"] == "PER" and m.get("name") and (own or noun in titled):
            # "a détaillé le ministre" paragraphs after "le ministre délégué au Commerce, X";
            # the title written next to the name says who it is, only a known gender (not the
            # tagger's guess on a foreign name) may contradict it
            actor = ctx.gaz.actor(m.get("id"))
            g = m.get("gender") or (actor.gender if actor is not None else None)
            if gender is None or g is None or g == gender:
                return speaker_from_mention(ctx.gaz, m)
        if not near:
            continue
        other_title = (bool(titled & _TITLE_HEADS) and not holds and noun not in EPITHETS
                       and not generic)
        if fallback is None and person_title and m["label"] == "PER" and not other_title:
            # "le ministre" is not the latest person when the text gave that one another title
            # ("Jeff Gerrish, représentant adjoint du commerce")
            g = mention_gender(ctx.gaz, ctx.table, m)
            if gender is None or g is None or g == gender:
                fallback = m
        if fallback is None and company and _is_company(ctx, m) and _same_state(ctx, m, state):
            fallback = m  # "le groupe minier", "l'entreprise": the latest company named
    if fallback is not None and person_title:
        return speaker_from_mention(ctx.gaz, fallback)
    if company:
        if fallback is not None:
            return speaker_from_mention(ctx.gaz, fallback)
        # an analysis piece names the firm once, then says "le groupe" paragraphs later
        for m in reversed(ctx.mentions):
            if m["start"] < far:
                break
            if m["end"] <= lo and not ctx.in_quote(m["start"]) and _is_company(ctx, m) and _same_state(
                ctx, m, state
            ):
                return speaker_from_mention(ctx.gaz, m)
        return None
    if occupation and gender is not None and not _said_indefinite(ctx, noun, i, far):
        # "explique la chercheuse" paragraphs after "Hélène Dupont, chercheuse au CNRS"; not
        # "le responsable" after "un haut responsable" (who stays anonymous), nor a person the
        # text gave another title ("le nouveau patron de X" is not "le ministre Y")
        found = pronouns.last_person(pos, gender, sentences=12)
        k = ctx.mention_at.get(ctx.token_at(found["start"])) if found is not None else None
        titled = _titled(ctx, ctx.mentions[k]) if k is not None else set()
        if noun in TITLES and titled & _TITLE_HEADS and noun not in titled:
            return None
        return found
    return None


def _said_indefinite(ctx: DocContext, noun: str, i: int, far: int) -> bool:
    """True when the text introduced a `noun` with "un"/"une" before token `i` (from character
    `far` on): "un haut responsable a déclaré … a ajouté le responsable"."""
    tb = ctx.table
    k = i - 1
    while k >= 0 and tb.idx[k] >= far:
        if tb.lemma_low[k] == noun or tb.low[k] == noun:
            for back in range(k - 1, max(-1, k - 4), -1):
                if tb.low[back] in ("un", "une"):
                    return True
                if tb.pos[back] not in ("ADJ", "ADV"):
                    break
        k -= 1
    return False


def cataphoric_titles(ctx: DocContext, pronouns: PronounResolver, items: list[dict]) -> None:
    """Name the holder of a title that speaks before being named: a lead opening on "Le
    ministre du Commerce du Canada a salué …" whose next paragraphs say "X a déclaré".

    A speaker left as a definite title with no name takes the first person who speaks after
    it, within four sentences, when the determiner agrees with that person's gender. The
    speaker dicts are updated in place, so every item sharing one follows."""
    tb = ctx.table
    seen: set[int] = set()
    for item in items:
        sp = item.get("speaker")
        if not sp or sp.get("name") or sp.get("speakers") or id(sp) in seen or sp.get("start") is None:
            continue
        seen.add(id(sp))
        i = ctx.token_at(sp["start"])
        words = [tb.low[k] for k in range(i, min(ctx.token_at(sp["end"] - 1) + 1, i + 3))]
        if len(words) < 2 or words[0] not in ("le", "la") or words[1] not in TITLES:
            continue
        gender = "m" if words[0] == "le" else "f"
        last = ctx.sent_of(i) + 4
        k = bisect_right(ctx.speaker_keys, sp["end"])
        while k < len(ctx.speaker_events) and ctx.sent_of(ctx.token_at(ctx.speaker_events[k][0])) <= last:
            later = ctx.speaker_events[k][1]
            k += 1
            if later is sp or not later.get("name") or later.get("speakers") or not pronouns.is_person(later):
                continue
            if pronouns.agrees(later, gender):
                sp["name"], sp["id"] = later["name"], later.get("id")
            break


def _titled(ctx: DocContext, m: dict) -> set[str]:
    """The folded words of the title written next to a person's mention, in its sentence:
    before it ("le ministre délégué au Commerce, X") or after it in apposition ("X, ministre
    de …"); at most eight words each side."""
    tb = ctx.table
    before, after = _title_tokens(ctx, m)
    return {w for k in before + after for w in (tb.lemma_low[k], tb.low[k])}


def _title_tokens(ctx: DocContext, m: dict, conjunction_ends: bool = False) -> tuple[list[int], list[int]]:
    """The tokens of the title next to a person's mention, nearest first: up to eight before it
    (to a verb, a sentence mark or another person) and up to eight of an apposition after it
    (from its comma to a verb, punctuation or another person). With `conjunction_ends` a
    conjunction ends both: "X, et congolais, Y" gives X no title after it, and "X, ministre
    congolaise, et Y" gives Y no title before it."""
    tb = ctx.table
    a, b = ctx.token_at(m["start"]), ctx.token_at(m["end"] - 1) + 1
    sent = ctx.sents[ctx.sent_of(a)]
    before: list[int] = []
    for k in range(a - 1, max(sent.start, a - 13) - 1, -1):
        verb = tb.pos[k] in ("VERB", "AUX") and tb.low[k] not in _TITLE_PARTICIPLES
        if verb or tb.text[k] in ".;:«»\"" or _person_at(ctx, k):
            break
        if conjunction_ends and tb.pos[k] == "CCONJ":
            break  # "X, ministre congolaise, et Y, son homologue rwandais": not Y's title
        before.append(k)
    after: list[int] = []
    stops = ("VERB", "AUX", "CCONJ") if conjunction_ends else ("VERB", "AUX")
    if b < sent.end and tb.text[b] == ",":
        for k in range(b + 1, min(sent.end, b + 9)):
            if tb.pos[k] in stops or tb.punct[k] or _person_at(ctx, k):
                break
            if tb.dep[k].startswith("nsubj"):
                break  # "présidée par le roi X, le ministre a dit": a new clause's subject
            after.append(k)
    return before, after


# Heads of a title written by a name: a person given one of them holds that title, not another.
_TITLE_HEADS = (TITLES | PERSON_NOUNS | OCCUPATIONS) - EPITHETS - {
    "premier", "premiere", "adjoint", "adjointe"}


def _rank(words: list[str]) -> str | None:
    """The rank a title's folded words give its noun: "premier" ("le Premier ministre"),
    "vice" ("la vice-présidente"), else None."""
    if "premier" in words or "premiere" in words:
        return "premier"
    if any(w == "vice" or w.startswith("vice-") for w in words):
        return "vice"
    return None


# participles inside a title, which the tagger may read as verbs ("le ministre délégué au
# Commerce X"): the title goes on before them
_TITLE_PARTICIPLES = frozenset({"delegue", "deleguee", "charge", "chargee", "designe", "designee",
                                "sortant", "sortante"})


def _person_at(ctx: DocContext, k: int) -> bool:
    """True when token `k` belongs to a person's mention (another holder: the title stops)."""
    return k in ctx.mention_at and ctx.mentions[ctx.mention_at[k]]["label"] == "PER"


def _nationality(ctx: DocContext, i: int, j: int) -> str | None:
    """The state id a nationality adjective of tokens [i, j) names ("le géant pétrolier
    britannique"), or None."""
    table = demonym_table(ctx.gaz.domain)
    for k in range(i, j):
        # the table is written with accents ("américain"); `low` is folded
        hit = table.get(ctx.table.text[k].lower()) or table.get(ctx.table.low[k])
        if hit is not None and ctx.table.pos[k] == "ADJ":
            return hit[0]
    return None


_STATE_NOUNS = frozenset({"etat"})  # folded, as `low` is


def state_described(ctx: DocContext, i: int, j: int) -> str | None:
    """The state id of tokens [i, j) when they are "l'État" or a body of a state and a
    nationality adjective only ("l'État américain", "le gouvernement malien"), else None."""
    tb = ctx.table
    words = [k for k in range(i, j) if tb.pos[k] != "DET" and not tb.punct[k]]
    if len(words) < 2:
        return None
    # the gazetteer's own bodies ("gouvernement américain") come first: no mention here
    body = tb.low[words[0]] in STATE_BODY_NOUNS and not ctx.has_mention(i, j)
    if tb.low[words[0]] not in _STATE_NOUNS and not body:
        return None
    if len(words) == 2 and not body:
        return _nationality(ctx, words[1], words[1] + 1)
    # after a body's noun the word is an adjective, whatever the tagger says ("la présidence
    # sud-africaine" read as a name), possibly split at its hyphen
    start, end = tb.idx[words[1]], tb.idx[words[-1]] + len(tb.text[words[-1]])
    surface = ctx.text[start:end]
    hit = demonym_table(ctx.gaz.domain).get(surface.lower())
    return hit[0] if hit is not None and " " not in surface else None


def _person_of_state(ctx: DocContext, pos: int, far: int, state: str, gender: str | None) -> dict | None:
    """The latest named person before `pos` (back to `far`) tied to `state`: the gazetteer's
    country of the person, or a nationality adjective among the words of its title."""
    for m in reversed(ctx.mentions):
        if m["end"] > pos:
            continue
        if m["start"] < far:
            break
        if m["label"] != "PER" or not m.get("name") or ctx.in_quote(m["start"]):
            continue
        actor = ctx.gaz.actor(m.get("id"))
        g = m.get("gender") or (actor.gender if actor is not None else None)
        if _state_of_person(ctx, m) == state and (gender is None or g is None or g == gender):
            return m
    return None


def _state_of_person(ctx: DocContext, m: dict) -> str | None:
    """The state a person's mention is tied to: the gazetteer's country when it is a state (a
    commissioner acts for the EU, which tells no nationality), else the nationality adjective
    of the title written next to it ("des ministres rwandais, X"); None when neither says."""
    actor = ctx.gaz.actor(m.get("id"))
    if actor is not None and actor.country:
        country = ctx.gaz.actor(actor.country)
        if country is not None and country.type == "state":
            return country.id
    demonyms = folded_demonym_table(ctx.gaz.domain)
    # the nearest adjective of the title before the name, else of its apposition after it
    # ("des ministres rwandais, X, et congolais, Y": X is Rwandan, not Congolese)
    before, after = _title_tokens(ctx, m, conjunction_ends=True)
    low = ctx.table.low
    return next((demonyms[low[k]][0] for k in before + after if low[k] in demonyms), None)


def _same_state(ctx: DocContext, m: dict, state: str | None) -> bool:
    """False when a firm's mention belongs to another state than `state`: its actor's country,
    else a nationality adjective among the three words before it ("la compagnie chinoise X")."""
    if state is None:
        return True
    actor = ctx.gaz.actor(m.get("id"))
    if actor is not None and actor.country:
        return actor.country == state
    a = ctx.token_at(m["start"])
    table = demonym_table(ctx.gaz.domain)
    for k in range(a - 1, max(-1, a - 4), -1):
        hit = table.get(ctx.table.text[k].lower()) or table.get(ctx.table.low[k])
        if hit is not None:
            return hit[0] == state
    return True


# nouns of a labour union ("le syndicat", "la fédération", "la centrale"), folded
_UNION_NOUNS = frozenset({"syndicat", "federation", "confederation", "centrale", "intersyndicale"})
# words of a union's name, folded ("Fédération interprofessionnelle de la santé", "Unia")
_UNION_WORDS = frozenset({"syndicat", "syndicats", "federation", "confederation", "union", "syndical",
                          "syndicale", "intersyndicale", "centrale"})


def _latest_union(ctx: DocContext, pos: int, far: int) -> dict | None:
    """The latest labour union named before character `pos` (from `far` on), outside quotes:
    a gazetteer trade union, or an organisation whose name says it is one."""
    for m in reversed(ctx.mentions):
        if m["end"] > pos:
            continue
        if m["start"] < far:
            return None
        if m["label"] != "ORG" or ctx.in_quote(m["start"]):
            continue
        actor = ctx.gaz.actor(m.get("id"))
        if actor is not None and actor.type == "trade_union":
            return m
        if actor is None and _UNION_WORDS & set(fold(m["text"]).split()):
            return m
    return None


def _is_company(ctx: DocContext, m: dict) -> bool:
    """A mention of a firm: a gazetteer company, or an organisation the gazetteer does not
    know (states, ministries and other public bodies are in the gazetteer)."""
    if m["label"] != "ORG" or m.get("kind") == "metonymy" or m.get("refers_to"):
        return False
    actor = ctx.gaz.actor(m.get("id"))
    return actor is None or actor.type == "company"
