"""`filon_events`: agreements and the acts around them, with parties, status, date and evidence.

The component runs last, after `filon_entities`, `filon_dates` and `filon_quotes`, and reads only
their plain data on `Doc._`. Triggers, status cues, resources and demonyms are data of the domain
pack (`event_triggers.yaml`, `resources.csv`); this module holds the rules that combine them:

1. Trigger matches are kept when their requirements hold in the sentence (a resource, a lemma such
   as "investir", an agreement noun); overlapping matches keep the longest, then the most specific.
2. Each trigger owns a region of its sentence (cut at the last clause separator between two
   triggers), where its parties, actors and resources are read.
3. Polarity and modality come from the dependency parse around the trigger: a negation on the
   predicate or a governing verb ("n'a pas signé"); a modal governor ("pourrait", "doit signer");
   conditional or future mood; a condition or purpose ("si", "pour qu'il signe"). Only an asserted,
   non-negated cue sets `status`; otherwise `status` is None and `detail` says what was said
   (`not_signed`, `expected_signed`, `possible_negotiating`, `hypothetical_signed`), while
   `status_cue` keeps the cue's status. Exceptions, each a reading of where the deal stands
   (see `EventExtractor._status`): a signing on the calendar or expected soon ("doit signer
   vendredi", "pourrait être signé dès vendredi") is "close", never "signed"; cues that state
   the deal's state even when planned (`asserts_state`: "les discussions doivent se poursuivre",
   "prêt à signer", "sa signature pourrait être repoussée") keep their status; a negated planned
   signing in direct speech ("« Nous ne signerons pas … »") is "rejected"; a ratification or
   entry into force still to come for a deal already signed is "signed" (`after_signature`);
   negotiations still to open ("devra être négocié") are "proposed"; a signing only hoped for
   ("espère conclure …") or possible/planned by a term but no fixed day ("pourrait signer …
   avant la fin de l'année", "d'ici l'été") is "negotiating" (talks under way, text not yet
   agreed; a day or "bientôt" makes it "close"); a signing not yet made ("n'a pas encore été
   signé") is "negotiating" with `negated` True and detail `not_yet_signed`, while a plain
   "n'a pas signé" keeps status None. An offer advocated by someone else ("plaide pour que
   l'UE propose …") is "proposed"; a trip made to propose ("est allé à Kiev proposer") is an
   asserted proposal, "va proposer" stays a plan.
4. An event inside a reported statement (a `filon_quotes` item covering the trigger, else a
   reporting verb governing it, else "selon X", else an inverted "…, a indiqué X") is claimed
   by that speaker. A proposal or a rejection is itself a statement by its agent, who then
   claims it; handing over a text ("a présenté un projet") is an act the narrator reports.
   Background inside a statement (a relative clause, "au moment où …") is the narrator's.
   Anonymous or unresolved sources ("cette source", "des diplomates", "on") claim nothing
   (`claimed_by` None), as the gold conventions want; "les deux capitales" is both parties.
5. Agreements about minerals only: the sentence names a minerals resource, or the event points
   back to an agreement already in the article ("cet accord", "le document", "une deuxième
   mouture", talks "sur le même sujet"). Events of one agreement share `agreement_id` ("local:1").
6. Several partners coordinated after "avec" (or recipients of an offer after "à": "propose au
   Kazakhstan et à la Mongolie") make one event per partner, each with the signatory side:
   "l'UE a signé des partenariats avec la Namibie et le Rwanda" is EU–Namibia and EU–Rwanda.

Every value written is plain data with character offsets into `doc.text`.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import operator
import re
from collections.abc import Container
from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from filon.domains.gazetteer import Actor, Gazetteer, load_gazetteer
from filon.domains.pack import DEFAULT_DOMAIN
from filon.pipeline.component import FilonComponent
from filon.pipeline.events import syntax as syn
from filon.pipeline.events.lexicon import COARSE_STATUS, EventLexicon, Trigger, load_event_lexicon
from filon.pipeline.extensions import doc_text, set_doc_extensions
from filon.pipeline.tokens import TokenTable, token_table

LOGGER = logging.getLogger(__name__)

_AGENT_TYPES = frozenset({
    "person", "government", "state", "organization", "company", "ministry", "agency", "institution",
    "legislature",
})
_SUBJECT_PRONOUNS = frozenset({"il", "elle"})
_PARTY_TYPES = frozenset({"state", "organization", "company"})
_TARGETED = frozenset({"pressure", "order", "investment_invitation"})
_PREPOSITIONS_OF = frozenset({"de", "d'", "d’", "du", "des"})
_DATIVE = frozenset({"à", "au", "aux"})
_WEAK_NEGATIONS = frozenset({"plus", "jamais", "point"})  # negate only with "ne" ("plus proche")
# documents that speak for their author ("selon un communiqué de …", "selon la fiche … de la Rada")
_DOCUMENT_NOUNS = frozenset({"communiqué", "fiche", "document", "rapport", "site", "déclaration", "texte",
                             "compte", "note", "publication", "registre"})
# clauses that set the scene of a statement rather than report it
_BACKGROUND_CLAUSE = re.compile(r"\b(?:au moment où|alors que|tandis que|pendant que|à l'heure où)\b",
                                re.IGNORECASE)


# Verbs through which wanting a resource is still demanding it ("veut obtenir des terres rares").
_ACQUIRE_VERBS = frozenset({"obtenir", "récupérer", "acquérir", "accéder", "exploiter", "recevoir",
                            "avoir", "posséder", "contrôler", "sécuriser"})

# Words that may sit between two coordinated partners ("la Namibie et le Rwanda", "au Chili et à
# l'Argentine"); anything else means the second name belongs to another phrase.
_COORDINATION_GAP = frozenset({"et", "ou", ",", "le", "la", "l'", "l’", "les", "à", "au", "aux", "avec"})


@dataclass(slots=True)
class Mention:
    """An actor mention in the doc (entity, role, metonymy or nationality adjective)."""

    start: int
    end: int
    tok: int  # first token
    tok_end: int  # one past the last token
    actor_id: str | None
    name: str
    type: str
    party: tuple[str, str] | None  # (id, name) of the state or body it acts for
    demonym: bool = False
    place: bool = False  # a location here ("en Russie", "les territoires d'Ukraine")


@dataclass(slots=True)
class LocalAgreement:
    """An agreement within one article: the key its events share."""

    key: str
    parties: list[tuple[str, str]]
    resources: list[dict]
    minerals: bool
    signed: str | None = None  # "signed" | "ratified": furthest asserted step read so far in the article


@dataclass(slots=True)
class _Context:
    """Per-doc state the event rules read."""

    doc: Doc
    mentions: list[Mention]
    starts: list[int]
    resources: list[tuple[int, int, str]]  # (start_char, end_char, resource id)
    quotes: list[dict]
    dates: list[dict]
    published: str | None
    doc_minerals: bool = False  # the article names a minerals resource outside boilerplate
    text: str = ""  # doc.text, built once (spaCy joins the tokens on every access)
    agreements: list[LocalAgreement] = field(default_factory=list)
    table: TokenTable | None = None  # the doc's token lists, read by every rule
    boilerplate: list[dict] | None = None  # doc._.filon_boilerplate, read once
    # per-doc memos of pure results: (left_edge.idx, right_edge end) by token, "selon X" actors
    # by sentence
    extents: dict[int, tuple[int, int]] = field(default_factory=dict)
    resource_starts: list[int] = field(default_factory=list)
    # (start, end, (quote_start, quote_end)) of each quote, read once
    quote_spans: list[tuple] = field(default_factory=list)  # of `resources`, which are in text order
    # agreement nouns (idioms aside: "d'accord") and negotiation nouns, by token index
    deal_nouns: list[int] = field(default_factory=list)
    talk_nouns: list[int] = field(default_factory=list)
    attributions: dict[tuple[int, int], list[Mention]] = field(default_factory=dict)


class EventExtractor(FilonComponent):
    """Find agreement, invitation, order, pressure, export-control and production-target events."""

    def __init__(self, nlp: Language, name: str = "filon_events", domain: str = DEFAULT_DOMAIN) -> None:
        self.name = name
        self.domain = domain
        set_doc_extensions()
        self.lexicon: EventLexicon = load_event_lexicon(domain)
        self.gazetteer: Gazetteer = load_gazetteer(domain)
        self.matcher, self.resource_matcher = self.lexicon.matchers(nlp)
        self._nlp = nlp
        self._actor_matcher: PhraseMatcher | None = None  # built on first doc without entities

    def set_annotations(self, doc: Doc, events: list[dict]) -> None:
        """Write the events on `doc._.filon_events`."""
        doc._.filon_events = events

    # ------------------------------------------------------------------ matching
    def match(self, doc: Doc) -> list[dict]:
        """The events of `doc`, in text order (plain dicts, see module docstring)."""
        ctx = self._context(doc)
        events: list[dict] = []
        boilerplate = ctx.boilerplate
        idx, space = ctx.table.idx, ctx.table.space
        for sent in self._sentences(doc):
            if boilerplate and all(syn.in_any(idx[i], boilerplate)
                                   for i in range(sent.start, sent.end) if not space[i]):
                continue
            events.extend(self._sentence_events(ctx, sent))
        return events

    def _sentences(self, doc: Doc) -> list[Span]:
        """Parser sentences, cut at line breaks and glued back where the parser cut mid-sentence.

        The parser of fr_core_news_md runs paragraphs together and also cuts sentences that
        have no final punctuation yet ("Washington | multiplie les pressions …"): a piece that
        does not end with . ! ? … (before closing quotes) is joined to the next piece of its line.
        """
        sents = ([(s.start, s.end) for s in doc.sents] if doc.has_annotation("SENT_START")
                 else [(0, len(doc))])
        pieces: list[tuple[int, int]] = []
        table = token_table(doc)
        newlines = {text for text in set(table.text) if "\n" in text and text.isspace()}
        breaks = _where(table.text, newlines)
        for sent_start, sent_end in sents:
            start = sent_start
            for i in breaks[bisect.bisect_left(breaks, sent_start) : bisect.bisect_left(breaks, sent_end)]:
                if i > start:
                    pieces.append((start, i))
                start = i + 1
            if start < sent_end:
                pieces.append((start, sent_end))
        merged: list[tuple[int, int]] = []
        for start, end in pieces:
            if merged and merged[-1][1] == start and not syn.ends_sentence(table, *merged[-1]):
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        trimmed = [syn.trim(table, a, b) for a, b in merged]
        # Span(doc, a, b) is doc[a:b] for bounds already in range, without the slice checks
        return [Span(doc, a, b) for a, b in trimmed if b > a]

    def _context(self, doc: Doc) -> _Context:
        mentions = self._mentions(doc)
        text = doc_text(doc)
        table = token_table(doc)
        strings = doc.vocab.strings
        resources = [(table.idx[s], table.idx[e - 1] + len(table.text[e - 1]), strings[m])
                     for m, s, e in _longest_first(self.resource_matcher(doc))]
        boilerplate = doc._.filon_boilerplate
        quotes = list(doc._.filon_quotes or [])
        nouns, talks = self.lexicon.agreement_nouns, self.lexicon.negotiation_nouns
        deal = _where(table.lemma_lower, nouns, table.lower)
        deal_nouns = [i for i in deal if not syn.idiom(table, i)]
        return _Context(
            doc=doc,
            mentions=mentions,
            starts=[m.start for m in mentions],
            resources=resources,
            quotes=quotes,
            quote_spans=[(q.get("start", -1), q.get("end", -1), (q.get("quote_start"), q.get("quote_end")))
                         for q in quotes],
            # "l'aide votée depuis 2022": a starting point of something else, not the event's day
            dates=[d for d in (doc._.filon_dates or []) if d.get("value")
                   and not text[max(d["start"] - 7, 0) : d["start"]].lower().endswith("depuis ")
                   and not d.get("text", "").lower().startswith("depuis")],
            published=doc._.filon_published,
            doc_minerals=any(self.lexicon.resources[r[2]].family == "minerals"
                             and not syn.in_any(r[0], boilerplate) for r in resources),
            text=text,
            table=table,
            boilerplate=boilerplate,
            resource_starts=[r[0] for r in resources],
            deal_nouns=deal_nouns,
            talk_nouns=_where(table.lemma_lower, talks),
        )

    def _sentence_events(self, ctx: _Context, sent: Span) -> list[dict]:
        doc = ctx.doc
        table = ctx.table
        lo, hi = sent.start, sent.end
        minerals = any(self.lexicon.resources[r[2]].family == "minerals"
                       for r in self._resources_in(ctx, sent.start_char, sent.end_char))
        negotiation_nouns = self.lexicon.negotiation_nouns
        agreement_nouns = _within(ctx.deal_nouns, lo, hi)
        has_context = bool(agreement_nouns or _within(ctx.talk_nouns, lo, hi))
        # « personne ne peut signer cela »: a demonstrative object points back to the last deal
        pronoun = not has_context and bool(ctx.agreements) and syn.pronoun_object(table, lo, hi)
        has_context = has_context or pronoun
        if not (has_context or minerals):
            return []  # every trigger needs a deal word or a minerals resource: skip the matcher
        candidates: list[tuple[Span, Trigger]] = []
        dep, head, pos = table.dep, table.head, table.pos
        lemmas: set[str] | None = None  # the sentence's lemmas and forms, read when a cue needs one
        # the Matcher runs only on sentences with a deal word or a resource (about a third of
        # an article's sentences have neither)
        for match_id, start, end in self.matcher(sent):
            trig = self.lexicon.triggers[doc.vocab.strings[match_id]]
            start, end = lo + start, lo + end
            if syn.in_any(table.idx[start], ctx.boilerplate):
                continue
            if trig.requires_lemma:
                if lemmas is None:
                    lemmas = set(table.lemma_lower[lo:hi]) | set(table.lower[lo:hi])
                if not trig.requires_lemma & lemmas:
                    continue
            predicate = syn.predicate_of(table, start, end)
            if trig.unless_lemma and any(
                table.lemma_lower[c] in trig.unless_lemma for c in table.children(predicate)
            ):
                continue  # "a proposé un accord pour exploiter …" is an agreement proposal
            if trig.requires_resource and not minerals:
                continue
            if trig.type == "agreement" and not (has_context or trig.self_context):
                continue
            if trig.requires_agreement and not agreement_nouns:
                continue
            if pos[predicate] == "VERB" and any(dep[c] == "det" for c in table.children(predicate)):
                continue  # "l'offre de l'UE" tagged as the verb offrir: a noun, not an act
            own_object = bool(trig.object_lemmas or trig.resource_in_object)  # checked below instead
            if trig.type == "agreement" and not own_object and self._foreign_object(
                    ctx, predicate, start, end):
                continue  # "a signé la loi", "a présenté ses excuses": not the agreement
            if trig.subject_only and not (dep[predicate].startswith("nsubj") or (
                    dep[predicate] == "conj" and dep[head[predicate]].startswith("nsubj"))):
                continue  # "les Européens suivent ces tractations": the talks are only mentioned
            if trig.object_lemmas and not syn.object_fits(table, predicate, trig):
                continue  # "a présenté les grandes lignes de l'accord", "a évoqué l'accord"
            if trig.resource_in_object and not self._resource_in_complements(ctx, predicate):
                continue  # "veut des terres rares" is a demand; "veut savoir …, dit-il, terres rares" is not
            if trig.needs_antecedent and not ctx.agreements:
                continue
            talk_nouns_here = [i for i in range(start, end) if table.lemma_lower[i] in negotiation_nouns]
            if trig.status == "negotiating" and any(
                self._foreign_complement(ctx, i, ("de", "d'", "d’")) for i in talk_nouns_here
            ):
                continue  # "des pourparlers de paix": other talks
            if trig.status == "negotiating" and any(
                table.lemma_lower[head[i]] in syn.DURATION_NOUNS and head[i] != i for i in talk_nouns_here
            ):
                continue  # "après deux mois de négociations": background, the talks are over
            candidates.append((Span(doc, start, end), trig))
        chosen = []
        for span, trig in syn.drop_governed(table, syn.resolve_overlaps(candidates)):
            if trig.type == "agreement" and chosen and syn.is_modifier(
                    table, syn.predicate_of(table, span.start, span.end)):
                # "un partenariat, présenté par Bruxelles comme …", "l'accord … conclu avec X":
                # restates the noun; its words stay in the clause of the cue before it
                continue
            chosen.append((span, trig))
        if not chosen:
            return []
        regions = syn.regions(table, lo, hi, [span for span, _ in chosen])
        events: list[dict] = []
        idx, text = table.idx, table.text
        for (span, trig), (r_start, r_end) in zip(chosen, regions, strict=True):
            foreign = [(idx[a], idx[b - 1] + len(text[b - 1]))
                       for a, b in regions if (a, b) != (r_start, r_end)]
            event = self._event(ctx, sent, span, trig, r_start, r_end, agreement_nouns, minerals, foreign,
                                pronoun)
            if event is not None:
                events.extend(self._split_partners(ctx, r_start, r_end, event))
        return events

    def _split_partners(self, ctx: _Context, r_start: int, r_end: int, event: dict) -> list[dict]:
        """One event per partner when several are coordinated after "avec".

        "l'UE a signé des partenariats … avec la Namibie et le Rwanda" asserts two bilateral
        deals (EU–Namibia, EU–Rwanda), not one three-party deal: each partner keeps the other
        parties (the signatory side) and gets its own copy of the event.
        """
        if event["type"] != "agreement" or len(event["parties"]) < 3:
            return [event]
        doc = ctx.doc
        region = doc[r_start:r_end]
        # recipients of an offer: "propose au Kazakhstan et à la Mongolie un partenariat"
        preps = ("avec", "à", "au", "aux") if event["status_cue"] == "proposed" else ("avec",)
        partners: list[tuple[str, str]] = []
        for tok in region:
            if tok.lower_ not in preps or tok.dep_ != "case" or not tok.i < tok.head.i < region.end:
                continue
            first = self._name_at(ctx, tok.head)
            if first is None:
                continue
            chain = [first]
            # walk the coordination on the surface ("avec le Chili, la RDC et la Zambie"): the
            # parser hangs the later names on any noun of the clause
            i = first.tok_end
            while True:
                j = i
                while j < region.end and doc[j].lower_ in _COORDINATION_GAP:
                    j += 1
                if j >= region.end or not any(t.lower_ in ("et", ",", "ou") for t in doc[i:j]):
                    break
                found = self._name_at(ctx, doc[j])
                if found is None:
                    break
                chain.append(found)
                i = max(found.tok_end, j + 1)
            if len(chain) >= 2:
                partners = syn.unique([m.party for m in chain])
                break
        if len(partners) < 2:
            return [event]
        ids = {pid for pid, _ in partners}
        side = [p for p in event["parties"] if p["id"] not in ids]
        if not side:
            return [event]
        return [{**event, "parties": [*side, {"name": name, "id": pid}]} for pid, name in partners]

    @staticmethod
    def _extent(ctx: _Context, i: int) -> tuple[int, int]:
        """Character range of token `i`'s phrase (`left_edge.idx`, end of `right_edge`), read
        from spaCy (which keeps the edges) once per token."""
        got = ctx.extents.get(i)
        if got is None:
            tok = ctx.doc[i]
            left, right = tok.left_edge, tok.right_edge
            got = ctx.extents[i] = (left.idx, right.idx + len(right))
        return got

    def _resource_in_complements(self, ctx: _Context, predicate: int) -> bool:
        """A resource lies in the predicate's complements (its subject aside)."""
        table = ctx.table
        for child in table.children(predicate):
            dep = table.dep[child]
            if dep.startswith("nsubj"):
                continue
            if dep in ("xcomp", "ccomp", "advcl") and table.lemma_lower[child] not in _ACQUIRE_VERBS:
                # "veulent sortir les mines de cobalt de l'orbite chinoise": an aim, not a demand
                # for the resource ("veut obtenir des terres rares" is one)
                continue
            lo, hi = self._extent(ctx, child)
            if any(lo <= r[0] < hi for r in ctx.resources):
                return True
        return False

    def _deal_word(self, table: TokenTable, i: int) -> bool:
        """An agreement or negotiation noun."""
        lemma = table.lemma_lower[i]
        nouns = self.lexicon.agreement_nouns
        return lemma in nouns or table.lower[i] in nouns or lemma in self.lexicon.negotiation_nouns

    def _foreign_object(self, ctx: _Context, predicate: int, start: int, end: int) -> bool:
        """The cue verb (trigger tokens `start:end`) has a direct object that is a noun and no
        agreement ("signer un décret")."""
        table = ctx.table
        if table.pos[predicate] not in ("VERB", "AUX"):
            return False
        for child in table.children(predicate):
            if table.dep[child] == "obj" and table.pos[child] == "NOUN" and not start <= child < end:
                # the parser often reads "a présenté mercredi …" with the weekday as object
                at = table.idx[child]
                if table.lower[child] in syn.TIME_WORDS or any(
                    d["start"] <= at < d["end"] for d in ctx.dates
                ):
                    continue
                # "la possibilité d'un accord", "le texte de l'accord": the deal is in the phrase
                if not any(self._deal_word(table, t) for t in syn.subtree(table, child)):
                    return True
        return False

    # ------------------------------------------------------------------ one event
    def _event(
        self,
        ctx: _Context,
        sent: Span,
        span: Span,
        trig: Trigger,
        r_start: int,
        r_end: int,
        agreement_nouns: list[int],
        minerals: bool,
        foreign: list[tuple[int, int]] | None = None,
        pronoun: bool = False,
    ) -> dict | None:
        doc = ctx.doc
        region = Span(doc, r_start, r_end)
        mentions = self._mentions_in(ctx, region.start_char, region.end_char)
        table = ctx.table
        predicate = syn.predicate_of(table, span.start, span.end)
        chain = syn.governors(table, predicate, sent.start, sent.end)
        compare = next((table.idx[i] for i in range(span.end, r_end)
                        if table.lower[i] in self.lexicon.comparison_cues), None)
        if compare is not None:
            # "présenté comme une alternative aux exigences de l'administration Trump"
            mentions = [m for m in mentions if m.start < compare]
        reporting = self.lexicon.reporting_lemmas
        clause_head = syn.reported_clause(table, predicate, sent.start, sent.end, reporting)
        clause = self._extent(ctx, clause_head) if clause_head is not None else None
        if clause is not None:
            # "le commissaire français a rappelé que l'UE et l'Ukraine avaient signé …": the parties
            # are those of the reported clause when it names two of them
            inside = [m for m in mentions if clause[0] <= m.start < clause[1]]
            if len(syn.unique([m.party for m in inside if m.party and not m.place])) >= 2:
                mentions = inside
        agent = self._agent(ctx, sent, region, span, mentions, chain)
        explicit = syn.unique([m.party for m in mentions if m.party and not m.place])
        for noun in (i for i in agreement_nouns if r_start <= i < r_end):
            # "l'accord sur les minerais conclu avec les Etats-Unis": the noun's own complements
            # name parties even past the clause cut
            lo, hi = self._extent(ctx, noun)
            # a relative clause inside the noun phrase ("à l'Argentine, qui a conclu … avec
            # l'UE") tells of another deal: its names are not this one's parties (the first
            # in spaCy's subtree order, which is not text order in a non-projective parse)
            relcl = hi
            if any(table.dep[t] == "acl:relcl" for t in syn.subtree(table, noun)):
                relcl = next((t.left_edge.idx for t in doc[noun].subtree if t.dep_ == "acl:relcl"), hi)
            for m in self._mentions_in(ctx, max(lo, region.end_char), min(hi, relcl)):
                if m.party and not m.place and m.party not in explicit:
                    explicit.append(m.party)
        if agent is not None and agent.party and agent.party not in explicit:
            explicit.insert(0, agent.party)
        res_ids = syn.unique([r[2] for r in self._resources_in(ctx, region.start_char, region.end_char)])
        if not res_ids:
            res_ids = syn.unique([r[2] for r in self._resources_in(ctx, sent.start_char, sent.end_char)])
        resources = [{"id": rid, "name": self.lexicon.resources[rid].name} for rid in res_ids]

        agreement_id = None
        local: LocalAgreement | None = None
        parties = explicit
        region_nouns = [i for i in agreement_nouns if r_start <= i < r_end] or agreement_nouns
        if trig.type == "agreement":
            talk_nouns = _within(ctx.talk_nouns, sent.start, sent.end)
            if pronoun and not (minerals or region_nouns or talk_nouns):
                local = ctx.agreements[-1]
            else:
                local = self._local_agreement(ctx, explicit, resources, minerals, region_nouns, talk_nouns)
            if local is None:
                return None  # not about minerals (a budget vote, a trade pact): not ours
            agreement_id = local.key
            parties = syn.unique(explicit + local.parties)
            if not resources:
                resources = list(local.resources)
        elif trig.requires_agreement:
            local = self._antecedent(ctx, explicit) if ctx.agreements else None
            if local is None and not (minerals and agreement_nouns):
                return None
            agreement_id = local.key if local else None

        negated = self._negated(table, span, sent, chain)
        modality = self._modality(table, span, sent, chain, proposal=trig.status == "proposed")
        claimed_by, quote_index = self._claimant(ctx, sent, span, trig, agent, predicate)
        claimed_by = self._named(claimed_by)
        if claimed_by is None and len(parties) >= 2 and syn.joint_reporter(
                table, span.end, sent.start, sent.end, reporting):
            # "…, ont indiqué les deux capitales": both parties say it
            named = self._order_parties(parties)
            claimed_by = {"name": " & ".join(n for _, n in named), "id": None, "ids": [i for i, _ in named]}
        local_signed = local.signed if local is not None and trig.type == "agreement" else None
        status, detail, coarse = self._status(
            ctx, sent, region, span, trig, negated, modality, quote_index, agent, local_signed, chain
        )
        steps = ("signed", "ratified")
        if (local is not None and trig.type == "agreement" and status in steps and trig.status in steps
                and modality == "asserted" and local.signed != "ratified"):
            local.signed = status
        date_value, date_source = self._date(ctx, sent, region, span, predicate, foreign)
        planned = None
        if trig.status == "signed" and status == "close" and ctx.published:
            # "doit signer vendredi": the deal is close as of the article; Friday is the plan
            planned, date_value, date_source = date_value, ctx.published, "published"
        actors = self._actors(mentions, agent, span, trig)
        return {
            "type": trig.type,
            "status": status,
            "parties": [{"name": name, "id": pid} for pid, name in self._order_parties(parties)],
            "actors": actors,
            "subject": resources[0]["name"] if resources else None,
            "resources": resources,
            "date": date_value,
            "date_source": date_source,
            "planned_date": planned,
            "agreement_id": agreement_id,
            "evidence": {"start": sent.start_char, "end": sent.end_char,
                         "text": ctx.text[sent.start_char : sent.end_char]},
            "clause": {"start": region.start_char, "end": region.end_char},
            "trigger": {"text": ctx.text[span.start_char : span.end_char], "start": span.start_char,
                        "end": span.end_char},
            "cue": trig.id,
            "status_cue": trig.status,
            "coarse_status": coarse,
            "detail": detail,
            "negated": negated,
            "modality": modality,
            "claimed_by": claimed_by,
            "quote_index": quote_index,
        }

    def _status(
        self, ctx: _Context, sent: Span, region: Span, span: Span, trig: Trigger, negated: bool,
        modality: str, quote_index: int | None, agent: Mention | None, local_signed: str | None,
        chain: list[int],
    ) -> tuple[str | None, str | None, str | None]:
        """(status, detail, coarse status) of a cue given polarity, modality and the article so far.

        Only an asserted, non-negated cue sets a status, with these exceptions (each a reading
        of what the sentence says about where the deal stands, not of the act it mentions):
        - a signing on the calendar or expected soon ("doit signer vendredi", "pourrait être
          signé dès vendredi", "venir à Washington cette semaine pour signer"): close;
        - a cue that states the deal's state even when planned or possible (`asserts_state`:
          "les discussions doivent se poursuivre", "prêt à signer", "sa signature pourrait être
          repoussée"), unless negated or under "si";
        - a negated, planned signing in direct speech ("« Nous ne signerons pas … »"): rejected;
        - a ratification, approval or entry into force still to come for a deal the article has
          already signed ("doit encore être ratifié"): signed (`after_signature`), or ratified
          when the article has read the ratification (a later step never moves the deal back).
        An approval by a legislature is a ratification; an approval after the signing is signed.
        """
        status: str | None = trig.status
        detail = trig.detail
        coarse = trig.coarse
        if status is None:
            return None, detail, None
        table = ctx.table
        predicate = chain[0]
        region_text = ctx.text[region.start_char : region.end_char]
        pending = modality != "asserted" and not syn.conditional_clause(table, chain)
        if negated:
            quote = ctx.quotes[quote_index] if quote_index is not None else None
            if (trig.in_quote_refusal and modality in ("expected", "possible") and quote is not None
                    and quote.get("kind") in ("direct", "mixed")):
                return "rejected", "refuses_to_sign", "rejected"
            if status == "signed" and self._still(table, chain):
                # "le volet minier n'a pas encore été signé": the signing is pending, the deal
                # still under negotiation (gold convention), not a plain non-signing
                return "negotiating", "not_yet_signed", "negotiating"
            return None, f"not_{status}", None
        if trig.detail == "approved" and agent is not None and agent.type == "legislature":
            status, coarse = "ratified", "signed"
        if modality == "asserted":
            if trig.after_signature and local_signed and status == "other":
                coarse = trig.after_signature
            return status, detail, coarse
        if trig.asserts_state and pending:
            return status, detail or f"{modality}_{status}", coarse
        if trig.planned_status and modality == "expected" and pending:
            return trig.planned_status, f"expected_{status}", COARSE_STATUS.get(trig.planned_status)
        if trig.after_signature and pending and (local_signed or self._still(table, chain)):
            return local_signed or "signed", f"{trig.detail or status}_pending", "signed"
        if trig.status == "signed" and (
            syn.scheduled(table, chain)
            or (modality in ("possible", "expected") and pending and syn.near_term(region_text)
                and not syn.wished(table, chain))
            or (modality == "hypothetical" and syn.trip_to(table, predicate, sent.start)
                and syn.near_term(region_text))
        ):
            # "doit signer vendredi", "pourrait être signé dès vendredi": a signing on the
            # calendar means the text is agreed (gold convention "close"); "devait être
            # paraphé" does not
            return "close", f"{modality}_{status}", "close"
        if trig.status == "proposed" and modality == "hypothetical" and syn.trip_made(
                table, predicate, sent.start):
            # "s'est rendu à Hanoï pour proposer un accord": the offer was made on the trip
            return status, detail, coarse
        if trig.status == "close" and modality in ("possible", "expected") and pending and (
            syn.near_term(region_text) and not syn.wished(table, chain)
        ):
            # "ces discussions pourraient aboutir à un accord rapidement": agreed soon, close
            return status, f"{modality}_{status}", coarse
        if trig.status in ("signed", "close") and pending and modality in ("possible", "expected") and (
            syn.wished(table, chain) or syn.deadline(region_text)
        ):
            # "espère conclure le volet d'ici l'été", "pourrait signer un accord-cadre avant la
            # fin de l'année": a signing hoped for or given a term, with no day on the calendar,
            # says the deal is being negotiated (not yet agreed: not close)
            return "negotiating", f"{modality}_{status}", "negotiating"
        return None, f"{modality}_{status}", None

    @staticmethod
    def _still(table: TokenTable, chain: list[int]) -> bool:
        """'doit encore être ratifié' (`chain`: the cue's governors): a step still to come after
        earlier ones."""
        return any(table.lower[c] in ("encore", "toujours") for t in chain for c in table.children(t))

    # ------------------------------------------------------------------ agreements in the article
    def _local_agreement(
        self,
        ctx: _Context,
        explicit: list[tuple[str, str]],
        resources: list[dict],
        minerals: bool,
        nouns: list[int],
        talk_nouns: list[int] | None = None,
    ) -> LocalAgreement | None:
        """The in-article agreement an agreement event belongs to, created when new."""
        talks = bool(talk_nouns)
        table = ctx.table
        introduces = any(self._introduces(table, t) for t in nouns)
        weak = not (minerals or nouns)
        if weak and not explicit and not talks:
            return None  # "les syndicats négocient": no deal word, no resource, no known party
        antecedent = self._antecedent(ctx, explicit, strict=weak)
        if antecedent is None and nouns and not introduces and ctx.agreements:
            # "le texte a été paraphé par X et Y": a definite or demonstrative noun points back
            # to the last agreement that shares a party (or the last one if none is named)
            wanted = set(explicit)
            sharing = [a for a in ctx.agreements if wanted & set(a.parties)]
            if (sharing and len(wanted) <= 1) or not wanted:
                antecedent = (sharing or ctx.agreements)[-1]
        if antecedent is not None and not (introduces and len(explicit) >= 2
                                           and not set(explicit) <= set(antecedent.parties)):
            for party in explicit:
                if party not in antecedent.parties:
                    antecedent.parties.append(party)
            return antecedent
        if not minerals:
            # an article about minerals: "l'accord" there is the minerals deal, unless a
            # complement says otherwise ("l'accord de cessez-le-feu")
            # "le texte", "le projet", "la signature" only ever point back: they open no deal
            anaphoric = self.lexicon.agreement_nouns
            definite = [t for t in nouns if not self._introduces(table, t)
                        and not anaphoric.get(table.lemma_lower[t], anaphoric.get(table.lower[t], False))]
            # "les négociations avec Washington se poursuivent" in an article about minerals
            named_talks = bool(talk_nouns and explicit and ctx.doc_minerals and not any(
                self._foreign_complement(ctx, t) for t in talk_nouns or []))
            if not named_talks and (not (ctx.doc_minerals and definite)
                                    or any(self._foreign_complement(ctx, t) for t in definite)):
                return None
        local = LocalAgreement(f"local:{len(ctx.agreements) + 1}", list(explicit), list(resources), True)
        ctx.agreements.append(local)
        return local

    def _antecedent(
        self, ctx: _Context, explicit: list[tuple[str, str]], strict: bool = False
    ) -> LocalAgreement | None:
        """The last agreement of the article whose parties include the ones named here.

        Unless `strict`, an agreement known by one party only may gain the others, and one
        sharing two parties with a noisy list is accepted too.
        """
        wanted = set(explicit)
        for local in reversed(ctx.agreements):
            have = set(local.parties)
            if wanted <= have:
                return local
            if strict:
                continue
            if (len(have) < 2 and have <= wanted) or (len(wanted) >= 2 and len(wanted & have) >= 2):
                return local
        return None

    def _foreign_complement(
        self, ctx: _Context, noun: int, cases: tuple[str, ...] = ("de", "d'", "d’", "sur")
    ) -> bool:
        """'accord de cessez-le-feu', 'pourparlers de paix': the noun names another kind of deal."""
        resources = {r[0] for r in ctx.resources}
        table = ctx.table
        dep, lower = table.dep, table.lower
        for child in table.children(noun):
            if dep[child] in ("nmod", "obl") and table.pos[child] == "NOUN" and not self._deal_word(
                    table, child):
                found = {lower[c] for c in table.children(child) if dep[c] == "case"}
                if found & set(cases) and not any(
                        table.idx[t] in resources for t in syn.subtree(table, child)):
                    return True
        return False

    def _introduces(self, table: TokenTable, noun: int) -> bool:
        """An indefinite, non-anaphoric agreement noun ("un accord entre X et Y") may open a new one."""
        nouns = self.lexicon.agreement_nouns
        if nouns.get(table.lemma_lower[noun], nouns.get(table.lower[noun])):
            return False  # "le document", "une mouture": only ever point back
        dets = [table.lower[c] for c in table.children(noun) if table.dep[c] == "det"]
        return not any(d in self.lexicon.anaphoric_determiners for d in dets)

    # ------------------------------------------------------------------ parties and actors
    def _agent(
        self, ctx: _Context, sent: Span, region: Span, span: Span, mentions: list[Mention],
        chain: list[int],
    ) -> Mention | None:
        """Who acts: the subject of the trigger's predicate, else the first actor before it.

        The fallback matters: the parser often hangs a participle on a noun ("a de son côté
        évoqué" parsed as a modifier of "côté"). Inside a relative clause ("que lui avaient
        soumis les Etats-Unis") it would pick the main clause's subject, so it is not used there.
        """
        for head in chain:
            found = self._subject(ctx, head)
            if found is not None:
                return found
            if ctx.table.dep[head] == "acl:relcl":
                return None
        before = [m for m in mentions if m.end <= span.start_char and not m.place and not m.demonym
                  and m.type in _AGENT_TYPES]
        if before:
            return before[0]
        if region.start > sent.start:
            return None  # a later clause ("tandis que …") does not inherit the main subject
        earlier = [m for m in self._mentions_in(ctx, sent.start_char, span.start_char)
                   if not m.place and not m.demonym and m.type in _AGENT_TYPES]
        return earlier[0] if earlier else None

    def _reporting_before(self, ctx: _Context, sent: Span, span: Span) -> Mention | None:
        """'X a affirmé … qu'un accord … était très proche': a reporting verb before the trigger
        whose "que" clause holds it, found on tokens when the parse loses the arc."""
        table = ctx.table
        lower = table.lower
        for i in range(span.start - 1, sent.start - 1, -1):
            low = lower[i]
            if low in (";", ":") or (low in ("«", '"') and i < span.start - 1):
                return None
            if low in syn.SEPARATORS and low not in (",", "(", ")"):
                return None  # "…, tandis que Washington négocie": not the content of the verb
            if table.pos[i] != "VERB" or table.lemma_lower[i] not in self.lexicon.reporting_lemmas:
                continue
            opens = any(lower[k] in ("que", "qu'", "qu’") for k in range(i + 1, span.start)) or (
                i + 1 < span.start and table.lemma[i + 1] in ("être", "avoir")
            )
            if not opens:
                return None
            found = self._subject(ctx, i)
            if found is None:
                before = [m for m in self._mentions_in(ctx, sent.start_char, table.idx[i])
                          if not m.place and not m.demonym and m.type in _AGENT_TYPES]
                found = before[-1] if before else None
            return found
        return None

    def _reporting_after(self, ctx: _Context, sent: Span, span: Span) -> Mention | None:
        """'…, a indiqué Kiev', '», a déclaré mardi Donald Trump': an inverted reporting verb after
        the clause (right after a comma or closing quote, past auxiliaries and adverbs)."""
        table = ctx.table
        lower, pos = table.lower, table.pos
        for i in range(span.end, sent.end):
            if pos[i] != "VERB" or table.lemma_lower[i] not in self.lexicon.reporting_lemmas:
                continue
            j = i - 1
            while j > span.end and (pos[j] in ("AUX", "ADV") or lower[j] in ("-t-il", "-t-elle")):
                j -= 1
            if lower[j] not in (",", "»", '"', "”"):
                return None  # a verb of another clause ("et Kiev a annoncé des élections")
            finite = "Fin" in table.feats(i, "VerbForm") or any(pos[k] == "AUX" for k in range(j + 1, i))
            if not finite:
                return None  # ", clamant que …": a participle adjunct of the subject's own clause
            found = self._subject(ctx, i)
            if found is None:
                after = [m for m in self._mentions_in(ctx, table.idx[i] + len(table.text[i]), sent.end_char)
                         if not m.place and not m.demonym and m.type in _AGENT_TYPES]
                found = after[0] if after else None
            return found
        return None

    def _subject(self, ctx: _Context, verb: int) -> Mention | None:
        """The actor subject of `verb`: its nsubj, or the nsubj the parser hung on its auxiliary."""
        table = ctx.table
        dep = table.dep
        for child in table.children(verb):
            if dep[child] == "obl:agent":  # "proposé par Bruxelles"
                found = self._mention_at(ctx, child)
                if found is not None and not found.place and found.type in _AGENT_TYPES:
                    return found
        heads = [verb, *[c for c in table.children(verb) if dep[c].startswith(("aux", "cop"))]]
        for head in heads:
            for child in table.children(head):
                if dep[child] != "nsubj":
                    continue
                if table.lower[child] in _SUBJECT_PRONOUNS:
                    return self._last_person_before(ctx, table.idx[child])
                found = self._mention_at(ctx, child)
                if found is not None and not found.place and found.type in _AGENT_TYPES:
                    return found
        return None

    def _mention_at(self, ctx: _Context, token: int) -> Mention | None:
        """The mention covering token `token` or heading the phrase it heads."""
        lo, hi = self._extent(ctx, token)
        inside = [m for m in self._mentions_in(ctx, lo, hi) if not m.demonym]
        at = ctx.table.idx[token]
        covering = [m for m in inside if m.start <= at < m.end]
        return (covering or inside or [None])[0]

    def _last_person_before(self, ctx: _Context, pos: int) -> Mention | None:
        i = bisect.bisect_left(ctx.starts, pos)
        for m in reversed(ctx.mentions[:i]):
            if m.type == "person":
                return m
        return None

    def _name_at(self, ctx: _Context, tok: Token) -> Mention | None:
        """The party mention covering `tok` (a state, body or city acting for one), if any."""
        for m in self._mentions_in(ctx, tok.sent.start_char, tok.sent.end_char):
            if m.start <= tok.idx < m.end and m.party and not m.place and not m.demonym:
                return m
        return None

    @staticmethod
    def _resources_in(ctx: _Context, start: int, end: int) -> list[tuple[int, int, str]]:
        """The resources starting at a character in `start:end`, in text order."""
        starts = ctx.resource_starts
        return ctx.resources[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    def _mentions_in(self, ctx: _Context, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(ctx.starts, start)
        out = []
        while i < len(ctx.mentions) and ctx.mentions[i].start < end:
            if ctx.mentions[i].end <= end:
                out.append(ctx.mentions[i])
            i += 1
        return out

    def _actors(
        self, mentions: list[Mention], agent: Mention | None, span: Span, trig: Trigger
    ) -> list[dict]:
        out: list[dict] = []
        seen: set[str] = set()
        ordered = ([agent] if agent else []) + [m for m in mentions if m is not agent]
        for m in ordered:
            if m.demonym or m.place or m.type == "state" or m.type == "city" or not m.name:
                continue
            key = m.actor_id or m.name
            if key in seen:
                continue
            seen.add(key)
            if m is agent:
                role = "agent"
            elif trig.type in _TARGETED and m.start >= span.end_char:
                role = "target"
            else:
                role = "party"
            out.append({"name": m.name, "id": m.actor_id, "role": role})
        return out

    def _order_parties(self, parties: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """States first, then other bodies, each group in text order."""
        def is_state(party: tuple[str, str]) -> bool:
            actor = self.gazetteer.actor(party[0])
            return actor is None or actor.type == "state"

        return [p for p in parties if is_state(p)] + [p for p in parties if not is_state(p)]

    # ------------------------------------------------------------------ polarity, modality
    def _negated(self, table: TokenTable, span: Span, sent: Span, chain: list[int]) -> bool:
        """A negation on the predicate, its auxiliaries, its subject ("aucun document n'a été
        signé") or a verb governing it through xcomp ("n'a pas voulu signer"); `chain` holds
        the predicate and its governors (`syn.governors`).

        "plus", "jamais" and "point" negate only with "ne" in the clause: "plus proche que
        jamais" is a comparison. Words inside the trigger itself never negate it.
        """
        floor, ceiling = sent.start, sent.end
        lower, dep = table.lower, table.dep
        has_ne = any(low in ("ne", "n'", "n’") for low in lower[floor:ceiling])
        words = self.lexicon.negation_words

        def negates(i: int) -> bool:
            if span.start <= i < span.end or lower[i] not in words:
                return False
            return has_ne or lower[i] not in _WEAK_NEGATIONS

        for tok in chain:
            kids = table.children(tok)
            for child in kids:
                if dep[child] in syn.NEGATION_DEPS and negates(child):
                    return True
                if lower[child] == "sans" and dep[child] == "mark":
                    return True
                # "aucun document n'a été signé", "rien n'a été signé"
                if dep[child].startswith("nsubj") and (
                    negates(child) or any(dep[d] == "det" and negates(d) for d in table.children(child))
                ):
                    return True
            for aux in (c for c in kids if dep[c].startswith("aux")):
                if any(dep[g] == "advmod" and negates(g) for g in table.children(aux)):
                    return True
        return any(dep[k] == "advmod" and negates(k) and span.start <= table.head[k] < span.end
                   for k in range(max(span.start - 3, floor), span.start))

    def _modality(
        self, table: TokenTable, span: Span, sent: Span, chain: list[int], proposal: bool = False
    ) -> str:
        """asserted | expected | possible | hypothetical, from governors (`chain`, see
        `syn.governors`), mood and markers."""
        lower, dep, lemma, pos = table.lower, table.dep, table.lemma_lower, table.pos
        predicate = chain[0]
        if proposal and syn.advocated(table, predicate):
            return "asserted"  # "plaide pour que l'UE propose …": an offer put forward, not a condition
        if pos[predicate] == "NOUN" and lemma[table.head[predicate]] in syn.PROSPECT_NOUNS:
            return "possible"  # "la perspective de négociations directes": talks not held
        # "soit vous concluez un accord, soit …": the parser rarely gets the correlative right
        if any(lower[k] == "soit" for k in range(max(span.start - 3, sent.start), span.start)):
            return "hypothetical"
        for tok in chain:
            # "pour autant" (nevertheless) is an adverb, not a purpose: skip fixed expressions
            marks = {lower[c] for c in table.children(tok) if dep[c] in ("mark", "cc", "advmod")
                     and not any(dep[g] == "fixed" for g in table.children(c))}
            if marks & self.lexicon.hypothetical_marks:
                return "hypothetical"
        for tok in chain[1:]:
            modal = self.lexicon.modal.get(lemma[tok])
            if modal == "expected" and lemma[tok] in syn.MOTION_VERBS and any(
                dep[c].startswith("aux") for c in table.children(tok)
            ):
                continue  # "est allé à Kiev proposer un accord": a trip made, not a future step
            if modal:
                return modal
        for tok in chain:
            helpers = [tok, *[c for c in table.children(tok) if dep[c].startswith(("aux", "cop"))]]
            moods = {str(m) for h in helpers for m in table.feats(h, "Mood")}
            verbs = [h for h in helpers if pos[h] in ("VERB", "AUX")]
            if any(syn.CONDITIONAL.search(lower[h]) for h in verbs):
                moods.add("Cnd")  # the tagger often misses it: "offrirait", "pourraient"
            tenses = {str(t) for h in helpers for t in table.feats(h, "Tense")}
            if "Sub" in moods:
                return "hypothetical"
            if "Cnd" in moods:
                return "possible"
            if "Fut" in tenses or any(
                syn.FUTURE.search(lower[h]) and "Inf" not in table.feats(h, "VerbForm") for h in verbs
            ):
                return "expected"
            if dep[tok] != "xcomp" and "Inf" not in table.feats(tok, "VerbForm"):
                break
        return "asserted"

    # ------------------------------------------------------------------ who claims it
    def _claimant(
        self, ctx: _Context, sent: Span, span: Span, trig: Trigger, agent: Mention | None, predicate: int
    ) -> tuple[dict | None, int | None]:
        pos = span.start_char
        table = ctx.table
        for index, (quote, (start, end, inner)) in enumerate(zip(ctx.quotes, ctx.quote_spans, strict=True)):
            covered = start <= pos < end or (inner[0] is not None and inner[0] <= pos < inner[1])
            if covered and quote.get("kind") == "indirect" and _BACKGROUND_CLAUSE.search(
                ctx.text[quote.get("start", pos) : pos]
            ):
                continue  # "X s'est dit prêt …, au moment où Washington négocie …": the narrator's
            if covered and quote.get("kind") == "indirect" and syn.in_relative(
                    table, predicate, sent.start, sent.end):
                return None, None  # "le projet que lui avait soumis Washington": background
            if covered and quote.get("kind") != "term":
                return _speaker(quote.get("speaker")), index
        child = predicate
        for anc in syn.ancestors(table, predicate):
            if anc < sent.start or anc >= sent.end:
                break
            if table.dep[child] not in ("ccomp", "xcomp", "obj", "csubj"):
                break  # "au moment où Washington négocie …" is no content of the main verb
            child = anc
            if table.lemma_lower[anc] in self.lexicon.reporting_lemmas and table.pos[anc] in ("VERB", "AUX"):
                found = self._subject(ctx, anc)
                if found is None:  # parse errors often detach the subject: take the actor before
                    before = [m for m in self._mentions_in(ctx, sent.start_char, table.idx[anc])
                              if not m.place and not m.demonym and m.type in _AGENT_TYPES]
                    found = before[0] if before else None
                if found is not None:
                    return _claim([found]), None
        attributed = self._attribution(ctx, sent)
        if attributed:
            return _claim(attributed), None
        reporter = self._reporting_before(ctx, sent, span) or self._reporting_after(ctx, sent, span)
        if reporter is not None:
            return _claim([reporter]), None
        if trig.speech_act and agent is not None and not syn.in_relative(
                table, predicate, sent.start, sent.end) and not syn.recipient_view(table, predicate):
            return _claim([agent]), None
        return None, None

    @staticmethod
    def _named(claim: dict | None) -> dict | None:
        """An anonymous or unresolved source ("cette source", "des diplomates", "on") claims
        nothing on the record: the gold conventions give it no asserter."""
        if not claim or claim.get("id") or claim.get("ids"):
            return claim
        name = (claim.get("name") or "").strip()
        return claim if name and name[0].isupper() else None

    def _attribution(self, ctx: _Context, sent: Span) -> list[Mention]:
        """Actors after "selon" / "d'après" in the sentence ("selon Kiev et Washington")."""
        key = (sent.start, sent.end)
        found = ctx.attributions.get(key)
        if found is None:  # the same for every event of the sentence
            found = ctx.attributions[key] = self._attribution_of(ctx, sent)
        return found

    def _attribution_of(self, ctx: _Context, sent: Span) -> list[Mention]:
        table = ctx.table
        idx, text = table.idx, table.text
        for i in range(sent.start, sent.end):
            if table.lower[i] not in self.lexicon.attribution_cues:
                continue
            following = [k for k in range(i + 1, min(i + 4, sent.end)) if table.pos[k] != "DET"]
            document = bool(following) and table.lemma_lower[following[0]] in _DOCUMENT_NOUNS
            # "selon la fiche du texte publiée sur le site de la Rada": the author of a document
            # speaks for it, a few words further
            last = min(i + (16 if document else 8), sent.end) - 1
            found = [m for m in self._mentions_in(ctx, idx[i] + len(text[i]), idx[last] + len(text[last]))
                     if not m.demonym]
            if document:
                found = [m for m in found if not m.place][-1:]
            # keep the first noun phrase and what "et" coordinates with it
            kept: list[Mention] = []
            for m in found:
                if not kept:
                    kept.append(m)
                    continue
                between = ctx.text[kept[-1].end : m.start].strip().lower()
                if between in ("et", "and"):
                    kept.append(m)
                else:
                    break
            if kept:
                return kept
        return []

    # ------------------------------------------------------------------ when
    def _date(
        self, ctx: _Context, sent: Span, region: Span, span: Span, predicate: int,
        foreign: list[tuple[int, int]] | None = None,
    ) -> tuple[str | None, str | None]:
        """The trigger's clause date, else a date of the sentence outside the other triggers'
        clauses, else none for a pluperfect or a background participle, else the article's."""
        def nearest(items: list[dict]) -> dict | None:
            return min(items, key=lambda d: abs(d["start"] - span.start_char)) if items else None

        in_region = [d for d in ctx.dates if region.start_char <= d["start"] < region.end_char]
        in_sent = [d for d in ctx.dates if sent.start_char <= d["start"] < sent.end_char
                   and not any(a <= d["start"] < b for a, b in foreign or [])]
        found = nearest(in_region) or nearest(in_sent)
        if found is not None:
            return found["value"], "sentence"
        if syn.pluperfect(ctx.table, predicate):
            return None, None  # "avait rejeté": before the article's day, date unknown
        if ctx.table.dep[predicate].startswith("acl") and "Part" in ctx.table.feats(predicate, "VerbForm"):
            return None, None  # "l'accord signé avec Kiev": background, date unknown
        if ctx.published:
            return ctx.published, "published"
        return None, None

    # ------------------------------------------------------------------ mentions
    def _mentions(self, doc: Doc) -> list[Mention]:
        entities = doc._.filon_entities
        published = _day(doc._.filon_published)
        mentions = (self._from_entities(doc, entities) if entities is not None
                    else self._from_gazetteer(doc, published))
        covered = sorted((m.start, m.end) for m in mentions)
        covered_starts = [start for start, _ in covered]
        # the furthest end of the mentions starting at or before each one: a position is inside
        # a mention when that reach passes it
        reach = list(itertools.accumulate((end for _, end in covered), max))
        table = token_table(doc)
        demonyms = self.lexicon.demonyms
        for i in _where(table.lower, demonyms):
            hit = demonyms[table.lower[i]]
            if hit is None:
                continue
            at = table.idx[i]
            k = bisect.bisect_right(covered_starts, at)
            if k and reach[k - 1] > at:
                continue
            if table.pos[i] not in ("ADJ", "NOUN", "PROPN", "PRON", "X", ""):
                continue
            actor = self.gazetteer.actor(hit[0])
            party = (actor.id, actor.name) if actor else hit
            mentions.append(Mention(at, at + len(table.text[i]), i, i + 1, None, party[1],
                                    "demonym", party, demonym=True,
                                    place=self._qualifies_place(table, i) or syn.witness(table, i)))
        header = syn.DATELINE.match(doc_text(doc))
        if header is not None:
            # "MUNICH (Allemagne), 15 fév 2025 (AFP) -": where the story was filed, not who acts
            for m in mentions:
                if m.start < header.end(1):
                    m.place = True
        mentions.sort(key=lambda m: (m.start, -m.end))
        return mentions

    def _qualifies_place(self, table: TokenTable, i: int) -> bool:
        """'le sol russe', 'l'armée russe': the adjective's noun is a place or a belligerent."""
        head = table.head[i] if table.head[i] != i else None
        prev = i - 1 if i > 0 else None
        nouns = [t for t in (head, prev) if t is not None and table.pos[t] == "NOUN"]
        places = self.lexicon.place_nouns
        return any(table.lemma_lower[t] in places or table.lower[t] in places for t in nouns)

    def _is_place(self, table: TokenTable, tok_start: int, actor: Actor | None, metonymy: bool) -> bool:
        """A state or city mention used as a location ("en Russie", "à Kiev", "territoires d'Ukraine")."""
        if syn.witness(table, tok_start):
            return True
        pos = table.pos
        i = tok_start - 1
        while i >= 0 and pos[i] == "DET":
            i -= 1
        if i < 0:
            return False
        prev = table.lower[i]
        if prev in self.lexicon.locative_prepositions and prev not in _DATIVE:
            return True
        if prev in _DATIVE and (actor is None or actor.type == "city" or metonymy):
            governor = table.head[tok_start]
            # "transmis à Kiev": the recipient government, not the place
            return table.lemma_lower[governor] not in self.lexicon.dative_verbs
        if prev in _PREPOSITIONS_OF or (prev.endswith("'") and prev[:-1] == "d"):
            j = i - 1
            while j >= 0 and pos[j] in ("ADJ", "DET"):
                j -= 1
            if j >= 0 and table.lemma_lower[j] in self.lexicon.place_nouns:
                return True
        return False

    def _party(self, actor: Actor | None, country: str | None) -> tuple[str, str] | None:
        gaz = self.gazetteer
        if actor is not None and actor.id.lower() in self.lexicon.non_parties:
            return None
        if actor is not None and actor.type == "company":
            return actor.id, actor.name  # a company is a party of its own contracts
        if actor is not None:
            state = gaz.state_of(actor.id)
            if state is not None:
                return state.id, state.name
            if actor.type in _PARTY_TYPES:
                return actor.id, actor.name
        if country:
            state = gaz.actor(country)
            if state is not None:
                return state.id, state.name
        return None

    def _from_entities(self, doc: Doc, entities: list[dict]) -> list[Mention]:
        gaz = self.gazetteer
        out = []
        table = token_table(doc)
        boilerplate = doc._.filon_boilerplate
        for ent in entities:
            start, end = ent.get("start"), ent.get("end")
            if start is None or end is None or syn.in_any(start, boilerplate):
                continue
            span = _char_span(doc, table, start, end)
            if span is None:
                LOGGER.debug("entity %r at %d-%d matches no tokens; skipped", ent.get("text"), start, end)
                continue
            refers = ent.get("refers_to") or None
            metonymy = ent.get("kind") == "metonymy" and refers is not None
            actor_id = (refers or {}).get("id") if metonymy else ent.get("id")
            actor = gaz.actor(actor_id)
            if actor is not None and actor.type == "city" and not metonymy:
                via = gaz.metonymy(ent.get("text") or doc_text(doc)[span.start_char : span.end_char])
                place = self._is_place(table, span.start, actor, False)
                if via is not None and not place:
                    actor, metonymy = via, True
            name = actor.name if actor else (refers or {}).get("name") if metonymy else ent.get("name")
            kind = actor.type if actor else (ent.get("type") or "")
            place = self._is_place(table, span.start, actor, metonymy) if kind in ("state", "city") else False
            if kind == "city" and not metonymy:
                place = True
            place = place or syn.witness(table, span.start)
            party = self._party(actor, ent.get("country"))
            reporter = (ent.get("id") or "").lower() in self.lexicon.non_parties
            if party is None and kind in _PARTY_TYPES and (ent.get("id") or ent.get("name")) and not reporter:
                party = (ent.get("id") or f"filon:{ent.get('name')}", ent.get("name") or ent.get("text"))
            out.append(Mention(start, end, span.start, span.end, actor.id if actor else ent.get("id"),
                               name or ent.get("text", ""), kind, party, place=place))
        return out

    def _from_gazetteer(self, doc: Doc, published: date | None) -> list[Mention]:
        """Actor mentions found with the pack's gazetteer, for pipelines without filon_entities."""
        gaz = self.gazetteer
        if self._actor_matcher is None:
            # ORTH: lower-casing would read the article "un" as the acronym "UN"
            matcher = PhraseMatcher(doc.vocab, attr="ORTH")
            for surface, actor in gaz.surfaces():
                matcher.add("A:" + actor.id, [self._nlp.make_doc(surface)])
            for surface in {s for s in gaz.metonymies}:
                matcher.add("M:" + surface, [self._nlp.make_doc(surface)])
            for role in gaz.role_phrases():
                matcher.add("R:" + role, [self._nlp.make_doc(role)])
            self._actor_matcher = matcher
        spans = []
        for match_id, start, end in self._actor_matcher(doc):
            spans.append(Span(doc, start, end, label=match_id))
        out = []
        for span in filter_spans(spans):
            if syn.in_any(span.start_char, doc._.filon_boilerplate):
                continue
            key = span.label_
            metonymy = False
            if key.startswith("A:"):
                actor = gaz.actor(key[2:])
            elif key.startswith("R:"):
                actor = gaz.role(span.text, on=published)
            else:
                actor = gaz.metonymy(span.text)
                metonymy = True
            via = gaz.metonymy(span.text) if actor is not None and actor.type == "city" else None
            if via is not None and not self._is_place(token_table(doc), span.start, actor, False):
                actor, metonymy = via, True
            if actor is None:
                continue
            place = (actor.type == "city" and not metonymy) or syn.witness(token_table(doc), span.start)
            if actor.type == "state" or metonymy:
                place = place or self._is_place(token_table(doc), span.start, actor, metonymy)
            out.append(Mention(span.start_char, span.end_char, span.start, span.end, actor.id, actor.name,
                               actor.type, self._party(actor, None), place=place))
        return out


# ---------------------------------------------------------------------- helpers
class _TokenRange:
    """The bounds `Doc.char_span` gives, without building the Span."""

    __slots__ = ("end", "end_char", "start", "start_char")

    def __init__(self, table: TokenTable, start: int, end: int) -> None:
        self.start, self.end = start, end
        self.start_char = table.idx[start]
        self.end_char = table.idx[end - 1] + len(table.text[end - 1])


def _char_span(doc: Doc, table: TokenTable, start: int, end: int) -> _TokenRange | Span | None:
    """`doc.char_span(start, end, alignment_mode="expand")`, found by bisection on the token
    offsets (tokens and their trailing whitespace tile the text, as spaCy's own search assumes);
    odd ranges (empty, inverted, whitespace only) are left to spaCy."""
    idx = table.idx
    if not (table.n and 0 <= start < end <= len(doc_text(doc))):
        return doc.char_span(start, end, alignment_mode="expand")
    first = bisect.bisect_right(idx, start) - 1
    last = bisect.bisect_right(idx, end - 1) - 1
    if start == idx[first] + len(table.text[first]):
        first += 1  # the start is on the whitespace after a token: spaCy skips it
    if first > last:
        return doc.char_span(start, end, alignment_mode="expand")
    return _TokenRange(table, first, last + 1)


def _where(items: list[str], wanted: Container[str], alternative: list[str] | None = None) -> list[int]:
    """Indices of `items` (or of `alternative`, a list as long) holding a member of `wanted`, in
    order: `[i for i, x in enumerate(items) if x in wanted]`, run in C over a doc's tokens."""
    found = map(wanted.__contains__, items)
    if alternative is not None:
        found = map(operator.or_, found, map(wanted.__contains__, alternative))
    return list(itertools.compress(range(len(items)), found))


def _within(indices: list[int], lo: int, hi: int) -> list[int]:
    """The sorted `indices` that fall in `lo:hi`."""
    return indices[bisect.bisect_left(indices, lo) : bisect.bisect_left(indices, hi)]


def _longest_first(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """`spacy.util.filter_spans` on (match_id, start, end) triples: the longest (then first) of
    overlapping matches, in text order."""
    ordered = sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
    kept = []
    seen: set[int] = set()
    for match in ordered:
        if match[1] not in seen and match[2] - 1 not in seen:
            kept.append(match)
            seen.update(range(match[1], match[2]))
    return sorted(kept, key=lambda m: m[1])


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _speaker(speaker: dict | None) -> dict | None:
    if not speaker:
        return None
    claim = {"name": speaker.get("name") or speaker.get("text"), "id": speaker.get("id")}
    if speaker.get("speakers"):
        claim["ids"] = [s.get("id") for s in speaker["speakers"]]
    return claim


def _claim(mentions: list[Mention]) -> dict:
    unique = syn.unique([(m.actor_id, m.name) for m in mentions])
    if len(unique) == 1:
        return {"name": unique[0][1], "id": unique[0][0]}
    return {"name": " & ".join(n for _, n in unique), "id": None, "ids": [i for i, _ in unique]}


@Language.factory("filon_events", default_config={"domain": DEFAULT_DOMAIN})
def make_events(nlp: Language, name: str, domain: str = DEFAULT_DOMAIN) -> EventExtractor:
    """Create the `filon_events` component (reads the pack's event lexicon once)."""
    return EventExtractor(nlp, name, domain=domain)
