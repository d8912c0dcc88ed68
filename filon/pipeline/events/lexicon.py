"""The event lexicon of a domain pack, compiled once: triggers, status cues, resources, demonyms.

Data lives in the pack (`event_triggers.yaml`, `resources.csv`); this module only reads it,
checks it and builds spaCy matchers, so that adding a cue never needs a code change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher

from filon.domains.demonyms import state_demonyms
from filon.domains.folding import fold
from filon.domains.gazetteer import load_gazetteer
from filon.domains.pack import DEFAULT_DOMAIN, pack_has, read_csv, read_yaml
from filon.domains.taxonomy import DOMAINS
from filon.errors import DomainError, Errors
from filon.pipeline.tokens import TokenTable, token_table

TRIGGERS_FILE = "event_triggers.yaml"
RESOURCES_FILE = "resources.csv"
DOMAINS_FILE = "deal_domains.csv"


# statuses an agreement event may carry (None: no status asserted)
STATUSES = (
    "proposed",
    "negotiating",
    "close",
    "rejected",
    "signed",
    "ratified",
    "in_force",
    "suspended",
    "collapsed",
    "other",  # internal: a step read through its `coarse` status (approved, signing delayed)
)
# the five coarse statuses of the gold conventions; suspended/collapsed ("talks fell through") map to None
COARSE_STATUS: dict[str, str | None] = {
    "proposed": "proposed",
    "negotiating": "negotiating",
    "close": "close",
    "rejected": "rejected",
    "signed": "signed",
    "ratified": "signed",
    "in_force": "signed",
    "suspended": None,
    "collapsed": None,
    "other": None,
}


@dataclass(frozen=True, slots=True)
class Trigger:
    """One cue of the lexicon: what it matches and what event it makes."""

    id: str
    type: str  # "agreement" for status cues, else the event type
    status: str | None
    speech_act: bool = False
    coarse: str | None = None
    detail: str | None = None
    requires_lemma: frozenset[str] = frozenset()
    unless_lemma: frozenset[str] = frozenset()
    object_lemmas: frozenset[str] = frozenset()  # the act's object (or passive subject) must be one
    indefinite_object: bool = False  # ... introduced by un/une/des ("a évoqué un accord")
    requires_resource: bool = False
    requires_agreement: bool = False
    self_context: bool = False  # the cue itself names talks: no agreement noun needed
    subject_fits: bool = False  # `object_lemmas` may be the subject ("les discussions se poursuivent")
    asserts_state: bool = False  # a planned or possible step still says where the deal stands
    after_signature: str | None = None  # coarse status when the article's deal is already signed
    in_quote_refusal: bool = False  # negated and planned inside direct speech: a refusal
    resource_in_object: bool = False  # the resource must sit in the cue's complements
    needs_antecedent: bool = False  # only about an agreement already named in the article
    planned_status: str | None = None  # status when the act is planned ("devra être négocié")
    subject_only: bool = False  # a bare noun cue asserts only as the subject of its clause
    negated_status: str | None = None  # status when the act is denied ("pas finalisé": still talks)
    decided: bool = False  # deciding the act is doing it ("il a été décidé de prolonger l'accord")
    without_signing: str | None = None  # status of a deal reached when no signing of it is told
    tells_signing: bool = False  # the cue speaks of the deal's signing (done, planned or refused)
    to_recipient: bool = False  # an act with a party after "à" ("vendu à l'Égypte"): no deal word needed
    with_partner: bool = False  # the cue noun names a party after "avec" / "entre" ("pourparlers avec X")
    restates_state: bool = False  # tells what the deal holds: its status is the deal's, as last told
    stands_alone: bool = False  # an act that is a deal by itself ("ont convenu de"): no deal word needed
    partner_with: bool = False  # an act with a party after "avec" ("négocie avec Paris l'achat de …")
    owned_object: bool = False  # an act on a firm or a holding of a named owner ("a racheté X")


@dataclass(frozen=True, slots=True)
class Resource:
    """A canonical resource (rare earths, lithium, ...)."""

    id: str
    name: str
    name_fr: str
    family: str
    parent: str | None


@dataclass(frozen=True, slots=True)
class DealDomains:
    """Words that place a deal in a domain, compiled to one pattern per domain."""

    patterns: tuple[tuple[str, re.Pattern], ...] = ()

    def classify(self, *texts: str) -> str | None:
        """The domain of the first text that names any (most hits, then taxonomy order)."""
        for text in texts:
            folded = fold(text)
            hits = [(len(p.findall(folded)), -i, name) for i, (name, p) in enumerate(self.patterns)]
            best = max(hits, default=(0, 0, None))
            if best[0]:
                return best[2]
        return None


def _domain_pattern(words: list[str]) -> re.Pattern:
    alternatives = []
    for word in words:
        stem = re.escape(fold(word.rstrip("*")))
        alternatives.append(stem + (r"[\w-]*" if word.endswith("*") else ""))
    body = "|".join(sorted(alternatives, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])")


def load_deal_domains(domain: str = DEFAULT_DOMAIN) -> DealDomains:
    """A pack's deal_domains.csv (no file: no domain words, every deal "other")."""
    if not pack_has(domain, DOMAINS_FILE):
        return DealDomains()
    where = f"{DOMAINS_FILE} of {domain}"
    patterns = []
    for row in read_csv(domain, DOMAINS_FILE, ("domain", "words", "source")):
        if row["domain"] not in DOMAINS:
            reason = f"unknown domain {row['domain']!r} (one of {', '.join(DOMAINS)})"
            raise DomainError(Errors.F301.format(file=where, line=0, reason=reason))
        words = [w.strip() for w in row["words"].split("|") if w.strip()]
        patterns.append((row["domain"], _domain_pattern(words)))
    return DealDomains(tuple(patterns))


@dataclass(slots=True)
class EventLexicon:
    """Everything `filon_events` needs from a domain pack, ready to match."""

    triggers: dict[str, Trigger] = field(default_factory=dict)
    agreement_nouns: dict[str, bool] = field(default_factory=dict)  # lemma -> anaphoric_only
    negotiation_nouns: frozenset[str] = frozenset()
    anaphoric_determiners: frozenset[str] = frozenset()
    resources: dict[str, Resource] = field(default_factory=dict)
    resource_surfaces: dict[str, str] = field(default_factory=dict)  # lower surface -> id
    modal: dict[str, str] = field(default_factory=dict)  # lemma -> "possible"|"expected"
    hypothetical_marks: frozenset[str] = frozenset()
    negation_words: frozenset[str] = frozenset()
    attribution_cues: frozenset[str] = frozenset()
    reporting_lemmas: frozenset[str] = frozenset()
    demonyms: dict[str, tuple[str, str]] = field(default_factory=dict)  # form -> (id, name)
    place_nouns: frozenset[str] = frozenset()
    source_nouns: frozenset[str] = frozenset()  # 'un responsable américain': who tells
    company_nouns: frozenset[str] = frozenset()  # 'la société française X': a company's origin
    generic_body_nouns: frozenset[str] = frozenset()  # 'le Conseil' alone names no party
    membership_nouns: frozenset[str] = frozenset()  # 'son adhésion à l'UE': joined, not a party
    counted_party_nouns: frozenset[str] = frozenset()  # 'les deux parties': parties counted, not named
    plural_party_nouns: frozenset[str] = frozenset()  # 'les belligérants': the parties, uncounted
    legislature_nouns: frozenset[str] = frozenset()  # 'le feu vert du Parlement': a ratification
    holding_nouns: frozenset[str] = frozenset()  # 'la filiale du groupe X': what a firm owns
    circumstance_words: frozenset[str] = frozenset()  # 'lors des', 'dans le cadre de' talks held
    draft_nouns: frozenset[str] = frozenset()  # 'le projet d'accord prévoit …': a deal proposed
    urge_lemmas: frozenset[str] = frozenset()  # 'exhorter X à signer'
    locative_prepositions: frozenset[str] = frozenset()
    dative_verbs: frozenset[str] = frozenset()
    non_parties: frozenset[str] = frozenset()
    comparison_cues: frozenset[str] = frozenset()
    preliminary_qualifiers: frozenset[str] = frozenset()  # folded: 'de principe', …
    deal_name_words: frozenset[str] = frozenset()  # words of a deal's or a law's name
    qualified_nouns: dict[str, frozenset[str]] = field(default_factory=dict)  # plan -> {paix, …}
    patterns: dict[str, list] = field(default_factory=dict)  # trigger id -> token pattern
    # which agreements count: None for a deal of any kind, else a resource family that the
    # sentence (or the article, for "l'accord") must name
    scope_family: str | None = None
    # resource families that the cues needing a resource (`requires_resource`) accept
    trigger_families: frozenset[str] = frozenset()
    domains: DealDomains = field(default_factory=DealDomains)

    @property
    def standalone_lemmas(self) -> frozenset[str]:
        """Lemmas and forms of the acts that make a deal without a deal word (`to_recipient`,
        `stands_alone`, `partner_with`, `owned_object`)."""
        return frozenset(w for t in self.triggers.values() if t.to_recipient or t.stands_alone
                         or t.partner_with or t.owned_object for w in t.requires_lemma)

    def matchers(self, nlp: Language) -> tuple[TriggerMatcher, PhraseMatcher]:
        """Compile the trigger matcher and the resource PhraseMatcher for `nlp`'s vocab."""
        matcher = Matcher(nlp.vocab, validate=True)
        single: dict[str, dict] = {}
        sequences: dict[str, list[dict]] = {}
        for trigger_id, pattern in self.patterns.items():
            try:  # spaCy validates the pattern schema, whichever engine runs it
                Matcher(nlp.vocab, validate=True).add(trigger_id, [pattern])
            except (ValueError, KeyError) as exc:
                reason = f"{trigger_id}: {exc}"
                raise DomainError(Errors.F301.format(file=TRIGGERS_FILE, line=0, reason=reason)) from exc
            if len(pattern) == 1 and TokenTriggers.supports(pattern[0]):
                single[trigger_id] = pattern[0]
            elif SequenceTriggers.supports(pattern):
                sequences[trigger_id] = pattern
            else:
                matcher.add(trigger_id, [pattern])
        phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        by_id: dict[str, list[str]] = {}
        for surface, resource_id in self.resource_surfaces.items():
            by_id.setdefault(resource_id, []).append(surface)
        for resource_id, surfaces in by_id.items():
            # make_doc only tokenizes: the patterns need no parse
            phrases.add(resource_id, [nlp.make_doc(s) for s in surfaces])
        order = {trigger_id: i for i, trigger_id in enumerate(self.patterns)}
        strings = nlp.vocab.strings
        engines = TokenTriggers(single, strings), SequenceTriggers(sequences, strings)
        return TriggerMatcher(matcher if len(matcher) else None, engines, order, strings), phrases


# Matcher attribute -> TokenTable list
_ATTRS = {"LEMMA": "lemma", "LOWER": "lower", "POS": "pos", "IS_PUNCT": "punct"}
_INDEXED = ("LEMMA", "LOWER")
# A compiled token spec: (TokenTable list name, expected value or {"IN"|"NOT_IN"|"REGEX": ...})
Check = tuple[str, Any]
# one match: (match key, trigger id, start, end), token offsets relative to the span
Found = tuple[int, str, int, int]
_NONE: list = []  # never mutated: only concatenated


def _supported_spec(spec: dict) -> bool:
    if any(attr not in _ATTRS for attr in spec):
        return False
    for attr, value in spec.items():
        if isinstance(value, dict) and (set(value) - {"IN", "NOT_IN", "REGEX"}
                                        or ("REGEX" in value and attr != "LOWER")):
            return False
        if attr == "IS_PUNCT" and not isinstance(value, bool):
            return False
    return True


def _compile(spec: dict) -> list[Check]:
    out: list[Check] = []
    for attr, value in spec.items():
        if isinstance(value, dict) and "REGEX" in value:
            value = {**value, "REGEX": re.compile(value["REGEX"])}
        elif isinstance(value, dict):
            value = {k: frozenset(v) for k, v in value.items()}
        out.append((_ATTRS[attr], value))
    return out


def _index_words(spec: dict) -> tuple[str, list[str]] | None:
    """The attribute (LEMMA first, else LOWER) and the words its equality or IN lets through:
    the only words a token matching `spec` can have."""
    for attr in _INDEXED:
        value = spec.get(attr)
        if isinstance(value, str):
            return attr, [value]
        if isinstance(value, dict) and "IN" in value:
            return attr, list(value["IN"])
    return None


def _fits(table: TokenTable, i: int, checks: list[Check]) -> bool:
    for attr, value in checks:
        actual = getattr(table, attr)[i]
        if not isinstance(value, dict):
            if actual != value:
                return False
            continue
        if "IN" in value and actual not in value["IN"]:
            return False
        if "NOT_IN" in value and actual in value["NOT_IN"]:
            return False
        if "REGEX" in value and value["REGEX"].search(actual) is None:
            return False
    return True


class TokenTriggers:
    """One-token trigger patterns matched by dictionary lookups.

    Most cues are one token ({LEMMA: {IN: [...]}}, a participle REGEX): spaCy's Matcher pays for
    every pattern on every token, a lemma index pays once per token. Semantics are the Matcher's
    for the keys supported here (LEMMA, LOWER, POS, IS_PUNCT with equality, IN, NOT_IN; REGEX on
    LOWER, searched as spaCy does).
    """

    def __init__(self, patterns: dict[str, dict], strings) -> None:
        self.by_lemma: dict[str, list[tuple[int, str, list[Check]]]] = {}
        self.by_lower: dict[str, list[tuple[int, str, list[Check]]]] = {}
        self.regexes: list[tuple[int, str, list[Check]]] = []
        for trigger_id, spec in patterns.items():
            key = strings.add(trigger_id)
            checks = _compile(spec)
            indexed = _index_words(spec)
            if indexed is None:  # a REGEX on LOWER: tried only where the combined prefilter finds something
                self.regexes.append((key, trigger_id, checks))
                continue
            attr, words = indexed
            index = self.by_lemma if attr == "LEMMA" else self.by_lower
            for word in words:
                index.setdefault(word, []).append((key, trigger_id, checks))
        regexes = [v["REGEX"] for _, _, checks in self.regexes for a, v in checks
                   if isinstance(v, dict) and "REGEX" in v]
        self.prefilter = re.compile("|".join(f"(?:{r.pattern})" for r in regexes) or "(?!)")

    @staticmethod
    def supports(spec: dict) -> bool:
        """A one-token spec this class can match exactly like the Matcher."""
        if not spec or not _supported_spec(spec):
            return False
        regex = [a for a, v in spec.items() if isinstance(v, dict) and "REGEX" in v]
        return _index_words(spec) is not None or regex == ["LOWER"]

    def __call__(self, table: TokenTable, start: int, end: int) -> list[Found]:
        out = []
        lemmas, lowers = table.lemma, table.lower
        by_lemma, by_lower, prefilter = self.by_lemma, self.by_lower, self.prefilter
        for i in range(start, end):
            found = by_lemma.get(lemmas[i], _NONE) + by_lower.get(lowers[i], _NONE)
            if self.regexes and prefilter.search(lowers[i]):
                found += self.regexes
            for key, trigger_id, checks in found:
                if _fits(table, i, checks):
                    out.append((key, trigger_id, i - start, i - start + 1))
        return out


class SequenceTriggers:
    """Multi-token trigger patterns ("sur le point de", "en négociation", "très proche de …").

    spaCy's Matcher tests every pattern's first token at every token, through Python set
    predicates; here each pattern is looked up by the words of one required token (its anchor)
    and only tried around the tokens that carry them. Semantics are the Matcher's without
    `greedy`: every (start, end) the pattern can cover, once, for the ops "?", "*", "+" and one.
    """

    OPS = (None, "?", "*", "+", "1")

    def __init__(self, patterns: dict[str, list[dict]], strings) -> None:
        # anchor word -> (key, trigger id, anchor step, compiled steps) for LEMMA and LOWER anchors
        self.by_lemma: dict[str, list[tuple[int, str, int, list]]] = {}
        self.by_lower: dict[str, list[tuple[int, str, int, list]]] = {}
        for trigger_id, pattern in patterns.items():
            key = strings.add(trigger_id)
            steps = [(_compile({a: v for a, v in spec.items() if a != "OP"}), spec.get("OP"))
                     for spec in pattern]
            anchor = next(i for i, spec in enumerate(pattern) if self._anchor(spec))
            attr, words = _index_words(pattern[anchor]) or ("", [])
            index = self.by_lemma if attr == "LEMMA" else self.by_lower
            for word in words:
                index.setdefault(word, []).append((key, trigger_id, anchor, steps))

    @staticmethod
    def _anchor(spec: dict) -> bool:
        return spec.get("OP") in (None, "1") and _index_words(spec) is not None

    @classmethod
    def supports(cls, pattern: list[dict]) -> bool:
        """A pattern this class can match exactly like the Matcher."""
        return bool(pattern) and all(
            spec.get("OP") in cls.OPS and _supported_spec({a: v for a, v in spec.items() if a != "OP"})
            for spec in pattern
        ) and any(cls._anchor(spec) for spec in pattern)

    def __call__(self, table: TokenTable, start: int, end: int) -> list[Found]:
        out: set[Found] = set()
        lemmas, lowers = table.lemma, table.lower
        by_lemma, by_lower = self.by_lemma, self.by_lower
        for i in range(start, end):
            anchored = by_lemma.get(lemmas[i], _NONE) + by_lower.get(lowers[i], _NONE)
            for key, trigger_id, anchor, steps in anchored:
                if not _fits(table, i, steps[anchor][0]):
                    continue
                firsts = _reach(table, steps[:anchor][::-1], i, start - 1, -1)
                if not firsts:
                    continue
                lasts = _reach(table, steps[anchor + 1 :], i, end, 1)
                for first in firsts:
                    for last in lasts:
                        out.add((key, trigger_id, first - start, last - start + 1))
        return sorted(out, key=lambda m: (m[2], m[3], m[1]))


def _reach(table: TokenTable, steps: list, pos: int, limit: int, step: int) -> set[int]:
    """Positions of the last token covered when `steps` match from next to `pos` in direction
    `step` (without passing `limit`), `pos` itself when `steps` match nothing."""
    states = {pos}
    for checks, op in steps:
        nxt: set[int] = set()
        if op in ("?", "*"):
            nxt |= states  # the step may match no token
        frontier = states
        while frontier:
            moved = {p + step for p in frontier if p + step != limit and _fits(table, p + step, checks)}
            new = moved - nxt if op in ("*", "+") else moved
            nxt |= moved
            frontier = new if op in ("*", "+") else set()
        states = nxt
        if not states:
            break
    return states


class TriggerMatcher:
    """Every trigger match of a span, as the Matcher's (match_id, start, end) relative to the
    span, ordered by start then by lexicon order: one-token and multi-token cues by lookups,
    any pattern they cannot run exactly by spaCy's Matcher."""

    def __init__(self, matcher: Matcher | None, engines: tuple[TokenTriggers, SequenceTriggers],
                 order: dict[str, int], strings) -> None:
        self.matcher = matcher
        self.engines = engines
        self.order = order
        self.strings = strings

    def __call__(self, span) -> list[tuple[int, int, int]]:
        found: list[Found] = []
        if self.matcher is not None:
            found = [(key, self.strings[key], start, end) for key, start, end in self.matcher(span)]
        table = token_table(span.doc)
        for engine in self.engines:
            found += engine(table, span.start, span.end)
        found.sort(key=lambda m: (m[2], self.order[m[1]], m[3]))
        return [(key, start, end) for key, _, start, end in found]


# the pack's plain word lists, each read into the `EventLexicon` field of the same name
_WORD_SETS = ("hypothetical_marks", "negation_words", "attribution_cues", "reporting_lemmas",
              "place_nouns", "source_nouns", "urge_lemmas", "locative_prepositions",
              "dative_verbs", "non_parties", "comparison_cues", "deal_name_words", "company_nouns",
              "generic_body_nouns", "membership_nouns", "circumstance_words", "draft_nouns",
              "counted_party_nouns", "plural_party_nouns", "legislature_nouns", "holding_nouns")


def with_curly_apostrophes(pattern: list[dict]) -> list[dict]:
    """The pattern with every word written with a straight apostrophe ("d'") also accepted with
    the typographic one ("d’") that most press copy uses; regexes accept both."""
    def words(value: object) -> object:
        if isinstance(value, str):
            return {"IN": [value, value.replace("'", "’")]} if "'" in value else value
        if isinstance(value, dict):
            out = dict(value)
            if isinstance(out.get("IN"), list):
                both = [(x, x.replace("'", "’")) if isinstance(x, str) else (x,) for x in out["IN"]]
                out["IN"] = list(dict.fromkeys(v for pair in both for v in pair))
            if isinstance(out.get("REGEX"), str) and "'" in out["REGEX"] and "’" not in out["REGEX"]:
                out["REGEX"] = out["REGEX"].replace("'", "['’]")
            return out
        return value
    return [{key: words(value) if key in ("LOWER", "ORTH", "TEXT", "NORM") else value
             for key, value in token.items()} for token in pattern]


def _values(data: dict, key: str) -> frozenset[str]:
    section = data.get(key) or {}
    values = section.get("values", []) if isinstance(section, dict) else section
    words = {str(v).lower() for v in values}
    return frozenset(words | {w.replace("'", "’") for w in words})


def _trigger(entry: dict, default_type: str, where: str) -> Trigger:
    for key in ("id", "pattern", "source"):
        if not entry.get(key):
            reason = f"entry without '{key}': {entry}"
            raise DomainError(Errors.F301.format(file=where, line=0, reason=reason))
    status = entry.get("status")
    if status is not None and status not in STATUSES:
        reason = f"{entry['id']}: unknown status {status}"
        raise DomainError(Errors.F301.format(file=where, line=0, reason=reason))
    if entry.get("without_signing") not in (None, *STATUSES):
        reason = f"{entry['id']}: unknown without_signing status {entry['without_signing']}"
        raise DomainError(Errors.F301.format(file=where, line=0, reason=reason))
    coarse = entry.get("coarse", COARSE_STATUS.get(status) if status else None)
    return Trigger(
        id=entry["id"],
        type=entry.get("type", default_type),
        status=status,
        speech_act=bool(entry.get("speech_act", False)),
        coarse=coarse,
        detail=entry.get("detail"),
        requires_lemma=frozenset(entry.get("requires_lemma", [])),
        unless_lemma=frozenset(entry.get("unless_lemma", [])),
        object_lemmas=frozenset(entry.get("object_lemmas", [])),
        indefinite_object=bool(entry.get("indefinite_object", False)),
        requires_resource=bool(entry.get("requires_resource", False)),
        requires_agreement=bool(entry.get("requires_agreement", False)),
        self_context=bool(entry.get("self_context", False)),
        subject_fits=bool(entry.get("subject_fits", False)),
        asserts_state=bool(entry.get("asserts_state", False)),
        after_signature=entry.get("after_signature"),
        in_quote_refusal=bool(entry.get("in_quote_refusal", False)),
        resource_in_object=bool(entry.get("resource_in_object", False)),
        needs_antecedent=bool(entry.get("needs_antecedent", False)),
        planned_status=entry.get("planned_status"),
        subject_only=bool(entry.get("subject_only", False)),
        negated_status=entry.get("negated_status"),
        decided=bool(entry.get("decided", False)),
        without_signing=entry.get("without_signing"),
        tells_signing=bool(entry.get("tells_signing", False)),
        to_recipient=bool(entry.get("to_recipient", False)),
        with_partner=bool(entry.get("with_partner", False)),
        restates_state=bool(entry.get("restates_state", False)),
        stands_alone=bool(entry.get("stands_alone", False)),
        partner_with=bool(entry.get("partner_with", False)),
        owned_object=bool(entry.get("owned_object", False)),
    )


@lru_cache(maxsize=8)
def load_event_lexicon(domain: str = DEFAULT_DOMAIN) -> EventLexicon:
    """Read and check a pack's event lexicon once per process.

    Raises:
        DomainError: an entry lacks its id, pattern or source, or names an unknown status.
    """
    where = f"{TRIGGERS_FILE} of {domain}"
    data = read_yaml(domain, TRIGGERS_FILE) or {}
    scope = data.get("agreement_scope") or {}
    lex = EventLexicon(scope_family=scope.get("resource_family") if isinstance(scope, dict) else None,
                       trigger_families=_values(data, "trigger_resource_families"),
                       domains=load_deal_domains(domain))
    for entry in data.get("status_cues", []):
        trig = _trigger(entry, "agreement", where)
        lex.triggers[trig.id] = trig
        lex.patterns[trig.id] = with_curly_apostrophes(entry["pattern"])
    for entry in data.get("event_triggers", []):
        if not entry.get("type"):
            raise DomainError(Errors.F301.format(file=where, line=0, reason=f"{entry.get('id')}: no type"))
        trig = _trigger(entry, entry["type"], where)
        lex.triggers[trig.id] = trig
        lex.patterns[trig.id] = with_curly_apostrophes(entry["pattern"])
    for entry in data.get("agreement_nouns", []):
        lex.agreement_nouns[entry["lemma"].lower()] = bool(entry.get("anaphoric_only", False))
    lex.negotiation_nouns = frozenset(e["lemma"].lower() for e in data.get("negotiation_nouns", []))
    lex.anaphoric_determiners = _values(data, "anaphoric_determiners")
    for modality, lemmas in (data.get("modal_lemmas") or {}).items():
        if modality == "source":
            continue
        for lemma in lemmas:
            lex.modal[str(lemma).lower()] = modality
    for name in _WORD_SETS:  # each a `{values: [...], source: ...}` section of the same name
        setattr(lex, name, _values(data, name))
    for entry in data.get("qualified_agreement_nouns", []):
        lex.qualified_nouns[entry["lemma"].lower()] = frozenset(
            str(c).lower() for c in entry["complements"])
        # the bare noun points back to the deal its qualified form named ("le plan")
        lex.agreement_nouns.setdefault(entry["lemma"].lower(), True)
    lex.preliminary_qualifiers = frozenset(fold(v) for v in _values(data, "preliminary_qualifiers"))
    for entry in data.get("demonyms", []):
        for form in entry["forms"]:
            lex.demonyms[str(form).lower()] = (entry["id"], entry["name"])
    # the world's states from the pack's table; the YAML's hand-listed forms win
    for form, hit in state_demonyms(domain, load_gazetteer(domain)).items():
        lex.demonyms.setdefault(form, hit)
    for row in read_csv(domain, RESOURCES_FILE, ("id", "name", "family", "surfaces", "source")):
        res = Resource(row["id"], row["name"], row.get("name_fr") or row["name"], row["family"],
                       row.get("parent") or None)
        lex.resources[res.id] = res
        for surface in row["surfaces"].split("|"):
            if surface.strip():
                lex.resource_surfaces.setdefault(surface.strip().lower(), res.id)
    return lex
