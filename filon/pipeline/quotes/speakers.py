"""Who a noun phrase is as a speaker: mentions, roles, metonymies, descriptions, joint speakers.

`SpeakerResolver.resolve(i, j)` turns the token range of a subject or source into a speaker
dict (`name`, `id`, `text`, `start`, `end`, and `speakers` for joint ones): a mention of the
entity layer, a gazetteer role on the article's date, a place standing for its government, a
spokesperson or document speaking for its body, "on" put in a place ("Chez Eramet, on …"), a
definite description pointing back (`filon.pipeline.quotes.descriptions`), or the noun phrase
as written (name None). Pronouns are `filon.pipeline.quotes.pronouns`' business.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from filon.domains.folding import fold
from filon.pipeline.quotes.context import DocContext
from filon.pipeline.quotes.cues import (
    ADJUNCTS,
    DEMONSTRATIVE_SOURCES,
    OCCUPATIONS,
    PRONOUNS,
    QUANTITY_NOUNS,
    SOURCE_NOUNS,
    TITLES,
    skip_adjunct,
)
from filon.pipeline.quotes.descriptions import (
    AUTHORED_NOUNS,
    definite_description,
    document_author,
    modified_noun,
    named_group,
    same_source,
    side_adjective,
    state_described,
)
from filon.pipeline.quotes.mentions import speaker_from_mention
from filon.pipeline.quotes.pronouns import PronounResolver
from filon.pipeline.quotes.subjects import apposed_person, is_title

INDEFINITES = frozenset(
    {"un", "une", "des", "plusieurs", "certains", "certaines", "deux", "trois", "d'autres"}
)
DEFINITES = frozenset({"le", "la", "l'", "ce", "cette"})
POSSESSIVES = frozenset({"son", "sa", "leur"})
# courtesy titles before a name ("M. Zelensky"): never the head of the noun phrase
COURTESY = frozenset(
    {"m.", "mme", "mme.", "mlle", "monsieur", "madame", "dr", "dr.", "me", "mr", "mr.", "mrs", "ms"}
)
# who speaks for a body rather than in their own name ("un porte-parole de la Commission")
SPOKES_NOUNS = frozenset(
    {"porte-parole", "representant", "representante", "spokesperson", "spokesman", "spokeswoman",
     "journaliste", "journalistes", "correspondant", "correspondante", "correspondants", "cabinet",
     "entourage", "services"}
)
# participles of relaying set after a speaker ("X, cité par Bloomberg, a déclaré"), folded
RELAY_PARTICIPLES = frozenset(
    {"cite", "citee", "cites", "citees", "interroge", "interrogee", "interroges", "interrogees", "joint",
     "jointe", "contacte", "contactee", "contactes", "contactees", "repris", "reprise", "relaye", "relayee",
     "interviewe", "interviewee", "sollicite", "sollicitee"}
)
# documents that carry someone's words: their author is the source
DOC_NOUNS = frozenset(
    {"communique", "declaration", "rapport", "note", "lettre", "message", "courrier", "texte", "document",
     "mot", "mots", "propos", "parole", "paroles", "information", "informations",
     "entretien", "interview", "publication", "compte", "site", "fiche", "donnee", "chiffre", "estimation",
     "statistique", "calcul", "sondage", "etude", "analyse", "bilan", "decompte", "annonce", "discours",
     "tweet", "post", "allocution", "intervention"}
)  # fmt: skip


# bodies that may author a document ("un communiqué de la présidence tchadienne"), folded
BODY_NOUNS = frozenset(
    {"gouvernement", "presidence", "ministere", "executif", "primature", "autorites", "commission",
     "conseil", "agence", "comite", "syndicat", "federation", "union", "parlement", "assemblee",
     "senat", "cabinet", "bureau", "direction", "groupe", "entreprise", "societe", "compagnie",
     "banque", "office", "administration", "departement", "ambassade", "armee", "parti",
     "coalition", "delegation", "mission", "organisation", "institut", "observatoire", "tribunal",
     "cour", "mairie", "prefecture", "secretariat", "chancellerie", "diplomatie"}
)  # fmt: skip


# endings of nouns of origin ("le Vaudois", "la Bretonne", "l'Américain", "le Genevois"), folded
_EPITHET = re.compile(r"(?:ois|oise|ais|aise|ien|ienne|ain|aine|an|ane|on|onne|and|ande|in|ine)$")


# adjectives of a document two parties give out together ("un communiqué conjoint"), folded
_JOINT = frozenset({"conjoint", "conjointe", "commun", "commune"})


class SpeakerResolver:
    """Turn a token range into a speaker dict with a canonical name and id where known."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.pronouns = PronounResolver(ctx, self.resolve)
        self.word_forms: dict[int, set[str]] = {}  # `_word`'s results by token, filled as asked

    def resolve(self, i: int, j: int) -> dict | None:
        """The speaker dict for tokens [i, j): a mention, a pronoun, a gazetteer hit or the
        noun phrase as written (name None)."""
        ctx = self.ctx
        doc = ctx.doc
        tb = ctx.table
        t = ctx.table
        punct, space, low, pos = t.punct, t.space, t.low, t.pos
        while i < j and (punct[i] or space[i]):
            i += 1
        while j > i and (punct[j - 1] or space[j - 1]):
            j -= 1
        # "un porte-parole du département du Commerce, cité par Bloomberg,": who relays the
        # words is set apart; the speaker is before the comma
        relay = next((k for k in range(i + 1, j - 2) if t.text[k] == "," and low[k + 1] in RELAY_PARTICIPLES
                      and low[k + 2] == "par"), None)
        if relay is not None:
            j = relay
        if j <= i:
            return None
        state = state_described(ctx, i, j)
        if state is not None:
            # "l'État américain": a state by its nationality adjective
            actor = ctx.gaz.actor(state)
            if actor is not None:
                start, end = ctx.span_dict(i, j)
                return {"name": actor.name, "id": actor.id, "text": ctx.text[start:end],
                        "start": start, "end": end}
        if j - i > 2 and (j - 1) in ctx.mention_at:
            # "Son homologue américain, John Kerry": the name in apposition at the end says who
            m = ctx.mentions[ctx.mention_at[j - 1]]
            m0 = ctx.token_at(m["start"])
            whole = ctx.token_at(m["end"] - 1) == j - 1
            if m["label"] == "PER" and m0 - 1 > i and t.text[m0 - 1] == "," and whole:
                return self.resolve(m0, j)
        named = apposed_person(ctx, i, j)
        if named is not None and named[1] == j and named[0] > i:
            # "le député de l'Alliance Verts et Gauche Angelo Bonelli": the title's holder,
            # however many bodies its complement names
            return self.resolve(*named)
        # the head word: the first word after the determiners (the tagger sometimes calls a noun
        # such as "offre" a verb, so the part of speech is not required)
        h = next(
            (
                k
                for k in range(i, j)
                if pos[k] not in ("DET", "ADP", "PUNCT", "NUM") and not punct[k] and low[k] not in COURTESY
            ),
            None,
        )
        head = modified_noun(doc[h], i, j) if h is not None else None
        # "un communiqué du ministère", "la déclaration de la Commission": the author speaks
        if head is not None and self._word(head) & (DOC_NOUNS | SPOKES_NOUNS):
            k = head.i + 1
            while k < j and (pos[k] == "ADJ" or low[k] in ("de", "du", "des", "d'", "la", "l'", "le", "les")):
                k += 1
            k = self._published_by(k, j)  # "des informations publiées mercredi par le FT"
            if k < j and (k in ctx.mention_at or is_title(ctx, k, j)):
                return self.resolve(k, j)  # "selon les mots du député X"
            if head.i + 1 < k < j and low[k - 1] in ("du", "de", "la", "l'", "le"):
                # "l'annonce par le cabinet de X": who that noun phrase is; "un communiqué du
                # ministère": the body the definite description points back to
                sub = self.resolve(k - 1, j) if pos[k - 1] == "DET" else None
                if sub is None or not sub.get("name"):
                    author = definite_description(ctx, self.pronouns, k - 1, j)
                    sub = self._as(author, i, j) if author is not None else None
                if sub is not None and sub.get("name"):
                    return sub
                if sub is not None and self._word(doc[k]) & BODY_NOUNS:
                    return sub  # "un communiqué de la présidence tchadienne": that body, unnamed
        if (head is not None and fold(head.lemma_) in AUTHORED_NOUNS
                and any(low[k] in _JOINT for k in range(head.i + 1, min(j, head.i + 3)))):
            # "précise un communiqué conjoint (diffusé par le ministère)": the two parties just
            # named wrote it together
            joint = named_group(ctx, i, j, 2)
            if joint is not None:
                return joint
        if head is not None and low[i] in DEFINITES | {"cet"} and not ctx.has_mention(i, j):
            rest = [low[k] for k in range(head.i + 1, j) if pos[k] != "ADJ"]
            noun = fold(head.lemma_)
            if not rest and noun in AUTHORED_NOUNS:
                # "précise le communiqué": whoever gave out the communiqué named before
                author = document_author(ctx, i, j, noun)
                if author is not None:
                    return self._as(author, i, j)
            if low[j - 2 : j] in (["meme", "source"], ["memes", "sources"]):
                # "D'après la même source": the source just quoted
                author = same_source(ctx, i)
                if author is not None:
                    return self._as(author, i, j)
        if j - i == 2 and (low[i], low[i + 1]) in (("ce", "dernier"), ("cette", "derniere")):
            # "Ce dernier a précisé que …": the person named last, of that gender
            latest = self.pronouns.last_person(t.idx[i], "m" if low[i] == "ce" else "f", sentences=3)
            if latest is not None:
                return self._as(latest, i, j)
        epithet = self._epithet(i, j)
        if epithet is not None:
            return epithet
        # joint speakers: "Kiev et Washington", "la Russie et la Chine"
        parts = self._coordinated(i, j)
        if len(parts) > 1:
            members = [self.resolve(a, b) for a, b in parts]
            members = [m for m in members if m is not None]
            if len(members) > 1:
                start, end = ctx.span_dict(i, j)
                return {
                    "name": " & ".join(m["name"] or m["text"] for m in members),
                    "id": None,
                    "text": ctx.text[start:end],
                    "start": start,
                    "end": end,
                    "speakers": members,
                }
        if j - i >= 3 and low[i] == "les" and low[i + 1] in ("deux", "trois"):
            # "les deux hommes", "les deux capitales": the persons or bodies just named together
            joint = named_group(ctx, i, j, 2 if low[i + 1] == "deux" else 3)
            if joint is not None:
                return joint
        if j - i == 1 and low[i].lstrip("-") == "on":
            # "on souligne que …": an anonymous source, kept with its surface
            start, end = ctx.span_dict(i, j)
            start += 1 if t.text[i].startswith("-") else 0
            host = self._on_host(i)
            name, ident = (host["name"], host["id"]) if host is not None else (None, None)
            return {"name": name, "id": ident, "text": ctx.text[start:end], "start": start, "end": end}
        if j - i == 1 and low[i].lstrip("-") in PRONOUNS:
            gender, plural = PRONOUNS[low[i].lstrip("-")]
            ref = self.pronouns.resolve_pronoun(i, gender, plural)
            start, end = ctx.span_dict(i, j)
            if t.text[i].startswith("-"):
                start += 1
            return {
                "name": ref["name"] if ref else None,
                "id": ref["id"] if ref else None,
                "text": ctx.text[start:end],
                "start": start,
                "end": end,
            }
        if (
            low[i] in INDEFINITES
            and head is not None
            and head.pos_ != "PROPN"
            and head.i not in ctx.mention_at
        ):
            # "un responsable ukrainien", "un économiste de Kiev": an anonymous source, even when
            # a place or body is named inside it
            start, end = ctx.span_dict(i, j)
            return {"name": None, "id": None, "text": ctx.text[start:end], "start": start, "end": end}
        # "le ministre français de l'Economie": a title whose complement names only the
        # institution; the institution is not the speaker
        title = doc[i] if low[i] not in DEFINITES and low[i] not in INDEFINITES else None
        title = head if title is None else title
        person_title = title is not None and self._word(title) & TITLES != set()
        best = None
        for k in range(i, j):
            if k in ctx.mention_at:
                m = ctx.mentions[ctx.mention_at[k]]
                rank = (
                    m["label"] == "PER" and m.get("kind", "name") == "name",
                    m["label"] == "PER",
                    m.get("id") is not None,
                )
                if best is None or rank > best[0]:
                    best = (rank, m)
        if person_title and best is not None and (
            best[1]["label"] != "PER" or self._after_of(ctx.token_at(best[1]["start"]))
        ):
            # "le président de la République": a name after the title's "de" is what the title
            # is of, not who holds it
            best = None
        # "l'offre de l'UE", "la fiche du texte": a thing whose complement names a body; the
        # thing is the subject, not the body
        thing = (
            head is not None
            and head.pos_ != "PROPN"
            and head.i not in ctx.mention_at
            and not self._word(head) & (SOURCE_NOUNS | TITLES | OCCUPATIONS | DOC_NOUNS)
        )
        if best is not None and best[1]["label"] == "PER" and best[1].get("kind", "name") == "name":
            # "la directrice du site, Sophie Bernard": the name in apposition is who speaks
            b = ctx.token_at(best[1]["start"])
            if b > i and tb.text[b - 1] == ",":
                thing = False
        if thing and best is not None and ctx.token_at(best[1]["start"]) > head.i and self._complement(
            head.i, ctx.token_at(best[1]["start"])
        ):
            start, end = ctx.span_dict(i, j)
            return {"name": None, "id": None, "text": ctx.text[start:end], "start": start, "end": end}
        if best is not None and (
            best[1]["label"] in ("PER", "ORG")
            or best[1].get("kind") == "metonymy"
            or best[1].get("refers_to")
            or ctx.gaz.metonymy(best[1]["text"]) is not None
        ):
            return speaker_from_mention(ctx.gaz, best[1])
        start, end = ctx.span_dict(i, j)
        surface = ctx.text[start:end]
        first = low[i]
        actor = ctx.gaz.role(surface, on=ctx.day) or ctx.gaz.lookup(surface) or ctx.gaz.metonymy(surface)
        if actor is not None:
            return {"name": actor.name, "id": actor.id, "text": surface, "start": start, "end": end}
        if best is not None:  # a place as a source ("selon Pékin")
            return speaker_from_mention(ctx.gaz, best[1])
        if fold(surface) in DEMONSTRATIVE_SOURCES:
            return {"name": None, "id": None, "text": surface, "start": start, "end": end}
        if not any(pos[k] in ("NOUN", "PROPN") for k in range(i, j)):
            return None
        side = side_adjective(ctx, i) if first in DEFINITES else None
        if side is not None:
            # "Du côté ukrainien, le gouvernement a salué …": the government of that side
            actor = ctx.gaz.lookup(f"{surface} {side}") or ctx.gaz.role(f"{surface} {side}", on=ctx.day)
            if actor is not None:
                return {"name": actor.name, "id": actor.id, "text": surface, "start": start, "end": end}
        anaphor = (definite_description(ctx, self.pronouns, i, j) if first in DEFINITES
                   else definite_description(ctx, self.pronouns, i, j, possessive=True)
                   if first in POSSESSIVES else None)
        if anaphor is not None:
            return {"name": anaphor["name"], "id": anaphor["id"], "text": surface, "start": start, "end": end}
        return {"name": None, "id": None, "text": surface, "start": start, "end": end}

    def _epithet(self, i: int, j: int) -> dict | None:
        """"a déclaré le Vaudois", "selon l'Américaine": a person named by where they come from,
        capitalised as a noun, stands for the person just named, as a pronoun would."""
        ctx = self.ctx
        low, text = ctx.table.low, ctx.table.text
        if j - i != 2 or low[i] not in ("le", "la", "l'", "l’") or not text[i + 1][:1].isupper():
            return None
        word = low[i + 1]
        if not _EPITHET.search(word) or ctx.gaz.lookup(text[i + 1]) is not None:
            return None
        gender = "f" if low[i] == "la" or (low[i] != "le" and word.endswith("e")) else "m"
        ref = self.pronouns.resolve_pronoun(i, gender, False)
        if ref is None or not ref.get("name") or not self.pronouns.is_person(ref):
            return None
        return self._as(ref, i, j)

    def _as(self, speaker: dict, i: int, j: int) -> dict:
        """`speaker` (a speaker dict found elsewhere) written at tokens [i, j)."""
        start, end = self.ctx.span_dict(i, j)
        out = {"name": speaker.get("name"), "id": speaker.get("id"), "text": self.ctx.text[start:end],
               "start": start, "end": end}  # fmt: skip
        if speaker.get("speakers"):
            out["speakers"] = speaker["speakers"]
        return out

    def _on_host(self, i: int) -> dict | None:
        """Who "on" stands for when the sentence opens on a place of speech: "Chez Eramet, on
        insiste …", "Du côté de Bruxelles, on estime …", "À la Commission, on assure …"."""
        ctx = self.ctx
        tb = ctx.table
        k = ctx.sentence_opening(i)
        after = self._on_host_after(i)
        if after is not None:
            return after
        words = tb.low[k : min(i, k + 3)]
        if words[:1] == ["chez"] or words[:1] == ["cote"]:
            k += 1
        elif words[:3] == ["du", "cote", "de"] or words[:3] == ["du", "cote", "du"]:
            k += 3 if words[2] == "de" else 2
        elif words[:2] == ["du", "cote"]:
            k += 2
        elif words[:1] in (["a"], ["au"]):
            k += 1
        else:
            return None
        comma = next((c for c in range(k, i) if tb.text[c] == ","), None)
        if comma is None or comma != i - 1 or not ctx.has_mention(k, comma):
            return None
        host = self.resolve(k, comma)
        return host if host is not None and host.get("name") else None

    def _on_host_after(self, i: int) -> dict | None:
        """Who an inverted "on" stands for when the place of speech follows it: "explique-t-on
        chez Eramet", "souligne-t-on du côté de la Commission", "affirme-t-on au ministère"."""
        ctx = self.ctx
        tb = ctx.table
        end = ctx.sents[ctx.sent_of(i)].end
        k = i + 1
        words = tb.low[k : min(end, k + 3)]
        if words[:1] == ["chez"] or words[:1] == ["au"]:
            k += 1  # "explique-t-on chez Eramet", "affirme-t-on au ministère de l'Intérieur"
        elif words[:2] == ["du", "cote"] and len(words) == 3 and words[2] in ("de", "d'", "du"):
            k += 3 if words[2] != "du" else 2
        elif words[:2] in (["a", "la"], ["a", "l'"]):
            k += 1  # "à la Commission": the determiner goes with the host
        else:
            return None
        stop = k
        while stop < end and not tb.punct[stop] and tb.pos[stop] not in ("VERB", "AUX"):
            stop += 1
        if stop == k or not ctx.has_mention(k, stop):
            return None
        host = self.resolve(k, stop)
        return host if host is not None and host.get("name") else None

    def _published_by(self, k: int, j: int) -> int:
        """Token after "par" when a participle at `k` names who gave out the document
        ("publié mercredi par X", "communiqué par X"), else `k`."""
        tb = self.ctx.table
        if k + 1 < j and tb.low[k] == "par":
            # "l'annonce par le cabinet de X"
            return k + 2 if tb.pos[k + 1] == "DET" and k + 2 < j else k + 1
        if k >= j or tb.pos[k] not in ("VERB", "ADJ") or "Part" not in tb.feats(k, "VerbForm"):
            return k
        n = k + 1
        while n < min(j, k + 4) and tb.low[n] != "par":
            n = max(skip_adjunct(tb.low, n, j), n + 1) if tb.low[n] in ADJUNCTS else j
        if n + 1 >= j or tb.low[n] != "par":
            return k
        n += 1
        while n + 1 < j and tb.pos[n] == "DET":
            n += 1
        return n

    def _after_of(self, b: int) -> bool:
        """True when "de" (with its article) comes right before token `b` ("de la République")."""
        tb = self.ctx.table
        k = b - 1
        if k >= 0 and tb.pos[k] == "DET" and tb.low[k] not in ("du", "des"):
            k -= 1
        return k >= 0 and tb.low[k] in ("de", "du", "des", "d'")

    def _complement(self, a: int, b: int) -> bool:
        """True when a preposition links the head at token `a` to the mention at token `b` ("l'offre
        de l'UE"), False for an apposition ("le chimiste allemand BASF": the name is the head's
        identity)."""
        ctx = self.ctx
        return any(t.pos_ == "ADP" or fold(t.text) in ("de", "du", "des", "d'") for t in ctx.doc[a + 1 : b])

    def is_source(self, speaker: dict, i: int, j: int) -> bool:
        """True when a resolved subject can be a speaker: a person, organization or place used
        as an actor, a pronoun, "on", or a noun phrase headed by a human or institutional noun
        ("le ministère", "des diplomates"), not a document ("la version finale", "le texte")."""
        ctx = self.ctx
        if speaker.get("id") or speaker.get("speakers") or speaker.get("name"):
            return True
        doc = ctx.doc
        if any(fold(t.text).lstrip("-") in PRONOUNS or fold(t.text).lstrip("-") == "on" for t in doc[i:j]):
            return True
        # an unresolved noun phrase speaks only through its head word ("un haut responsable",
        # "les autorités"), never through a body named in its complement ("l'offre de l'Union")
        head = next(
            (
                t
                for t in doc[i:j]
                if t.pos_ not in ("DET", "ADP", "PUNCT", "NUM", "ADJ")
                and not t.is_punct
                and fold(t.text) not in COURTESY
            ),
            None,
        )
        head = modified_noun(head, i, j) if head is not None else None
        if head is not None and self._word(head) & QUANTITY_NOUNS:
            # "un certain nombre de groupes rebelles": the noun after "de" is who speaks
            head = next((t for t in doc[head.i + 1 : j] if t.pos_ in ("NOUN", "PROPN")), None)
        if head is None:
            return False
        if head.i in ctx.mention_at:
            return ctx.mentions[ctx.mention_at[head.i]]["label"] in ("PER", "ORG")
        if head.pos_ == "PROPN" and head.text[:1].isupper() and head.i == i:
            return True  # a name the model did not tag ("OpenAI a annoncé …")
        return bool(self._word(head) & (SOURCE_NOUNS | TITLES | OCCUPATIONS))

    def _word(self, tok: Token) -> set[str]:
        """Folded forms of the word at `tok`: its lemma, its text, and the whole hyphenated
        compound it starts ("porte-parole" split by the tokenizer). Built once per token (the
        callers combine it with `&` only, never change it)."""
        ctx = self.ctx
        cache = self.word_forms
        words = cache.get(tok.i)
        if words is None:
            t = ctx.table
            start = end = t.idx[tok.i]
            while end < len(ctx.text) and not ctx.text[end].isspace() and ctx.text[end] not in ",.;:":
                end += 1
            words = cache[tok.i] = {t.lemma_low[tok.i], t.low[tok.i], fold(ctx.text[start:end])}
        return words

    def _coordinated(self, i: int, j: int) -> list[tuple[int, int]]:
        """The parts of tokens [i, j) cut at "et", when each part holds a mention; else [(i, j)]."""
        ctx = self.ctx
        low = ctx.table.low
        # an "et" inside one mention ("ministère de l'Économie et des Finances") cuts nothing
        inside = ctx.mention_at
        cuts = [k for k in range(i, j) if low[k] in ("et", "and")
                and not (k - 1 in inside and k + 1 in inside and inside[k - 1] == inside[k + 1])]
        if not cuts:
            return [(i, j)]
        # "Paris, Londres et Berlin": the commas before the last "et" cut too, when every part
        # is a bare name (not "le ministre de l'Economie, Jean Castel, et …")
        commas = [k for k in range(i, cuts[-1]) if ctx.table.text[k] == ","]
        listed = _cut(i, j, sorted([*cuts, *commas])) if commas else []
        if listed and all(self._bare_mention(a, b) for a, b in listed):
            return listed
        parts = _cut(i, j, cuts)
        # only a coordination of sources (each part holds a mention), not a single name with
        # "et" inside ("le ministre de l'Économie et des Finances"); a part that opens on a
        # preposition goes on a title's complement ("ministre des Mines et de l'Environnement")
        if all(ctx.has_mention(a, b) for a, b in parts) and not any(
                ctx.table.pos[a] == "ADP" for a, _b in parts[1:]):
            return parts
        return [(i, j)]

    def _bare_mention(self, a: int, b: int) -> bool:
        """True when tokens [a, b) are one mention, with a determiner before it at most."""
        ctx = self.ctx
        while a < b and (ctx.table.pos[a] == "DET" or ctx.table.space[a]):
            a += 1
        m = ctx.mentions[ctx.mention_at[a]] if a in ctx.mention_at else None
        return m is not None and ctx.token_at(m["start"]) == a and ctx.token_at(m["end"] - 1) + 1 == b


def _cut(i: int, j: int, cuts: list[int]) -> list[tuple[int, int]]:
    """The non-empty parts of tokens [i, j) between the cut tokens."""
    parts, a = [], i
    for k in cuts:
        parts.append((a, k))
        a = k + 1
    parts.append((a, j))
    return [(a, b) for a, b in parts if b > a]
