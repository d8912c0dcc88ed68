"""What agreement linking works on: *units* (the events of one agreement within one article) and
*clusters* (one agreement across articles), with the date helpers they share.

A unit carries everything linking and the agreement summaries need, in a compact form that the
store keeps (`link_units`), so that adding articles never re-reads stored records.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

LINKED_TYPES = frozenset({"agreement", "investment_invitation"})
# A signing dated this long before its article is an earlier agreement told as background.
PAST_INSTANCE_DAYS = 365
_SLUG = re.compile(r"[^a-z0-9]+")
# what tells one deal's name from another's of the same kind: a year ("budget 2026") or a
# numbered code ("COP29", "G20"); amounts ("500 milliards") are not names
_NAME_MARK = re.compile(r"\b(?:19\d\d|20\d\d|[A-Z]{1,5}-?\d{1,3})\b")

UnitKey = tuple[date, str, int]


def slug(text: str) -> str:
    """'United States' -> 'united-states'; accents folded."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return _SLUG.sub("-", text).strip("-")


@dataclass(slots=True)
class Unit:
    """The events of one agreement within one article.

    `steps` holds, per event, what the summaries read: index `i`, `status`, `date`, `claimed_by`
    (a name), evidence `start`/`end`, `parties` ([name, id] in order) and `resources` (names).
    """

    article_id: str
    events: list[int]
    parties: list[str]  # canonical names, in order of first mention
    party_ids: dict[str, str | None]
    resources: list[str]
    family: str
    day: date | None
    types: set[str]
    published: str | None = None
    steps: list[dict] = field(default_factory=list)

    @property
    def marks(self) -> frozenset[str]:
        """Years and numbered codes the unit's subjects name ("budget 2026", "COP29")."""
        return frozenset(m.replace("-", "") for step in self.steps
                         for m in _NAME_MARK.findall(step.get("subject") or ""))

    @property
    def domain(self) -> str | None:
        """What the unit's deal is about: the commonest domain its events name ("other" and
        steps stored before domains do not count); None when none names one or two tie."""
        counts = Counter(s.get("domain") for s in self.steps if s.get("domain") not in (None, "other"))
        top = counts.most_common(2)
        if not top or (len(top) == 2 and top[0][1] == top[1][1]):
            return None
        return top[0][0]

    @property
    def key(self) -> UnitKey:
        """The unit's place in linking order: its day, then its article id and first event.

        Nothing about the order the articles arrived in: any batching gives the same agreements.
        """
        return (self.day or date.max, self.article_id, self.events[0])


@dataclass(slots=True)
class Cluster:
    """One agreement across articles. Its party counts, core and days are kept up to date as
    units join, so that trying a unit against a cluster does not re-read all its units (a
    long-running deal gathers hundreds of articles)."""

    units: list[Unit] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)  # units naming each party
    # the same over units naming two parties or more: a one-sided mention ("le Parlement a
    # ratifié l'accord") joins an agreement but never decides between whom it is
    multi_counts: Counter[str] = field(default_factory=Counter)
    multi_units: int = 0
    domains: Counter[str] = field(default_factory=Counter)  # units per domain (`Unit.domain`)
    marks: set[str] = field(default_factory=set)  # years and codes its subjects name
    sorted_days: list[date] = field(default_factory=list)
    _core: list[str] | None = None

    @property
    def founder(self) -> UnitKey:
        """The key of the unit that opened the cluster (units join in key order)."""
        return self.units[0].key

    @property
    def family(self) -> str:
        return self.units[0].family

    def add(self, unit: Unit) -> None:
        """Let `unit` join the cluster."""
        self.units.append(unit)
        # each party once per unit, in order of mention: ties in `most_common` then follow the
        # text, not the order of a set (which changes from one process to the next)
        parties = list(dict.fromkeys(unit.parties))
        self.counts.update(parties)
        if len(parties) > 1:
            self.multi_counts.update(parties)
            self.multi_units += 1
        if unit.day is not None:
            bisect.insort(self.sorted_days, unit.day)
        if unit.domain is not None:
            self.domains[unit.domain] += 1
        self.marks |= unit.marks
        self._core = None

    def about(self, domain: str) -> bool:
        """Whether the cluster's deal is about `domain`: it names no domain yet, or at least a
        fifth of its units that name one name this one (one misread unit does not open a door
        for every later unit of its domain)."""
        total = sum(self.domains.values())
        return not total or 5 * self.domains[domain] >= total

    def days(self) -> list[date]:
        """The dates of the cluster's units, in order."""
        return self.sorted_days

    def core(self) -> list[str]:
        """Parties named by more than half of the units (at least the two most named), counting
        only the units that name two parties or more when there are any."""
        if self._core is None:
            counts, size = ((self.multi_counts, self.multi_units) if self.multi_units
                            else (self.counts, len(self.units)))
            core = [p for p, n in counts.items() if 2 * n > size]
            if len(core) < 2:
                core = [p for p, _ in counts.most_common(2)]
            self._core = sorted(core)
        return self._core

    def gap(self, day: date) -> int | None:
        """Days from `day` to the nearest day of the cluster (None when it has no day)."""
        days = self.sorted_days
        if not days:
            return None
        i = bisect.bisect_left(days, day)
        return min(abs((day - d).days) for d in days[max(i - 1, 0) : i + 1])


def day_of(value: str | None) -> date | None:
    """A date value as one day: a month at mid-month, a bare year at its middle, else None."""
    if not value:
        return None
    try:
        parts = value.split("-")
        if len(parts) == 1:
            return date(int(parts[0]), 7, 1)  # a bare year: its middle, for distance checks
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 15)
        return date.fromisoformat(value[:10])
    except ValueError:
        return None  # ISO weeks and odd values give no distance


def sort_key(value: str | None) -> str:
    """A date value as a sortable day: months at mid-month, ISO weeks at their Monday."""
    if not value:
        return "9999-12-31"
    if "-W" in value:
        try:
            year, week = value.split("-W")
            return date.fromisocalendar(int(year), int(week[:2]), 1).isoformat()
        except ValueError:
            return "9999-12-31"
    day = day_of(value)
    return day.isoformat() if day else "9999-12-31"


def _past_instance(event: dict, published: str | None) -> date | None:
    """The day of a signing or ratification the text dates a year or more before publication."""
    if event.get("status") not in ("signed", "ratified") or event.get("date_source") == "published":
        return None
    day, ref = day_of(event.get("date")), day_of(published)
    if day is None or ref is None or (ref - day).days < PAST_INSTANCE_DAYS:
        return None
    return day


def _step(index: int, event: dict) -> dict:
    evidence = event.get("evidence") or {}
    claim = event.get("claimed_by") or {}
    if isinstance(claim, str):  # a store may hand back the claimant's name only
        claim = {"name": claim}
    return {
        "i": index, "status": event.get("status"), "date": event.get("date"),
        "claimed_by": claim.get("name"), "start": evidence.get("start"), "end": evidence.get("end"),
        "parties": [[p["name"], p.get("id")] for p in event.get("parties") or [] if p.get("name")],
        "resources": [r["name"] for r in event.get("resources") or [] if r.get("name")],
        "domain": event.get("domain"),
        "subject": event.get("subject"),
        # set on the events the learned status model reads (filon_events), None on the rules'
        "confidence": event.get("confidence"),
    }


def record_units(record: dict, order: int = 0) -> list[Unit]:
    """The units of one extraction record ("id", "published", "events")."""
    article_id = record.get("id") or record.get("source_id") or f"#{order}"
    published = record.get("published")
    by_key: dict[str, Unit] = {}
    units: list[Unit] = []
    for index, event in enumerate(record.get("events") or []):
        if event.get("type") not in LINKED_TYPES:
            continue
        names = [p.get("name") for p in event.get("parties") or [] if p.get("name")]
        if not names:
            continue
        local = event.get("agreement_id")
        key = local if local else f"{event['type']}:{'+'.join(sorted(names))}"
        past = _past_instance(event, published)
        if past is not None:
            # "avaient signé en juillet 2021 un protocole" in a 2025 article: an earlier
            # agreement between the same parties, not a step of today's deal
            key = f"{key}@{past.year}"
        unit = by_key.get(key)
        if unit is None:
            # an invitation to invest is an offer thread of its own, never merged into a deal
            family = "minerals-investment" if event["type"] == "investment_invitation" else "deal"
            unit = Unit(article_id, [], [], {}, [], family, None, set(), published)
            by_key[key] = unit
            units.append(unit)
        unit.events.append(index)
        unit.types.add(event["type"])
        unit.steps.append(_step(index, event))
        for party in event.get("parties") or []:
            if party.get("name") and party["name"] not in unit.parties:
                unit.parties.append(party["name"])
                unit.party_ids[party["name"]] = party.get("id")
        for res in event.get("resources") or []:
            if res.get("name") and res["name"] not in unit.resources:
                unit.resources.append(res["name"])
        # the article's day places the unit in time: one background date in a sentence
        # ("l'aide votée en 2022") must not move the whole unit years away from its deal
        day = past or day_of(published) or day_of(event.get("date"))
        if day is not None and (unit.day is None or day < unit.day):
            unit.day = day
    return units


def all_units(records: Iterable[dict]) -> list[Unit]:
    """The units of many records."""
    return [unit for order, record in enumerate(records) for unit in record_units(record, order)]
