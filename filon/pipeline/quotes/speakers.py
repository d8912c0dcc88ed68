"""Speaker resolution for `filon_quotes`: mentions, pronouns, roles, metonymies, joint speakers.

`SpeakerResolver` is mixed into the per-document worker of `filon.pipeline.quotes.component`, which
provides `doc`, `text`, `gaz`, `day`, `skip`, `sents`, `mentions`, `mention_at`,
`speaker_events` and the offset helpers `token_at`, `sent_of`, `span_dict`.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from itertools import pairwise
from typing import Any

from spacy.tokens import Doc, Span, Token

from filon.domains.folding import fold
from filon.domains.gazetteer import Gazetteer
from filon.pipeline.extensions import in_spans
from filon.pipeline.quotes.cues import OCCUPATIONS, PRONOUNS, SOURCE_NOUNS, TITLES
from filon.pipeline.tokens import TokenTable

INDEFINITES = frozenset(
    {"un", "une", "des", "plusieurs", "certains", "certaines", "deux", "trois", "d'autres"}
)
DEFINITES = frozenset({"le", "la", "l'", "ce", "cette"})
# courtesy titles before a name ("M. Zelensky"): never the head of the noun phrase
COURTESY = frozenset(
    {"m.", "mme", "mme.", "mlle", "monsieur", "madame", "dr", "dr.", "me", "mr", "mr.", "mrs", "ms"}
)
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
# who speaks for a body rather than in their own name ("un porte-parole de la Commission")
SPOKES_NOUNS = frozenset(
    {"porte-parole", "representant", "representante", "spokesperson", "spokesman", "spokeswoman"}
)
# documents that carry someone's words: their author is the source
DOC_NOUNS = frozenset(
    {"communique", "declaration", "rapport", "note", "lettre", "message", "courrier", "texte", "document",
     "entretien", "interview", "publication", "compte", "site", "fiche", "donnee", "chiffre", "estimation",
     "statistique", "calcul", "sondage", "etude", "analyse", "bilan", "decompte"}
)  # fmt: skip


# How far back (sentences) a gendered pronoun looks for a person of its gender before it
# settles for a body: an interviewee is introduced once, at the top of the article.
_PERSON_REACH = 60
# Gender told by the determiner of an anonymous source ("une responsable", "un diplomate").
_DETERMINER_GENDER = {"un": "m", "le": "m", "ce": "m", "cet": "m", "une": "f", "la": "f", "cette": "f"}

class SpeakerResolver:
    """Turn a token range into a speaker dict with a canonical name and id where known."""

    doc: Doc
    text: str
    gaz: Gazetteer
    day: date | None
    skip: list[dict]
    sents: list[Span]
    mentions: list[dict]
    mention_at: dict[int, int]
    speaker_events: list[tuple[int, dict]]
    quote_ranges: list[tuple[int, int]]  # (open_start, close_end) of top-level quotes, sorted
    quote_starts: list[int]
    table: TokenTable  # the doc's token attributes as plain lists
    word_forms: dict[int, set[str]]  # `_word`'s results by token, filled as they are asked for
    mention_starts: list[int]  # start offsets of `mentions`, in order, for bisection
    gendered_by_id: dict[str, dict] | None  # `_gendered_mention`'s index, built on first use

    def token_at(self, char: int) -> int:  # provided by the worker
        raise NotImplementedError

    def sent_of(self, i: int) -> int:  # provided by the worker
        raise NotImplementedError

    def span_dict(self, i: int, j: int) -> tuple[int, int]:  # provided by the worker
        raise NotImplementedError

    def _mentions(self) -> list[dict]:
        given = self.doc._.filon_entities
        if given is not None:
            items = [dict(m) for m in given if m.get("label") in ("PER", "ORG", "LOC", "MISC")]
        else:
            items = self._fallback_mentions()
        items = [m for m in items if not in_spans(m["start"], m["end"], self.skip)]
        items.sort(key=lambda m: (m["start"], -m["end"]))
        return items

    def _fallback_mentions(self) -> list[dict]:
        """Mentions from the model's NER and the gazetteer when `filon_entities` did not run."""
        out = []
        for ent in self.doc.ents:
            label = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}.get(ent.label_)
            if label is None:
                continue
            actor = self.gaz.lookup(ent.text)
            kind = "name"
            meto = self.gaz.metonymy(ent.text) if label == "LOC" else None
            if meto is not None:
                actor, kind, label = meto, "metonymy", "ORG"
            out.append(self._mention(ent.text, ent.start_char, ent.end_char, label, actor, kind))
        # roles ("le président russe") as written, dated by the article
        lowered = self.text.casefold()
        for phrase in self.gaz.role_phrases():
            start = lowered.find(phrase.casefold())
            while start >= 0:
                end = start + len(phrase)
                actor = self.gaz.role(phrase, on=self.day)
                if actor is not None and not any(m["start"] <= start < m["end"] for m in out):
                    out.append(self._mention(self.text[start:end], start, end, "PER", actor, "role"))
                start = lowered.find(phrase.casefold(), end)
        return out

    @staticmethod
    def _mention(text: str, start: int, end: int, label: str, actor: Any, kind: str) -> dict:
        return {
            "text": text, "start": start, "end": end, "label": label, "kind": kind,
            "id": actor.id if actor else None,
            "name": (actor.name if actor else text),
            "gender": actor.gender if actor else None,
        }  # fmt: skip

    def _has_mention(self, i: int, j: int) -> bool:
        return any(k in self.mention_at for k in range(i, j))

    def resolve(self, i: int, j: int) -> dict | None:
        """The speaker dict for tokens [i, j): a mention, a pronoun, a gazetteer hit or the
        noun phrase as written (name None)."""
        doc = self.doc
        tb = self.table
        t = self.table
        punct, space, low, pos = t.punct, t.space, t.low, t.pos
        while i < j and (punct[i] or space[i]):
            i += 1
        while j > i and (punct[j - 1] or space[j - 1]):
            j -= 1
        if j <= i:
            return None
        # joint speakers: "Kiev et Washington", "la Russie et la Chine"
        parts = self._coordinated(i, j)
        if len(parts) > 1:
            members = [self.resolve(a, b) for a, b in parts]
            members = [m for m in members if m is not None]
            if len(members) > 1:
                start, end = self.span_dict(i, j)
                return {
                    "name": " & ".join(m["name"] or m["text"] for m in members),
                    "id": None,
                    "text": self.text[start:end],
                    "start": start,
                    "end": end,
                    "speakers": members,
                }
        if j - i >= 3 and low[i] == "les" and low[i + 1] in ("deux", "trois"):
            # "les deux hommes", "les deux capitales": the persons or bodies just named together
            joint = self._named_group(i, j, 2 if low[i + 1] == "deux" else 3)
            if joint is not None:
                return joint
        if j - i == 1 and low[i].lstrip("-") == "on":
            # "on souligne que …": an anonymous source, kept with its surface
            start, end = self.span_dict(i, j)
            start += 1 if t.text[i].startswith("-") else 0
            host = self._on_host(i)
            name, ident = (host["name"], host["id"]) if host is not None else (None, None)
            return {"name": name, "id": ident, "text": self.text[start:end], "start": start, "end": end}
        if j - i == 1 and low[i].lstrip("-") in PRONOUNS:
            gender, plural = PRONOUNS[low[i].lstrip("-")]
            ref = self.resolve_pronoun(i, gender, plural)
            start, end = self.span_dict(i, j)
            if t.text[i].startswith("-"):
                start += 1
            return {
                "name": ref["name"] if ref else None,
                "id": ref["id"] if ref else None,
                "text": self.text[start:end],
                "start": start,
                "end": end,
            }
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
        head = doc[h] if h is not None else None
        # "un communiqué du ministère", "la déclaration de la Commission": the author speaks
        if head is not None and self._word(head) & (DOC_NOUNS | SPOKES_NOUNS):
            k = head.i + 1
            while k < j and (pos[k] == "ADJ" or low[k] in ("de", "du", "des", "d'", "la", "l'", "le", "les")):
                k += 1
            if k < j and k in self.mention_at:
                return self.resolve(k, j)
        if (
            low[i] in INDEFINITES
            and head is not None
            and head.pos_ != "PROPN"
            and head.i not in self.mention_at
        ):
            # "un responsable ukrainien", "un économiste de Kiev": an anonymous source, even when
            # a place or body is named inside it
            start, end = self.span_dict(i, j)
            return {"name": None, "id": None, "text": self.text[start:end], "start": start, "end": end}
        # "le ministre français de l'Economie": a title whose complement names only the
        # institution; the institution is not the speaker
        title = doc[i] if low[i] not in DEFINITES and low[i] not in INDEFINITES else None
        title = head if title is None else title
        person_title = title is not None and self._word(title) & TITLES != set()
        best = None
        for k in range(i, j):
            if k in self.mention_at:
                m = self.mentions[self.mention_at[k]]
                rank = (
                    m["label"] == "PER" and m.get("kind", "name") == "name",
                    m["label"] == "PER",
                    m.get("id") is not None,
                )
                if best is None or rank > best[0]:
                    best = (rank, m)
        if person_title and best is not None and best[1]["label"] != "PER":
            best = None
        # "l'offre de l'UE", "la fiche du texte": a thing whose complement names a body; the
        # thing is the subject, not the body
        thing = (
            head is not None
            and head.pos_ != "PROPN"
            and head.i not in self.mention_at
            and not self._word(head) & (SOURCE_NOUNS | TITLES | OCCUPATIONS | DOC_NOUNS)
        )
        if best is not None and best[1]["label"] == "PER" and best[1].get("kind", "name") == "name":
            # "la directrice du site, Sophie Bernard": the name in apposition is who speaks
            b = self.token_at(best[1]["start"])
            if b > i and tb.text[b - 1] == ",":
                thing = False
        if thing and best is not None and self.token_at(best[1]["start"]) > head.i and self._complement(
            head.i, self.token_at(best[1]["start"])
        ):
            start, end = self.span_dict(i, j)
            return {"name": None, "id": None, "text": self.text[start:end], "start": start, "end": end}
        if best is not None and (
            best[1]["label"] in ("PER", "ORG")
            or best[1].get("kind") == "metonymy"
            or best[1].get("refers_to")
            or self.gaz.metonymy(best[1]["text"]) is not None
        ):
            return self._speaker_from_mention(best[1])
        start, end = self.span_dict(i, j)
        surface = self.text[start:end]
        first = low[i]
        actor = self.gaz.role(surface, on=self.day) or self.gaz.lookup(surface) or self.gaz.metonymy(surface)
        if actor is not None:
            return {"name": actor.name, "id": actor.id, "text": surface, "start": start, "end": end}
        if best is not None:  # a place as a source ("selon Pékin")
            return self._speaker_from_mention(best[1])
        if not any(pos[k] in ("NOUN", "PROPN") for k in range(i, j)):
            return None
        side = self._side_adjective(i) if first in DEFINITES else None
        if side is not None:
            # "Du côté ukrainien, le gouvernement a salué …": the government of that side
            actor = self.gaz.lookup(f"{surface} {side}") or self.gaz.role(f"{surface} {side}", on=self.day)
            if actor is not None:
                return {"name": actor.name, "id": actor.id, "text": surface, "start": start, "end": end}
        anaphor = self._definite_description(i, j) if first in DEFINITES else None
        if anaphor is not None:
            return {"name": anaphor["name"], "id": anaphor["id"], "text": surface, "start": start, "end": end}
        return {"name": None, "id": None, "text": surface, "start": start, "end": end}

    def _sentence_opening(self, i: int) -> int:
        """The first token of token `i`'s sentence that is not whitespace (at most `i`)."""
        k = self.sents[self.sent_of(i)].start
        while k < i and self.table.space[k]:
            k += 1
        return k

    def _on_host(self, i: int) -> dict | None:
        """Who "on" stands for when the sentence opens on a place of speech: "Chez Eramet, on
        insiste …", "Du côté de Bruxelles, on estime …", "À la Commission, on assure …"."""
        tb = self.table
        k = self._sentence_opening(i)
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
        if comma is None or comma != i - 1 or not self._has_mention(k, comma):
            return None
        host = self.resolve(k, comma)
        return host if host is not None and host.get("name") else None

    def _on_host_after(self, i: int) -> dict | None:
        """Who an inverted "on" stands for when the place of speech follows it: "explique-t-on
        chez Eramet", "souligne-t-on du côté de la Commission"."""
        tb = self.table
        end = self.sents[self.sent_of(i)].end
        k = i + 1
        words = tb.low[k : min(end, k + 3)]
        if words[:1] == ["chez"]:
            k += 1
        elif words[:2] == ["du", "cote"] and len(words) == 3 and words[2] in ("de", "d'", "du"):
            k += 3 if words[2] != "du" else 2
        else:
            return None
        stop = k
        while stop < end and not tb.punct[stop] and tb.pos[stop] not in ("VERB", "AUX"):
            stop += 1
        if stop == k or not self._has_mention(k, stop):
            return None
        host = self.resolve(k, stop)
        return host if host is not None and host.get("name") else None

    def _named_group(self, i: int, j: int, n: int) -> dict | None:
        """Joint speaker for "les deux hommes" / "les deux capitales" at tokens [i, j): the `n`
        latest distinct persons (for a noun of persons) or bodies and places (else) named in the
        sentence before it or the two sentences before, outside quotations."""
        tb = self.table
        people = tb.lemma_low[i + 2] in PERSON_GROUP_NOUNS or tb.low[i + 2] in PERSON_GROUP_NOUNS
        lo = self.sents[max(0, self.sent_of(i) - 2)].start_char
        pos = tb.idx[i]
        members: list[dict] = []
        seen: set[str] = set()
        for m in reversed(self.mentions):
            if m["end"] > pos:
                continue
            if m["start"] < lo or len(members) == n:
                break
            if self.in_quote(m["start"]):
                continue
            if people != (m["label"] == "PER"):
                continue
            if not people and m["label"] not in ("ORG", "LOC"):
                continue
            sp = self._speaker_from_mention(m)
            key = sp.get("id") or fold(sp.get("name") or sp["text"])
            if key in seen:
                continue
            seen.add(key)
            members.append(sp)
        if len(members) != n:
            return None
        members.reverse()
        start, end = self.span_dict(i, j)
        return {"name": " & ".join(m["name"] or m["text"] for m in members), "id": None,
                "text": self.text[start:end], "start": start, "end": end, "speakers": members}  # fmt: skip

    def _side_adjective(self, i: int) -> str | None:
        """The nationality adjective of a sentence opening "Du côté ukrainien," or "Côté russe,"
        when token `i` follows it directly, else None."""
        doc = self.doc
        tb = self.table
        k = self._sentence_opening(i)
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

    def _complement(self, a: int, b: int) -> bool:
        """True when a preposition links the head at token `a` to the mention at token `b` ("l'offre
        de l'UE"), False for an apposition ("le chimiste allemand BASF": the name is the head's
        identity)."""
        return any(t.pos_ == "ADP" or fold(t.text) in ("de", "du", "des", "d'") for t in self.doc[a + 1 : b])

    def _definite_description(self, i: int, j: int) -> dict | None:
        """What "le ministre", "la ministre", "le ministère", "le milliardaire" refers back to:
        the latest mention (three sentences back at most) whose surface holds the same head
        noun, else, for a title of a person, the latest person of the same gender."""
        doc = self.doc
        tb = self.table
        head = next((t for t in doc[i:j] if t.pos_ == "NOUN"), None)
        if head is None:
            return None
        noun = fold(head.lemma_)
        pos = tb.idx[i]
        lo = self.sents[max(0, self.sent_of(i) - 3)].start_char
        gender = (
            "f"
            if tb.low[i] in ("la", "cette")
            else ("m" if tb.low[i] in ("le", "ce") else None)
        )
        occupation = noun in OCCUPATIONS
        person_title = noun in TITLES or occupation
        fallback = None
        for m in reversed(self.mentions):
            if m["end"] > pos:
                continue
            if m["start"] < lo:
                break
            if self.in_quote(m["start"]) or m["label"] not in ("PER", "ORG"):
                continue
            if noun in fold(m["text"]).replace("-", " ").split() or noun in fold(m["text"]):
                return self._speaker_from_mention(m)
            if fallback is None and person_title and m["label"] == "PER":
                g = self._gender(m)
                if gender is None or g is None or g == gender:
                    fallback = m
            if fallback is None and noun in COMPANY_NOUNS and self._is_company(m):
                fallback = m  # "le groupe minier", "l'entreprise": the latest company named
        if fallback is not None:
            return self._speaker_from_mention(fallback)
        if noun in COMPANY_NOUNS:
            # an analysis piece names the firm once, then says "le groupe" paragraphs later
            far = self.sents[max(0, self.sent_of(i) - 12)].start_char
            for m in reversed(self.mentions):
                if m["start"] < far:
                    break
                if m["end"] <= lo and not self.in_quote(m["start"]) and self._is_company(m):
                    return self._speaker_from_mention(m)
            return None
        if not person_title:
            return None
        # "Selon la ministre ukrainienne" several paragraphs after "la ministre ukrainienne de
        # l'Economie, X": a title named once keeps pointing at its holder further on
        far = self.sents[max(0, self.sent_of(i) - 12)].start_char
        for m in reversed(self.mentions):
            if m["end"] > lo:
                continue
            if m["start"] < far:
                break
            if m["label"] != "PER" or self.in_quote(m["start"]) or not m.get("name"):
                continue
            if noun in fold(m["text"]).replace("-", " ").split():
                g = self._gender(m)
                if gender is None or g is None or g == gender:
                    return self._speaker_from_mention(m)
        if occupation and gender is not None:
            # "explique la chercheuse" paragraphs after "Hélène Dupont, chercheuse au CNRS"
            return self.last_person(pos, gender, sentences=12)
        return None

    def _is_company(self, m: dict) -> bool:
        """A mention of a firm: a gazetteer company, or an organisation the gazetteer does not
        know (states, ministries and other public bodies are in the gazetteer)."""
        if m["label"] != "ORG" or m.get("kind") == "metonymy" or m.get("refers_to"):
            return False
        actor = self.gaz.actor(m.get("id"))
        return actor is None or actor.type == "company"

    def is_source(self, speaker: dict, i: int, j: int) -> bool:
        """True when a resolved subject can be a speaker: a person, organization or place used
        as an actor, a pronoun, "on", or a noun phrase headed by a human or institutional noun
        ("le ministère", "des diplomates"), not a document ("la version finale", "le texte")."""
        if speaker.get("id") or speaker.get("speakers") or speaker.get("name"):
            return True
        doc = self.doc
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
        if head is None:
            return False
        if head.i in self.mention_at:
            return self.mentions[self.mention_at[head.i]]["label"] in ("PER", "ORG")
        return bool(self._word(head) & (SOURCE_NOUNS | TITLES | OCCUPATIONS))

    def _word(self, tok: Token) -> set[str]:
        """Folded forms of the word at `tok`: its lemma, its text, and the whole hyphenated
        compound it starts ("porte-parole" split by the tokenizer). Built once per token (the
        callers combine it with `&` only, never change it)."""
        cache = self.word_forms
        words = cache.get(tok.i)
        if words is None:
            t = self.table
            start = end = t.idx[tok.i]
            while end < len(self.text) and not self.text[end].isspace() and self.text[end] not in ",.;:":
                end += 1
            words = cache[tok.i] = {t.lemma_low[tok.i], t.low[tok.i], fold(self.text[start:end])}
        return words

    def _coordinated(self, i: int, j: int) -> list[tuple[int, int]]:
        low = self.table.low
        cuts = [k for k in range(i, j) if low[k] in ("et", "and")]
        if not cuts:
            return [(i, j)]
        parts, a = [], i
        for k in cuts:
            parts.append((a, k))
            a = k + 1
        parts.append((a, j))
        parts = [(a, b) for a, b in parts if b > a]
        # only a coordination of sources (each part holds a mention), not a single name with
        # "et" inside ("le ministre de l'Économie et des Finances")
        if all(self._has_mention(a, b) for a, b in parts):
            return parts
        return [(i, j)]

    def _speaker_from_mention(self, m: dict) -> dict:
        """Speaker dict of a mention; a place that speaks is the body it stands for."""
        name, ident = m.get("name") or m.get("text"), m.get("id")
        target = m.get("refers_to")
        if not target and m.get("label") == "LOC":
            actor = self.gaz.metonymy(m["text"])
            target = {"id": actor.id, "name": actor.name} if actor is not None else None
        if target:
            name, ident = target.get("name") or name, target.get("id") or ident
        return {
            "name": name,
            "id": ident,
            "text": m["text"],
            "start": m["start"],
            "end": m["end"],
        }

    def _gender(self, m: dict) -> str | None:
        if m.get("gender") in ("m", "f"):
            return m["gender"]
        actor = self.gaz.actor(m.get("id"))
        if actor is not None and actor.gender:
            return actor.gender
        i = self.token_at(m["start"])
        # a title or a determined role right before the name: "Mme X", "la ministre X"
        for k in range(i - 1, max(-1, i - 4), -1):
            low = self.table.low[k]
            if low in ("mme", "madame"):
                return "f"
            if low in ("m.", "monsieur"):
                return "m"
            if low in ("la", "une", "cette"):
                return "f"
            if low in ("le", "un", "ce", "du", "au"):
                return "m"
            if self.table.punct[k]:
                break
        g = self.table.feats(i, "Gender")
        if m.get("label") == "PER" and m.get("kind", "name") != "name":
            return {"Masc": "m", "Fem": "f"}.get(g[0]) if g else None
        if m.get("label") == "PER":
            return {"Masc": "m", "Fem": "f"}.get(g[0]) if g else None
        return None

    def resolve_pronoun(self, i: int, gender: str | None, plural: bool) -> dict | None:
        """Nearest compatible antecedent of the pronoun at token `i`.

        Candidates come from the pronoun's sentence and the two before it: earlier speakers,
        then subjects, then other person or organization mentions (never a name inside a
        quotation). A singular "il"/"elle" prefers a person: in news copy persons speak far more
        often than bodies, and "Dans un entretien à Fox News, il a dit" must not pick the channel.
        """
        pos = self.table.idx[i]
        s = self.sent_of(i)
        keys = [e[0] for e in self.speaker_events]
        first = bisect_right(self.mention_starts, pos)
        # an inverted clitic ("a-t-elle indiqué") follows what was said
        inverted = self.table.text[i].startswith("-") and i > 0
        ranked: list[tuple[int, int, int, int, dict]] = []
        for back in range(0, 3):
            if s - back < 0:
                break
            sent = self.sents[s - back]
            lo, hi = sent.start_char, min(sent.end_char, pos)
            for k in range(bisect_right(keys, lo - 1), bisect_right(keys, hi - 1)):
                sp = self.speaker_events[k][1]
                ranked.append((self._not_person(sp), back, 0, -self.speaker_events[k][0], sp))
            # "…, a-t-elle indiqué": names in what she said before the cue do not speak; a name
            # before a colon that opens the quote still may ("X a réagi : « … », a-t-il dit")
            said_from = max(self.text.rfind(":", lo, hi), self.text.rfind(";", lo, hi))
            for k in range(first - 1, -1, -1):
                m = self.mentions[k]
                if back == 0 and inverted and m["start"] > said_from:
                    continue
                if m["start"] < lo:
                    break
                if m["end"] > pos:
                    continue
                if m["label"] not in ("PER", "ORG") and m.get("kind") != "metonymy":
                    continue
                if self.in_quote(m["start"]):
                    continue  # a name inside a quotation is talked about, it does not speak
                dep, head = self.table.dep, self.table.head
                subj = any(
                    dep[k].startswith("nsubj")
                    or (dep[k] in ("appos", "flat:name") and dep[head[k]].startswith("nsubj"))
                    for k in range(self.token_at(m["start"]), self.token_at(m["end"] - 1) + 1)
                )
                cand = self._speaker_from_mention(m) | {"_m": m}
                ranked.append((int(m["label"] != "PER"), back, 1 if subj else 2, -m["start"], cand))
            if plural:
                ranked.extend((0, back, r[0], r[1], r[2]) for r in self._joint_candidates(lo, hi))
        if plural or gender is None:
            ranked.sort(key=lambda r: (r[1], r[2], r[3]))
        else:
            ranked.sort(key=lambda r: (r[0], r[1], r[2], r[3]))
        for *_, cand in ranked:
            if self._compatible(cand, gender, plural):
                if not plural and gender is not None and self._not_person(cand):
                    # "répond-elle" with only a body nearby ("l'Union européenne", a ministry):
                    # a person of that very gender named earlier in the article speaks instead
                    person = self.last_person(pos, gender, sentences=_PERSON_REACH, strict=True)
                    if person is not None:
                        return person
                # an anonymous earlier speaker ("un économiste …. D'après lui, …") is a valid
                # antecedent: the pronoun then stays unresolved rather than jump to a name
                return {k: v for k, v in cand.items() if k != "_m"}
        if plural:
            return None
        # nobody within three sentences (an interview: "répond-elle" after a run of questions
        # and answers): the last person of that gender who spoke, else who was named
        for k in range(bisect_right(keys, pos - 1) - 1, -1, -1):
            sp = self.speaker_events[k][1]
            if sp.get("name") and not self._not_person(sp) and self._compatible(sp, gender, False):
                return sp
        return self.last_person(pos, gender, sentences=_PERSON_REACH)

    def last_person(
        self, pos: int, gender: str | None, sentences: int = 15, strict: bool = False
    ) -> dict | None:
        """The latest person named before character `pos` (outside quotations, at most
        `sentences` sentences back) whose gender is `gender` (or unknown, unless `strict`);
        None if there is none."""
        lo = self.sents[max(0, self.sent_of(self.token_at(pos)) - sentences)].start_char
        first = bisect_right(self.mention_starts, pos)
        for k in range(first - 1, -1, -1):
            m = self.mentions[k]
            if m["start"] < lo:
                break
            if m["end"] > pos or m["label"] != "PER" or m.get("kind", "name") != "name":
                continue
            if self.in_quote(m["start"]):
                continue
            g = self._gender(m)
            if gender is None or g == gender or (g is None and not strict):
                return self._speaker_from_mention(m)
        return None

    def _not_person(self, speaker: dict) -> int:
        """0 when a speaker dict names a person (or an anonymous human source), else 1."""
        if speaker.get("name") is None and not speaker.get("speakers"):
            words = set(fold(speaker.get("text") or "").split())
            return int(not (words & (SOURCE_NOUNS | TITLES | OCCUPATIONS)))
        actor = self.gaz.actor(speaker.get("id"))
        if actor is not None:
            return int(actor.label != "PER")
        m = next((x for x in self.mentions if x["start"] == speaker.get("start")), None)
        return int(m is None or m["label"] != "PER")

    def in_quote(self, char: int) -> bool:
        """True when the character lies inside a top-level quotation."""
        k = bisect_right(self.quote_starts, char) - 1
        return k >= 0 and char < self.quote_ranges[k][1]

    def _joint_candidates(self, lo: int, hi: int) -> list[tuple[int, int, dict]]:
        """Coordinated mentions ("Emmanuel Macron et Friedrich Merz") in [lo, hi) as plural
        antecedents for "ils"/"elles"."""
        out = []
        inside = [m for m in self.mentions if lo <= m["start"] and m["end"] <= hi]
        for a, b in pairwise(inside):
            between = self.text[a["end"] : b["start"]].strip()
            speakers = a["label"] in ("PER", "ORG") and b["label"] in ("PER", "ORG")
            if between in ("et", ",", "and") and speakers:
                i0, i1 = self.token_at(a["start"]), self.token_at(b["end"] - 1) + 1
                joint = self.resolve(i0, i1)
                if joint is not None and joint.get("speakers"):
                    subj = any(self.table.dep[k].startswith("nsubj") for k in range(i0, i1))
                    out.append((1 if subj else 2, -a["start"], joint))
        return out

    def _compatible(self, cand: dict, gender: str | None, plural: bool) -> bool:
        is_plural = bool(cand.get("speakers"))
        if is_plural != plural:
            if plural and not is_plural:
                m = cand.get("_m")
                if m is None or not self._plural_mention(m):
                    return False
            elif not plural:
                return False
        if gender is None or is_plural:
            return True
        if cand.get("name") is None and cand.get("text"):
            # an anonymous source: "on" is no antecedent of il/elle, and the determiner of
            # "un porte-parole" / "une responsable" tells its gender
            words = fold(cand["text"]).split()
            if words[:1] == ["on"] or (len(words) == 1 and words[0].lstrip("-") in PRONOUNS):
                return False  # "on", or a pronoun left unresolved, is no antecedent
            told = _DETERMINER_GENDER.get(words[0]) if words else None
            return told is None or told == gender
        m = cand.get("_m")
        if m is None:
            m = next((x for x in self.mentions if x["start"] == cand.get("start")), None)
        if m is None and cand.get("id"):
            # a pronoun that spoke ("raconte-t-il"): the gender of the person it resolved to
            m = self._gendered_mention(cand["id"])
        if m is None:
            actor = self.gaz.actor(cand.get("id"))
            g = actor.gender if actor is not None else None
        else:
            g = self._gender(m)
        return g is None or g == gender

    def _gendered_mention(self, ident: str) -> dict | None:
        """A mention of identity `ident` whose gender is known (index built once per doc)."""
        if self.gendered_by_id is None:
            index: dict[str, dict] = {}
            for x in self.mentions:
                if x.get("id") and x["id"] not in index and self._gender(x):
                    index[x["id"]] = x
            self.gendered_by_id = index
        return self.gendered_by_id.get(ident)

    def _plural_mention(self, m: dict) -> bool:
        tok = self.doc[self.token_at(m["end"] - 1)]
        return "Plur" in self.table.feats(tok.i, "Number")
