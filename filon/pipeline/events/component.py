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
   asserted proposal, "va proposer" stays a plan. A deal reached ("sont parvenus à un accord")
   is "signed" (concluded) unless the article tells of a signing of it, done, planned, delayed
   or refused: then it is "close" (`without_signing`, `tells_signing` in the pack).
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
7. Where no cue of the rules matched in a sentence that names a deal or talks and a party, the
   learned status model of the pack may read a status (`model_events.py`, `learned.py`): an
   agreement event with `cue` "model" and its `confidence`. It only adds to the rules.

Every value written is plain data with character offsets into `doc.text`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from filon.domains.gazetteer import load_gazetteer
from filon.domains.pack import DEFAULT_DOMAIN, pack_folders
from filon.pipeline.component import FilonComponent
from filon.pipeline.events import syntax as syn
from filon.pipeline.events.candidates import (
    counterparts,
    handed_over,
    matched_triggers,
    owned_goods,
    sentences,
)
from filon.pipeline.events.claimants import claimant_of, on_record
from filon.pipeline.events.context import (
    EventContext,
    EventPack,
    LocalAgreement,
    deal_word,
    extent,
    longest_first,
    mentions_in,
    named_resources,
    points_back,
    resources_in,
    where,
    within,
)
from filon.pipeline.events.learned import load_status_model
from filon.pipeline.events.lexicon import COARSE_STATUS, Trigger, load_event_lexicon
from filon.pipeline.events.local_agreements import (
    antecedent_of,
    local_agreement_of,
    register_named_deals,
)
from filon.pipeline.events.mentions import actor_mentions
from filon.pipeline.events.model_events import model_event
from filon.pipeline.events.parties import (
    actors_of,
    agent_of,
    attributions,
    counted_parties,
    merge_restatements,
    order_parties,
    split_partners,
)
from filon.pipeline.events.status import event_status, is_negated, modality_of
from filon.pipeline.events.subjects import deal_domain, deal_subject, preliminary
from filon.pipeline.events.timing import event_date
from filon.pipeline.extensions import doc_text, set_doc_extensions
from filon.pipeline.tokens import token_table

# Working mark of an event whose deal was reached; read and removed once the article is read.
REACHED = "_reached"


class EventExtractor(FilonComponent):
    """Find agreement, invitation, order, pressure, export-control and production-target events."""

    def __init__(self, nlp: Language, name: str = "filon_events", domain: str = DEFAULT_DOMAIN) -> None:
        self.name = name
        self.domain = domain
        set_doc_extensions()
        self.pack = EventPack(load_event_lexicon(domain), load_gazetteer(domain), nlp)
        self.matcher, self.resource_matcher = self.pack.lexicon.matchers(nlp)
        self.standalone = self.pack.lexicon.standalone_lemmas
        self.status_model = load_status_model(pack_folders(domain))

    def set_annotations(self, doc: Doc, events: list[dict]) -> None:
        """Write the events on `doc._.filon_events`."""
        doc._.filon_events = events

    # ------------------------------------------------------------------ matching
    def match(self, doc: Doc) -> list[dict]:
        """The events of `doc`, in text order (plain dicts, see module docstring)."""
        ctx = self.context(doc)
        events: list[dict] = []
        boilerplate = ctx.boilerplate
        idx, space = ctx.table.idx, ctx.table.space
        for sent in sentences(doc):
            if boilerplate and all(syn.in_any(idx[i], boilerplate)
                                   for i in range(sent.start, sent.end) if not space[i]):
                continue
            found, considered = self._sentence_events(ctx, sent)
            if not any(e["type"] == "agreement" for e in found):
                register_named_deals(ctx, sent.start, sent.end)
                if self.status_model is not None and not considered:
                    # where no cue of the rules is even in the sentence, the model may read the
                    # deal; a cue the rules weighed and set aside ("appelle à des négociations",
                    # "des extrémistes opposés à une entente") is a reading too, and it stands
                    learned = model_event(ctx, sent, self.status_model, self._scope(ctx, sent))
                    found = [*found, learned] if learned is not None else found
            events.extend(found)
        return concluded_unless_signing_told(self.pack, parties_told_later(self.pack, ctx, events))

    def context(self, doc: Doc) -> EventContext:
        """The per-doc state the rules read (actor mentions, deal nouns, quotes, dates)."""
        mentions = actor_mentions(self.pack, doc)
        text = doc_text(doc)
        table = token_table(doc)
        strings = doc.vocab.strings
        resources = [(table.idx[s], table.idx[e - 1] + len(table.text[e - 1]), strings[m])
                     for m, s, e in longest_first(self.resource_matcher(doc))]
        boilerplate = doc._.filon_boilerplate
        quotes = list(doc._.filon_quotes or [])
        nouns, talks = self.pack.lexicon.agreement_nouns, self.pack.lexicon.negotiation_nouns
        deal = where(table.lemma_lower, nouns, table.lower)
        deal_nouns = [i for i in deal if not syn.idiom(table, i)]
        return EventContext(
            doc=doc,
            pack=self.pack,
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
            doc_topical=self._topical([r for r in resources if not syn.in_any(r[0], boilerplate)]),
            text=text,
            table=table,
            boilerplate=boilerplate,
            resource_starts=[r[0] for r in resources],
            deal_nouns=deal_nouns,
            talk_nouns=where(table.lemma_lower, talks),
            standalone=where(table.lemma_lower, self.standalone, table.lower) if self.standalone else [],
        )

    def _topical(self, resources: list[tuple[int, int, str]]) -> bool:
        """Whether these resources put a deal in the pack's scope (always, for a pack of any deal)."""
        family = self.pack.lexicon.scope_family
        return family is None or any(self.pack.lexicon.resources[r[2]].family == family for r in resources)

    def _scope(self, ctx: EventContext, sent: Span) -> tuple[bool, bool]:
        """Whether the sentence names a resource the cues need, and whether its resources put a
        deal in the pack's scope."""
        named = resources_in(ctx, sent.start_char, sent.end_char)
        families = self.pack.lexicon.trigger_families
        return (any(self.pack.lexicon.resources[r[2]].family in families for r in named),
                self._topical(named))

    def _sentence_events(self, ctx: EventContext, sent: Span) -> tuple[list[dict], bool]:
        """The events the rules read in `sent`, and whether any cue of theirs matched there."""
        table = ctx.table
        lo, hi = sent.start, sent.end
        resource, topical = self._scope(ctx, sent)
        agreement_nouns = within(ctx.deal_nouns, lo, hi)
        has_context = bool(agreement_nouns or within(ctx.talk_nouns, lo, hi))
        # « personne ne peut signer cela »: a demonstrative object points back to the last deal
        pronoun = not has_context and bool(ctx.agreements) and syn.pronoun_object(table, lo, hi)
        has_context = has_context or pronoun
        if not (has_context or resource or within(ctx.standalone, lo, hi)):
            return [], False  # every trigger needs a deal word, a resource or an act of its own
        candidates = matched_triggers(ctx, sent, self.matcher, resource, has_context, agreement_nouns)
        chosen = []
        signing_aside = False  # a signing told in a clause that restates the deal
        deal_set = set(agreement_nouns)
        urging = self.pack.lexicon.urge_lemmas
        for span, trig in syn.drop_governed(table, syn.resolve_overlaps(candidates), urging):
            predicate = syn.predicate_of(table, span.start, span.end)
            if trig.status == "negotiating" and (syn.describes(table, predicate, deal_set)
                                                 or syn.fronted_description(table, predicate, lo, deal_set)):
                continue  # "leur accord de paix négocié sous l'égide de …": how it was made
            if trig.type == "agreement" and chosen and syn.is_modifier(table, predicate):
                # "un partenariat, présenté par Bruxelles comme …", "l'accord … conclu avec X":
                # restates the noun; its words stay in the clause of the cue before it
                # ("un accord …, que Zelensky doit signer vendredi": its signing is told)
                signing_aside = signing_aside or trig.tells_signing
                continue
            chosen.append((span, trig))
        if not chosen:
            return [], bool(candidates)
        regions = syn.regions(table, lo, hi, [span for span, _ in chosen])
        events: list[dict] = []
        idx, text = table.idx, table.text
        for (span, trig), (r_start, r_end) in zip(chosen, regions, strict=True):
            foreign = [(idx[a], idx[b - 1] + len(text[b - 1]))
                       for a, b in regions if (a, b) != (r_start, r_end)]
            event = self._event(ctx, sent, span, trig, r_start, r_end, agreement_nouns, (resource, topical),
                                foreign, pronoun)
            if event is not None:
                events.extend(split_partners(ctx, r_start, r_end, event))
        # a signing told beside the deal reached, before restatements merge into one event
        signing = signing_aside or any(tells_signing(self.pack, e) for e in events)
        for event in events if signing else ():
            event[REACHED] = False
        return merge_restatements(events), True

    # ------------------------------------------------------------------ one event
    def _event(
        self,
        ctx: EventContext,
        sent: Span,
        span: Span,
        trig: Trigger,
        r_start: int,
        r_end: int,
        agreement_nouns: list[int],
        scope: tuple[bool, bool],
        foreign: list[tuple[int, int]] | None = None,
        pronoun: bool = False,
    ) -> dict | None:
        doc = ctx.doc
        resource, topical = scope
        region = Span(doc, r_start, r_end)
        table = ctx.table
        mentions = mentions_in(ctx, region.start_char, region.end_char)
        told = attributions(ctx, sent)
        untold = [m for m in mentions if not syn.in_any(m.start, told)] if told else mentions
        predicate = syn.predicate_of(table, span.start, span.end)
        if any(m.party and not m.place for m in untold) or described_subject(ctx, predicate) or (
                told and ctx.agreements and points_back(ctx.pack, table, agreement_nouns, r_start, r_end)):
            # "X et Y ont trouvé un compromis, selon Z": Z tells, X and Y agree. With no
            # other party named ("selon Kiev et Washington, l'accord …"), the sources are it;
            # not when the act has a subject of its own ("les belligérants sont parvenus …") nor
            # when "cet accord" points back to a deal already told (its parties are that deal's)
            mentions = untold
        goods: list[int] = []
        if trig.to_recipient:
            goods = handed_over(ctx, predicate)
        elif trig.owned_object:
            goods = owned_goods(table, predicate)
        spans = [extent(ctx, c) for c in goods]
        if trig.to_recipient:
            # "a vendu 80 Rafale aux Émirats": the goods sold are no party (the buyer of "un
            # prêt … au Kenya", hung on the loan by the parser, and the seller of "quatre
            # frégates auprès des États-Unis" are)
            buyers = counterparts(ctx, predicate)
            mentions = [m for m in mentions if not any(a <= m.start < b for a, b in spans)
                        or any(a <= m.start < b for a, b in buyers)]
        if trig.owned_object:
            # "a acquis la filiale ghanéenne du groupe X": the adjective tells where the holding
            # is, the owner is the party
            mentions = [m for m in mentions if not (m.demonym and any(a <= m.start < b for a, b in spans))]
        chain = syn.governors(table, predicate, sent.start, sent.end)
        compare = next((table.idx[i] for i in range(span.end, r_end)
                        if table.lower[i] in self.pack.lexicon.comparison_cues), None)
        if compare is not None:
            # "présenté comme une alternative aux exigences de l'administration Trump"
            mentions = [m for m in mentions if m.start < compare]
        reporting = self.pack.lexicon.reporting_lemmas
        clause_head = syn.reported_clause(table, predicate, sent.start, sent.end, reporting)
        clause = extent(ctx, clause_head) if clause_head is not None else None
        if clause is not None:
            # "le commissaire français a rappelé que l'UE et l'Ukraine avaient signé …": the parties
            # are those of the reported clause when it names two of them
            inside = [m for m in mentions if clause[0] <= m.start < clause[1]]
            if len(syn.unique([m.party for m in inside if m.party and not m.place])) >= 2:
                mentions = inside
        agent = agent_of(ctx, sent, region, span, mentions, chain)
        explicit = syn.unique([m.party for m in mentions if m.party and not m.place])
        for noun in (i for i in agreement_nouns if r_start <= i < r_end):
            # "l'accord sur les minerais conclu avec les Etats-Unis": the noun's own complements
            # name parties even past the clause cut
            lo, hi = extent(ctx, noun)
            # a relative clause inside the noun phrase ("à l'Argentine, qui a conclu … avec
            # l'UE") tells of another deal: its names are not this one's parties (the first
            # in spaCy's subtree order, which is not text order in a non-projective parse)
            relcl = hi
            if any(table.dep[t] == "acl:relcl" for t in syn.subtree(table, noun)):
                relcl = next((t.left_edge.idx for t in doc[noun].subtree if t.dep_ == "acl:relcl"), hi)
            for m in mentions_in(ctx, max(lo, region.end_char), min(hi, relcl)):
                if m.party and not m.place and m.party not in explicit:
                    explicit.append(m.party)
        if agent is not None and agent.party and agent.party not in explicit:
            explicit.insert(0, agent.party)
        if trig.type == "agreement" and len(explicit) < 2:
            # "les deux parties ont finalement conclu un accord": the ones named before
            explicit = syn.unique(explicit + counted_parties(ctx, chain, sent.start_char))
        resources = (named_resources(ctx, region.start_char, region.end_char)
                     or named_resources(ctx, sent.start_char, sent.end_char))

        agreement_id = None
        local: LocalAgreement | None = None
        parties = explicit
        region_nouns = [i for i in agreement_nouns if r_start <= i < r_end] or agreement_nouns
        if trig.type == "agreement":
            talk_nouns = within(ctx.talk_nouns, sent.start, sent.end)
            if (pronoun or (trig.stands_alone and not explicit and ctx.agreements)) and not (
                    resource or region_nouns or talk_nouns):
                # « personne ne peut signer cela », "les deux parties ont convenu que …": the
                # article's last deal
                local = ctx.agreements[-1]
            else:
                local = local_agreement_of(ctx, explicit, resources, scope, region_nouns, talk_nouns,
                                           offer=trig.status == "proposed")
            if local is None:
                return None  # outside the pack's scope, or no deal named
            agreement_id = local.key
            parties = syn.unique(explicit + local.parties)
            if not resources:
                resources = list(local.resources)
        elif trig.requires_agreement:
            local = antecedent_of(ctx, explicit) if ctx.agreements else None
            if local is None and not (topical and agreement_nouns):
                return None
            agreement_id = local.key if local else None

        negated = is_negated(self.pack, table, span, sent, chain)
        modality = modality_of(self.pack, table, span, sent, chain, proposal=trig.status == "proposed",
                               decided=trig.decided)
        claimed_by, quote_index = claimant_of(ctx, sent, span, trig, agent, predicate)
        claimed_by = on_record(claimed_by)
        if claimed_by is None and len(parties) >= 2 and syn.joint_reporter(
                table, span.end, sent.start, sent.end, reporting):
            # "…, ont indiqué les deux capitales": both parties say it
            named = order_parties(self.pack, parties)
            claimed_by = {"name": " & ".join(n for _, n in named), "id": None, "ids": [i for i, _ in named]}
        deal_nouns = ([i for i in region_nouns if r_start <= i < r_end]
                      or within(ctx.talk_nouns, r_start, r_end))
        subject = deal_subject(ctx, deal_nouns, local) if trig.type == "agreement" else None
        local_signed = local.signed if local is not None and trig.type == "agreement" else None
        status, detail, coarse = event_status(
            ctx, sent, region, span, trig, negated, modality, quote_index, agent, local_signed, chain
        )
        if trig.restates_state and (claimed_by is not None or quote_index is not None or not parties):
            return None  # a speaker's gloss on the deal, or terms of a deal with no party named
        if trig.restates_state and status is not None:
            # "l'accord prévoit …", "les discussions portent sur …": the deal stands where the
            # article last put it; talks are talks, a deal told by its content is concluded
            lexicon = self.pack.lexicon
            talks = all(table.lemma_lower[i] in lexicon.negotiation_nouns for i in deal_nouns)
            draft = any(table.lemma_lower[c] in lexicon.draft_nouns for c in table.children(predicate)
                        if table.dep[c].startswith("nsubj"))
            status = (local.status if local is not None and local.status
                      else "negotiating" if talks else "proposed" if draft else status)
            coarse = COARSE_STATUS[status]
        elif local is not None and status is not None and modality == "asserted":
            local.status = status
        if status == "signed" and preliminary(ctx, subject, span.end_char, sent.start_char, sent.end_char):
            # "a conclu un accord de principe": agreed, the binding deal is still to come
            status, coarse = "close", COARSE_STATUS["close"]
        reached = bool(trig.without_signing and status == trig.status and modality == "asserted"
                       and not negated and not _on_draft(ctx, span.end)
                       and not preliminary(ctx, subject, span.end_char, sent.start_char, sent.end_char))
        date_value, date_source = event_date(ctx, sent, region, span, predicate, foreign)
        if status in ("signed", "ratified", "in_force") and _after(date_value, ctx.published):
            # "La Serbie signe vendredi un partenariat" in Thursday's paper: a present of
            # plan; what the article can assert is that the deal is agreed
            status, detail, coarse = "close", f"scheduled_{status}", COARSE_STATUS["close"]
        steps = ("signed", "ratified")
        if (local is not None and trig.type == "agreement" and status in steps and trig.status in steps
                and modality == "asserted" and local.signed != "ratified"):
            local.signed = status
        planned = None
        if trig.status in ("signed", "ratified", "in_force") and status == "close" and ctx.published:
            # "doit signer vendredi": the deal is close as of the article; Friday is the plan
            planned, date_value, date_source = date_value, ctx.published, "published"
        actors = actors_of(self.pack, mentions, agent, span, trig)
        domain = deal_domain(ctx, subject, ctx.text[region.start_char : region.end_char], resources, local)
        if local is not None and trig.type == "agreement":
            local.subject = local.subject or subject
            local.domain = local.domain or (domain if domain != "other" else None)
        return {
            "type": trig.type,
            "status": status,
            "parties": [{"name": name, "id": pid} for pid, name in order_parties(self.pack, parties)],
            "actors": actors,
            "subject": subject["text"] if subject else (resources[0]["name"] if resources else None),
            "subject_span": subject,
            "domain": domain,
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
            REACHED: reached,
        }



def _after(day: str | None, published: str | None) -> bool:
    """Whether the day `day` (ISO, to the day) falls after the article's own day."""
    return bool(day and published and len(day) == 10 and len(published) >= 10 and day > published[:10])


@Language.factory("filon_events", default_config={"domain": DEFAULT_DOMAIN})
def make_events(nlp: Language, name: str, domain: str = DEFAULT_DOMAIN) -> EventExtractor:
    """Create the `filon_events` component (reads the pack's event lexicon once)."""
    return EventExtractor(nlp, name, domain=domain)


def parties_told_later(pack: EventPack, ctx: EventContext, events: list[dict]) -> list[dict]:
    """An event of a deal whose parties the article names only later ("L'accord a été signé
    hier." then "… entre le Kazakhstan et le groupe Orano") gets them: its deal's parties as the
    whole article told them."""
    deals = {local.key: local for local in ctx.agreements}
    for event in events:
        local = deals.get(event.get("agreement_id") or "")
        if event["type"] == "agreement" and not event["parties"] and local is not None and local.parties:
            event["parties"] = [{"name": name, "id": pid} for pid, name in order_parties(pack, local.parties)]
    return events


def _on_draft(ctx: EventContext, after: int) -> bool:
    """The deal reached is about a draft ("sont parvenus à un consensus sur le projet de
    texte"): the text is agreed, its signing still to come."""
    table = ctx.table
    k = after
    if k >= table.n or table.lower[k] != "sur":
        return False
    k += 1
    while k < table.n and table.pos[k] == "DET":
        k += 1
    return k < table.n and table.lemma_lower[k] in ctx.pack.lexicon.draft_nouns


def concluded_unless_signing_told(pack: EventPack, events: list[dict]) -> list[dict]:
    """A deal reached ("sont parvenus à un accord", "un accord a été trouvé") is concluded
    (`without_signing`) unless the article tells of a signing of that deal: done, planned,
    delayed or refused ("l'accord trouvé … doit être signé lundi" keeps it close). A ceasefire
    or a debt deal reached has no signing to wait for; a treaty whose text is agreed does."""
    triggers = pack.lexicon.triggers
    signing = {e["agreement_id"] for e in events
               if e["agreement_id"] is not None and tells_signing(pack, e)}
    for event in events:
        if event.pop(REACHED, False) and event["agreement_id"] not in signing:
            event["status"] = triggers[event["cue"]].without_signing
            event["coarse_status"] = COARSE_STATUS[event["status"]]
            event["detail"] = "reached"
    return events


def described_subject(ctx: EventContext, predicate: int) -> bool:
    """The act's subject is a noun that names no deal: the parties are described ("les parties
    belligérantes", "les syndicats"), and whoever reports the act is not one of them."""
    table = ctx.table
    return any(table.dep[c] in ("nsubj", "nsubj:pass") and table.pos[c] == "NOUN"
               and not deal_word(ctx.pack, table, c)
               # "les deux pays", "les deux parties": the reporter may well be one of them
               and not any(table.pos[g] == "NUM" for g in table.children(c))
               for c in table.children(predicate))


def tells_signing(pack: EventPack, event: dict) -> bool:
    """The event speaks of its deal's signing: done, planned, delayed or refused."""
    trig = pack.lexicon.triggers.get(event["cue"])  # the model's events have no cue of the pack
    return trig is not None and trig.tells_signing
