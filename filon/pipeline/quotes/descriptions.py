"""Speakers named by a description: "les deux hommes", "Du côté ukrainien, le gouvernement",
"le ministre", "la chercheuse", "le groupe".

Each points back to what the text named before: the persons or bodies just named together,
the side a sentence opens on, the latest mention holding the same noun, the latest person of
the same gender for a title, the latest firm for "le groupe". Functions over `DocContext`.
"""

from __future__ import annotations

from filon.domains.folding import fold
from filon.pipeline.quotes.context import DocContext
from filon.pipeline.quotes.cues import OCCUPATIONS, TITLES
from filon.pipeline.quotes.mentions import mention_gender, speaker_from_mention
from filon.pipeline.quotes.pronouns import PronounResolver

# heads of descriptions of a firm ("le groupe minier", "l'entreprise", "le chimiste allemand")
COMPANY_NOUNS = frozenset(
    {"groupe", "entreprise", "societe", "compagnie", "firme", "chimiste", "industriel", "geant", "minier",
     "producteur", "fabricant", "constructeur", "conglomerat", "raffineur", "metallurgiste", "operateur",
     "equipementier", "siderurgiste", "fondeur", "negociant", "start-up", "multinationale",
     "petrolier", "mineur", "exploitant", "fournisseur", "laboratoire", "holding", "filiale"}
)  # fmt: skip
# "les deux hommes": a group of persons (else "les deux capitales", "les deux pays": bodies)
PERSON_GROUP_NOUNS = frozenset(
    {"homme", "hommes", "femme", "femmes", "dirigeant", "dirigeants", "dirigeante", "dirigeantes",
     "responsable", "responsables", "ministre", "ministres", "president", "presidents", "chef", "chefs",
     "leader", "leaders",
     "negociateur", "negociateurs", "diplomate", "diplomates", "elu", "elus", "homologue", "homologues"}
)  # fmt: skip


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


def definite_description(ctx: DocContext, pronouns: PronounResolver, i: int, j: int) -> dict | None:
    """What "le ministre", "la ministre", "le ministère", "le milliardaire" refers back to:
    the latest mention (three sentences back at most) whose surface holds the same head
    noun, else, for a title of a person, the latest person of the same gender."""
    doc = ctx.doc
    tb = ctx.table
    head = next((t for t in doc[i:j] if t.pos_ == "NOUN"), None)
    if head is None:
        return None
    noun = fold(head.lemma_)
    pos = tb.idx[i]
    lo = ctx.sents[max(0, ctx.sent_of(i) - 3)].start_char
    gender = (
        "f"
        if tb.low[i] in ("la", "cette")
        else ("m" if tb.low[i] in ("le", "ce") else None)
    )
    occupation = noun in OCCUPATIONS
    person_title = noun in TITLES or occupation
    fallback = None
    for m in reversed(ctx.mentions):
        if m["end"] > pos:
            continue
        if m["start"] < lo:
            break
        if ctx.in_quote(m["start"]) or m["label"] not in ("PER", "ORG"):
            continue
        if noun in fold(m["text"]).replace("-", " ").split() or noun in fold(m["text"]):
            return speaker_from_mention(ctx.gaz, m)
        if fallback is None and person_title and m["label"] == "PER":
            g = mention_gender(ctx.gaz, ctx.table, m)
            if gender is None or g is None or g == gender:
                fallback = m
        if fallback is None and noun in COMPANY_NOUNS and _is_company(ctx, m):
            fallback = m  # "le groupe minier", "l'entreprise": the latest company named
    if fallback is not None:
        return speaker_from_mention(ctx.gaz, fallback)
    if noun in COMPANY_NOUNS:
        # an analysis piece names the firm once, then says "le groupe" paragraphs later
        far = ctx.sents[max(0, ctx.sent_of(i) - 12)].start_char
        for m in reversed(ctx.mentions):
            if m["start"] < far:
                break
            if m["end"] <= lo and not ctx.in_quote(m["start"]) and _is_company(ctx, m):
                return speaker_from_mention(ctx.gaz, m)
        return None
    if not person_title:
        return None
    # "Selon la ministre ukrainienne" several paragraphs after "la ministre ukrainienne de
    # l'Economie, X": a title named once keeps pointing at its holder further on
    far = ctx.sents[max(0, ctx.sent_of(i) - 12)].start_char
    for m in reversed(ctx.mentions):
        if m["end"] > lo:
            continue
        if m["start"] < far:
            break
        if m["label"] != "PER" or ctx.in_quote(m["start"]) or not m.get("name"):
            continue
        if noun in fold(m["text"]).replace("-", " ").split():
            g = mention_gender(ctx.gaz, ctx.table, m)
            if gender is None or g is None or g == gender:
                return speaker_from_mention(ctx.gaz, m)
    if occupation and gender is not None:
        # "explique la chercheuse" paragraphs after "Hélène Dupont, chercheuse au CNRS"
        return pronouns.last_person(pos, gender, sentences=12)
    return None


def _is_company(ctx: DocContext, m: dict) -> bool:
    """A mention of a firm: a gazetteer company, or an organisation the gazetteer does not
    know (states, ministries and other public bodies are in the gazetteer)."""
    if m["label"] != "ORG" or m.get("kind") == "metonymy" or m.get("refers_to"):
        return False
    actor = ctx.gaz.actor(m.get("id"))
    return actor is None or actor.type == "company"
